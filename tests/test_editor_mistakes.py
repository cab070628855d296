"""The slips a person makes editing workplan.yaml by hand, each made in a copy of the shipped
plan: the message says what happened, where it happened, in English and in Spanish."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from crm_plan.cli import app
from crm_plan.problems import Problem, Severity
from crm_plan.source import from_bytes
from crm_plan.validate import validate

runner = CliRunner()
SHIPPED = (ROOT / "workplan.yaml").read_text(encoding="utf-8")


def line_of(text: str, needle: str) -> int:
    """The number of the line of `text` that holds `needle` (once)."""
    found = [n for n, line in enumerate(text.splitlines(), 1) if needle in line]
    assert len(found) == 1, (needle, found)
    return found[0]


def edited(old: str, new: str, text: str = SHIPPED) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def errors(tmp_path: Path, text: str, lang: str) -> list[str]:
    """The problem lines `validate` prints for `text`, written as workplan.yaml."""
    path = tmp_path / "workplan.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["--lang", lang, "validate", "-f", str(path)])
    assert result.exit_code == 1, result.output
    prefix = f"{path}:"
    return [line.replace(prefix, "workplan.yaml:", 1) for line in result.stdout.splitlines()
            if ": error: " in line]


QUOTES_AROUND_FIRST_WORDS = {
    "en": "error: a text that starts with a quote must end with it, and this one goes on after "
          "its closing quote: put the whole text between the quotes (\"...\"), or remove the "
          "quotes [syntax]",
    "es": "error: un texto que empieza con comillas debe terminar con ellas, y este sigue "
          "después de cerrarlas: ponga todo el texto entre las comillas (\"...\") o quítelas "
          "[syntax]",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_quotes_around_the_first_words_only(tmp_path: Path, lang: str):
    text = edited("text: Realizar Taller de modernización",
                  'text: "Realizar Taller" de modernización')
    line = line_of(text, '"Realizar Taller" de')
    assert errors(tmp_path, text, lang) == [
        f"workplan.yaml:{line}:15: {QUOTES_AROUND_FIRST_WORDS[lang]}"]


UNCLOSED = {
    "en": 'error: this quote is not closed: a text that starts with " must end with " [syntax]',
    "es": 'error: estas comillas no se cierran: un texto que empieza con " debe terminar con " '
          "[syntax]",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize("activity", ["9.6", "1.2"])
def test_an_unclosed_quote_is_reported_where_it_opens(tmp_path: Path, lang: str,
                                                       activity: str):
    """The parser fails lines later, at the next quote (a `- id: "10"`, a `[...]`)."""
    text = edited(f'- id: "{activity}"', f'- id: "{activity}')
    line = line_of(text, f'- id: "{activity}\n'.strip())
    assert errors(tmp_path, text, lang) == [f"workplan.yaml:{line}:13: {UNCLOSED[lang]}"]


MISSING_DASH = {
    "en": "error: 'id' appears again in the same item (first at line {first}): a '- ' is "
          "missing here, so two items are read as one; start this line with '- ' like line "
          "{first} [syntax]",
    "es": "error: 'id' aparece de nuevo en el mismo elemento (la primera vez en la línea "
          "{first}): aquí falta un '- ', así que dos elementos se leen como uno; empiece esta "
          "línea con '- ' como la línea {first} [syntax]",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_id_without_its_dash_is_one_error_not_five_duplicate_keys(tmp_path: Path, lang: str):
    """Following the old advice (delete one of the two keys) deleted activity 9.6."""
    text = edited('      - id: "9.6"', '        id: "9.6"')
    line, first = line_of(text, 'id: "9.6"'), line_of(text, 'id: "9.5"')
    assert errors(tmp_path, text, lang) == [
        f"workplan.yaml:{line}:7: {MISSING_DASH[lang].format(first=first)}"]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_an_id_without_its_dash_less_indented(tmp_path: Path, lang: str):
    text = edited('      - id: "9.6"', '      id: "9.6"')
    line = line_of(text, 'id: "9.6"')
    message = {
        "en": "this line starts an item of the list without its '- ': write '- ' before it, as "
              "on the items above",
        "es": "esta línea empieza un elemento de la lista sin su '- ': escriba '- ' delante, "
              "como en los elementos anteriores"}[lang]
    assert errors(tmp_path, text, lang) == [f"workplan.yaml:{line}:7: error: {message} [syntax]"]


EMPTY_THEN_ENTRIES = {
    "en": "error: '{key}: {empty}' says that '{key}' is empty, but entries follow on the next "
          "lines: remove the '{empty}' [syntax]",
    "es": "error: '{key}: {empty}' dice que no hay nada en '{key}', pero en las líneas "
          "siguientes hay entradas: quite el '{empty}' [syntax]",
}


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("key", "empty", "added"), [
    ("areas", "{}", "  I: Políticas y gestión migratoria\n"),
    ("sections", "{}", "  A:\n    area: I\n    title: Intercambio de información\n"),
    ("objectives", "[]", '  - id: "1"\n    section: A\n'),
])
def test_entries_added_under_an_empty_mapping_of_init(tmp_path: Path, lang: str, key: str,
                                                      empty: str, added: str):
    created = tmp_path / "new.yaml"
    assert runner.invoke(app, ["init", str(created)]).exit_code == 0
    text = edited(f"{key}: {empty}\n", f"{key}: {empty}\n{added}",
                  created.read_text(encoding="utf-8"))
    line = line_of(text, f"{key}: {empty}")
    assert errors(tmp_path, text, lang) == [
        f"workplan.yaml:{line}:{len(key) + 3}: "
        + EMPTY_THEN_ENTRIES[lang].format(key=key, empty=empty)]


NOT_A_FIELD = {
    "en": "error: '{word}' is not a field of an activity; did you mean '{field}'? "
          "[unknown-field]",
    "es": "error: '{word}' no es un campo válido en una actividad; ¿quiso decir '{field}'? "
          "[unknown-field]",
}
ACTIVITY_9_5 = """\
      - id: "9.5"
        text: Diseñar lineamientos que contengan ejes de atención y recuperación de víctimas de trata de personas.
        ref: p. 4, CRM, Inf. Red Trata, mayo, 2008
        responsible: [Países miembros]
        status: pendiente
"""


@pytest.mark.parametrize("lang", ["en", "es"])
@pytest.mark.parametrize(("word", "field"), [
    ("estado", "status"), ("texto", "text"), ("responsable", "responsible"),
    ("referencia", "ref"), ("Estado", "status"),
])
def test_a_spanish_field_name_is_the_only_error(tmp_path: Path, lang: str, word: str,
                                                 field: str):
    """Not also 'an activity has no status' before it, at the activity's first line."""
    assert ACTIVITY_9_5 in SHIPPED
    text = edited(ACTIVITY_9_5, ACTIVITY_9_5.replace(f"        {field}:", f"        {word}:"))
    line = line_of(text, f"        {word}:")
    assert errors(tmp_path, text, lang) == [
        f"workplan.yaml:{line}:9: " + NOT_A_FIELD[lang].format(word=word, field=field)]


@pytest.mark.parametrize("lang", ["en", "es"])
def test_fecha_for_the_due_date_of_programado(tmp_path: Path, lang: str):
    """`programado` without `due` follows from `fecha`: said once, where `fecha` is."""
    text = edited(ACTIVITY_9_5, ACTIVITY_9_5.replace(
        "status: pendiente\n", "status: programado\n        fecha: 2010-05\n"))
    line = line_of(text, "        fecha: 2010-05")
    assert errors(tmp_path, text, lang) == [
        f"workplan.yaml:{line}:9: " + NOT_A_FIELD[lang].format(word="fecha", field="due")]


@pytest.mark.parametrize(("word", "old", "new", "message"), [
    ("título", '  - id: "9"\n    section: C\n    title:', '  - id: "9"\n    section: C\n    título:',
     "'título' is not a field of an objective; did you mean 'title'?"),
    ("actividades", "    activities:\n      - id: \"9.1\"", "    actividades:\n      - id: \"9.1\"",
     "'actividades' is not a field of an objective; did you mean 'activities'?"),
])
def test_spanish_names_in_an_objective(tmp_path: Path, word: str, old: str, new: str,
                                       message: str):
    text = edited(old, new)
    line = line_of(text, f"    {word}:")
    found = errors(tmp_path, text, "en")
    assert found[0] == f"workplan.yaml:{line}:5: error: {message} [unknown-field]"
    assert not any("[required]" in problem for problem in found), found


def _value_lines(pattern: str) -> list[tuple[int, re.Match[str]]]:
    """The lines of the shipped plan with a value `pattern` matches: one in three (a parse
    that fails costs more than one that succeeds; CRMPLAN_FUZZ=1 tries them all)."""
    step = 1 if os.environ.get("CRMPLAN_FUZZ") else 3
    return [(number, found) for number, line in enumerate(SHIPPED.split("\n"))
            if (found := re.match(pattern, line))][::step]


def first_error(text: str) -> Problem:
    return next(p for p in validate(from_bytes(text.encode("utf-8"), "workplan.yaml"))[1]
                if p.severity is Severity.ERROR)


def test_an_unclosed_quote_on_any_value_of_the_plan_is_reported_on_its_line():
    lines = SHIPPED.split("\n")
    for number, found in _value_lines(r"^(\s*(?:- )?[a-z_]+: )([^\"'\[{#\s].*)$"):
        text = "\n".join([*lines[:number], found[1] + '"' + found[2], *lines[number + 1:]])
        problem = first_error(text)
        assert (problem.line, problem.code) == (number + 1, "syntax"), (number + 1, problem)
        assert "not closed" in problem.message


def test_quotes_around_the_first_word_of_any_value_are_reported_on_its_line():
    lines = SHIPPED.split("\n")
    for number, found in _value_lines(r"^(\s*(?:- )?[a-z_]+: )([^\"'\[{#\s]\S*)(\s+[^#\s].*)$"):
        text = "\n".join([*lines[:number], f'{found[1]}"{found[2]}"{found[3]}',
                          *lines[number + 1:]])
        problem = first_error(text)
        assert (problem.line, problem.col) == (number + 1, len(found[1]) + 1), problem
        assert "closing quote" in problem.message


@pytest.mark.parametrize(("old", "new", "needle", "col", "start"), [
    ('- id: "9.6"', '- id: "9.6', '- id: "9.6\r', 13, "this quote is not closed"),
    ('      - id: "9.6"', '      id: "9.6"', 'id: "9.6"', 7, "this line starts an item"),
    ("text: Realizar Taller de", 'text: "Realizar" Taller de', '"Realizar" Taller', 15,
     "a text that starts with a quote"),
])
def test_the_slips_in_a_windows_file(old: str, new: str, needle: str, col: int, start: str):
    """Notepad's CRLF line endings change nothing in what is said, or where."""
    text = edited(old, new).replace("\n", "\r\n")
    problem = first_error(text)
    assert (problem.line, problem.col) == (line_of(text.replace("\r\n", "\n"),
                                                   needle.rstrip("\r")), col)
    assert problem.message.startswith(start)
