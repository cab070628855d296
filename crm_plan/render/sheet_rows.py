"""An action sheet's wording, the same in every format (the terminal, markdown, HTML, Word): a
title, who the actor is and the groups it belongs to, then one table per group of activities
(overdue, pending, scheduled, ongoing, completed) with the id, the activity and its references,
how it names the actor, and its status.
"""

from __future__ import annotations

from typing import NamedTuple

from crm_plan.export import cased, ref_text
from crm_plan.messages import _, day, ngettext, when
from crm_plan.model import Plan
from crm_plan.query import Hit, is_overdue
from crm_plan.render.layout import role_label
from crm_plan.sheet import Group, Sheet


class SheetRow(NamedTuple):
    id: str
    text: str  # upper case for the Plan of Action, as in the document
    refs: tuple[str, ...]  # "(Ref.: ...)"
    notes: tuple[str, ...]
    role: str  # "responsible", "coordination: Países miembros (includes México)"
    status: str  # "por definir", "programado, Febrero 2010 (due 2010-02)", ...
    underline: bool


def group_title(group: Group) -> str:
    return {
        Group.OVERDUE: _("Overdue: programado, due date passed"),
        Group.PENDING: _("Pending: pendiente or por definir"),
        Group.SCHEDULED: _("Scheduled: programado, by due date"),
        Group.ONGOING: _("Ongoing: continuo"),
        Group.COMPLETED: _("Completed: completado, to be archived"),
    }[group]


def group_heading(group: Group, found: list[SheetRow]) -> str:
    """`Pending: pendiente or por definir (9)`."""
    return f"{group_title(group)} ({len(found)})"


def title(sheet: Sheet) -> str:
    return _("Action sheet: {actor}").format(actor=sheet.actor)


def intro(plan: Plan, sheet: Sheet) -> list[str]:
    """Who the actor is, which plan, and how many activities name it."""
    who = sheet.full_name if sheet.full_name != sheet.actor else sheet.actor
    if sheet.groups_of:
        who = _("{name}; member of {groups}").format(name=who, groups=", ".join(sheet.groups_of))
    count = len(sheet.hits)
    lines = [who, plan.document.title]
    if count:
        lines.append(ngettext(
            "{n} activity of the active plan names {actor}, directly or through a group, as of "
            "{date}.",
            "{n} activities of the active plan name {actor}, directly or through a group, as of "
            "{date}.", count).format(n=count, actor=sheet.actor, date=day(sheet.as_of)))
    else:
        lines.append(_("No activity of the active plan names {actor} as of {date}.").format(
            actor=sheet.actor, date=day(sheet.as_of)))
    return [line for line in lines if line]


def headers() -> list[str]:
    return [_("Id"), _("Activity"), _("Role"), _("Status")]


def rows(sheet: Sheet) -> list[tuple[Group, list[SheetRow]]]:
    return [(group, [sheet_row(hit, sheet) for hit in hits]) for group, hits in sheet.groups]


def sheet_row(hit: Hit, sheet: Sheet) -> SheetRow:
    a = hit.activity
    roles = []
    for naming in hit.namings:
        role = role_label(naming.role)
        if naming.via:
            role = _("{role}: {group} (includes {actor})").format(
                role=role, group=naming.via, actor=naming.actor)
        roles.append(role)
    status = a.status.value
    if a.due is not None:
        status += ", " + _("due {date}").format(date=when(*a.due))
    if is_overdue(a, sheet.as_of):
        status += " " + _("(overdue)")
    if a.status_note:
        status += f". {a.status_note}"
    notes = tuple(n for n in (a.responsible_note, a.note) if n)
    return SheetRow(a.id, cased(a.text, a.action_plan),
                    tuple(ref_text(r.text) for r in a.refs if r.field == "ref"), notes,
                    "; ".join(dict.fromkeys(roles)), status, a.status.pending)

# -- HTML -----------------------------------------------------------------------------------------


# -- the terminal ---------------------------------------------------------------------------------
