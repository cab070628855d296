"""A cache of validated plans, so that asking a large plan a question is instant.

Reading and validating a 10,000-activity plan takes seconds; loading its result
from JSON takes a fraction of that. An entry is keyed by a hash of everything the
result depends on: the file's bytes, the name it is reported under, the message
language and crmplan's own code (name, size and time of every module), so a stale
entry cannot be found by construction. Entries are JSON, never pickle; an entry
that cannot be read is ignored; writing one never fails a command.

Where: $CRMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/crmplan, else ~/.cache/crmplan
(%LOCALAPPDATA%\\crmplan on Windows). CRMPLAN_NO_CACHE=1 turns it off, and so does
having no such place (no home folder).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
from pathlib import Path
from types import MappingProxyType

from crm_plan import messages
from crm_plan.model import (
    Activity,
    Actor,
    Document,
    Due,
    Objective,
    Outcome,
    Plan,
    Ref,
    Section,
    Status,
)
from crm_plan.problems import Problem, Severity

FORMAT = 2  # 2: the model's records as arrays
KEEP = 16  # entries kept; older ones are removed when a new one is written


def directory() -> Path | None:
    """Where the entries are, or None when the cache is off or there is no place for it."""
    if os.environ.get("CRMPLAN_NO_CACHE"):
        return None
    if explicit := os.environ.get("CRMPLAN_CACHE_DIR"):
        return Path(explicit)
    if os.name == "nt" and (local := os.environ.get("LOCALAPPDATA")):
        return Path(local) / "crmplan"
    base = os.environ.get("XDG_CACHE_HOME", "")
    if not os.path.isabs(base):  # the XDG rule: a relative path is ignored
        home = os.path.expanduser("~")  # "~" again: no HOME and no passwd entry
        if not os.path.isabs(home):
            return None
        base = os.path.join(home, ".cache")
    return Path(base) / "crmplan"


def load(data: bytes, display: str) -> tuple[Plan, list[Problem]] | None:
    """The validated plan of these bytes, if it was cached; None otherwise."""
    folder = directory()
    if folder is None:
        return None
    try:
        entry = json.loads((folder / f"{_key(data, display)}.json").read_text(encoding="utf-8"))
        return _plan(entry["plan"]), [_problem(p) for p in entry["problems"]]
    except (OSError, ValueError, KeyError, TypeError):
        return None


def save(data: bytes, display: str, plan: Plan, problems: list[Problem]) -> None:
    folder = directory()
    if folder is None:
        return
    entry = {"plan": plan, "problems": [p.as_dict() for p in problems]}
    import tempfile  # only when an entry is written

    with contextlib.suppress(OSError, ValueError, TypeError):
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(entry, ensure_ascii=False, default=_plain)  # dumps: the C encoder
        fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, folder / f"{_key(data, display)}.json")
        _prune(folder)


def _key(data: bytes, display: str) -> str:
    import hashlib  # in here: it loads OpenSSL (~2.5 ms), paid only when a cache is in use

    digest = hashlib.blake2b(digest_size=32)
    for part in (str(FORMAT), display, messages.language(), _code_fingerprint()):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


@functools.cache  # the modules of a running crmplan do not change under it
def _code_fingerprint() -> str:
    package = os.path.dirname(__file__)
    parts = []
    for folder, subfolders, files in os.walk(package):  # os.walk: a third of rglob's time
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            path = os.path.join(folder, name)
            stat = os.stat(path)
            parts.append(f"{path[len(package) + 1:]}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink()
    for stale in folder.glob("*.tmp"):
        if stale.stat().st_mtime < dt.datetime.now().timestamp() - 3600:
            stale.unlink()


def _plain(value: object) -> object:
    """What JSON cannot write itself: dates and the empty plan's read-only mappings. (The
    model's records are named tuples, which the C encoder writes as arrays.)"""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, MappingProxyType):
        return dict(value)
    raise TypeError(type(value).__name__)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _plan(data: list) -> Plan:  # type: ignore[type-arg]
    """The plan back from the arrays `save` wrote, field by field in the model's order."""
    document, actors, areas, sections, objectives, history = data
    return Plan(
        Document._make((*document[:3], _date(document[3]), document[4], tuple(document[5]),
                        document[6])),
        {k: Actor(key, name, tuple(members)) for k, (key, name, members) in actors.items()},
        areas,
        {k: Section._make(s) for k, s in sections.items()},
        tuple(map(_objective, objectives)),
        tuple(map(_objective, history)),
    )


def _objective(data: list) -> Objective:  # type: ignore[type-arg]
    id_, section, title, activities, *rest = data
    return Objective(id_, section, title, tuple(map(_activity, activities)), *rest)


def _refs(data: list) -> tuple[Ref, ...]:  # type: ignore[type-arg]
    return tuple(map(Ref._make, data))


def _activity(data: list) -> Activity:  # type: ignore[type-arg]
    (id_, objective, section, text, status, refs, responsible, coordination, support,
     responsible_note, due, status_note, note, action_plan, outcomes, archived, archived_on,
     origin, line) = data
    return Activity(
        id_, objective, section, text, Status(status), _refs(refs), tuple(responsible),
        tuple(coordination), tuple(support), responsible_note, Due._make(due) if due else None,
        status_note, note, action_plan,
        tuple(Outcome(text, _refs(refs)) for text, refs in outcomes),
        archived, _date(archived_on), origin, line)


def _problem(data: dict) -> Problem:  # type: ignore[type-arg]
    return Problem(data["path"], data["line"], data["column"], Severity(data["severity"]),
                   data["code"], data["message"])
