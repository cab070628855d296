"""`crmplan report` on the terminal: an actor's action sheet as rich tables, or the same as
plain text for a file (`--format table -o sheet.txt`)."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table

from crm_plan.model import Plan
from crm_plan.render.sheet_rows import group_heading, headers, intro, rows, title
from crm_plan.render.terminal.console import console, new_console, text
from crm_plan.sheet import Sheet


def print_sheet(plan: Plan, sheet: Sheet, out: Console | None = None) -> None:
    out = out or console()
    out.print(text(title(sheet), "label"))
    for line in intro(plan, sheet):
        out.print(text(line))
    for group, found in rows(sheet):
        out.print()
        out.print(text(group_heading(group, found), "heading.section"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        for index, header in enumerate(headers()):
            table.add_column(text(header), ratio=(None, 3, 1, 1)[index], no_wrap=index == 0,
                             style="activity.id" if index == 0 else None)
        for row in found:
            cell = text(row.text, "status.pending" if row.underline else "")
            for ref in row.refs:
                cell.append_text(text(" " + ref, "aside"))
            for note in row.notes:
                cell.append_text(text("\n" + note))
            table.add_row(text(row.id), cell, text(row.role), text(row.status))
        out.print(table)


def sheet_text(plan: Plan, sheet: Sheet, width: int = 100) -> bytes:
    """The terminal table as plain text, for a file (`--format table -o sheet.txt`)."""
    buffer = io.StringIO()
    print_sheet(plan, sheet, new_console(file=buffer, width=width, color_system=None,
                                         force_terminal=False))
    text = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
    return (text + "\n").encode("utf-8")
