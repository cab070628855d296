"""The agenda of a meeting (`crmplan agenda`): what each actor must bring to it.

For a meeting of the calendar, the active activities in the order the Secretariat goes through
them, grouped by the actor responsible (as `report` groups an actor's sheet):

- due: due at this meeting, or with a deadline (a date, or another meeting's) at or before it;
- recurring: reporting at every meeting of this body (`due_each`);
- to define: pendiente or por definir, which the meeting should define;
- undated: due at a meeting that has no date yet (said so, never guessed);

then what was completed since the previous meeting of the same body: archived (by the
history's `archived` dates) after it, or marked completado and waiting to be archived. A
meeting without a date has no "before" and no "since": only what is due at it by name, the
recurring and the pending items. Pure functions over a `Plan`.
"""

from __future__ import annotations

import datetime as dt
from enum import Enum
from typing import NamedTuple

from crm_plan import lookup, meetings
from crm_plan.errors import UsageError
from crm_plan.messages import _
from crm_plan.model import Activity, Meeting, Plan, Status
from crm_plan.query import accepted_names


class Group(str, Enum):
    DUE = "due"
    RECURRING = "recurring"
    TO_DEFINE = "to define"
    UNDATED = "undated"


class ActorPart(NamedTuple):
    actor: str  # as activities name it
    groups: tuple[tuple[Group, tuple[Activity, ...]], ...]  # the non-empty ones, in order


class Agenda(NamedTuple):
    meeting: Meeting
    previous: Meeting | None  # the dated meeting of the same body before it
    as_of: dt.date
    actors: tuple[ActorPart, ...]
    completed: tuple[Activity, ...]  # since the previous meeting of the body

    @property
    def activities(self) -> tuple[Activity, ...]:
        return tuple(dict.fromkeys(a for part in self.actors for _g, found in part.groups
                                   for a in found))


def chosen_meeting(plan: Plan, word: str | None, as_of: dt.date) -> Meeting:
    """The meeting named `word`, else the next dated one as of `as_of`."""
    if word:
        return lookup.meeting(plan, word, "MEETING")
    found = meetings.next_meeting(plan, as_of)
    if found is None:
        raise UsageError(_("no meeting of the calendar is dated on or after {date}; name one, "
                           "e.g. crmplan agenda {example} (see crmplan meetings)").format(
            date=as_of.isoformat(), example=plan.meetings[-1].id if plan.meetings
            else "GRCM-2010-11"))
    return found


def agenda(plan: Plan, meeting: Meeting, as_of: dt.date, actor: str | None = None) -> Agenda:
    """The agenda of `meeting`; with `actor` (short or full name), only what names it, itself
    or through a group it belongs to."""
    wanted = lookup.actor(plan, actor) if actor else None
    accepted = accepted_names(plan, [wanted])[wanted] if wanted else None
    by_actor: dict[str, dict[Group, list[Activity]]] = {}
    for activity in plan.activities():
        group = group_of(plan, activity, meeting)
        if group is None:
            continue
        for name in _owners(activity, accepted, wanted):
            by_actor.setdefault(name, {g: [] for g in Group})[group].append(activity)
    parts = tuple(ActorPart(name, tuple((g, tuple(found)) for g, found in groups.items()
                                        if found))
                  for name, groups in by_actor.items())
    previous = meetings.previous_of_body(plan, meeting)
    return Agenda(meeting, previous, as_of, parts, completed_since(plan, meeting, previous))


def _owners(activity: Activity, accepted: frozenset[str] | None, wanted: str | None
            ) -> list[str]:
    """Under which actors an activity stands: its responsible ones (its coordinators when it
    has none), or the actor asked for when it names it."""
    if accepted is not None and wanted is not None:
        return [wanted] if any(name in accepted for name, _role in activity.named()) else []
    return list(activity.responsible or activity.coordination) or [_("(no one responsible)")]


def group_of(plan: Plan, activity: Activity, meeting: Meeting) -> Group | None:
    """Why an active activity is on the meeting's agenda, if it is."""
    if activity.status is Status.COMPLETADO:
        return None
    if activity.due_at == meeting.id or _due_by(plan, activity, meeting):
        return Group.DUE
    if meetings.recurs_at(activity, meeting):
        return Group.RECURRING
    if activity.status.pending:
        return Group.TO_DEFINE
    due_at = meetings.due_meeting(plan, activity)
    if due_at is not None and due_at.date is None:
        return Group.UNDATED
    return None


def _due_by(plan: Plan, activity: Activity, meeting: Meeting) -> bool:
    """A deadline at or before a dated meeting (never for a meeting without a date)."""
    if meeting.date is None:
        return False
    day = meetings.deadline(plan, activity)
    return day is not None and day <= meeting.date.last_day()


def completed_since(plan: Plan, meeting: Meeting, previous: Meeting | None
                    ) -> tuple[Activity, ...]:
    """Archived after the previous meeting of the body (its last day) up to this one, and
    those marked completado, still to be archived. Nothing for a meeting without a date."""
    if meeting.date is None:
        return ()
    start = previous.date.last_day() if previous is not None and previous.date else dt.date.min
    end = meeting.date.last_day()
    done = [a for a in plan.activities(active=False, archived=True)
            if a.archived_on is not None and start < a.archived_on <= end]
    done += [a for a in plan.activities() if a.status is Status.COMPLETADO]
    return tuple(done)
