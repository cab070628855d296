"""The state of the plan at a glance (`crmplan status`): counts by status, section and actor.

Counts are taken over the activities the filters select, in the scope asked for (the
active plan unless --archived/--all); `archived` counts the historical activities that
pass the same filters, whatever the scope.
"""

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from crm_plan.model import Activity, Plan, Status
from crm_plan.query import (
    Filters,
    Hit,
    Scope,
    Selection,
    accepted_names,
    is_overdue,
    select,
)


class Tally(NamedTuple):
    by_status: dict[Status, int]  # every status, zeros included
    pending: int  # pendiente + por definir: the document's underlined items
    overdue: int

    @property
    def total(self) -> int:
        return sum(self.by_status.values())


class Counts(NamedTuple):
    as_of: dt.date
    total: Tally
    by_section: dict[str, Tally]  # sections of the plan that have selected activities
    by_actor: dict[str, Tally]  # actors named by selected activities, in directory order
    archived: int
    by_member: bool  # groups counted for each of their members instead of as themselves


class Report(NamedTuple):
    counts: Counts
    listed: Selection  # what `status` lists: pending/overdue ones if asked, else all selected
    pending: bool = False  # the listing was asked for: pending activities
    overdue: bool = False  # ... overdue ones

    @property
    def lists(self) -> bool:
        return self.pending or self.overdue


def tally(activities: Iterable[Activity], as_of: dt.date, plan: Plan | None = None) -> Tally:
    by_status = dict.fromkeys(Status, 0)
    pending = overdue = 0
    for activity in activities:
        by_status[activity.status] += 1
        pending += activity.status.pending
        overdue += is_overdue(activity, as_of, plan)
    return Tally(by_status, pending, overdue)


def report(plan: Plan, filters: Filters, as_of: dt.date, *, by_member: bool = False,
           pending: bool = False, overdue: bool = False) -> Report:
    """Counts over the selection and, with `pending`/`overdue`, those activities listed."""
    everything = select(plan, filters._replace(scope=Scope.ALL), as_of)
    in_scope = filters.scope.parts
    chosen = tuple(h for h in everything.hits
                   if in_scope["archived" if h.activity.archived else "active"])
    counts = Counts(
        as_of=as_of,
        total=tally((h.activity for h in chosen), as_of, plan),
        by_section=_by_section(plan, chosen, as_of),
        by_actor=_by_actor(plan, chosen, as_of, by_member),
        archived=sum(h.activity.archived for h in everything.hits),
        by_member=by_member,
    )
    listed = tuple(h for h in chosen if _listed(h.activity, as_of, pending, overdue, plan))
    return Report(counts, Selection(listed, everything.actors, as_of), pending, overdue)


def _listed(activity: Activity, as_of: dt.date, pending: bool, overdue: bool,
            plan: Plan) -> bool:
    if not (pending or overdue):
        return True
    return (pending and activity.status.pending) or (overdue and is_overdue(activity, as_of,
                                                                            plan))


def _by_section(plan: Plan, hits: tuple[Hit, ...], as_of: dt.date) -> dict[str, Tally]:
    order = list(plan.sections) + sorted({h.activity.section for h in hits} - set(plan.sections))
    return {section: tally([h.activity for h in hits if h.activity.section == section], as_of,
                          plan)
            for section in order if any(h.activity.section == section for h in hits)}


def _by_actor(plan: Plan, hits: tuple[Hit, ...], as_of: dt.date, by_member: bool
              ) -> dict[str, Tally]:
    """Activities naming each actor, in any role; by member: a group's count goes to each
    of its members (directly or through the group), and groups get no line of their own."""
    actors = [a.key for a in plan.actors.values() if not (by_member and a.is_group)]
    accepted = accepted_names(plan, actors, direct=not by_member)
    counted_for: dict[str, list[str]] = {}  # a name in an activity -> the actors it counts for
    for actor, written in accepted.items():
        for name in written:
            counted_for.setdefault(name, []).append(actor)
    naming: dict[str, list[Activity]] = {actor: [] for actor in actors}
    for hit in hits:  # one pass over the activities, however many actors there are
        named = {actor for name, _role in hit.activity.named()
                 for actor in counted_for.get(name, ())}
        for actor in named:
            naming[actor].append(hit.activity)
    return {actor: tally(found, as_of, plan) for actor, found in naming.items() if found}
