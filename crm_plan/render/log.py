"""`crmplan log ID`: the history of one activity, as text (rich) or json."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm_plan.changes import shorten
from crm_plan.gitlog import History
from crm_plan.messages import _, ngettext
from crm_plan.render.changes import change_record, describe, words_text
from crm_plan.render.records import to_json

if TYPE_CHECKING:
    from rich.console import Console

SHORT = 7  # the length of a commit's abbreviated name, as git shows it


def print_log(history: History, out: Console | None = None) -> None:
    from rich.text import Text

    from crm_plan.render.screen import console
    from crm_plan.render.table import STYLES

    out = out or console()
    heading = Text(history.activity_id, STYLES["id"])
    heading.append(" " + history.text)
    out.print(heading)
    out.print(Text(summary(history)))
    for event in history.events:
        commit = event.commit
        line = Text(f"{commit.date[:10]}  ")
        line.append(commit.sha[:SHORT], STYLES["id"])
        line.append(f"  {commit.author}  ")
        line.append(commit.subject, "italic")
        out.print()
        out.print(line)
        for change in event.changes:
            what, how = describe(change)
            text = Text("  ")
            text.append(what, "bold")
            if change.words:
                text.append(": ")
                text.append_text(words_text(shorten(change.words)))
            elif how:
                text.append(": " + how)
            out.print(text)
    if history.unreadable:
        out.print()
        out.print(Text(_("Skipped, as the plan file could not be read there: {commits}.").format(
            commits=", ".join(c.sha[:SHORT] for c in history.unreadable))))


def summary(history: History) -> str:
    changes = sum(len(event.changes) for event in history.events)
    return _("{path}: {changes} in {commits}.").format(
        path=history.path,
        changes=ngettext("{n} change", "{n} changes", changes).format(n=changes),
        commits=ngettext("{n} commit", "{n} commits", len(history.events)).format(
            n=len(history.events)))


def log_json(history: History) -> bytes:
    return to_json({
        "id": history.activity_id, "file": history.path, "text": history.text,
        "events": [{"commit": e.commit.sha, "parents": list(e.commit.parents),
                    "author": e.commit.author, "date": e.commit.date,
                    "subject": e.commit.subject,
                    "changes": [change_record(c) for c in e.changes]}
                   for e in history.events],
        "unreadable": [c.sha for c in history.unreadable],
    })
