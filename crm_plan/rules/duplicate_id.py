"""duplicate-id: no two objectives of a part of the plan, and no two activities, share an id."""

from __future__ import annotations

from typing import Any

from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Entry, Read
from crm_plan.rules.base import Report

CODE = "duplicate-id"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "No two objectives of the active plan share an id, nor two objectives of the history, nor "
    "any two activities of the whole plan: an id names one item.")


def check(read: Read, report: Report) -> None:
    objectives = read.objectives
    _report(_again([o for o in objectives if not o.archived]), _("objective"), report)
    _report(_again([o for o in objectives if o.archived]), _("objective"), report)
    _report(_again(read.activities), _("activity"), report)


def _again(entries: list[Entry[Any]]) -> list[tuple[Entry[Any], Entry[Any]]]:
    """(entry, the first with its id) for each entry whose id an earlier one has."""
    first: dict[str, Entry[Any]] = {}
    for entry in entries:
        first.setdefault(entry.record.id, entry)
    if len(first) == len(entries):
        return []
    return [(entry, first[entry.record.id]) for entry in entries
            if first[entry.record.id] is not entry]


def _report(twice: list[tuple[Entry[Any], Entry[Any]]], what: str, report: Report) -> None:
    for entry, first in twice:
        report(entry.fields["id"], _("{what} id '{id}' is used twice (also at line {line})")
               .format(what=what, id=entry.record.id, line=first.fields["id"].line))
