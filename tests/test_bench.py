"""The benchmark's own tools: the synthetic plans of bench/generate.py are deterministic,
valid and shaped like the shipped plan, and bench/run.py reads an archive's diff right.

(The timings themselves belong to `python bench/run.py`, never to a test.)
"""

from __future__ import annotations

import datetime as dt
import sys
from collections import Counter

import pytest
from conftest import ROOT

from crm_plan.edit import archive
from crm_plan.model import Status
from crm_plan.source import from_bytes
from crm_plan.validate import validate

sys.path.insert(0, str(ROOT / "bench"))
import generate  # noqa: E402
import run  # noqa: E402

ON = dt.date(2026, 11, 28)


def load(text: str):
    plan, problems = validate(from_bytes(text.encode("utf-8"), "plan.yaml"))
    return plan, [str(p) for p in problems]


def test_the_same_seed_gives_the_same_bytes_and_another_seed_another_plan():
    assert generate.generate(200, seed=7) == generate.generate(200, seed=7)
    assert generate.generate(200, seed=7) != generate.generate(200, seed=8)
    assert generate.generate(200, seed=7, comments=2) == generate.generate(200, seed=7, comments=2)


@pytest.mark.parametrize(("count", "comments"), [(1, 0), (3, 0), (40, 0), (1000, 0), (300, 5)])
def test_a_generated_plan_validates_without_any_problem(count: int, comments: int):
    assert load(generate.generate(count, seed=1, comments=comments))[1] == []


def test_a_generated_plan_has_the_size_asked_and_the_shipped_plans_proportions():
    plan, _problems = load(generate.generate(1200, seed=1))
    active = [a for o in plan.objectives for a in o.activities]
    past = [a for o in plan.history for a in o.activities]
    assert (len(active), len(past)) == (1200, 400)  # a historical part a third of the size
    assert set(Counter(a.status for a in active)) == {
        Status.CONTINUO, Status.POR_DEFINIR, Status.PENDIENTE, Status.PROGRAMADO}
    assert {a.status for a in past} == {Status.COMPLETADO}
    assert all(a.outcomes for a in past)
    assert 2.5 < len(active) / len(plan.objectives) < 4  # about three per objective
    assert sum(bool(a.refs) for a in active) / len(active) > 0.8
    assert {name for a in active for name in a.responsible} >= {"Países miembros", "ST", "OIM"}
    assert len(plan.sections) == 3


def test_comments_are_added_lines_and_nothing_else():
    plain = generate.generate(100, seed=3).splitlines()
    commented = generate.generate(100, seed=3, comments=5).splitlines()
    remaining = iter(commented)
    assert all(line in remaining for line in plain)  # the plain plan, in order, inside it
    extra = Counter(commented) - Counter(plain)
    assert all(line.lstrip().startswith("# ") for line in extra)
    activities = 100 + 100 // 3  # the active plan and its history
    assert sum(extra.values()) == activities * (5 + 1)  # five above each activity, one inside


def test_the_command_line_writes_the_plan_of_the_function(tmp_path):
    generate.main(["--activities", "30", "--seed", "4", "-o", str(tmp_path / "p.yaml")])
    assert (tmp_path / "p.yaml").read_text(encoding="utf-8") == generate.generate(30, seed=4)


def test_an_archive_on_a_generated_plan_changes_only_the_moved_lines():
    """Objective 5 has one activity: it leaves the active plan whole, with its comments, and
    comes back in the history with the activity's date and origin."""
    before = generate.generate(300, seed=1, comments=2)
    after = archive(before, "5.1", ON)
    assert run.changed_lines(before, after) == {"hunks": 2, "out": 13, "in": 15,
                                                "only moved": True}


def test_the_diff_reader_tells_a_moved_item_from_a_changed_one():
    before = "a:\n  - x: 1\n    status: continuo\n  - y: 2\nb:\n"
    moved = "a:\n  - y: 2\nb:\n  - x: 1\n    status: completado\n"
    changed = "a:\n  - x: 3\n    status: continuo\n  - y: 2\nb:\n"
    assert run.changed_lines(before, moved) == {"hunks": 2, "out": 2, "in": 2,
                                                "only moved": True}
    assert run.changed_lines(before, changed) == {"hunks": 1, "out": 1, "in": 1,
                                                  "only moved": False}
    assert run.changed_lines(before, before)["only moved"] is False


def _timing(median: float, **extra: float) -> dict:  # type: ignore[type-arg]
    return {"median": median, "min": median, "max": median, "peak_kb": 2048, **extra}


def test_the_report_reads_each_ratio_from_the_plan_that_measured_it_in_any_order():
    """x floor from the shipped plan's paired runs, comments from 1000c's, peak memory and
    yq from the largest plan, whatever the order of --sizes."""
    def size(scale: float, nbytes: int, **extra: float) -> dict:  # type: ignore[type-arg]
        entries = {name: _timing(0.1 * scale, **extra) for name in run.COMMANDS}
        return {**entries, "bytes": nbytes, "yq": {**_timing(0.5), "peak_kb": 999_999},
                "archive diff": {"hunks": 2, "out": 7, "in": 14, "only moved": True}}

    data = {"floor": _timing(0.1), "sizes": {
        "1000c": size(2, 200_000, ratio=1.01, uncommented=0.2),
        "shipped": size(1, 30_000, ratio=1.2, floor=0.1),
        "1000": size(2, 100_000), "10000": size(10, 3_000_000)}}
    lines = run.report(data).splitlines()
    assert lines[2] == ("command                1000c   shipped      1000     10000"
                        "  x floor  target  10k/1k  comments  x yq (largest)")
    assert lines[3] == ("validate               200ms     100ms     200ms    1000ms"
                        "     1.20     1.3    5.00      1.01            2.00")
    assert lines[-3:] == ["largest plan: 3.00 MB, peak memory of crmplan 2 MB",
                          "archive on it: 7 lines out, 14 in, 2 places: only the moved lines",
                          "yq on it: 500 ms"]
