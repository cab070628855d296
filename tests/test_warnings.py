"""Warnings people can act on: acknowledged where they stand, explained by `crmplan explain`,
and the 2009 plan's own rule only where a plan declares it."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import ROOT
from typer.testing import CliRunner

from crm_plan import codes
from crm_plan.acknowledge import acknowledge
from crm_plan.cli import COMMANDS, app
from crm_plan.problems import Problem, Severity
from crm_plan.rules import RULES

runner = CliRunner()
SHIPPED = (ROOT / "workplan.yaml").read_text(encoding="utf-8")
OBJECTIVE_5 = '  - id: "5"\n'
NOTE_7 = 'este objetivo sería eliminado del Plan de Trabajo de la Red de trata."\n'


def validate(tmp_path: Path, text: str, *options: str) -> tuple[int, list[str]]:
    path = tmp_path / "workplan.yaml"
    path.write_text(text, encoding="utf-8")
    result = runner.invoke(app, [*options, "validate", "-f", str(path)])
    return result.exit_code, [line.replace(f"{path}", "workplan.yaml")
                              for line in result.stdout.splitlines()]


def acknowledged_plan() -> str:
    """The shipped plan with objective 5's warning acknowledged on the line above, and the
    note of objective 7 on its own line."""
    assert SHIPPED.count(OBJECTIVE_5) == 1 and SHIPPED.count(NOTE_7) == 2
    return SHIPPED.replace(OBJECTIVE_5, "  # crmplan: ignore[undefined-objective]  (decidido en "
                                        "la reunión de 2010)\n" + OBJECTIVE_5).replace(
        NOTE_7, NOTE_7[:-1] + "  # crmplan: ignore[removal-note]\n", 1)


def test_the_shipped_plan_still_shows_its_five_warnings(tmp_path: Path):
    """They are the plan's open questions (the network has not decided on objectives 5, 7,
    8, 13), so the plan leaves them to be seen; acknowledging is the network's decision."""
    code, lines = validate(tmp_path, SHIPPED)
    assert (code, lines[-1]) == (0, "workplan.yaml: 0 errors, 5 warnings (13 objectives, 40 "
                                    "activities, 11 in the history).")


@pytest.mark.parametrize(("lang", "summary"), [
    ("en", "workplan.yaml: 0 errors, 3 warnings; and 2 warnings acknowledged in the file (13 "
           "objectives, 40 activities, 11 in the history)."),
    ("es", "workplan.yaml: 0 errores, 3 advertencias y 2 advertencias reconocidas en el archivo "
           "(13 objetivos, 40 actividades, 11 en el histórico)."),
])
def test_acknowledged_warnings_are_counted_not_shown(tmp_path: Path, lang: str, summary: str):
    code, lines = validate(tmp_path, acknowledged_plan(), "--lang", lang)
    assert code == 0
    assert lines[-1] == summary
    assert [line.split(":")[1] for line in lines[:-1]] == ["328", "338", "468"]


def test_every_warning_acknowledged(tmp_path: Path):
    text = SHIPPED.replace(
        "\n  - id: \"7\"\n", "\n  # crmplan: ignore[undefined-objective, removal-note]\n"
        "  - id: \"7\"\n").replace(
        '  - id: "8"\n', '  - id: "8"  # crmplan: ignore[undefined-objective]\n').replace(
        NOTE_7, NOTE_7[:-1] + "  # crmplan: ignore[removal-note]\n")
    text = text.replace(OBJECTIVE_5, '  - id: "5"  # crmplan:ignore[undefined-objective]\n')
    code, lines = validate(tmp_path, text)
    assert (code, lines) == (0, ["workplan.yaml: no problems; 5 warnings acknowledged in the "
                                 "file (13 objectives, 40 activities, 11 in the history)."])


def test_a_comment_naming_another_code_acknowledges_nothing(tmp_path: Path):
    text = SHIPPED.replace(OBJECTIVE_5, '  - id: "5"  # crmplan: ignore[removal-note]\n')
    assert validate(tmp_path, text)[1][-1].startswith("workplan.yaml: 0 errors, 5 warnings (")


def test_a_comment_two_lines_above_or_after_the_line_acknowledges_nothing():
    problem = Problem("p.yaml", 3, 1, Severity.WARNING, "ref", "...")
    for text in ("# crmplan: ignore[ref]\na: 1\nb: 2\n", "a: 1\nb: 2\nc: 3\n"
                 "# crmplan: ignore[ref]\n", "a: 1\nb: 1 # crmplan: ignore[ref]\nc: 3\n"):
        assert acknowledge(text, [problem]) == ([problem], 0), text
    assert acknowledge("a: 1\n# crmplan: ignore[ref]\nc: 3\n", [problem]) == ([], 1)


def test_errors_are_never_acknowledged(tmp_path: Path):
    text = SHIPPED.replace("status: continuo\n", "status: continuoo  # crmplan: ignore[status]\n",
                           1)
    code, lines = validate(tmp_path, text)
    assert code == 1 and "[status]" in lines[0] and lines[-1].startswith(
        "workplan.yaml: 1 error, 5 warnings (")


def test_the_acknowledgement_holds_when_the_plan_comes_from_the_cache(tmp_path: Path):
    first, second = validate(tmp_path, acknowledged_plan()), validate(tmp_path,
                                                                      acknowledged_plan())
    assert first == second and "2 warnings acknowledged" in first[1][-1]


INIT_LIKE = """\
document:
  title: Plan de otra red
  organization: CRM
  updated: 2026-01-10
actors:
  ST: Secretaría Técnica
sections:
  A:
    title: Sección
objectives:
  - id: "1"
    section: A
    title: Objetivo
    note: "NOTA: Si no se identifican actividades, este objetivo sería eliminado."
    activities:
      - id: "1.1"
        text: Por definir.
        responsible: [ST]
        status: por definir
"""


def test_the_2009_plans_rule_only_where_the_plan_declares_it(tmp_path: Path):
    assert validate(tmp_path, INIT_LIKE)[1] == [
        "workplan.yaml: no problems (1 objective, 1 activity, 0 in the history)."]
    declared = INIT_LIKE.replace("  updated: 2026-01-10\n",
                                 "  updated: 2026-01-10\n  removes_undefined_objectives: true\n")
    assert [line.rsplit("[", 1)[-1] for line in validate(tmp_path, declared)[1][:-1]] == [
        "undefined-objective]", "removal-note]"]


def test_init_does_not_declare_it(tmp_path: Path):
    path = tmp_path / "new.yaml"
    assert runner.invoke(app, ["init", str(path)]).exit_code == 0
    assert "removes_undefined_objectives" not in path.read_text(encoding="utf-8")


def test_the_shipped_plan_declares_it():
    assert "\n  removes_undefined_objectives: true  #" in SHIPPED


# -- crmplan explain ----------------------------------------------------------------------------

EXPLAIN_REMOVAL_NOTE = {
    "en": """\
removal-note (warning)

A note that says the objective will be removed from the plan if nothing is identified ("si no \
se identifican...") is pointed out as a reminder that something is still to be done, in a plan \
whose document has 'removes_undefined_objectives: true' (as the 2009 CRM plan). Identify what \
the note asks for, or remove the objective. The message of each problem says what to write, at \
the line and column it gives.

To acknowledge a warning where it stands (so that validate no longer shows it, and counts it as \
acknowledged), write the comment '# crmplan: ignore[removal-note]' at the end of the line it \
points at, or on a line of its own just above.
""",
    "es": """\
removal-note (advertencia)

Una nota que dice que el objetivo se eliminará del plan si no se identifica nada ("si no se \
identifican...") se señala como recordatorio de que algo sigue pendiente, en un plan cuyo \
documento tiene 'removes_undefined_objectives: true' (como el plan de la CRM de 2009). \
Identifique lo que pide la nota o elimine el objetivo. El mensaje de cada problema dice qué \
escribir, en la línea y la columna que indica.

Para reconocer una advertencia donde está (validate deja de mostrarla y la cuenta como \
reconocida), escriba el comentario '# crmplan: ignore[removal-note]' al final de la línea que \
señala, o en una línea aparte, justo encima.
""",
}


@pytest.mark.parametrize("lang", ["en", "es"])
def test_explain_a_warning(lang: str):
    result = runner.invoke(app, ["--lang", lang, "explain", "removal-note"])
    assert (result.exit_code, result.stdout) == (0, EXPLAIN_REMOVAL_NOTE[lang])


@pytest.mark.parametrize(("lang", "last"), [
    ("en", "An error cannot be silenced: the plan is not read as written until it is fixed. "
           "(Only warnings can be acknowledged, with a comment such as '# crmplan: "
           "ignore[syntax]'.)"),
    ("es", "Un error no se puede silenciar: el plan no se lee tal como está escrito hasta que "
           "se corrija. (Solo las advertencias se pueden reconocer, con un comentario como "
           "'# crmplan: ignore[syntax]'.)"),
])
def test_explain_an_error_copied_with_its_brackets(lang: str, last: str):
    result = runner.invoke(app, ["--lang", lang, "explain", "[syntax]"])
    assert result.exit_code == 0
    assert result.stdout.splitlines()[0] == "syntax (error)"  # the same word in Spanish
    assert result.stdout.splitlines()[-1] == last


@pytest.mark.parametrize(("lang", "message"), [
    ("en", "crmplan: 'removal' is not a code of crmplan; did you mean 'removal-note'?"),
    ("es", "crmplan: 'removal' no es un código de crmplan; ¿quiso decir 'removal-note'?"),
])
def test_explain_an_unknown_code(lang: str, message: str):
    result = runner.invoke(app, ["--lang", lang, "explain", "removal"])
    assert (result.exit_code, result.stderr.strip()) == (2, message)


def test_explain_lists_every_code():
    result = runner.invoke(app, ["explain"])
    listed = [line.split()[0] for line in result.stdout.splitlines()]
    assert listed == list(codes.codes())
    assert {rule.CODE for rule in RULES} <= set(listed)
    assert {"syntax", "tab", "duplicate-key", "type", "required", "unknown-field",
            "encoding"} <= set(listed)


@pytest.mark.parametrize("code", list(codes.codes()))
def test_every_code_is_explained_in_both_languages(code: str):
    english = runner.invoke(app, ["--lang", "en", "explain", code])
    spanish = runner.invoke(app, ["--lang", "es", "explain", code])
    assert english.exit_code == spanish.exit_code == 0
    assert english.stdout != spanish.stdout
    assert "ignore[" + code + "]" in spanish.stdout


def test_explain_is_a_command():
    assert "explain" in COMMANDS
