"""ref-meeting: a reference that names a body, a month and a year names a meeting of the
calendar."""

from __future__ import annotations

from typing import Any

from crm_plan import fields, meetings
from crm_plan.fieldreader import written_texts
from crm_plan.messages import N_, _
from crm_plan.model import Ref
from crm_plan.problems import Severity
from crm_plan.reader import Entry, Read
from crm_plan.rules.base import Report
from crm_plan.source import Node

CODE = "ref-meeting"
SEVERITY = Severity.WARNING
EXPLANATION = N_(
    "In a plan that keeps a calendar ('meetings'), a reference that names a body, a month and "
    "a year (GRCM, noviembre, 2008) matches one of its meetings, so that the plan knows which "
    "meeting gave each mandate; add the meeting to the calendar, or correct the reference.")


def check(read: Read, report: Report) -> None:
    plan = read.plan
    if not plan.meetings:
        return  # no calendar kept: nothing to match the references against
    for part in (fields.ACTIVITY, fields.OUTCOME):
        for entry in read.of(part):
            missing = [ref for ref in entry.record.refs if _named(ref)
                       and meetings.resolve(ref, plan) is None]
            for ref in missing:
                report(_node(entry, ref), _message(ref))


def _named(ref: Ref) -> bool:
    return ref.body is not None and ref.month is not None and ref.year is not None


def _node(entry: Entry[Any], ref: Ref) -> Node:
    """Where the reference is written: its item of `ref`, else the note that cites it."""
    for scalar in written_texts(entry.fields.get("ref")):
        if scalar.value == ref.text:
            return scalar
    return entry.fields.get(ref.field) or entry.node


def _message(ref: Ref) -> str:
    suggested = meetings.suggested_id(ref)
    return _("the reference '{ref}' names a meeting that is not in 'meetings'; add it: "
             "'- id: {id}' with 'body: {body}' and 'date: {year:04d}-{month:02d}'").format(
        ref=ref.text, id=suggested, body=ref.body, year=ref.year, month=ref.month)
