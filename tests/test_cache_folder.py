"""The cache folder handled as untrusted (issue 13, "The cache"): each reproduction of the
issue is a test here.

- No home folder: the command runs without a cache.

A command answered without a cache says exactly what it says with CRMPLAN_NO_CACHE=1, with
the same exit code.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from typer.testing import CliRunner

from crm_plan import cache
from crm_plan.cli import app

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
