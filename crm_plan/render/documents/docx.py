"""Word documents (.docx) with python-docx: a landscape page and real tables; the plan as the
2009 Word document (`export --format docx`); and the one way text is written into a Word file
(`escape`; `report` uses these helpers too).

python-docx is an install extra (`pip install "crmplan[docx]"`): it brings lxml, several
megabytes that `validate`, `list` and the pre-commit hook never need. `load()` imports it when
a Word file is asked for, and says in one sentence how to install it when it is missing.

The document: A4 landscape; the title block; per section a real table OBJETIVOS | ACTIVIDADES |
RESPONSABLE | CALENDARIO whose header row repeats on each page and whose OBJETIVOS cell is merged
down its activities; the historical part; the legend. Pending items are underlined,
Plan-of-Action items in upper case.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from crm_plan.errors import CrmPlanError
from crm_plan.export import Entry, Layout, Part, ref_text
from crm_plan.messages import _
from crm_plan.model import Plan
from crm_plan.query import is_overdue
from crm_plan.render.sheet_rows import group_heading, headers, intro, rows, title
from crm_plan.sheet import Sheet
from crm_plan.text import visible

if TYPE_CHECKING:
    from docx.document import Document
    from docx.table import Table, _Cell

    from crm_plan.agenda import Agenda
    from crm_plan.render.agenda_rows import AgendaRow

FONT = "Arial"  # present in Word and LibreOffice (as Liberation Sans) on every system
TABLE_POINTS = 8.5
PAGE_CM = (29.7, 21.0)  # A4, landscape
MARGIN_CM = 1.5


# What XML 1.0 cannot hold and `text.visible` leaves alone (lxml refuses it with a ValueError):
# the noncharacters U+FFFE and U+FFFF, and lone surrogates.
_NOT_XML = re.compile("[\ud800-\udfff\ufffe\uffff]")


def escape(value: str) -> str:
    """Any text bound for a Word file: every control, separator or bidi character written
    visibly (`\\x1b`), as in the other formats, and nothing XML cannot hold, so that
    python-docx never fails on a value. Tab and newline stay: python-docx writes them as a
    Word tab and line break."""
    shown = visible(value)
    if _NOT_XML.search(shown) is None:
        return shown
    return _NOT_XML.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)


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

    document: Document = docx.Document()
    section = document.sections[0]
    section.orientation = WD_ORIENT.LANDSCAPE
    section.page_width, section.page_height = Cm(PAGE_CM[0]), Cm(PAGE_CM[1])
    for side in ("left_margin", "right_margin", "top_margin", "bottom_margin"):
        setattr(section, side, Cm(MARGIN_CM))
    normal = document.styles["Normal"]
    normal.font.name = FONT
    normal.font.size = Pt(10)
    return document


def usable_width() -> int:
    """The width between the margins of `landscape_document`, in EMU."""
    from docx.shared import Cm

    return Cm(PAGE_CM[0] - 2 * MARGIN_CM)


def paragraph(document: Document, words: str, *, bold: bool = False, size: float | None = None,
              style: str | None = None) -> None:
    from docx.shared import Pt

    para = document.add_paragraph(style=style)
    run = para.add_run(escape(words))
    run.bold = bold or None
    if size:
        run.font.size = Pt(size)


def table(document: Document, headers: Sequence[str], shares: Sequence[float]) -> Table:
    """A bordered table whose header row repeats on every page; column widths in shares of
    the page width."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    grid: Table = document.add_table(rows=1, cols=len(headers))
    grid.style = "Table Grid"
    grid.autofit = False
    header = grid.rows[0]
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    header._tr.get_or_add_trPr().append(flag)
    for cell, label in zip(header.cells, headers, strict=True):
        write(cell, [[(label, {"bold": True})]])
    set_widths(grid, shares)
    return grid


def set_widths(grid: Table, shares: Sequence[float]) -> None:
    width = usable_width()
    widths = [int(width * share / sum(shares)) for share in shares]
    for column, value in zip(grid.columns, widths, strict=True):
        column.width = value
    for row in grid.rows:
        for cell, value in zip(row.cells, widths, strict=True):
            cell.width = value


def add_row(grid: Table) -> Sequence[_Cell]:
    """The cells of a new last row of `grid` (python-docx leaves `add_row` unannotated)."""
    cells: Sequence[_Cell] = grid.add_row().cells  # type: ignore[no-untyped-call]
    return cells


Run = tuple[str, dict[str, bool]]  # text, and its style: bold, underline, muted


def write(cell: _Cell, lines: Sequence[Sequence[Run]], *, append: bool = False) -> None:
    """Lines of runs into a cell, one paragraph each: the cell's first, empty paragraph is
    reused unless `append`."""
    from docx.shared import Pt, RGBColor

    for index, runs in enumerate(lines):
        para = cell.paragraphs[0] if index == 0 and not append else cell.add_paragraph()
        para.paragraph_format.space_after = Pt(2)
        for words, style in runs:
            run = para.add_run(escape(words))
            run.font.size = Pt(TABLE_POINTS)
            run.bold = style.get("bold") or None
            run.underline = style.get("underline") or None
            if style.get("muted"):
                run.font.color.rgb = RGBColor(0x57, 0x60, 0x6A)


def heading(document: Document, words: str, level: int) -> None:
    document.add_heading(escape(words), level=level)


def titled(document: Document, title: str) -> None:
    """The document's title in its properties (what a file browser shows)."""
    document.core_properties.title = escape(title)


def to_bytes(document: Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


# -- export --format docx -------------------------------------------------------------------------

ACTIVE_SHARES = (20, 42, 22, 16)
HISTORY_SHARES = (22, 38, 40)


def export_docx(layout: Layout, as_of: dt.date) -> bytes:
    document = landscape_document()
    titled(document, layout.title)
    paragraph(document, layout.organization, bold=True)
    paragraph(document, layout.title, bold=True, size=13)
    if layout.updated:
        paragraph(document, layout.updated)
    for part in layout.parts:
        _part(document, part, as_of)
    for line in (layout.note, *layout.legend):
        if line:
            paragraph(document, line, size=9)
    return to_bytes(document)


def _part(document: Document, part: Part, as_of: dt.date) -> None:
    if part.heading:
        heading(document, part.heading, 1)
    for area in part.areas:
        if area.heading:
            heading(document, area.heading, 1 if not part.heading else 2)
        for section in area.sections:
            heading(document, section.heading, 3)
            shares = HISTORY_SHARES if part.historical else ACTIVE_SHARES
            grid = table(document, part.columns, shares)
            for block in section.objectives:
                first = len(grid.rows)
                for row in block.rows:
                    cells = add_row(grid)
                    for cell, entries in zip(cells[1:], row.cells, strict=True):
                        write(cell, [entry_runs(e) for e in entries])
                    if not part.historical and is_overdue(row.activity, as_of):
                        write(cells[-1], [[(_("overdue"), {"bold": True})]], append=True)
                top = grid.cell(first, 0)
                if len(grid.rows) - 1 > first:
                    top = top.merge(grid.cell(len(grid.rows) - 1, 0))
                write(top, [entry_runs(block.entry, bold=True)])
            set_widths(grid, shares)


def entry_runs(entry: Entry, *, bold: bool = False) -> list[Run]:
    """The runs of one numbered line: number and text, references in grey, the note."""
    style = {"underline": entry.underline, "bold": bold}
    runs: list[Run] = [(" ".join(p for p in (entry.number, entry.text) if p), style)]
    runs += [(" " + ref_text(ref), {**style, "muted": True}) for ref in entry.refs]
    if entry.refs and entry.after:
        runs.append((entry.after, style))
    if entry.note:
        runs.append((" " + entry.note, style))
    return runs


# -- an action sheet (`crmplan report`) ------------------------------------------------------------

def sheet_docx(plan: Plan, sheet: Sheet) -> bytes:
    document = landscape_document()
    titled(document, title(sheet))
    heading(document, title(sheet), 1)
    for line in intro(plan, sheet):
        paragraph(document, line)
    for group, found in rows(sheet):
        heading(document, group_heading(group, found), 2)
        grid = table(document, headers(), (8, 52, 20, 20))
        for row in found:
            cells = add_row(grid)
            style = {"underline": row.underline}
            write(cells[0], [[(row.id, {"bold": True})]])
            write(cells[1], [[(row.text, style),
                                   *((" " + r, {**style, "muted": True}) for r in row.refs)],
                                  *([(note, {})] for note in row.notes)])
            write(cells[2], [[(row.role, {})]])
            write(cells[3], [[(row.status, {})]])
        set_widths(grid, (8, 52, 20, 20))
    return to_bytes(document)


def agenda_docx(plan: Plan, agenda: Agenda) -> bytes:
    from crm_plan.render import agenda_rows as wording

    document = landscape_document()
    titled(document, wording.title(agenda))
    heading(document, wording.title(agenda), 1)
    for line in wording.intro(plan, agenda):
        paragraph(document, line)
    for actor, groups in wording.rows(plan, agenda):
        heading(document, wording.actor_heading(actor), 2)
        for group, found in groups:
            heading(document, wording.group_heading(group, found), 3)
            _agenda_table(document, found)
    if agenda.completed:
        heading(document, wording.completed_heading(agenda), 2)
        _agenda_table(document, wording.completed_rows(plan, agenda))
    return to_bytes(document)


def _agenda_table(document: Document, found: list[AgendaRow]) -> None:
    from crm_plan.render.agenda_rows import headers as agenda_headers

    shares = (10, 60, 30)
    grid = table(document, agenda_headers(), shares)
    for row in found:
        cells = add_row(grid)
        style = {"underline": row.underline}
        write(cells[0], [[(row.id, {"bold": True})]])
        write(cells[1], [[(row.text, style),
                          *((" " + r, {**style, "muted": True}) for r in row.refs)]])
        write(cells[2], [[(row.status, {})]])
    set_widths(grid, shares)
