"""The user's text editor, for `crmplan edit`: which one, and a file it edits.

The editor is `$VISUAL`, else `$EDITOR` (as git and crontab choose it; either may carry
options, e.g. `code --wait`), else Notepad on Windows and vi elsewhere. It edits a temporary
file named after the activity (`crmplan-9.3-....yaml`, so that the editor colours YAML), which
is removed when the edit is over, or kept when the user's text could not be saved.
"""

from __future__ import annotations

import os
import re
import shlex
import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from crm_plan.errors import CrmPlanError
from crm_plan.messages import _


def command(environ: Mapping[str, str] | None = None, platform: str | None = None) -> list[str]:
    """The editor's command line, without the file."""
    environ = os.environ if environ is None else environ
    windows = (platform or sys.platform) == "win32"
    for variable in ("VISUAL", "EDITOR"):
        if given := environ.get(variable, "").strip():
            words = shlex.split(given, posix=not windows)
            return [w[1:-1] if windows and len(w) > 1 and w[0] == w[-1] == '"' else w
                    for w in words]
    return ["notepad"] if windows else ["vi"]


class Buffer:
    """A temporary file for one edit, offered to the editor as many times as needed."""

    def __init__(self, name: str) -> None:
        safe = re.sub(r"[^A-Za-z0-9.]+", "-", name).strip("-") or "activity"
        fd, path = tempfile.mkstemp(prefix=f"crmplan-{safe}-", suffix=".yaml")
        os.close(fd)
        self.path = Path(path)
        self.kept = False

    def edit(self, text: str) -> str | None:
        """What the user saved, after the editor was given `text`; None when the editor
        failed (ended with an error status, as `:cq` in vi does)."""
        self.path.write_bytes(text.encode("utf-8"))
        editor = command()
        try:
            status = subprocess.run([*editor, str(self.path)], check=False).returncode
        except OSError as exc:
            raise CrmPlanError(_("cannot start the editor '{editor}' ({reason}); set VISUAL or "
                                 "EDITOR to the editor you use").format(
                editor=" ".join(editor), reason=exc.strerror or exc)) from None
        if status != 0:
            return None
        data = self.path.read_bytes()
        try:
            return data.decode("utf-8-sig")  # Notepad may add a BOM
        except UnicodeDecodeError:
            raise CrmPlanError(_("the edited text was not saved as UTF-8; save it as UTF-8 and "
                                 "try again")) from None

    def keep(self, text: str) -> Path:
        """Leave the user's text in the file, for them to take back."""
        self.path.write_bytes(text.encode("utf-8"))
        self.kept = True
        return self.path

    def close(self) -> None:
        if not self.kept:
            self.path.unlink(missing_ok=True)
