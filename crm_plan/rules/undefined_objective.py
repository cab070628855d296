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
    "An objective of the active plan has an activity that is no longer 'por definir': the plan "
    "says that objectives without defined activities are removed from it.")


def check(read: Read, report: Report) -> None:
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
