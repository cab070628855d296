"""`crmplan log ID` on the terminal: one activity's changes, commit by commit."""

from __future__ import annotations

from rich.console import Console

from crm_plan.changes import shorten
from crm_plan.gitlog import History
from crm_plan.messages import _, ngettext
from crm_plan.render.changes import describe
from crm_plan.render.terminal.changes import words_text
from crm_plan.render.terminal.console import console, text

SHORT = 7  # the length of a commit's abbreviated name, as git shows it


def print_log(history: History, out: Console | None = None) -> None:
    out = out or console()
    heading = text(history.activity_id, "activity.id")
    heading.append_text(text(" " + history.text))
    out.print(heading)
    out.print(text(summary(history)))
    for event in history.events:
        commit = event.commit
        line = text(f"{commit.date[:10]}  ")
        line.append_text(text(commit.sha[:SHORT], "activity.id"))
        line.append_text(text(f"  {commit.author}  {commit.subject}"))
        out.print()
        out.print(line)
        for change in event.changes:
            what, how = describe(change)
            cell = text("  ")
            cell.append_text(text(what, "change.what"))
            if change.words:
                cell.append_text(text(": "))
                cell.append_text(words_text(shorten(change.words)))
            elif how:
                cell.append_text(text(": " + how))
            out.print(cell)
    if history.unreadable:
        out.print()
        out.print(text(_("Skipped, as the plan file could not be read there: {commits}.").format(
            commits=", ".join(c.sha[:SHORT] for c in history.unreadable))))


def summary(history: History) -> str:
    changes = sum(len(event.changes) for event in history.events)
    return _("{path}: {changes} in {commits}.").format(
        path=history.path,
        changes=ngettext("{n} change", "{n} changes", changes).format(n=changes),
        commits=ngettext("{n} commit", "{n} commits", len(history.events)).format(
            n=len(history.events)))
