"""An agenda's wording and a calendar's, the same in every format (the terminal, markdown, HTML,
Word): a title naming the meeting, what the agenda covers, then for each actor one table per
group (due, recurring, to define, undated) with the id, the activity and its references, and its
status and deadline; then what was completed since the previous meeting of the body.
"""

from __future__ import annotations

from typing import NamedTuple

from crm_plan import meetings
from crm_plan.agenda import Agenda, Group
from crm_plan.export import cased, ref_text
from crm_plan.messages import _, ngettext
from crm_plan.model import Activity, Meeting, Plan


class AgendaRow(NamedTuple):
    id: str
    text: str  # upper case for the Plan of Action, as in the document
    refs: tuple[str, ...]  # "(Ref.: ...)"
    status: str  # "programado, due at GRCM-2009-12 (2009-12)"
    underline: bool


def group_title(group: Group) -> str:
    return {
        Group.DUE: _("Due at or before this meeting"),
        Group.RECURRING: _("Reported at every meeting of this body"),
        Group.TO_DEFINE: _("To define: pendiente or por definir"),
        Group.UNDATED: _("Due at a meeting not dated yet"),
    }[group]


def group_heading(group: Group, found: list[AgendaRow]) -> str:
    return f"{group_title(group)} ({len(found)})"


def meeting_label(meeting: Meeting) -> str:
    """`GRCM-2008-11 (GRCM, Tegucigalpa, 2008-11)`, `CRM-XI (XI RCM, not dated yet)`."""
    when = meeting.date.iso() if meeting.date else _("not dated yet")
    parts = [meeting.name or meeting.body, meeting.place, when]
    return f"{meeting.id} ({', '.join(p for p in parts if p)})"


def title(agenda: Agenda) -> str:
    return _("Agenda: {meeting}").format(meeting=meeting_label(agenda.meeting))


def intro(plan: Plan, agenda: Agenda) -> list[str]:
    lines = [plan.document.title]
    if agenda.previous is not None:
        lines.append(_("Previous meeting of {body}: {meeting}.").format(
            body=agenda.meeting.body, meeting=meeting_label(agenda.previous)))
    if agenda.meeting.date is None:
        lines.append(_("This meeting has no date yet: only what is due at it by name, what is "
                       "reported at every meeting of its body and what is to be defined."))
    count = len(agenda.activities)
    lines.append(ngettext("{n} activity of the active plan is on the agenda, as of {date}.",
                          "{n} activities of the active plan are on the agenda, as of {date}.",
                          count).format(n=count, date=agenda.as_of.isoformat()))
    return lines


def headers() -> list[str]:
    return [_("Id"), _("Activity"), _("Status")]


def actor_heading(actor: str) -> str:
    return _("What {actor} brings").format(actor=actor)


def rows(plan: Plan, agenda: Agenda) -> list[tuple[str, list[tuple[Group, list[AgendaRow]]]]]:
    """For each actor, its groups of rows."""
    return [(part.actor, [(group, [row(plan, a) for a in found]) for group, found in part.groups])
            for part in agenda.actors]


def completed_heading(agenda: Agenda) -> str:
    if agenda.previous is not None:
        return _("Completed since {meeting} ({n})").format(
            meeting=agenda.previous.id, n=len(agenda.completed))
    return _("Completed before this meeting ({n})").format(n=len(agenda.completed))


def completed_rows(plan: Plan, agenda: Agenda) -> list[AgendaRow]:
    return [row(plan, a) for a in agenda.completed]


def row(plan: Plan, a: Activity) -> AgendaRow:
    return AgendaRow(a.id, cased(a.text, a.action_plan),
                     tuple(ref_text(r.text) for r in a.refs if r.field == "ref"),
                     status(plan, a), a.status.pending)


def status(plan: Plan, a: Activity) -> str:
    """The status and what the activity is due at: a date, a meeting, each meeting of a body."""
    parts = [a.status.value]
    if a.archived_on is not None:
        parts.append(_("archived {date}").format(date=a.archived_on.isoformat()))
    if a.due is not None:
        parts.append(_("due {date}").format(date=a.due.iso()))
    parts += meeting_deadline(plan, a)
    return ", ".join(parts)


def meeting_deadline(plan: Plan, a: Activity) -> list[str]:
    """`due at GRCM-2009-12 (GRCM, 2009-12)`, `at each meeting of GRCM`, `1 day before`."""
    parts = []
    if a.due_at:
        found = meetings.due_meeting(plan, a)
        parts.append(_("due at {meeting}").format(
            meeting=meeting_label(found) if found else a.due_at))
    if a.due_each:
        parts.append(_("at each meeting of {bodies}").format(bodies=", ".join(a.due_each)))
    if a.days_before:
        parts.append(ngettext("{n} day before", "{n} days before", meetings.days_before(a))
                     .format(n=a.days_before))
    return parts


# -- the calendar (`crmplan meetings`) ---------------------------------------------------------

def calendar_headers() -> list[str]:
    return [_("Meeting"), _("Body"), _("Date"), _("Name, place"), _("When"), _("Mandates"),
            _("Due")]


def when_label(when: str) -> str:
    return {"past": _("past"), "coming": _("coming"), "undated": _("not dated yet")}[when]


def calendar_cells(found: meetings.CalendarRow) -> list[str]:
    m = found.meeting
    named = ", ".join(p for p in (m.name, m.place) if p)
    return [m.id, m.body, m.date.iso() if m.date else "-", named, when_label(found.when),
            str(found.mandates), str(found.due)]
