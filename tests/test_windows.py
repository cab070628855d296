"""What only Windows does (issue 20), played on any system: a plan held open by another
program (Word, Excel, an antivirus scan), which Windows refuses to replace; file names with
backslashes and drive letters, in options and in messages. (The lock on a network share
without locking: tests/test_store.py; a console in cp850/cp1252: tests/test_output_errors.py;
PowerShell completion: tests/test_completion.py.)
"""

from __future__ import annotations

import errno
import os
import re
from pathlib import Path, PureWindowsPath

import pytest
from conftest import DATA, ROOT, SMALL_PLAN
from typer.testing import CliRunner

from crm_plan import messages, planfile, store
from crm_plan.cli import app

runner = CliRunner()
ORIGINAL = (DATA / "edit" / "plan.yaml").read_bytes()
ARCHIVED = (DATA / "edit" / "archive_1.2.yaml").read_bytes()
EDITED = ORIGINAL + b"# guardado por Word\n"
OPEN_ELSEWHERE = ("crmplan: {plan}: the plan is open in another program (close it and run the "
                  "command again); nothing was changed\n")


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "workplan.yaml"
    path.write_bytes(ORIGINAL)
    return path


def only_the_plan_and_its_lock(plan: Path) -> bool:
    return sorted(p.name for p in plan.parent.iterdir()) == [".workplan.yaml.lock",
                                                            "workplan.yaml"]


class HeldOpen:
    """os.replace as Windows does it while another program holds the plan open: onto the plan,
    PermissionError for the first `refusals` tries (then `meanwhile` runs once: the program
    saves, say); any other rename as usual. Names cannot be swapped, as on Windows."""

    def __init__(self, plan: Path, monkeypatch: pytest.MonkeyPatch, refusals: int,
                 meanwhile: object = None) -> None:
        self.plan, self.refusals, self.meanwhile, self.tries = plan, refusals, meanwhile, 0
        self.real = os.replace
        monkeypatch.setattr(store, "_exchange", lambda first, second: False)
        monkeypatch.setattr(store, "RENAME_RETRY_DELAYS", (0.0,) * len(store.RENAME_RETRY_DELAYS))
        monkeypatch.setattr(os, "replace", self)

    def __call__(self, source: str | os.PathLike[str], target: str | os.PathLike[str]) -> None:
        if Path(target) != self.plan.resolve():
            return self.real(source, target)
        self.tries += 1
        if self.tries == 1 and callable(self.meanwhile):
            self.meanwhile()
        if self.tries <= self.refusals:
            raise PermissionError(errno.EACCES, "Access is denied", str(target))
        return self.real(source, target)


def test_the_retries_last_about_a_second():
    assert sum(store.RENAME_RETRY_DELAYS) == pytest.approx(1.0)
    assert len(store.RENAME_RETRY_DELAYS) >= 3


def test_a_plan_held_open_for_a_moment_is_replaced_once_it_is_let_go(plan: Path, monkeypatch):
    """An antivirus scan: the first tries are refused, a later one lands."""
    held = HeldOpen(plan, monkeypatch, refusals=2)
    result = runner.invoke(app, ["archive", "1.2", "--date", "2026-11-28", "--keep-updated",
                                 "-f", str(plan)])
    assert (result.exit_code, result.stderr, held.tries) == (0, "", 3)
    assert plan.read_bytes() == ARCHIVED and only_the_plan_and_its_lock(plan)


@pytest.mark.parametrize("lang", ["en", "es"])
def test_a_plan_kept_open_is_refused_in_one_sentence(plan: Path, monkeypatch, lang: str):
    """Word keeps it open: every try is refused; exit 1, the plan as it was, no temporary file."""
    held = HeldOpen(plan, monkeypatch, refusals=1000)
    result = runner.invoke(app, ["--lang", lang, "archive", "1.2", "-f", str(plan)])
    expected = OPEN_ELSEWHERE if lang == "en" else (
        "crmplan: {plan}: el plan está abierto en otro programa (ciérrelo y vuelva a ejecutar "
        "el comando); no se cambió nada\n")
    assert (result.exit_code, result.stderr) == (1, expected.format(plan=plan))
    assert held.tries == len(store.RENAME_RETRY_DELAYS) + 1
    assert plan.read_bytes() == ORIGINAL and only_the_plan_and_its_lock(plan)


def test_restore_too(plan: Path, monkeypatch):
    plan.write_bytes(ARCHIVED)
    HeldOpen(plan, monkeypatch, refusals=1000)
    result = runner.invoke(app, ["restore", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (1, OPEN_ELSEWHERE.format(plan=plan))
    assert plan.read_bytes() == ARCHIVED and only_the_plan_and_its_lock(plan)


def test_a_save_by_the_program_that_held_it_is_kept(plan: Path, monkeypatch):
    """The program that held the plan saves it while crmplan waits: the plan is compared again
    before each try, so the save is not overwritten."""
    HeldOpen(plan, monkeypatch, refusals=1, meanwhile=lambda: plan.write_bytes(EDITED))
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr) == (1, (
        f"crmplan: {plan} changed on disk while crmplan was working (saved by an editor?); "
        "nothing was written: run the command again\n"))
    assert plan.read_bytes() == EDITED and only_the_plan_and_its_lock(plan)


def test_another_failure_of_the_rename_is_not_retried(plan: Path, monkeypatch):
    from crm_plan import store as module

    monkeypatch.setattr(module, "_exchange", lambda first, second: False)
    real = os.replace
    tries = []

    def full_disk(source: str, target: str) -> None:
        if Path(target) != plan.resolve():
            return real(source, target)
        tries.append(target)
        raise OSError(errno.EIO, os.strerror(errno.EIO))

    monkeypatch.setattr(os, "replace", full_disk)
    result = runner.invoke(app, ["archive", "1.2", "-f", str(plan)])
    assert (result.exit_code, result.stderr, len(tries)) == (1, (
        f"crmplan: {plan.resolve()} could not be written (Input/output error); it was left as it "
        "was\n"), 1)
    assert plan.read_bytes() == ORIGINAL and only_the_plan_and_its_lock(plan)



# -- file names with backslashes and drive letters ----------------------------------------------

WINDOWS_PLAN = str(PureWindowsPath(r"C:\Users\ana\Documents\Plan de trabajo\workplan.yaml"))
MISSPELT = SMALL_PLAN.replace("status: continuo", "status: pendinte")
WHERE = r"C:\Users\ana\Documents\Plan de trabajo\workplan.yaml:27:17"
PROBLEM = "'pendinte' is not a status; did you mean 'pendiente'?"


def loaded_as_on_windows(tmp_path: Path) -> planfile.LoadedPlan:
    """The plan read as `crmplan -f C:\\Users\\...\\workplan.yaml` names it on Windows: the
    messages name the file as it was given."""
    path = tmp_path / "workplan.yaml"
    path.write_text(MISSPELT, encoding="utf-8")
    return planfile.load(planfile.PlanLocation(path, WINDOWS_PLAN))


def test_a_problem_names_a_windows_path_as_given(tmp_path: Path):
    (problem,) = loaded_as_on_windows(tmp_path).problems
    assert str(problem) == f"{WHERE}: error: {PROBLEM} [status]"


def test_the_summary_and_the_json_name_a_windows_path_as_given(tmp_path: Path):
    from crm_plan.render import problems

    loaded = loaded_as_on_windows(tmp_path)
    assert problems.summary(loaded) == (
        f"{WINDOWS_PLAN}: 1 error, 0 warnings (1 objective, 2 activities, 1 in the history).")
    assert '"path": "C:\\\\Users\\\\ana\\\\Documents\\\\Plan de trabajo\\\\workplan.yaml"' in (
        problems.as_json(loaded.problems))  # JSON's own escape of a backslash, read back as one


def test_a_github_annotation_escapes_the_drive_s_colon_only(tmp_path: Path):
    """GitHub reads `:` in a property as a separator: the runner turns %3A back into it."""
    from crm_plan.render import problems

    (problem,) = loaded_as_on_windows(tmp_path).problems
    assert problems.annotation(problem) == (
        r"::error file=C%3A\Users\ana\Documents\Plan de trabajo\workplan.yaml,line=27,col=17,"
        f"title=status::{PROBLEM}")


def test_a_missing_plan_on_another_drive():
    result = runner.invoke(app, ["-f", r"Z:\Planes\workplan.yaml", "list"])
    assert (result.exit_code, result.stderr) == (1, "crmplan: Z:\\Planes\\workplan.yaml: no such "
                                                    "file\n")


# On POSIX a backslash and a colon are ordinary characters of a file name: a file named
# `C:\Users\ana\workplan.yaml` in the current folder goes through every command as Windows'
# path would, and each message must name it exactly so.
posix_only = pytest.mark.skipif(os.name == "nt", reason="there, it is a real path")
AS_TYPED = r"C:\Users\ana\workplan.yaml"


@pytest.fixture
def typed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.chdir(tmp_path)
    (tmp_path / AS_TYPED).write_bytes(ORIGINAL)
    return tmp_path / AS_TYPED


@posix_only
def test_validate_names_the_file_as_typed(typed: Path):
    typed.write_text(MISSPELT, encoding="utf-8")
    result = runner.invoke(app, ["validate", "-f", AS_TYPED])
    assert (result.exit_code, result.stdout) == (1, (
        f"{AS_TYPED}:27:17: error: {PROBLEM} [status]\n"
        f"{AS_TYPED}: 1 error, 0 warnings (1 objective, 2 activities, 1 in the history).\n"))


@posix_only
def test_archive_and_export_with_windows_paths(typed: Path):
    result = runner.invoke(app, ["-f", AS_TYPED, "archive", "1.2", "--date", "2026-11-28",
                                 "--keep-updated"])
    assert (result.exit_code, result.stdout) == (0, "Archived 1.2 in the history (2026-11-28).\n")
    assert typed.read_bytes() == ARCHIVED
    output = r"C:\Users\ana\Documents\plan.md"
    result = runner.invoke(app, ["-f", AS_TYPED, "export", "-o", output])
    assert (result.exit_code, result.stdout) == (0, f"Wrote {output}.\n")
    assert sorted(p.name for p in typed.parent.iterdir()) == sorted(
        [f".{AS_TYPED}.lock", AS_TYPED, output])


@posix_only
def test_held_open_names_the_file_as_typed(typed: Path, monkeypatch):
    HeldOpen(typed, monkeypatch, refusals=1000)
    result = runner.invoke(app, ["-f", AS_TYPED, "archive", "1.2"])
    assert (result.exit_code, result.stderr) == (1, OPEN_ELSEWHERE.format(plan=AS_TYPED))



# -- the language: Windows has no LANG --

@pytest.mark.parametrize(("name", "expected"), [
    ("Spanish_Mexico", "es"), ("es_MX", "es"), ("Spanish_Guatemala", "es"),
    ("English_United States", "en"), ("French_France", "en"), (None, "en")])
def test_on_windows_the_language_is_the_user_s_locale(monkeypatch, name: str | None,
                                                      expected: str):
    """What locale.getlocale() says there: "Spanish_Mexico" (Python 3.11), "es_MX" later."""
    import locale
    import sys

    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(locale, "getlocale", lambda *category: (name, "1252"))
    assert messages.detect(["crmplan"], {}) == expected
    assert messages.detect(["crmplan"], {"LANG": "en_US.UTF-8"}) == "en"  # Git Bash sets one
    assert messages.detect(["crmplan"], {"CRMPLAN_LANG": "en"}) == "en"


# -- the branches of crmplan's own code that run on one system only say so --

ONE_SYSTEM = re.compile(r'\bif\b.*(sys\.platform|os\.name\b|hasattr\(os, |_AT_FOLDER)'
                        r'|getattr\(\w+, "(winerror|O_BINARY)"')
SAYS_SO = re.compile(r"(Windows|Linux|POSIX) only")


def test_every_branch_for_one_system_says_which():
    """A reader sees at once that such a branch runs only there (and, for Windows, only in
    the CI's Windows jobs: .github/workflows/tests.yml)."""
    unmarked = []
    for path in sorted((ROOT / "crm_plan").rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines):
            if ONE_SYSTEM.search(line) and not any(
                    SAYS_SO.search(text) for text in (line, lines[number - 1])):
                unmarked.append(f"{path.relative_to(ROOT)}:{number + 1}: {line.strip()}")
    assert unmarked == []
