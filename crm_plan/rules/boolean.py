"""boolean: a yes-or-no field says true or false."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_text
from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report

CODE = "boolean"
SEVERITY = Severity.ERROR
EXPLANATION = N_("A yes-or-no field, such as action_plan, says true or false.")


def check(read: Read, report: Report) -> None:
    for part in fields.ALL_PARTS:
        names = [f.name for f in part.of_kind(fields.BOOLEAN)]
        for entry in read.of(part) if names else ():
            for name in names:
                node = entry.fields.get(name)
                value = written_text(node) if node is not None else None
                if value is not None and node is not None \
                        and value.lower() not in ("true", "false"):
                    report(node, _("'{field}' is '{value}'; write true or false")
                           .format(field=name, value=value))
