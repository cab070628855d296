"""`crmplan report` on the terminal: an actor's action sheet as tables (`grid.shared`), or the
same as plain text for a file (`--format table -o sheet.txt`)."""

from __future__ import annotations

import io

from rich.console import Console

from crm_plan.model import Plan
from crm_plan.render.sheet_rows import group_heading, headers, intro, rows, title
from crm_plan.render.terminal.console import (
    activity_text,
    console,
    new_console,
    print_lines,
    text,
)
from crm_plan.render.terminal.grid import shared
from crm_plan.sheet import Sheet


def print_sheet(plan: Plan, sheet: Sheet, out: Console | None = None) -> None:
    out = out or console()
    out.print(text(title(sheet), "label"))
    for line in intro(plan, sheet):
        out.print(text(line))
    for group, found in rows(sheet):
        out.print()
        out.print(text(group_heading(group, found), "heading.section"))
        cells = []
        for row in found:
            cell = activity_text(row.text, row.underline, row.refs)
            for note in row.notes:
                cell.append_text(text("\n" + note))
            cells.append([text(row.id, "activity.id"), cell, text(row.role), text(row.status)])
        print_lines(out, shared(out, [text(h, "label") for h in headers()], cells, (3, 1, 1),
                                out.width))


def sheet_text(plan: Plan, sheet: Sheet, width: int = 100) -> bytes:
    """The terminal table as plain text, for a file (`--format table -o sheet.txt`)."""
    buffer = io.StringIO()
    print_sheet(plan, sheet, new_console(file=buffer, width=width, color_system=None,
                                         force_terminal=False))
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
    return (text + "\n").encode("utf-8")
