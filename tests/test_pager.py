"""The pager: long terminal views go through it on a terminal (a pseudo-terminal here), never
into a pipe; CRMPLAN_PAGER, then PAGER, then less; --no-pager."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT, posix_only

from crm_plan.render.terminal import pager

SHIPPED = str(ROOT / "workplan.yaml")


def everywhere(name: str) -> str:
    return f"/usr/bin/{name}"


def nowhere(name: str) -> None:
    return None


@pytest.mark.parametrize(("environ", "installed", "expected"), [
    ({}, everywhere, ["less"]),
    ({}, nowhere, None),  # Windows without less: no pager, never `more`
    ({"PAGER": "most -s"}, everywhere, ["most", "-s"]),
    ({"CRMPLAN_PAGER": "less -S", "PAGER": "most"}, everywhere, ["less", "-S"]),
    ({"CRMPLAN_PAGER": "", "PAGER": "most"}, everywhere, None),  # empty: none, as GIT_PAGER
    ({"PAGER": "cat"}, everywhere, None),
    ({"PAGER": ""}, everywhere, None),
    ({"PAGER": "nonesuch"}, nowhere, None),  # a pager that is not installed: print as is
])
def test_the_pager_chosen(environ: dict[str, str], installed, expected):  # type: ignore[no-untyped-def]
    assert pager.command(environ, installed=installed) == expected


@pytest.fixture
def fake_pager(tmp_path: Path) -> tuple[Path, Path]:
    """A pager program that records what it was given (and LESS) instead of showing it."""
    log = tmp_path / "paged.txt"
    program = tmp_path / "fake-pager"
    program.write_text(f'#!/bin/sh\ncat > "{log}"\necho "LESS=$LESS" > "{log}.env"\n',
                       encoding="utf-8")
    program.chmod(0o755)
    return program, log


def in_a_terminal(args: list[str], environ: dict[str, str],
                  unset: tuple[str, ...] = ()) -> bytes:
    """What crmplan writes to a terminal (a pseudo-terminal 100 columns wide)."""
    import fcntl
    import pty
    import struct
    import termios

    pid, fd = pty.fork()
    if pid == 0:  # the child: crmplan on the terminal
        for name in ["NO_COLOR", "CRMPLAN_PAGER", "PAGER", *unset]:
            os.environ.pop(name, None)
        os.environ.update(environ)
        os.execv(sys.executable, [sys.executable, "-m", "crm_plan", *args])
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 100, 0, 0))
    shown = b""
    while True:
        try:
            data = os.read(fd, 65536)
        except OSError:  # the child ended
            break
        if not data:
            break
        shown += data
    os.waitpid(pid, 0)
    return shown


def base_environ() -> dict[str, str]:
    return {"CRMPLAN_LANG": "en", "CRMPLAN_FILE": SHIPPED}


@posix_only
def test_a_terminal_view_goes_through_the_pager_with_its_colours(fake_pager):  # type: ignore[no-untyped-def]
    program, log = fake_pager
    shown = in_a_terminal(["list", "-r", "Guatemala", "--as-of", "2010-03-01"],
                          {**base_environ(), "PAGER": str(program), "LESS": ""})
    paged = log.read_bytes().decode("utf-8")
    assert shown == b""  # all of it went to the pager
    assert paged.endswith("28 activities.\n")
    assert "\x1b[1m" in paged  # bold, as less -R shows it
    assert "(includes Guatemala)" in paged
    assert Path(f"{log}.env").read_text(encoding="utf-8") == "LESS=\n"  # the user's LESS kept


@posix_only
def test_less_gets_git_options_unless_less_is_set(fake_pager):  # type: ignore[no-untyped-def]
    program, log = fake_pager
    in_a_terminal(["status"], {**base_environ(), "CRMPLAN_PAGER": str(program),
                               "PAGER": "nonesuch"}, unset=("LESS",))
    assert Path(f"{log}.env").read_text(encoding="utf-8") == "LESS=FRX\n"
    assert log.read_text(encoding="utf-8").startswith("40 activities as of")


@posix_only
@pytest.mark.parametrize("off", [["--no-pager", "status"], ["status", "--no-pager"]])
def test_no_pager_prints_on_the_terminal(fake_pager, off: list[str]):  # type: ignore[no-untyped-def]
    program, log = fake_pager
    shown = in_a_terminal(off, {**base_environ(), "PAGER": str(program)})
    assert not log.exists()
    assert b"40 activities as of" in shown


@posix_only
def test_an_empty_crmplan_pager_means_none(fake_pager):  # type: ignore[no-untyped-def]
    program, log = fake_pager
    shown = in_a_terminal(["show", "9.3"], {**base_environ(), "PAGER": str(program),
                                            "CRMPLAN_PAGER": ""})
    assert not log.exists()
    assert b"Designar un enlace" in shown


@posix_only
def test_never_into_a_pipe(fake_pager):  # type: ignore[no-untyped-def]
    program, log = fake_pager
    result = subprocess.run([sys.executable, "-m", "crm_plan", "status"], capture_output=True,
                            env={**os.environ, **base_environ(), "PAGER": str(program),
                                 "FORCE_COLOR": "1"}, check=True)
    assert not log.exists()
    assert result.stdout.startswith(b"40 activities as of")
