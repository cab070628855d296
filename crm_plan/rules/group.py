"""group: a group's members are actors or plain names, never groups."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_texts
from crm_plan.messages import N_, _
from crm_plan.model import Actor
from crm_plan.problems import Severity
from crm_plan.reader import Entry, Read
from crm_plan.rules.base import Report
from crm_plan.text import closest

CODE = "group"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "A group's members are declared actors or plain names, never groups. A member whose name "
    "is close to a declared actor's is a warning: it is probably that actor, mistyped.")


def check(read: Read, report: Report) -> None:
    actors = read.plan.actors
    group: Entry[Actor]
    for group in read.of(fields.GROUP):
        key = group.record.key
        for member in written_texts(group.fields.get("members")):
            name = member.value
            if name == key or (name in actors and actors[name].is_group):
                report(member, _("'{member}' cannot be a member of '{group}': groups hold "
                                 "actors, not groups").format(member=name, group=key))
            elif name not in actors and (hint := closest(name, actors, 1)):
                report(member, _("'{member}' is not a declared actor; did you mean '{hint}'?")
                       .format(member=name, hint=hint[0]), Severity.WARNING)
