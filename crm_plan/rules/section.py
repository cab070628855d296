"""section: an objective's section, and a section's area, are declared."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_text
from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report, not_declared

CODE = "section"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "An objective's section is declared under 'sections', and a section's area under 'areas' "
    "(when the plan has areas).")


def check(read: Read, report: Report) -> None:
    plan = read.plan
    for objective in read.objectives:
        section = objective.record.section
        node = objective.fields.get("section")
        if section and section not in plan.sections and node is not None:
            report(node, not_declared(_("section"), section, plan.sections))
    for entry in read.of(fields.SECTION) if plan.areas else ():
        node = entry.fields.get("area")
        area = written_text(node)
        if node is not None and area and area not in plan.areas:
            report(node, not_declared(_("area"), area, plan.areas))
