"""The tools around the plan: validate for pre-commit and GitHub Actions, init, the docs."""

from __future__ import annotations

import datetime as dt
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SMALL_PLAN
from ruamel.yaml import YAML
from typer.testing import CliRunner

from crm_plan.cli import app
from crm_plan.problems import Problem, Severity
from crm_plan.render.problems import annotation, escape_data, escape_property
from crm_plan.skeleton import MEMBER_STATES, skeleton

runner = CliRunner()
GOLDEN_INIT = DATA / "init" / "workplan.yaml"


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(app, list(args), env={"CRMPLAN_FILE": None, "COLUMNS": "80"})


# -- validate --format github ---------------------------------------------------------------------

def test_github_annotations(plan_file):
    path = plan_file(SMALL_PLAN.replace("status: continuo", "status: pendinte")
                     .replace('id: "1.2"', "id: 1.20"))
    result = run("validate", "--format", "github", str(path))
    assert (result.exit_code, result.stdout) == (1, (
        f"::error file={path},line=27,col=17,title=status::'pendinte' is not a status; did you "
        "mean 'pendiente'?\n"
        f"::warning file={path},line=28,col=13,title=id-quotes::id 1.20 is not in quotes: YAML "
        'tools read it as the number 1.2; write id: "1.20"\n'
        f"{path}: 1 error, 1 warning (1 objective, 2 activities, 1 in the history).\n"))


def test_github_escapes_what_the_runner_would_read_as_commands():
    problem = Problem("dir,a:b/plan%.yaml", 3, 5, Severity.WARNING, "ref",
                      "100% sure:\nline two\r, and more")
    assert annotation(problem) == (
        "::warning file=dir%2Ca%3Ab/plan%25.yaml,line=3,col=5,title=ref::"
        "100%25 sure:%0Aline two%0D, and more")
    assert escape_data("a%b\nc:d,e") == "a%25b%0Ac:d,e"
    assert escape_property("a%b\nc:d,e") == "a%25b%0Ac%3Ad%2Ce"


def test_github_format_of_a_clean_plan_is_its_summary(plan_file):
    path = plan_file()
    result = run("validate", "--format", "github", "-f", str(path))
    assert (result.exit_code, result.stdout) == (
        0, f"{path}: no problems (1 objective, 2 activities, 1 in the history).\n")


# -- validate PATH...: what pre-commit runs -------------------------------------------------------

def test_validate_several_files_as_pre_commit_passes_them(tmp_path: Path):
    good, bad = tmp_path / "a" / "workplan.yaml", tmp_path / "b" / "workplan.yaml"
    for path, text in ((good, SMALL_PLAN), (bad, SMALL_PLAN.replace("continuo", "x"))):
        path.parent.mkdir()
        path.write_text(text, encoding="utf-8")
    result = run("validate", str(good), str(bad))
    assert (result.exit_code, result.stdout) == (1, (
        f"{good}: no problems (1 objective, 2 activities, 1 in the history).\n"
        f"{bad}:27:17: error: 'x' is not a status (known: continuo, programado, pendiente, "
        "por definir, completado) [status]\n"
        f"{bad}: 1 error, 0 warnings (1 objective, 2 activities, 1 in the history).\n"))
    assert run("validate", str(good), str(good)).exit_code == 0


def test_validate_paths_win_over_crmplan_file(plan_file, monkeypatch: pytest.MonkeyPatch):
    broken = plan_file(SMALL_PLAN.replace("continuo", "x"), name="broken.yaml")
    monkeypatch.setenv("CRMPLAN_FILE", str(broken))
    result = runner.invoke(app, ["validate", str(plan_file())])
    assert result.exit_code == 0


def test_validate_json_of_several_files_is_one_list(plan_file):
    bad = plan_file(SMALL_PLAN.replace("continuo", "x"), name="bad.yaml")
    result = run("validate", "--format", "json", str(plan_file()), str(bad))
    assert result.exit_code == 1
    assert result.stdout.count('"path"') == 1 and str(bad) in result.stdout


def test_pre_commit_hook_definition():
    hooks = YAML(typ="safe").load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks == [{
        "id": "crmplan-validate", "name": "crmplan validate",
        "description": "Check CRM work plan files (workplan.yaml) with crmplan validate.",
        "entry": "crmplan validate", "language": "python",
        "files": r"(^|/)workplan\.ya?ml$", "types": ["yaml"]}]
    files = re.compile(hooks[0]["files"])
    names = ("workplan.yaml", "plans/workplan.yml", "a/workplan.yaml", "my-workplan.yaml",
             "workplan.yaml.bak", "workplan.schema.json")
    assert [name for name in names if files.search(name)] == [
        "workplan.yaml", "plans/workplan.yml", "a/workplan.yaml"]


# -- init ---------------------------------------------------------------------------------------

def test_skeleton_is_the_golden_file():
    assert skeleton(dt.date(2026, 1, 15)).encode("utf-8") == GOLDEN_INIT.read_bytes()


def test_skeleton_names_the_eleven_member_states_in_a_group():
    assert len(MEMBER_STATES) == 11
    assert f"    members: [{', '.join(MEMBER_STATES)}]\n" in skeleton(dt.date(2026, 1, 15))


def test_init_writes_a_plan_that_validates_without_problems(tmp_path: Path,
                                                            monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run("init", "--date", "2026-01-15")
    assert (result.exit_code, result.stdout, result.stderr) == (0, (
        "Wrote workplan.yaml, a new plan to fill in. Check it after each change: crmplan "
        "validate -f workplan.yaml\n"), "")
    assert (tmp_path / "workplan.yaml").read_bytes() == GOLDEN_INIT.read_bytes()
    result = run("validate")
    assert (result.exit_code, result.stdout) == (
        0, "workplan.yaml: no problems (0 objectives, 0 activities, 0 in the history).\n")
    (tmp_path / "planes 2010").mkdir()
    result = run("init", "planes 2010/plan.yaml")
    assert result.stdout == ('Wrote "planes 2010/plan.yaml", a new plan to fill in. Check it '
                             'after each change: crmplan validate -f "planes 2010/plan.yaml"\n')


def test_init_dates_the_plan_today(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    from crm_plan import query

    monkeypatch.setattr(query, "today", lambda: dt.date(2031, 2, 3))
    path = tmp_path / "nuevo.yaml"
    assert run("init", str(path)).exit_code == 0
    assert "  updated: 2031-02-03\n" in path.read_text(encoding="utf-8")


def test_init_never_overwrites(tmp_path: Path):
    path = tmp_path / "workplan.yaml"
    path.write_text("mine\n", encoding="utf-8")
    result = run("init", str(path))
    assert (result.exit_code, result.stdout, result.stderr) == (1, "", (
        f"crmplan: {path} already exists; crmplan init never overwrites a file: choose another "
        "name, or move that file away first\n"))
    assert path.read_text(encoding="utf-8") == "mine\n"


def test_init_does_not_follow_a_dangling_link(tmp_path: Path):
    link = tmp_path / "workplan.yaml"
    link.symlink_to(tmp_path / "elsewhere.yaml")
    assert run("init", str(link)).exit_code == 1
    assert not (tmp_path / "elsewhere.yaml").exists()


def test_init_in_a_missing_folder(tmp_path: Path):
    path = tmp_path / "no" / "workplan.yaml"
    result = run("init", str(path))
    assert (result.exit_code, result.stderr) == (
        1, f"crmplan: {path} could not be created (No such file or directory)\n")


def test_init_with_a_bad_date_is_a_usage_error(tmp_path: Path):
    result = run("init", str(tmp_path / "x.yaml"), "--date", "15/01/2026")
    assert (result.exit_code, result.stderr) == (
        2, "crmplan: '15/01/2026' is not a date for --date; write it as 2010-03-01\n")
    assert not (tmp_path / "x.yaml").exists()


# -- docs/cli.md ---------------------------------------------------------------------------------

@pytest.mark.parametrize(("language", "name"), [("en", "cli.md"), ("es", "cli.es.md")])
def test_docs_cli_md_is_up_to_date(tmp_path: Path, language: str, name: str):
    """docs/cli.md (and its Spanish) is what CONTRIBUTING.md's command regenerates it with."""
    out = tmp_path / name
    env = {k: v for k, v in os.environ.items() if k not in ("LANG", "LC_ALL", "LC_MESSAGES")}
    subprocess.run([sys.executable, "-m", "typer", "crm_plan.cli", "utils", "docs", "--name",
                    "crmplan", "--output", str(out)], check=True, capture_output=True,
                   env=env | {"CRMPLAN_LANG": language})
    assert (ROOT / "docs" / name).read_text(encoding="utf-8") == out.read_text(encoding="utf-8")


def test_docs_cover_every_command():
    from typer.main import get_command

    text = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in get_command(app).commands:
        assert f"## `crmplan {name}`" in text
