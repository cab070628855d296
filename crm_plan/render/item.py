"""`crmplan show` in the terminal: everything about one activity or objective."""

from __future__ import annotations

import datetime as dt

from crm_plan.messages import _
from crm_plan.model import Activity, Objective, Plan
from crm_plan.query import Hit, Selection, in_action_plan, is_overdue
from crm_plan.render.columns import Bulleted, labelled
from crm_plan.render.layout import ref_reading, section_title
from crm_plan.render.screen import Screen, screen
from crm_plan.render.styled import Styled
from crm_plan.render.table import STYLES, print_listing, text_of

Fact = tuple[str, Styled | Bulleted]


def print_item(plan: Plan, item: Activity | Objective, as_of: dt.date,
               out: Screen | None = None) -> None:
    out = out or screen()
    if isinstance(item, Objective):
        _print_objective(plan, item, as_of, out)
    else:
        print_facts(out, _activity_facts(plan, item, as_of))


def print_facts(out: Screen, facts: list[Fact]) -> None:
    """A labelled line per fact, in bold the labels."""
    out.lines(labelled([(text_of(label, STYLES["label"]), value) for label, value in facts],
                       out.width))


def _activity_facts(plan: Plan, a: Activity, as_of: dt.date) -> list[Fact]:
    objective = plan.objective_of(a)
    facts = [
        (_("Activity"), text_of(f"{a.id} ({_part(a.archived)})", STYLES["label"])),
        (_("Objective"), text_of(f"{a.objective}. {objective.title if objective else ''}")),
        *_section_facts(plan, a.section),
        (_("Text"), text_of(a.text)),
        (_("References"), _references(a)),
        *_actor_facts(plan, a),
        (_("Status"), _status_fact(a, as_of)),
        (_("Status note"), text_of(a.status_note or "")),
        (_("Note"), text_of(a.note or "")),
        (_("Plan of Action"), text_of(_action_plan_fact(plan, a))),
        *_history_facts(a),
        (_("Line in the file"), text_of(str(a.line))),
    ]
    return [(label, value) for label, value in facts if not _blank(value)]


def _blank(value: Styled | Bulleted) -> bool:
    return not isinstance(value, Bulleted) and not value.plain


def _part(archived: bool) -> str:
    return _("history") if archived else _("active plan")


def _section_facts(plan: Plan, section: str) -> list[tuple[str, Styled]]:
    found = plan.sections.get(section)
    area = f"{found.area}. {plan.areas.get(found.area, '')}" if found and found.area else ""
    return [(_("Section"), text_of(f"{section}. {section_title(plan, section)}")),
            (_("Area"), text_of(area))]


def _references(a: Activity) -> Styled:
    text = text_of("")
    for ref in a.refs:
        where = "" if ref.field == "ref" else " " + _("(in {field})").format(field=ref.field)
        text.append(("\n" if text else "") + ref.text + where)
        text.append("\n  " + _("read as: {reading}").format(reading=ref_reading(ref)), "dim")
    return text


def _actor_facts(plan: Plan, a: Activity) -> list[tuple[str, Styled]]:
    labels = {"responsible": _("Responsible"), "coordination": _("Coordination"),
              "support": _("Support")}
    facts = [(label, text_of("\n".join(_actor_line(plan, name) for name in getattr(a, role))))
             for role, label in labels.items()]
    facts.insert(1, (_("Responsible note"), text_of(a.responsible_note or "")))
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


def _status_fact(a: Activity, as_of: dt.date) -> Styled:
    """`programado, due 2010-02 (overdue as of 2010-03-01)`, `por definir (pending)`."""
    text = text_of(a.status.value, STYLES["pending"] if a.status.pending else "")
    if a.due is not None:
        text.append(", " + _("due {date}").format(date=a.due.iso()))
    if is_overdue(a, as_of):
        text.append(" " + _("(overdue as of {date})").format(date=as_of.isoformat()),
                    STYLES["overdue"])
    if a.status.pending:
        text.append(" " + _("(pending: pendiente or por definir)"))
    return text


def _action_plan_fact(plan: Plan, a: Activity) -> str:
    if a.action_plan:
        return _("yes")
    if in_action_plan(plan, a):
        return _("yes, through its objective {id}").format(id=a.objective)
    return _("no")


def _history_facts(a: Activity) -> list[Fact]:
    if not a.archived:
        return []
    items = []
    for outcome in a.outcomes:
        text = text_of(outcome.text)
        for ref in outcome.refs:
            text.append("\n" + _("Ref.: {ref}").format(ref=ref.text), "dim")
        items.append(text)
    outcomes = Bulleted(text_of(""), tuple(items)) if items else text_of("")
    day = a.archived_on.isoformat() if a.archived_on else _("date not recorded")
    if a.origin is not None:
        day += _(", from objective {objective} (crmplan restore {id} puts it back)").format(
            objective=a.origin, id=a.id)
    return [(_("Outcomes"), outcomes), (_("Archived"), text_of(day))]


def _print_objective(plan: Plan, objective: Objective, as_of: dt.date, out: Screen) -> None:
    facts: list[Fact] = [
        (_("Objective"), text_of(f"{objective.id} ({_part(objective.archived)})",
                                 STYLES["label"])),
        *_section_facts(plan, objective.section),
        (_("Title"), text_of(objective.title)),
        (_("Note"), text_of(objective.note or "")),
        (_("Plan of Action"), text_of(_("yes") if objective.action_plan else _("no"))),
        (_("Line in the file"), text_of(str(objective.line))),
    ]
    print_facts(out, [(label, value) for label, value in facts if not _blank(value)])
    hits = tuple(Hit(a) for a in objective.activities)
    print_listing(plan, Selection(hits, (), as_of), out, headings=False)
