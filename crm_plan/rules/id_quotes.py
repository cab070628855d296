"""id-quotes: an id that looks like a number is in quotes."""

from __future__ import annotations

import re

from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report
from crm_plan.source import Scalar

CODE = "id-quotes"
SEVERITY = Severity.WARNING
EXPLANATION = N_(
    "An id that looks like a number, such as 6.10 or 07, is written in quotes (\"6.10\"): "
    "other YAML tools, and editors, read it as the number 6.1 or 7.")

_NUMBER = re.compile(r"^[0-9]+\.[0-9]*$|^0[0-9]+$")


def check(read: Read, report: Report) -> None:
    for entries in (read.objectives, read.activities):
        for entry in entries:
            node = entry.fields["id"]
            if not isinstance(node, Scalar) or node.style is not None:
                continue
            value = node.value
            if _NUMBER.match(value) and str(float(value)) != value:
                report(node, _("id {id} is not in quotes: YAML tools read it as the number "
                               "{number}; write id: \"{id}\"")
                       .format(id=value, number=_as_number(value)))


def _as_number(value: str) -> str:
    return str(float(value)) if "." in value else str(int(value))
