"""The cache of validated plans: the same answer as reading the file, or no answer.

The folder is treated as untrusted (tests/test_cache_folder.py): only crmplan's own entries
are ever removed, a folder others may write to is not used, and no entry, however broken,
can hang, exhaust or fail a command.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from conftest import ROOT, SMALL_PLAN
from typer.testing import CliRunner

from crm_plan import cache, planfile
from crm_plan.cli import app


def load(path: Path) -> planfile.LoadedPlan:
    return planfile.load(planfile.PlanLocation(path, str(path)))


def entries() -> list[Path]:
    folder = cache.directory()
    assert folder is not None
    return sorted(folder.glob("*.json")) if folder.exists() else []


@pytest.mark.parametrize("text", [(ROOT / "workplan.yaml").read_text(encoding="utf-8"),
                                  SMALL_PLAN.replace("status: continuo", "status: x")])
def test_a_cached_plan_equals_a_read_one(plan_file, text: str):
    path = plan_file(text)
    first = load(path)
    assert len(entries()) == 1
    second = load(path)
    assert second.plan == first.plan and second.problems == first.problems
    assert second.text == first.text and second.readable
    assert [a.refs for a in second.plan.activities(archived=True)] == [
        a.refs for a in first.plan.activities(archived=True)]


def test_any_change_of_the_bytes_misses(plan_file):
    path = plan_file()
    load(path)
    path.write_text(SMALL_PLAN.replace("Actividad uno", "Actividad 1"), encoding="utf-8")
    assert next(load(path).plan.activities()).text == "Actividad 1"
    assert len(entries()) == 2


def test_a_change_of_crmplan_itself_misses(plan_file, monkeypatch: pytest.MonkeyPatch):
    path = plan_file()
    load(path)
    monkeypatch.setattr(cache, "_code_fingerprint", lambda: "another version")
    assert cache.load(path.read_bytes(), str(path)) is None


def test_the_code_fingerprint_names_every_module_with_its_size():
    package = ROOT / "crm_plan"
    fingerprint = cache._code_fingerprint()
    assert sorted(part.rsplit(":", 2)[:2] for part in fingerprint.split("|")) == sorted(
        [str(p.relative_to(package)), str(p.stat().st_size)] for p in package.rglob("*.py"))


def test_a_broken_entry_is_ignored_and_replaced(plan_file):
    path = plan_file()
    load(path)
    (entry,) = entries()
    entry.write_text('{"plan": {"document": 3}}', encoding="utf-8")
    assert [a.id for a in load(path).plan.activities()] == ["1.1", "1.2"]
    assert entries() == [entry] and cache.load(path.read_bytes(), str(path)) is not None


def test_a_broken_entry_is_removed(plan_file):
    path = plan_file()
    load(path)
    (entry,) = entries()
    entry.write_text('{"plan": {"document": 3}}', encoding="utf-8")
    assert cache.load(path.read_bytes(), str(path)) is None
    assert entries() == []


def test_an_unwritable_cache_never_fails_a_command(plan_file, monkeypatch, tmp_path: Path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    monkeypatch.setenv("CRMPLAN_CACHE_DIR", str(blocker / "cache"))
    assert not load(plan_file()).has_errors


def test_the_cache_can_be_turned_off(plan_file, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CRMPLAN_NO_CACHE", "1")
    load(plan_file())
    monkeypatch.delenv("CRMPLAN_NO_CACHE")
    assert entries() == []


def test_old_entries_are_pruned(plan_file):
    for n in range(cache.KEEP + 3):
        path = plan_file(SMALL_PLAN.replace("Actividad uno", f"Actividad {n}"))
        load(path)
    assert len(entries()) == cache.KEEP


def test_an_unreadable_file_is_not_cached(plan_file):
    load(plan_file("a: [\n"))
    assert entries() == []


def test_a_change_caches_the_plan_it_wrote(plan_file):
    from typer.testing import CliRunner

    from crm_plan.cli import app

    path = plan_file()
    result = CliRunner().invoke(app, ["archive", "1.1", "--date", "2026-11-28", "-f", str(path)])
    assert result.exit_code == 0
    hit = cache.load(path.read_bytes(), str(path))
    assert hit is not None and "1.1" in {a.id for a in hit[0].activities(archived=True)}


def test_the_language_is_part_of_the_key(plan_file):
    path = str(plan_file(SMALL_PLAN.replace("status: continuo", "status: x")))
    runner = CliRunner()
    english = runner.invoke(app, ["validate", "-f", path])
    spanish = runner.invoke(app, ["--lang", "es", "validate", "-f", path])
    again = runner.invoke(app, ["--lang", "en", "validate", "-f", path])
    assert "'x' is not a status" in english.stdout and "'x' no es un estado" in spanish.stdout
    assert (again.exit_code, again.stdout) == (english.exit_code, english.stdout)
    assert len(entries()) == 2


def test_the_cache_uses_no_private_module():
    """hashlib, not CPython's _blake2; messages.language(), not a translated sentence."""
    tree = ast.parse((ROOT / "crm_plan" / "cache.py").read_text(encoding="utf-8"))
    modules = {alias.name for node in ast.walk(tree) if isinstance(node, ast.Import)
               for alias in node.names}
    modules |= {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom)
                and node.module}
    assert "hashlib" in modules
    private = [m for m in modules if any(part.startswith("_") for part in m.split("."))]
    assert private == ["__future__"]
    assert not [node for node in ast.walk(tree) if isinstance(node, ast.Call)
                and isinstance(node.func, ast.Name) and node.func.id == "_"]
