"""undefined-objective: an objective whose activities are all still 'por definir'."""

from __future__ import annotations

from typing import Any

from crm_plan.messages import N_, _
from crm_plan.model import Status
from crm_plan.problems import Severity
from crm_plan.reader import Entry, Read, written_status
from crm_plan.rules.base import Report

CODE = "undefined-objective"
SEVERITY = Severity.WARNING
EXPLANATION = N_(
    "Every activity of an objective of the active plan is still 'por definir', in a plan that "
    "says objectives without defined activities are removed from it (its document has "
    "'removes_undefined_objectives: true', as the 2009 CRM plan's notes say). Define an "
    "activity, or remove the objective. A plan without that line is not checked for this.")


def check(read: Read, report: Report) -> None:
    if not read.plan.document.removes_undefined_objectives:
        return  # a rule of the 2009 CRM plan's text, for a plan that declares it
    undefined: dict[Entry[Any], bool] = {}  # objective -> every activity written 'por definir'
    for activity in read.activities:
        if not activity.archived and (objective := activity.parent) is not None:
            written = activity.record.status is Status.POR_DEFINIR \
                and written_status(activity) is Status.POR_DEFINIR
            undefined[objective] = undefined.get(objective, True) and written
    for objective, all_undefined in undefined.items():
        if all_undefined:
            report(objective.fields.get("id") or objective.node, _(
                "every activity of objective {id} is still 'por definir'; the plan says "
                "objectives without defined activities are removed from it")
                .format(id=objective.record.id))
