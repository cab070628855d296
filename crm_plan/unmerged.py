"""A plan file git still counts as unmerged, in the middle of a merge: said by `validate`.

When git cannot run crmplan's merge driver (crmplan is not on the PATH git sees, as with some
graphical git clients), it reports a conflict but leaves the file as our side alone, without
markers: nothing in the file shows that the other side's changes are missing, so `conflicts.py`
finds nothing. git's index lists the file as unmerged until it is added, so `validate` asks git.

Only `validate` asks, and outside the cache: the answer depends on git's state, not on the
file's bytes. It stays cheap: git runs only when a file check shows an operation in progress (a
merge, cherry-pick, revert or rebase) in the git folder above the plan; outside git, or with
nothing in progress, nothing is started.
"""

from __future__ import annotations

import os
from pathlib import Path

from crm_plan.messages import _
from crm_plan.problems import Problem, Severity

CODE = "unmerged"
# What git leaves in its folder while an operation is unfinished -> the command that aborts it.
_IN_PROGRESS = (("MERGE_HEAD", "merge"), ("CHERRY_PICK_HEAD", "cherry-pick"),
                ("REVERT_HEAD", "revert"), ("rebase-merge", "rebase"),
                ("rebase-apply/applying", "am"), ("rebase-apply", "rebase"))
_POINTER = "gitdir:"  # the first line of a `.git` file (a linked worktree, a submodule)


def problems(path: Path, display: str) -> list[Problem]:
    """A warning at the top of the file `path` when git is in the middle of an operation and
    still counts the file as unmerged; else none."""
    plan = Path(os.path.abspath(path))
    found = git_dir(plan.parent)
    operation = in_progress(found) if found is not None else None
    if operation is None or not _unmerged(plan):
        return []
    return [Problem(display, 1, 1, Severity.WARNING, CODE, _(
        "git still counts this file as unmerged: if you resolved it, git add it; if it holds no "
        "conflict markers, git's merge driver may not have run and the file may hold only one "
        "side (check with crmplan git-setup --check, then git {operation} --abort and "
        "{operation} again)").format(operation=operation))]


def git_dir(folder: Path) -> Path | None:
    """The git folder of the work tree holding `folder` ($GIT_DIR if set): a `.git` folder, or
    where a `.git` file points (`gitdir: PATH`); None outside git."""
    if given := os.environ.get("GIT_DIR"):
        return Path(given)
    for parent in (folder, *folder.parents):
        dot_git = parent / ".git"
        if dot_git.is_dir():
            return dot_git
        if dot_git.is_file():
            return _pointed(dot_git)
    return None


def _pointed(dot_git: Path) -> Path | None:
    try:
        with dot_git.open("rb") as file:
            first = file.read(4096).decode("utf-8").splitlines()
    except (OSError, UnicodeDecodeError):
        return None
    if not first or not first[0].startswith(_POINTER):
        return None
    return dot_git.parent / first[0][len(_POINTER):].strip()  # relative to the .git file


def in_progress(git_folder: Path) -> str | None:
    """The git command whose operation is unfinished in `git_folder` (merge, cherry-pick,
    revert, rebase, am), or None."""
    return next((command for name, command in _IN_PROGRESS if (git_folder / name).exists()),
                None)


def _unmerged(plan: Path) -> bool:
    """Whether git's index holds the file at more than one stage (`git ls-files -u`)."""
    from crm_plan import git  # starts processes: imported only when an operation is under way

    try:
        done = git.run(["--literal-pathspecs", "ls-files", "-u", "-z", "--", plan.name],
                       plan.parent, check=False)
    except git.GitError:
        return False  # git missing or failing: nothing to say about its state
    return done.returncode == 0 and bool(done.stdout)
