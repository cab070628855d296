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
    active: dict[str, Entry[Any]] = {}
    history: dict[str, Entry[Any]] = {}
    for objective in read.objectives:
        _once(objective, history if objective.archived else active, _("objective"), report)
    activities: dict[str, Entry[Any]] = {}
    for activity in read.activities:
        _once(activity, activities, _("activity"), report)


def _once(entry: Entry[Any], seen: dict[str, Entry[Any]], what: str, report: Report) -> None:
    value = entry.record.id
    first = seen.setdefault(value, entry)
    if first is not entry:
        report(entry.fields["id"], _("{what} id '{id}' is used twice (also at line {line})")
               .format(what=what, id=value, line=first.fields["id"].line))
