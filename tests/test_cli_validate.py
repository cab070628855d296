"""`crmplan validate` from the outside: exact output, exit codes, file selection."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from conftest import ROOT, SMALL_PLAN
from typer.testing import CliRunner

from crm_plan.cli import app

runner = CliRunner()

SHIPPED_WARNINGS = """\
workplan.yaml:258:9: warning: every activity of objective 5 is still 'por definir'; the plan says \
objectives without defined activities are removed from it [undefined-objective]
workplan.yaml:327:9: warning: every activity of objective 7 is still 'por definir'; the plan says \
objectives without defined activities are removed from it [undefined-objective]
workplan.yaml:335:15: warning: this note says the objective would be removed from the plan if \
nothing is identified: identify it, or remove the objective [removal-note]
workplan.yaml:337:9: warning: every activity of objective 8 is still 'por definir'; the plan says \
objectives without defined activities are removed from it [undefined-objective]
workplan.yaml:467:27: warning: this note says the objective would be removed from the plan if \
nothing is identified: identify it, or remove the objective [removal-note]
workplan.yaml: 0 errors, 5 warnings (13 objectives, 40 activities, 11 in the history).
"""


@pytest.fixture
def in_repo(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    monkeypatch.delenv("CRMPLAN_FILE", raising=False)


def test_shipped_plan_has_warnings_only(in_repo: None):
    result = runner.invoke(app, ["validate"])
    assert (result.exit_code, result.stdout, result.stderr) == (0, SHIPPED_WARNINGS, "")


def test_errors_exit_1_with_every_problem(plan_file):
    path = plan_file(SMALL_PLAN.replace("status: continuo", "status: pendinte")
                     .replace("responsible: [OIM]", "responsible: [OIN]"))
    result = runner.invoke(app, ["validate", "--file", str(path)])
    assert result.exit_code == 1
    assert result.stdout == (
        f"{path}:27:17: error: 'pendinte' is not a status; did you mean 'pendiente'? [status]\n"
        f"{path}:30:23: error: actor 'OIN' is not declared; did you mean 'OIM'? [actor]\n"
        f"{path}: 2 errors, 0 warnings (1 objective, 2 activities, 1 in the history).\n"
    )


def test_clean_plan_says_so(plan_file):
    path = plan_file()
    result = runner.invoke(app, ["-f", str(path), "validate"])
    assert (result.exit_code, result.stdout) == (
        0, f"{path}: no problems (1 objective, 2 activities, 1 in the history).\n")


def test_json_format(plan_file):
    path = plan_file(SMALL_PLAN.replace("status: continuo", "status: pendinte"))
    result = runner.invoke(app, ["validate", "--format", "json", "-f", str(path)])
    assert result.exit_code == 1
    assert json.loads(result.stdout) == [{
        "path": str(path), "line": 27, "column": 17, "severity": "error", "code": "status",
        "message": "'pendinte' is not a status; did you mean 'pendiente'?",
    }]


def test_json_format_of_a_clean_plan_is_an_empty_list(plan_file):
    result = runner.invoke(app, ["validate", "--format", "json", "-f", str(plan_file())])
    assert (result.exit_code, result.stdout) == (0, "[]\n")


def test_file_from_environment(plan_file, monkeypatch: pytest.MonkeyPatch):
    path = plan_file(SMALL_PLAN.replace("status: continuo", "status: x"))
    monkeypatch.setenv("CRMPLAN_FILE", str(path))
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 1 and result.stdout.startswith(f"{path}:27:17: error:")


def test_default_file_in_current_folder(plan_file, monkeypatch: pytest.MonkeyPatch):
    path = plan_file()
    monkeypatch.chdir(path.parent)
    monkeypatch.delenv("CRMPLAN_FILE", raising=False)
    result = runner.invoke(app, ["validate"])
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, "workplan.yaml: no problems (1 objective, 2 activities, 1 in the history).\n", "")


def test_falls_back_to_the_bundled_plan(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("CRMPLAN_FILE", raising=False)
    result = runner.invoke(app, ["validate"])
    assert result.exit_code == 0
    assert result.stderr == (
        "No workplan.yaml here: using the CRM plan bundled with crmplan (read-only).\n")
    assert result.stdout == SHIPPED_WARNINGS


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "crmplan: {p}: no such file\n"),
        (b"", "{p}:1:1: error: the file is empty; a plan starts with 'document:', 'actors:', "
              "'sections:' and 'objectives:' (see the README) [required]\n{p}: 1 error.\n"),
        (b"\x89PNG\r\n\x1a\n\x00\x00", "{p}:3:1: error: the file contains a NUL byte: it looks like"
                                       " a binary file, not a YAML text [encoding]\n{p}: 1 error.\n"),
        (b"document: Caf\xe9\n", "{p}:1:14: error: the file is not UTF-8 text (byte 0xe9 here); "
                                 "save it with the encoding UTF-8 [encoding]\n{p}: 1 error.\n"),
        (b"a: &a [x, x]\nb: &b [*a, *a]\n", "{p}:2:8: error: aliases (*a) are not allowed in a plan"
                                           " file; write the value out in full [alias]\n"
                                           "{p}: 1 error.\n"),
    ],
)
def test_any_input_gets_a_sentence_and_exit_1(tmp_path: Path, content, expected: str):
    path = tmp_path / "plan.yaml"
    if content is not None:
        path.write_bytes(content)
    result = runner.invoke(app, ["validate", "-f", str(path)])
    assert result.exit_code == 1
    assert result.stdout + result.stderr == expected.format(p=path)
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_a_folder_is_not_a_plan(tmp_path: Path):
    result = runner.invoke(app, ["validate", "-f", str(tmp_path)])
    assert (result.exit_code, result.stderr) == (
        1, f"crmplan: {tmp_path}: is a folder, not a plan file\n")


def test_python_tags_never_run(tmp_path: Path):
    marker = tmp_path / "ran"
    path = tmp_path / "plan.yaml"
    path.write_text(f"document: !!python/object/apply:os.system ['touch {marker}']\n")
    result = runner.invoke(app, ["validate", "-f", str(path)])
    assert result.exit_code == 1 and "[tag]" in result.stdout
    assert not marker.exists()


def test_usage_errors_exit_2(plan_file):
    result = runner.invoke(app, ["validate", "--format", "xml", "-f", str(plan_file())])
    assert result.exit_code == 2
    words = " ".join(result.stderr.replace("│", " ").split())
    assert "crmplan: 'xml' is not a value of --format (valid: text, json, github)" in words


def test_unexpected_failure_is_a_sentence_not_a_traceback(plan_file, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("disk on fire")

    monkeypatch.delenv("CRMPLAN_DEBUG", raising=False)
    monkeypatch.setattr("crm_plan.validate.validate", broken)
    result = runner.invoke(app, ["validate", "-f", str(plan_file())])
    assert (result.exit_code, result.stderr) == (1, (
        "crmplan: internal error (RuntimeError: disk on fire); please report it. "
        "Set CRMPLAN_DEBUG=1 to see the details.\n"))


def test_help_has_a_summary_and_an_example():
    result = runner.invoke(app, ["validate", "--help"])
    assert result.exit_code == 0
    assert "Check the plan file and report every problem" in result.stdout
    assert "crmplan validate -f workplan.yaml" in result.stdout


def test_a_closed_pipe_ends_quietly(plan_file):
    """`crmplan list | head`: when the reader goes away, no message, exit 0 (as `git log | head`)."""
    import subprocess
    import sys

    code = ("import sys\nimport crm_plan.planfile as p\n"
            "def gone(*a, **k):\n    raise BrokenPipeError(32, 'Broken pipe')\n"
            "p.load = gone\nfrom crm_plan.cli import main\n"
            f"sys.argv = ['crmplan', 'validate', '-f', {str(plan_file())!r}]\nmain()\n")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert (out.returncode, out.stderr) == (0, "")
