"""What changed between two versions of the plan (`crmplan changes`), in the plan's terms.

Activities are matched by id (unique across the active plan and the history, and kept by
`crmplan archive`), so a move to the history is an archive, not a removal plus an addition.
For each activity: added, removed, archived (with its outcomes), restored, moved to another
objective, status, responsible/coordination/support, due date, edits of its text, references
and notes (as a word diff), and outcomes recorded on a historical one. Pure functions.
"""

from __future__ import annotations

import datetime as dt
import difflib
from enum import Enum
from typing import NamedTuple

from crm_plan.model import ROLES, Activity, Plan, id_key


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


class Comparison(NamedTuple):
    old_updated: dt.date | None
    new_updated: dt.date | None
    sections: dict[str, str]  # every section id a change names -> its title
    changes: tuple[Change, ...] = ()  # by section, then in plan order

    def by_section(self) -> list[tuple[str, list[Change]]]:
        grouped: dict[str, list[Change]] = {}
        for change in self.changes:
            grouped.setdefault(change.section, []).append(change)
        return list(grouped.items())

    def counts(self) -> dict[Kind, int]:
        """How many changes of each kind, in the order of `Kind`, without the zeros."""
        found = {kind: sum(c.kind is kind for c in self.changes) for kind in Kind}
        return {kind: n for kind, n in found.items() if n}


def compare(old: Plan, new: Plan) -> Comparison:
    old_by_id = {a.id: a for a in old.activities(archived=True)}
    new_by_id = {a.id: a for a in new.activities(archived=True)}
    changes: list[Change] = []
    for activity in new_by_id.values():
        before = old_by_id.get(activity.id)
        if before is None:
            changes.append(_change(Kind.ADDED, activity))
        else:
            changes += activity_changes(before, activity)
    changes += [_change(Kind.REMOVED, a) for a in old_by_id.values() if a.id not in new_by_id]
    order = list(dict.fromkeys([*new.sections, *old.sections, *(c.section for c in changes)]))
    changes.sort(key=lambda c: (order.index(c.section), id_key(c.id)))  # stable for one id
    titles = {**{k: s.title for k, s in old.sections.items()},
              **{k: s.title for k, s in new.sections.items()}}
    return Comparison(old.document.updated, new.document.updated,
                      {c.section: titles.get(c.section, "") for c in changes}, tuple(changes))


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

