"""A cache of validated plans, so that asking a large plan a question is instant.

Reading and validating a 10,000-activity plan takes seconds; loading its result
from JSON takes a fraction of that. An entry is keyed by a hash of everything the
result depends on: the file's bytes, the name it is reported under, the message
language and crmplan's own code (name, size and time of every module), so a stale
entry cannot be found by construction. Entries are JSON, never pickle; writing one
never fails a command.

Where: $CRMPLAN_CACHE_DIR, else the user's cache folder as platformdirs knows it for
each system: $XDG_CACHE_HOME/crmplan or ~/.cache/crmplan on Linux, ~/Library/Caches/crmplan
on macOS, %LOCALAPPDATA%\\crmplan\\Cache on Windows. CRMPLAN_NO_CACHE=1 turns it off, and
so does having no such place (no home folder).

The folder may be one the user keeps other files in, and it is read by every command,
so it is handled as untrusted:
- it is created 0700, and one that others may write to (group or world) or that belongs
  to someone else is not used at all, silently, as ssh ignores a bad ~/.ssh;
- entries are named crmplan-<hash>.json and start with a format marker; clean-up removes
  only files with both, never anything else in the folder;
- an entry is opened without following a link, and read only if it is a regular file of
  at most LIMIT bytes (O_NONBLOCK, so that a FIFO cannot block the open); one whose bytes
  are not exactly those crmplan wrote (its header holds their BLAKE2 digest) is a miss,
  and is removed;
- crmplan's entries together take at most LIMIT bytes (32 MB) and are at most KEEP: the
  oldest go first.
On POSIX every name is opened relative to the folder checked (dir_fd), so that the
folder used is the folder checked even if its path is changed meanwhile.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import functools
import json
import os
import re
import stat
import time
from collections.abc import Callable, Iterator, Mapping
from enum import Enum
from pathlib import Path
from types import MappingProxyType, UnionType
from typing import Any, get_args, get_origin

from crm_plan import messages
from crm_plan.model import Plan
from crm_plan.problems import Problem, Severity

FORMAT = 3  # 2: the model's records as arrays; 3: a header line with a marker and a digest
# An entry is two lines of JSON: a header, {"crmplan-cache": FORMAT, "blake2b": "<digest of
# the second line>"}, then {"plan": [...], "problems": [...]}. json.dumps writes no newline.
MARKER = "crmplan-cache"
_MARKED = b'{"' + MARKER.encode() + b'": '  # how an entry of any format starts
_ENTRY = r"crmplan-[0-9a-f]{64}\.json"  # patterns compiled only when the folder is cleaned
_TEMPORARY = r"crmplan-[0-9a-f]{64}\.[0-9a-f]{16}\.tmp"
KEEP = 16  # entries kept; older ones are removed when a new one is written
LIMIT = 32 * 1024 * 1024  # bytes: the whole cache, and so the largest entry
STALE = 3600  # seconds after which a temporary file is an interrupted write's leftover

# O_BINARY: Windows only (no newline translation); O_NOFOLLOW, O_NONBLOCK: POSIX only.
_FLAG = {name: getattr(os, name, 0) for name in ("O_NOFOLLOW", "O_NONBLOCK", "O_BINARY",
                                                   "O_CLOEXEC", "O_DIRECTORY")}
_READ = os.O_RDONLY | _FLAG["O_NOFOLLOW"] | _FLAG["O_NONBLOCK"] | _FLAG["O_BINARY"] \
    | _FLAG["O_CLOEXEC"]
_CREATE = os.O_WRONLY | os.O_CREAT | os.O_EXCL | _FLAG["O_NOFOLLOW"] | _FLAG["O_BINARY"] \
    | _FLAG["O_CLOEXEC"]
_DIRECTORY = os.O_RDONLY | _FLAG["O_DIRECTORY"] | _FLAG["O_CLOEXEC"]
# POSIX: the folder is opened once and checked, and names are opened relative to it. Windows
# cannot open a folder: paths, and the folder's access rights are those of %LOCALAPPDATA%.
_AT_FOLDER = ({os.open, os.rename, os.unlink, os.stat} <= os.supports_dir_fd
              and os.scandir in os.supports_fd and hasattr(os, "geteuid"))
# What turning an entry into records may raise if it were not crmplan's after all (the
# digest makes it unlikely): json's errors are ValueErrors, a deep nesting a RecursionError.
_ERRORS = (ValueError, LookupError, TypeError, AttributeError, RecursionError)


def directory() -> Path | None:
    """Where the entries are, or None when the cache is off or there is no place for it."""
    if os.environ.get("CRMPLAN_NO_CACHE"):
        return None
    if explicit := os.environ.get("CRMPLAN_CACHE_DIR"):
        return Path(explicit)
    import platformdirs

    try:
        found = platformdirs.user_cache_dir("crmplan", appauthor=False)
    except (RuntimeError, OSError, ValueError):  # no home folder (no HOME, no passwd entry)
        return None
    # An older platformdirs says "~/.cache/crmplan" then, relative to the working folder.
    return Path(found) if os.path.isabs(found) else None


def load(data: bytes, display: str) -> tuple[Plan, list[Problem]] | None:
    """The validated plan of these bytes, if it was cached; None otherwise."""
    with _folder(create=False) as folder:
        if folder is None:
            return None
        name = _name(data, display)
        try:
            entry = _read(folder, name)
        except FileNotFoundError:
            return None
        except OSError:  # a link, a FIFO, a device, a folder, too big: not an entry
            folder.remove(name)
            return None
        try:
            return _records(entry)
        except _ERRORS:  # damaged, or not crmplan's
            folder.remove(name)
            return None


def save(data: bytes, display: str, plan: Plan, problems: list[Problem]) -> None:
    records = {"plan": plan, "problems": [p.as_dict() for p in problems]}
    with _folder(create=True) as folder, contextlib.suppress(OSError, ValueError, TypeError):
        if folder is None:
            return
        text = json.dumps(records, ensure_ascii=False, default=_plain)  # dumps: the C encoder
        payload = text.encode("utf-8")
        entry = _header(payload) + payload
        if len(entry) <= LIMIT:
            folder.write(_name(data, display), entry)
            _prune(folder)


def _header(payload: bytes | memoryview) -> bytes:
    """An entry's first line: the marker, the format and the digest of the records after it."""
    import hashlib

    digest = hashlib.blake2b(payload, digest_size=32).hexdigest()
    return f'{{"{MARKER}": {FORMAT}, "blake2b": "{digest}"}}\n'.encode()


def _records(entry: bytes) -> tuple[Plan, list[Problem]]:
    """The plan and problems of an entry; ValueError unless it is exactly what `save` wrote."""
    end = entry.find(b"\n") + 1
    payload = memoryview(entry)[end:]  # not a copy: an entry may be megabytes
    if not end or entry[:end] != _header(payload):
        raise ValueError("not an entry of this format, or not as it was written")
    records = json.loads(str(payload, "utf-8"))
    if not isinstance(records, dict) or list(records) != ["plan", "problems"]:
        raise ValueError("not the records of a plan")
    return _plan(records["plan"]), [_problem(p) for p in records["problems"]]


def _name(data: bytes, display: str) -> str:
    import hashlib  # in here: it loads OpenSSL (~2.5 ms), paid only when a cache is in use

    digest = hashlib.blake2b(digest_size=32)
    for part in (str(FORMAT), display, messages.language(), _code_fingerprint()):
        digest.update(part.encode("utf-8") + b"\0")
    digest.update(data)
    return f"crmplan-{digest.hexdigest()}.json"


@functools.cache  # the modules of a running crmplan do not change under it
def _code_fingerprint() -> str:
    package = os.path.dirname(__file__)
    parts = []
    for folder, subfolders, files in os.walk(package):  # os.walk: a third of rglob's time
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(f for f in files if f.endswith(".py")):
            path = os.path.join(folder, name)
            info = os.stat(path)
            parts.append(f"{path[len(package) + 1:]}:{info.st_size}:{info.st_mtime_ns}")
    return "|".join(parts)


# -- the folder and its files --


class _Folder:
    """The cache folder once checked: its files are named relative to it."""

    def __init__(self, path: str, fd: int | None) -> None:
        self.path = path
        self.fd = fd  # None: Windows only; names are joined to the path

    def _at(self, name: str) -> str:
        return name if self.fd is not None else os.path.join(self.path, name)

    def open_fd(self, name: str, flags: int) -> int:
        return os.open(self._at(name), flags, 0o600, dir_fd=self.fd)

    def write(self, name: str, data: bytes) -> None:
        """Write a whole entry: under a temporary name, then renamed over `name`."""
        temporary = f"{name[:-len('.json')]}.{os.urandom(8).hex()}.tmp"
        fd = self.open_fd(temporary, _CREATE)
        try:
            with open(fd, "wb") as out:
                out.write(data)
            os.replace(self._at(temporary), self._at(name), src_dir_fd=self.fd,
                       dst_dir_fd=self.fd)
        except BaseException:
            self.remove(temporary)
            raise

    def remove(self, name: str) -> None:
        with contextlib.suppress(OSError):  # gone already, or a folder: nothing to do
            os.unlink(self._at(name), dir_fd=self.fd)

    def files(self) -> Iterator[tuple[str, os.stat_result]]:
        """The names of the folder with what lstat says of them."""
        with os.scandir(self.fd if self.fd is not None else self.path) as found:
            for entry in found:
                with contextlib.suppress(OSError):  # removed meanwhile
                    yield entry.name, entry.stat(follow_symlinks=False)


@contextlib.contextmanager
def _folder(create: bool) -> Iterator[_Folder | None]:
    """The cache folder if there is a usable one (created if asked), else None."""
    path = directory()
    if path is None:
        yield None
        return
    if create:
        with contextlib.suppress(OSError):
            os.makedirs(path, mode=0o700, exist_ok=True)
    if not _AT_FOLDER:  # Windows only: a folder cannot be opened there, names go by path
        yield _Folder(str(path), None)
        return
    try:
        fd = os.open(path, _DIRECTORY)
    except OSError:
        yield None
        return
    try:
        private = _private(os.fstat(fd))
    except OSError:
        private = False
    try:
        yield _Folder(str(path), fd) if private else None
    finally:
        os.close(fd)


def _private(folder: os.stat_result) -> bool:
    """A folder of the user's own that nobody else may write to."""
    return (stat.S_ISDIR(folder.st_mode) and folder.st_uid == os.geteuid()
            and not folder.st_mode & (stat.S_IWGRP | stat.S_IWOTH))


def _read(folder: _Folder, name: str, head: int | None = None) -> bytes:
    """A regular file of at most LIMIT bytes (its first `head` bytes if given), never
    through a link; OSError otherwise."""
    with open(folder.open_fd(name, _READ), "rb") as stream:
        found = os.fstat(stream.fileno())
        if not stat.S_ISREG(found.st_mode):
            raise OSError(f"{name}: not a regular file")
        if found.st_size > LIMIT:
            raise OSError(f"{name}: {found.st_size} bytes")
        if head is not None:
            return stream.read(head)
        data = stream.read(found.st_size + 1)
    if len(data) != found.st_size:  # written to meanwhile: crmplan only renames whole entries
        raise OSError(f"{name}: changed while read")
    return data


def _prune(folder: _Folder) -> None:
    """Remove crmplan's oldest entries beyond KEEP or LIMIT, and its stale temporary files."""
    entries = []
    for name, found in folder.files():
        if not stat.S_ISREG(found.st_mode):
            continue
        if re.fullmatch(_ENTRY, name) and _marked(folder, name):
            entries.append((found.st_mtime, found.st_size, name))
        elif re.fullmatch(_TEMPORARY, name) and found.st_mtime < time.time() - STALE \
                and _marked(folder, name):
            folder.remove(name)
    total = 0
    for count, (_mtime, size, name) in enumerate(sorted(entries, reverse=True)):
        total += size
        if count >= KEEP or total > LIMIT:
            folder.remove(name)


def _marked(folder: _Folder, name: str) -> bool:
    """Whether the file starts as crmplan writes an entry (any format)."""
    try:
        return _read(folder, name, head=len(_MARKED)) == _MARKED
    except OSError:
        return False


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
