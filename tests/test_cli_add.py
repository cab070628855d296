"""`crmplan add OBJECTIVE --text ... --responsible ...`: the next free id, written in the
file's own layout (flow or block lists, indentation, quotes, blank lines, CRLF)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from typer.testing import CliRunner

from crm_plan.cli import app

ADD = DATA / "add"
FLOW = (DATA / "edit" / "plan.yaml").read_text(encoding="utf-8")


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_plan import query

    monkeypatch.setattr(query, "today", lambda: dt.date(2026, 11, 28))


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def test_block_lists_four_spaces_and_blank_lines(tmp_path: Path):
    """Dashes then three spaces, ids in single quotes, lists one per line, a blank line
    between activities; 1.3 is archived, so the next id is 1.4; an empty objective gets its
    first activity as the others are written."""
    path = tmp_path / "plan.yaml"
    shutil.copyfile(ADD / "block.yaml", path)
    first = run("add", "1", "--text", "Tercera: con dos puntos", "-r", "México", "-r", "OIM",
                "--ref", "p. 5, CRM, mayo, 2008", "-s", "programado", "--due", "2010",
                "-f", str(path))
    second = run("add", "2", "--text", "Primera del dos", "-r", "ST", "-f", str(path))
    assert [(r.exit_code, r.stdout, r.stderr) for r in (first, second)] == [
        (0, "Added 1.4 to objective 1.\n", ""), (0, "Added 2.1 to objective 2.\n", "")]
    assert path.read_bytes() == (ADD / "block_added.yaml").read_bytes()


def test_block_lists_with_crlf(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.write_bytes((ADD / "block.yaml").read_bytes().replace(b"\n", b"\r\n"))
    run("add", "1", "--text", "Tercera: con dos puntos", "-r", "México", "-r", "OIM", "--ref",
        "p. 5, CRM, mayo, 2008", "-s", "programado", "--due", "2010", "-f", str(path))
    run("add", "2", "--text", "Primera del dos", "-r", "ST", "-f", str(path))
    assert path.read_bytes() == (ADD / "block_added.yaml").read_bytes().replace(b"\n", b"\r\n")


def test_flow_lists(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.write_text(FLOW, encoding="utf-8")
    result = run("add", "1", "--text", "Nueva", "-r", "Países miembros,ST", "--coordination",
                 "Secretaría Técnica", "--note", "yes", "-f", str(path))
    assert (result.exit_code, result.stdout) == (0, "Added 1.4 to objective 1.\n")
    assert path.read_text(encoding="utf-8") == FLOW.replace(
        "updated: 2009-11-26", "updated: 2026-11-28").replace(
        "        due: 2010-02\n", """\
        due: 2010-02
      - id: "1.4"
        text: Nueva
        responsible: [Países miembros, ST]
        coordination: [ST]
        status: por definir
        note: "yes"
""")


def test_the_shipped_plan_and_its_crlf_twin(tmp_path: Path):
    shipped = (ROOT / "workplan.yaml").read_text(encoding="utf-8")
    expected = shipped.replace("updated: 2009-11-26", "updated: 2026-11-28").replace("""\
        responsible: [Países miembros]
        status: pendiente

  - id: "10"
""", """\
        responsible: [Países miembros]
        status: pendiente
      - id: "9.7"
        text: Elaborar un directorio regional de albergues
        responsible: [México, OIM]
        status: programado
        due: 2010-06

  - id: "10"
""")
    for newline in ("\n", "\r\n"):
        path = tmp_path / "workplan.yaml"
        path.write_bytes(shipped.replace("\n", newline).encode("utf-8"))
        result = run("add", "9", "--text", "Elaborar un directorio regional de albergues",
                     "-r", "México", "-r", "Organización Internacional para las Migraciones",
                     "--status", "scheduled", "--due", "2010-6", "-f", str(path))
        assert result.exit_code == 0, result.output
        assert path.read_bytes() == expected.replace("\n", newline).encode("utf-8")


def test_an_archived_id_is_never_given_again(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.write_text(FLOW, encoding="utf-8")
    assert run("archive", "1.3", "-f", str(path)).exit_code == 0
    assert run("add", "1", "--text", "Otra", "-r", "ST", "-f", str(path)).stdout == (
        "Added 1.4 to objective 1.\n")


def test_dry_run(tmp_path: Path):
    path = tmp_path / "plan.yaml"
    path.write_text(FLOW, encoding="utf-8")
    result = run("add", "2", "--text", "Otra", "-r", "ST", "--dry-run", "--keep-updated",
                 "-f", str(path))
    assert result.stdout == f"""\
--- a/{path}
+++ b/{path}
@@ -52,6 +52,10 @@
         status: pendiente
         outcomes:
           - text: Primer resultado
+      - id: "2.2"
+        text: Otra
+        responsible: [ST]
+        status: por definir
{" "}
 # Comentario antes de la historia.
 history:
Dry run: {path} was not changed.
"""
    assert path.read_text(encoding="utf-8") == FLOW


@pytest.mark.parametrize(("args", "message"), [
    (["7", "--text", "x"], "'7' is not an objective"),
    (["I.A.1", "--text", "x"], "objective I.A.1 is only in the history; new activities go to an "
                               "objective of the active plan"),
    (["1", "--text", " "], "--text cannot be empty"),
    (["1", "--text", "x", "-r", "OIM"], "'OIM' is not a declared actor (known: ST, Países "
                                        "miembros)"),
    (["1", "--text", "x", "-s", "programado"],
     "the status 'programado' needs a due date: add --due, e.g. --due 2010-06 (a year, a month "
     "or a day)"),
    (["1", "--text", "x", "--due", "2010-02-30", "-s", "programado"],
     "the due date '2010-02-30' has no such day in that month"),
    (["1", "--text", "dos\nlíneas"], "--text contains U+000A LINE FEED, which a plan cannot "
                                     "hold; write it on one line, without control characters"),
])
def test_refusals(tmp_path: Path, args: list[str], message: str):
    path = tmp_path / "plan.yaml"
    path.write_text(FLOW, encoding="utf-8")
    result = run("add", *args, "-f", str(path))
    if "not a declared actor" in message or "not an objective" in message:  # names the file
        message = f"in {path}: {message}"
    assert (result.exit_code, result.stderr) == (2, f"crmplan: {message}\n")
    assert path.read_text(encoding="utf-8") == FLOW


def test_next_id():
    from plans import plan_of

    from crm_plan.newactivity import next_id

    plan = plan_of(FLOW)
    assert [next_id(plan, o) for o in ("1", "2", "3")] == ["1.4", "2.2", "3.1"]
