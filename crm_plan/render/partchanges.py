"""`crmplan changes` in the terminal: the changes to the document data, areas, sections, actors
and objectives, after those of the activities (`changes.print_changes`). Kept apart from it so
that the activities' view can change without this one, and the other way round."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm_plan.changes import Comparison, Part, PartChange, shorten
from crm_plan.messages import _
from crm_plan.render.changes import (
    by_item,
    describe_part,
    part_heading,
    short_name,
    words_text,
)

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


def print_part_changes(comparison: Comparison, out: Console | None = None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from crm_plan.render.screen import console
    from crm_plan.render.table import STYLES

    out = out or console()
    for part, items in by_item(comparison.parts):
        out.print()
        out.print(Text(part_heading(part), STYLES["section"]))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        if part is not Part.DOCUMENT:
            table.add_column(_("Id"), no_wrap=True, style=STYLES["id"])
            table.add_column(_("Name"), ratio=2)
        table.add_column(_("Change"), ratio=3)
        for changes in items:
            lines = Text("")
            for change in changes:
                lines.append_text(Text("\n" if lines else ""))
                lines.append_text(_change_text(change))
            if part is Part.DOCUMENT:
                table.add_row(lines)
            else:
                table.add_row(changes[0].key, Text(short_name(changes[0])), lines)
        out.print(table)


def _change_text(change: PartChange) -> Text:
    from rich.text import Text

    what, how = describe_part(change)
    text = Text(what, "bold")
    if change.words:
        text.append(": ")
        text.append_text(words_text(shorten(change.words)))
    elif how:
        text.append(": " + how)
    return text
