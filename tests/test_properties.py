"""Properties of random valid plans (hypothesis): they load without errors, archive and restore
in any order give back the same bytes, and a change that changes nothing writes nothing.

The plans come from `plangen.py`, written as a person would write them. The normal run uses
a fixed set of examples; `CRMPLAN_FUZZ=1 python -m pytest -q -m fuzz` many random ones.
"""

from __future__ import annotations

import datetime as dt
import json
import os
from pathlib import Path

import pytest
from fuzzing import examples, fuzz
from hypothesis import assume, given
from hypothesis import strategies as st
from plangen import Generated, generated_plans
from typer.testing import CliRunner

from crm_plan import store
from crm_plan.cli import app
from crm_plan.edit import archive, restore
from crm_plan.model import Activity, Plan
from crm_plan.planfile import PlanLocation
from crm_plan.source import from_bytes, read_source
from crm_plan.validate import validate

ON = dt.date(2026, 11, 28)
runner = CliRunner()


@pytest.fixture(scope="module", autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory):
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("CRMPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
        yield


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("plans")


def errors_of(text: str) -> tuple[Plan, list[str]]:
    plan, problems = validate(from_bytes(text.encode("utf-8"), "plan.yaml"))
    return plan, [str(p) for p in problems if p.severity == "error"]


def fields(activity: Activity) -> tuple[object, ...]:
    """What the person wrote about an activity, which archiving must not change."""
    return (activity.text, activity.responsible, activity.coordination, activity.support,
            activity.refs, activity.responsible_note, activity.status_note, activity.note,
            activity.due, activity.action_plan, activity.outcomes, activity.objective)


def choose(data: st.DataObject, generated: Generated, ids: list[str]) -> list[str]:
    """Some active activities, in some order. When the two parts are indented differently,
    one stays: restore cannot know the indentation of an active plan archived entirely."""
    chosen = data.draw(st.lists(st.sampled_from(ids), min_size=1, max_size=len(ids),
                                unique=True), label="archived")
    if generated.part_indents_differ and len(chosen) == len(ids):
        chosen.pop()
        assume(chosen)
    return chosen


@fuzz
@examples(normal=50, fuzzing=300)
@given(generated=generated_plans())
def test_generated_plans_load_without_errors(folder: Path, generated: Generated):
    path = folder / "load.yaml"
    path.write_bytes(generated.text.encode("utf-8"))
    source = read_source(path, "load.yaml")
    _plan, problems = validate(source)
    assert [str(p) for p in problems if p.severity == "error"] == []
    assert (source.bom, source.text) == (generated.layout.bom, generated.text)


@fuzz
@examples(normal=50, fuzzing=300)
@given(generated=generated_plans(), data=st.data())
def test_archive_any_subset_then_restore_in_any_order_is_byte_identical(
        generated: Generated, data: st.DataObject):
    text = generated.text
    plan, errors = errors_of(text)
    assert errors == []
    before = {a.id: a for a in plan.activities(archived=True)}
    chosen = choose(data, generated, [a.id for a in plan.activities()])
    for activity_id in chosen:
        text = archive(text, activity_id, ON)
        plan, errors = errors_of(text)
        assert errors == [], (activity_id, text)
        after = {a.id: a for a in plan.activities(archived=True)}
        assert after.keys() == before.keys()
        assert after[activity_id].archived and after[activity_id].archived_on == ON
        assert fields(after[activity_id]) == fields(before[activity_id])
    for activity_id in data.draw(st.permutations(chosen), label="restored"):
        text = restore(text, activity_id)
        assert errors_of(text)[1] == []
    assert text == generated.text


@fuzz
@examples(normal=15, fuzzing=60)
@given(generated=generated_plans(), data=st.data())
def test_archive_and_restore_through_the_command_line(
        folder: Path, generated: Generated, data: st.DataObject):
    path = folder / "cli.yaml"
    path.write_bytes(generated.text.encode("utf-8"))
    plan = errors_of(generated.text)[0]
    every = sorted(a.id for a in plan.activities(archived=True))
    chosen = choose(data, generated, [a.id for a in plan.activities()])
    result = runner.invoke(app, ["archive", *chosen, "--date", "2026-11-28", "--keep-updated",
                                 "-f", str(path)])
    assert (result.exit_code, result.stderr) == (0, "")
    listed = runner.invoke(app, ["list", "--all", "--format", "json", "-f", str(path)])
    records = json.loads(listed.stdout)
    assert sorted(r["id"] for r in records) == every
    assert sorted(r["id"] for r in records if r["archived"] and r["origin"]) == sorted(chosen)
    order = data.draw(st.permutations(chosen), label="restored")
    result = runner.invoke(app, ["restore", *order, "--keep-updated", "-f", str(path)])
    assert (result.exit_code, result.stderr) == (0, "")
    assert path.read_bytes() == generated.text.encode("utf-8")


@fuzz
@examples(normal=30, fuzzing=100)
@given(generated=generated_plans())
def test_a_change_that_changes_nothing_writes_nothing(folder: Path, generated: Generated):
    path = folder / "same.yaml"
    path.write_bytes(generated.text.encode("utf-8"))
    before = os.stat(path)
    update = store.update(PlanLocation(path, "same.yaml"), lambda plan, source: (source.text, []))
    assert (update.before, update.after, update.diff()) == (generated.text, generated.text, "")
    after = os.stat(path)  # not rewritten: the same inode, not even touched
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert path.read_bytes() == generated.text.encode("utf-8")
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".same")) == [
        ".same.yaml.lock"]


@fuzz
@examples(normal=20, fuzzing=60)
@given(generated=generated_plans(), data=st.data())
def test_archive_dry_run_writes_nothing(folder: Path, generated: Generated, data: st.DataObject):
    path = folder / "dry.yaml"
    path.write_bytes(generated.text.encode("utf-8"))
    before = os.stat(path)
    plan = errors_of(generated.text)[0]
    chosen = choose(data, generated, [a.id for a in plan.activities()])
    result = runner.invoke(app, ["archive", *chosen, "--dry-run", "-f", str(path)])
    assert result.exit_code == 0
    assert result.stdout.startswith(f"--- a/{path}\n+++ b/{path}\n@@ ")
    assert result.stdout.endswith(f"Dry run: {path} was not changed.\n")
    after = os.stat(path)
    assert (after.st_ino, after.st_mtime_ns) == (before.st_ino, before.st_mtime_ns)
    assert path.read_bytes() == generated.text.encode("utf-8")
    assert [p.name for p in folder.iterdir() if p.name.endswith(".tmp")] == []
