"""due: an activity 'programado' has a due date, and a due date is a real year, month or day."""

from __future__ import annotations

from crm_plan.fieldreader import english_name, written_text
from crm_plan.messages import N_, _
from crm_plan.model import Activity, Due, Status
from crm_plan.problems import Severity
from crm_plan.reader import Entry, Read, written_status
from crm_plan.rules.base import Report

CODE = "due"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "An activity 'programado' has a due date: a year, a year and month or a full date that "
    "exists (2010, 2010-02, 2010-02-15). A due date on an activity with another status is a "
    "warning, since only 'programado' uses it.")

_KEEPS_ITS_DATE = (Status.PROGRAMADO, Status.COMPLETADO, None)  # done keeps its date


def check(read: Read, report: Report) -> None:
    for entry in read.activities:
        activity, node = entry.record, entry.fields.get("due")
        if node is None:
            # Read as 'programado' only when written so: it stands for nothing left out.
            # A meeting stands for the date (due_at), or each meeting of a body (due_each).
            if (activity.status is Status.PROGRAMADO
                    and not (activity.due_at or activity.due_each) and not _misnamed(entry)):
                report(entry.fields["status"], _(
                    "status 'programado' needs a due date: add 'due: 2010-02' (a year, "
                    "year-month or date) on the next line"))
            continue
        value = written_text(node)
        if value is None:
            continue
        if activity.due is None:  # not read: say why
            try:
                Due.parse(value)
            except ValueError as exc:
                report(node, _message(value, str(exc)))
            continue
        status = activity.status if activity.status is not Status.POR_DEFINIR \
            else written_status(entry)  # 'por definir' may stand for an unreadable status
        if status not in _KEEPS_ITS_DATE:
            report(node, _("a due date is only used with status 'programado'; this activity is "
                           "'{status}'").format(status=status), Severity.WARNING)


def _misnamed(entry: Entry[Activity]) -> bool:
    """Whether the due date is written under a Spanish name (`fecha:`), which the reader
    reported as the cause: the missing date is its consequence."""
    return any(english_name(key.value, ("due",)) for key, _v in entry.node.pairs)


def _message(value: str, reason: str) -> str:
    if reason == "month":
        return _("the due date '{value}' has no such month; months go from 01 to 12").format(
            value=value)
    if reason == "day":
        return _("the due date '{value}' has no such day in that month").format(value=value)
    if reason == "year":
        return _("the due date '{value}' has an implausible year").format(value=value)
    return _("the due date '{value}' is not a date; write a year (2010), a year and month "
             "(2010-02) or a full date (2010-02-15)").format(value=value)
