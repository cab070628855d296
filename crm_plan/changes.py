"""What changed between two versions of the plan (`crmplan changes`), in the plan's terms.

Activities are matched by id (unique across the active plan and the history, and kept by
`crmplan archive`), so a move to the history is an archive, not a removal plus an addition.
For each activity: added, removed, archived (with its outcomes), restored, moved to another
objective, status, responsible/coordination/support, due date, edits of its text, references
and notes (as a word diff), and outcomes recorded on a historical one.

The other parts of the plan (`PARTS`: document data, areas, sections, actors, meetings,
objectives) are compared item by item, matched by key or id: added, removed, and each field that
changed (texts as a word diff). An objective is one item whether it stands in the active plan,
the history or both, so archiving its last activity changes nothing of it. A new part of the plan
keyed by id is one more line in `PARTS` and a heading and a count for it in render/changes.py
(meetings were added so). Pure functions.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Callable, Mapping
from enum import Enum
from typing import NamedTuple

from crm_plan.model import ROLES, Activity, Objective, Plan, id_key


class Kind(str, Enum):
    ADDED = "added"
    REMOVED = "removed"
    ARCHIVED = "archived"
    RESTORED = "restored"
    MOVED = "moved"  # field: section or objective
    STATUS = "status"
    ACTORS = "actors"  # field: responsible, coordination or support
    DUE = "due"
    EDITED = "edited"  # field: text, ref, responsible_note, status_note, note
    OUTCOMES = "outcomes"  # outcomes recorded on an activity that stays historical


# A word diff: ("=", "same words"), ("-", "removed words"), ("+", "added words").
Words = tuple[tuple[str, str], ...]
Value = str | tuple[str, ...] | None

EDITED_FIELDS = ("text", "ref", "responsible_note", "status_note", "note")


class Change(NamedTuple):
    kind: Kind
    id: str
    section: str
    objective: str
    text: str  # the activity's text: the new one, or the old one for a removed activity
    field: str | None = None
    before: Value = None
    after: Value = None
    words: Words = ()
    outcomes: tuple[str, ...] = ()  # archived / outcomes: the outcomes it has now


class Part(str, Enum):
    """The parts of the plan compared besides its activities."""

    DOCUMENT = "document"
    AREA = "area"
    SECTION = "section"
    ACTOR = "actor"
    MEETING = "meeting"
    OBJECTIVE = "objective"


class PartChange(NamedTuple):
    """A change to an item of another part of the plan: added, removed, or one field edited."""

    part: Part
    key: str  # an actor's short name; an area's, section's, meeting's, objective's id; "" else
    kind: Kind  # ADDED, REMOVED or EDITED
    name: str  # the item's title or name (the new one, or the old one when removed)
    field: str | None = None
    before: Value = None
    after: Value = None
    words: Words = ()


class Comparison(NamedTuple):
    old_updated: dt.date | None
    new_updated: dt.date | None
    sections: dict[str, str]  # every section id a change names -> its title
    changes: tuple[Change, ...] = ()  # by section, then in plan order
    parts: tuple[PartChange, ...] = ()  # in the order of PARTS, then by key

    def by_section(self) -> list[tuple[str, list[Change]]]:
        grouped: dict[str, list[Change]] = {}
        for change in self.changes:
            grouped.setdefault(change.section, []).append(change)
        return list(grouped.items())

    def counts(self) -> dict[Kind, int]:
        """How many changes of each kind, in the order of `Kind`, without the zeros."""
        found = {kind: sum(c.kind is kind for c in self.changes) for kind in Kind}
        return {kind: n for kind, n in found.items() if n}

    def part_counts(self) -> dict[Part, int]:
        """How many changes to each other part, in the order of `Part`, without the zeros."""
        found = {part: sum(c.part is part for c in self.parts) for part in Part}
        return {part: n for part, n in found.items() if n}


class _Titled(NamedTuple):
    title: str


class PartSpec(NamedTuple):
    part: Part
    items: Callable[[Plan], Mapping[str, NamedTuple]]  # the part's items by key
    fields: tuple[str, ...]  # the fields compared, in the order they are reported
    name: str  # the field (or method) that names an item


def _objectives(plan: Plan) -> dict[str, Objective]:
    """Objectives by id; one in the active plan stands for its historical part too."""
    return {**{o.id: o for o in plan.history}, **{o.id: o for o in plan.objectives}}


PARTS: tuple[PartSpec, ...] = (
    # `updated` is not among them: the headline gives both versions' dates, and every edit
    # sets it, so it would be a change in every report.
    PartSpec(Part.DOCUMENT, lambda plan: {"": plan.document},
             ("title", "organization", "network", "updated_by", "legend", "note"), "title"),
    PartSpec(Part.AREA, lambda plan: {k: _Titled(v) for k, v in plan.areas.items()}, ("title",),
             "title"),
    PartSpec(Part.SECTION, lambda plan: plan.sections, ("area", "title"), "title"),
    PartSpec(Part.ACTOR, lambda plan: plan.actors, ("name", "members"), "name"),
    PartSpec(Part.MEETING, lambda plan: {m.id: m for m in plan.meetings},
             ("body", "date", "place", "name", "note"), "label"),
    PartSpec(Part.OBJECTIVE, _objectives, ("section", "title", "note", "action_plan"), "title"),
)


def compare(old: Plan, new: Plan) -> Comparison:
    old_by_id = {a.id: a for a in old.activities(archived=True)}
    new_by_id = {a.id: a for a in new.activities(archived=True)}
    changes: list[Change] = []
    for activity in new_by_id.values():
        changes += between(old_by_id.get(activity.id), activity)
    changes += [_change(Kind.REMOVED, a) for a in old_by_id.values() if a.id not in new_by_id]
    order = list(dict.fromkeys([*new.sections, *old.sections, *(c.section for c in changes)]))
    changes.sort(key=lambda c: (order.index(c.section), id_key(c.id)))  # stable for one id
    titles = {**{k: s.title for k, s in old.sections.items()},
              **{k: s.title for k, s in new.sections.items()}}
    return Comparison(old.document.updated, new.document.updated,
                      {c.section: titles.get(c.section, "") for c in changes}, tuple(changes),
                      tuple(part_changes(old, new)))


def between(old: Activity | None, new: Activity | None) -> list[Change]:
    """The changes of one activity from one version to the next (None: not in that version)."""
    if old is None:
        return [_change(Kind.ADDED, new)] if new is not None else []
    if new is None:
        return [_change(Kind.REMOVED, old)]
    return activity_changes(old, new)


def part_changes(old: Plan, new: Plan) -> list[PartChange]:
    """The changes to the other parts of the plan (`PARTS`), part by part, in key order."""
    found: list[PartChange] = []
    for spec in PARTS:
        before, after = spec.items(old), spec.items(new)
        for key in sorted({*before, *after}, key=id_key):
            found += _item_changes(spec, key, before.get(key), after.get(key))
    return found


def _item_changes(spec: PartSpec, key: str, old: NamedTuple | None, new: NamedTuple | None
                  ) -> list[PartChange]:
    if old is None or new is None:
        item = new if new is not None else old
        return [PartChange(spec.part, key, Kind.ADDED if old is None else Kind.REMOVED,
                           _name(item, spec.name))]  # type: ignore[arg-type]
    changes = []
    for name in spec.fields:
        before, after = _field(old, name), _field(new, name)
        if before != after:
            texts = isinstance(before, str) and isinstance(after, str) and (
                " " in before or " " in after)  # a date or a name: `old → new` reads best
            words = word_diff(before, after) if texts else ()  # type: ignore[arg-type]
            changes.append(PartChange(spec.part, key, Kind.EDITED, _name(new, spec.name), name,
                                      before, after, words))
    return changes


def _name(record: NamedTuple, name: str) -> str:
    """What names an item: a field, or a method that says it (a meeting's `label`)."""
    attribute = getattr(record, name)
    value = attribute() if callable(attribute) else _field(record, name)
    return value if isinstance(value, str) else ""


def _field(record: NamedTuple, name: str) -> Value:
    """A field's value as a text, a list of texts, or None."""
    value = getattr(record, name)
    if value is None or value == "" or value == ():
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, tuple):
        return tuple(str(v) for v in value)
    return str(value)


def activity_changes(old: Activity, new: Activity) -> list[Change]:
    """The changes of one activity present in both versions."""
    changes: list[Change] = []
    if old.archived != new.archived:
        kind = Kind.ARCHIVED if new.archived else Kind.RESTORED
        changes.append(_change(kind, new, outcomes=_outcomes(new) if new.archived else ()))
    elif old.section != new.section:
        changes.append(_change(Kind.MOVED, new, field="section", before=old.section,
                               after=new.section))
    elif old.objective != new.objective:
        changes.append(_change(Kind.MOVED, new, field="objective", before=old.objective,
                               after=new.objective))
    if old.archived == new.archived and old.status != new.status:
        changes.append(_change(Kind.STATUS, new, before=old.status.value,
                               after=new.status.value))
    for role in ROLES:
        if getattr(old, role) != getattr(new, role):
            changes.append(_change(Kind.ACTORS, new, field=role, before=getattr(old, role),
                                   after=getattr(new, role)))
    if old.due != new.due:
        changes.append(_change(Kind.DUE, new, before=_iso(old), after=_iso(new)))
    for name in EDITED_FIELDS:
        before, after = _edited_value(old, name), _edited_value(new, name)
        if before != after:
            changes.append(_change(Kind.EDITED, new, field=name, before=before, after=after,
                                   words=word_diff(before or "", after or "")))
    if old.archived and new.archived and _outcomes(old) != _outcomes(new):
        changes.append(_change(Kind.OUTCOMES, new, outcomes=_outcomes(new),
                               before=_outcomes(old), after=_outcomes(new)))
    return changes


def _change(kind: Kind, activity: Activity, **details: object) -> Change:
    return Change(kind, activity.id, activity.section, activity.objective, activity.text,
                  **details)  # type: ignore[arg-type]


def _edited_value(activity: Activity, name: str) -> str | None:
    if name == "ref":
        return "; ".join(ref.text for ref in activity.refs if ref.field == "ref") or None
    value: str | None = getattr(activity, name)  # one of EDITED_FIELDS: a text, or None
    return value


def _outcomes(activity: Activity) -> tuple[str, ...]:
    return tuple(outcome.text for outcome in activity.outcomes)


def _iso(activity: Activity) -> str | None:
    return activity.due.iso() if activity.due else None


def word_diff(before: str, after: str) -> Words:
    """The two texts word by word: runs of equal, removed and added words."""
    old, new = before.split(), after.split()
    runs: list[tuple[str, str]] = []
    matcher = difflib.SequenceMatcher(None, old, new, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            runs.append(("=", " ".join(old[i1:i2])))
            continue
        if i2 > i1:
            runs.append(("-", " ".join(old[i1:i2])))
        if j2 > j1:
            runs.append(("+", " ".join(new[j1:j2])))
    return tuple(runs)


def shorten(words: Words, context: int = 6) -> Words:
    """A word diff with long runs of equal words cut to `context` words on each side."""
    runs: list[tuple[str, str]] = []
    for index, (op, text) in enumerate(words):
        parts = text.split()
        if op != "=" or len(parts) <= 2 * context:
            runs.append((op, text))
            continue
        head = parts[:context] if index > 0 else []
        tail = parts[-context:] if index < len(words) - 1 else []
        runs.append(("=", " ".join([*head, "…", *tail])))
    return tuple(runs)

