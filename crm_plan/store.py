"""Saving the plan file without ever losing a byte, of crmplan's or of anybody else's.

A change is made under a lock (so that concurrent crmplan processes queue up instead of
overwriting each other), from the bytes read under that lock, and validated before it is
written. The new file is written whole beside the plan and synced to the disk (so that a
crash leaves the old file or the new one, never half of one). Then, right before it takes
the plan's name, the plan is compared with what was read (device, inode, size, modification
time and every byte), and the change is refused when the plan moved: an editor saved it.

On Linux the new file takes the plan's name by swapping the two names in one step
(renameat2's RENAME_EXCHANGE), and what was swapped out is compared once more: a save that
landed between the comparison and the swap is put back, and the change refused. Where the
system cannot swap names (macOS, Windows, some network file systems), a rename follows the
comparison, and a save in the instant between the two would be overwritten (a few
milliseconds: docs/guide.md gives the measured figures).

A plan that is not a regular file, is read-only, or has several names (hard links) is
refused: replacing it would change what the user pointed at.
"""

from __future__ import annotations

import contextlib
import errno
import functools
import glob
import math
import os
import stat
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from crm_plan import outfile, planfile
from crm_plan.errors import CrmPlanError, PlanInvalid, UsageError
from crm_plan.filebytes import Snapshot, identity, read_bytes, snapshot
from crm_plan.messages import _
from crm_plan.model import Plan
from crm_plan.text import visible

if TYPE_CHECKING:
    from crm_plan.source import Source

LOCK_TIMEOUT = 30.0  # seconds a command waits for another crmplan to finish its change
LOCK_TIMEOUT_VARIABLE = "CRMPLAN_LOCK_TIMEOUT"

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
    """Apply `change` to the plan file (or only compute it, with `dry_run`). The change is
    given the valid plan and its parsed text (a Source: text and node tree), and returns the
    new text, which must validate too."""
    if location.bundled:
        raise RefusedChange(_("the plan bundled with crmplan is read-only; copy it to "
                              "./workplan.yaml or name your plan file with --file"))
    timeout = lock_timeout()
    target = _editable(location, dry_run)
    with _locked(target, location.display, timeout):
        _remove_leftovers(target)
        read = snapshot(target, location.display)
        if not read.steady:  # an editor was writing it while it was read
            raise _changed(location.display)
        before, after, changed = _apply(change, read.data, location)
        new = after.encode("utf-8")
        _check(new, location)
        if not dry_run and after != before:
            _save(target, read, new, location.display)
    return Update(before, after, location.display, changed)


def lock_timeout() -> float:
    """How long to wait for another crmplan: CRMPLAN_LOCK_TIMEOUT seconds, else 30."""
    given = os.environ.get(LOCK_TIMEOUT_VARIABLE, "").strip()
    if not given:
        return LOCK_TIMEOUT
    try:
        seconds = float(given)
    except ValueError:
        seconds = math.nan
    if not (math.isfinite(seconds) and seconds >= 0):
        raise UsageError(_("{variable} is '{value}'; it accepts a number of seconds to wait for "
                           "another crmplan to finish, e.g. 30 (0: do not wait)").format(
                               variable=LOCK_TIMEOUT_VARIABLE, value=visible(given, lines=False)))
    return seconds


def _editable(location: planfile.PlanLocation, dry_run: bool) -> Path:
    """The real path of the plan file, after refusing what cannot be replaced safely."""
    try:
        status = os.stat(location.path)  # through links: /dev/stdin is the pipe it names
    except OSError:
        read_bytes(location.path, location.display)  # says why: missing, no permission...
        raise
    if stat.S_ISDIR(status.st_mode):
        read_bytes(location.path, location.display)  # "is a folder, not a plan file"
    if not stat.S_ISREG(status.st_mode):
        raise UsageError(_("{path} is not a regular file: a plan read from a pipe cannot be "
                           "edited; give its path").format(path=location.display))
    if not dry_run and _read_only(location.path, status):
        raise RefusedChange(_("{path}: the plan is read-only, so nothing was changed; make "
                              "the file writable first if it should change").format(
                                  path=location.display))
    if not dry_run and status.st_nlink > 1:
        # Writing in place could leave half a file under every name after a crash, and the
        # other names may be a backup's (cp -al, rsync --link-dest) that must not change;
        # replacing the file would silently separate this name from them. So: neither.
        raise RefusedChange(_(
            "{path}: the plan has {count} names (hard links); saving it would separate this "
            "name from the others, so nothing was changed; edit a copy with one name, or remove "
            "the other links first").format(path=location.display, count=status.st_nlink))
    return Path(os.path.realpath(location.path))


def _read_only(path: Path, status: os.stat_result) -> bool:
    """No write permission for anybody in its mode (which root would ignore), or none for us."""
    return not status.st_mode & 0o222 or not os.access(path, os.W_OK)


def _apply(change: Change, data: bytes, location: planfile.PlanLocation
           ) -> tuple[str, str, list[str]]:
    """The plan's text, its text changed, and the ids the change names. The plan must be
    valid; its parsed text is dropped on return, before the new text is parsed."""
    loaded = planfile.valid(planfile.read(data, location, parsed=True))
    assert loaded.source is not None
    try:
        after, changed = change(loaded.plan, loaded.source)
    except (PlanInvalid, UsageError):
        raise
    except CrmPlanError as exc:  # a refusal: say which file it is about
        raise type(exc)(_("{path}: {message}").format(path=location.display, message=exc)
                        ) from None
    return loaded.text, after, changed


def _check(data: bytes, location: planfile.PlanLocation) -> None:
    """The new file must validate, or nothing is written. Its validation is cached, so the
    next command on the changed file does not read it again."""
    result = planfile.read(data, location)
    if result.has_errors:
        raise planfile.invalid(_("the change would leave {path} with errors, so nothing was "
                                 "written; please report this").format(path=location.display),
                               result.problems)


# -- writing -------------------------------------------------------------------------------------

def _save(target: Path, read: Snapshot, new: bytes, display: str) -> None:
    staged = _stage(target, new, read.status, display)
    try:
        if not _unchanged(target, read):  # the re-check: the new file is complete and synced
            raise _changed(display)
        _take_the_name(staged, target, read, display)
    except OSError as exc:
        raise _unwritten(target, exc) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()  # crmplan's version when refused, else the plan as it was read
    _sync_folder(target.parent)


def _stage(target: Path, data: bytes, status: os.stat_result, display: str) -> Path:
    """The new file beside the plan under a name of crmplan's, whole, synced, with the plan's
    mode and owner, and read back."""
    staged = target.parent / f".{target.name}.crmplan-new"
    try:
        outfile.replace(staged, data, stat.S_IMODE(status.st_mode))
        _keep_owner(staged, status, display)
        written = staged.read_bytes()
    except OSError as exc:
        with contextlib.suppress(FileNotFoundError):
            staged.unlink()
        raise _unwritten(target, exc) from None
    if written != data:
        staged.unlink()
        raise RefusedChange(_("{path} could not be written correctly; the original was kept")
                            .format(path=display))
    return staged


def _keep_owner(staged: Path, status: os.stat_result, display: str) -> None:
    if not hasattr(os, "chown"):  # Windows only: files have no owner ids
        return
    mine = staged.stat()
    if (mine.st_uid, mine.st_gid) == (status.st_uid, status.st_gid):
        return
    try:
        os.chown(staged, status.st_uid, status.st_gid)
    except PermissionError:  # only root may give a file away, or to a group one is not in
        staged.unlink()
        raise RefusedChange(_("{path} belongs to another user or group, and crmplan cannot give "
                              "its new version the same owner; it was left as it was").format(
                                  path=display)) from None


def _take_the_name(staged: Path, target: Path, read: Snapshot, display: str) -> None:
    ours = staged.stat().st_ino
    if not _exchange(staged, target):
        _replace(staged, target, read, display)
        return
    if _unchanged(staged, read):  # what the swap took out is the plan as read: done
        return
    _put_back(staged, target, ours)
    raise _changed(display)


# Seconds between the tries of the last rename: about one second in all.
RENAME_RETRY_DELAYS = (0.05, 0.1, 0.15, 0.2, 0.25, 0.25)


def _replace(staged: Path, target: Path, read: Snapshot, display: str) -> None:
    """The rename where names cannot be swapped; the residual window is between the re-check
    and here. Windows refuses to replace a file that another program holds open (Word, Excel,
    an antivirus scan: PermissionError); the hold is often brief, so the rename is tried again
    for about a second, the plan compared with what was read before each try."""
    for delay in RENAME_RETRY_DELAYS:
        try:
            os.replace(staged, target)
            return
        except PermissionError:
            time.sleep(delay)
        if not _unchanged(target, read):  # saved meanwhile by the program that held it
            raise _changed(display)
    try:
        os.replace(staged, target)
    except PermissionError:
        raise RefusedChange(_("{path}: the plan is open in another program (close it and run "
                              "the command again); nothing was changed").format(path=display)
                            ) from None


def _put_back(staged: Path, target: Path, ours: int) -> None:
    """A save landed between the re-check and the swap: swap again, so that the plan is the
    newest save and `staged` holds what it replaced (crmplan's version, or an older save when
    an editor saved twice meanwhile)."""
    expected = ours  # the file the last swap put under the plan's name
    for _attempt in range(8):  # each turn needs another save within microseconds
        moving = staged.stat().st_ino
        _exchange(staged, target)
        if staged.stat().st_ino == expected:
            return
        expected = moving  # another save came meanwhile: it goes back in the next swap


def _unchanged(path: Path, read: Snapshot) -> bool:
    """`path` is the very file that was read, with the same bytes."""
    try:
        status = os.stat(path)
        return identity(status) == identity(read.status) and path.read_bytes() == read.data
    except OSError:  # deleted, or cannot be read any more
        return False


def _exchange(first: Path, second: Path) -> bool:
    """Swap the names of two files of one folder in one step; False where the system
    cannot (then nothing happened)."""
    renameat2 = _renameat2()
    if renameat2 is None:
        return False
    import ctypes

    if renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second),
                 _RENAME_EXCHANGE) == 0:
        return True
    number = ctypes.get_errno()
    if number in (errno.EINVAL, errno.ENOSYS, errno.ENOTSUP, errno.EOPNOTSUPP):
        return False  # a kernel or a file system without it
    raise OSError(number, os.strerror(number), str(second))


_AT_FDCWD = -100
_RENAME_EXCHANGE = 2


@functools.cache
def _renameat2() -> Callable[..., int] | None:
    """glibc's renameat2 (Linux 3.15 and later), found once; None elsewhere."""
    if not sys.platform.startswith("linux"):  # the swap is Linux only
        return None
    import ctypes

    try:
        function = ctypes.CDLL(None, use_errno=True).renameat2
    except (OSError, AttributeError):  # another C library, or glibc before 2.28
        return None
    function.argtypes = [ctypes.c_int, ctypes.c_char_p, ctypes.c_int, ctypes.c_char_p,
                         ctypes.c_uint]
    function.restype = ctypes.c_int
    return function


def _sync_folder(folder: Path) -> None:
    """The new name on the disk too, not only the new bytes (POSIX; best effort)."""
    if os.name != "posix":  # Windows only: a folder cannot be opened there to be synced
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def _remove_leftovers(target: Path) -> None:
    """Files of a crmplan killed while writing. Only the holder of the lock writes them, so
    under the lock any that exists is a leftover: the staged plan, outfile.replace's
    temporary file for it, and the temporary files of earlier versions of crmplan."""
    name = glob.escape(target.name)
    for pattern in (f".{name}.crmplan-new", f"..{name}.crmplan-new.{'?' * 8}.tmp",
                    f".{name}.{'?' * 8}.tmp"):
        for leftover in target.parent.glob(pattern):
            with contextlib.suppress(OSError):
                leftover.unlink()


def _changed(display: str) -> RefusedChange:
    return RefusedChange(_("{path} changed on disk while crmplan was working (saved by an "
                           "editor?); nothing was written: run the command again").format(
                               path=display))


def _unwritten(target: Path, exc: OSError) -> RefusedChange:
    return RefusedChange(_("{path} could not be written ({reason}); it was left as it was")
                         .format(path=target, reason=exc.strerror or exc))


# -- the lock ------------------------------------------------------------------------------------

# What a file system without locks answers (a network share, some FUSE or SMB mounts): ENOLCK
# (NFS without its lock service), ENOSYS, EOPNOTSUPP (ENOTSUP), EINVAL; on Windows, error 1
# (ERROR_INVALID_FUNCTION) or 50 (ERROR_NOT_SUPPORTED), which Python calls EINVAL like any
# error it has no name for, so there the Windows number is looked at.
_NO_LOCKS = {errno.ENOLCK, errno.ENOSYS, errno.EOPNOTSUPP, errno.ENOTSUP, errno.EINVAL}
_NO_LOCKS_WINDOWS = {1, 50}


@contextlib.contextmanager
def _locked(target: Path, display: str, timeout: float) -> Iterator[None]:
    """An exclusive lock on a companion file beside the plan (the plan itself is replaced, so
    it cannot hold one), waited for at most `timeout` seconds. fasteners takes it with the
    system's lock (`fcntl.lockf`; on Windows `msvcrt.locking`), which the system drops when the
    process ends, however it ends: a crash leaves no stale lock. The file stays after the lock
    is released; a file system without locks is refused (`_unlocked`), never served with a lock
    file whose mere existence would be the lock, which a crash would leave behind."""
    import logging
    import threading

    from fasteners import InterProcessLock

    lock_path = lock_file(target)
    # fasteners logs a failure to unlock with its traceback: said (or not) by crmplan instead
    quiet = logging.getLogger("crm_plan.lock")
    if not quiet.handlers:
        quiet.addHandler(logging.NullHandler())
        quiet.propagate = False
    # sleep_func: looked up now, not when fasteners was imported (the tests' clock)
    lock = InterProcessLock(str(lock_path), sleep_func=time.sleep, logger=quiet)
    try:
        taken = lock.acquire(delay=0.02, max_delay=0.1, timeout=timeout)
    except OSError as exc:  # the lock file cannot be created
        raise _unlocked(lock_path, display, exc) from None
    except threading.ThreadError as exc:  # the system refused the lock: fasteners says why so
        cause = exc.__context__
        raise _unlocked(lock_path, display, cause if isinstance(cause, OSError)
                        else OSError(errno.ENOLCK, str(exc))) from None
    if not taken:
        raise RefusedChange(_("another crmplan is changing {path} and has not finished after "
                              "{seconds:g} seconds; try again").format(path=display,
                                                                      seconds=timeout))
    try:
        yield
    finally:
        with contextlib.suppress(OSError, threading.ThreadError):  # dropped at exit anyway
            lock.release()


def lock_file(plan: Path) -> Path:
    """The companion file the lock is taken on: `.workplan.yaml.lock` beside `workplan.yaml`."""
    return plan.parent / f".{plan.name}.lock"


def _unlocked(lock_path: Path, display: str, exc: OSError) -> RefusedChange:
    winerror = getattr(exc, "winerror", None)  # Windows only: the system's own number
    if (exc.errno in _NO_LOCKS) if winerror is None else (winerror in _NO_LOCKS_WINDOWS):
        return RefusedChange(_(
            "{path}: the folder of the plan does not support locking files (a network share?), "
            "so crmplan cannot keep two changes from overwriting each other; nothing was "
            "changed. Copy the plan to a folder of this computer, change it there, and copy it "
            "back").format(path=display))
    return RefusedChange(_("cannot create the lock file {lock} ({reason}); is the folder "
                           "writable?").format(lock=lock_path, reason=exc.strerror or exc))
