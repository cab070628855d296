"""The cache folder handled as untrusted (issue 13, "The cache"): each reproduction of the
issue is a test here.

- Clean-up removes only crmplan's own entries (name and marker), never a user's files.
- The folder is created 0700; one others may write to, or someone else's, is not used.
- An entry that is not exactly what crmplan wrote is ignored and removed; a link, a FIFO, a
  device or an oversized file in its place is never followed, waited for or read.
- No home folder: the command runs without a cache.
- The whole cache is bounded: at most cache.LIMIT bytes, the oldest entries out first.

A command answered through a broken or refused cache says exactly what it says without a
cache (CRMPLAN_NO_CACHE=1), with the same exit code.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from conftest import SMALL_PLAN
from typer.testing import CliRunner

from crm_plan import cache, planfile
from crm_plan.cli import app
from crm_plan.problems import Problem, Severity

posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX modes, owners, FIFOs and links")
runner = CliRunner()
Outcome = tuple[int, str, str]  # exit code, stdout, stderr


def run(*args: str) -> Outcome:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def uncached(monkeypatch: pytest.MonkeyPatch, *args: str) -> Outcome:
    with monkeypatch.context() as patch:
        patch.setenv("CRMPLAN_NO_CACHE", "1")
        return run(*args)


def crmplan(*args: str, before: Callable[[], None] | None = None) -> Outcome:
    """crmplan in its own process (`before` runs in it first); a hang ends the test after a
    minute, not the run."""
    done = subprocess.run([sys.executable, "-m", "crm_plan", *args], check=False,
                          capture_output=True, text=True, timeout=60, preexec_fn=before)
    return done.returncode, done.stdout, done.stderr


def folder() -> Path:
    found = cache.directory()
    assert found is not None
    return found


def entries() -> list[Path]:
    return sorted(folder().glob("*.json")) if folder().exists() else []


def cached(path: Path) -> Path:
    """Validate `path` once, so that it has an entry; that entry."""
    before = set(entries())
    planfile.load(planfile.PlanLocation(path, str(path)))
    (entry,) = set(entries()) - before
    return entry


def is_a_good_entry_of(path: Path) -> bool:
    return cache.load(path.read_bytes(), str(path)) is not None


# -- clean-up: only what crmplan wrote --


def test_clean_up_removes_only_what_crmplan_wrote(plan_file):
    """The issue: every *.json of the folder but the 16 newest was deleted, the user's too."""
    two_hours_ago = time.time() - 7200
    hex64, hex16 = "0" * 64, "0" * 16
    users = {f"report-{n:02d}.json": b'{"mine": true}' for n in range(20)}
    users |= {
        "crmplan-notes.json": b'{"crmplan-cache": 3}',  # the marker, not crmplan's name
        f"crmplan-{hex64}.json": b'{"mine": true}',  # crmplan's name, not its marker
        "draft.tmp": b"half a letter",
        f"crmplan-{hex64}.{hex16}.tmp": b"not crmplan's either",
    }
    for name, data in users.items():
        (folder() / name).write_bytes(data)
        os.utime(folder() / name, (two_hours_ago, two_hours_ago))
    marked = b'{"crmplan-cache": 3, "blake2b": ""}\n{}'
    stale = folder() / f"crmplan-{hex64}.{'1' * 16}.tmp"
    fresh = folder() / f"crmplan-{hex64}.{'2' * 16}.tmp"
    stale.write_bytes(marked)
    os.utime(stale, (two_hours_ago, two_hours_ago))
    fresh.write_bytes(marked)  # another crmplan writing it right now

    for n in range(cache.KEEP + 3):
        cached(plan_file(SMALL_PLAN.replace("Actividad uno", f"Actividad {n}")))

    assert {name: (folder() / name).read_bytes() for name in users} == users
    crmplans = [p for p in entries() if p.name not in users]
    assert len(crmplans) == cache.KEEP
    assert not stale.exists() and fresh.exists()


# -- the folder: created private, used only if private --


@posix_only
def test_the_folder_is_created_0700(plan_file, monkeypatch, tmp_path: Path):
    monkeypatch.setenv("CRMPLAN_CACHE_DIR", str(tmp_path / "new" / "crmplan"))
    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    old = os.umask(0o022)  # the usual one, which would make a folder 0755
    try:
        assert run("validate", "-f", str(path)) == expected
    finally:
        os.umask(old)
    assert (folder().stat().st_mode & 0o7777, len(entries())) == (0o700, 1)


def planted(path: Path) -> None:
    """An entry for `path` that lies: a problem the file does not have."""
    loaded = planfile.load(planfile.PlanLocation(path, str(path)))
    lie = Problem(str(path), 1, 1, Severity.ERROR, "planted", "a problem someone planted")
    cache.save(path.read_bytes(), str(path), loaded.plan, [lie])


@posix_only
def test_a_planted_entry_is_believed_in_a_private_folder(plan_file):
    """The control of the next tests: the planted entry is an entry like any other."""
    path = plan_file()
    planted(path)
    code, out, _err = run("validate", "-f", str(path))
    assert code == 1 and "a problem someone planted [planted]" in out


@posix_only
@pytest.mark.parametrize("mode", [0o770, 0o777, 0o1777, 0o702], ids=oct)
def test_a_folder_others_may_write_to_is_not_used(plan_file, monkeypatch, mode: int):
    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    planted(path)
    before = sorted(p.name for p in folder().iterdir())
    folder().chmod(mode)
    assert run("validate", "-f", str(path)) == expected == (0, expected[1], "")
    assert sorted(p.name for p in folder().iterdir()) == before  # nothing written either


@posix_only
def test_a_folder_of_someone_else_is_not_used(plan_file, monkeypatch):
    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    planted(path)
    before = sorted(p.name for p in folder().iterdir())
    me = os.geteuid()
    monkeypatch.setattr(os, "geteuid", lambda: me + 1)  # as if the folder were someone else's
    assert run("validate", "-f", str(path)) == expected
    assert sorted(p.name for p in folder().iterdir()) == before


@posix_only
@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0, reason="chown needs root")
def test_a_folder_chowned_to_someone_else_is_not_used(plan_file, monkeypatch):
    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    planted(path)
    os.chown(folder(), 65534, 65534)
    assert crmplan("validate", "-f", str(path)) == expected


# -- entries: exactly what crmplan wrote, or nothing --


def _records_line(change: Callable[[Any], None]) -> Callable[[str], str]:
    """Change the records (the entry's last line) and write them back as valid JSON."""

    def rewrite(text: str) -> str:
        *header, records = text.split("\n")
        data = json.loads(records)
        change(data)
        return "\n".join([*header, json.dumps(data, ensure_ascii=False)])

    return rewrite


def _set(*where_and_value: Any) -> Callable[[Any], None]:
    """Set the value at a path of keys and indexes, e.g. _set("plan", 1, [])."""
    *where, value = where_and_value

    def change(data: Any) -> None:
        for key in where[:-1]:
            data = data[key]
        data[where[-1]] = value

    return change


BROKEN = {
    # The reproduction: valid JSON of the wrong shape gave "internal error" every run.
    "actors as a list": _records_line(_set("plan", 1, [])),
    "an activity id as a number": _records_line(_set("plan", 4, 0, 3, 0, 0, 5)),
    "a status that is not one": _records_line(_set("plan", 4, 0, 3, 0, 4, "hecho")),
    "another JSON": lambda text: '{"plan": {"document": 3}}',
    "half an entry": lambda text: text[: len(text) // 2],
    "not UTF-8": lambda text: text.replace("Actividad uno", "Actividad \udcff"),
}


@pytest.mark.parametrize("command", [["validate"], ["list"], ["show", "1.1"]])
@pytest.mark.parametrize("damage", sorted(BROKEN))
def test_an_entry_not_as_crmplan_wrote_it_is_ignored_and_removed(
        plan_file, monkeypatch, damage: str, command: list[str]):
    path = plan_file()
    expected = uncached(monkeypatch, *command, "-f", str(path))
    entry = cached(path)
    text = entry.read_text(encoding="utf-8")
    entry.write_bytes(BROKEN[damage](text).encode("utf-8", "surrogateescape"))
    assert run(*command, "-f", str(path)) == expected
    assert entries() == [entry] and is_a_good_entry_of(path)  # rewritten, as crmplan writes it


@posix_only
def test_a_fifo_in_place_of_an_entry_is_not_waited_for(plan_file, monkeypatch):
    """The issue: a FIFO in place of an entry hung every command for ever."""
    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    entry = cached(path)
    entry.unlink()
    os.mkfifo(entry)
    assert crmplan("validate", "-f", str(path)) == expected
    assert entry.is_file() and is_a_good_entry_of(path)


def _two_gigabytes_at_most() -> None:
    import contextlib
    import resource

    with contextlib.suppress(ValueError, OSError):  # refused (macOS may): run without it
        resource.setrlimit(resource.RLIMIT_AS, (2 * 1024**3, 2 * 1024**3))


@posix_only
@pytest.mark.skipif(not Path("/dev/zero").exists(), reason="no /dev/zero here")
def test_an_entry_linked_to_dev_zero_is_not_read(plan_file, monkeypatch):
    """The issue: an entry linked to /dev/zero used 4.9 GB (here: at most 2, then fails)."""
    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    entry = cached(path)
    entry.unlink()
    entry.symlink_to("/dev/zero")
    assert crmplan("validate", "-f", str(path), before=_two_gigabytes_at_most) == expected
    assert not entry.is_symlink() and is_a_good_entry_of(path)


@posix_only
def test_a_link_to_a_good_entry_is_not_followed(plan_file, tmp_path: Path):
    path = plan_file()
    entry = cached(path)
    elsewhere = tmp_path / "elsewhere.json"
    entry.rename(elsewhere)
    kept = elsewhere.read_bytes()
    entry.symlink_to(elsewhere)
    assert cache.load(path.read_bytes(), str(path)) is None
    assert not entry.is_symlink() and not entry.exists()  # the link is gone,
    assert elsewhere.read_bytes() == kept  # what it pointed at is not touched


def test_an_entry_larger_than_the_cache_is_not_read(plan_file, monkeypatch):
    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    entry = cached(path)
    os.truncate(entry, cache.LIMIT + 1)  # sparse: no disk used
    assert run("validate", "-f", str(path)) == expected
    assert entry.stat().st_size < 1024 * 1024 and is_a_good_entry_of(path)


# -- no place for a cache --


@posix_only
def test_no_home_folder_runs_without_a_cache(plan_file, monkeypatch, tmp_path: Path):
    """The issue: HOME unset and no passwd entry gave "internal error (RuntimeError: Could
    not determine home directory.)" on every command."""
    import pwd

    path = plan_file()
    expected = uncached(monkeypatch, "validate", "-f", str(path))
    for name in ("HOME", "CRMPLAN_CACHE_DIR", "XDG_CACHE_HOME"):
        monkeypatch.delenv(name, raising=False)

    def no_such_user(uid: int) -> pwd.struct_passwd:
        raise KeyError(f"getpwuid(): uid not found: {uid}")

    monkeypatch.setattr(pwd, "getpwuid", no_such_user)
    monkeypatch.chdir(tmp_path)
    before = sorted(tmp_path.rglob("*"))
    assert cache.directory() is None
    assert run("validate", "-f", str(path)) == expected
    assert sorted(tmp_path.rglob("*")) == before  # nothing written here instead


@posix_only
def test_a_relative_xdg_cache_home_is_ignored(monkeypatch, tmp_path: Path):
    """As the XDG specification says; otherwise the cache would follow the working folder."""
    monkeypatch.delenv("CRMPLAN_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setenv("XDG_CACHE_HOME", "relative/cache")
    assert cache.directory() == tmp_path / ".cache" / "crmplan"
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert cache.directory() == tmp_path / "xdg" / "crmplan"


# -- size: bounded, the oldest out first --


def test_the_cache_holds_at_most_its_limit_oldest_out_first(plan_file, monkeypatch):
    """The issue: 16 entries of ~9 MB each for a 10k plan made 150 MB. Here the limit is made
    room for three small entries; the default is 32 MB."""
    assert cache.LIMIT == 32 * 1024 * 1024
    long_ago = time.time() - 1000
    written: list[Path] = []
    for n in range(6):
        written.append(cached(plan_file(SMALL_PLAN.replace("Actividad uno", f"Actividad {n:03d}"))))
        os.utime(written[-1], (long_ago + n, long_ago + n))  # a clear order, whatever the clock
        if n == 0:
            monkeypatch.setattr(cache, "LIMIT", written[0].stat().st_size * 7 // 2)  # room: 3
    assert entries() == sorted(written[-3:])
    assert sum(p.stat().st_size for p in entries()) <= cache.LIMIT


def test_an_entry_larger_than_the_cache_is_not_written(plan_file, monkeypatch):
    monkeypatch.setattr(cache, "LIMIT", 1000)
    path = plan_file()
    assert run("validate", "-f", str(path)) == uncached(monkeypatch, "validate", "-f", str(path))
    assert list(folder().iterdir()) == []  # no entry, no temporary file


# -- where a folder cannot be opened (Windows): the same, by paths --


def test_by_paths_the_cache_answers_and_cleans_up_only_its_own(plan_file, monkeypatch):
    monkeypatch.setattr(cache, "_AT_FOLDER", False)  # as on Windows
    folder().mkdir(exist_ok=True)
    (folder() / "notes.json").write_text("{}")
    path = plan_file()
    entry = cached(path)
    assert is_a_good_entry_of(path)
    entry.write_text('{"plan": {"document": 3}}', encoding="utf-8")
    assert not is_a_good_entry_of(path) and not entry.exists()
    for n in range(cache.KEEP + 1):
        cached(plan_file(SMALL_PLAN.replace("Actividad uno", f"Actividad {n}")))
    assert len(entries()) == cache.KEEP + 1  # theirs, and notes.json
    assert (folder() / "notes.json").read_text() == "{}"


# -- the user's cache folder of each system: platformdirs --


@posix_only  # Windows finds the home folder by USERPROFILE, not HOME
def test_on_macos_the_cache_is_in_library_caches(monkeypatch, tmp_path: Path):
    """platformdirs' answer for macOS, asked here: ~/Library/Caches/crmplan."""
    import platformdirs
    from platformdirs.macos import MacOS

    monkeypatch.delenv("CRMPLAN_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path))
    monkeypatch.setattr(platformdirs, "PlatformDirs", MacOS)
    assert cache.directory() == tmp_path / "Library" / "Caches" / "crmplan"


@pytest.mark.skipif(sys.platform != "darwin", reason="macOS: its own cache folder")
def test_the_cache_folder_of_macos(monkeypatch):
    monkeypatch.delenv("CRMPLAN_CACHE_DIR")
    assert cache.directory() == Path.home() / "Library" / "Caches" / "crmplan"


@pytest.mark.skipif(sys.platform != "win32", reason="Windows: its own cache folder")
def test_the_cache_folder_of_windows(monkeypatch):
    monkeypatch.delenv("CRMPLAN_CACHE_DIR")
    local = Path(os.environ["LOCALAPPDATA"])  # what Windows' known folder says, on a CI runner
    assert cache.directory() == local / "crmplan" / "Cache"


def test_crmplan_cache_dir_and_no_cache_come_first(monkeypatch, tmp_path: Path):
    import platformdirs

    def not_asked(*args: object, **kwargs: object) -> str:
        raise AssertionError("platformdirs asked")

    monkeypatch.setattr(platformdirs, "user_cache_dir", not_asked)
    monkeypatch.setenv("CRMPLAN_CACHE_DIR", str(tmp_path / "mine"))
    assert cache.directory() == tmp_path / "mine"
    monkeypatch.setenv("CRMPLAN_NO_CACHE", "1")
    assert cache.directory() is None
