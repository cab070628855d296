"""Asking the plan questions: filters in the user's words -> the activities they select.

Pure functions over a validated `Plan`. Every word the user typed (an actor, a status, a
section...) is resolved against the plan first, so that a typo is a `UsageError` naming the
closest candidates instead of an empty answer. Matching ignores case, accents and extra spaces.

Filters combine with AND; the values of one filter combine with OR.
"""

import datetime as dt
from collections.abc import Callable, Iterable
from enum import Enum
from typing import NamedTuple

from crm_plan import lookup, meetings
from crm_plan.model import Activity, Plan, Status
from crm_plan.text import fold

Predicate = Callable[[Activity], bool]


def today() -> dt.date:
    """The default of `--as-of`: the one place the clock is read."""
    return dt.date.today()


def as_of(text: str | None) -> dt.date:
    """The day `--as-of` names, today when it is not given."""
    return lookup.date(text, "--as-of") if text else today()


class Scope(str, Enum):
    ACTIVE = "active"  # the plan (default)
    ARCHIVED = "archived"  # the historical part
    ALL = "all"

    @property
    def parts(self) -> dict[str, bool]:
        """The arguments of `Plan.activities` for this scope."""
        return {"active": self is not Scope.ARCHIVED, "archived": self is not Scope.ACTIVE}


class Filters(NamedTuple):
    """What the user asked for, as typed; `select` resolves it against the plan."""

    actors: tuple[str, ...] = ()
    direct: bool = False  # only activities naming the actor itself, not one of its groups
    statuses: tuple[str, ...] = ()
    sections: tuple[str, ...] = ()
    objectives: tuple[str, ...] = ()
    search: tuple[str, ...] = ()
    ref_years: tuple[int, ...] = ()
    ref_bodies: tuple[str, ...] = ()
    action_plan: bool = False  # marked itself (the document's UPPER CASE)
    objective_action_plan: bool = False  # its objective is marked
    pending: bool = False  # pendiente or por definir: the document's underlined items
    overdue: bool = False
    due_before: str | None = None
    due_at: tuple[str, ...] = ()  # meeting ids: activities due at them (or at each of their body)
    mandate_from: tuple[str, ...] = ()  # meeting ids: activities whose references cite them
    scope: Scope = Scope.ACTIVE


class Naming(NamedTuple):
    """How an activity names an actor the user asked about."""

    actor: str  # the actor asked about (its short name)
    named: str  # the name written in the activity: the actor itself or one of its groups
    role: str  # responsible, coordination or support

    @property
    def via(self) -> str | None:
        return None if self.named == self.actor else self.named


class Hit(NamedTuple):
    activity: Activity
    namings: tuple[Naming, ...] = ()  # empty unless actors were asked for


class Selection(NamedTuple):
    hits: tuple[Hit, ...]
    actors: tuple[str, ...]  # the actors asked for, resolved to their short names
    as_of: dt.date

    @property
    def activities(self) -> tuple[Activity, ...]:
        return tuple(hit.activity for hit in self.hits)


def select(plan: Plan, filters: Filters, as_of: dt.date) -> Selection:
    """The activities of `plan` that pass every filter, in plan order."""
    actors = tuple(dict.fromkeys(lookup.actor(plan, word) for word in filters.actors))
    accepted = accepted_names(plan, actors, direct=filters.direct)
    keep = predicates(plan, filters, as_of)
    hits = []
    for activity in plan.activities(**filters.scope.parts):
        namings = names(activity, accepted)
        if (namings or not actors) and all(test(activity) for test in keep):
            hits.append(Hit(activity, namings))
    return Selection(tuple(hits), actors, as_of)


def predicates(plan: Plan, filters: Filters, as_of: dt.date) -> list[Predicate]:
    """One test per filter given (actors apart: they also say how they matched)."""
    tests: list[Predicate] = []
    if filters.statuses:
        statuses = {s for word in filters.statuses for s in lookup.statuses(word)}
        tests.append(lambda a: a.status in statuses)
    if filters.pending:
        tests.append(lambda a: a.status.pending)
    if filters.sections:
        sections = {lookup.section(plan, word) for word in filters.sections}
        tests.append(lambda a: a.section in sections)
    if filters.objectives:
        objectives = {found for word in filters.objectives
                      for found in lookup.objective(plan, word, **filters.scope.parts)}
        tests.append(lambda a: (a.archived, a.objective) in objectives)
    tests.extend(_reference_tests(filters))
    tests.extend(_time_tests(plan, filters, as_of))
    tests.extend(_meeting_tests(plan, filters))
    if filters.search:
        needles = [fold(word) for word in filters.search]
        tests.append(lambda a: any(needle in fold(text) for text in searched_texts(a)
                                   for needle in needles))
    if filters.action_plan:
        tests.append(lambda a: a.action_plan)
    if filters.objective_action_plan:
        tests.append(lambda a: objective_in_action_plan(plan, a))
    return tests


def _reference_tests(filters: Filters) -> list[Predicate]:
    tests: list[Predicate] = []
    if filters.ref_years:
        years = set(filters.ref_years)
        tests.append(lambda a: any(ref.year in years for ref in a.refs))
    if filters.ref_bodies:
        bodies = {lookup.body(word) for word in filters.ref_bodies}
        tests.append(lambda a: any(ref.body in bodies for ref in a.refs))
    return tests


def _time_tests(plan: Plan, filters: Filters, as_of: dt.date) -> list[Predicate]:
    tests: list[Predicate] = []
    if filters.overdue:
        tests.append(lambda a: is_overdue(a, as_of, plan))
    if filters.due_before is not None:
        limit = lookup.period_start(filters.due_before, "--due-before")
        tests.append(lambda a: (day := meetings.deadline(plan, a)) is not None and day < limit)
    return tests


def _meeting_tests(plan: Plan, filters: Filters) -> list[Predicate]:
    tests: list[Predicate] = []
    if filters.due_at:
        chosen = [lookup.meeting(plan, word, "--due-at") for word in filters.due_at]
        tests.append(lambda a: any(a.due_at == m.id or meetings.recurs_at(a, m) for m in chosen))
    if filters.mandate_from:
        cited = {lookup.meeting(plan, word, "--mandate-from") for word in filters.mandate_from}
        tests.append(lambda a: any(m in cited for m in meetings.mandates(plan, a)))
    return tests


def accepted_names(plan: Plan, actors: Iterable[str], *, direct: bool = False
                   ) -> dict[str, frozenset[str]]:
    """For each actor, the names that stand for it in an activity: itself and, unless
    `direct`, the groups it belongs to."""
    return {actor: frozenset({actor} if direct else {actor, *plan.groups_of(actor)})
            for actor in actors}


def names(activity: Activity, accepted: dict[str, frozenset[str]]) -> tuple[Naming, ...]:
    """How `activity` names each actor of `accepted` (see `accepted_names`)."""
    return tuple(Naming(actor, name, role) for actor, names_of_actor in accepted.items()
                 for name, role in activity.named() if name in names_of_actor)


def is_overdue(activity: Activity, as_of: dt.date, plan: Plan | None = None) -> bool:
    """A `programado` activity whose due period ended before `as_of`: its `due` date, or (given
    the plan) the date of the meeting it is due at. A meeting without a date is never past."""
    if activity.status is not Status.PROGRAMADO:
        return False
    if activity.due is not None:
        return activity.due.last_day() < as_of
    if plan is None or activity.due_at is None:
        return False
    day = meetings.deadline(plan, activity)
    return day is not None and day < as_of


def objective_in_action_plan(plan: Plan, activity: Activity) -> bool:
    """Its objective was taken from the CRM Plan of Action. A fact of the objective, not of
    the activity: in the 2009 document objective 12 is in UPPER CASE (from the Plan of
    Action) but only its activity 12.1 is; 12.2 to 12.6 are the network's own."""
    objective = plan.objective_of(activity)
    return objective is not None and objective.action_plan


def searched_texts(activity: Activity) -> Iterable[str]:
    """What `--search` looks in: the text, the notes, the references and the outcomes."""
    yield activity.text
    yield from activity.notes()
    yield from (ref.text for ref in activity.refs)
    for outcome in activity.outcomes:
        yield outcome.text
        yield from (ref.text for ref in outcome.refs)
