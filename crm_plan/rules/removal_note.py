"""removal-note: a note that says the objective would be removed is a reminder."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report
from crm_plan.text import fold

CODE = "removal-note"
SEVERITY = Severity.WARNING
EXPLANATION = N_(
    "A note that says the objective will be removed from the plan if nothing is identified "
    "(\"si no se identifican...\") is pointed out as a reminder that something is still to be "
    "done, in a plan whose document has 'removes_undefined_objectives: true' (as the 2009 CRM "
    "plan). Identify what the note asks for, or remove the objective.")

_REMOVAL = "si no se identifican"
_NOTES = [(part, [(f.name, f.key) for f in part.of_kind(fields.NOTE)])
          for part in (fields.OBJECTIVE, fields.ACTIVITY)]


def check(read: Read, report: Report) -> None:
    if not read.plan.document.removes_undefined_objectives:
        return  # a rule of the 2009 CRM plan's text, for a plan that declares it
    for part, notes in _NOTES:
        entries = read.of(part)
        for name, key in notes:
            said = [entry for entry in entries
                    if (note := getattr(entry.record, key)) and _REMOVAL in fold(note)]
            for entry in said:
                report(entry.fields[name], _(
                    "this note says the objective would be removed from the plan if nothing is "
                    "identified: identify it, or remove the objective"))
