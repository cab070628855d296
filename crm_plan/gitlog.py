"""The history of one activity through the git history of the plan file (`crmplan log ID`).

Every commit that changed the file is compared with its parent: what changed in the activity
(matched by id, so that its move into the history part is an archive, not a removal), by which
commit, author and date. A merge commit counts only where its version of the activity is that of
none of its parents (a conflict resolved by hand); else the change is the branch's own commit's.
A version of the file that cannot be read (an unfinished merge committed, broken YAML) is
skipped and named. git is asked twice in all: the list of commits, then every version's bytes
in one `git cat-file --batch`.
"""

from __future__ import annotations

from pathlib import Path
from typing import NamedTuple

from crm_plan import git
from crm_plan.changes import Change, between
from crm_plan.errors import UsageError
from crm_plan.messages import _
from crm_plan.model import Activity
from crm_plan.text import fold

_FIELDS, _RECORDS = "\x1f", "\x1e"
_FORMAT = _FIELDS.join(["%H", "%P", "%an", "%aI", "%s"]) + _RECORDS


class Commit(NamedTuple):
    sha: str
    parents: tuple[str, ...]
    author: str
    date: str  # the author's date, ISO 8601
    subject: str


class Event(NamedTuple):
    commit: Commit
    changes: tuple[Change, ...]


class History(NamedTuple):
    activity_id: str
    path: str  # the plan file, from the top of the work tree
    text: str  # the activity's text in the latest version that has it
    events: tuple[Event, ...]  # oldest first
    unreadable: tuple[Commit, ...]  # commits whose version of the file could not be read


_UNREADABLE = object()


def history(plan: Path, activity_id: str) -> History:
    """Every change of the activity `activity_id` (case and accents ignored) in the git history
    of the file `plan`; the history names it as the plan writes it."""
    top = git.top_level(plan.parent)
    path = plan.resolve().relative_to(top.resolve()).as_posix()
    commits = _commits(top, path)
    if not commits:
        raise UsageError(_("{path} has no history in git yet: commit it first").format(
            path=path))
    blobs = _blobs(top, path, [c.sha for c in commits] + [p for c in commits for p in c.parents])
    walk = _Walk(_Versions(blobs, activity_id))
    for commit in commits:
        walk.step(commit)
    if walk.latest is None:
        raise UsageError(_("no version of {path} in the git history has an activity '{id}'")
                         .format(path=path, id=activity_id))
    return History(walk.latest.id, path, walk.latest.text, tuple(walk.events),
                   tuple(walk.unreadable))


class _Walk:
    """The commits, oldest first, each compared with its parents."""

    def __init__(self, versions: _Versions) -> None:
        self.versions = versions
        self.events: list[Event] = []
        self.unreadable: list[Commit] = []
        self.latest: Activity | None = None
        self._instead: dict[str, object] = {}  # an unreadable version -> the activity before it

    def step(self, commit: Commit) -> None:
        after = self.versions.at(commit.sha)
        before = [self._at(parent) for parent in commit.parents] or [None]
        if after is _UNREADABLE:
            self.unreadable.append(commit)
            self._instead[commit.sha] = before[0]  # the next readable version tells the change
            return
        self.latest = after if isinstance(after, Activity) else self.latest
        if commit.parents and any(_same(b, after) for b in before):
            return  # unchanged, or a merge bringing in a branch's version
        if before[0] is not _UNREADABLE:
            changes = between(before[0], after)  # type: ignore[arg-type]
            if changes:
                self.events.append(Event(commit, tuple(changes)))

    def _at(self, revision: str) -> object:
        if revision in self._instead:
            return self._instead[revision]
        return self.versions.at(revision)


def _commits(top: Path, path: str) -> list[Commit]:
    out = git.run(["log", "--full-history", "--reverse", "--date-order", "--no-color",
                   f"--format={_FORMAT}", "--", path], top).stdout.decode("utf-8", "replace")
    commits = []
    for record in out.split(_RECORDS):
        fields = record.strip("\n").split(_FIELDS)
        if len(fields) == 5:
            sha, parents, author, date, subject = fields
            commits.append(Commit(sha, tuple(parents.split()), author, date, subject))
    return commits


def _blobs(top: Path, path: str, revisions: list[str]) -> dict[str, bytes | None]:
    """The file's bytes in each revision (None where the revision does not have it)."""
    wanted = list(dict.fromkeys(revisions))
    asked = "".join(f"{revision}:{path}\n" for revision in wanted).encode("utf-8")
    out = git.run(["cat-file", "--batch"], top, stdin=asked).stdout
    found: dict[str, bytes | None] = {}
    at = 0
    for revision in wanted:
        end = out.index(b"\n", at)
        header = out[at:end].split()
        at = end + 1
        if len(header) == 3 and header[1] == b"blob":
            size = int(header[2])
            found[revision] = out[at:at + size]
            at += size + 1
        else:  # "<name> missing": the file is not in that revision
            found[revision] = None
    return found


class _Versions:
    """The activity in each revision, each distinct version of the file read once."""

    def __init__(self, blobs: dict[str, bytes | None], activity_id: str) -> None:
        self.blobs, self.wanted = blobs, fold(activity_id)  # as `show` finds it (lookup.py)
        self._read: dict[bytes, object] = {}

    def at(self, revision: str) -> object:
        """The activity (an Activity), None when absent, or _UNREADABLE."""
        data = self.blobs.get(revision)
        if data is None:
            return None
        if data not in self._read:
            self._read[data] = self._activity(data)
        return self._read[data]

    def _activity(self, data: bytes) -> object:
        from crm_plan.source import from_bytes
        from crm_plan.validate import validate

        source = from_bytes(data, "")
        if source.root is None:
            return _UNREADABLE
        plan, _problems = validate(source)
        return next((a for a in plan.activities(archived=True) if fold(a.id) == self.wanted),
                    None)


def _same(before: object, after: object) -> bool:
    if isinstance(before, Activity) and isinstance(after, Activity):
        return before._replace(line=0) == after._replace(line=0)
    return before is after
