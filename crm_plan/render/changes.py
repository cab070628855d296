"""The change report's wording, the same in every format (`crmplan changes` as a table on the
terminal, markdown for a meeting note, json): the headline, what each change is called, and
the changes grouped by activity.

Word diffs are written with explicit marks, so that they read without colour: `[-old-]{+new+}`
in the table (as `git diff --word-diff` does; red and green on a terminal too), `~~old~~
**new**` in markdown.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator

from crm_plan.changes import Change, Comparison, Kind, Part, PartChange, Value
from crm_plan.messages import _, day, ngettext
from crm_plan.render.layout import role_label


def field_label(name: str | None) -> str:
    labels = {"text": _("text"), "ref": _("reference"), "responsible_note": _("responsible note"),
              "status_note": _("status note"), "note": _("note")}
    return labels.get(name or "", name or "")


def headline(comparison: Comparison, old: str, new: str) -> str:
    """`Changes from OLD (updated 2009-11-26) to NEW (updated 2010-03-01): 1 archived, ...`"""
    versions = {"old": _version(old, comparison.old_updated),
                "new": _version(new, comparison.new_updated)}
    if not comparison.changes and not comparison.parts:
        return _("No changes from {old} to {new}.").format(**versions)
    counts = [count_label(k, n) for k, n in comparison.counts().items()]
    counts += [part_count_label(p, n) for p, n in comparison.part_counts().items()]
    return _("Changes from {old} to {new}: {counts}.").format(**versions, counts=", ".join(counts))


def _version(name: str, updated: object) -> str:
    if updated is None:
        return name
    if isinstance(updated, dt.date):
        updated = day(updated)
    return _("{name} (updated {date})").format(name=name, date=updated)


def count_label(kind: Kind, n: int) -> str:
    labels = {
        Kind.ADDED: ngettext("{n} added", "{n} added", n),
        Kind.REMOVED: ngettext("{n} removed", "{n} removed", n),
        Kind.ARCHIVED: ngettext("{n} archived", "{n} archived", n),
        Kind.RESTORED: ngettext("{n} restored", "{n} restored", n),
        Kind.MOVED: ngettext("{n} moved", "{n} moved", n),
        Kind.STATUS: ngettext("{n} status change", "{n} status changes", n),
        Kind.ACTORS: ngettext("{n} change of actors", "{n} changes of actors", n),
        Kind.DUE: ngettext("{n} due date change", "{n} due date changes", n),
        Kind.EDITED: ngettext("{n} text edit", "{n} text edits", n),
        Kind.OUTCOMES: ngettext("{n} outcome update", "{n} outcome updates", n),
    }
    return labels[kind].format(n=n)


def part_count_label(part: Part, n: int) -> str:
    labels = {
        Part.DOCUMENT: ngettext("{n} change to the document data",
                                "{n} changes to the document data", n),
        Part.AREA: ngettext("{n} change to the areas", "{n} changes to the areas", n),
        Part.SECTION: ngettext("{n} change to the sections", "{n} changes to the sections", n),
        Part.ACTOR: ngettext("{n} change to the actors", "{n} changes to the actors", n),
        Part.MEETING: ngettext("{n} change to the meetings", "{n} changes to the meetings", n),
        Part.OBJECTIVE: ngettext("{n} change to the objectives", "{n} changes to the objectives",
                                 n),
    }
    return labels[part].format(n=n)


def part_heading(part: Part) -> str:
    return {Part.DOCUMENT: _("Document data"), Part.AREA: _("Areas"), Part.SECTION: _("Sections"),
            Part.ACTOR: _("Actors"), Part.MEETING: _("Meetings"),
            Part.OBJECTIVE: _("Objectives")}[part]


def part_field_label(name: str | None) -> str:
    labels = {"title": _("title"), "organization": _("organization"), "network": _("network"),
              "updated_by": _("updated by"), "legend": _("legend"),
              "note": _("note"), "area": _("area"), "name": _("name"), "members": _("members"),
              "section": _("section"), "action_plan": _("from the Plan of Action"),
              "body": _("body"), "date": _("date"), "place": _("place")}
    return labels.get(name or "", name or "")


def describe_part(change: PartChange) -> tuple[str, str]:
    """(what changed, how) for a change to another part of the plan, as `describe` does."""
    if change.kind is Kind.ADDED:
        return _("added"), ""
    if change.kind is Kind.REMOVED:
        return _("removed"), ""
    none = _("(none)")
    return (part_field_label(change.field),
            f"{_value(change.before, none)} → {_value(change.after, none)}")


def short_name(change: PartChange, width: int = 60) -> str:
    return textwrap.shorten(change.name, width=width, placeholder=" …")


def by_item(changes: tuple[PartChange, ...]) -> Iterator[tuple[Part, list[list[PartChange]]]]:
    """The changes part by part, and in each part item by item."""
    for part in Part:
        items: dict[str, list[PartChange]] = {}
        for change in changes:
            if change.part is part:
                items.setdefault(change.key, []).append(change)
        if items:
            yield part, list(items.values())


def describe(change: Change) -> tuple[str, str]:
    """(what changed, how) in words, e.g. ("status", "por definir → pendiente"); a word diff
    is left to the format (see `words_plain`, `words_markdown`)."""
    if change.kind is Kind.ADDED:
        return _("added"), ""
    if change.kind is Kind.REMOVED:
        return _("removed"), ""
    if change.kind is Kind.ARCHIVED:
        return _("archived"), "; ".join(change.outcomes)
    if change.kind is Kind.RESTORED:
        return _("restored to the active plan"), ""
    if change.kind is Kind.MOVED:
        what = _("moved to another section") if change.field == "section" else \
            _("moved to another objective")
        return what, f"{_value(change.before)} → {_value(change.after)}"
    if change.kind is Kind.OUTCOMES:
        return _("outcomes"), "; ".join(o for o in change.outcomes
                                        if o not in (change.before or ()))
    label = {Kind.STATUS: _("status"), Kind.DUE: _("due date")}.get(change.kind)
    # No value, said as Spanish needs it: ningún actor, ninguna fecha, ninguna nota.
    none = _("(nobody)") if change.kind is Kind.ACTORS else _("(none)")
    if change.kind is Kind.ACTORS:
        label = role_label(change.field or "responsible")
    elif change.kind is Kind.EDITED:
        label = field_label(change.field)
    return (label or change.kind.value,
            f"{_value(change.before, none)} → {_value(change.after, none)}")


def _value(value: Value, none: str = "") -> str:
    if value is None or value == ():
        return none
    return ", ".join(value) if isinstance(value, tuple) else value


def short_text(change: Change, width: int = 60) -> str:
    return textwrap.shorten(change.text, width=width, placeholder=" …")


def by_activity(changes: list[Change]) -> Iterator[list[Change]]:
    """Consecutive changes of one activity, together."""
    group: list[Change] = []
    for change in changes:
        if group and group[0].id != change.id:
            yield group
            group = []
        group.append(change)
    if group:
        yield group

# -- json -----------------------------------------------------------------------------------------
