"""Writing a file whole or not at all, and a generated document (`export -o`, `report -o`)
to a file or a folder.

A file is written to a temporary file beside it, synced, and renamed over it (`replace`), so
that an interrupted export, or archive (`store`), never leaves half a file where the last good
one was. Failures of a document are one sentence and exit 1.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from pathlib import Path

from crm_plan.errors import CrmPlanError
from crm_plan.messages import _


def write(path: Path, data: bytes) -> None:
    """Write `data` to `path`, replacing it if it exists."""
    if path.is_dir():
        raise CrmPlanError(_("{path} is a folder; give the name of a file in it").format(
            path=path))
    try:
        replace(path, data, 0o644 & ~_umask())
    except OSError as exc:
        raise CrmPlanError(_("{path} could not be written ({reason})").format(
            path=path, reason=exc.strerror or exc)) from None


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
