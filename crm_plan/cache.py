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
import json
import os
from collections.abc import Callable, Mapping
from enum import Enum
from pathlib import Path
from types import MappingProxyType, UnionType
from typing import Any, get_args, get_origin

from crm_plan.messages import _
from crm_plan.model import Plan
from crm_plan.problems import Problem, Severity

try:  # hashlib's own BLAKE2, without the 4-6 ms that loading OpenSSL for `import hashlib` takes
    from _blake2 import blake2b
except ImportError:  # a Python without that module
    from hashlib import blake2b

FORMAT = 2  # 2: the model's records as arrays
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
    digest = blake2b(digest_size=32)
    for part in (str(FORMAT), display, _("the plan file"), _code_fingerprint()):
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


def _plan(data: list) -> Plan:  # type: ignore[type-arg]
    """The plan back from the arrays `save` wrote: each record's fields in the model's order,
    turned back into what the model's annotations say (a tuple, a date, a status, a record)."""
    return _decoder(Plan)(data)  # type: ignore[no-any-return]


@functools.cache
def _decoder(record: Any) -> Callable[[list], Any]:  # type: ignore[type-arg]
    """A function from a record's array to the record, derived from its annotations (the
    model's modules evaluate them): a field added to the model needs nothing here."""
    # The annotations as the class keeps them (typing.get_type_hints would evaluate each again,
    # and inspect.get_annotations costs the import of inspect: 5 ms at every start).
    hints = next(vars(cls)["__annotations__"] for cls in record.__mro__
                 if "__annotations__" in vars(cls))
    steps = [(at, convert) for at, name in enumerate(record._fields)
             if (convert := _converter(hints[name])) is not None]
    make = record._make

    def decode(data: list) -> Any:  # type: ignore[type-arg]
        for at, convert in steps:
            data[at] = convert(data[at])
        return make(data)

    return decode


def _converter(hint: Any) -> Callable[[Any], Any] | None:
    """How a JSON value becomes a field annotated `hint`; None: as it is."""
    if hint is dt.date:
        return dt.date.fromisoformat
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint
    if isinstance(hint, type) and issubclass(hint, tuple) and hasattr(hint, "_fields"):
        return _decoder(hint)
    origin, args = get_origin(hint), get_args(hint)
    if origin is tuple:
        item = _converter(args[0])
        return tuple if item is None else lambda values: tuple(map(item, values))
    if origin is Mapping and (value := _converter(args[1])) is not None:
        return lambda values: {key: value(v) for key, v in values.items()}
    if origin is UnionType and len(args) == 2 and (inner := _converter(args[0])) is not None:
        return lambda v: None if v is None else inner(v)  # X | None
    return None


def _problem(data: dict) -> Problem:  # type: ignore[type-arg]
    return Problem(data["path"], data["line"], data["column"], Severity(data["severity"]),
                   data["code"], data["message"])
