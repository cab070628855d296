"""`crmplan export --format docx`: the plan as the 2009 Word document, with python-docx.

A4 landscape; the title block; per section a real table OBJETIVOS | ACTIVIDADES | RESPONSABLE |
CALENDARIO whose header row repeats on each page and whose OBJETIVOS cell is merged down its
activities; the historical part; the legend. Pending items are underlined, Plan-of-Action
items in upper case.
"""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from crm_plan.export import Entry, Layout, Part, ref_text
from crm_plan.messages import _
from crm_plan.query import is_overdue
from crm_plan.render import docx as word

if TYPE_CHECKING:
    from docx.document import Document

ACTIVE_SHARES = (20, 42, 22, 16)
HISTORY_SHARES = (22, 38, 40)


def export_docx(layout: Layout, as_of: dt.date) -> bytes:
    document = word.landscape_document()
    document.core_properties.title = layout.title
    word.paragraph(document, layout.organization, bold=True)
    word.paragraph(document, layout.title, bold=True, size=13)
    if layout.updated:
        word.paragraph(document, layout.updated)
    for part in layout.parts:
        _part(document, part, as_of)
    for line in (layout.note, *layout.legend):
        if line:
            word.paragraph(document, line, size=9)
    return word.to_bytes(document)


def _part(document: Document, part: Part, as_of: dt.date) -> None:
    if part.heading:
        document.add_heading(part.heading, level=1)
    for area in part.areas:
        if area.heading:
            document.add_heading(area.heading, level=1 if not part.heading else 2)
        for section in area.sections:
            document.add_heading(section.heading, level=3)
            shares = HISTORY_SHARES if part.historical else ACTIVE_SHARES
            grid = word.table(document, part.columns, shares)
            for block in section.objectives:
                first = len(grid.rows)
                for row in block.rows:
                    cells = grid.add_row().cells
                    for cell, entries in zip(cells[1:], row.cells, strict=True):
                        word.write(cell, [entry_runs(e) for e in entries])
                    if not part.historical and is_overdue(row.activity, as_of):
                        word.write(cells[-1], [[(_("overdue"), {"bold": True})]], append=True)
                top = grid.cell(first, 0)
                if len(grid.rows) - 1 > first:
                    top = top.merge(grid.cell(len(grid.rows) - 1, 0))
                word.write(top, [entry_runs(block.entry, bold=True)])
            word.set_widths(document, grid, shares)


def entry_runs(entry: Entry, *, bold: bool = False) -> list[word.Run]:
    """The runs of one numbered line: number and text, references in grey, the note."""
    style = {"underline": entry.underline, "bold": bold}
    runs: list[word.Run] = [(" ".join(p for p in (entry.number, entry.text) if p), style)]
    runs += [(" " + ref_text(ref), {**style, "muted": True}) for ref in entry.refs]
    if entry.note:
        runs.append((" " + entry.note, style))
    return runs
