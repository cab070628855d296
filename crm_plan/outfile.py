"""Writing a generated document (`export -o`, `report -o`) to a file or a folder.

The file is written whole or not at all (a temporary file beside it, renamed over it), so that
an interrupted export never leaves half a document where the last good one was. Failures are
one sentence and exit 1.
"""

from __future__ import annotations

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
        fd, temporary = tempfile.mkstemp(dir=path.parent or Path("."), prefix=f".{path.name}.")
        try:
            with os.fdopen(fd, "wb") as out:
                out.write(data)
            os.chmod(temporary, 0o644 & ~_umask())
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
    except OSError as exc:
        raise CrmPlanError(_("{path} could not be written ({reason})").format(
            path=path, reason=exc.strerror or exc)) from None


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
