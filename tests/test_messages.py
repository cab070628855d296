"""Messages in two languages: every sentence of the code has its Spanish, and the right one is
chosen (--lang, CRMPLAN_LANG, the locale)."""

from __future__ import annotations

import ast
import os
import string
import subprocess
import sys

import pytest
from conftest import ROOT, SMALL_PLAN
from typer.testing import CliRunner

from crm_plan import messages
from crm_plan.cli import app
from crm_plan.locales import es

PACKAGE = ROOT / "crm_plan"
MARKERS = ("_", "N_")
# Calls of `_` whose argument is not a literal: the texts they receive are marked with N_().
TRANSLATED_LATER = {("problems.py", "_SEVERITY_LABELS[self.value]"), ("source.py", "words"),
                    ("commands/usage.py", "text"),
                    ("rules/__init__.py", "rule.EXPLANATION"), ("codes.py", "text")}


def _calls() -> list[tuple[str, ast.Call]]:
    found = []
    for path in sorted(PACKAGE.rglob("*.py")):
        if "locales" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and isinstance(node.func, ast.Name) \
                    and node.func.id in (*MARKERS, "ngettext"):
                found.append((path.relative_to(PACKAGE).as_posix(), node))
    return found


def _literal(node: ast.expr) -> str | None:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else None


def extract() -> tuple[dict[str, str], dict[tuple[str, str], str]]:
    """Every message id of the code, with where it is: `_("...")`, `N_("...")`, ngettext."""
    singles: dict[str, str] = {}
    plurals: dict[tuple[str, str], str] = {}
    for where, call in _calls():
        if call.func.id == "ngettext":  # type: ignore[attr-defined]
            pair = (_literal(call.args[0]), _literal(call.args[1]))
            assert None not in pair, f"{where}:{call.lineno}: ngettext needs two literals"
            plurals.setdefault(pair, f"{where}:{call.lineno}")  # type: ignore[arg-type]
        elif (text := _literal(call.args[0])) is not None:
            singles.setdefault(text, f"{where}:{call.lineno}")
    return singles, plurals


def placeholders(text: str) -> list[tuple[str, str]]:
    """The {fields} of a text given to .format(); the braces of one that is not."""
    try:
        fields = string.Formatter().parse(text)
        return sorted((name, spec or "") for _lit, name, spec, _conv in fields if name is not None)
    except ValueError:  # a lone brace: not a format string (e.g. source.py's _PLAIN_WORDS)
        return [("braces", "".join(sorted(c for c in text if c in "{}")))]


def test_the_extraction_finds_the_messages():
    singles, plurals = extract()
    assert len(singles) > 200
    assert "the plan file" in singles  # _()
    assert "a tab character here; YAML needs spaces, not tabs" in singles  # N_()
    assert ("{n} error", "{n} errors") in plurals


def test_every_message_is_a_literal_or_marked_where_it_is_written():
    variables = {(where, ast.unparse(call.args[0])) for where, call in _calls()
                 if call.func.id == "_"  # type: ignore[attr-defined]
                 and _literal(call.args[0]) is None}
    assert variables == TRANSLATED_LATER


def test_every_message_has_a_spanish_translation():
    singles, plurals = extract()
    missing = {text: where for text, where in singles.items() if text not in es.MESSAGES}
    assert not missing, "no Spanish for:\n" + "\n".join(f"{w}: {t!r}" for t, w in missing.items())
    missing_plurals = [pair for pair in plurals if pair not in es.PLURALS]
    assert not missing_plurals


def test_the_catalogue_holds_no_stale_message():
    singles, plurals = extract()
    assert set(es.MESSAGES) - set(singles) == set()
    assert set(es.PLURALS) - set(plurals) == set()


@pytest.mark.parametrize("english", sorted(es.MESSAGES))
def test_placeholders_match(english: str):
    assert placeholders(es.MESSAGES[english]) == placeholders(english)


def test_plural_placeholders_match():
    for (singular, plural), (uno, varios) in es.PLURALS.items():
        assert placeholders(uno) == placeholders(singular) == placeholders(varios) \
            == placeholders(plural)


def test_translations_are_spanish_not_copies():
    # Texts the same in both languages: formats, names, and words Spanish borrows.
    same = {text for text, spanish in es.MESSAGES.items() if text == spanish}
    assert same == {"{path}: {errors}.", "{path}: {errors}, {warnings}.", "{path}: {errors}, {warnings} ({counts}).",
                    "crmplan: {message}", "{path}: {message}", "'document'", "'actors'",
                    "'areas'", "'sections'", "error", "no", "Ref.: {ref}", "{actor} ({role})", "Id", "Total", "total",
                    "Actor", "{id} ({where}): {changes}"}


# -- choosing the language -----------------------------------------------------------------------

@pytest.mark.parametrize(("argv", "environ", "expected"), [
    (["crmplan"], {}, "en"),
    (["crmplan", "--lang", "es", "status"], {}, "es"),
    (["crmplan", "--lang=es", "status"], {"CRMPLAN_LANG": "en"}, "es"),
    (["crmplan", "--lang", "en"], {"CRMPLAN_LANG": "es", "LANG": "es_MX.UTF-8"}, "en"),
    (["crmplan", "--lang", "fr"], {"CRMPLAN_LANG": "es"}, "es"),  # click rejects fr itself
    (["crmplan", "--lang", "ES"], {}, "en"),  # and ES: the choices are es and en
    (["crmplan", "list", "--", "--lang", "es"], {}, "en"),
    (["crmplan"], {"CRMPLAN_LANG": "es"}, "es"),
    (["crmplan"], {"CRMPLAN_LANG": "en", "LANG": "es_MX.UTF-8"}, "en"),
    (["crmplan"], {"LANG": "es_MX.UTF-8"}, "es"),
    (["crmplan"], {"LANG": "es_GT"}, "es"),
    (["crmplan"], {"LANG": "es"}, "es"),
    (["crmplan"], {"LC_MESSAGES": "es_HN.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    (["crmplan"], {"LC_ALL": "C", "LANG": "es_MX.UTF-8"}, "en"),  # LC_ALL wins, as in POSIX
    (["crmplan"], {"LC_ALL": "es_SV.UTF-8", "LANG": "en_US.UTF-8"}, "es"),
    (["crmplan"], {"LANG": "et_EE.UTF-8"}, "en"),  # Estonian is not Spanish
    (["crmplan"], {"LANG": "fr_FR.UTF-8"}, "en"),
])
def test_detect(argv: list[str], environ: dict[str, str], expected: str):
    assert messages.detect(argv, environ) == expected


@pytest.mark.parametrize(("value", "expected"), [
    ("es", "es"), ("ES", "es"), ("es_MX.UTF-8", "es"), ("es-MX", "es"), ("Spanish_Mexico", "es"),
    ("en", "en"), ("en_US", "en"), ("English_United States", "en"), ("estonian", None),
    ("", None), (None, None), ("fr", None),
])
def test_normalise(value: str | None, expected: str | None):
    assert messages.normalise(value) == expected


def test_spanish_plurals_count_one_and_the_rest():
    catalogue = messages.catalogue("es")
    assert [catalogue.ngettext("{n} error", "{n} errors", n).format(n=n) for n in (0, 1, 2)] == [
        "0 errores", "1 error", "2 errores"]


def test_an_unknown_language_is_refused():
    with pytest.raises(ValueError):
        messages.use("fr")


# -- the language a user sees --------------------------------------------------------------------

def test_lang_es_validate(plan_file):
    path = plan_file(SMALL_PLAN.replace("status: continuo", "status: pendinte")
                     .replace("responsible: [OIM]", "responsible: [OIN]"))
    result = CliRunner().invoke(app, ["--lang", "es", "validate", "-f", str(path)])
    assert (result.exit_code, result.stdout) == (1, (
        f"{path}:27:17: error: 'pendinte' no es un estado; ¿quiso decir 'pendiente'? [status]\n"
        f"{path}:30:23: error: el actor 'OIN' no se ha declarado; ¿quiso decir 'OIM'? [actor]\n"
        f"{path}: 2 errores, 0 advertencias (1 objetivo, 2 actividades, 1 en el histórico).\n"))


def test_lang_es_keeps_machine_formats_and_plan_content(plan_file):
    path = plan_file(SMALL_PLAN.replace("status: continuo", "status: pendinte"))
    result = CliRunner().invoke(app, ["--lang", "es", "validate", "--format", "json",
                                      "-f", str(path)])
    assert '"severity": "error"' in result.stdout  # the json keeps its keys and values
    assert "no es un estado" in result.stdout


def test_lang_es_errors(plan_file):
    path = str(plan_file())
    result = CliRunner().invoke(app, ["--lang", "es", "show", "1.9", "-f", path])
    assert (result.exit_code, result.stderr) == (
        2, (f"crmplan: en {path}: ninguna actividad ni objetivo tiene el id '1.9'; ¿quiso decir "
            "'1.2' o '1.1'?\n"))


def test_lang_es_tables(plan_file):
    result = CliRunner().invoke(app, ["--lang", "es", "show", "1.2", "--as-of", "2010-03-01",
                                      "-f", str(plan_file())], env={"COLUMNS": "80"})
    assert result.stdout == """\
Actividad         1.2 (plan activo)
Objetivo          1. Objetivo uno
Sección           A. Sección A
Área              I. Políticas y gestión migratoria
Texto             Actividad dos
Responsable       OIM: Organización Internacional para las Migraciones
Estado            programado, fecha prevista febrero de 2010 (plazo vencido al 1
                  de marzo de 2010)
Plan de Acción    no
Línea del archivo 28
"""


def _crmplan(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    environ = {k: v for k, v in os.environ.items()
               if k not in ("CRMPLAN_LANG", "LANG", "LC_ALL", "LC_MESSAGES")}
    return subprocess.run([sys.executable, "-m", "crm_plan", *args], capture_output=True,
                          check=False, env=environ | env | {"COLUMNS": "80"}, encoding="utf-8")


def test_help_in_spanish_from_the_command_line():
    result = _crmplan("--lang", "es", "--help")
    assert result.returncode == 0
    assert "Mantenga el plan de trabajo" in result.stdout
    assert "Revisa el archivo del plan" in result.stdout


def test_spanish_from_the_locale_and_english_by_default(plan_file):
    path = str(plan_file())
    spanish = _crmplan("validate", "-f", path, LANG="es_MX.UTF-8")
    english = _crmplan("validate", "-f", path)
    assert spanish.stdout == (
        f"{path}: sin problemas (1 objetivo, 2 actividades, 1 en el histórico).\n")
    assert english.stdout == (
        f"{path}: no problems (1 objective, 2 activities, 1 in the history).\n")


# -- dates inside sentences ------------------------------------------------------------------------

def test_dates_in_sentences_read_as_dates_in_spanish_and_stay_iso_in_english():
    import datetime as dt

    from crm_plan import messages

    try:
        messages.use("es")
        assert messages.day(dt.date(2026, 11, 29)) == "29 de noviembre de 2026"
        assert messages.when(2010, 2) == "febrero de 2010"
        assert messages.when(2010) == "2010"
        messages.use("en")
        assert messages.day(dt.date(2026, 11, 29)) == "2026-11-29"
        assert messages.when(2010, 2) == "2010-02"
    finally:
        messages.use("en")


def test_changes_in_spanish_say_estado_and_ninguna():
    from crm_plan.changes import Change, Kind
    from crm_plan.messages import use
    from crm_plan.render.changes import describe

    try:
        use("es")
        due = Change(kind=Kind.DUE, id="9.3", section="C", objective="9", text="t", before=None, after="2010-06")
        status = Change(kind=Kind.STATUS, id="9.3", section="C", objective="9", text="t", before="pendiente",
                        after="programado")
        support = Change(kind=Kind.ACTORS, id="9.3", section="C", objective="9", text="t", field="support", before=(),
                         after=("OIM",))
        assert describe(due) == ("fecha prevista", "(ninguna) → 2010-06")
        assert describe(status) == ("estado", "pendiente → programado")
        assert describe(support)[1] == "(ninguno) → OIM"
    finally:
        use("en")
