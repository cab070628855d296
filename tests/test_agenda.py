"""`crmplan agenda`: what each actor brings to a meeting, for two consecutive meetings of a
body, for a meeting without a date, filtered by actor, and written as markdown, HTML and Word
like `report`."""

from __future__ import annotations

import datetime as dt
import zipfile
from io import BytesIO

import pytest
from conftest import ROOT
from test_meetings import PLAN, plan_of
from typer.testing import CliRunner

from crm_plan import agenda, meetings
from crm_plan.agenda import Group
from crm_plan.cli import app
from crm_plan.errors import UsageError

REAL_PLAN = str(ROOT / "workplan.yaml")
ON = dt.date(2009, 11, 26)

# The history of PLAN with activities archived between the meetings of the GRCM.
ARCHIVED = PLAN.replace("""\
      - id: I.A.1.1
        text: Hecho
""", """\
      - id: I.A.1.1
        text: Hecho
        archived: 2009-06-15
""", 1) + """\
      - id: I.A.1.2
        text: Hecho después
        archived: 2010-01-10
        outcomes:
          - text: Resultado
"""


def groups(found: agenda.Agenda) -> dict[str, dict[Group, list[str]]]:
    return {part.actor: {group: [a.id for a in acts] for group, acts in part.groups}
            for part in found.actors}


def agenda_of(meeting_id: str, text: str = ARCHIVED, actor: str | None = None):
    plan = plan_of(text)
    return agenda.agenda(plan, plan.meetings_by_id[meeting_id], ON, actor)


def test_a_recurring_deadline_is_on_the_agenda_of_two_consecutive_meetings():
    first, second = agenda_of("GRCM-2009-12"), agenda_of("GRCM-2010-06")
    assert groups(first) == {
        "México": {Group.RECURRING: ["1.3"], Group.TO_DEFINE: ["1.6"]},
        "OIM": {Group.DUE: ["1.4"]},
        "ST": {Group.UNDATED: ["1.5"]},
    }
    assert groups(second)["México"] == {Group.RECURRING: ["1.3"], Group.TO_DEFINE: ["1.6"]}
    # 1.2 (OIM, due 2010-02) falls between them: on the second, not on the first
    assert groups(second)["OIM"] == {Group.DUE: ["1.2", "1.4"]}
    assert (first.previous.id, second.previous.id) == ("GRCM-2008-11", "GRCM-2009-12")


def test_what_was_completed_since_the_previous_meeting_of_the_body():
    first, second = agenda_of("GRCM-2009-12"), agenda_of("GRCM-2010-06")
    assert [a.id for a in first.completed] == ["I.A.1.1"]  # archived 2009-06-15
    assert [a.id for a in second.completed] == ["I.A.1.2"]  # archived 2010-01-10


def test_a_meeting_without_a_date_has_only_what_is_due_at_it_by_name():
    found = agenda_of("CRM-XX")
    assert groups(found)["ST"] == {Group.DUE: ["1.5"]}
    assert "OIM" not in groups(found)  # 1.2 and 1.4 are not judged against it
    assert found.completed == () and found.previous is None


def test_the_agenda_of_one_actor_includes_what_names_its_groups():
    found = agenda_of("GRCM-2009-12", actor="México")
    assert groups(found) == {"México": {Group.RECURRING: ["1.3"], Group.TO_DEFINE: ["1.6"]}}
    from crm_plan import planfile

    plan = planfile.load(planfile.locate(REAL_PLAN)).plan
    mexico = groups(agenda.agenda(plan, plan.meetings_by_id["GRCM-2009-12"], ON, "mexico"))
    assert mexico["México"][Group.RECURRING] == ["1.1", "3.1"]  # through Países miembros
    assert mexico["México"][Group.TO_DEFINE][:3] == ["5.1", "6.3", "6.5"]


def test_the_default_meeting_is_the_next_dated_one():
    plan = plan_of()
    assert agenda.chosen_meeting(plan, None, ON).id == "GRCM-2009-12"
    assert agenda.chosen_meeting(plan, None, dt.date(2009, 12, 3)).id == "GRCM-2009-12"
    assert agenda.chosen_meeting(plan, None, dt.date(2009, 12, 4)).id == "GRCM-2010-06"
    with pytest.raises(UsageError, match="no meeting of the calendar is dated on or after "
                                         "2011-01-01"):
        agenda.chosen_meeting(plan, None, dt.date(2011, 1, 1))


def test_the_shipped_plan_s_agenda_for_the_grcm_of_december_2009():
    from crm_plan import planfile

    plan = planfile.load(planfile.locate(REAL_PLAN)).plan
    meeting = agenda.chosen_meeting(plan, None, ON)
    assert (meeting.id, meetings.previous_of_body(plan, meeting).id) == ("GRCM-2009-12",
                                                                         "GRCM-2008-11")
    found = groups(agenda.agenda(plan, meeting, ON))
    assert found["Países miembros"][Group.RECURRING] == ["1.1", "3.1"]
    assert found["OIM"][Group.RECURRING] == ["6.4"]
    red = groups(agenda.agenda(plan, plan.meetings_by_id["RED-2009-12"], ON))
    assert red["Países miembros"][Group.RECURRING] == ["1.2"]  # en las reuniones de la red


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})


def test_agenda_as_markdown():
    result = run("agenda", "GRCM-2009-12", "-f", REAL_PLAN, "--as-of", "2009-11-26",
                 "--format", "markdown", "-r", "OIM")
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[:9] == [
        "# Agenda: GRCM-2009-12 (GRCM, 2009-12)",
        "",
        ("Plan de trabajo para la Red de Funcionarios de Enlace para Combatir la Trata de "
         "Personas y el Tráfico Ilícito de Migrantes"),
        "",
        "Previous meeting of GRCM: GRCM-2008-11 (GRCM, Tegucigalpa, 2008-11).",
        "",
        "4 activities of the active plan are on the agenda, as of 2009-11-26.",
        "",
        "## What OIM brings",
    ]
    assert "### Reported at every meeting of this body (1)" in result.stdout


@pytest.mark.parametrize("name", ["agenda.html", "agenda.docx", "agenda.md", "agenda.txt"])
def test_agenda_written_with_o_in_the_format_of_its_extension(tmp_path, name: str):
    out = tmp_path / name
    result = run("agenda", "-f", REAL_PLAN, "--as-of", "2009-11-26", "-o", str(out))
    assert (result.exit_code, result.stdout) == (0, f"Wrote {out}.\n")
    data = out.read_bytes()
    if name.endswith(".docx"):
        document = zipfile.ZipFile(BytesIO(data)).read("word/document.xml").decode()
        assert "GRCM-2009-12" in document and "Países miembros" in document
    else:
        assert "GRCM-2009-12" in data.decode() and "6.4" in data.decode()
    if name.endswith(".html"):
        assert data.startswith(b"<!DOCTYPE html>")


def test_agenda_in_spanish():
    result = run("agenda", "GRCM-2009-12", "-f", REAL_PLAN, "--lang", "es", "--as-of",
                 "2009-11-26", "--format", "markdown")
    assert result.stdout.startswith("# Agenda de la reunión GRCM-2009-12 (GRCM, 2009-12)\n")
    assert "## Lo que aporta Países miembros" in result.stdout


def test_agenda_of_an_unknown_meeting_is_a_usage_error():
    result = run("agenda", "GRCM-2009-13", "-f", REAL_PLAN)
    assert result.exit_code == 2
    assert "'GRCM-2009-13' is not a meeting of the calendar; did you mean" in result.stderr
