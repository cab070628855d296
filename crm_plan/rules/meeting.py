"""meeting: the calendar is well written, and deadlines tied to meetings name real ones."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_text
from crm_plan.messages import N_, _
from crm_plan.model import Due
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report, did_you_mean
from crm_plan.source import Node
from crm_plan.text import fold

CODE = "meeting"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "Each meeting of 'meetings' has its own id and a date that exists (2009-12 or 2009-12-03; "
    "left out or 'por definir' while unknown); an activity's 'due_at' names a meeting of the "
    "calendar, its 'due_each' a body that meets in it, and 'days_before' is a whole number.")

_UNDATED = "por definir"


def check(read: Read, report: Report) -> None:
    entries = read.of(fields.MEETING)
    seen: dict[str, int] = {}
    for entry in entries:
        meeting = entry.record
        if meeting.id in seen:
            report(entry.fields["id"], _("meeting id '{id}' is used twice (also at line {line})")
                   .format(id=meeting.id, line=seen[meeting.id]))
        seen.setdefault(meeting.id, entry.fields["id"].line)
        node = entry.fields.get("date")
        value = written_text(node) if node is not None else None
        if node is not None and value and meeting.date is None and fold(value) != _UNDATED:
            report(node, _("the meeting date '{value}' is not a date; write 2009-12, 2009-12-03 "
                           "or por definir").format(value=value))
        elif meeting.date is not None:
            _check_date(meeting.date, node, report)
    _check_activities(read, report, list(seen))


def _check_date(date: Due, node: Node | None, report: Report) -> None:
    if date.month is None and node is not None:
        report(node, _("a meeting date needs at least the month: 2009-12"))


def _check_activities(read: Read, report: Report, ids: list[str]) -> None:
    bodies = {fold(e.record.body): e.record.body for e in read.of(fields.MEETING)}
    for entry in read.activities:
        activity = entry.record
        if activity.due_at is not None and activity.due_at not in ids:
            report(entry.fields["due_at"], _("'{id}' is not a meeting of 'meetings'").format(
                id=activity.due_at) + did_you_mean(activity.due_at, ids))
        for body in activity.due_each if bodies else ():  # no calendar: nothing to say
            if fold(body) not in bodies:
                report(entry.fields["due_each"], _(
                    "no meeting of 'meetings' is of the body '{body}'").format(body=body)
                    + did_you_mean(body, list(bodies.values())))
        node = entry.fields.get("days_before")
        if node is not None and not _whole_number(activity.days_before or ""):
            report(node, _("'days_before' is a whole number of days, e.g. 1"))


def _whole_number(text: str) -> bool:
    """Digits 0-9 only (`str.isdigit` also takes ² and other digits `int` refuses)."""
    return text.isascii() and text.isdigit()
