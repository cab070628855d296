"""The rules: every one registered and documented in both languages, and the control-character
rule at the exact place of each character, in every way YAML lets one be written."""

from __future__ import annotations

import pkgutil
from pathlib import Path

import pytest
from conftest import SMALL_PLAN, assert_problems, problems_of
from typer.testing import CliRunner

from crm_plan import rules
from crm_plan.cli import app
from crm_plan.locales import es
from crm_plan.problems import Severity
from crm_plan.rules import RULES
from crm_plan.rules.control_character import _LET_THROUGH
from crm_plan.source import Scalar, Source, parse
from crm_plan.text import unsafe_characters
from crm_plan.validate import validate

CODE = "control-character"


def change(old: str, new: str, text: str = SMALL_PLAN) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def messages(text: str) -> list[str]:
    root, problems = parse(text, "plan.yaml")
    return [str(p) for p in validate(Source("plan.yaml", text, root, problems))[1]]


# -- the registry --------------------------------------------------------------------------------

def test_every_rule_module_is_registered():
    modules = {name for _finder, name, _pkg in pkgutil.iter_modules(rules.__path__)}
    registered = {vars(rule)["__name__"].rpartition(".")[2] for rule in RULES}
    assert modules - {"base"} == registered


def test_every_rule_has_a_code_of_its_own_named_after_its_module():
    codes = [rule.CODE for rule in RULES]
    assert len(set(codes)) == len(codes)
    for rule in RULES:
        assert vars(rule)["__name__"] == "crm_plan.rules." + rule.CODE.replace("-", "_")
        assert vars(rule)["__doc__"].startswith(rule.CODE + ": ")
        assert isinstance(rule.SEVERITY, Severity)


@pytest.mark.parametrize("rule", RULES, ids=lambda rule: rule.CODE)
def test_every_rule_is_explained_in_english_and_in_spanish(rule):  # type: ignore[no-untyped-def]
    english = rule.EXPLANATION
    assert english.endswith(".") and len(english) < 400
    spanish = es.MESSAGES[english]
    assert spanish.endswith(".") and spanish != english


def test_rules_speak_only_in_their_own_code():
    """Every problem of the plan is a rule's, the reader's or the parser's, under its code."""
    text = change("status: continuo", "status: pendinte").replace("updated: 2009-11-26",
                                                                  'updated: "2009\\e"')
    assert {code for _line, _col, code in problems_of(text)} == {"status", "date", CODE}


# -- control-character: every way of writing one --------------------------------------------------

def test_an_escape_in_double_quotes_is_an_error_at_the_backslash():
    text = change("text: Actividad uno", 'text: "\\e]0;pwned\\a\\e[2J"')
    assert messages(text) == [
        ("plan.yaml:24:16: error: the text holds U+001B ESCAPE, a control character that cannot be "
         "seen; delete it [control-character]"),
        ("plan.yaml:24:26: error: the text holds U+0007 BELL, a control character that cannot be "
         "seen; delete it [control-character]"),
        ("plan.yaml:24:28: error: the text holds U+001B ESCAPE, a control character that cannot be "
         "seen; delete it [control-character]"),
    ]


@pytest.mark.parametrize(("written", "column"), [
    ('"a\\x1bb"', 17), ('"a\\u001Bb"', 17), ('"a\\U0000001bb"', 17), ('"\\\\\\e"', 18),
    ('"ab\\u202ec"', 18), ('"a\\Lb"', 17), ('"a\\Nb"', 17), ('"a\\0b"', 17),
])
def test_every_escape_that_makes_one(written: str, column: int):
    assert_problems(change("text: Actividad uno", f"text: {written}"), (24, column, CODE))


@pytest.mark.parametrize("written", ['"C:\\\\escritorio"', '"a\\tb"  # x', '"\\u00e9\\x41\\/"'])
def test_escapes_that_make_visible_characters_are_fine(written: str):
    expected = [(24, 17, CODE)] if "\\t" in written else []
    assert problems_of(change("text: Actividad uno", f"text: {written}")) == expected


def test_a_bidirectional_mark_written_raw_in_a_plain_text():
    text = change("text: Actividad uno", "text: Actividad \u202euno")
    assert messages(text) == [
        ("plan.yaml:24:25: error: the text holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible "
         "character that changes how the text around it is shown; delete it [control-character]")]


def test_a_separator_written_raw_in_single_quotes():
    """YAML takes U+2028 for a line break outside quotes (a syntax error then), not inside."""
    assert_problems(change("text: Actividad uno", "text: 'Activ''idad\u2028uno'"), (24, 27, CODE))


def test_a_tab_in_a_text_of_one_line():
    text = change("text: Actividad uno", "text: Actividad\tuno")
    assert messages(text) == [
        ("plan.yaml:24:24: error: a text on a single line cannot hold U+0009 CHARACTER TABULATION; "
         "write a space instead, or write the text as a block ('|') over several lines "
         "[control-character]")]


def test_a_line_break_escaped_in_a_text_of_one_line():
    assert_problems(change("text: Actividad uno", 'text: "uno\\ndos"'), (24, 19, CODE))


@pytest.mark.parametrize("indicator", ["|", ">", "|-", ">+"])
def test_block_texts_may_hold_tabs_and_line_breaks_but_not_controls(indicator: str):
    text = change("        text: Actividad uno\n",
                  f"        text: {indicator}\n          uno\tdos\n\n          tres \u2066cuatro\n")
    assert_problems(text, (27, 16, CODE))


def test_a_quoted_text_of_several_lines_may_hold_tabs():
    text = change("        text: Actividad uno\n",
                  '        text: "uno\\tdos\n          tres \\e cuatro"\n')
    assert_problems(text, (25, 16, CODE))


def test_keys_are_checked_too():
    text = change("  OIM: Organización", "  Ot\u202ero: Otro actor\n  OIM: Organización")
    assert_problems(text, (7, 5, CODE))


def test_the_position_counts_lines_as_editors_do_after_a_bom_and_crlf():
    text = "\ufeff" + change("text: Actividad uno", 'text: "x\\e"').replace("\n", "\r\n")
    assert_problems(text, (24, 17, CODE))


def test_the_position_after_a_separator_the_parser_took_for_a_line_break():
    text = change("text: Actividad uno", "text: 'a\u2028b'").replace(
        "status: continuo", 'status: continuo\n        note: "\\e"')
    assert_problems(text, (24, 17, CODE), (28, 16, CODE))


def test_what_the_parser_refuses_keeps_the_parser_s_message():
    (message,) = messages(change("text: Actividad uno", "text: Actividad\x1buno"))
    assert message == ("plan.yaml:24:24: error: the file contains a control character that a "
                       "text file cannot hold [syntax]")


def test_only_the_characters_the_fast_search_looks_for_reach_a_value_raw():
    """The rule skips a file holding none of `_LET_THROUGH`: no other such character written
    raw in a file gets past the parser into a value."""
    every = "".join(map(chr, range(0x110000)))
    for _at, char in unsafe_characters(every, lines=True):
        for written in (f"a: x{char}y\n", f'a: "x{char}y"\n', f"a: 'x{char}y'\n"):
            root, _problems = parse(written, "p")
            if root is not None and any(char in s.value for s in _scalars(root)):
                assert char in _LET_THROUGH, hex(ord(char))


def _scalars(node):  # type: ignore[no-untyped-def]
    if isinstance(node, Scalar):
        yield node
    for key, value in getattr(node, "pairs", ()):
        yield key
        yield value


def test_validate_on_the_command_line(tmp_path: Path):
    path = tmp_path / "workplan.yaml"
    path.write_text(change("text: Actividad uno", 'text: "a\\u202eb"'), encoding="utf-8")
    result = CliRunner().invoke(app, ["-f", str(path), "validate"])
    assert result.exit_code == 1
    assert (f"{path}:24:17: error: the text holds U+202E RIGHT-TO-LEFT OVERRIDE, an invisible "
            "character that changes how the text around it is shown; delete it "
            "[control-character]") in result.stdout
