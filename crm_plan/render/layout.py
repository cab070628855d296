"""What every format shows: the outline of a listing and the words in each cell."""

import datetime as dt
from collections.abc import Iterator
from typing import NamedTuple

from crm_plan.messages import _
from crm_plan.model import Activity, Plan, Ref
from crm_plan.query import Hit, Naming, is_overdue


class Heading(NamedTuple):
    level: str  # "part" (the history, in a listing of both parts), "section" or "objective"
    id: str
    title: str


def outline(plan: Plan, hits: tuple[Hit, ...]) -> Iterator[Heading | Hit]:
    """The hits in plan order, each section and objective announced once before its items;
    when both parts of the plan are listed, each part too."""
    both_parts = len({h.activity.archived for h in hits}) == 2
    section = objective = None
    for hit in hits:
        activity = hit.activity
        if both_parts and (section is None or activity.archived != section[0]):
            yield Heading("part", "", _("History") if activity.archived else _("Active plan"))
        if section != (activity.archived, activity.section):
            section = (activity.archived, activity.section)
            yield Heading("section", activity.section, section_title(plan, activity.section))
        if objective != (activity.archived, activity.objective):
            objective = (activity.archived, activity.objective)
            found = plan.objective_of(activity)
            yield Heading("objective", activity.objective, found.title if found else "")
        yield hit


def section_title(plan: Plan, section: str) -> str:
    found = plan.sections.get(section)
    return found.title if found else ""


def actor_label(name: str, role: str) -> str:
    """`OIM`, or `ST (coordination)`/`RROCM (support)` when the role is not responsible."""
    if role == "responsible":
        return name
    return _("{actor} ({role})").format(actor=name, role=role_label(role))


def role_label(role: str) -> str:
    return {"responsible": _("responsible"), "coordination": _("coordination"),
            "support": _("support")}[role]


def actor_lines(activity: Activity) -> list[str]:
    return [actor_label(name, role) for name, role in activity.named()]


def via_lines(hit: Hit) -> list[str]:
    """`Países miembros (includes México)` for a match through a group."""
    lines = []
    for naming in hit.namings:
        if naming.via and (line := via_label(naming)) not in lines:
            lines.append(line)
    return lines


def via_label(naming: Naming) -> str:
    return group_including(naming.via or "", naming.actor)


def group_including(group: str, actor: str) -> str:
    """`Países miembros (includes Guatemala)`: an actor named through a group it belongs to.
    In Spanish a verb, "(incluye a Guatemala)", not "incluida": the agreement would depend on
    each country's gender ("incluido México"), which the plan does not record."""
    return _("{group} (includes {actor})").format(group=group, actor=actor)


def match_label(actor: str, via: str | None, role: str) -> str:
    """How an activity names an actor asked about, e.g. `Países miembros (includes México;
    responsible)`: for the csv column `matches`."""
    if via:
        return _("{group} (includes {actor}; {role})").format(group=via, actor=actor,
                                                               role=role_label(role))
    return _("{actor} ({role})").format(actor=actor, role=role_label(role))


def status_lines(activity: Activity, as_of: dt.date, plan: Plan | None = None) -> list[str]:
    """The status, then the due date (or the meeting it is due at) and `overdue`, or the day
    it was archived. Given the plan, `overdue` is judged against the meeting's date too."""
    lines = [activity.status.value]
    if activity.due is not None:
        lines.append(activity.due.iso())
    if activity.due_at is not None:
        lines.append(activity.due_at)
    if is_overdue(activity, as_of, plan):
        lines.append(_("overdue"))
    if activity.archived_on is not None:
        lines.append(activity.archived_on.isoformat())
    return lines


def ref_reading(ref: Ref) -> str:
    """How a reference was read, e.g. `point 5.b, GRCM, Informe de la Red, 2008-11`."""
    parts = []
    if ref.point:
        parts.append(_("point {point}").format(point=ref.point))
    parts += [p for p in (ref.body, ref.kind) if p]
    if ref.meeting:
        parts.append(_("meeting {meeting}").format(meeting=ref.meeting))
    if ref.place:
        parts.append(ref.place)
    if ref.year is not None:
        parts.append(f"{ref.year}-{ref.month:02d}" if ref.month else str(ref.year))
    elif ref.month is not None:
        parts.append(_("month {month}").format(month=ref.month))
    return ", ".join(parts) if parts else _("not read")
