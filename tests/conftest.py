from __future__ import annotations

import os
from pathlib import Path

import pytest

# Expected outputs are in English whatever the developer's locale (LANG=es_MX.UTF-8 would
# otherwise choose Spanish); subprocesses inherit it. Tests of the choice set it themselves.
os.environ["CRMPLAN_LANG"] = "en"
# Likewise the terminal's: expected tables are as wide as the tests say and in colour only where
# a test asks for it, whatever the developer's terminal, NO_COLOR or FORCE_COLOR.
for _name in ("NO_COLOR", "FORCE_COLOR", "TTY_COMPATIBLE", "COLUMNS", "LINES", "TERM"):
    os.environ.pop(_name, None)

from crm_plan import messages  # noqa: E402
from crm_plan.source import (
    Source,  # noqa: E402
    parse,  # noqa: E402
)
from crm_plan.validate import validate  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
# What only POSIX has: /dev files, FIFOs, signals, permission bits beyond read-only, owners.
# The CI runs the rest on Windows too (.github/workflows/tests.yml).
posix_only = pytest.mark.skipif(os.name == "nt", reason="POSIX: /dev, FIFOs, signals, modes")

# A small valid plan. Tests change one line of it and check the problem's position.
SMALL_PLAN = """\
document:
  title: Plan de prueba
  organization: CRM
  updated: 2009-11-26
actors:
  ST: Secretaría Técnica de la CRM
  OIM: Organización Internacional para las Migraciones
  México: Estados Unidos Mexicanos
  Países miembros:
    name: Países miembros de la CRM
    members: [México, Belice]
areas:
  I: Políticas y gestión migratoria
sections:
  A:
    area: I
    title: Sección A
objectives:
  - id: "1"
    section: A
    title: Objetivo uno
    activities:
      - id: "1.1"
        text: Actividad uno
        ref: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008
        responsible: [Países miembros]
        status: continuo
      - id: "1.2"
        text: Actividad dos
        responsible: [OIM]
        status: programado
        due: 2010-02
history:
  - id: I.A.1
    section: A
    title: Objetivo histórico
    activities:
      - id: I.A.1.1
        text: Hecho
        outcomes:
          - text: Resultado
            ref: p. 3, CRM, Deci., abril, 2007
"""


def dated(data: bytes, day: str = "2026-11-28") -> bytes:
    """An expected plan file as a command that changes the plan writes it: with its date
    (document.updated) set to the day the command ran."""
    assert data.count(b"  updated: 2009-11-26") == 1
    return data.replace(b"  updated: 2009-11-26", f"  updated: {day}".encode())


def problems_of(text: str, path: str = "plan.yaml") -> list[tuple[int, int, str]]:
    """(line, col, code) of every problem of `text`, in report order."""
    root, problems = parse(text, path)
    _plan, all_problems = validate(Source(path, text, root, problems))
    return [(p.line, p.col, p.code) for p in all_problems]


def assert_problems(text: str, *expected: tuple[int, int, str]) -> None:
    assert problems_of(text) == list(expected)


@pytest.fixture(autouse=True)
def _english_after_each_test():
    """`--lang es` through CliRunner switches the language of the process: switch it back."""
    yield
    if messages.language() != "en":
        messages.use("en")


@pytest.fixture(autouse=True)
def _private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Each test gets an empty plan cache of its own (subprocesses inherit it)."""
    monkeypatch.setenv("CRMPLAN_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    monkeypatch.delenv("CRMPLAN_NO_CACHE", raising=False)


@pytest.fixture
def plan_file(tmp_path: Path):
    """Write a plan (the small valid one unless given) and return its path."""

    def write(text: str = SMALL_PLAN, name: str = "workplan.yaml") -> Path:
        path = tmp_path / name
        path.write_text(text, encoding="utf-8", newline="")
        return path

    return write
