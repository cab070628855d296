"""`crmplan set ID FIELD=VALUE...`: every field, the file's styles kept, byte for byte; values
checked as validate checks them; refusals that write nothing."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest
from conftest import DATA, ROOT
from typer.testing import CliRunner

from crm_plan.cli import app

EDIT = DATA / "edit"
ORIGINAL = (EDIT / "plan.yaml").read_text(encoding="utf-8")
DATED = ORIGINAL.replace("updated: 2009-11-26", "updated: 2026-11-28")


@pytest.fixture(autouse=True)
def today(monkeypatch: pytest.MonkeyPatch) -> None:
    from crm_plan import query

    monkeypatch.setattr(query, "today", lambda: dt.date(2026, 11, 28))


@pytest.fixture
def plan(tmp_path: Path) -> Path:
    path = tmp_path / "workplan.yaml"
    shutil.copyfile(EDIT / "plan.yaml", path)
    return path


def run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(app, list(args))


def changed(*replacements: tuple[str, str]) -> str:
    """The plan as `set` should leave it: dated today, with exactly these lines changed."""
    text = DATED
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


# Each case: the assignments for one item, and the lines they change (old -> new).
CASES = [
    # status: plain, its comment kept; an English word is accepted
    (["1.2", "status=pendiente"], [("status: Por Definir   #", "status: pendiente   #")]),
    (["1.2", "status=ongoing"], [("status: Por Definir   #", "status: continuo   #")]),
    # due: replaced in place; added after the status; a year alone in quotes (a number to YAML)
    (["1.3", "due=2011-3"], [("due: 2010-02\n", "due: 2011-03\n")]),
    (["1.2", "status=programado", "due=2010"],
     [("status: Por Definir   # estado escrito a mano\n",
       "status: programado   # estado escrito a mano\n        due: \"2010\"\n")]),
    (["1.3", "status=continuo", "due="], [("status: programado\n        due: 2010-02\n",
                                           "status: continuo\n")]),
    # responsible: a whole list, one added, one removed, [ padded ] kept
    (["1.1", "responsible=Países miembros,ST"],
     [("responsible: [ST]\n        status: continuo",
       "responsible: [Países miembros, ST]\n        status: continuo")]),
    (["1.2", "responsible=+ST"], [("[ Países miembros ]", "[ Países miembros, ST ]")]),
    (["1.2", "responsible=+Secretaría Técnica,-Países miembros"],
     [("[ Países miembros ]", "[ ST ]")]),
    (["2.1", "responsible=-ST"], [("responsible: [ST]\n        status: pendiente",
                                   "responsible: []\n        status: pendiente")]),
    # coordination and support: a new field after its neighbours; gone when emptied
    (["1.2", "coordination=ST"],
     [("responsible: [ Países miembros ]\n",
       "responsible: [ Países miembros ]\n        coordination: [ST]\n")]),
    (["2.1", "support=+Países miembros"],
     [("responsible: [ST]\n        status: pendiente",
       "responsible: [ST]\n        support: [Países miembros]\n        status: pendiente")]),
    # text: in its own quotes, a folded block kept folded
    (["1.1", "text=Otro texto: con dos puntos"],
     [('text: "Texto con: dos puntos"', 'text: "Otro texto: con dos puntos"')]),
    (["1.2", "text=Texto d'Aubuisson"],
     [("text: 'Texto entre comillas simples'", "text: 'Texto d''Aubuisson'")]),
    (["1.3", "text=Una línea"], [("          Texto plegado\n          en dos líneas\n",
                                  "          Una línea\n")]),
    (["2.1", "text=yes"], [("text: Única actividad", 'text: "yes"')]),
    # ref: one reference is a text, two a list; one removed
    (["2.1", "ref=p. 5, CRM, Deci., mayo, 2008"],
     [("text: Única actividad\n", "text: Única actividad\n        ref: p. 5, CRM, Deci., mayo, "
                                  "2008\n")]),
    (["2.1", "ref=p. 5, CRM, Deci., mayo, 2008", "ref=+p. 2, GRCM, Concl., 2009"],
     [("text: Única actividad\n", "text: Única actividad\n        ref:\n          - p. 5, CRM, "
                                  "Deci., mayo, 2008\n          - p. 2, GRCM, Concl., 2009\n")]),
    # the notes
    (["1.1", "note=Revisar en mayo"], [("status: continuo\n", "status: continuo\n"
                                                              "        note: Revisar en mayo\n")]),
    (["1.1", "status_note=# de casos"], [("status: continuo\n", "status: continuo\n"
                                                                '        status_note: "# de '
                                                                'casos"\n')]),
    (["1.1", "responsible_note=La ST con insumos"],
     [("responsible: [ST]\n        status: continuo",
       "responsible: [ST]\n        responsible_note: La ST con insumos\n"
       "        status: continuo")]),
    # an objective: its title and note
    (["1", "title=Objetivo primero"], [("title: Objetivo uno", "title: Objetivo primero")]),
    (["2", "note=Otra nota."], [("note: Nota del objetivo.", "note: Otra nota.")]),
    (["2", "note="], [("    note: Nota del objetivo.\n", "")]),
    (["1", "note=Nueva nota"], [("title: Objetivo uno\n", "title: Objetivo uno\n"
                                                          "    note: Nueva nota\n")]),
]


@pytest.mark.parametrize(("args", "replacements"), CASES, ids=[" ".join(c[0]) for c in CASES])
def test_set_changes_only_those_characters(plan: Path, args: list[str],
                                           replacements: list[tuple[str, str]]):
    result = run("set", *args, "-f", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (
        0, f"Updated {args[0]}.\n", "")
    assert plan.read_text(encoding="utf-8") == changed(*replacements)


def test_the_title_of_an_objective_in_both_parts_changes_in_both(plan: Path):
    assert run("archive", "1.2", "--keep-updated", "-f", str(plan)).exit_code == 0
    archived = plan.read_text(encoding="utf-8")
    assert archived.count("title: Objetivo uno") == 2
    assert run("set", "1", "title=Objetivo primero", "--keep-updated", "-f", str(plan)
               ).exit_code == 0
    assert plan.read_text(encoding="utf-8") == archived.replace("title: Objetivo uno",
                                                                "title: Objetivo primero")
    assert run("restore", "1.2", "--keep-updated", "-f", str(plan)).exit_code == 0  # still one


def test_nothing_to_change_writes_nothing(plan: Path):
    before = plan.stat()
    result = run("set", "1.1", "status=continuo", "responsible=+ST", "-f", str(plan))
    assert (result.exit_code, result.stdout) == (
        0, "Nothing to change: 1.1 already has these values.\n")
    assert plan.read_text(encoding="utf-8") == ORIGINAL  # not even dated
    assert plan.stat().st_mtime_ns == before.st_mtime_ns


def test_keep_updated_and_dry_run(plan: Path):
    result = run("set", "1.2", "status=pendiente", "--dry-run", "-f", str(plan))
    assert result.exit_code == 0
    assert "-  updated: 2009-11-26\n+  updated: 2026-11-28\n" in result.stdout
    assert "-        status: Por Definir   # estado escrito a mano\n" \
           "+        status: pendiente   # estado escrito a mano\n" in result.stdout
    assert result.stdout.endswith(f"Dry run: {plan} was not changed.\n")
    assert plan.read_text(encoding="utf-8") == ORIGINAL
    assert run("set", "1.2", "status=pendiente", "--keep-updated", "-f", str(plan)).exit_code == 0
    assert plan.read_text(encoding="utf-8") == ORIGINAL.replace("status: Por Definir",
                                                                "status: pendiente")


def test_crlf_and_bom_are_kept(plan: Path):
    plan.write_bytes(b"\xef\xbb\xbf" + ORIGINAL.replace("\n", "\r\n").encode("utf-8"))
    assert run("set", "1.2", "status=programado", "due=2010-06", "coordination=ST",
               "-f", str(plan)).exit_code == 0
    expected = changed(("status: Por Definir   # estado escrito a mano\n",
                        "status: programado   # estado escrito a mano\n        due: 2010-06\n"),
                       ("responsible: [ Países miembros ]\n",
                        "responsible: [ Países miembros ]\n        coordination: [ST]\n"))
    assert plan.read_bytes() == b"\xef\xbb\xbf" + expected.replace("\n", "\r\n").encode("utf-8")


@pytest.mark.parametrize(("args", "code", "message"), [
    (["1.9", "status=pendiente"], 2,
     "no activity or objective has the id '1.9'; did you mean '1.3', '1.2' or '1.1'?"),
    (["1.2", "estado=pendiente"], 2,
     "'estado' is not a field of an activity that crmplan set can change; did you mean "
     "'status'? (fields: text, ref, responsible, coordination, support, responsible_note, "
     "status, due, due_at, due_each, days_before, status_note, note)"),
    (["1", "status=pendiente"], 2,
     "'status' is not a field of an objective that crmplan set can change (fields: title, "
     "note)"),
    (["1.2", "status"], 2, "'status' is not FIELD=VALUE; write for example status=programado"),
    (["1.2"], 2, "say what to change, e.g. crmplan set 1.2 status=programado due=2010-06"),
    (["1.2", "status=pendinte"], 2,
     "'pendinte' is not a status; did you mean 'pendiente'? (valid: continuo, programado, "
     "pendiente, por definir, completado; in English: ongoing, continuous, scheduled, tbd, to "
     "be defined, done, completed; pending: pendiente and por definir)"),
    (["1.2", "responsible=+OIN"], 2, "'OIN' is not a declared actor (known: ST, Países miembros)"),
    (["1.2", "responsible=+Paises miembro"], 2,
     "'Paises miembro' is not a declared actor; did you mean 'Países miembros'?"),
    (["1.2", "responsible=-ST"], 2, "'ST' is not in the responsible of 1.2 (Países miembros)"),
    (["1.2", "responsible=ST,+ST"], 2,
     "'responsible=ST,+ST': either name the whole list (México,OIM) or the actors to add and "
     "remove (+OIM,-ST), not both"),
    (["1.3", "due=2010-13"], 2,
     "the due date '2010-13' has no such month; months go from 01 to 12"),
    (["1.3", "due=marzo"], 2, "the due date 'marzo' is not a date; write a year (2010), a year "
                              "and month (2010-02) or a full date (2010-02-15)"),
    (["1.2", "status=programado"], 2,
     "1.2: the status 'programado' needs a due date; add it to the command, e.g. due=2010-06 "
     "(a year, a month or a day)"),
    (["1.2", "text="], 2, "'text' cannot be empty"),
    (["1.2", "note=a\tb"], 2, "the value of 'note' contains U+0009 CHARACTER TABULATION, which a "
                              "plan cannot hold; write it on one line, without control "
                              "characters"),
])
def test_refusals_write_nothing(plan: Path, args: list[str], code: int, message: str):
    result = run("set", *args, "-f", str(plan))
    if "not a declared actor" in message or "no activity" in message:  # names the file it looked in
        message = f"in {plan}: {message}"
    assert (result.exit_code, result.stdout, result.stderr) == (code, "", f"crmplan: {message}\n")
    assert plan.read_text(encoding="utf-8") == ORIGINAL


SHIPPED = (ROOT / "workplan.yaml").read_text(encoding="utf-8")


def test_a_deadline_tied_to_meetings(tmp_path: Path):
    """due_at names a meeting of the calendar, due_each the bodies (a list, or + and -),
    days_before a whole number written plain; each as the calendar writes it."""
    plan = tmp_path / "workplan.yaml"
    plan.write_text(SHIPPED, encoding="utf-8")
    for args in (["9.1", "status=programado", "due_each=grcm,crm", "days_before=3"],
                 ["9.1", "due_each=-CRM", "days_before=1"],
                 ["9.2", "due_at=grcm-2009-12", "days_before=0"]):
        result = run("set", *args, "--keep-updated", "-f", str(plan))
        assert (result.exit_code, result.stdout) == (0, f"Updated {args[0]}.\n"), result.output
    assert plan.read_text(encoding="utf-8") == SHIPPED.replace(
        "[Países miembros]\n        status: pendiente\n      - id: \"9.2\"",
        "[Países miembros]\n        status: programado\n        due_each: [GRCM]\n"
        "        days_before: 1\n      - id: \"9.2\"").replace(
        "        status: por definir\n      - id: \"9.3\"",
        "        status: por definir\n        due_at: GRCM-2009-12\n        days_before: 0\n"
        "      - id: \"9.3\"")
    result = run("set", "9.2", "due_at=", "days_before=", "--keep-updated", "-f", str(plan))
    assert result.exit_code == 0
    assert plan.read_text(encoding="utf-8") == SHIPPED.replace(
        "[Países miembros]\n        status: pendiente\n      - id: \"9.2\"",
        "[Países miembros]\n        status: programado\n        due_each: [GRCM]\n"
        "        days_before: 1\n      - id: \"9.2\"")


@pytest.mark.parametrize(("args", "message"), [
    (["9.1", "due_at=GRCM-2010-06"], "due_at: 'GRCM-2010-06' is not a meeting of the calendar; "
     "did you mean 'GRCM-2009-12', 'GRCM-2008-11' or 'GRCM-2007-12'? (see crmplan meetings)"),
    (["9.1", "due_each=Rde"], "no meeting of 'meetings' is of the body 'Rde'; did you mean "
                              "'Red'?"),
    (["9.1", "due_each=GRCM,+CRM"], "'due_each=GRCM,+CRM': either name the whole list "
     "(GRCM,CRM) or the bodies to add and remove (+CRM,-GRCM), not both"),
    (["9.1", "due_each=GRCM", "days_before=tres"], "'days_before' is a whole number of days, "
                                                   "e.g. 1"),
    (["9.1", "due_each=GRCM", "days_before=²"], "'days_before' is a whole number of days, "
                                                "e.g. 1"),
    (["9.1", "status=programado", "due_each=GRCM", "due_each="],
     "9.1: the status 'programado' needs a due date; add it to the command, e.g. due=2010-06 "
     "(a year, a month or a day)"),
])
def test_a_deadline_tied_to_meetings_is_checked(tmp_path: Path, args: list[str], message: str):
    plan = tmp_path / "workplan.yaml"
    plan.write_text(SHIPPED, encoding="utf-8")
    result = run("set", *args, "-f", str(plan))
    assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"crmplan: {message}\n")
    assert plan.read_text(encoding="utf-8") == SHIPPED


def test_a_change_that_would_not_validate_is_refused_with_the_problem(plan: Path):
    result = run("set", "I.A.1.1", "status=pendiente", "-f", str(plan))
    assert (result.exit_code, result.stderr) == (1, (
        f"{plan}:64:17: error: an activity in the history is 'completado', not 'pendiente' "
        "[status]\n"
        f"crmplan: the change would leave {plan} with errors, so nothing was written\n"))
    assert plan.read_text(encoding="utf-8") == ORIGINAL


def test_spanish(plan: Path):
    result = run("--lang", "es", "set", "1.2", "estado=pendiente", "-f", str(plan))
    assert (result.exit_code, result.stderr) == (2, (
        "crmplan: 'estado' no es un campo de una actividad que crmplan set pueda cambiar; "
        "¿quiso decir 'status'? (campos: text, ref, responsible, coordination, support, "
        "responsible_note, status, due, due_at, due_each, days_before, status_note, note)\n"))
    result = run("--lang", "es", "set", "1.2", "status=pendiente", "-f", str(plan))
    assert (result.exit_code, result.stdout) == (0, "Se actualizó 1.2.\n")
