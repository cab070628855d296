"""The shipped plan, damaged the ways a file gets damaged: cut short at every line, lines
deleted, doubled, swapped or re-indented, tabs, NUL bytes, bytes that are not UTF-8, very
long lines. Whatever the damage, crmplan answers with the file's name and exit 1, or with
exit 0 when the damage left a valid plan (and then validate says so); never a traceback.

The normal run takes every 10th cut and 100 seeded mutations; the fuzzing run
(CRMPLAN_FUZZ=1 python -m pytest -q -m fuzz) every cut, and 500 more mutations for each
level of CRMPLAN_FUZZ.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT
from fuzzing import FUZZ, fuzz_only
from typer.testing import CliRunner

from crm_plan.cli import app

runner = CliRunner()
SHIPPED = (ROOT / "workplan.yaml").read_bytes()
LINES = SHIPPED.splitlines(keepends=True)
# A second command for each damaged file, after validate: reading, showing, changing.
SECOND = [["list"], ["status"], ["show", "9.3"], ["archive", "9.3", "--dry-run"],
          ["restore", "9.3"], ["list", "--all", "--format", "json"], ["archive", "6.10"],
          ["show", "I.B.1.2", "--format", "json"], ["set", "9.3", "status=pendiente"],
          ["add", "9", "--text", "Nueva actividad", "-r", "OIM"]]


@pytest.fixture(autouse=True)
def no_cache(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setenv("CRMPLAN_NO_CACHE", "1")  # every damaged file is new: nothing to reuse
    monkeypatch.delenv("CRMPLAN_DEBUG", raising=False)


def invoke(*args: str):
    result = runner.invoke(app, list(args))
    output = result.stdout + result.stderr
    assert "Traceback" not in output and "internal error" not in output, output
    assert "please report" not in output, output  # an edit that would break a valid plan
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def answers_sensibly(path: Path, data: bytes, second: list[str]) -> int:
    """Check crmplan's answers about `data`; return validate's exit code."""
    path.write_bytes(data)
    result = invoke("validate", "-f", str(path))
    lines = (result.stdout + result.stderr).splitlines()
    if result.exit_code == 0:
        assert lines[-1].startswith((f"{path}: 0 errors", f"{path}: no problems")), lines
    else:
        assert result.exit_code == 1, lines
        assert lines[0].startswith((f"{path}:", f"crmplan: {path}:")), lines
        assert all(line.startswith((f"{path}:", f"crmplan: {path}:")) for line in lines), lines
        assert lines[0].startswith("crmplan: ") or any(" error: " in line for line in lines)
    after = invoke(*second, "-f", str(path))
    if result.exit_code == 0:  # a valid plan: done, or refused in one sentence (9.3 is not
        assert after.exit_code in (0, 1, 2), (second, after.stdout, after.stderr)  # archived)
        if after.exit_code:
            assert after.stderr.startswith("crmplan: ") and after.stderr.count("\n") == 1
    else:
        assert after.exit_code == 1, (second, after.stdout, after.stderr)
        assert after.stderr.splitlines()[-1].startswith(f"crmplan: {path}"), after.stderr
        if second[0] in ("archive", "restore", "set", "add"):
            assert path.read_bytes() == data
    return result.exit_code


def cuts(step: int) -> list[int]:
    return list(range(0, len(LINES) + 1, step))


def check_cut(tmp_path: Path, at: int) -> None:
    path = tmp_path / "workplan.yaml"
    whole = b"".join(LINES[:at])
    answers_sensibly(path, whole, SECOND[at % len(SECOND)])
    if at < len(LINES) and len(LINES[at]) > 2:  # and in the middle of the next line
        half = whole + LINES[at][: len(LINES[at]) // 2]
        answers_sensibly(path, half, SECOND[(at + 1) % len(SECOND)])


@pytest.mark.parametrize("at", cuts(10))
def test_cut_short(tmp_path: Path, at: int):
    check_cut(tmp_path, at)


@fuzz_only
def test_cut_short_at_every_line(tmp_path: Path):
    for at in cuts(1):
        try:
            check_cut(tmp_path, at)
        except AssertionError as exc:
            raise AssertionError(f"cut at line {at}: {exc}") from None


def test_cut_short_verdicts(tmp_path: Path):
    """Known answers: cut inside the header comment, the actors, an activity; or cut whole."""
    path = tmp_path / "workplan.yaml"
    assert answers_sensibly(path, SHIPPED, ["list"]) == 0
    for at, first in [(0, "1:1: error: the file is empty"),
                      (30, "1:1: error: the file is empty"),
                      (57, "50:1: error: the plan file has no 'actors'"),
                      (199, "198:9: error: an activity has no 'responsible'")]:
        assert answers_sensibly(path, b"".join(LINES[:at]), ["list"]) == 1
        assert invoke("validate", "-f", str(path)).stdout.startswith(f"{path}:{first}")


def _line(rng: random.Random, lines: list[bytes]) -> int:
    return rng.randrange(len(lines))


def delete(rng: random.Random, lines: list[bytes]) -> None:
    del lines[_line(rng, lines)]


def duplicate(rng: random.Random, lines: list[bytes]) -> None:
    at = _line(rng, lines)
    lines.insert(at, lines[at])


def swap(rng: random.Random, lines: list[bytes]) -> None:
    a = _line(rng, lines)
    b = min(a + 1, len(lines) - 1) if rng.random() < 0.5 else _line(rng, lines)
    lines[a], lines[b] = lines[b], lines[a]


def reindent(rng: random.Random, lines: list[bytes]) -> None:
    at = _line(rng, lines)
    shift = rng.choice([-4, -2, -1, 1, 2, 4])
    body = lines[at].lstrip(b" ")
    lines[at] = b" " * max(0, len(lines[at]) - len(body) + shift) + body


def insert_bytes(chunk: bytes) -> Callable[[random.Random, list[bytes]], None]:
    def insert(rng: random.Random, lines: list[bytes]) -> None:
        at = _line(rng, lines)
        cut = rng.randrange(len(lines[at]) + 1)
        if rng.random() < 0.3:  # in the indentation, where a tab hurts most
            cut = len(lines[at]) - len(lines[at].lstrip(b" "))
        lines[at] = lines[at][:cut] + chunk + lines[at][cut:]

    insert.__name__ = f"insert {chunk!r}"
    return insert


def long_line(rng: random.Random, lines: list[bytes]) -> None:
    size = 1024 * 1024 if FUZZ and rng.random() < 0.1 else 100 * 1024
    line = rng.choice([b"        note: ", b"# ", b"", b"  - ", b'        text: "'])
    lines.insert(_line(rng, lines), line + b"palabra " * (size // 8) + b"\n")


MUTATIONS = [delete, duplicate, swap, reindent, insert_bytes(b"\t"), insert_bytes(b"\x00"),
             insert_bytes(b"\xff"), insert_bytes(b"\xc3"), insert_bytes("ñ".encode()),
             insert_bytes(b": "), insert_bytes(b"'"), insert_bytes(b"\r"), long_line]


def mutate(seed: int) -> tuple[bytes, str]:
    rng = random.Random(seed)
    lines = list(LINES)
    done = []
    for _ in range(rng.choice([1, 1, 1, 2, 3])):
        mutation = rng.choice(MUTATIONS)
        mutation(rng, lines)
        done.append(mutation.__name__)
    return b"".join(lines), ", ".join(done)


@pytest.mark.parametrize("seed", range(100))
def test_seeded_damage(tmp_path: Path, seed: int):
    data, _what = mutate(seed)
    answers_sensibly(tmp_path / "workplan.yaml", data, SECOND[seed % len(SECOND)])


@fuzz_only
def test_seeded_damage_at_length(tmp_path: Path):
    for seed in range(100, 100 + 500 * FUZZ):
        data, what = mutate(seed)
        try:
            answers_sensibly(tmp_path / "workplan.yaml", data, SECOND[seed % len(SECOND)])
        except AssertionError as exc:
            raise AssertionError(f"seed {seed} ({what}): {exc}") from None


def test_the_damage_is_varied():
    """The seeds of the normal run do every kind of damage, and leave some plans valid."""
    names = {name for seed in range(100) for name in mutate(seed)[1].split(", ")}
    assert names == {m.__name__ for m in MUTATIONS}
    assert len({mutate(seed)[0] for seed in range(100)}) == 100
