"""The terminal, drawn with rich: the console, and the table of a listing of activities.

rich is imported inside the functions, when something is drawn, so that the machine
formats (`--format json`) start without it; `render.status` and `render.item` follow the same
rule. Plan text is always passed as `Text` (`text_of`), never as a markup string: a `[` or `:`
in the plan must print as written.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import sys
from typing import TYPE_CHECKING, TextIO

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

if TYPE_CHECKING:
    from rich.console import Console, RenderableType
    from rich.table import Table
    from rich.text import Text

RESPONSIBLE_WIDTH = 20  # "República Dominicana"; longer names wrap
STYLES = {"section": "bold reverse", "objective": "bold", "part": "bold underline", "id": "bold",
          "pending": "underline", "overdue": "bold red", "via": "italic", "label": "bold"}


def console() -> Console:
    """A console on stdout: width from the terminal (or COLUMNS); colour and bold only on a
    terminal (or with FORCE_COLOR), and no escape code at all with NO_COLOR. Written to a file
    or a pipe, lines lose the spaces rich pads them with, so that a listing pasted into a mail
    or a diff is clean."""
    from rich.console import Console

    plain = {"color_system": None} if os.environ.get("NO_COLOR") else {}
    terminal = Console(highlight=False, **plain)  # type: ignore[arg-type]
    if terminal.is_terminal:
        return terminal
    return Console(highlight=False, file=TrimmedLines(sys.stdout), **plain)  # type: ignore[arg-type]


class TrimmedLines(io.TextIOBase):
    """A text stream that writes each line to `target` without its trailing spaces."""

    def __init__(self, target: TextIO) -> None:
        self.target = target
        self.pending = ""

    def write(self, text: str) -> int:
        *lines, self.pending = (self.pending + text).split("\n")
        for line in lines:
            self.target.write(line.rstrip(" ") + "\n")
        return len(text)

    def flush(self) -> None:
        self.target.write(self.pending)
        self.pending = ""
        self.target.flush()


def print_listing(plan: Plan, selection: Selection, out: Console | None = None, *,
                  headings: bool = True) -> None:
    """The activities under their section and objective headings, and how many there are.

    Headings are printed across the whole width; the activities of each objective form a
    table, and every table of a listing has the same column widths, so the columns line up.
    """
    out = out or console()
    widths = _widths(selection, out.width)
    out.print(_activity_table(widths, header=True))
    rows: Table | None = None
    for entry in outline(plan, selection.hits):
        if isinstance(entry, Heading):
            if not headings:
                continue
            if rows is not None:
                out.print(rows)
                rows = None
            out.print(_heading(entry))
        else:
            rows = rows or _activity_table(widths, header=False)
            _activity_row(rows, entry, selection)
    if rows is not None:
        out.print(rows)
    count = len(selection.hits)
    out.print(ngettext("{n} activity.", "{n} activities.", count).format(n=count))


def _widths(selection: Selection, width: int) -> tuple[int, int, int]:
    """Id, responsible and status columns: as wide as their longest line; the responsible
    column at most RESPONSIBLE_WIDTH, and less on a narrow terminal, so that the activity
    text keeps the larger part of the width."""
    ids = [h.activity.id for h in selection.hits] + [_("Id")]
    actors = [line for h in selection.hits
              for line in actor_lines(h.activity) + via_lines(h, selection.actors)]
    statuses = [line for h in selection.hits for line in status_lines(h.activity, selection.as_of)]
    id_width, status_width = max(map(len, ids)), max(map(len, [*statuses, _("Status")]))
    share = max(8, (width - id_width - status_width - 6) * 2 // 5)
    actors_width = min(RESPONSIBLE_WIDTH, share, max(map(len, [*actors, _("Responsible")])))
    return id_width, actors_width, status_width


def _activity_table(widths: tuple[int, int, int], *, header: bool) -> Table:
    from rich import box
    from rich.table import Table

    table = Table(box=box.SIMPLE_HEAD, expand=True, show_edge=False, show_header=header,
                  pad_edge=False, collapse_padding=True)
    id_width, actors_width, status_width = widths
    table.add_column(_("Id"), width=id_width, no_wrap=True)
    table.add_column(_("Activity"), ratio=1)
    table.add_column(_("Responsible"), width=actors_width)
    table.add_column(_("Status"), width=status_width, no_wrap=True)
    return table


def _heading(heading: Heading) -> RenderableType:
    from rich.padding import Padding

    style = STYLES[heading.level]
    if not heading.id:
        return Padding(text_of(heading.title, style), (1, 0, 0, 0))
    grid = label_grid()
    grid.columns[0].style = style
    grid.add_row(f"{heading.id}.", text_of(heading.title, style))
    return Padding(grid, (1, 0, 0, 0))


def _activity_row(table: Table, hit: Hit, selection: Selection) -> None:
    activity = hit.activity
    actors = text_of("\n".join(actor_lines(activity)))
    for line in via_lines(hit, selection.actors):
        actors.append(("\n" if actors else "") + line, STYLES["via"])
    table.add_row(text_of(activity.id, STYLES["id"]), _activity_cell(activity), actors,
                  statustext_of(activity, selection.as_of))


def _activity_cell(activity: Activity) -> RenderableType:
    """The text; for a historical activity, its outcomes below it, one bullet each."""
    from rich.console import Group
    from rich.table import Table

    if not activity.outcomes:
        return text_of(activity.text)
    outcomes = Table.grid(padding=(0, 1))
    for outcome in activity.outcomes:
        outcomes.add_row("•", text_of(outcome.text))
    return Group(text_of(activity.text), outcomes)


def statustext_of(activity: Activity, as_of: dt.date) -> Text:
    first, *rest = status_lines(activity, as_of)
    text = text_of(first, STYLES["pending"] if activity.status.pending else "")
    for line in rest:
        text.append("\n" + line, STYLES["overdue"] if line == _("overdue") else "")
    return text


def text_of(value: str, style: str = "") -> Text:
    """Plan text for rich: never read as markup or emoji codes."""
    from rich.text import Text

    return Text(value, style=style)


def label_grid() -> Table:
    """Two columns without borders: a bold label, and a value that wraps."""
    from rich.table import Table

    grid = Table.grid(padding=(0, 1))
    grid.add_column(style=STYLES["label"], no_wrap=True)
    grid.add_column(ratio=1)
    return grid
