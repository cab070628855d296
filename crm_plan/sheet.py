"""Action sheets (`crmplan report`): what one actor owes, grouped by what to do about it.

Every active activity naming the actor (responsible, coordination or support), itself or
through a group it belongs to, in the order a meeting goes through them: overdue first, then
the pending ones (pendiente, then por definir), the scheduled ones by due date, the ongoing ones,
and those marked completado that still wait to be archived. Pure functions over a `Plan`.
"""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import NamedTuple

from crm_plan import lookup
from crm_plan.errors import UsageError
from crm_plan.messages import _
from crm_plan.model import Activity, Plan, Status
from crm_plan.query import Hit, accepted_names, is_overdue, names
from crm_plan.text import fold


class Group(str, Enum):
    OVERDUE = "overdue"
    PENDING = "pending"  # pendiente, por definir
    SCHEDULED = "scheduled"  # programado, by due date
    ONGOING = "ongoing"  # continuo
    COMPLETED = "completed"  # completado, not archived yet


class Sheet(NamedTuple):
    actor: str  # the name activities use: a declared actor's short name, or a member's name
    full_name: str
    groups_of: tuple[str, ...]  # the groups it belongs to
    as_of: dt.date
    groups: tuple[tuple[Group, tuple[Hit, ...]], ...]  # the non-empty groups, in order

    @property
    def hits(self) -> tuple[Hit, ...]:
        return tuple(hit for _group, hits in self.groups for hit in hits)


def action_sheet(plan: Plan, actor: str, as_of: dt.date) -> Sheet:
    """The sheet of the actor called `actor` (short or full name; a typo is a UsageError)."""
    return sheet_of(plan, lookup.actor(plan, actor), as_of)


def sheet_of(plan: Plan, name: str, as_of: dt.date) -> Sheet:
    """The sheet of `name` as activities and groups write it."""
    accepted = accepted_names(plan, [name])
    by_group: dict[Group, list[Hit]] = {group: [] for group in Group}
    for activity in plan.activities():
        if namings := names(activity, accepted):
            by_group[group_of(activity, as_of, plan)].append(Hit(activity, namings))
    by_group[Group.PENDING].sort(key=lambda h: h.activity.status is not Status.PENDIENTE)
    by_group[Group.SCHEDULED].sort(key=lambda h: _due_key(h.activity))
    actor = plan.actors.get(name)
    return Sheet(name, actor.name if actor else name, plan.groups_of(name), as_of,
                 tuple((group, tuple(hits)) for group, hits in by_group.items() if hits))


def group_of(activity: Activity, as_of: dt.date, plan: Plan | None = None) -> Group:
    if is_overdue(activity, as_of, plan):
        return Group.OVERDUE
    if activity.status.pending:
        return Group.PENDING
    return {Status.PROGRAMADO: Group.SCHEDULED, Status.CONTINUO: Group.ONGOING,
            Status.COMPLETADO: Group.COMPLETED}[activity.status]


def _due_key(activity: Activity) -> dt.date:
    return activity.due.last_day() if activity.due else dt.date.max


def members(plan: Plan, group: str) -> tuple[str, ...]:
    """The members of the group called `group`, for one sheet each (`--each-member`)."""
    key = lookup.actor(plan, group)
    found = plan.actors[key]
    if not found.is_group:
        groups = [a.key for a in plan.actors.values() if a.is_group]
        raise UsageError(_("'{actor}' is not a group of actors; --each-member needs one, such "
                           "as {groups}").format(actor=key, groups=", ".join(groups) or "-"))
    return found.members


def each_member(plan: Plan, group: str, as_of: dt.date, suffix: str
                ) -> list[tuple[str, Sheet]]:
    """A sheet for each member of `group`, with the file name to write it under (unique in
    the folder, even for two members whose names differ only by accents)."""
    named: list[tuple[str, Sheet]] = []
    for member in members(plan, group):
        name, n = file_name(member, suffix), 1
        while name in {taken for taken, _sheet in named}:
            n += 1
            name = file_name(f"{member} {n}", suffix)
        named.append((name, sheet_of(plan, member, as_of)))
    return named


def file_name(actor: str, suffix: str) -> str:
    """A file name any system accepts for an actor's sheet: `República Dominicana` ->
    `republica-dominicana.md`."""
    return (re.sub(r"[^a-z0-9]+", "-", fold(actor)).strip("-") or "actor") + suffix
