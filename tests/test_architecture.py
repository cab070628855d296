"""The layers and packaging promises that the code and the docs make."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from conftest import ROOT

from crm_plan.planfile import bundled_plan_path

# Every module but the command line (cli, commands/) and the renderers (render/): the core,
# its rules and its catalogue.
CORE = sorted(".".join(p.relative_to(ROOT).with_suffix("").parts)
              for p in (ROOT / "crm_plan").rglob("*.py")
              if p.stem not in ("cli", "__main__", "__init__")
              and not {"commands", "render"} & set(p.relative_to(ROOT).parts))


def test_core_imports_neither_typer_nor_rich():
    assert "crm_plan.rules.status" in CORE and "crm_plan.model" in CORE
    modules = ", ".join(CORE)
    code = (f"import sys, importlib\nfor m in '{modules}'.split(', '): importlib.import_module(m)\n"
            "print(sorted({n.split('.')[0] for n in sys.modules} & {'typer', 'rich', 'click'}))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout == "[]\n"


def test_validate_does_not_import_rich(tmp_path: Path):
    code = ("import sys\nfrom crm_plan.cli import main\nsys.argv = ['crmplan', 'validate']\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print('rich' in sys.modules, file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT)
    assert out.stderr.splitlines()[-1] == "False"


def test_python_dash_m(tmp_path: Path):
    out = subprocess.run([sys.executable, "-m", "crm_plan", "validate", "-f",
                          str(ROOT / "workplan.yaml")], capture_output=True, text=True)
    assert out.returncode == 0
    assert out.stdout.splitlines()[-1].endswith("(13 objectives, 40 activities, 11 in the history).")


def test_bundled_plan_is_the_repository_plan():
    assert bundled_plan_path().read_bytes() == (ROOT / "workplan.yaml").read_bytes()


def test_wheel_ships_the_repository_plan(tmp_path: Path):
    pytest.importorskip("hatchling")
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation",
                    "-q", "-w", str(tmp_path), str(ROOT)], check=True, capture_output=True)
    (wheel,) = tmp_path.glob("crmplan-*.whl")
    with zipfile.ZipFile(wheel) as archive:
        shipped = archive.read("crm_plan/data/workplan.yaml")
        names = archive.namelist()
    assert shipped == (ROOT / "workplan.yaml").read_bytes()
    assert "crm_plan/cli.py" in names and not any(n.startswith("tests/") for n in names)


def test_the_group_builds_a_command_when_it_is_looked_up_and_help_lists_them_all():
    from crm_plan import cli

    commands = cli._Commands()
    assert list(commands) == list(cli.COMMANDS) and commands._built == {}
    assert commands["show"].name == "show"
    assert list(commands._built) == ["show"]
    out = subprocess.run([sys.executable, "-m", "crm_plan", "--help"], capture_output=True,
                         text=True, env={**__import__("os").environ, "COLUMNS": "100"})
    for name in cli.COMMANDS:
        assert f" {name} " in out.stdout


def test_ci_runs_exactly_the_readme_test_command():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines()
                   if line.startswith("python3 -m venv") and "[test]" in line)
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert ci[-1] == command
    assert "CRMPLAN_FUZZ=1 python -m pytest -q -m fuzz" in command  # the bounded fuzzing step


def test_the_forge_runs_the_readme_test_command_on_three_systems():
    """.github/workflows/tests.yml: the README's command (a fresh Python from setup-python in
    place of the venv) on Linux, Windows and macOS, with every Python crmplan supports."""
    from ruamel.yaml import YAML

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = next(line for line in readme.splitlines()
                   if line.startswith("python3 -m venv") and "[test]" in line)
    workflow = YAML(typ="safe").load((ROOT / ".github" / "workflows" / "tests.yml").read_text(
        encoding="utf-8"))
    (job,) = workflow["jobs"].values()
    assert job["strategy"]["matrix"] == {"os": ["ubuntu-latest", "windows-latest", "macos-latest"],
                                         "python": ["3.11", "3.12", "3.13"]}
    assert job["strategy"]["fail-fast"] is False
    runs = [step["run"] for step in job["steps"] if "run" in step]
    assert runs[0] == "git config --global core.autocrlf false"
    assert runs[1:] == command.split(" && ")[2:]  # after `python3 -m venv` and its activation
    requires = (ROOT / "pyproject.toml").read_text(encoding="utf-8")
    assert 'requires-python = ">=3.11"' in requires
