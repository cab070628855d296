"""responsible: an activity of the active plan names someone responsible."""

from __future__ import annotations

from crm_plan.messages import N_, _
from crm_plan.model import Status
from crm_plan.problems import Severity
from crm_plan.reader import Read, written_status
from crm_plan.rules.base import Report

CODE = "responsible"
SEVERITY = Severity.WARNING
EXPLANATION = N_(
    "An activity of the active plan names someone under 'responsible', unless its status is "
    "still 'por definir'.")


def check(read: Read, report: Report) -> None:
    for entry in read.activities:
        if entry.record.responsible or entry.archived:
            continue
        node = entry.fields.get("responsible")
        if node is not None and written_status(entry) is not Status.POR_DEFINIR:
            report(node, _("activity {id} has nobody responsible").format(id=entry.record.id))
