"""The bytes of a plan file: reading them, and deciding whether they are UTF-8 text.

Kept apart from `source.py` (the YAML parsing) so that a command answered from the
plan cache reads the file without loading the parser.
"""

from __future__ import annotations

import contextlib
import os
import stat
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

from crm_plan.errors import PlanFileError
from crm_plan.messages import _
from crm_plan.problems import Problem, Severity

MAX_FILE_BYTES = 20 * 1024 * 1024


def read_bytes(path: Path, display: str) -> bytes:
    """The file's bytes; a file that cannot be read at all raises PlanFileError."""
    with _reading(display):
        if path.is_dir():
            raise PlanFileError(_("{path}: is a folder, not a plan file").format(path=display))
        if not path.is_file() and path.exists():  # a pipe or a device (/dev/stdin, /dev/zero)
            with path.open("rb") as stream:
                data = stream.read(MAX_FILE_BYTES + 1)  # never more than a plan may hold
            _check_size(len(data), display)
            return data
        _check_size(path.stat().st_size, display)
        return path.read_bytes()


class Snapshot(NamedTuple):
    """A regular file's bytes and its status as they were read."""

    data: bytes
    status: os.stat_result
    steady: bool  # False when the file changed (or was replaced) while it was being read


def snapshot(path: Path, display: str) -> Snapshot:
    """The bytes of a regular file, with its status before and after the reading compared:
    what `store` compares the file with again before replacing it."""
    with _reading(display):
        before = path.stat()
        if not stat.S_ISREG(before.st_mode):  # replaced by a pipe meanwhile: never block on it
            return Snapshot(b"", before, False)
        _check_size(before.st_size, display)
        data = path.read_bytes()
        after = path.stat()
    _check_size(len(data), display)
    steady = identity(before) == identity(after) and len(data) == after.st_size
    return Snapshot(data, after, steady)


def identity(status: os.stat_result) -> tuple[int, int, int, int]:
    """What tells a file from another and from its earlier versions, short of its bytes."""
    return status.st_dev, status.st_ino, status.st_size, status.st_mtime_ns


@contextlib.contextmanager
def _reading(display: str) -> Iterator[None]:
    """The failures of reading a file, as one sentence each."""
    try:
        yield
    except FileNotFoundError:
        raise PlanFileError(_("{path}: no such file").format(path=display)) from None
    except PermissionError:
        raise PlanFileError(
            _("{path}: you do not have permission to read this file").format(path=display)
        ) from None
    except IsADirectoryError:
        raise PlanFileError(_("{path}: is a folder, not a plan file").format(path=display)
                            ) from None
    except OSError as exc:
        raise PlanFileError(
            _("{path}: cannot be read ({reason})").format(path=display, reason=exc.strerror)
        ) from None


def _check_size(size: int, display: str) -> None:
    if size > MAX_FILE_BYTES:
        raise PlanFileError(
            _("{path}: the file is {size} MB; a plan file may be at most {limit} MB").format(
                path=display, size=-(-size // (1024 * 1024)),  # rounded up: never "20 MB"
                limit=MAX_FILE_BYTES // (1024 * 1024)
            )
        )


def decode(data: bytes, display: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 text, or None and one problem saying in words why the bytes are not."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return None, [_problem(display, 1, 1, "encoding", _(
            "the file is saved as UTF-16; save it as UTF-8 (in Notepad: Save as, Encoding UTF-8)"))]
    nul = data.find(b"\x00")
    if nul >= 0:
        line, col = _byte_position(data, nul)
        return None, [_problem(display, line, col, "encoding", _(
            "the file contains a NUL byte: it looks like a binary file, not a YAML text"))]
    try:
        return data.decode("utf-8"), []
    except UnicodeDecodeError as exc:
        line, col = _byte_position(data, exc.start)
        return None, [_problem(display, line, col, "encoding", _(
            "the file is not UTF-8 text (byte 0x{byte:02x} here); save it with the encoding UTF-8"
        ).format(byte=data[exc.start]))]


def _byte_position(data: bytes, offset: int) -> tuple[int, int]:
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8", errors="replace"))
    return data.count(b"\n", 0, offset) + 1, column + 1



def _problem(path: str, line: int, col: int, code: str, message: str) -> Problem:
    return Problem(path, line, col, Severity.ERROR, code, message)
