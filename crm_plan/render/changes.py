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

from crm_plan.changes import Change, Comparison, Kind, Value
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
    if not comparison.changes:
        return _("No changes to the activities from {old} to {new}.").format(**versions)
    return _("Changes from {old} to {new}: {counts}.").format(
        **versions, counts=", ".join(count_label(k, n) for k, n in comparison.counts().items()))


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
