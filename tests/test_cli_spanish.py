"""Spanish everywhere: the help of every command and the usage errors say no English word in
Spanish mode, whether Spanish comes from the locale (LANG=es_MX.UTF-8) or from --lang es.

Each case runs crmplan in a process of its own: the language is chosen once, at start."""

from __future__ import annotations

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


def english_words(text: str) -> list[str]:
    """English words left in `text`, once what the user types as it is (option names, the
    values of --format and --lang, the file's English status aliases) is set aside."""
    typed = re.sub(r"(?<![\w-])--?[\w-]+(=\S*)?|\[[\w|]+\]|\(o en inglés: [^)]*\)|"
                   r"crmplan \w+|'\w+'|\"\w+\"", " ", text)
    return ENGLISH.findall(typed)


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_every_help_screen_is_spanish(mode: str, command: str):
    environ, lang = MODES[mode]
    result = crmplan([*([command] if command else []), *lang, "--help"], environ)
    assert result.returncode == 0, result.stderr
    assert result.stdout.lstrip().startswith(f"Uso: crmplan {command}".rstrip())
    assert english_words(result.stdout) == [], result.stdout


@pytest.mark.parametrize("mode", MODES)
@pytest.mark.parametrize("case", USAGE_ERRORS)
def test_usage_errors_are_spanish(mode: str, case: str):
    environ, lang = MODES[mode]
    result = crmplan(["-f", PLAN, *lang, *USAGE_ERRORS[case]], environ)
    assert (result.returncode, result.stdout) == (2, "")
    assert "crmplan: " in result.stderr and "Traceback" not in result.stderr
    assert english_words(result.stderr) == [], result.stderr


def test_usage_errors_in_spanish_say_what_is_wrong():
    environ = MODES["LANG"][0]
    said = {case: crmplan(["-f", PLAN, *args], environ).stderr
            for case, args in USAGE_ERRORS.items()}
    assert said["unknown option"] == ("Uso: crmplan list [OPCIONES]\n"
                                      "crmplan: no existe la opción --bogus\n"
                                      "Para ver la ayuda: crmplan list --help\n")
    assert "crmplan: falta el argumento ID\n" in said["missing argument"]
    assert ("crmplan: 'xml' no es un valor de --format (valores válidos: table, json, csv, "
            "markdown)\n") in said["bad choice"]
    assert "crmplan: falta el valor de --as-of\n" in said["missing value"]
    assert "crmplan: la opción --responsible es obligatoria\n" in said["missing option"]
    assert "crmplan: no existe el comando 'lst'; ¿quiso decir 'list'?\n" \
        in said["unknown command"]
    assert "crmplan: --ref-year requiere un número entero, no 'dos mil'\n" in said["bad int"]
    assert "crmplan: sobran argumentos: 9.3\n" in said["extra argument"]
    assert "crmplan: --direct no admite un valor\n" in said["flag with a value"]


def test_a_bad_language_is_refused_in_the_language_of_the_locale():
    result = crmplan(["--lang", "xx", "status"], MODES["LANG"][0])
    assert result.returncode == 2
    assert "crmplan: 'xx' no es un valor de --lang (valores válidos: en, es)\n" in result.stderr


def test_metavars_are_the_words_of_the_help_sentences():
    text = crmplan(["list", "--help"], MODES["LANG"][0]).stdout
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
