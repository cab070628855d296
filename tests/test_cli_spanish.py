"""Spanish everywhere: the help of every command and the usage errors say no English word in
Spanish mode, whether Spanish comes from the locale (LANG=es_MX.UTF-8) or from --lang es.

crmplan runs in a process started in Spanish mode: the language is chosen once, at start."""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

from crm_plan.cli import COMMANDS

PLAN = str(ROOT / "workplan.yaml")

# Words of typer's and click's English, and of crmplan's English help and messages.
ENGLISH = re.compile(r"\b(Usage|Options|Arguments|Commands|default|required|env var|Show this|"
                     r"message|exit|No such|no such|Missing|missing|Try|Error|Invalid|invalid|"
                     r"value|is not|one of|unexpected|extra|argument|command|option|requires|"
                     r"TEXT|DATE|FILE|PATH|YEAR|BODY|STATUS|INTEGER|REV|OLD_FILE|NEW_FILE|DIR|"
                     r"Install|install|completion|current shell|the|and|for|with|of|or|to|help|"
                     r"Activities|activities|Example|plan file|Repeatable|Default)\b")

# Where Spanish mode comes from: the locale, or --lang es whatever the locale says.
MODES = {"LANG": ({"LANG": "es_MX.UTF-8"}, []), "--lang": ({"LANG": "C.UTF-8"}, ["--lang", "es"])}

USAGE_ERRORS = {
    "unknown option": ["list", "--bogus"],
    "missing argument": ["show"],
    "bad choice": ["list", "--format", "xml"],
    "missing value": ["list", "--as-of"],
    "missing option": ["report"],
    "unknown command": ["lst"],
    "bad int": ["list", "--ref-year", "dos mil"],
    "extra argument": ["list", "9.3"],
    "flag with a value": ["list", "--direct=yes"],
}


def crmplan(args: list[str], environ: dict[str, str]) -> subprocess.CompletedProcess[str]:
    env = {"PATH": os.environ.get("PATH", ""), "COLUMNS": "100", **environ}
    return subprocess.run([sys.executable, "-m", "crm_plan", *args], capture_output=True,
                          text=True, env=env, check=False, cwd=ROOT)


# Many command lines in one process started in Spanish mode (one process per mode: a start
# costs more than a help screen): {name: [exit code, stdout, stderr]}.
_MANY = """
import json, sys
lines = json.loads(sys.stdin.read())
sys.argv = ["crmplan", *lines.pop("--")]  # --lang es, as the process's command line says it
from typer.testing import CliRunner
from crm_plan.cli import app
said = {}
for name, args in lines.items():
    result = CliRunner().invoke(app, args, prog_name="crmplan")
    said[name] = [result.exit_code, result.stdout, result.stderr]
print(json.dumps(said))
"""


@functools.cache
def in_spanish(mode: str) -> dict[str, tuple[int, str, str]]:
    """Every help screen (`help <command>`) and usage error (its USAGE_ERRORS name)."""
    environ, lang = MODES[mode]
    lines: dict[str, list[str]] = {"--": lang}
    for command in ["", *COMMANDS]:
        lines[f"help {command}"] = [*([command] if command else []), *lang, "--help"]
    for case, args in USAGE_ERRORS.items():
        lines[case] = ["-f", PLAN, *lang, *args]
    env = {"PATH": os.environ.get("PATH", ""), "COLUMNS": "100", **environ}
    out = subprocess.run([sys.executable, "-c", _MANY], input=json.dumps(lines),
                         capture_output=True, text=True, env=env, check=True, cwd=ROOT)
    return {name: (code, stdout, stderr) for name, (code, stdout, stderr)
            in json.loads(out.stdout).items()}


def english_words(text: str) -> list[str]:
    """English words left in `text`, once what the user types as it is (option names, the
    values of --format and --lang, the file's English status aliases) is set aside."""
    typed = re.sub(r"(?<![\w-])--?[\w-]+(=\S*)?|\[[\w|]+\]|\(o en inglés: [^)]*\)|"
                   r"crmplan \w+|'\w+'|\"\w+\"", " ", text)
    return ENGLISH.findall(typed)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_screen_is_spanish(mode: str, command: str):
    code, stdout, stderr = in_spanish(mode)[f"help {command}"]
    assert code == 0, stderr
    assert stdout.lstrip().startswith(f"Uso: crmplan {command}".rstrip())
    assert english_words(stdout) == [], stdout


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", USAGE_ERRORS)
def test_usage_errors_are_spanish(mode: str, case: str):
    code, stdout, stderr = in_spanish(mode)[case]
    assert (code, stdout) == (2, "")
    assert "crmplan: " in stderr and "Traceback" not in stderr
    assert english_words(stderr) == [], stderr


def test_usage_errors_in_spanish_say_what_is_wrong():
    said = {case: stderr for case, (_code, _out, stderr) in in_spanish("LANG").items()}
    assert said["unknown option"] == ("Uso: crmplan list [OPCIONES]\n"
                                      "crmplan: no existe la opción --bogus\n"
                                      "Para ver la ayuda: crmplan list --help\n")
    assert "crmplan: falta el argumento ID\n" in said["missing argument"]
    assert ("crmplan: 'xml' no es un valor de --format (valores válidos: table, json, csv, "
            "markdown)\n") in said["bad choice"]
    assert "crmplan: falta el valor de --as-of\n" in said["missing value"]
    assert "crmplan: la opción --responsible es obligatoria\n" in said["missing option"]
    assert "crmplan: no existe el comando 'lst'; ¿quiso decir 'list' o 'set'?\n" \
        in said["unknown command"]
    assert "crmplan: --ref-year requiere un número entero, no 'dos mil'\n" in said["bad int"]
    assert "crmplan: sobran argumentos: 9.3\n" in said["extra argument"]
    assert "crmplan: --direct no admite un valor\n" in said["flag with a value"]


def test_a_bad_language_is_refused_in_the_language_of_the_locale():
    result = crmplan(["--lang", "xx", "status"], MODES["LANG"][0])
    assert result.returncode == 2
    assert "crmplan: 'xx' no es un valor de --lang (valores válidos: en, es)\n" in result.stderr


def test_metavars_are_the_words_of_the_help_sentences():
    text = in_spanish("LANG")["help list"][1]
    flat = " ".join(text.replace("│", " ").split())
    assert "--search TEXTO Actividades cuyo texto, notas, referencias o resultados contienen " \
        "TEXTO" in flat
    assert "--due-before FECHA Actividades con fecha prevista anterior a FECHA" in flat
    assert "[predeterminado: table]" in flat and "[variable de entorno: CRMPLAN_FILE]" in flat


def test_completion_is_installed_in_spanish(tmp_path: Path):
    # typer's own switch: --install-completion takes the shell's name instead of detecting it
    environ = {**MODES["LANG"][0], "HOME": str(tmp_path),
               "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = crmplan(["--install-completion", "bash"], environ)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Autocompletado de bash instalado en ")
    assert lines[1] == "Funcionará en las terminales que abra a partir de ahora."
    assert (tmp_path / ".bashrc").exists()


def test_completion_for_an_unknown_shell_is_refused_in_spanish(tmp_path: Path):
    environ = {**MODES["LANG"][0], "HOME": str(tmp_path),
               "_TYPER_COMPLETE_TEST_DISABLE_SHELL_DETECTION": "1"}
    result = crmplan(["--install-completion", "tcsh"], environ)
    assert (result.returncode, result.stdout) == (2, "")
    assert "crmplan: 'tcsh' no es un valor de --install-completion (valores válidos: bash, " \
        "zsh, fish, powershell, pwsh)\n" in result.stderr
