"""Shell completion: the values the plan in use offers, and the shell's view of them."""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import DATA, ROOT, SMALL_PLAN, posix_only
from typer.testing import CliRunner

from crm_plan import completion
from crm_plan.cli import app

SHIPPED = str(ROOT / "workplan.yaml")


@pytest.fixture
def archived(tmp_path: Path) -> str:
    """A plan where 1.2 was archived by crmplan (it has an origin)."""
    path = tmp_path / "workplan.yaml"
    shutil.copyfile(DATA / "edit" / "archive_1.2.yaml", path)
    return str(path)


def values(candidates: list[tuple[str, str]]) -> list[str]:
    return [value for value, _help in candidates]


def test_active_ids_with_their_text():
    assert completion.active_ids(SHIPPED, "9.") == [
        ("9.1", "Dar seguimiento a lo analizado en talleres o seminarios sob…"),
        ("9.2", "Crear un sistema de monitoreo y seguimiento de los lineamie…"),
        ("9.3", "Designar un enlace por país para la coordinación de las rep…"),
        ("9.4", "Monitorear el encuentro regional de coaliciones, comités y…"),
        ("9.5", "Diseñar lineamientos que contengan ejes de atención y recup…"),
        ("9.6", "Compartir información sobre los acercamientos para proveer…"),
    ]


def test_show_also_offers_objectives():
    assert values(completion.active_ids(SHIPPED, "1", objectives=True))[:4] == [
        "1", "1.1", "1.2", "10"]
    assert "1" not in values(completion.active_ids(SHIPPED, "1"))


def test_archived_ids_are_those_restore_can_put_back(archived: str):
    assert values(completion.restorable_ids(archived, "")) == ["1.2"]
    assert "1.2" not in values(completion.active_ids(archived, ""))
    # The shipped plan's history was transcribed, not archived: nothing to restore.
    assert completion.restorable_ids(SHIPPED, "") == []


@pytest.mark.parametrize(("typed", "expected"), [
    ("mex", [("México", "Estados Unidos Mexicanos")]),
    ("MÉX", [("México", "Estados Unidos Mexicanos")]),
    ("estados", [("Estados Unidos", "Estados Unidos de América"),
                 ("Estados Unidos de América", "Estados Unidos"),
                 ("Estados Unidos Mexicanos", "México")]),
    ("paises m", [("Países miembros", "Países miembros de la CRM"),
                  ("Países miembros de la CRM", "Países miembros")]),
    ("zz", []),
])
def test_actors_by_short_and_full_name(typed: str, expected: list[tuple[str, str]]):
    assert completion.actors(SHIPPED, typed) == expected


def test_statuses_in_the_file_s_words_then_english():
    assert completion.statuses("p") == [("programado", ""), ("pendiente", ""),
                                        ("por definir", ""), ("pending", "pendiente + por definir")]
    assert values(completion.statuses("POR")) == ["por definir"]
    assert values(completion.statuses("")) == [
        "continuo", "programado", "pendiente", "por definir", "completado", "ongoing",
        "continuous", "scheduled", "pending", "tbd", "to be defined", "done", "completed"]


def test_sections_and_objectives():
    assert completion.sections(SHIPPED, "") == [
        ("A", "Fortalecer el combate a los delitos de tráfico ilícito de m…"),
        ("B", "Intercambio de información"),
        ("C", "Protección a víctimas de trata y personas afectadas")]
    assert values(completion.objectives(SHIPPED, "I.B")) == [
        "I.B.1", "I.B.2", "I.B.3", "I.B.4", "I.B.5"]


@pytest.mark.parametrize("content", [
    None, "", "document: [", SMALL_PLAN.replace("continuo", "pendinte"), "\x00\x01",
], ids=["missing", "empty", "syntax", "errors", "binary"])
def test_a_broken_plan_offers_nothing_and_says_nothing(tmp_path: Path, content: str | None,
                                                       capsys: pytest.CaptureFixture[str]):
    path = tmp_path / "workplan.yaml"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    for offered in (completion.active_ids(str(path), ""), completion.restorable_ids(str(path), ""),
                    completion.actors(str(path), ""), completion.sections(str(path), ""),
                    completion.objectives(str(path), "")):
        assert offered == []
    assert capsys.readouterr() == ("", "")


def test_the_plan_in_use_without_file_is_crmplan_file_then_the_current_folder(
        plan_file, tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(plan_file().parent)
    monkeypatch.delenv("CRMPLAN_FILE", raising=False)
    assert values(completion.active_ids(None, "")) == ["1.1", "1.2"]
    monkeypatch.setenv("CRMPLAN_FILE", SHIPPED)
    assert len(completion.active_ids(None, "")) == 40


# -- from the shell: Typer's completion protocol, as the scripts of --install-completion call it --

def complete(words: str, env: dict[str, str] | None = None) -> list[str]:
    """What bash gets when Tab is pressed after `words` (an empty last word when it ends in a
    space)."""
    cword = len(shlex.split(words)) - (0 if words.endswith(" ") else 1)
    result = CliRunner().invoke(app, [], prog_name="crmplan", env={
        "_CRMPLAN_COMPLETE": "complete_bash", "COMP_WORDS": words, "COMP_CWORD": str(cword),
        "CRMPLAN_FILE": None, **(env or {})})
    assert (result.exit_code, result.stderr) == (0, "")
    return result.stdout.splitlines()


def test_bash_completes_ids_of_the_file_given_before_or_after_the_command(archived: str):
    assert complete(f"crmplan -f {archived} archive ") == ["1.1", "1.3", "2.1"]
    assert complete(f"crmplan restore --file {archived} ") == ["1.2"]
    assert complete(f"crmplan show -f {SHIPPED} 13") == ["13", "13.1"]


def test_bash_completes_option_values(archived: str):
    assert complete(f"crmplan -f {SHIPPED} list --responsible mex") == ["México"]
    assert complete(f"crmplan -f {SHIPPED} status -r mex") == ["México"]
    assert complete(f"crmplan list -f {SHIPPED} --section ") == ["A", "B", "C"]
    # Objectives of both parts: --objective I.A.1 with --archived lists the history's.
    assert complete(f"crmplan list -f {archived} --objective ") == ["1", "2", "I.A.1"]


def test_bash_completion_reads_crmplan_file(archived: str):
    assert complete("crmplan restore ", {"CRMPLAN_FILE": archived}) == ["1.2"]


def test_bash_gets_names_with_spaces_escaped():
    assert complete(f"crmplan -f {SHIPPED} list -r Países\\ m") == [
        "Países\\ miembros", "Países\\ miembros\\ de\\ la\\ CRM"]
    assert complete("crmplan list --status por") == ["por\\ definir"]
    assert complete(f"crmplan -f {SHIPPED} list --responsible mex") == ["México"]


@posix_only  # a #!/bin/sh stand-in for crmplan
@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_bash_itself_reads_a_completed_name_as_one_word(tmp_path: Path):
    """Typer's own bash script, run by bash: Tab after `-r Países\\ m` gives words that the
    shell reads back as one argument each."""
    script = CliRunner().invoke(app, ["--show-completion", "bash"], prog_name="crmplan").stdout
    tool = tmp_path / "crmplan"
    tool.write_text(f'#!/bin/sh\nexec "{sys.executable}" -m crm_plan "$@"\n', encoding="utf-8")
    tool.chmod(0o755)
    test = tmp_path / "test.sh"
    test.write_text(script + f"""
COMP_WORDS=(crmplan -f {SHIPPED} list -r 'Países\\ m')
COMP_CWORD=5
_crmplan_completion crmplan
for reply in "${{COMPREPLY[@]}}"; do eval "set -- $reply"; echo "$#:$1"; done
""", encoding="utf-8")
    result = subprocess.run(["bash", "--norc", str(test)], capture_output=True, text=True,
                            env={**os.environ, "PATH": f"{tmp_path}{os.pathsep}{os.environ['PATH']}",
                                 "CRMPLAN_FILE": ""}, check=True)
    assert result.stdout.splitlines() == ["1:Países miembros", "1:Países miembros de la CRM"]


def test_zsh_shows_the_help_of_each_value():
    result = CliRunner().invoke(app, [], prog_name="crmplan", env={
        "_CRMPLAN_COMPLETE": "complete_zsh",
        "_TYPER_COMPLETE_ARGS": f"crmplan -f {SHIPPED} list -r mex"})
    assert result.stdout == "_arguments '*: :((\"México\":\"Estados Unidos Mexicanos\"))'\n"


def test_install_completion_is_offered():
    result = CliRunner().invoke(app, ["--help"], env={"COLUMNS": "120"})
    assert "--install-completion" in result.stdout and "--show-completion" in result.stdout


# -- PowerShell: Typer's script, and the line it hands over read as PowerShell reads it --

def crmplan(env: dict[str, str], *args: str, cwd: Path | None = None) -> str:
    """crmplan in its own process, through main(), as the PowerShell script runs it."""
    import os
    import subprocess
    import sys

    done = subprocess.run([sys.executable, "-m", "crm_plan", *args], capture_output=True,
                          text=True, encoding="utf-8", timeout=60, check=False, cwd=cwd,
                          env={**os.environ, "PYTHONIOENCODING": "utf-8", **env})
    assert (done.returncode, done.stderr) == (0, ""), done
    return done.stdout


def powershell_tab(line: str, word: str, cwd: Path | None = None) -> list[str]:
    """What the script of `crmplan --show-completion powershell` gets for a Tab press."""
    return crmplan({"_CRMPLAN_COMPLETE": "complete_powershell", "_TYPER_COMPLETE_ARGS": line,
                    "_TYPER_COMPLETE_WORD_TO_COMPLETE": word}, cwd=cwd).splitlines()


def test_powershell_registers_its_completer():
    script = crmplan({"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
                     "--show-completion", "powershell")
    assert "Register-ArgumentCompleter -Native -CommandName crmplan -ScriptBlock" in script
    assert '$Env:_CRMPLAN_COMPLETE = "complete_powershell"' in script
    assert crmplan({"_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"},
                   "--show-completion", "pwsh") == script  # PowerShell 7: the same script


def test_powershell_completes_values_with_their_help(archived: str):
    assert powershell_tab(f"crmplan -f {SHIPPED} list --responsible mex", "mex") == [
        "México:::Estados Unidos Mexicanos"]
    assert powershell_tab(f"crmplan restore -f '{archived}' ", "") == [
        "1.2:::Texto entre comillas simples"]


@pytest.mark.skipif(__import__("os").name == "nt", reason="there, it is a real path")
def test_powershell_reads_a_windows_path_typed_without_quotes(tmp_path: Path):
    """PowerShell users type `-f C:\\Users\\ana\\workplan.yaml` (its own Tab completes paths so).
    Here a file literally named so in the current folder stands for it."""
    shutil.copyfile(SHIPPED, tmp_path / r"C:\Users\ana\workplan.yaml")
    for typed in (r"C:\Users\ana\workplan.yaml", r"'C:\Users\ana\workplan.yaml'",
                  r'"C:\Users\ana\workplan.yaml"'):
        assert powershell_tab(f"crmplan -f {typed} show 13", "13", cwd=tmp_path) == [
            "13:::Regularizar las actividades de la red de funcionarios de en…",
            "13.1:::Compartir semestralmente información sobre el número de per…"]


@pytest.mark.parametrize(("line", "words"), [
    (r"crmplan -f C:\Users\ana\plan.yaml show", ["crmplan", "-f", r"C:\Users\ana\plan.yaml",
                                                 "show"]),
    (r"crmplan -f 'C:\Mis documentos\plan.yaml' show ", ["crmplan", "-f",
                                                        r"C:\Mis documentos\plan.yaml", "show"]),
    (r'crmplan -f "D:\Red Trata\plan.yaml"', ["crmplan", "-f", r"D:\Red Trata\plan.yaml"]),
    ("crmplan list -r 'Países miembros'", ["crmplan", "list", "-r", "Países miembros"]),
    ("crmplan list -r Países` miembros", ["crmplan", "list", "-r", "Países miembros"]),
    ("crmplan -f 'it''s.yaml'", ["crmplan", "-f", "it's.yaml"]),
    ('crmplan -f "say `"hi`""', ["crmplan", "-f", 'say "hi"']),
    ("crmplan -f '' show", ["crmplan", "-f", "", "show"]),
    (r"crmplan -f 'C:\still typing", ["crmplan", "-f", r"C:\still typing"]),
])
def test_a_powershell_line_in_posix_words(line: str, words: list[str]):
    import shlex

    assert shlex.split(completion.powershell_line(line)) == words
