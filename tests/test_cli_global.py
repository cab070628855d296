"""The options of crmplan itself: before the command or after it, help without a command,
the version, and one meaning for -o."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import version

from conftest import ROOT
from typer.testing import CliRunner

from crm_plan.cli import app

PLAN = str(ROOT / "workplan.yaml")
runner = CliRunner()


def test_lang_after_the_command_as_before_it():
    before = runner.invoke(app, ["--lang", "es", "-f", PLAN, "status", "--as-of", "2010-03-01"])
    after = runner.invoke(app, ["status", "--lang", "es", "-f", PLAN, "--as-of", "2010-03-01"])
    assert before.exit_code == after.exit_code == 0
    assert after.stdout == before.stdout
    assert after.stdout.startswith("40 actividades al 1 de marzo de 2010")


def test_lang_and_file_after_a_command_with_filters():
    result = runner.invoke(app, ["list", "--lang", "es", "-r", "OIM", "-f", PLAN,
                                 "--format", "markdown"])
    assert result.exit_code == 0
    assert "| Id | Actividad | Responsable | Estado |" in result.stdout
    assert result.stdout.endswith("\n_5 actividades._\n")


def test_the_file_after_the_command_wins():
    result = runner.invoke(app, ["-f", "nowhere.yaml", "show", "9.3", "-f", PLAN])
    assert result.exit_code == 0 and "9.3" in result.stdout


def test_no_command_shows_the_help_in_the_language_asked_for():
    for args, first, usage in (
            (["--lang", "es"], "Mantenga el plan de trabajo",
             "Uso: crmplan [OPCIONES] COMANDO [ARGUMENTOS]..."),
            ([], "Keep the CRM liaison network's work plan",
             "Usage: crmplan [OPTIONS] COMMAND [ARGS]...")):
        out = subprocess.run([sys.executable, "-m", "crm_plan", *args], capture_output=True,
                             text=True, env={"COLUMNS": "200", "PATH": ""}, check=False)
        assert (out.returncode, out.stderr) == (0, "")
        assert usage in out.stdout
        assert first in out.stdout and " validate " in out.stdout


def test_version():
    result = runner.invoke(app, ["--version"])
    assert (result.exit_code, result.stdout) == (0, f"crmplan {version('crmplan')}\n")


def test_o_is_never_the_objective():
    result = runner.invoke(app, ["list", "-f", PLAN, "-o", "9"])
    assert result.exit_code == 2 and "-o" in result.output
    result = runner.invoke(app, ["list", "-f", PLAN, "--objective", "9", "--format", "json"])
    assert result.exit_code == 0 and '"id": "9.6"' in result.stdout


def test_file_names_in_the_commands_own_sentences_cannot_drive_the_terminal(tmp_path):
    plan = tmp_path / "plan\x1b[2J.yaml"
    plan.write_bytes((ROOT / "workplan.yaml").read_bytes())
    result = runner.invoke(app, ["validate", "-f", str(plan)])
    assert "\x1b" not in result.output
    assert result.stdout.splitlines()[-1].startswith(f"{tmp_path}/plan\\x1b[2J.yaml: 0 errors")
    output = tmp_path / "out\x07.md"
    result = runner.invoke(app, ["export", "-f", str(plan), "-o", str(output)])
    assert (result.exit_code, result.stdout) == (0, f"Wrote {tmp_path}/out\\x07.md.\n")
    assert output.exists()
