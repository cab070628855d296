"""Word documents (.docx) with python-docx: a landscape page and real tables.

python-docx is an install extra (`pip install "crmplan[docx]"`): it brings lxml, several
megabytes that `validate`, `list` and the pre-commit hook never need. `load()` imports it when
a Word file is asked for, and says in one sentence how to install it when it is missing.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from crm_plan.errors import CrmPlanError
from crm_plan.messages import _

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell

FONT = "Arial"  # present in Word and LibreOffice (as Liberation Sans) on every system
TABLE_POINTS = 8.5


def load() -> Any:
    """The `docx` package, or a CrmPlanError saying how to install it."""
    try:
        import docx
    except ImportError:
        raise CrmPlanError(_("Word files need the python-docx package; install it with: pip "
                             "install \"crmplan[docx]\"")) from None
    return docx


def landscape_document() -> Document:
    """An empty A4 landscape document with narrow margins, in a font every office has."""
    docx = load()
    from docx.enum.section import WD_ORIENT
    from docx.shared import Cm, Pt

    document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(1.5))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    return document


def usable_width(document: Document) -> int:
    section = document.sections[0]
    return section.page_width - section.left_margin - section.right_margin


def paragraph(document: Document, text: str, *, bold: bool = False, size: float | None = None,
              style: str | None = None) -> None:
    from docx.shared import Pt

    para = document.add_paragraph(style=style)
    run = para.add_run(text)
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)


def table(document: Document, headers: Sequence[str], shares: Sequence[float]) -> Table:
    """A bordered table whose header row repeats on every page; column widths in shares of
    the page width."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    grid = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.autofit = False
    header = grid.rows[0]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, text in zip(header.cells, headers, strict=True):
        write(cell, [[(text, {"bold": True})]])
    set_widths(document, grid, shares)
    return grid


def set_widths(document: Document, grid: Table, shares: Sequence[float]) -> None:
    width = usable_width(document)
    widths = [int(width * share / sum(shares)) for share in shares]
    for column, value in zip(grid.columns, widths, strict=True):
        column.width = value
    for row in grid.rows:
        for cell, value in zip(row.cells, widths, strict=True):
            cell.width = value


Run = tuple[str, dict[str, bool]]  # text, and its style: bold, underline, muted


def write(cell: _Cell, lines: Sequence[Sequence[Run]], *, append: bool = False) -> None:
    """Lines of runs into a cell, one paragraph each: the cell's first, empty paragraph is
    reused unless `append`."""
    from docx.shared import Pt, RGBColor

    for index, runs in enumerate(lines):
        para = cell.paragraphs[0] if index == 0 and not append else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        for text, style in runs:
            run = para.add_run(text)
            run.font.size = Pt(TABLE_POINTS)
            run.bold = style.get("bold") or None
            run.underline = style.get("underline") or None
            if style.get("muted"):
                run.font.color.rgb = RGBColor(0x57, 0x60, 0x6A)


def to_bytes(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()
