"""origin: where crmplan archive took an activity from, only in the history."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_text
from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report

CODE = "origin"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "'origin' is written by crmplan archive on an activity of the history, so that crmplan "
    "restore can put it back: it has no place in the active plan, and its 'position' is a "
    "number.")


def check(read: Read, report: Report) -> None:
    for entry in read.activities:
        node = entry.fields.get("origin")
        if node is not None and not entry.archived:
            report(node, _("'origin' is written by crmplan archive and belongs to activities "
                           "in the history; remove it here"))
    for origin in read.of(fields.ORIGIN):
        node = origin.fields.get("position")
        position = written_text(node)
        if node is not None and position is not None and not position.isdigit():
            report(node, _("'position' is a number, not '{value}'").format(value=position))
