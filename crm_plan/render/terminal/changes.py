"""`crmplan changes` on the terminal: a table per section, word diffs in red and green."""

from __future__ import annotations

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from crm_plan.changes import Comparison, Words, shorten
from crm_plan.messages import _
from crm_plan.render.changes import by_activity, describe, headline, short_text
from crm_plan.render.terminal.console import console, text


def print_changes(comparison: Comparison, old: str, new: str, out: Console | None = None) -> None:
    out = out or console()
    out.print(text(headline(comparison, old, new)))
    for section, changes in comparison.by_section():
        title = comparison.sections.get(section, "")
        out.print()
        out.print(text(f"{section}. {title}" if title else section, "heading.section"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(text(_("Id")), no_wrap=True, style="activity.id")
        table.add_column(text(_("Activity")), ratio=2)
        table.add_column(text(_("Change")), ratio=3)
        for group in by_activity(changes):
            lines = text("")
            for change in group:
                lines.append_text(text("\n" if lines else ""))
                lines.append_text(change_text(*describe(change), change.words))
            table.add_row(text(group[0].id), text(short_text(group[0])), lines)
        out.print(table)


def change_text(what: str, how: str, words: Words) -> Text:
    """What changed, in its style, then how: the word diff where there is one."""
    cell = text(what, "change.what")
    if words:
        cell.append_text(text(": "))
        cell.append_text(words_text(shorten(words)))
    elif how:
        cell.append_text(text(": " + how))
    return cell


def words_text(words: Words) -> Text:
    """`[-removed-]{+added+}`, in red and green where there is colour."""
    cell = text("")
    for index, (op, words_run) in enumerate(words):
        if index:
            cell.append_text(text(" "))
        if op == "-":
            cell.append_text(text(f"[-{words_run}-]", "change.removed"))
        elif op == "+":
            cell.append_text(text(f"{{+{words_run}+}}", "change.added"))
        else:
            cell.append_text(text(words_run))
    return cell
