"""Long output on a terminal through a pager, as git does.

The pager is `CRMPLAN_PAGER`, else `PAGER`, else `less` where it is installed, run with
`LESS=FRX` unless LESS is set (git's default): it quits at once when the output fits on the
screen (F), keeps colours (R) and leaves the output on the screen (X). An empty value, or
`cat`, means no pager, as with GIT_PAGER. There is no pager when the standard output is not a
terminal (a pipe, a file) nor with `--no-pager`.

On Windows there is no pager unless one is named or `less` is on the PATH: Windows' `more`
reads its input in the console's old code page (so "Países" comes out garbled), shows escape
codes as text and waits for a key even at the end; the console keeps what scrolled by instead.

How: the terminal views print on one rich console (`console.console()`); while `paging()` is
on, the first console asked for is put into rich's `Console.pager()` (rich's public API, with
our `CommandPager`), and when the command ends what it printed is handed to the pager in one
piece. This module imports nothing heavy: every command passes through `paging()`.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from rich.console import Console

_wanted = False  # inside paging(True)
_opened: tuple[Console, Any] | None = None  # the console in the pager, and rich's PagerContext


def command(environ: Mapping[str, str], *, installed: Any = None) -> list[str] | None:
    """The pager's command line, or None for no pager. `installed(name)` says where a program
    is (shutil.which)."""
    import shlex
    import shutil

    which = installed or shutil.which
    chosen = environ.get("CRMPLAN_PAGER", environ.get("PAGER"))
    if chosen is None:
        return ["less"] if which("less") else None
    words = shlex.split(chosen, posix=os.name != "nt")  # Windows: a backslash is in a path
    if not words or words == ["cat"] or not which(words[0]):
        return None
    return words


@contextmanager
def paging(enabled: bool) -> Iterator[None]:
    """Within, what the terminal views print goes through the pager when `enabled` and the
    standard output is a terminal; it is shown when the command ends, however it ends (as it
    would have been printed)."""
    global _wanted, _opened
    _wanted = enabled
    try:
        yield
    finally:
        _wanted = False
        if _opened is not None:
            context, _opened = _opened[1], None
            context.__exit__(None, None, None)


def console_for(terminal: Console) -> Console:
    """The console a view prints on: `terminal` itself, put into the pager if paging is on;
    the console already in the pager if there is one."""
    global _opened
    if _opened is not None:
        return _opened[0]
    if not _wanted or not _stdout_is_terminal():
        return terminal
    found = command(os.environ)
    if found is None:
        return terminal
    context = terminal.pager(_command_pager(found), styles=True)
    context.__enter__()
    _opened = (terminal, context)
    return terminal


def _stdout_is_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except ValueError:  # closed
        return False


def _command_pager(words: list[str]) -> Any:
    from rich.pager import Pager

    class CommandPager(Pager):
        """rich's pager interface, showing the content with `words` as a program."""

        def show(self, content: str) -> None:
            show(words, content)

    return CommandPager()


def show(words: list[str], content: str) -> None:
    """Run the pager on `content`; if it cannot start, print `content` as it is. Ctrl-C
    belongs to the pager meanwhile (less uses it to stop a search), as in git."""
    import signal
    import subprocess

    environ = {**os.environ}
    environ.setdefault("LESS", "FRX")
    environ.setdefault("LV", "-c")
    data = content.encode(sys.stdout.encoding or "utf-8", "replace")
    sys.stdout.flush()
    try:
        process = subprocess.Popen(words, stdin=subprocess.PIPE, env=environ)
    except OSError:
        sys.stdout.write(content)
        return
    try:
        previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    except ValueError:  # not the main thread: signals stay as they are
        process.communicate(data)
        return
    try:
        process.communicate(data)
    finally:
        signal.signal(signal.SIGINT, previous)
