"""The calendar of meetings: which meeting a reference names, when an activity is due by the
meetings it is tied to, and which meeting comes next. Pure functions over a `Plan`.

A meeting without a date is neither past nor future: nothing is judged against it, and what is
due at it is said to be so, never guessed.
"""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from crm_plan.model import Activity, Meeting, Plan, Ref
from crm_plan.text import fold


def find(plan: Plan, word: str) -> Meeting | None:
    """The meeting whose id is `word` (case and accents ignored)."""
    wanted = fold(word)
    return next((m for m in plan.meetings if fold(m.id) == wanted), None)


def resolve(ref: Ref, plan: Plan) -> Meeting | None:
    """The meeting whose documents a reference cites: its body, month and year (a reference
    without a body, as `Managua, octubre, 2007`, by its place or its month and year), or its
    name (`XI RCM`). None when the reference does not say enough or no meeting matches."""
    if ref.meeting is not None:
        name = fold(f"{ref.meeting} RCM")
        return next((m for m in plan.meetings if m.name and fold(m.name) == name), None)
    if ref.year is None or ref.month is None:
        return None
    for m in plan.meetings_by_month.get((ref.year, ref.month), ()):
        if ref.body is None or fold(ref.body) == fold(m.body):
            return m
    return None


def mandates(plan: Plan, activity: Activity) -> tuple[Meeting, ...]:
    """The meetings whose documents gave the activity its mandate, in the order cited."""
    found = (resolve(ref, plan) for ref in activity.refs)
    return tuple(dict.fromkeys(m for m in found if m is not None))


def suggested_id(ref: Ref) -> str | None:
    """The id a meeting named by `ref` would have in the calendar: `GRCM-2008-11`."""
    if ref.year is None or ref.month is None or ref.body is None:
        return None
    return f"{ref.body}-{ref.year:04d}-{ref.month:02d}"


def deadline_day(meeting: Meeting, activity: Activity) -> dt.date | None:
    """The last day an activity due at `meeting` is on time: the meeting's day less
    `days_before`, or the end of its month when only the month is known. None undated."""
    if meeting.date is None:
        return None
    if meeting.date.day is None:
        return meeting.date.last_day()
    return meeting.date.last_day() - dt.timedelta(days=days_before(activity))


def days_before(activity: Activity) -> int:
    text = activity.days_before
    return int(text) if text and text.isdigit() else 0


def due_meeting(plan: Plan, activity: Activity) -> Meeting | None:
    """The meeting the activity is due at (`due_at`), if the calendar has it."""
    return plan.meetings_by_id.get(activity.due_at) if activity.due_at else None


def deadline(plan: Plan, activity: Activity) -> dt.date | None:
    """The last day the activity is on time: its `due` date, else its meeting's. None when it
    has neither, or its meeting has no date."""
    if activity.due is not None:
        return activity.due.last_day()
    meeting = due_meeting(plan, activity)
    return deadline_day(meeting, activity) if meeting is not None else None


def recurs_at(activity: Activity, meeting: Meeting) -> bool:
    """Whether the activity reports at every meeting of the meeting's body (`due_each`)."""
    body = fold(meeting.body)
    return any(fold(b) == body for b in activity.due_each)


def ordered(plan: Plan) -> list[Meeting]:
    """The calendar by date, the undated ones last in the order written."""
    dated = sorted((m for m in plan.meetings if m.date), key=lambda m: m.date.first_day()
                   if m.date else dt.date.max)
    return dated + [m for m in plan.meetings if m.date is None]


def next_meeting(plan: Plan, as_of: dt.date) -> Meeting | None:
    """The first dated meeting whose period has not ended before `as_of`."""
    return next((m for m in ordered(plan) if m.date and m.date.last_day() >= as_of), None)


def previous_of_body(plan: Plan, meeting: Meeting) -> Meeting | None:
    """The dated meeting of the same body just before `meeting` (None for an undated one)."""
    if meeting.date is None:
        return None
    before = [m for m in ordered(plan) if m.date and fold(m.body) == fold(meeting.body)
              and m.date.first_day() < meeting.date.first_day()]
    return before[-1] if before else None


def bodies(plan: Plan) -> list[str]:
    """The bodies the calendar names, in the order first written."""
    return list(dict.fromkeys(m.body for m in plan.meetings))


class CalendarRow(NamedTuple):
    """A meeting as `crmplan meetings` lists it."""

    meeting: Meeting
    when: str  # "past", "coming" or "undated", as of the day asked
    mandates: int  # activities (active or archived) whose references cite it
    due: int  # active activities due at it, by name or at each meeting of its body


def calendar(plan: Plan, as_of: dt.date) -> list[CalendarRow]:
    """The calendar by date, the undated meetings last, with what each gave and is owed."""
    cited: dict[str, int] = {}
    for activity in plan.activities(archived=True):
        for m in mandates(plan, activity):
            cited[m.id] = cited.get(m.id, 0) + 1
    active = [a for a in plan.activities() if a.due_at or a.due_each]
    return [CalendarRow(m, when(m, as_of), cited.get(m.id, 0),
                        sum(a.due_at == m.id or recurs_at(a, m) for a in active))
            for m in ordered(plan)]


def when(meeting: Meeting, as_of: dt.date) -> str:
    """Past once its period has ended before `as_of`; undated meetings are neither."""
    if meeting.date is None:
        return "undated"
    return "past" if meeting.date.last_day() < as_of else "coming"
