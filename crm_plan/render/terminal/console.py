"""Where the terminal views print: a rich console on stdout, crmplan's one theme, plan text.

Every terminal view (`list`, `show`, `status`, `report`, `changes`) draws with rich's public
API on the console made here, in the styles named in `THEME`. rich decides the width, whether
there is colour (a terminal, FORCE_COLOR, TTY_COMPATIBLE, TERM=dumb) and how to drive Windows'
consoles. Plan text reaches rich only through `text()`: it is never read as markup, and a
control character in it is shown as an escape (`\\x1b`), never sent raw to the terminal, where
it could clear the screen or set the window title.
"""

from __future__ import annotations

import io
import os
import sys
from collections.abc import Iterable
from typing import Any, TextIO

from rich.console import Console
from rich.segment import Segments
from rich.text import Text
from rich.theme import Theme

from crm_plan.render.terminal import pager
from crm_plan.text import visible

# What each style marks. The document underlines pending activities; the rest is for reading.
THEME = Theme({
    "heading.part": "bold underline",  # "Active plan" / "History", when a listing has both
    "heading.section": "bold reverse",
    "heading.objective": "bold",
    "label": "bold",  # the labels of facts, a listing's header, totals
    "table.header": "bold",  # rich's name for the header of its tables
    "activity.id": "bold",
    "status.pending": "underline",
    "status.overdue": "bold red",
    "actor.via": "italic",  # "Países miembros (includes México)": named through a group
    "aside": "dim",  # how a reference was read; the reference of an outcome or a sheet's row
    "change.what": "bold",
    "change.removed": "red strike",
    "change.added": "green bold",
})

# Every string printed as written: no markup, no :emoji: codes, no highlighting of numbers.
_OPTIONS: dict[str, Any] = {"theme": THEME, "highlight": False, "markup": False, "emoji": False}


def text(value: str, style: str = "") -> Text:
    """Plan text (or a message quoting it) in a style of `THEME`, control characters shown."""
    return Text(visible(value), style)


def activity_text(words: str, underline: bool, refs: Iterable[str]) -> Text:
    """An activity's text as a sheet or an agenda shows it: underlined when pending, its
    references after it, dimmed."""
    cell = text(words, "status.pending" if underline else "")
    for ref in refs:
        cell.append_text(text(" " + ref, "aside"))
    return cell


def new_console(**options: Any) -> Console:
    """A console with crmplan's theme and printing rules; `options` as rich's Console takes
    them (`file`, `width`, `color_system`...)."""
    return Console(**{**_OPTIONS, **options})


def console() -> Console:
    """The console on stdout; on a terminal, in the pager while one is in use (pager.py).
    NO_COLOR: no escape code at all, not even bold. Written to a file or a pipe, lines lose
    the spaces they are padded with, so that a listing pasted into a mail or a diff is
    clean."""
    options = {"color_system": None} if os.environ.get("NO_COLOR") else {}
    terminal = new_console(**options)
    if terminal.is_terminal:
        return pager.console_for(terminal)  # through the pager while one is in use
    return new_console(file=TrimmedLines(sys.stdout), **options)


def print_lines(out: Console, lines: Iterable[Text]) -> None:
    """Lines already as wide as they should be, one below the other, as rich prints them
    joined by newlines; but rendered as they are, not wrapped again (a listing of 8,000
    activities prints four times faster so: 0.2 s)."""
    out.print(Segments(Text("\n").join(lines).render(out, end="\n")), soft_wrap=True)


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
