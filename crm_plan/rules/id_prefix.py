"""id-prefix: an activity's id is its objective's id, a dot and a number."""

from __future__ import annotations

from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report

CODE = "id-prefix"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "An activity's id is its objective's id, a dot and a number: 9.3 is the third activity of "
    "objective 9.")


def check(read: Read, report: Report) -> None:
    for entry in read.activities:
        aid, oid = entry.record.id, entry.record.objective
        if not (aid.startswith(oid + ".") and aid[len(oid) + 1:].isdigit()):
            report(entry.fields["id"], _(
                "activity '{id}' is under objective {objective}; its id should be "
                "'{objective}.' followed by a number, e.g. '{objective}.1'")
                .format(id=aid, objective=oid))
