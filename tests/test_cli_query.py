"""`crmplan list`, `status` and `show` as a user runs them: exact output and exit codes.

Tables are drawn at 80 columns without a terminal, so without colour (see test_render.py for
colour). Dates that decide what is overdue are always given with --as-of.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from conftest import ROOT, SMALL_PLAN
from plans import QUERY_PLAN
from typer.testing import CliRunner

from crm_plan.cli import app

ENV = {"COLUMNS": "80", "NO_COLOR": None, "FORCE_COLOR": None, "CRMPLAN_FILE": None,
       "TERM": "xterm-256color"}
AS_OF = ["--as-of", "2010-03-01"]
REAL_PLAN = str(ROOT / "workplan.yaml")


@pytest.fixture
def plan(plan_file) -> str:  # type: ignore[no-untyped-def]
    return str(plan_file(QUERY_PLAN))


def run(*args: str, env: dict[str, str | None] | None = None):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args), env=ENV | (env or {}), prog_name="crmplan")


def output(*args: str) -> str:
    result = run(*args)
    assert (result.exit_code, result.stderr) == (0, ""), result.output
    return result.stdout


def refused(*args: str) -> str:
    """The message of a usage error: exit 2, nothing on stdout."""
    result = run(*args)
    assert (result.exit_code, result.stdout) == (2, ""), result.output
    return result.stderr


# -- list: the table -----------------------------------------------------------------------------

LIST_SMALL = """\
Id   Activity                                  Responsible           Status
────────────────────────────────────────────────────────────────────────────────

A. Combate a los delitos

1. Instar a los países miembros
1.1  Informar sobre los logros                 Países miembros       continuo
                                               ST (coordination)
1.2  Realizar un taller de capacitación        OIM                   programado
                                               RROCM (support)       2010-02
                                                                     overdue

B. Intercambio de información

2. Facilitar el intercambio
2.1  Crear un directorio de albergues          México                por definir
                                               OIM
2.2  Compartir estadísticas                    Belice                pendiente
                                               Países miembros
                                               (support)

3. Publicar resultados
3.1  Publicar regularmente logros              ST                    programado
                                                                     2011
5 activities.
"""


def test_list_groups_by_section_and_objective(plan: str):
    assert output("list", "-f", plan, *AS_OF) == LIST_SMALL


def test_list_overdue_depends_on_as_of(plan: str):
    early = output("list", "-f", plan, "--as-of", "2010-02-28")
    assert "overdue" not in early
    assert early.replace("2010-02\n", "2010-02\n" + " " * 69 + "overdue\n") == LIST_SMALL


LIST_MEXICO = """\
Id   Activity                                  Responsible           Status
────────────────────────────────────────────────────────────────────────────────

A. Combate a los delitos

1. Instar a los países miembros
1.1  Informar sobre los logros                 Países miembros       continuo
                                               ST (coordination)
                                               Países miembros
                                               (includes México)

B. Intercambio de información

2. Facilitar el intercambio
2.1  Crear un directorio de albergues          México                por definir
                                               OIM
2.2  Compartir estadísticas                    Belice                pendiente
                                               Países miembros
                                               (support)
                                               Países miembros
                                               (includes México)
3 activities.
"""


@pytest.mark.parametrize("name", ["México", "mexico", "ESTADOS UNIDOS MEXICANOS"])
def test_list_responsible_says_which_items_come_through_a_group(plan: str, name: str):
    assert output("list", "-f", plan, "--responsible", name, *AS_OF) == LIST_MEXICO


def test_list_several_actors_name_the_actor_of_each_group_match(plan: str):
    lines = output("list", "-f", plan, "-r", "México", "-r", "Belice", "--objective", "2"
                   ).splitlines()
    assert lines[-8:] == [
        "2.2  Compartir estadísticas                    Belice                pendiente",
        "                                               Países miembros",
        "                                               (support)",
        "                                               Países miembros",
        "                                               (includes México)",
        "                                               Países miembros",
        "                                               (includes Belice)",
        "2 activities.",
    ]


def test_list_history_shows_outcomes_and_the_archive_date(plan: str):
    assert output("list", "-f", plan, "--all", "--section", "A", *AS_OF) == """\
Id       Activity                                  Responsible        Status
────────────────────────────────────────────────────────────────────────────────

Active plan

A. Combate a los delitos

1. Instar a los países miembros
1.1      Informar sobre los logros                 Países miembros    continuo
                                                   ST (coordination)
1.2      Realizar un taller de capacitación        OIM                programado
                                                   RROCM (support)    2010-02
                                                                      overdue

History

A. Combate a los delitos

I.A.1. Objetivo histórico
I.A.1.1  Adoptar los lineamientos                                     completado
         • Adoptados por los viceministros                            2009-11-26
3 activities.
"""


@pytest.mark.parametrize(("args", "expected"), [
    (["--responsible", "México", "--direct"], ["2.1"]),
    (["--responsible", "ST"], ["1.1", "3.1"]),
    (["--status", "tbd", "--status", "Pendiente"], ["2.1", "2.2"]),
    (["--status", "scheduled"], ["1.2", "3.1"]),
    (["--status", "ongoing"], ["1.1"]),
    (["--status", "pending"], ["2.1", "2.2"]),
    (["--pending"], ["2.1", "2.2"]),
    (["--status", "done", "--archived"], ["I.A.1.1"]),
    (["--status", "completado"], []),
    (["--section", "b"], ["2.1", "2.2", "3.1"]),
    (["--objective", "1", "--objective", "3"], ["1.1", "1.2", "3.1"]),
    (["--search", "ALBERGUES"], ["2.1"]),
    (["--search", "viceministros", "--archived"], ["I.A.1.1"]),
    (["--ref-year", "2008"], ["1.1", "2.2"]),
    (["--ref-body", "crm"], ["1.2", "3.1"]),
    (["--action-plan"], ["3.1"]),
    (["--objective-action-plan"], ["2.1", "2.2"]),
    (["--overdue"], ["1.2"]),
    (["--overdue", "--as-of", "2012-01-01"], ["1.2", "3.1"]),
    (["--due-before", "2011-06"], ["1.2"]),
    (["--archived"], ["I.A.1.1"]),
    (["--all", "--responsible", "oim", "--status", "programado"], ["1.2"]),
])
def test_list_filters(plan: str, args: list[str], expected: list[str]):
    records = json.loads(output("list", "-f", plan, "--format", "json", *AS_OF, *args))
    assert [r["id"] for r in records] == expected


# -- list: json, csv, markdown -------------------------------------------------------------------


def test_list_json_record(plan: str):
    records = json.loads(output("list", "-f", plan, "--format", "json", "-r", "México",
                                "--status", "pendiente", *AS_OF))
    assert records == [{
        "id": "2.2", "section": "B", "objective": "2", "text": "Compartir estadísticas",
        "responsible": ["Belice"], "coordination": [], "support": ["Países miembros"],
        "responsible_note": None, "status": "pendiente", "status_derived": False, "pending": True,
        "due": None, "due_at": None, "due_each": [], "days_before": None, "overdue": False,
        "status_note": "(Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)",
        "calendar_upper": False, "note": None,
        "refs": ["p. 4, GRCM, Inf. Red Trata, noviembre, 2008"], "after_ref": None,
        "action_plan": False, "objective_action_plan": True, "archived": False,
        "archived_on": None, "origin": None, "outcomes": [],
        "matches": [{"actor": "México", "named": "Países miembros", "role": "support",
                     "via": "Países miembros"}],
    }]


def test_list_json_of_history_and_without_actors(plan: str):
    (record,) = json.loads(output("list", "-f", plan, "--format", "json", "--archived"))
    assert "matches" not in record
    assert (record["status"], record["archived"], record["archived_on"], record["outcomes"]) == (
        "completado", True, "2009-11-26",
        [{"text": "Adoptados por los viceministros", "refs": ["p. 3, CRM, Deci., abril, 2007"]}])


def test_list_json_is_utf8_whatever_the_locale(plan: str):
    result = run("list", "-f", plan, "--format", "json", "--objective", "2",
                 env={"PYTHONIOENCODING": "ascii"})
    assert "\"responsible\": [\"México\"" in result.stdout_bytes.decode("utf-8")


def test_list_csv_for_spreadsheets(plan: str):
    data = run("list", "-f", plan, "--format", "csv", "-r", "belice", *AS_OF).stdout_bytes
    assert data.startswith(b"\xef\xbb\xbfid,section,objective,text,responsible,coordination,")
    assert data.count(b"\r\n") == 3 and b"\n" not in data.replace(b"\r\n", b"")
    rows = list(csv.DictReader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert list(rows[0]) == [
        "id", "section", "objective", "text", "responsible", "coordination", "support",
        "responsible_note", "status", "status_derived", "pending", "due", "due_at", "due_each",
        "days_before", "overdue", "status_note", "calendar_upper", "note", "refs", "after_ref",
        "action_plan", "objective_action_plan", "archived", "archived_on", "origin", "outcomes",
        "matches"]
    assert rows[1] == {
        "id": "2.2", "section": "B", "objective": "2", "text": "Compartir estadísticas",
        "responsible": "Belice", "coordination": "", "support": "Países miembros",
        "responsible_note": "", "status": "pendiente", "status_derived": "false",
        "pending": "true", "due": "", "due_at": "", "due_each": "", "days_before": "",
        "overdue": "false", "status_note": "(Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)",
        "calendar_upper": "false", "note": "",
        "refs": "p. 4, GRCM, Inf. Red Trata, noviembre, 2008", "after_ref": "",
        "action_plan": "false", "objective_action_plan": "true", "archived": "false",
        "archived_on": "", "origin": "", "outcomes": "",
        "matches": "Belice (responsible); Países miembros (includes Belice; support)"}
    assert rows[0]["matches"] == "Países miembros (includes Belice; responsible)"


def test_list_csv_joins_lists(plan: str):
    data = run("list", "-f", plan, "--format", "csv", "--all", "--objective", "2", "--objective", "I.A.1")
    rows = list(csv.DictReader(io.StringIO(data.stdout_bytes.decode("utf-8-sig"), newline="")))
    assert [(r["id"], r["responsible"], r["outcomes"], r["archived_on"]) for r in rows] == [
        ("2.1", "México; OIM", "", ""), ("2.2", "Belice", "", ""),
        ("I.A.1.1", "", "Adoptados por los viceministros", "2009-11-26")]


def test_list_markdown(plan: str):
    assert output("list", "-f", plan, "--format", "markdown", "-r", "mexico", *AS_OF) == """\
## A. Combate a los delitos

### 1. Instar a los países miembros

| Id | Activity | Responsible | Status |
| --- | --- | --- | --- |
| 1.1 | Informar sobre los logros | Países miembros<br>ST (coordination)<br>_Países miembros \
(includes México)_ | continuo |

## B. Intercambio de información

### 2. Facilitar el intercambio

| Id | Activity | Responsible | Status |
| --- | --- | --- | --- |
| 2.1 | Crear un directorio de albergues | México<br>OIM | por definir |
| 2.2 | Compartir estadísticas | Belice<br>Países miembros (support)<br>_Países miembros \
(includes México)_ | pendiente |

_3 activities._
"""


def test_markdown_escapes_table_syntax(plan_file):  # type: ignore[no-untyped-def]
    path = plan_file(QUERY_PLAN.replace("Compartir estadísticas", "Compartir | datos"))
    assert "| 2.2 | Compartir \\| datos | Belice" in output(
        "list", "-f", str(path), "--format", "markdown")


@pytest.mark.parametrize(("fmt", "expected"), [
    ("table", "No activities match.\n"),
    ("markdown", "No activities match.\n"),
    ("json", "[]\n"),
])
def test_list_nothing_matches(plan: str, fmt: str, expected: str):
    assert output("list", "-f", plan, "--status", "done", "--format", fmt) == expected


def test_list_csv_nothing_matches_is_a_header(plan: str):
    result = run("list", "-f", plan, "--status", "done", "--format", "csv")
    assert result.exit_code == 0
    assert result.stdout_bytes.decode("utf-8-sig").startswith("id,section,objective,text,")
    assert result.stdout_bytes.count(b"\r\n") == 1


# -- errors --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("args", "message"), [
    (["list", "--responsible", "Mexco"], "in {plan}: 'Mexco' is not a declared actor; did you mean 'México'?"),
    (["list", "--status", "xyz"],
     ("'xyz' is not a status (valid: continuo, programado, pendiente, por definir, completado; "
      "in English: ongoing, continuous, scheduled, tbd, to be defined, done, completed; "
      "pending: pendiente and por definir)")),
    (["list", "--section", "Z"], "in {plan}: 'Z' is not a section (known: A, B)"),
    (["list", "--objective", "I.A.1"],
     "objective I.A.1 is in the history; add --archived or --all"),
    (["list", "--ref-body", "OEA"],
     "'OEA' is not a body whose documents the plan cites (known: CRM, GRCM)"),
    (["list", "--as-of", "ayer"], "'ayer' is not a date for --as-of; write it as 2010-03-01"),
    (["list", "--due-before", "2010-13"],
     "'2010-13' is not a date for --due-before; write 2010, 2010-03 or 2010-03-01"),
    (["status", "-r", "OMI"], "in {plan}: 'OMI' is not a declared actor; did you mean 'OIM'?"),
    (["status", "-r", "ONU"], ("in {plan}: 'ONU' is not a declared actor (known: ST, OIM, RROCM, México, "
                               "Belice, Países miembros)")),
    (["show", "2.5"], "in {plan}: no activity or objective has the id '2.5'; did you mean '2.2' or '2.1'?"),
    (["show", "I.A.2.1"], ("in {plan}: no activity or objective has the id 'I.A.2.1'; did you mean "
                           "'I.A.1.1', 'I.A.1' or '2.1'?")),
])
def test_usage_errors_exit_2_with_one_clear_line(plan: str, args: list[str], message: str):
    """An id, actor or section the plan lacks: the message names the file it looked in."""
    assert refused(*args, "-f", plan) == f"crmplan: {message.replace('{plan}', plan)}\n"


def test_an_unknown_id_in_the_bundled_plan_says_so(tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run("show", "99.9")
    assert result.exit_code == 2
    assert result.stderr.splitlines()[-1].startswith(
        "crmplan: in the plan bundled with crmplan: no activity or objective has the id '99.9'")


def test_option_values_of_the_wrong_type_are_usage_errors(plan: str):
    result = run("list", "-f", plan, "--ref-year", "dos mil")
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == ("Usage: crmplan list [OPTIONS]\n"
                             "crmplan: --ref-year takes a whole number, not 'dos mil'\n"
                             "For help: crmplan list --help\n")
    assert "Traceback" not in result.output


def test_a_plan_with_errors_is_refused(plan_file):  # type: ignore[no-untyped-def]
    path = plan_file(SMALL_PLAN.replace("status: continuo", "status: pendinte"))
    result = run("list", "-f", str(path))
    assert (result.exit_code, result.stdout) == (1, "")
    assert result.stderr == (
        f"{path}:27:17: error: 'pendinte' is not a status; did you mean 'pendiente'? [status]\n"
        f"crmplan: {path} has errors; fix them first (crmplan validate lists them)\n")


def test_the_file_from_the_environment_or_before_the_command(plan: str):
    via_env = run("list", "--format", "json", "--objective", "3", env={"CRMPLAN_FILE": plan}).stdout
    before = CliRunner().invoke(app, ["-f", plan, "list", "--format", "json", "--objective", "3"],
                                env=ENV).stdout
    assert [r["text"] for r in json.loads(via_env)] == ["Publicar regularmente logros"]
    assert via_env == before


# -- status --------------------------------------------------------------------------------------

STATUS_SMALL = """\
5 activities as of 2010-03-01: 2 pending (pendiente + por definir), 1 overdue; 1
in the history.

Status        A   B   Total
───────────────────────────
continuo      1   0       1
programado    1   1       2
pendiente     0   1       1
por definir   0   1       1

pending       0   2       2
overdue       1   0       1
total         2   3       5

A. Combate a los delitos
B. Intercambio de información

Actor             Activities   Pending   Overdue
────────────────────────────────────────────────
ST                         2         0         0
OIM                        2         1         1
Países miembros            2         1         0
RROCM                      1         0         1
México                     1         1         0
Belice                     1         1         0
"""


def test_status_counts(plan: str):
    assert output("status", "-f", plan, *AS_OF) == STATUS_SMALL


def test_status_by_member(plan: str):
    assert output("status", "-f", plan, "--by-member", *AS_OF).endswith("""\
Actor (by member)   Activities   Pending   Overdue
──────────────────────────────────────────────────
México                       3         2         0
ST                           2         0         0
OIM                          2         1         1
Belice                       2         1         0
RROCM                        1         0         1
""")


def test_status_pending_counts_and_lists_them_with_their_actors(plan: str):
    """--pending selects, as in every command: the counts are those of the pending ones."""
    assert output("status", "-f", plan, "--pending", *AS_OF) == """\
2 activities as of 2010-03-01: 2 pending (pendiente + por definir), 0 overdue; 0
in the history.

Status        B   Total
───────────────────────
pendiente     1       1
por definir   1       1

pending       2       2
overdue       0       0
total         2       2

B. Intercambio de información

Actor             Activities   Pending   Overdue
────────────────────────────────────────────────
OIM                        1         1         0
México                     1         1         0
Belice                     1         1         0
Países miembros            1         1         0

Pending activities (pendiente + por definir): 2.
Id   Activity                                  Responsible           Status
────────────────────────────────────────────────────────────────────────────────

B. Intercambio de información

2. Facilitar el intercambio
2.1  Crear un directorio de albergues          México                por definir
                                               OIM
2.2  Compartir estadísticas                    Belice                pendiente
                                               Países miembros
                                               (support)
2 activities.
"""


def test_status_overdue_with_a_filter(plan: str):
    text = output("status", "-f", plan, "--overdue", "-r", "OIM", *AS_OF)
    assert text.startswith("2 activities as of 2010-03-01: 1 pending (pendiente + por definir), "
                           "1 overdue; 0\nin the history.\n")
    assert text.endswith("""
Overdue activities (programado, due date passed as of 2010-03-01): 1.
Id   Activity                                        Responsible      Status
────────────────────────────────────────────────────────────────────────────────

A. Combate a los delitos

1. Instar a los países miembros
1.2  Realizar un taller de capacitación              OIM              programado
                                                     RROCM (support)  2010-02
                                                                      overdue
1 activity.
""")


def test_status_with_nothing_to_list(plan: str):
    text = output("status", "-f", plan, "--overdue", "--as-of", "2009-01-01")
    assert text.endswith(
        "\nOverdue activities (programado, due date passed as of 2009-01-01): 0.\n")


def test_status_json(plan: str):
    data = json.loads(output("status", "-f", plan, "--format", "json", *AS_OF))
    assert data["counts"] == {
        "as_of": "2010-03-01", "total": 5,
        "by_status": {"continuo": 1, "programado": 2, "pendiente": 1, "por definir": 1,
                      "completado": 0},
        "pending": 2, "overdue": 1, "archived": 1,
        "by_section": {
            "A": {"total": 2, "by_status": {"continuo": 1, "programado": 1, "pendiente": 0,
                                            "por definir": 0, "completado": 0},
                  "pending": 0, "overdue": 1},
            "B": {"total": 3, "by_status": {"continuo": 0, "programado": 1, "pendiente": 1,
                                            "por definir": 1, "completado": 0},
                  "pending": 2, "overdue": 0}},
        "by_actor": {name: data["counts"]["by_actor"][name] for name in (
            "ST", "OIM", "RROCM", "México", "Belice", "Países miembros")},
        "by_member": False,
    }
    assert data["counts"]["by_actor"]["OIM"]["overdue"] == 1
    listed = json.loads(output("list", "-f", plan, "--format", "json", "-s", "pendiente", "-s",
                               "tbd", *AS_OF))
    pending = json.loads(output("status", "-f", plan, "--format", "json", "--pending", *AS_OF))
    assert pending["activities"] == listed and pending["counts"]["total"] == 2


def test_status_json_lists_all_selected_without_a_listing_flag(plan: str):
    data = json.loads(output("status", "-f", plan, "--format", "json", "--section", "A", *AS_OF))
    assert [a["id"] for a in data["activities"]] == ["1.1", "1.2"]


# -- show ----------------------------------------------------------------------------------------


def test_show_activity(plan: str):
    assert output("show", "2.2", "-f", plan, *AS_OF) == """\
Activity         2.2 (active plan)
Objective        2. Facilitar el intercambio
Section          B. Intercambio de información
Area             I. Políticas y gestión migratoria
Text             Compartir estadísticas
References       p. 4, GRCM, Inf. Red Trata, noviembre, 2008 (in status_note)
                   read as: point 4, GRCM, Informe de la Red, 2008-11
Responsible      Belice (member of Países miembros)
Support          Países miembros: Países miembros de la CRM (members: México,
                 Belice)
Status           pendiente (pending: pendiente or por definir)
Status note      (Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)
Plan of Action   no (its objective 2 is)
Line in the file 52
"""


def test_show_overdue_activity(plan: str):
    lines = output("show", "1.2", "-f", plan, *AS_OF).splitlines()
    assert lines[5:12] == [
        "References       pf. 21, CRM, Deci., mayo, 2003",
        "                   read as: point 21, CRM, Decisiones, 2003-05",
        "Responsible      OIM: Organización Internacional para las Migraciones",
        "Support          RROCM: Red Regional de Organizaciones Civiles para las",
        "                 Migraciones",
        "Status           programado, due 2010-02 (overdue as of 2010-03-01)",
        "Plan of Action   no",
    ]


def test_show_historical_activity(plan: str):
    assert output("show", "i.a.1.1", "-f", plan) == """\
Activity         I.A.1.1 (history)
Objective        I.A.1. Objetivo histórico
Section          A. Combate a los delitos
Area             I. Políticas y gestión migratoria
Text             Adoptar los lineamientos
Status           completado (derived from the history)
Plan of Action   no
Outcomes         • Adoptados por los viceministros
                   Ref.: p. 3, CRM, Deci., abril, 2007
Archived         2009-11-26
Line in the file 74
"""


def test_show_objective_lists_its_activities(plan: str):
    assert output("show", "2", "-f", plan, *AS_OF) == """\
Objective        2 (active plan)
Section          B. Intercambio de información
Area             I. Políticas y gestión migratoria
Title            Facilitar el intercambio
Plan of Action   yes
Line in the file 41
Id   Activity                                  Responsible           Status
────────────────────────────────────────────────────────────────────────────────
2.1  Crear un directorio de albergues          México                por definir
                                               OIM
2.2  Compartir estadísticas                    Belice                pendiente
                                               Países miembros
                                               (support)
2 activities.
"""


def test_show_json_activity(plan: str):
    data = json.loads(output("show", "2.1", "-f", plan, "--format", "json", *AS_OF))
    assert (data["kind"], data["id"], data["objective_title"], data["section_title"]) == (
        "activity", "2.1", "Facilitar el intercambio", "Intercambio de información")
    assert data["references"] == [{
        "text": "p. i, Inf. Red Trata, GRCM, diciembre, 2009", "field": "ref", "point": "i",
        "body": "GRCM", "kind": "Informe de la Red", "month": 12, "year": 2009, "meeting": None,
        "place": None}]
    assert data["actors"] == [
        {"key": "México", "name": "Estados Unidos Mexicanos", "members": [],
         "groups": ["Países miembros"]},
        {"key": "OIM", "name": "Organización Internacional para las Migraciones", "members": [],
         "groups": []}]
    listed = json.loads(output("list", "-f", plan, "--format", "json", "--objective", "2", *AS_OF))[0]
    assert {k: v for k, v in data.items() if k in listed} == listed


def test_show_json_objective(plan: str):
    data = json.loads(output("show", "I.A.1", "-f", plan, "--format", "json"))
    assert {k: v for k, v in data.items() if k != "activities"} == {
        "kind": "objective", "id": "I.A.1", "section": "A",
        "section_title": "Combate a los delitos", "title": "Objetivo histórico",
        "action_plan": False, "note": None, "archived": True}
    assert [a["id"] for a in data["activities"]] == ["I.A.1.1"]


# -- help ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("command", ["validate", "list", "status", "show", "archive", "restore",
                                     "set", "add", "edit", "apply", "export", "report",
                                     "changes", "merge", "git-setup", "log"])
def test_every_command_has_a_summary_and_an_example(command: str):
    text = output(command, "--help")
    summary = next(line.strip() for line in text.splitlines()[3:] if line.strip())
    assert summary.endswith(".") and len(summary) < 90
    assert f"Example: crmplan {command}" in text


def test_help_covers_every_command():
    from typer.main import get_command

    assert set(get_command(app).commands) == {
        "validate", "explain", "list", "status", "show", "archive", "restore", "set", "add",
        "edit", "apply", "schema", "init", "export", "report", "changes", "meetings", "agenda",
        "merge", "git-setup", "log"}


# -- the real plan at 80 columns -----------------------------------------------------------------


def test_real_plan_list_responsible_mexico():
    text = output("list", "-f", REAL_PLAN, "--responsible", "México", *AS_OF)
    lines = text.splitlines()
    assert lines[:15] == [
        "Id    Activity                                 Responsible           Status",
        "─" * 80,
        "",
        "A. Fortalecer el combate a los delitos de tráfico ilícito de migrantes y la",
        "   trata de personas, con miras a su erradicación.",
        "",
        "1. Instar a los países miembros a Implementar la Convención de las Naciones",
        "   Unidas Contra la Delincuencia Transnacional Organizada y sus Protocolos",
        "   Complementarios sobre Tráfico Ilícito de Migrantes y Trata de Personas",
        "1.1   Informar sobre los logros, avances y     Países miembros       continuo",
        "      retos en la instrumentación de sus       Países miembros",
        "      leyes para combatir la trata de          (includes México)",
        "      personas y el tráfico ilícito de",
        "      migrantes.",
        "1.2   Difusión de programas de gobierno para   Países miembros       continuo",
    ]
    assert lines[-1] == "30 activities."
    assert text.count("(includes México)") == 28
    assert "6.5   Elaborar un directorio de referencia     México                por definir" \
        in lines


@pytest.mark.parametrize("columns", ["80", "60", "40", "120"])
def test_real_plan_fits_the_width(columns: str):
    for args in (["list", "--all"], ["status", "--pending", "--by-member"], ["show", "I.B.1.3"],
                 ["show", "12"]):
        result = run(*args, "-f", REAL_PLAN, *AS_OF, env={"COLUMNS": columns})
        assert result.exit_code == 0
        assert max(len(line) for line in result.stdout.splitlines()) <= int(columns), args
        assert all(line == line.rstrip() for line in result.stdout.splitlines()), args


def test_real_plan_status():
    assert output("status", "-f", REAL_PLAN, *AS_OF) == """\
40 activities as of 2010-03-01: 12 pending (pendiente + por definir), 1 overdue;
11 in the history.

Status         A    B    C   Total
──────────────────────────────────
continuo      10    8    8      26
programado     1    0    1       2
pendiente      0    0    4       4
por definir    1    3    4       8

pending        1    3    8      12
overdue        1    0    0       1
total         12   11   17      40

A. Fortalecer el combate a los delitos de tráfico ilícito de migrantes y la
   trata de personas, con miras a su erradicación.
B. Intercambio de información
C. Protección a víctimas de trata y personas afectadas

Actor                         Activities   Pending   Overdue
────────────────────────────────────────────────────────────
Países miembros                       28         7         0
ST                                     7         2         0
OIM                                    5         3         0
RROCM                                  2         0         0
País sede                              2         1         0
México                                 2         2         0
Países participantes                   1         0         0
Otros gobiernos interesados            1         1         0
El Salvador                            1         0         1
"""


def test_real_plan_show():
    assert output("show", "9.3", "-f", REAL_PLAN, *AS_OF) == """\
Activity         9.3 (active plan)
Objective        9. Desarrollar mecanismos para la protección y atención
                 integral de victimas de trata de personas.
Section          C. Protección a víctimas de trata y personas afectadas
Area             I. Políticas y gestión migratoria
Text             Designar un enlace por país para la coordinación de las
                 repatriaciones de víctimas de trata.
References       p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008
                   read as: point 5.b, GRCM, Informe de la Red, 2008-11
                   mandate of the meeting GRCM-2008-11 (GRCM, Tegucigalpa,
                 2008-11)
Responsible      Países miembros: Países miembros de la CRM (members: Belice,
                 Canadá, Costa Rica, El Salvador, Estados Unidos, Guatemala,
                 Honduras, México, Nicaragua, Panamá, República Dominicana)
Coordination     ST: Secretaría Técnica de la CRM
Status           por definir (pending: pendiente or por definir)
Status note      (Tegucigalpa, noviembre de 2008)
Plan of Action   no
Line in the file 363
"""


def test_real_plan_every_activity_can_be_shown():
    ids = [r["id"] for r in json.loads(output("list", "-f", REAL_PLAN, "--all", "--format",
                                              "json"))]
    assert len(ids) == 51
    for item in [*ids, "1", "13", "I.B.5"]:
        assert run("show", item, "-f", REAL_PLAN, *AS_OF).exit_code == 0, item


def test_bundled_plan_when_no_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    monkeypatch.chdir(tmp_path)
    result = run("list", "--format", "json", "--objective", "9")
    assert result.exit_code == 0
    assert [r["id"] for r in json.loads(result.stdout)] == [f"9.{n}" for n in range(1, 7)]
