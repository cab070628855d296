"""Setting git up to merge the plan with crmplan (`crmplan git-setup`), and checking it.

Two things, both needed: the driver, in the repository's own configuration (`.git/config`: each
clone sets it once, since git never shares configuration), and the attribute naming the plan
file, in the `.gitattributes` at the top of the work tree (committed, so shared). And one that
keeps `git status` clean: the lock file crmplan leaves beside the plan (`store.lock_file`)
named in the `.gitignore` at the top, so that nobody commits it. Writing them twice changes
nothing.
"""

from __future__ import annotations

import shutil
from pathlib import Path
from typing import NamedTuple

from crm_plan import git
from crm_plan.store import lock_file

DRIVER = "crmplan merge %O %A %B %P --labels %X %S %Y"
NAME = "crmplan: merges workplan.yaml by its structure"
ATTRIBUTE = "merge=crmplan"


class Setup(NamedTuple):
    driver: str | None  # the driver command configured for `merge=crmplan`, if any
    attribute: str | None  # the plan file's `merge` attribute, if set
    attributes_file: Path  # where `git-setup` writes it
    pattern: str  # how it names the plan file there
    on_path: bool  # whether `crmplan` is a command git can run
    lock_ignored: bool  # whether git ignores the lock file beside the plan
    ignore_file: Path  # where `git-setup` names it
    lock_pattern: str  # how it names it there

    @property
    def complete(self) -> bool:
        """The driver, the attribute and the ignored lock file are in place (whether git can
        run the driver: `on_path`)."""
        return self.driver == DRIVER and self.attribute == "crmplan" and self.lock_ignored


def state(plan: Path) -> Setup:
    """What git has now for the plan file `plan` (in a git work tree)."""
    plan = Path(plan).resolve()
    top = git.top_level(plan.parent)
    found = git.run(["config", "--get", "merge.crmplan.driver"], top, check=False)
    driver = found.stdout.decode("utf-8").strip() if found.returncode == 0 else None
    relative = plan.relative_to(top.resolve()).as_posix()
    said = git.run(["check-attr", "-z", "merge", "--", relative], top).stdout.split(b"\0")
    value = said[2].decode("utf-8") if len(said) > 2 else "unspecified"
    lock = lock_file(plan).relative_to(top.resolve()).as_posix()
    ignored = git.run(["check-ignore", "-q", "--no-index", "--", lock], top, check=False)
    return Setup(driver, None if value in ("unspecified", "unset") else value,
                 top / ".gitattributes", _pattern(relative), shutil.which("crmplan") is not None,
                 ignored.returncode == 0, top / ".gitignore", _ignore_pattern(lock))


def in_repository(plan: Path) -> None:
    """GitError unless `plan` (which need not exist yet, nor its folder) is in a git work tree."""
    folder = Path(plan).resolve().parent
    while not folder.is_dir() and folder != folder.parent:
        folder = folder.parent
    git.top_level(folder)


def setup(plan: Path) -> tuple[list[str], Setup]:
    """Write what is missing; the things written (`config`, `.gitattributes`), and the state."""
    before = state(plan)
    written = []
    top = before.attributes_file.parent
    if before.driver != DRIVER:
        git.run(["config", "merge.crmplan.name", NAME], top)
        git.run(["config", "merge.crmplan.driver", DRIVER], top)
        written.append("config")
    if before.attribute != "crmplan":
        _append_line(before.attributes_file, f"{before.pattern} {ATTRIBUTE}")
        written.append(".gitattributes")
    if not before.lock_ignored:
        _append_line(before.ignore_file, before.lock_pattern)
        written.append(".gitignore")
    return written, state(plan)


def _pattern(relative: str) -> str:
    """The plan file as a .gitattributes pattern: its name when it is at the top (any file of
    that name), else its path from the top; the characters of a pattern (`[`, `*`, `?`)
    escaped, and quoted as git reads it when it holds a space or a backslash."""
    escaped = "".join("\\" + c if c in "*?[]" else c for c in relative)
    if any(c in escaped for c in ' \t"\\'):
        return '"' + escaped.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return escaped


def _ignore_pattern(relative: str) -> str:
    """The lock file as a .gitignore pattern: anchored at the top (a leading `/`), with the
    characters git would otherwise read as a pattern escaped."""
    escaped = "".join("\\" + c if c in "*?[]\\!#" else c for c in relative)
    if escaped.endswith(" "):
        escaped = escaped[:-1] + "\\ "
    return "/" + escaped


def _append_line(path: Path, line: str) -> None:
    """One line at the end of a text file, in its line endings; the file is created if needed."""
    data = path.read_bytes() if path.exists() else b""
    newline = b"\r\n" if b"\r\n" in data else b"\n"
    if data and not data.endswith(b"\n"):
        data += newline
    path.write_bytes(data + line.encode("utf-8") + newline)
