"""Earlier versions of the plan, for `crmplan changes`: a file, or a git revision of one.

`--since REV` asks git for the plan file as committed in REV (`git show REV:./NAME`, run in
the file's folder, so that the path is the one git knows whatever the current folder). Exit
codes: a revision git does not know is a wrong argument (UsageError, exit 2); no git, no
repository, or a revision without the file is a failure to read the old version (exit 1).
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from crm_plan import planfile
from crm_plan.errors import CrmPlanError, UsageError
from crm_plan.messages import _
from crm_plan.model import Plan
from crm_plan.planfile import PlanLocation

GIT_TIMEOUT = 60  # seconds: a large repository on a slow disk


def from_file(location: PlanLocation) -> Plan:
    """A plan file, refused when it has errors."""
    return planfile.load_valid(location).plan


def from_git(location: PlanLocation, revision: str) -> tuple[Plan, str]:
    """The plan file as committed in `revision`, and how to name that version."""
    path = Path(location.path)
    folder = path.parent  # "." for a bare file name
    if revision.startswith("-") or not revision.strip():
        raise _bad_revision(revision)
    _git(folder, ["rev-parse", "--is-inside-work-tree"], _(
        "{folder} is not in a git repository, so --since cannot read an earlier version; "
        "compare two files instead: crmplan changes OLD.yaml NEW.yaml").format(
            folder=folder.resolve()))
    try:
        _git(folder, ["rev-parse", "--verify", "--quiet", f"{revision}^{{commit}}"], "")
    except CrmPlanError:
        raise _bad_revision(revision) from None
    display = f"{revision}:{path.name}"
    data = _git(folder, ["show", f"{revision}:./{path.name}"], _(
        "{path} is not in revision {revision} of the git repository (was it committed under "
        "another name?)").format(path=path.name, revision=revision))
    loaded = planfile.read(data, PlanLocation(path, display))
    if loaded.has_errors:  # a committed version cannot be fixed, only named
        raise planfile.invalid(_("the plan file as committed in revision {revision} ({path}) has "
                                 "errors, so it cannot be compared").format(
                                     revision=revision, path=display), loaded.problems)
    return loaded.plan, display


def _git(folder: Path, args: list[str], failure: str) -> bytes:
    try:
        done = subprocess.run(["git", *args], cwd=folder, capture_output=True,
                              timeout=GIT_TIMEOUT, check=False)
    except FileNotFoundError:
        raise CrmPlanError(_("git is not installed (or not on the PATH); --since needs it to "
                             "read an earlier version of the plan")) from None
    except (OSError, subprocess.TimeoutExpired) as exc:
        raise CrmPlanError(_("git could not be run ({reason})").format(reason=exc)) from None
    if done.returncode != 0:
        raise CrmPlanError(failure)
    return done.stdout


def _bad_revision(revision: str) -> UsageError:
    return UsageError(_("'{revision}' is not a revision of this git repository; give a commit, "
                        "a tag or a branch, e.g. --since HEAD~1").format(revision=revision))
