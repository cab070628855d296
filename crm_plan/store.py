"""Saving the plan file without ever losing a byte.

A change is made under a lock (so that concurrent crmplan processes queue up instead
of overwriting each other), from the text read under that lock, validated before it
is written, written to a temporary file in the same folder and renamed over the
original (so that a crash leaves the old file or the new one, never half of one),
and refused when the file changed on disk in the meantime (a text editor saving).
"""

from __future__ import annotations

import contextlib
import glob
import os
import stat
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from crm_plan import outfile, planfile
from crm_plan.errors import CrmPlanError, PlanInvalid, UsageError
from crm_plan.filebytes import read_bytes
from crm_plan.messages import _
from crm_plan.model import Plan

if TYPE_CHECKING:
    from crm_plan.source import Source

LOCK_TIMEOUT = 30.0  # seconds a command waits for another crmplan to finish its change

# (the plan, its parsed text) -> (the new text, the ids of the activities it changed)
Change = Callable[[Plan, "Source"], tuple[str, list[str]]]


class RefusedChange(CrmPlanError):
    """The change could not be made safely; the file was left as it was."""


class Update(NamedTuple):
    before: str
    after: str
    display: str
    changed: list[str]  # activity ids

    def diff(self) -> str:
        import difflib

        lines = difflib.unified_diff(
            self.before.splitlines(keepends=True), self.after.splitlines(keepends=True),
            fromfile=f"a/{self.display}", tofile=f"b/{self.display}")
        return "".join(line if line.endswith(("\n", "\r")) else line + "\n" for line in lines)


def update(location: planfile.PlanLocation, change: Change, *, dry_run: bool = False) -> Update:
    """Apply `change` to the plan file (or only compute it, with `dry_run`)."""
    if location.bundled:
        raise RefusedChange(_("the plan bundled with crmplan is read-only; copy it to "
                              "./workplan.yaml or name your plan file with --file"))
    target = Path(os.path.realpath(location.path))
    if not target.is_file():  # missing, a folder...: say so, without leaving a lock file behind
        read_bytes(location.path, location.display)
    with _locked(target, location.display):
        _remove_leftovers(target)
        loaded = planfile.valid(planfile.read(read_bytes(target, location.display), location,
                                              parsed=True))
        assert loaded.source is not None
        before = loaded.text
        try:
            after, changed = change(loaded.plan, loaded.source)
        except (PlanInvalid, UsageError):
            raise
        except CrmPlanError as exc:  # a refusal: say which file it is about
            raise type(exc)(_("{path}: {message}").format(path=location.display, message=exc)
                            ) from None
        new = after.encode("utf-8")
        _check(new, location)
        if not dry_run and after != before:
            _save(target, before.encode("utf-8"), new, location.display)
    return Update(before, after, location.display, changed)


def _check(data: bytes, location: planfile.PlanLocation) -> None:
    """The new file must validate, or nothing is written. Its validation is cached, so the
    next command on the changed file does not read it again."""
    result = planfile.read(data, location)
    if result.has_errors:
        raise planfile.invalid(_("the change would leave {path} with errors, so nothing was "
                                 "written; please report this").format(path=location.display),
                               result.problems)


def _save(target: Path, expected: bytes, new: bytes, display: str) -> None:
    if _on_disk(target) != expected:
        raise RefusedChange(_("{path} changed on disk while crmplan was working (saved by an "
                              "editor?); nothing was written: run the command again").format(
                                  path=display))
    _write_atomically(target, new)
    if _on_disk(target) != new:  # read back what landed; keep the original if it is not it
        _write_atomically(target, expected)
        raise RefusedChange(_("{path} could not be written correctly; the original was kept")
                            .format(path=display))


def _on_disk(target: Path) -> bytes | None:
    """The file's bytes now; None when it was deleted or cannot be read any more."""
    try:
        return target.read_bytes()
    except OSError:
        return None


def _remove_leftovers(target: Path) -> None:
    """Temporary files of a crmplan killed while writing. Only the holder of the lock writes
    them, so under the lock any that exists is a leftover (see outfile.replace)."""
    for leftover in target.parent.glob(f".{glob.escape(target.name)}.{'?' * 8}.tmp"):
        with contextlib.suppress(OSError):
            leftover.unlink()


def _write_atomically(target: Path, data: bytes) -> None:
    try:
        _replace(target, data)
    except OSError as exc:
        raise RefusedChange(_("{path} could not be written ({reason}); it was left as it was")
                            .format(path=target, reason=exc.strerror or exc)) from None


def _replace(target: Path, data: bytes) -> None:
    outfile.replace(target, data, stat.S_IMODE(target.stat().st_mode))  # its mode kept


@contextlib.contextmanager
def _locked(target: Path, display: str) -> Iterator[None]:
    """An exclusive lock on a companion file: the plan itself is replaced, so it cannot hold one."""
    lock_path = target.parent / f".{target.name}.lock"
    try:
        fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError as exc:
        raise RefusedChange(_("cannot create the lock file {lock} ({reason}); is the folder "
                              "writable?").format(lock=lock_path, reason=exc.strerror)) from None
    try:
        _acquire(fd, display)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _acquire(fd: int, display: str) -> None:
    timeout = float(os.environ.get("CRMPLAN_LOCK_TIMEOUT", LOCK_TIMEOUT))
    deadline = time.monotonic() + timeout
    while not _try_lock(fd):
        if time.monotonic() > deadline:
            raise RefusedChange(_("another crmplan is changing {path} and has not finished after "
                                  "{seconds:g} seconds; try again").format(path=display,
                                                                          seconds=timeout))
        time.sleep(0.02)


def _try_lock(fd: int) -> bool:
    try:
        import fcntl
    except ImportError:  # Windows
        import msvcrt

        try:
            msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)  # type: ignore[attr-defined]
            return True
        except OSError:
            return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
