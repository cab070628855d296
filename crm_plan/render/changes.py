"""`crmplan changes` as a table (rich), markdown for a meeting note, or json.

Word diffs are written with explicit marks, so that they read without colour: `[-old-]{+new+}`
in the table (as `git diff --word-diff` does; red and green on a terminal too), `~~old~~
**new**` in markdown.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterator
from typing import TYPE_CHECKING

from crm_plan.changes import (
    Change,
    Comparison,
    Kind,
    Part,
    PartChange,
    Value,
    Words,
    shorten,
)
from crm_plan.messages import _, ngettext
from crm_plan.render.layout import role_label
from crm_plan.render.records import Record, to_json

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
    if not comparison.changes and not comparison.parts:
        return _("No changes from {old} to {new}.").format(**versions)
    counts = [count_label(k, n) for k, n in comparison.counts().items()]
    counts += [part_count_label(p, n) for p, n in comparison.part_counts().items()]
    return _("Changes from {old} to {new}: {counts}.").format(**versions, counts=", ".join(counts))


def _version(name: str, updated: object) -> str:
    if updated is None:
        return name
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
        Part.OBJECTIVE: ngettext("{n} change to the objectives", "{n} changes to the objectives",
                                 n),
    }
    return labels[part].format(n=n)


def part_heading(part: Part) -> str:
    return {Part.DOCUMENT: _("Document data"), Part.AREA: _("Areas"), Part.SECTION: _("Sections"),
            Part.ACTOR: _("Actors"), Part.OBJECTIVE: _("Objectives")}[part]


def part_field_label(name: str | None) -> str:
    labels = {"title": _("title"), "organization": _("organization"), "network": _("network"),
              "updated": _("updated"), "updated_by": _("updated by"), "legend": _("legend"),
              "note": _("note"), "area": _("area"), "name": _("name"), "members": _("members"),
              "section": _("section"), "action_plan": _("from the Plan of Action")}
    return labels.get(name or "", name or "")


def describe_part(change: PartChange) -> tuple[str, str]:
    """(what changed, how) for a change to another part of the plan, as `describe` does."""
    if change.kind is Kind.ADDED:
        return _("added"), ""
    if change.kind is Kind.REMOVED:
        return _("removed"), ""
    return part_field_label(change.field), f"{_value(change.before)} → {_value(change.after)}"


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
    if change.kind is Kind.ACTORS:
        label = role_label(change.field or "responsible")
    elif change.kind is Kind.EDITED:
        label = field_label(change.field)
    return label or change.kind.value, f"{_value(change.before)} → {_value(change.after)}"


def _value(value: Value) -> str:
    if value is None or value == ():
        return _("(none)")
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
    from crm_plan.render.markdown import code, escape

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
    lines += _parts_markdown(comparison)
    return ("\n".join(lines) + "\n").encode("utf-8")


def _parts_markdown(comparison: Comparison) -> list[str]:
    from crm_plan.render.markdown import escape

    lines = []
    for part, items in by_item(comparison.parts):
        lines += ["", f"## {escape(part_heading(part))}", ""]
        for changes in items:
            first, indent = changes[0], "  "
            if part is Part.DOCUMENT:
                indent = ""
            else:
                name = f" {escape(short_name(first))}" if first.name else ""
                lines.append(f"- **{escape(first.key)}**{name}")
            for change in changes:
                what, how = describe_part(change)
                how = words_markdown(shorten(change.words)) if change.words else escape(how)
                lines.append(f"{indent}- {escape(what)}" + (f": {how}" if how else ""))
    return lines


def words_markdown(words: Words) -> str:
    from crm_plan.render.markdown import escape

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
        "parts": [part_change_record(c) for c in comparison.parts],
    })


def change_record(change: Change) -> Record:
    def value(v: Value) -> object:
        return list(v) if isinstance(v, tuple) else v

    return {"kind": change.kind.value, "id": change.id, "section": change.section,
            "objective": change.objective, "text": change.text, "field": change.field,
            "from": value(change.before), "to": value(change.after),
            "words": [{"op": op, "text": text} for op, text in change.words],
            "outcomes": list(change.outcomes)}


def part_change_record(change: PartChange) -> Record:
    def value(v: Value) -> object:
        return list(v) if isinstance(v, tuple) else v

    return {"part": change.part.value, "key": change.key, "kind": change.kind.value,
            "name": change.name, "field": change.field, "from": value(change.before),
            "to": value(change.after),
            "words": [{"op": op, "text": text} for op, text in change.words]}


# -- table ----------------------------------------------------------------------------------------

def print_changes(comparison: Comparison, old: str, new: str, out: Console | None = None) -> None:
    from rich import box
    from rich.table import Table
    from rich.text import Text

    from crm_plan.render.screen import console
    from crm_plan.render.table import STYLES

    out = out or console()
    out.print(Text(headline(comparison, old, new)))
    for section, changes in comparison.by_section():
        title = comparison.sections.get(section, "")
        out.print()
        out.print(Text(f"{section}. {title}" if title else section, STYLES["section"]))
        table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
        table.add_column(_("Id"), no_wrap=True, style=STYLES["id"])
        table.add_column(_("Activity"), ratio=2)
        table.add_column(_("Change"), ratio=3)
        for group in by_activity(changes):
            lines = Text("")
            for change in group:
                lines.append_text(Text("\n" if lines else ""))
                lines.append_text(_change_text(change))
            table.add_row(group[0].id, Text(short_text(group[0])), lines)
        out.print(table)


def _change_text(change: Change) -> Text:
    from rich.text import Text

    what, how = describe(change)
    text = Text(what, "bold")
    if change.words:
        text.append(": ")
        text.append_text(words_text(shorten(change.words)))
    elif how:
        text.append(": " + how)
    return text


def words_text(words: Words) -> Text:
    """`[-removed-]{+added+}`, in red and green where there is colour."""
    from rich.text import Text

    text = Text("")
    for index, (op, words_run) in enumerate(words):
        if index:
            text.append(" ")
        if op == "-":
            text.append(f"[-{words_run}-]", "red strike")
        elif op == "+":
            text.append(f"{{+{words_run}+}}", "green bold")
        else:
            text.append(words_run)
    return text
