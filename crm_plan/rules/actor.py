"""actor: everyone an activity names is declared under `actors`."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_texts
from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report, not_declared

CODE = "actor"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "Every name under responsible, coordination and support is declared under 'actors', as a "
    "short name or a group; a name close to a declared one is pointed out as a likely typo.")

_ROLES = tuple(f.name for f in fields.ACTIVITY.of_kind(fields.ACTORS))


def check(read: Read, report: Report) -> None:
    actors = read.plan.actors
    declared = frozenset(actors)
    for entry in read.activities:
        activity = entry.record
        if declared.issuperset(activity.responsible) and declared.issuperset(
                activity.coordination) and declared.issuperset(activity.support):
            continue
        for role in _ROLES:
            for name in written_texts(entry.fields.get(role)):
                if name.value not in actors:
                    report(name, not_declared(_("actor"), name.value, actors,
                                              _("; declare it under 'actors'")))
