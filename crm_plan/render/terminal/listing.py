"""The listing of activities in the terminal: headings, and a row of columns per activity.

Drawn with rich on `render.console`'s console, in the styles of its theme; the rows are laid
out by `render.grid` in columns whose widths are chosen here.
"""

from __future__ import annotations

import datetime as dt

from rich.console import Console
from rich.text import Text

from crm_plan.messages import _, ngettext
from crm_plan.model import Activity, Plan
from crm_plan.query import Hit, Selection
from crm_plan.render.layout import (
    Heading,
    actor_lines,
    outline,
    status_lines,
    via_lines,
)
from crm_plan.render.terminal.console import console, print_lines, text
from crm_plan.render.terminal.grid import Bulleted, Cell, Column, labelled, row
from crm_plan.text import visible

RESPONSIBLE_WIDTH = 20  # "República Dominicana"; longer names wrap


def print_listing(plan: Plan, selection: Selection, out: Console | None = None, *,
                  headings: bool = True) -> None:
    """The activities under their section and objective headings, and how many there are.

    Headings run across the whole width; below a header and a rule, each activity is a row
    of four columns (id, text, responsible, status) whose widths are the same all the way
    down, so the columns line up from the first objective to the last.
    """
    out = out or console()
    columns = _columns(plan, selection, out.width)
    width = sum(c.width for c in columns) + 2 * (len(columns) - 1)
    header = [text(h, "label") for h in (_("Id"), _("Activity"), _("Responsible"), _("Status"))]
    lines = [*row(out, header, columns), Text("─" * width)]
    for entry in outline(plan, selection.hits):
        if isinstance(entry, Heading):
            if headings:
                lines += [Text(), *_heading(out, entry)]
        else:
            lines += row(out, _activity_cells(plan, entry, selection), columns)
    count = len(selection.hits)
    lines.append(Text(ngettext("{n} activity.", "{n} activities.", count).format(n=count)))
    print_lines(out, lines)


def _columns(plan: Plan, selection: Selection, width: int) -> list[Column]:
    """Id, responsible and status columns: as wide as their longest line; the responsible
    column at most RESPONSIBLE_WIDTH, and less on a narrow terminal, so that the activity
    text keeps the larger part of the width (and all of what is left). Values are measured as
    shown: the escape of a control character takes room."""
    ids = [visible(h.activity.id) for h in selection.hits] + [_("Id")]
    actors = [visible(line) for h in selection.hits
              for line in actor_lines(h.activity) + via_lines(h)]
    statuses = [visible(line) for h in selection.hits
                for line in status_lines(h.activity, selection.as_of, plan)]
    id_width, status_width = max(map(len, ids)), max(map(len, [*statuses, _("Status")]))
    share = max(8, (width - id_width - status_width - 6) * 2 // 5)
    actors_width = min(RESPONSIBLE_WIDTH, share, max(map(len, [*actors, _("Responsible")])))
    text_width = max(8, width - id_width - actors_width - status_width - 6)
    return [Column(id_width, wrap=False), Column(text_width), Column(actors_width),
            Column(status_width, wrap=False)]


def _heading(out: Console, heading: Heading) -> list[Text]:
    """`9. Desarrollar mecanismos ...`, the title wrapped under itself."""
    style = f"heading.{heading.level}"
    title = text(heading.title, style)
    if not heading.id:  # underlined: only the words
        return list(title.wrap(out, out.width, overflow="ellipsis"))
    return labelled(out, [(text(f"{heading.id}.", style), title)], out.width, style)


def _activity_cells(plan: Plan, hit: Hit, selection: Selection) -> list[Cell]:
    activity = hit.activity
    actors = text("\n".join(actor_lines(activity)))
    for line in via_lines(hit):
        actors.append_text(text(("\n" if actors else "") + line, "actor.via"))
    return [text(activity.id, "activity.id"), _activity_cell(activity), actors,
            status_text(activity, selection.as_of, plan)]


def _activity_cell(activity: Activity) -> Cell:
    """The text; for a historical activity, its outcomes below it, one bullet each."""
    if not activity.outcomes:
        return text(activity.text)
    return Bulleted(text(activity.text), tuple(text(o.text) for o in activity.outcomes))


def status_text(activity: Activity, as_of: dt.date, plan: Plan | None = None) -> Text:
    first, *rest = status_lines(activity, as_of, plan)
    cell = text(first, "status.pending" if activity.status.pending else "")
    for line in rest:
        cell.append_text(text("\n" + line, "status.overdue" if line == _("overdue") else ""))
    return cell
