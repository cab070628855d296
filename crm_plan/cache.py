"""A cache of validated plans, so that asking a large plan a question is instant.

Reading and validating a 10,000-activity plan takes seconds; loading its result
from JSON takes a fraction of that. An entry is keyed by a hash of everything the
result depends on: the file's bytes, the name it is reported under, the message
language and crmplan's own code (name, size and time of every module), so a stale
entry cannot be found by construction. Entries are JSON, never pickle; an entry
that cannot be read is ignored; writing one never fails a command.

Where: $CRMPLAN_CACHE_DIR, else $XDG_CACHE_HOME/crmplan, else ~/.cache/crmplan
(%LOCALAPPDATA%\\crmplan on Windows). CRMPLAN_NO_CACHE=1 turns it off.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import hashlib
import json
import os
import tempfile
from dataclasses import fields, is_dataclass
from pathlib import Path

from crm_plan.messages import _
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

FORMAT = 1
KEEP = 16  # entries kept; older ones are removed when a new one is written


def directory() -> Path | None:
    if os.environ.get("CRMPLAN_NO_CACHE"):
        return None
    if explicit := os.environ.get("CRMPLAN_CACHE_DIR"):
        return Path(explicit)
    if os.name == "nt" and (local := os.environ.get("LOCALAPPDATA")):
        return Path(local) / "crmplan"
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
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
    with contextlib.suppress(OSError, ValueError, TypeError):
        folder.mkdir(parents=True, exist_ok=True)
        text = json.dumps(entry, ensure_ascii=False, default=_plain)  # dumps: the C encoder
        fd, temporary = tempfile.mkstemp(dir=folder, suffix=".tmp")
        with os.fdopen(fd, "w", encoding="utf-8") as out:
            out.write(text)
        os.replace(temporary, folder / f"{_key(data, display)}.json")
        _prune(folder)


def _key(data: bytes, display: str) -> str:
    digest = hashlib.sha256()
    for part in (str(FORMAT), display, _("the plan file"), _code_fingerprint()):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(data)
    return digest.hexdigest()


@functools.cache  # the modules of a running crmplan do not change under it
def _code_fingerprint() -> str:
    package = Path(__file__).parent
    parts = []
    for module in sorted(package.rglob("*.py")):
        stat = module.stat()
        parts.append(f"{module.relative_to(package)}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)


def _prune(folder: Path) -> None:
    entries = sorted(folder.glob("*.json"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in entries[KEEP:]:
        old.unlink()
    for stale in folder.glob("*.tmp"):
        if stale.stat().st_mtime < dt.datetime.now().timestamp() - 3600:
            stale.unlink()


def _plain(value: object) -> object:
    """What JSON cannot write itself: the model's dataclasses (one level at a time, so
    the C encoder does the rest) and dates."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if is_dataclass(value):
        return {f.name: getattr(value, f.name) for f in fields(value)}
    raise TypeError(type(value).__name__)


def _date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


def _plan(data: dict) -> Plan:  # type: ignore[type-arg]
    document = data["document"]
    return Plan(
        document=Document(**{**document, "updated": _date(document["updated"]),
                             "legend": tuple(document["legend"])}),
        actors={k: Actor(a["key"], a["name"], tuple(a["members"]))
                for k, a in data["actors"].items()},
        areas=data["areas"],
        sections={k: Section(**s) for k, s in data["sections"].items()},
        objectives=tuple(_objective(o) for o in data["objectives"]),
        history=tuple(_objective(o) for o in data["history"]),
    )


def _objective(data: dict) -> Objective:  # type: ignore[type-arg]
    return Objective(**{**data, "activities": tuple(_activity(a) for a in data["activities"])})


def _activity(data: dict) -> Activity:  # type: ignore[type-arg]
    due = data["due"]
    return Activity(**{
        **data,
        "status": Status(data["status"]),
        "refs": tuple(Ref(**r) for r in data["refs"]),
        "responsible": tuple(data["responsible"]),
        "coordination": tuple(data["coordination"]),
        "support": tuple(data["support"]),
        "due": Due(**due) if due else None,
        "outcomes": tuple(Outcome(o["text"], tuple(Ref(**r) for r in o["refs"]))
                          for o in data["outcomes"]),
        "archived_on": _date(data["archived_on"]),
    })


def _problem(data: dict) -> Problem:  # type: ignore[type-arg]
    return Problem(data["path"], data["line"], data["column"], Severity(data["severity"]),
                   data["code"], data["message"])
