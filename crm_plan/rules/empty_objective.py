"""empty-objective: an objective of the active plan has activities."""

from __future__ import annotations

from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report

CODE = "empty-objective"
SEVERITY = Severity.WARNING
EXPLANATION = N_("An objective of the active plan has at least one activity.")


def check(read: Read, report: Report) -> None:
    for entry in read.objectives:
        objective = entry.record
        if not objective.activities and not objective.archived:
            report(entry.fields.get("id") or entry.node, _(
                "objective {id} has no activities; add one or remove the objective")
                .format(id=objective.id))
