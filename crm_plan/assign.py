"""`crmplan set ID FIELD=VALUE...`: assignments read, checked as `validate` checks the plan,
and written into the text through `fieldedit`.

An activity's fields that people change (its status, due date or the meeting it is due at,
actors, text, reference and notes) and an objective's title and note. Statuses and actors are
the plan's own words, or a "did you mean" (`lookup`); an actor field takes a list
(`responsible=México,OIM`) or one actor to add or remove (`responsible=+OIM`, `-OIM`);
`ref=+...` adds a reference. An empty value removes an optional field. The result must
validate, or nothing is written.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from crm_plan import fieldedit, fields, lookup
from crm_plan.errors import UsageError
from crm_plan.fieldedit import ListStyle, Target
from crm_plan.messages import _
from crm_plan.model import Objective, Plan, Status
from crm_plan.source import Mapping, Scalar, Source
from crm_plan.text import character_name, fold, unsafe_characters

# The fields `set` changes: those of the kinds people change (texts, notes, actors, references,
# the status, the due date) and the deadline tied to meetings, not ids, markers or what
# `archive` writes; in the file's order.
_KINDS = (fields.TEXT, fields.NOTE, fields.ACTORS, fields.REFS, fields.STATUS, fields.DUE)
_MEETINGS = ("due_at", "due_each", "days_before")
ACTIVITY_SETTABLE = tuple(f.name for f in fields.ACTIVITY.fields
                          if f.kind in _KINDS or f.name in _MEETINGS)
OBJECTIVE_SETTABLE = tuple(f.name for f in fields.OBJECTIVE.fields if f.kind in _KINDS)
ACTIVITY_FIELDS = fields.ACTIVITY.names  # where a new field goes: after those before it here
OBJECTIVE_FIELDS = fields.OBJECTIVE.names
# Spanish names people type for the fields (only to suggest the right one).
_SPANISH = {"estado": "status", "fecha": "due", "fecha prevista": "due", "plazo": "due",
            "responsable": "responsible", "responsables": "responsible",
            "coordinacion": "coordination", "apoyo": "support", "texto": "text",
            "referencia": "ref", "nota": "note", "titulo": "title", "objetivo": "title"}


class Assignment(NamedTuple):
    field: str
    value: str  # as typed after the `=`


def parse(word: str, *, objective: bool) -> Assignment:
    """`FIELD=VALUE` for an activity (or with `objective`, an objective)."""
    field, sign, value = word.partition("=")
    field = field.strip()
    if not sign or not field:
        raise UsageError(_("'{word}' is not FIELD=VALUE; write for example status=programado")
                         .format(word=word))
    settable = OBJECTIVE_SETTABLE if objective else ACTIVITY_SETTABLE
    if field not in settable:
        spanish = _SPANISH.get(fold(field).replace("_", " "))
        hint = (_("; did you mean '{hint}'?").format(hint=spanish) if spanish in settable
                else lookup.hint(field, list(settable)))
        raise UsageError(_("'{field}' is not a field of {what} that crmplan set can "
                           "change{hint} (fields: {fields})").format(
            field=field, what=_("an objective") if objective else _("an activity"), hint=hint,
            fields=", ".join(settable)))
    for _position, char in unsafe_characters(value, lines=True):
        raise UsageError(_("the value of '{field}' contains {character}, which a plan cannot "
                           "hold; write it on one line, without control characters").format(
            field=field, character=character_name(char)))
    return Assignment(field, value.strip())


def set_fields(plan: Plan, source: Source, item_word: str, words: list[str]
               ) -> tuple[str, list[str]]:
    """The plan's text with the assignments `words` made to the item `item_word`, checked;
    and the item's id, if anything changed."""
    item = lookup.item(plan, item_word)
    objective = isinstance(item, Objective)
    assignments = [parse(word, objective=objective) for word in words]
    if not assignments:
        raise UsageError(_("say what to change, e.g. crmplan set {id} status=programado "
                           "due=2010-06").format(id=item.id))
    text = source.text
    for assignment in assignments:
        if objective:
            text = _set_objective(plan, text, item.id, assignment)
        else:
            text = _set_activity(plan, text, Target("activity", item.id), assignment)
    if text == source.text:
        return text, []
    if not objective:
        _check_schedule(text, item.id, assignments)
    return fieldedit.check(text, source.path), [item.id]


# -- an activity ----------------------------------------------------------------------------------

def _set_activity(plan: Plan, text: str, target: Target, assignment: Assignment) -> str:
    field, value = assignment
    kind = _field(fields.ACTIVITY, field).kind
    if kind == fields.ACTORS:
        return _set_actors(plan, text, target, field, value)
    if kind == fields.REFS:
        return _set_refs(text, target, value)
    if kind == fields.STATUS:
        return _scalar(text, target, field, lookup.status(value).value if value else "")
    if kind == fields.DUE:
        return _scalar(text, target, field, lookup.due(value).iso() if value else "")
    if field == "due_at":
        return _scalar(text, target, field,
                       lookup.meeting(plan, value, field).id if value else "")
    if field == "due_each":
        return _set_names(text, target, field, value, lambda word: _body(plan, word))
    if field == "days_before" and value and not (value.isascii() and value.isdigit()):
        raise UsageError(_("'days_before' is a whole number of days, e.g. 1"))
    return _scalar(text, target, field, value)


def _field(part: fields.Part, name: str) -> fields.Field:
    return next(f for f in part.fields if f.name == name)


def _scalar(text: str, target: Target, field: str, value: str) -> str:
    part = fields.OBJECTIVE if target.kind == "objective" else fields.ACTIVITY
    if value:
        number = _field(part, field).kind == fields.POSITION
        return fieldedit.set_scalar(text, target, field, value, part.names, number=number)
    if _field(part, field).required is not None:
        raise UsageError(_("'{field}' cannot be empty").format(field=field))
    return fieldedit.remove_field(text, target, field)


def _set_actors(plan: Plan, text: str, target: Target, field: str, value: str) -> str:
    return _set_names(text, target, field, value, lambda word: lookup.actor(plan, word))


def _body(plan: Plan, word: str) -> str:
    """A body that meets in the calendar (CRM, GRCM...), as the calendar writes it; any word
    when the plan has no calendar."""
    bodies = list(dict.fromkeys(m.body for m in plan.meetings))
    for body in bodies:
        if fold(body) == fold(word):
            return body
    if not bodies:
        return word
    raise UsageError(_("no meeting of 'meetings' is of the body '{body}'").format(body=word)
                     + lookup.hint(word, bodies))


def _set_names(text: str, target: Target, field: str, value: str,
               resolve: Callable[[str], str]) -> str:
    """A list of names (actors, bodies): the whole list, or the names to add and remove."""
    current = _current(text, target, field)
    words = [w.strip() for w in value.split(",") if w.strip()]
    signed = [w for w in words if w[0] in "+-"]
    if signed and len(signed) != len(words) and field == "due_each":
        raise UsageError(_("'{field}={value}': either name the whole list (GRCM,CRM) or the "
                           "bodies to add and remove (+CRM,-GRCM), not both").format(
            field=field, value=value))
    if signed and len(signed) != len(words):
        raise UsageError(_("'{field}={value}': either name the whole list (México,OIM) or the "
                           "actors to add and remove (+OIM,-ST), not both").format(
            field=field, value=value))
    if not signed:
        wanted = list(dict.fromkeys(resolve(w) for w in words))
    else:
        wanted = list(current)
        for word in signed:
            name = resolve(word[1:].strip())
            if word[0] == "+" and name not in wanted:
                wanted.append(name)
            elif word[0] == "-":
                wanted = _without(wanted, name, field, target.id)
    style = fieldedit.list_style(text, field, fieldedit.list_style(text, "responsible"))
    return fieldedit.set_list(text, target, field, wanted, ACTIVITY_FIELDS, style=style,
                              drop_empty=_field(fields.ACTIVITY, field).required is None)


def _without(values: list[str], value: str, field: str, item_id: str) -> list[str]:
    if value not in values:
        raise UsageError(_("'{value}' is not in the {field} of {id} ({current})").format(
            value=value, field=field, id=item_id, current=", ".join(values) or "-"))
    return [v for v in values if v != value]


def _set_refs(text: str, target: Target, value: str) -> str:
    current = _current(text, target, "ref")
    if value[:1] == "+":
        wanted = current + [value[1:].strip()] if value[1:].strip() not in current else current
    elif value[:1] == "-":
        wanted = _without(current, value[1:].strip(), "ref", target.id)
    else:
        wanted = [value] if value else []
    style = fieldedit.list_style(text, "ref", ListStyle(flow=False))
    return fieldedit.set_list(text, target, "ref", wanted, ACTIVITY_FIELDS, style=style,
                              drop_empty=True, one_as_text=True)


def _current(text: str, target: Target, field: str) -> list[str]:
    item = fieldedit.find(_root(text), target)
    return fieldedit.list_values(item.get(field) if item is not None else None)


def _root(text: str) -> Mapping | None:
    from crm_plan.source import BOM, parse

    root, _problems = parse(text[1:] if text.startswith(BOM) else text, "")
    return root if isinstance(root, Mapping) else None


def _check_schedule(text: str, activity_id: str, assignments: list[Assignment]) -> None:
    """`programado` needs a due date: said in the command's terms, not the file's."""
    if not any(a.field in ("status", "due", "due_at", "due_each") for a in assignments):
        return
    item = fieldedit.find(_root(text), Target("activity", activity_id))
    status = fieldedit.scalar_value(item.get("status")) if item is not None else None
    # a meeting stands for the date too (due_at, due_each)
    dated = item is not None and any(item.get(key) is not None
                                     for key in ("due", "due_at", "due_each"))
    if status is not None and fold(status) == Status.PROGRAMADO.value and not dated:
        raise UsageError(_("{id}: the status 'programado' needs a due date; add it to the "
                           "command, e.g. due=2010-06 (a year, a month or a day)").format(
            id=activity_id))


# -- an objective ---------------------------------------------------------------------------------

def _set_objective(plan: Plan, text: str, objective_id: str, assignment: Assignment) -> str:
    """The objective's title or note, in both parts of the plan when it is in both with the
    same value (so that `archive` and `restore` still find one objective)."""
    field, value = assignment
    targets = [Target("objective", objective_id, part) for part in ("objectives", "history")
               if any(o.id == objective_id for o in (plan.objectives if part == "objectives"
                                                     else plan.history))]
    root = _root(text)
    values = [_scalar_of(root, target, field) for target in targets]
    for target, current in zip(targets, values, strict=True):
        if current == values[0]:
            text = _scalar(text, target, field, value)
    return text


def _scalar_of(root: Mapping | None, target: Target, field: str) -> str | None:
    item = fieldedit.find(root, target)
    node = item.get(field) if item is not None else None
    return node.value if isinstance(node, Scalar) else None
