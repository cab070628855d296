"""Edits a person (or crmplan) makes to a plan, by id, for the merge tests: each can be applied
to the base and again to the other side's version, to compare the merge with applying both.

An edit is a tuple: ("archive", id), ("restore", id), ("set", id, field, value),
("add", objective, new id), ("comment", id, text) above an activity, ("remark", id, field,
text) above one of its fields. `apply` raises Skip when an edit does not
apply to a text (the activity is not where the edit expects it, a value spans several lines).
"""

from __future__ import annotations

import datetime as dt
import json
import re

from crm_plan.edit import archive, restore
from crm_plan.source import BOM, Mapping, Scalar, Sequence, parse
from crm_plan.spans import item_spans

ON = dt.date(2026, 11, 28)
Edit = tuple[str, ...]


class Skip(Exception):
    """The edit does not apply to this text."""


def apply(text: str, edit: Edit) -> str:
    kind, target = edit[0], edit[1]
    if kind == "archive":
        return archive(text, target, ON)
    if kind == "restore":
        return restore(text, target)
    return _by_lines(text, lambda lines, root: _EDITS[kind](lines, root, *edit[1:]))


def apply_all(text: str, edits: list[Edit]) -> str:
    for edit in edits:
        try:
            text = apply(text, edit)
        except Skip:
            raise
        except Exception as exc:  # noqa: BLE001 - an edit crmplan refuses does not apply
            raise Skip(f"{edit}: {exc}") from exc
    return text


def _by_lines(text: str, change) -> str:  # type: ignore[no-untyped-def]
    bom = text.startswith(BOM)
    body = text[1:] if bom else text
    newline = "\r\n" if "\r\n" in body else "\n"
    final = body.endswith(("\n", "\r"))
    if not final:
        body += newline
    root, problems = parse(body, "")
    if not isinstance(root, Mapping):
        raise Skip("unreadable")
    lines = body.splitlines(keepends=True)
    change(lines, root)
    out = "".join(lines)
    if not final:
        out = out[: -len(newline)]
    return (BOM if bom else "") + out


def activities(root: Mapping, part: str = "objectives"):  # type: ignore[no-untyped-def]
    """(objective node, activities sequence, activity node) of one part."""
    objectives = root.get(part)
    if not isinstance(objectives, Sequence):
        return
    for objective in objectives.items:
        acts = objective.get("activities") if isinstance(objective, Mapping) else None
        if isinstance(acts, Sequence):
            for activity in acts.items:
                yield objective, acts, activity


def _id(node) -> str:  # type: ignore[no-untyped-def]
    value = node.get("id") if isinstance(node, Mapping) else None
    return value.value if isinstance(value, Scalar) else ""


def _find(root: Mapping, activity_id: str):  # type: ignore[no-untyped-def]
    for part in ("objectives", "history"):
        for objective, acts, activity in activities(root, part):
            if _id(activity) == activity_id:
                return objective, acts, activity
    raise Skip(activity_id)


def _set(lines: list[str], root: Mapping, activity_id: str, field: str, value: str) -> None:
    _objective, _acts, activity = _find(root, activity_id)
    node = activity.get(field)
    if not isinstance(node, Scalar) or node.line != node.end_line or node.style in ("|", ">"):
        raise Skip(field)
    row = node.line - 1
    line = lines[row]
    lines[row] = line[:node.col - 1] + value + line[node.end_col - 1:]


def _add(lines: list[str], root: Mapping, objective_id: str, new_id: str) -> None:
    for objective, acts, _activity in activities(root):
        if _id(objective) == objective_id:
            last = item_spans(lines, acts)[-1]
            newline = "\r\n" if lines[last.dash].endswith("\r\n") else "\n"
            pad = " " * last.indent
            lines[last.end + 1:last.end + 1] = [
                f'{pad}- id: "{new_id}"{newline}',
                f"{pad}  text: Nueva actividad {new_id}{newline}",
                f"{pad}  responsible: [ST]{newline}", f"{pad}  status: continuo{newline}"]
            return
    raise Skip(objective_id)


def _comment(lines: list[str], root: Mapping, activity_id: str, words: str) -> None:
    _objective, acts, activity = _find(root, activity_id)
    span = next(s for s in item_spans(lines, acts) if s.node is activity)
    newline = "\r\n" if lines[span.dash].endswith("\r\n") else "\n"
    lines.insert(span.lead, f"{' ' * span.indent}# {words}{newline}")


def _remark(lines: list[str], root: Mapping, activity_id: str, field: str, words: str) -> None:
    """A comment line right above one field of an activity, in the field's column."""
    _objective, _acts, activity = _find(root, activity_id)
    key = next((k for k, _v in activity.pairs if k.value == field), None)
    if key is None or key.line - 1 == item_line(lines, key):
        raise Skip(field)  # absent, or on the dash line
    row = key.line - 1
    newline = "\r\n" if lines[row].endswith("\r\n") else "\n"
    lines.insert(row, f"{' ' * (key.col - 1)}# {words}{newline}")


def item_line(lines: list[str], key: Scalar) -> int:
    """The line of the key when the key stands after a `- `, else -1."""
    row = key.line - 1
    return row if lines[row][:key.col - 1].strip().startswith("-") else -1


_EDITS = {"set": _set, "add": _add, "comment": _comment, "remark": _remark}


def quoted(text: str) -> str:
    return json.dumps(text, ensure_ascii=False)


def claims(edit: Edit, objective_of: dict[str, str]) -> set[tuple[str, str, str]]:
    """What an edit touches: (activity, field) pairs ("*": all of it), and objectives it moves
    activities out of or into, or adds to. Edits on two sides are independent when no claim of
    one meets a claim of the other (`independent`)."""
    kind, target = edit[0], edit[1]
    if kind in ("archive", "restore"):
        return {("activity", target, "*"), ("moves", objective_of.get(target, ""), "")}
    if kind == "set":
        return {("activity", target, edit[2])}
    if kind == "comment":
        return {("activity", target, "comment")}
    if kind == "remark":
        return {("activity", target, edit[2])}
    return {("adds", target, ""), ("activity", edit[2], "*")}


def independent(ours: set[tuple[str, str, str]], theirs: set[tuple[str, str, str]]) -> bool:
    for kind, key, field in ours:
        for other_kind, other_key, other_field in theirs:
            if kind == other_kind == "activity" and key == other_key and (
                    "*" in (field, other_field) or field == other_field):
                return False
            if {kind, other_kind} == {"moves", "adds"} and key == other_key:
                return False
    return True


POSITION = re.compile(r"position: \d+")


def loosely(text: str) -> tuple[str, ...]:
    """The lines of a text but blank ones, in order, without what depends on the order of edits
    that do not commute: two archives into one objective stand in the order they were made,
    `origin:` records the position the activity had then, and the blank lines between them come
    from the first two activities of the file as it was at the time."""
    lines = POSITION.sub("position: N", text).splitlines()
    return tuple(sorted(line for line in lines if line.strip()))


def kept(text: str, side: str) -> str:
    """A merged text with one side ("ours" or "theirs") kept in every conflict."""
    out, keeping = [], True
    for line in text.splitlines(keepends=True):
        if line.startswith("<<<<<<< "):
            keeping = side == "ours"
        elif line.startswith("======="):
            keeping = side == "theirs"
        elif line.startswith(">>>>>>> "):
            keeping = True
        elif keeping:
            out.append(line)
    return "".join(out)
