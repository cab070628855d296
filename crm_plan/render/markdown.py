"""A listing as markdown: a heading per section and objective, a table of their activities."""

from __future__ import annotations

from crm_plan.messages import _, ngettext
from crm_plan.model import Plan
from crm_plan.query import Hit, Selection
from crm_plan.render.layout import Heading, actor_lines, outline, status_lines, via_lines

_LEVELS = {"part": "#", "section": "##", "objective": "###"}


def selection_markdown(plan: Plan, selection: Selection) -> bytes:
    lines: list[str] = []
    for entry in outline(plan, selection.hits):
        if isinstance(entry, Heading):
            lines += _heading(entry)
        else:
            lines.append(_row(entry, selection))
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
    lines = ["", f"{_LEVELS[heading.level]} {_escape(title)}", ""]
    if heading.level == "objective":
        header = [_("Id"), _("Activity"), _("Responsible"), _("Status")]
        lines += [_cells(header), _cells(["---"] * len(header))]
    return lines


def _row(hit: Hit, selection: Selection) -> str:
    activity = hit.activity
    texts = [activity.text] + [f"• {o.text}" for o in activity.outcomes]
    actors = actor_lines(activity) + [f"_{line}_" for line in via_lines(hit, selection.actors)]
    return _cells([activity.id, "<br>".join(map(_escape, texts)),
                   "<br>".join(map(_escape, actors)),
                   "<br>".join(status_lines(activity, selection.as_of))])


def _cells(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"


def _escape(text: str) -> str:
    """Plan text inside a table cell: a `|` would end the cell, a newline the row."""
    return " ".join(text.replace("\\", "\\\\").replace("|", "\\|").split())
