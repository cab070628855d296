"""`crmplan changes` on the terminal: the changes to the document data, areas, sections,
actors, meetings and objectives, after those of the activities (`changes.print_changes`). Kept
apart from that view, so that each can change without the other."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table

from crm_plan.changes import Comparison, Part
from crm_plan.messages import _
from crm_plan.render.changes import by_item, describe_part, part_heading, short_name
from crm_plan.render.terminal.changes import change_text
from crm_plan.render.terminal.console import console, text


def print_part_changes(comparison: Comparison, out: Console | None = None) -> None:
    out = out or console()
    for part, items in by_item(comparison.parts):
        out.print()
        out.print(text(part_heading(part), "heading.section"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        if part is not Part.DOCUMENT:
            table.add_column(text(_("Id")), no_wrap=True, style="activity.id")
            table.add_column(text(_("Name")), ratio=2)
        table.add_column(text(_("Change")), ratio=3)
        for changes in items:
            cell = text("")
            for change in changes:
                cell.append_text(text("\n" if cell else ""))
                cell.append_text(change_text(*describe_part(change), change.words))
            if part is Part.DOCUMENT:
                table.add_row(cell)
            else:
                table.add_row(text(changes[0].key), text(short_name(changes[0])), cell)
        out.print(table)

