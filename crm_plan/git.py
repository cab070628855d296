"""Running git: the one place crmplan starts it (a line merge, configuration, file history).

git is found on the PATH. Its failures become crmplan's errors: not installed, not a
repository, a command that failed (with what git said).
"""

from __future__ import annotations

import os
import subprocess
import tempfile
from pathlib import Path

from crm_plan.errors import CrmPlanError
from crm_plan.messages import _

TIMEOUT = 60  # seconds: a large repository on a slow disk


class GitError(CrmPlanError):
    """git is missing, or a git command failed."""


def run(args: list[str], cwd: Path, *, stdin: bytes | None = None, check: bool = True
        ) -> subprocess.CompletedProcess[bytes]:
    """`git ARGS` in `cwd`; with `check`, a failure raises GitError with git's message."""
    try:
        done = subprocess.run(["git", *args], cwd=cwd, input=stdin, capture_output=True,
                              timeout=TIMEOUT, check=False)
    except FileNotFoundError:
        raise GitError(_("git is not installed (or not on the PATH)")) from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise GitError(_("git could not be run ({reason})").format(reason=exc)) from None
    if check and done.returncode != 0:
        said = done.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GitError(_("git {command} failed: {message}").format(
            command=args[0], message=said[-1] if said else done.returncode))
    return done


def merge_file(base: bytes, ours: bytes, theirs: bytes, labels: tuple[str, str, str], *,
               diff3: bool = False) -> tuple[bytes, int]:
    """git's line merge of three texts (`git merge-file`, with the base's lines in each
    conflict with `diff3`): the result, and how many conflicts it holds between markers."""
    with tempfile.TemporaryDirectory(prefix="crmplan-merge-") as folder:
        paths = []
        for name, data in (("ours", ours), ("base", base), ("theirs", theirs)):
            path = Path(folder) / name
            path.write_bytes(data)
            paths.append(str(path))
        done = run(["merge-file", "-p", *(["--diff3"] if diff3 else []), "-L", labels[0],
                    "-L", labels[1], "-L", labels[2], *paths], Path(folder), check=False)
    if done.returncode < 0 or done.returncode > 127:
        raise GitError(_("git merge-file failed: {message}").format(
            message=done.stderr.decode("utf-8", "replace").strip()))
    return done.stdout, done.returncode


def top_level(folder: Path) -> Path:
    """The root of the work tree holding `folder`; GitError outside a repository."""
    done = run(["rev-parse", "--show-toplevel"], folder, check=False)
    if done.returncode != 0:
        raise GitError(_("{folder} is not in a git repository").format(
            folder=os.path.abspath(folder)))
    return Path(done.stdout.decode("utf-8").strip())
