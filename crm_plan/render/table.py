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
from crm_plan.render.columns import Bulleted, Column, labelled, print_lines, row
from crm_plan.render.layout import (
    Heading,
    actor_lines,
    outline,
    status_lines,
    via_lines,
)

if TYPE_CHECKING:
    from rich.console import Console
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

    # Every string is printed as written: no markup, no :emoji: codes (whose table alone takes
    # 3 ms to load), no highlighting.
    options: dict[str, object] = {"highlight": False, "markup": False, "emoji": False}
    if os.environ.get("NO_COLOR"):
        options["color_system"] = None
    terminal = Console(**options)  # type: ignore[arg-type]
    if terminal.is_terminal:
        return terminal
    return Console(file=TrimmedLines(sys.stdout), **options)  # type: ignore[arg-type]


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

    Headings run across the whole width; below a header and a rule, each activity is a row
    of four columns (id, text, responsible, status) whose widths are the same all the way
    down, so the columns line up from the first objective to the last.
    """
    from rich.text import Text

    out = out or console()
    columns = _columns(selection, out.width)
    width = sum(c.width for c in columns) + 2 * (len(columns) - 1)
    header = [text_of(h, STYLES["label"]) for h in (_("Id"), _("Activity"), _("Responsible"),
                                                       _("Status"))]
    lines = [*row(out, header, columns), Text("─" * width)]  # type: ignore[arg-type]
    for entry in outline(plan, selection.hits):
        if isinstance(entry, Heading):
            if headings:
                lines += [Text(), *_heading(out, entry, out.width)]
        else:
            lines += row(out, _activity_cells(entry, selection), columns)
    count = len(selection.hits)
    lines.append(Text(ngettext("{n} activity.", "{n} activities.", count).format(n=count)))
    print_lines(out, lines)


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


def _heading(out: Console, heading: Heading, width: int) -> list[Text]:
    """`9. Desarrollar mecanismos ...`, the title wrapped under itself."""
    style = STYLES[heading.level]
    title = text_of(heading.title, style)
    if not heading.id:
        return list(title.wrap(out, width, overflow="ellipsis"))  # underlined: only the words
    return labelled(out, [(text_of(f"{heading.id}.", style), title)], width, style)


def _activity_cells(hit: Hit, selection: Selection) -> list[Text | Bulleted]:
    activity = hit.activity
    actors = text_of("\n".join(actor_lines(activity)))
    for line in via_lines(hit, selection.actors):
        actors.append(("\n" if actors else "") + line, STYLES["via"])
    return [text_of(activity.id, STYLES["id"]), _activity_cell(activity), actors,
            statustext_of(activity, selection.as_of)]


def _activity_cell(activity: Activity) -> Text | Bulleted:
    """The text; for a historical activity, its outcomes below it, one bullet each."""
    if not activity.outcomes:
        return text_of(activity.text)
    return Bulleted(text_of(activity.text), tuple(text_of(o.text) for o in activity.outcomes))


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
