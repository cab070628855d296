"""The listing of activities in the terminal: headings, and a row of columns per activity.

The views in the terminal (this one, `render.status` and `render.item`) are built of
`Styled` text and printed on a `Screen`: plain text without colour, rich with it. Plan text
is never read as markup: a `[` or `:` in the plan prints as written.
"""

from __future__ import annotations

import datetime as dt

from crm_plan.messages import _, ngettext
from crm_plan.model import Activity, Plan
from crm_plan.query import Hit, Selection
from crm_plan.render.columns import Bulleted, Column, labelled, row
from crm_plan.render.layout import (
    Heading,
    actor_lines,
    outline,
    status_lines,
    via_lines,
)
from crm_plan.render.screen import Screen, screen
from crm_plan.render.styled import Styled

RESPONSIBLE_WIDTH = 20  # "República Dominicana"; longer names wrap
STYLES = {"section": "bold reverse", "objective": "bold", "part": "bold underline", "id": "bold",
          "pending": "underline", "overdue": "bold red", "via": "italic", "label": "bold"}


def print_listing(plan: Plan, selection: Selection, out: Screen | None = None, *,
                  headings: bool = True) -> None:
    """The activities under their section and objective headings, and how many there are.

    Headings run across the whole width; below a header and a rule, each activity is a row
    of four columns (id, text, responsible, status) whose widths are the same all the way
    down, so the columns line up from the first objective to the last.
    """
    out = out or screen()
    columns = _columns(selection, out.width)
    width = sum(c.width for c in columns) + 2 * (len(columns) - 1)
    header = [text_of(h, STYLES["label"]) for h in (_("Id"), _("Activity"), _("Responsible"),
                                                       _("Status"))]
    lines = [*row(header, columns), Styled("─" * width)]  # type: ignore[arg-type]
    for entry in outline(plan, selection.hits):
        if isinstance(entry, Heading):
            if headings:
                lines += [Styled(), *_heading(entry, out.width)]
        else:
            lines += row(_activity_cells(entry, selection), columns)
    count = len(selection.hits)
    lines.append(Styled(ngettext("{n} activity.", "{n} activities.", count).format(n=count)))
    out.lines(lines)


def _columns(selection: Selection, width: int) -> list[Column]:
    """Id, responsible and status columns: as wide as their longest line; the responsible
    column at most RESPONSIBLE_WIDTH, and less on a narrow terminal, so that the activity
    text keeps the larger part of the width (and all of what is left)."""
    ids = [h.activity.id for h in selection.hits] + [_("Id")]
    actors = [line for h in selection.hits
              for line in actor_lines(h.activity) + via_lines(h, selection.actors)]
    statuses = [line for h in selection.hits for line in status_lines(h.activity, selection.as_of)]
    id_width, status_width = max(map(len, ids)), max(map(len, [*statuses, _("Status")]))
    share = max(8, (width - id_width - status_width - 6) * 2 // 5)
    actors_width = min(RESPONSIBLE_WIDTH, share, max(map(len, [*actors, _("Responsible")])))
    text_width = max(8, width - id_width - actors_width - status_width - 6)
    return [Column(id_width, wrap=False), Column(text_width), Column(actors_width),
            Column(status_width, wrap=False)]


def _heading(heading: Heading, width: int) -> list[Styled]:
    """`9. Desarrollar mecanismos ...`, the title wrapped under itself."""
    style = STYLES[heading.level]
    title = text_of(heading.title, style)
    if not heading.id:
        return title.wrap(width, overflow="ellipsis")  # underlined: only the words
    return labelled([(text_of(f"{heading.id}.", style), title)], width, style)


def _activity_cells(hit: Hit, selection: Selection) -> list[Styled | Bulleted]:
    activity = hit.activity
    actors = text_of("\n".join(actor_lines(activity)))
    for line in via_lines(hit, selection.actors):
        actors.append(("\n" if actors else "") + line, STYLES["via"])
    return [text_of(activity.id, STYLES["id"]), _activity_cell(activity), actors,
            statustext_of(activity, selection.as_of)]


def _activity_cell(activity: Activity) -> Styled | Bulleted:
    """The text; for a historical activity, its outcomes below it, one bullet each."""
    if not activity.outcomes:
        return text_of(activity.text)
    return Bulleted(text_of(activity.text), tuple(text_of(o.text) for o in activity.outcomes))


def statustext_of(activity: Activity, as_of: dt.date) -> Styled:
    first, *rest = status_lines(activity, as_of)
    text = text_of(first, STYLES["pending"] if activity.status.pending else "")
    for line in rest:
        text.append("\n" + line, STYLES["overdue"] if line == _("overdue") else "")
    return text


def text_of(value: str, style: str = "") -> Styled:
    """Plan text, in a style for the whole of it."""
    return Styled(value, style)
