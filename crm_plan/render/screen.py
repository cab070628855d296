"""Where the terminal views are printed: a width, a stream, and colour or not.

Lines are written as they are: in colour (a terminal, or FORCE_COLOR) with the escape codes
rich would write (`render.ansi`), without (a pipe, a file, NO_COLOR, a dumb terminal) as
plain text. The width and the choice of colour follow rich's own rules, so the bytes are
those rich's Console would print, and rich's console (a quarter of a start) is never
imported; on Windows, whose consoles rich knows how to drive, rich's Console prints them.
Written to a file or a pipe, lines lose the spaces they are padded with, so that a listing
pasted into a mail or a diff is clean.
"""

from __future__ import annotations

import io
import os
import sys
from typing import IO, TYPE_CHECKING, TextIO

from crm_plan.render.styled import Styled

if TYPE_CHECKING:
    from rich.console import Console
    from rich.text import Text


class Screen:
    """Lines to print, and paragraphs wrapped to the width: in colour or not, or through a
    rich `console` when given."""

    def __init__(self, file: IO[str], width: int, console: Console | None = None, *,
                 trim: bool = False, colour: bool = False) -> None:
        self.file, self.width, self.console, self.trim = file, width, console, trim
        self.colour = colour

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
            from rich.segment import Segments

            # Each line rendered on its own: what printing them joined by "\n" gives, without
            # rich joining thousands of lines into one text only to divide it again.
            segments = [segment for line in lines
                        for segment in _joined(line).render(self.console, end="\n")]
            self.console.print(Segments(segments), soft_wrap=True)
        elif self.colour:
            from crm_plan.render import ansi

            if self.width > 0:  # rich draws nothing at all in no width (COLUMNS=0)
                self._write("".join(map(ansi.line, lines)))
        elif self.trim:
            self._write("".join(line.plain.rstrip(" ") + "\n" for line in lines))
        else:
            self._write("".join(line.plain + "\n" for line in lines))

    def print(self, text: str | Styled = "", style: str = "") -> None:
        """A paragraph wrapped to the width, as rich's `Console.print` wraps it (and, as
        rich, nothing at all, not even a blank line, in a width of 0: COLUMNS=0)."""
        if self.console is not None and not self.plain:
            self.console.print(text.to_rich() if isinstance(text, Styled) else text,
                               style=style or None)
        elif self.width < 1:
            return
        elif not text:
            self._write("\n")
        elif self.colour:
            from crm_plan.render import ansi

            paragraph = text if isinstance(text, Styled) else Styled(text)
            self._write("".join(ansi.line(line, style) for line in paragraph.wrap(self.width)))
        else:
            paragraph = text if isinstance(text, Styled) else Styled(text)
            self.lines(paragraph.wrap(self.width))

    def _write(self, text: str) -> None:
        self.file.write(text)
        self.file.flush()


def _joined(line: Styled) -> Text:
    """The line as rich renders it within lines joined by newlines."""
    from rich.text import Span, Text

    return Text(line.plain, spans=[Span(*span) for span in line.joined_spans()])


def screen() -> Screen:
    """The screen on stdout: in colour on a terminal (or with FORCE_COLOR), never with
    NO_COLOR; the width of the terminal, or COLUMNS, or 80."""
    if sys.platform == "win32":
        return Screen.of(console())  # rich decides everything, and drives Windows' consoles
    terminal = _is_terminal()
    return Screen(sys.stdout, _width(terminal), trim=not terminal,
                  colour=terminal and not _no_colour())


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
    """rich's Console width: COLUMNS when LINES is set too; 80 on a dumb terminal; else
    COLUMNS, or the size of the first of stdin, stdout and stderr that is a terminal, or 80."""
    columns, lines = os.environ.get("COLUMNS", ""), os.environ.get("LINES", "")
    if columns.isdigit() and lines.isdigit():
        return int(columns)
    if terminal and _dumb():
        return 80
    if columns.isdigit():
        return int(columns)
    for descriptor in (0, 1, 2):
        try:
            return os.get_terminal_size(descriptor).columns or 80
        except (AttributeError, ValueError, OSError):  # not a terminal
            continue
    return 80


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
