"""Markdown: a listing (`list --format markdown`), the plan as the 2009 document (`export`), and
the one way plan text is written into any markdown crmplan makes (`escape`, `paragraph`,
`code`; `report` and `changes` use them too).

Plan text reads as written: no table syntax, HTML, emphasis, link or entity in it takes effect,
and no control, separator or bidi character reaches the file raw (they are written visibly,
`\\x1b`, as everywhere else: `text.visible`).

In the document, markdown has no underline: pending and to-be-defined items are wrapped in
`<ins>...</ins>`, which GitHub, GitLab, VS Code and pandoc's HTML all draw underlined (GitHub
strips `<u>`). Plan-of-Action items are in upper case, as in the document. A table per section;
the OBJETIVOS cell is written on the first row of its objective and left empty below, since
markdown cannot merge cells.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from crm_plan.messages import _, ngettext
from crm_plan.model import Plan
from crm_plan.query import Hit, Selection
from crm_plan.render.layout import Heading, actor_lines, outline, status_lines, via_lines
from crm_plan.text import visible

if TYPE_CHECKING:  # the document's layout is built by the caller: list never loads it
    from crm_plan.agenda import Agenda
    from crm_plan.changes import Comparison, Words
    from crm_plan.export import Entry, Layout, Part, Row
    from crm_plan.render.agenda_rows import AgendaRow
    from crm_plan.sheet import Sheet

# What markdown (CommonMark and GitHub's tables and strikethrough) would read as markup.
_MARKUP = str.maketrans({"\\": "\\\\", "|": "\\|", "<": "&lt;", ">": "&gt;", "&": "&amp;",
                         "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
                         "~": "\\~"})
# Where a backslash goes so that the start of a paragraph is not read as a heading, a list or
# a rule: before `#`, `+`, `-`; after the number of `1.` or `1)` (`>` is already `&gt;`).
_BLOCK_START = re.compile(r"^\d{0,9}(?=[.)])|^(?=[#+-])")


def escape(text: str) -> str:
    """Plan text as one line of markdown that reads as written, in a table cell, a heading
    or a sentence: markup escaped, controls made visible, runs of spaces and line breaks one
    space (a newline would end a table row)."""
    return " ".join(visible(text).translate(_MARKUP).split())


def paragraph(text: str) -> str:
    """`escape`, for a line that starts a paragraph of its own: a leading `#`, `-`, `+` or
    `1.` is text too, not a heading or a list."""
    escaped = escape(text)
    found = _BLOCK_START.match(escaped)
    if found is None:
        return escaped
    return escaped[:found.end()] + "\\" + escaped[found.end():]


def code(text: str) -> str:
    """`text` as a code span (a file name, shown as typed): fenced by more backticks than
    any run inside it, controls made visible."""
    shown = " ".join(visible(text).split())
    runs = {len(run) for run in re.findall("`+", shown)}
    fence = "`" * next(n for n in range(1, len(runs) + 2) if n not in runs)
    padded = f" {shown} " if shown.startswith("`") or shown.endswith("`") else shown
    return f"{fence}{padded}{fence}"


def cells(row: list[str]) -> str:
    """A table row of cells already in markdown."""
    return "| " + " | ".join(row) + " |"


# -- list --format markdown -----------------------------------------------------------------------

_LEVELS = {"part": "#", "section": "##", "objective": "###"}


def selection_markdown(plan: Plan, selection: Selection) -> bytes:
    """A heading per section and objective, a table of their activities, the count."""
    lines: list[str] = []
    for entry in outline(plan, selection.hits):
        if isinstance(entry, Heading):
            lines += _heading(entry)
        else:
            lines.append(_listed(plan, entry, selection))
    count = len(selection.hits)
    lines += ["", "_" + ngettext("{n} activity.", "{n} activities.", count).format(n=count) + "_"]
    return ("\n".join(_single_blank_lines(lines)) + "\n").encode("utf-8")


def _single_blank_lines(lines: list[str]) -> list[str]:
    """No blank line at the start, never two in a row."""
    kept: list[str] = []
    for line in lines:
        if line or (kept and kept[-1]):
            kept.append(line)
    return kept


def _heading(heading: Heading) -> list[str]:
    title = f"{heading.id}. {heading.title}" if heading.id else heading.title
    lines = ["", f"{_LEVELS[heading.level]} {escape(title)}", ""]
    if heading.level == "objective":
        header = [_("Id"), _("Activity"), _("Responsible"), _("Status")]
        lines += [cells(header), cells(["---"] * len(header))]
    return lines


def _listed(plan: Plan, hit: Hit, selection: Selection) -> str:
    activity = hit.activity
    texts = [activity.text] + [f"• {o.text}" for o in activity.outcomes]
    actors = [escape(line) for line in actor_lines(activity)]
    actors += [f"_{escape(line)}_" for line in via_lines(hit)]
    return cells([escape(activity.id), "<br>".join(map(escape, texts)), "<br>".join(actors),
                  "<br>".join(map(escape, status_lines(activity, selection.as_of, plan)))])


# -- export --format markdown ---------------------------------------------------------------------

def export_markdown(layout: Layout) -> bytes:
    """The plan as the 2009 document: title block, a table per section, the legend."""
    lines = [f"**{escape(layout.organization)}**", "", f"# {escape(layout.title)}", ""]
    if layout.updated:
        lines += [paragraph(layout.updated), ""]
    for part in layout.parts:
        lines += _part(part)
    if layout.note or layout.legend:
        lines += ["---", ""]
    if layout.note:
        lines += [paragraph(layout.note), ""]
    for line in layout.legend:
        lines += [paragraph(line), ""]
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _part(part: Part) -> list[str]:
    lines = [f"# {escape(part.heading)}", ""] if part.heading else []
    for area in part.areas:
        if area.heading:
            lines += [f"## {escape(area.heading)}", ""]
        for section in area.sections:
            lines += [f"### {escape(section.heading)}", "", cells(list(part.columns)),
                      cells(["---"] * len(part.columns))]
            for block in section.objectives:
                for index, row in enumerate(block.rows):
                    lines.append(_row(block.entry if index == 0 else None, row))
            lines.append("")
    return lines


def _row(objective: Entry | None, row: Row) -> str:
    first = entry_markdown(objective) if objective else ""
    return cells([first, *("<br>".join(entry_markdown(e) for e in cell) for cell in row.cells)])


def entry_markdown(entry: Entry) -> str:
    text = "<br>".join(escape(line) for line in entry.plain().split("\n"))  # a list's lines
    return f"<ins>{text}</ins>" if entry.underline else text


# -- an action sheet (`crmplan report`) ------------------------------------------------------------

def sheet_markdown(plan: Plan, sheet: Sheet) -> bytes:
    from crm_plan.render.sheet_rows import group_heading, headers, intro, rows, title

    lines = [f"# {escape(title(sheet))}", ""]
    for line in intro(plan, sheet):
        lines += [paragraph(line), ""]
    for group, found in rows(sheet):
        lines += [f"## {escape(group_heading(group, found))}", "", cells(headers()),
                  cells(["---"] * len(headers()))]
        for row in found:
            text = "<br>".join(escape(t) for t in (" ".join((row.text, *row.refs)), *row.notes))
            if row.underline:
                text = f"<ins>{text}</ins>"
            lines.append(cells([escape(row.id), text, escape(row.role), escape(row.status)]))
        lines.append("")
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


# -- crmplan agenda, crmplan meetings --format markdown -----------------------------------------

def agenda_markdown(plan: Plan, agenda: Agenda) -> bytes:
    from crm_plan.render import agenda_rows as wording

    lines = [f"# {escape(wording.title(agenda))}", ""]
    for line in wording.intro(plan, agenda):
        lines += [paragraph(line), ""]
    for actor, groups in wording.rows(plan, agenda):
        lines += [f"## {escape(wording.actor_heading(actor))}", ""]
        for group, found in groups:
            lines += [f"### {escape(wording.group_heading(group, found))}", ""]
            lines += _agenda_table(found)
    if agenda.completed:
        lines += [f"## {escape(wording.completed_heading(agenda))}", ""]
        lines += _agenda_table(wording.completed_rows(plan, agenda))
    return ("\n".join(lines).rstrip("\n") + "\n").encode("utf-8")


def _agenda_table(found: list[AgendaRow]) -> list[str]:
    from crm_plan.render.agenda_rows import headers

    lines = [cells(headers()), cells(["---"] * len(headers()))]
    for row in found:
        text = escape(" ".join((row.text, *row.refs)))
        if row.underline:
            text = f"<ins>{text}</ins>"
        lines.append(cells([escape(row.id), text, escape(row.status)]))
    return [*lines, ""]


# -- the change report (`crmplan changes`) --------------------------------------------------------

def changes_markdown(comparison: Comparison, old: str, new: str) -> bytes:
    from crm_plan.changes import shorten
    from crm_plan.render.changes import by_activity, describe, headline, short_text

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
    """The changes to the other parts of the plan: a heading per part, an item per key."""
    from crm_plan.changes import Part, shorten
    from crm_plan.render.changes import by_item, describe_part, part_heading, short_name

    lines = []
    for part, items in by_item(comparison.parts):
        lines += ["", f"## {escape(part_heading(part))}", ""]
        for changes in items:
            indent = "" if part is Part.DOCUMENT else "  "
            if indent:
                name = f" {escape(short_name(changes[0]))}" if changes[0].name else ""
                lines.append(f"- **{escape(changes[0].key)}**{name}")
            for change in changes:
                what, how = describe_part(change)
                how = words_markdown(shorten(change.words)) if change.words else escape(how)
                lines.append(f"{indent}- {escape(what)}" + (f": {how}" if how else ""))
    return lines


def words_markdown(words: Words) -> str:
    marks = {"=": "{}", "-": "~~{}~~", "+": "**{}**"}
    return " ".join(marks[op].format(escape(text)) for op, text in words)
