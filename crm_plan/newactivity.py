"""`crmplan add OBJECTIVE --text ... --responsible ...`: a new activity at the end of an
objective, written as its neighbours are.

Its id is the objective's next free number: after every activity of that objective, active or
archived (an archived id is never given again, so that `changes` and `restore` never mistake
one activity for another). Its lines copy the layout of the objective's last activity (else of
the nearest objective that has one): the indentation of the `- ` and of the fields, the quotes
around the id, flow `[a, b]` or block `- ` lists, the blank lines between activities and the
line ending. Values are checked as `validate` checks them, and the result must validate.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from crm_plan import fieldedit, lookup
from crm_plan.edit import EditRefused
from crm_plan.errors import NotInPlan, UsageError
from crm_plan.fieldedit import ListStyle, plain_ok, written
from crm_plan.messages import _
from crm_plan.model import Plan, Status
from crm_plan.source import BOM, Mapping, Scalar, Sequence, Source, parse
from crm_plan.spans import Span, gap, indent_of, is_blank, item_spans, key_span
from crm_plan.text import character_name, fold, unsafe_characters

_NUMBER_LIKE = re.compile(r"^[0-9]+\.[0-9]*0$")  # 6.10: a float to YAML tools, unquoted


class NewActivity(NamedTuple):
    """What the command line gave, in the user's words."""

    text: str
    responsible: tuple[str, ...]
    status: str | None = None
    due: str | None = None
    coordination: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    ref: tuple[str, ...] = ()
    note: str | None = None


class _Layout(NamedTuple):
    dash: int  # the column of the `- ` (0-based)
    fields: int  # the column of the fields
    id_style: str | None
    lists: ListStyle
    gap: list[str]  # the blank lines before the new activity
    newline: str


def add_activity(plan: Plan, source: Source, objective_word: str, new: NewActivity
                 ) -> tuple[str, list[str]]:
    """The plan's text with the new activity at the end of the objective, checked; and its id."""
    objective = _objective(plan, objective_word)
    fields = _fields(plan, new)
    activity_id = next_id(plan, objective)
    text = _insert(source.text, objective, activity_id, fields)
    return fieldedit.check(text, source.path), [activity_id]


def next_id(plan: Plan, objective: str) -> str:
    """`9.7` after 9.1 ... 9.6, whether they are active or archived."""
    numbers = [int(a.id[len(objective) + 1:]) for a in plan.activities(archived=True)
               if a.id.startswith(objective + ".") and a.id[len(objective) + 1:].isdigit()]
    return f"{objective}.{max(numbers, default=0) + 1}"


def _objective(plan: Plan, word: str) -> str:
    for objective in plan.objectives:
        if fold(objective.id) == fold(word):
            return objective.id
    if any(fold(o.id) == fold(word) for o in plan.history):
        raise UsageError(_("objective {id} is only in the history; new activities go to an "
                           "objective of the active plan").format(id=word.strip()))
    raise NotInPlan(_("'{word}' is not an objective{hint}").format(
        word=word, hint=lookup.hint(word, [o.id for o in plan.objectives])))


def _fields(plan: Plan, new: NewActivity) -> list[tuple[str, str | list[str]]]:
    """(field, value) in the file's order, checked; lists of actors by their short names."""
    text = _one_line(new.text, "--text")
    if not text:
        raise UsageError(_("--text cannot be empty"))
    status = lookup.status(new.status).value if new.status else Status.POR_DEFINIR.value
    due = lookup.due(new.due).iso() if new.due else None
    if status == Status.PROGRAMADO.value and due is None:
        raise UsageError(_("the status 'programado' needs a due date: add --due, e.g. --due "
                           "2010-06 (a year, a month or a day)"))
    fields: list[tuple[str, str | list[str]]] = [("text", text)]
    refs = [_one_line(r, "--ref") for r in new.ref if r.strip()]
    if refs:
        fields.append(("ref", refs[0] if len(refs) == 1 else refs))
    for role in ("responsible", "coordination", "support"):
        words = [w.strip() for given in getattr(new, role) for w in given.split(",") if w.strip()]
        actors = list(dict.fromkeys(lookup.actor(plan, w) for w in words))
        if actors or role == "responsible":
            fields.append((role, actors))
    fields.append(("status", status))
    if due is not None:
        fields.append(("due", due))
    if new.note and new.note.strip():
        fields.append(("note", _one_line(new.note, "--note")))
    return fields


def _one_line(value: str, option: str) -> str:
    for _position, char in unsafe_characters(value, lines=True):
        raise UsageError(_("{option} contains {character}, which a plan cannot hold; write it "
                           "on one line, without control characters").format(
            option=option, character=character_name(char)))
    return value.strip()


# -- the lines ------------------------------------------------------------------------------------

def _insert(text: str, objective_id: str, activity_id: str,
            fields: list[tuple[str, str | list[str]]]) -> str:
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    final_newline = body == "" or body.endswith(("\n", "\r"))
    newline = "\r\n" if "\r\n" in body else "\n"
    if not final_newline:
        body += newline
    lines = re.findall(r"[^\r\n]*(?:\r\n|\r|\n)", body)
    root, problems = parse(body, "")
    if not isinstance(root, Mapping) or problems:
        raise EditRefused(_("the plan file cannot be read; run crmplan validate"))
    objective = fieldedit.find(root, fieldedit.Target("objective", objective_id))
    assert objective is not None
    layout = _layout(lines, root, objective, newline, text)
    new = _lines(activity_id, fields, layout)
    activities = objective.get("activities")
    if isinstance(activities, Sequence) and activities.items and not activities.flow:
        at = item_spans(lines, activities)[-1].end + 1
        lines[at:at] = layout.gap + new
    else:  # `activities: []` (or empty): the key keeps its line, the list starts under it
        span = key_span(lines, objective, "activities")
        assert span is not None
        first, last = span
        pad = " " * indent_of(lines[first])
        lines[first:last + 1] = [f"{pad}activities:{_ending(lines[first], newline)}", *new]
    result = "".join(lines)
    if not final_newline and result.endswith(newline):
        result = result[: -len(newline)]
    return (BOM if bom else "") + result


def _lines(activity_id: str, fields: list[tuple[str, str | list[str]]], layout: _Layout
           ) -> list[str]:
    id_text = written(activity_id, layout.id_style)
    if layout.id_style is None and (_NUMBER_LIKE.match(activity_id) or not plain_ok(activity_id)):
        id_text = written(activity_id, '"')
    pad, nl = " " * layout.fields, layout.newline
    dash = " " * layout.dash + "-" + " " * (layout.fields - layout.dash - 1)
    lines = [f"{dash}id: {id_text}{nl}"]
    for key, value in fields:
        if isinstance(value, str):
            lines.append(f"{pad}{key}: {written(value, None)}{nl}")
        elif key == "ref":  # several references: one per line, as the plan writes them
            lines.append(f"{pad}{key}:{nl}")
            lines += [f"{pad}{' ' * 2}- {written(v, None)}{nl}" for v in value]
        elif layout.lists.flow or not value:
            inner = ", ".join(written(v, None, flow=True) for v in value)
            shown = f"[ {inner} ]" if layout.lists.padded and inner else f"[{inner}]"
            lines.append(f"{pad}{key}: {shown}{nl}")
        else:
            lines.append(f"{pad}{key}:{nl}")
            lines += [f"{pad}{' ' * layout.lists.offset}- {written(v, None)}{nl}" for v in value]
    return lines


def _layout(lines: list[str], root: Mapping, objective: Mapping, newline: str, text: str
            ) -> _Layout:
    """The layout of the objective's last activity, else of the nearest objective's (placed
    as deep under this objective as it is under its own)."""
    lists = fieldedit.list_style(text, "responsible")
    found = _model(lines, root, objective)
    if found is None:  # no activity anywhere: two columns deeper at each level
        dash = objective.col - 1 + 2
        return _Layout(dash, dash + 2, '"', lists, [], newline)
    owner, spans = found
    model = spans[-1]
    node = model.node
    assert isinstance(node, Mapping)
    id_node = node.get("id")
    id_style = id_node.style if isinstance(id_node, Scalar) else '"'
    dash = objective.col - 1 + model.indent - (owner.col - 1)
    between = gap(lines, spans[-2], spans[-1]) if owner is objective and len(spans) > 1 \
        else _usual_gap(lines, root)
    return _Layout(dash, dash + node.col - 1 - model.indent, id_style, lists,
                   [line for line in between if is_blank(line)],
                   _ending(lines[model.end], newline))


def _model(lines: list[str], root: Mapping, objective: Mapping
           ) -> tuple[Mapping, list[Span]] | None:
    """The objective whose activities are the model (this one, else the nearest one that has
    activities written with one field a line), and the spans of its activities."""
    candidates = [objective] + sorted(
        _objectives(root), key=lambda o: abs(o.line - objective.line))
    for candidate in candidates:
        activities = candidate.get("activities")
        if isinstance(activities, Sequence) and activities.items and not activities.flow:
            spans = item_spans(lines, activities)
            if isinstance(spans[-1].node, Mapping) and not spans[-1].node.flow:
                return candidate, spans
    return None


def _objectives(root: Mapping) -> list[Mapping]:
    found = []
    for part in ("objectives", "history"):
        value = root.get(part)
        if isinstance(value, Sequence):
            found += [o for o in value.items if isinstance(o, Mapping)]
    return found


def _usual_gap(lines: list[str], root: Mapping) -> list[str]:
    """The blank lines the file puts between two activities (none when it has no two)."""
    for objective in _objectives(root):
        activities = objective.get("activities")
        if isinstance(activities, Sequence) and len(activities.items) > 1 and not activities.flow:
            spans = item_spans(lines, activities)
            return gap(lines, spans[0], spans[1])
    return []


def _ending(line: str, newline: str) -> str:
    body = line.rstrip("\r\n")
    return line[len(body):] or newline

