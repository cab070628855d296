"""Where the terminal views are printed: a width, a stream, and colour or not.

In colour (a terminal, or FORCE_COLOR), rich's Console draws the lines. Without colour (a
pipe, a file, NO_COLOR, a dumb terminal) there is nothing for rich to draw: the lines are
written as plain text, and rich's console is never imported (a quarter of a start). The
width and the choice of colour follow rich's own rules, so that both ways give the same
lines. Written to a file or a pipe, lines lose the spaces they are padded with, so that a
listing pasted into a mail or a diff is clean.
"""

from __future__ import annotations

import io
import os
import sys
from typing import IO, TYPE_CHECKING, TextIO

from crm_plan.render.styled import Styled

if TYPE_CHECKING:
    from rich.console import Console


class Screen:
    """Lines to print, and paragraphs wrapped to the width; through `console` when given."""

    def __init__(self, file: IO[str], width: int, console: Console | None = None, *,
                 trim: bool = False) -> None:
        self.file, self.width, self.console, self.trim = file, width, console, trim

    @classmethod
    def of(cls, console: Console) -> Screen:
        """A screen drawn by a rich console (in colour if it has colour)."""
        return cls(console.file, console.width, console)

    @property
    def plain(self) -> bool:
        console = self.console
        return console is None or (console.color_system is None and not console.record)

    def lines(self, lines: list[Styled]) -> None:
        """The lines as they are: nothing is wrapped again."""
        if self.console is not None and not self.plain:
            from rich.text import Text

            self.console.print(Text("\n").join(line.to_rich() for line in lines), soft_wrap=True)
        elif self.trim:
            self._write("".join(line.plain.rstrip(" ") + "\n" for line in lines))
        else:
            self._write("".join(line.plain + "\n" for line in lines))

    def print(self, text: str | Styled = "", style: str = "") -> None:
        """A paragraph wrapped to the width, as rich's `Console.print` wraps it."""
        if self.console is not None and not self.plain:
            self.console.print(text.to_rich() if isinstance(text, Styled) else text,
                               style=style or None)
        elif text:
            paragraph = text if isinstance(text, Styled) else Styled(text)
            self.lines(paragraph.wrap(self.width))
        else:
            self._write("\n")

    def _write(self, text: str) -> None:
        self.file.write(text)
        self.file.flush()


def screen() -> Screen:
    """The screen on stdout: in colour on a terminal (or with FORCE_COLOR), never with
    NO_COLOR; the width of the terminal, or COLUMNS, or 80."""
    terminal = _is_terminal()
    if sys.platform == "win32" or (terminal and not _no_colour()):
        return Screen.of(console())  # rich decides everything (and Windows' consoles)
    return Screen(sys.stdout, _width(terminal), trim=not terminal)


def console() -> Console:
    """A rich console on stdout, for the views that rich draws whole (tables of `report` and
    `changes`): colour and bold only on a terminal, no escape code at all with NO_COLOR."""
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


def _no_colour() -> bool:
    """NO_COLOR, or a terminal that cannot show colour (TERM=dumb)."""
    return bool(os.environ.get("NO_COLOR")) or _dumb()


def _dumb() -> bool:
    return os.environ.get("TERM", "").lower() in ("dumb", "unknown")


def _is_terminal() -> bool:
    """rich's Console.is_terminal for stdout: TTY_COMPATIBLE, FORCE_COLOR, or isatty()."""
    compatible = os.environ.get("TTY_COMPATIBLE", "")
    if compatible in ("0", "1"):
        return compatible == "1"
    force = os.environ.get("FORCE_COLOR")
    if force is not None:
        return force != ""
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):  # no stdout, or a closed one
        return False


def _width(terminal: bool) -> int:
    """rich's Console.size width: 80 on a dumb terminal; else the size of the first of stdin,
    stdout and stderr that is a terminal, COLUMNS before it, 80 when none says."""
    if terminal and _dumb():
        return 80
    width = None
    for descriptor in (0, 1, 2):
        try:
            width = os.get_terminal_size(descriptor).columns
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
        break
    columns = os.environ.get("COLUMNS")
    if columns is not None and columns.isdigit():
        width = int(columns)
    return width or 80


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
