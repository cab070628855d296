"""`crmplan show` in the terminal: everything about one activity or objective."""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.text import Text

from crm_plan import meetings
from crm_plan.messages import _, day, when
from crm_plan.model import Activity, Objective, Plan
from crm_plan.query import Hit, Selection, is_overdue, objective_in_action_plan
from crm_plan.render.agenda_rows import meeting_deadline, meeting_label
from crm_plan.render.layout import ref_reading, section_title
from crm_plan.render.terminal.console import console, print_lines, text
from crm_plan.render.terminal.grid import Bulleted, Cell, labelled
from crm_plan.render.terminal.listing import print_listing

Fact = tuple[str, Cell]


def print_item(plan: Plan, item: Activity | Objective, as_of: dt.date,
               out: Console | None = None) -> None:
    out = out or console()
    if isinstance(item, Objective):
        _print_objective(plan, item, as_of, out)
    else:
        print_facts(out, _activity_facts(plan, item, as_of))


def print_facts(out: Console, facts: list[Fact]) -> None:
    """A labelled line per fact, in bold the labels."""
    print_lines(out, labelled(out, [(text(label, "label"), value) for label, value in facts],
                              out.width))


def _activity_facts(plan: Plan, a: Activity, as_of: dt.date) -> list[Fact]:
    objective = plan.objective_of(a)
    facts = [
        (_("Activity"), text(f"{a.id} ({_part(a.archived)})", "label")),
        (_("Objective"), text(f"{a.objective}. {objective.title if objective else ''}")),
        *_section_facts(plan, a.section),
        (_("Text"), text(a.text)),
        (_("References"), _references(plan, a)),
        *_actor_facts(plan, a),
        (_("Status"), _status_fact(plan, a, as_of)),
        (_("Due at"), text(_due_at(plan, a))),
        (_("Status note"), text(a.status_note or "")),
        (_("Note"), text(a.note or "")),
        (_("Plan of Action"), text(_action_plan_fact(plan, a))),
        *_history_facts(a),
        (_("Line in the file"), text(str(a.line))),
    ]
    return [(label, value) for label, value in facts if not _blank(value)]


def _due_at(plan: Plan, a: Activity) -> str:
    """`due at GRCM-2009-12 (GRCM, 2009-12)`, `at each meeting of GRCM, 1 day before`."""
    return ", ".join(meeting_deadline(plan, a))


def _blank(value: Cell) -> bool:
    return not isinstance(value, Bulleted) and not value.plain


def _part(archived: bool) -> str:
    return _("history") if archived else _("active plan")


def _section_facts(plan: Plan, section: str) -> list[tuple[str, Text]]:
    found = plan.sections.get(section)
    area = f"{found.area}. {plan.areas.get(found.area, '')}" if found and found.area else ""
    return [(_("Section"), text(f"{section}. {section_title(plan, section)}")),
            (_("Area"), text(area))]


def _references(plan: Plan, a: Activity) -> Text:
    cell = Text()
    for ref in a.refs:
        where = "" if ref.field == "ref" else " " + _("(in {field})").format(field=ref.field)
        cell.append_text(text(("\n" if cell else "") + ref.text + where))
        cell.append_text(text("\n  " + _("read as: {reading}").format(reading=ref_reading(ref)),
                              "aside"))
        if (meeting := meetings.resolve(ref, plan)) is not None:
            cell.append_text(text("\n  " + _("mandate of the meeting {meeting}").format(
                meeting=meeting_label(meeting)), "aside"))
    return cell


def _actor_facts(plan: Plan, a: Activity) -> list[tuple[str, Text]]:
    labels = {"responsible": _("Responsible"), "coordination": _("Coordination"),
              "support": _("Support")}
    facts = [(label, text("\n".join(_actor_line(plan, name) for name in getattr(a, role))))
             for role, label in labels.items()]
    facts.insert(1, (_("Responsible note"), text(a.responsible_note or "")))
    return facts


def _actor_line(plan: Plan, name: str) -> str:
    """`México: Estados Unidos Mexicanos (member of Países miembros)`."""
    actor = plan.actors.get(name)
    if actor is None:
        return name
    line = name
    if actor.name and actor.name != name:
        line += f": {actor.name}"
    if actor.members:
        line += " " + _("(members: {members})").format(members=", ".join(actor.members))
    if groups := plan.groups_of(name):
        line += " " + _("(member of {groups})").format(groups=", ".join(groups))
    return line


def _status_fact(plan: Plan, a: Activity, as_of: dt.date) -> Text:
    """`programado, due 2010-02 (overdue as of 2010-03-01)`, `por definir (pending)`."""
    cell = text(a.status.value, "status.pending" if a.status.pending else "")
    if a.due is not None:
        cell.append_text(text(", " + _("due {date}").format(date=when(*a.due))))
    if is_overdue(a, as_of, plan):
        cell.append_text(text(" " + _("(overdue as of {date})").format(date=day(as_of)),
                              "status.overdue"))
    if a.status.pending:
        cell.append_text(text(" " + _("(pending: pendiente or por definir)")))
    if a.status_derived:
        cell.append_text(text(" " + _("(derived from the history)")))
    return cell


def _action_plan_fact(plan: Plan, a: Activity) -> str:
    if a.action_plan:
        return _("yes")
    if objective_in_action_plan(plan, a):
        return _("no (its objective {id} is)").format(id=a.objective)
    return _("no")


def _history_facts(a: Activity) -> list[Fact]:
    if not a.archived:
        return []
    items = []
    for outcome in a.outcomes:
        cell = text(outcome.text)
        for ref in outcome.refs:
            cell.append_text(text("\n" + _("Ref.: {ref}").format(ref=ref.text), "aside"))
        items.append(cell)
    outcomes = Bulleted(text(""), tuple(items)) if items else text("")
    on = day(a.archived_on) if a.archived_on else _("date not recorded")
    if a.origin is not None:
        on += _(", from objective {objective} (crmplan restore {id} puts it back)").format(
            objective=a.origin, id=a.id)
    return [(_("Outcomes"), outcomes), (_("Archived"), text(on))]


def _print_objective(plan: Plan, objective: Objective, as_of: dt.date, out: Console) -> None:
    facts: list[Fact] = [
        (_("Objective"), text(f"{objective.id} ({_part(objective.archived)})", "label")),
        *_section_facts(plan, objective.section),
        (_("Title"), text(objective.title)),
        (_("Note"), text(objective.note or "")),
        (_("Plan of Action"), text(_("yes") if objective.action_plan else _("no"))),
        (_("Line in the file"), text(str(objective.line))),
    ]
    print_facts(out, [(label, value) for label, value in facts if not _blank(value)])
    hits = tuple(Hit(a) for a in objective.activities)
    print_listing(plan, Selection(hits, (), as_of), out, headings=False)
