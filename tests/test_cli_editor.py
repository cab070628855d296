"""`crmplan edit ID` with a scripted editor: the activity's lines in, checked, back into the
plan; re-opened with the problems when they do not validate; nothing written on giving up."""

from __future__ import annotations

import datetime as dt
import json
import os
import shutil
import sys
from pathlib import Path

import pytest
from conftest import DATA
from typer.testing import CliRunner

from crm_plan import editor
from crm_plan.cli import app

ORIGINAL = (DATA / "edit" / "plan.yaml").read_text(encoding="utf-8")

# The editor: each time it is started it saves what it was shown (shown-N.yaml), then does
# step N of steps.json: a list of [old, new] replacements, "empty", "same" or "fail" (exit 1).
EDITOR = """\
import json, pathlib, sys
file = pathlib.Path(sys.argv[1])
here = pathlib.Path(__file__).parent
n = len(list(here.glob("shown-*.yaml")))
text = file.read_bytes().decode("utf-8")
(here / f"shown-{n}.yaml").write_bytes(text.encode("utf-8"))
step = json.loads((here / "steps.json").read_text(encoding="utf-8"))[n]
if step == "fail":
    sys.exit(1)
if step == "empty":
    text = ""
elif step != "same":
    for old, new in step:
        assert old in text, old
        text = text.replace(old, new)
file.write_bytes(text.encode("utf-8"))
"""


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_plan import query

    monkeypatch.setattr(query, "today", lambda: dt.date(2026, 11, 28))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "workplan.yaml"
    shutil.copyfile(DATA / "edit" / "plan.yaml", path)
    return path


class Scripted:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        folder.mkdir()
        (folder / "editor.py").write_text(EDITOR, encoding="utf-8")

    def command(self) -> str:
        return f'"{sys.executable}" "{self.folder / "editor.py"}"'

    def run(self, plan: Path, activity: str, steps: list[object], *options: str):  # type: ignore[no-untyped-def]
        (self.folder / "steps.json").write_text(json.dumps(steps), encoding="utf-8")
        return CliRunner().invoke(app, ["edit", activity, *options, "-f", str(plan)],
                                  env={"VISUAL": self.command(), "EDITOR": "false"})

    def shown(self) -> list[str]:
        return [(self.folder / f"shown-{n}.yaml").read_text(encoding="utf-8")
                for n in range(len(list(self.folder.glob("shown-*.yaml"))))]


@pytest.fixture
def scripted(tmp_path: Path) -> Scripted:
    return Scripted(tmp_path / "editor")


HEADER = ("# crmplan: Activity 1.2 of {plan}: save and close the editor to change the plan.\n"
          "# crmplan: To leave the plan as it is, empty the text, or close without saving.\n")
LINES_1_2 = """\
      - id: "1.2"
        text: 'Texto entre comillas simples'
        responsible: [ Países miembros ]
        status: Por Definir   # estado escrito a mano
"""


def test_a_valid_edit_is_written(plan: Path, scripted: Scripted):
    result = scripted.run(plan, "1.2", [[["Por Definir", "pendiente"], ["simples'", "simples'\n"
                                         "        note: Añadida en el editor"]]])
    assert (result.exit_code, result.stdout, result.stderr) == (0, "Updated 1.2.\n", "")
    assert scripted.shown() == [HEADER.format(plan=plan) + "\n" + LINES_1_2]
    assert plan.read_text(encoding="utf-8") == ORIGINAL.replace(
        "updated: 2009-11-26", "updated: 2026-11-28").replace(
        "status: Por Definir", "status: pendiente").replace(
        "'Texto entre comillas simples'\n",
        "'Texto entre comillas simples'\n        note: Añadida en el editor\n")
    assert [p.name for p in Path(editor.tempfile.gettempdir()).glob("crmplan-1.2-*")] == []


def test_an_invalid_edit_reopens_with_the_problems_then_is_fixed(plan: Path, scripted: Scripted):
    result = scripted.run(plan, "1.2", [[["Por Definir", "pendinte"]],
                                        [["[ Países miembros ]", "[ Paises miembros ]"]],
                                        [["pendinte", "pendiente"],
                                         ["Paises miembros", "Países miembros"]]],
                          "--keep-updated")
    assert (result.exit_code, result.stdout) == (0, "Updated 1.2.\n")
    first, second, third = scripted.shown()
    assert second == HEADER.format(plan=plan) + (
        "# crmplan: The plan does not validate with these lines; correct them, or empty the text "
        "to give up:\n"
        "# crmplan: line 9, column 17: error: 'pendinte' is not a status; did you mean "
        "'pendiente'? [status]\n"
        "\n") + LINES_1_2.replace("Por Definir", "pendinte")
    assert "# crmplan: line 9, column 24: error: actor 'Paises miembros' is not declared; did "\
           "you mean 'Países miembros'? [actor]\n" in third
    assert "line 10, column 17: error: 'pendinte' is not a status" in third
    assert plan.read_text(encoding="utf-8") == ORIGINAL.replace("status: Por Definir",
                                                                "status: pendiente")


@pytest.mark.parametrize(("steps", "code", "message"), [
    (["same"], 0, ("1.2 was not changed; nothing was written.\n", "")),
    (["empty"], 1, ("", "crmplan: gave up editing 1.2; nothing was written\n")),
    (["fail"], 1, ("", "crmplan: gave up editing 1.2; nothing was written\n")),
    ([[["Por Definir", "pendinte"]], "same"], 1,
     ("", "crmplan: gave up editing 1.2; nothing was written\n")),
    ([[["Por Definir", "pendinte"]], "empty"], 1,
     ("", "crmplan: gave up editing 1.2; nothing was written\n")),
])
def test_giving_up_writes_nothing(plan: Path, scripted: Scripted, steps: list[object], code: int,
                                  message: tuple[str, str]):
    before = plan.stat()
    result = scripted.run(plan, "1.2", steps)
    assert (result.exit_code, (result.stdout, result.stderr)) == (code, message)
    assert plan.read_text(encoding="utf-8") == ORIGINAL
    assert plan.stat().st_mtime_ns == before.st_mtime_ns


def test_the_lines_changed_meanwhile(plan: Path, scripted: Scripted,
                                     monkeypatch: pytest.MonkeyPatch):
    """Someone changed 1.2 in the file while the editor was open: nothing is written, and the
    user's lines are kept in a file they are told about."""
    from crm_plan import editsession

    real = editsession.edit

    def and_meanwhile(*args, **kwargs):  # type: ignore[no-untyped-def]
        result = real(*args, **kwargs)
        plan.write_text(ORIGINAL.replace("Por Definir", "continuo"), encoding="utf-8")
        return result

    monkeypatch.setattr(editsession, "edit", and_meanwhile)
    result = scripted.run(plan, "1.2", [[["Por Definir", "pendiente"]]])
    assert result.exit_code == 1
    kept = Path(result.stderr.split("Your lines are kept in ")[1].split(".yaml")[0] + ".yaml")
    assert result.stderr == (
        f"Your lines are kept in {kept}.\n"
        f"crmplan: {plan}: 1.2 was changed in the plan file while it was being edited, so "
        "nothing was written\n")
    assert kept.read_text(encoding="utf-8") == LINES_1_2.replace("Por Definir", "pendiente")
    kept.unlink()
    assert plan.read_text(encoding="utf-8") == ORIGINAL.replace("Por Definir", "continuo")


def test_crlf_lines_come_back_with_their_endings(plan: Path, scripted: Scripted):
    plan.write_bytes(ORIGINAL.replace("\n", "\r\n").encode("utf-8"))
    result = scripted.run(plan, "1.3", [[["due: 2010-02", "due: 2010-05"]]], "--keep-updated")
    assert result.exit_code == 0
    assert plan.read_bytes() == ORIGINAL.replace("due: 2010-02", "due: 2010-05").replace(
        "\n", "\r\n").encode("utf-8")


def test_an_objective_is_not_edited(plan: Path, scripted: Scripted):
    result = scripted.run(plan, "1", [])
    assert (result.exit_code, result.stderr) == (2, (
        "crmplan: crmplan edit opens one activity, and 1 is an objective; change its title or "
        "note with crmplan set 1 title=...\n"))


def test_the_bundled_plan_is_refused_before_the_editor_opens(
        tmp_path: Path, scripted: Scripted, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CRMPLAN_FILE", raising=False)
    (scripted.folder / "steps.json").write_text("[]", encoding="utf-8")
    result = CliRunner().invoke(app, ["edit", "9.3"], env={"VISUAL": scripted.command()})
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "crmplan: the plan bundled with crmplan is read-only; copy it to ./workplan.yaml or name "
        "your plan file with --file\n")
    assert scripted.shown() == []


def test_an_editor_that_cannot_start(plan: Path):
    result = CliRunner().invoke(app, ["edit", "1.2", "-f", str(plan)],
                                env={"VISUAL": "", "EDITOR": "/no/such/editor --wait"})
    assert (result.exit_code, result.stderr) == (1, (
        "crmplan: cannot start the editor '/no/such/editor --wait' (No such file or directory); "
        "set VISUAL or EDITOR to the editor you use\n"))
    assert plan.read_text(encoding="utf-8") == ORIGINAL


@pytest.mark.parametrize(("environ", "platform", "expected"), [
    ({"VISUAL": "code --wait", "EDITOR": "nano"}, "linux", ["code", "--wait"]),
    ({"VISUAL": " ", "EDITOR": "nano -w"}, "linux", ["nano", "-w"]),
    ({}, "linux", ["vi"]),
    ({}, "darwin", ["vi"]),
    ({}, "win32", ["notepad"]),
    ({"EDITOR": '"C:\\Program Files\\Notepad++\\notepad++.exe" -multiInst'}, "win32",
     ["C:\\Program Files\\Notepad++\\notepad++.exe", "-multiInst"]),
])
def test_which_editor(environ: dict[str, str], platform: str, expected: list[str]):
    assert editor.command(environ, platform) == expected


def test_the_editor_is_started_on_a_yaml_file_named_after_the_activity(
        plan: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    seen: list[list[str]] = []

    def fake_run(command: list[str], check: bool):  # type: ignore[no-untyped-def]
        seen.append(command)
        return type("Done", (), {"returncode": 0})()

    monkeypatch.setattr(editor.subprocess, "run", fake_run)
    monkeypatch.setitem(os.environ, "VISUAL", "myeditor")
    result = CliRunner().invoke(app, ["edit", "1.2", "-f", str(plan)])
    assert result.stdout == "1.2 was not changed; nothing was written.\n"
    ((name, path),) = seen
    assert name == "myeditor" and Path(path).name.startswith("crmplan-1.2-")
    assert path.endswith(".yaml") and not Path(path).exists()
