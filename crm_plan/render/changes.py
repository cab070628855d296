"""`crmplan changes` as a table (rich), markdown for a meeting note, or json.

Word diffs are written with explicit marks, so that they read without colour: `[-old-]{+new+}`
in the table (as `git diff --word-diff` does; red and green on a terminal too), `~~old~~
**new**` in markdown.
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING

from crm_plan.changes import Change, Comparison, Kind, Value, Words, shorten
from crm_plan.messages import _, day, ngettext
from crm_plan.render.documents.records import Record, to_json
from crm_plan.render.layout import role_label

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


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


# -- markdown -------------------------------------------------------------------------------------

def changes_markdown(comparison: Comparison, old: str, new: str) -> bytes:
    from crm_plan.render.documents.markdown import code, escape

    # File names as code: `workplan.yaml`, not workplan\.yaml; the rest of the headline is
    # crmplan's own words, numbers and dates.
    lines = [f"# {escape(_('Changes to the work plan'))}", "",
             headline(comparison, code(old), code(new))]
    for section, changes in comparison.by_section():
        title = comparison.sections.get(section, "")
        lines += ["", f"## {escape(f'{section}. {title}' if title else section)}", ""]
        for group in by_activity(changes):
            lines.append(f"- **{escape(group[0].id)}** {escape(short_text(group[0]))}")
            for change in group:
                what, how = describe(change)
                how = words_markdown(shorten(change.words)) if change.words else escape(how)
                lines.append(f"  - {escape(what)}" + (f": {how}" if how else ""))
    return ("\n".join(lines) + "\n").encode("utf-8")


def words_markdown(words: Words) -> str:
    from crm_plan.render.documents.markdown import escape

    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return " ".join(marks[op].format(escape(text)) for op, text in words)


# -- json -----------------------------------------------------------------------------------------

def changes_json(comparison: Comparison, old: str, new: str) -> bytes:
    def version(name: str, updated: object) -> Record:
        return {"name": name, "updated": str(updated) if updated else None}

    return to_json({
        "old": version(old, comparison.old_updated),
        "new": version(new, comparison.new_updated),
        "counts": {kind.value: n for kind, n in comparison.counts().items()},
        "changes": [change_record(c) for c in comparison.changes],
    })


def change_record(change: Change) -> Record:
    def value(v: Value) -> object:
        return list(v) if isinstance(v, tuple) else v

    return {"kind": change.kind.value, "id": change.id, "section": change.section,
            "objective": change.objective, "text": change.text, "field": change.field,
            "from": value(change.before), "to": value(change.after),
            "words": [{"op": op, "text": text} for op, text in change.words],
            "outcomes": list(change.outcomes)}


# -- table ----------------------------------------------------------------------------------------

def print_changes(comparison: Comparison, old: str, new: str, out: Console | None = None) -> None:
    from rich import box
    from rich.table import Table

    from crm_plan.render.terminal.console import console, text

    out = out or console()
    out.print(text(headline(comparison, old, new)))
    for section, changes in comparison.by_section():
        title = comparison.sections.get(section, "")
        out.print()
        out.print(text(f"{section}. {title}" if title else section, "heading.section"))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(text(_("Id")), no_wrap=True, style="activity.id")
        table.add_column(text(_("Activity")), ratio=2)
        table.add_column(text(_("Change")), ratio=3)
        for group in by_activity(changes):
            lines = text("")
            for change in group:
                lines.append_text(text("\n" if lines else ""))
                lines.append_text(_change_text(change))
            table.add_row(text(group[0].id), text(short_text(group[0])), lines)
        out.print(table)


def _change_text(change: Change) -> Text:
    from crm_plan.render.terminal.console import text

    what, how = describe(change)
    cell = text(what, "change.what")
    if change.words:
        cell.append_text(text(": "))
        cell.append_text(words_text(shorten(change.words)))
    elif how:
        cell.append_text(text(": " + how))
    return cell


def words_text(words: Words) -> Text:
    """`[-removed-]{+added+}`, in red and green where there is colour."""
    from crm_plan.render.terminal.console import text

    cell = text("")
    for index, (op, words_run) in enumerate(words):
        if index:
            cell.append_text(text(" "))
        if op == "-":
            cell.append_text(text(f"[-{words_run}-]", "change.removed"))
        elif op == "+":
            cell.append_text(text(f"{{+{words_run}+}}", "change.added"))
        else:
            cell.append_text(text(words_run))
    return cell
