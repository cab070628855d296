"""Writing a file whole or not at all, and a generated document (`export -o`, `report -o`)
to a file or a folder.

A file is written to a temporary file beside it, synced, and renamed over it (`replace`), so
that an interrupted export, or archive (`store`), never leaves half a file where the last good
one was. What the user points at is never destroyed: a device or a FIFO (`-o /dev/null`) is
written through as a shell's `>` would, a symbolic link keeps being one (its target is
replaced), and the plan in use is never overwritten by a document. Failures of a document are
one sentence and exit 1; naming the plan as the output is a usage error (exit 2).
"""

from __future__ import annotations

import contextlib
import os
import re
import stat
import tempfile
from pathlib import Path

from crm_plan.errors import CrmPlanError, UsageError
from crm_plan.messages import _
from crm_plan.text import visible


def write(path: Path, data: bytes, *, plan: Path | None = None) -> None:
    """Write `data` to `path`: replace a regular file (through a symbolic link, the file it
    points at), write through anything else that is not a folder. With `plan`, the plan in
    use, refuse to write over it (`refuse_plan`)."""
    if plan is not None:
        refuse_plan(path, plan)
    try:
        found = _stat(path)
        if found is not None and stat.S_ISDIR(found.st_mode):
            raise CrmPlanError(_("{path} is a folder; give the name of a file in it").format(
                path=_shown(path)))
        if found is not None and (not stat.S_ISREG(found.st_mode) or _is_descriptor(path)):
            _write_through(path, data)  # /dev/null, a FIFO, /dev/stdout: never replaced
        else:
            mode = stat.S_IMODE(found.st_mode) if found else 0o644 & ~_umask()
            replace(Path(os.path.realpath(path)), data, mode)
    except OSError as exc:
        raise CrmPlanError(_("{path} could not be written ({reason})").format(
            path=_shown(path), reason=exc.strerror or exc)) from None


def refuse_plan(output: Path, plan: Path) -> None:
    """A UsageError when writing `output` would overwrite the plan file `plan`: the same file
    (one inode, reached through a hard or a symbolic link) or the same path once resolved.
    A plan read from a device or a pipe (`-f /dev/stdin`) cannot be overwritten, so it is
    never in the way."""
    if _is_plan(output, plan):
        raise UsageError(_("{output} is the plan file in use ({plan}): writing there would "
                           "replace the plan; give another file").format(
            output=_shown(output), plan=_shown(plan)))


def _is_plan(output: Path, plan: Path) -> bool:
    try:
        written, read = os.stat(output), os.stat(plan)
    except (OSError, ValueError):  # one of them is not there (yet)
        return os.path.realpath(output) == os.path.realpath(plan)
    return (written.st_dev, written.st_ino) == (read.st_dev, read.st_ino) \
        and stat.S_ISREG(read.st_mode)


def _stat(path: Path) -> os.stat_result | None:
    """What `path` names, through its links; None when nothing is there yet (a dangling link
    too: its target is created). A loop of links raises, as opening it would."""
    try:
        return os.stat(path)
    except FileNotFoundError:
        return None


# An open file of the process named by a path: written through even when it is a regular
# file (renaming over it would leave the descriptor on a deleted file), and at its end, as
# the descriptor would (a `>>` redirection keeps what came before).
_DESCRIPTOR = re.compile(r"/dev/(stdout|stderr|fd/\d+)|/proc/(self|\d+)/fd/\d+")


def _is_descriptor(path: Path) -> bool:
    return _DESCRIPTOR.fullmatch(os.path.abspath(path)) is not None


def _write_through(path: Path, data: bytes) -> None:
    with open(path, "ab" if _is_descriptor(path) else "wb") as out:
        out.write(data)


def _shown(path: Path) -> str:
    return visible(str(path), lines=False)


def replace(target: Path, data: bytes, mode: int) -> None:
    """`target` holding `data` with permissions `mode`, or as it was if any step fails: a
    temporary file beside it (mkstemp adds 8 characters to `.NAME.`, and `.tmp`) is written,
    synced to the disk, given the mode and renamed over it."""
    fd, temporary = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.chmod(temporary, mode)
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def folder(path: Path) -> Path:
    """The folder `path`, created (with its parents) if it does not exist yet."""
    try:
        path.mkdir(parents=True, exist_ok=True)
    except FileExistsError:
        raise CrmPlanError(_("{path} is a file, not a folder; --each-member writes one file per "
                             "member into a folder").format(path=path)) from None
    except OSError as exc:
        raise CrmPlanError(_("the folder {path} could not be created ({reason})").format(
            path=path, reason=exc.strerror or exc)) from None
    return path


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
