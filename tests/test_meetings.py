"""The calendar of meetings: references resolved to meetings, deadlines tied to meetings
(by name, at each meeting of a body, days before), overdue and due-before judged against
meeting dates, and a meeting without a date never past nor future."""

from __future__ import annotations

import datetime as dt
import json
import sys

import pytest
from conftest import ROOT, SMALL_PLAN, assert_problems
from typer.testing import CliRunner

from crm_plan import meetings, planfile, query
from crm_plan.cli import app
from crm_plan.completion import meetings as complete_meetings
from crm_plan.model import Status
from crm_plan.source import from_bytes
from crm_plan.validate import validate

REAL_PLAN = str(ROOT / "workplan.yaml")

CALENDAR = """\
meetings:
  - id: GRCM-2008-11
    body: GRCM
    date: 2008-11
    place: Tegucigalpa
  - id: CRM-2009-05
    body: CRM
    date: 2009-05-20
  - id: GRCM-2009-12
    body: GRCM
    date: 2009-12-03
  - id: GRCM-2010-06
    body: GRCM
    date: 2010-06
  - id: CRM-XX
    body: CRM
    name: XX RCM
    date: por definir
  - id: CRM-2007-04
    body: CRM
    date: 2007-04
"""

# SMALL_PLAN with a calendar, and activities tied to meetings.
PLAN = SMALL_PLAN.replace("objectives:\n", CALENDAR + "objectives:\n", 1).replace(
    "        due: 2010-02\n", """\
        due: 2010-02
      - id: "1.3"
        text: Informar en cada GRCM
        responsible: [México]
        status: continuo
        due_each: [GRCM]
        days_before: 1
      - id: "1.4"
        text: Entregar el directorio
        responsible: [OIM]
        status: programado
        due_at: GRCM-2009-12
        days_before: 2
      - id: "1.5"
        text: Presentar el informe regional
        responsible: [ST]
        status: programado
        due_at: CRM-XX
      - id: "1.6"
        text: Definir indicadores
        responsible: [México]
        status: por definir
""", 1)


def plan_of(text: str = PLAN):
    plan, problems = validate(from_bytes(text.encode("utf-8"), "plan.yaml"))
    assert [p for p in problems if p.severity.value == "error"] == []
    return plan


def activity(plan, activity_id: str):
    return next(a for a in plan.activities(archived=True) if a.id == activity_id)


# -- the calendar and the references --------------------------------------------------------------


def test_the_plan_reads_its_calendar():
    plan = plan_of()
    assert [m.id for m in plan.meetings] == ["GRCM-2008-11", "CRM-2009-05", "GRCM-2009-12",
                                             "GRCM-2010-06", "CRM-XX", "CRM-2007-04"]
    first = plan.meetings[0]
    assert (first.body, first.date.iso(), first.place) == ("GRCM", "2008-11", "Tegucigalpa")
    assert plan.meetings[4].date is None  # por definir: not dated
    assert activity(plan, "1.3").due_each == ("GRCM",)


def test_a_reference_resolves_to_the_meeting_of_its_body_month_and_year():
    plan = plan_of()
    assert [m.id for m in meetings.mandates(plan, activity(plan, "1.1"))] == ["GRCM-2008-11"]
    assert meetings.mandates(plan, activity(plan, "1.2")) == ()  # no reference


def test_a_reference_naming_no_meeting_is_a_warning_with_the_meeting_to_add():
    text = PLAN.replace("ref: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008",
                        "ref: p. 5.b, CRM, Inf. Red Trata, noviembre, 2008")
    assert_problems(text, (46, 14, "ref-meeting"))
    (problem,) = [p for p in validate(from_bytes(text.encode(), "plan.yaml"))[1]
                  if p.code == "ref-meeting"]
    assert problem.message == (
        "the reference 'p. 5.b, CRM, Inf. Red Trata, noviembre, 2008' names a meeting that is "
        "not in 'meetings'; add it: '- id: CRM-2008-11' with 'body: CRM' and 'date: 2008-11'")


def test_a_plan_without_a_calendar_is_not_asked_to_keep_one():
    assert_problems(SMALL_PLAN)


def test_the_shipped_plan_s_references_all_resolve_to_its_calendar():
    plan = planfile.load(planfile.locate(REAL_PLAN)).plan
    unresolved = [ref.text for a in plan.activities(archived=True) for ref in a.refs
                  if ref.body and ref.month and ref.year and meetings.resolve(ref, plan) is None]
    assert unresolved == []
    by_id = plan.meetings_by_id
    assert by_id["GRCM-2008-11"].place == "Tegucigalpa"  # 9.3: Tegucigalpa, noviembre de 2008
    assert by_id["GRCM-2007-10"].place == "Managua"  # 4.2: Managua, octubre, 2007
    assert by_id["CRM-XI"].date is None  # XI RCM: the document gives no date
    assert [m.id for m in meetings.mandates(plan, activity(plan, "9.3"))] == ["GRCM-2008-11"]
    assert [m.id for m in meetings.mandates(plan, activity(plan, "4.2"))] == ["GRCM-2007-10"]
    assert {a.id: a.due_each for a in plan.activities() if a.due_each} == {
        "1.1": ("GRCM", "CRM"), "1.2": ("Red",), "3.1": ("GRCM",), "6.4": ("CRM", "GRCM")}


@pytest.mark.parametrize(("old", "new", "where"), [
    ("due_at: GRCM-2009-12", "due_at: GRCM-2009-11", (64, 17)),
    ("due_each: [GRCM]", "due_each: [GRMC]", (58, 19)),
    ("days_before: 2", "days_before: dos", (65, 22)),
    ("days_before: 2", "days_before: ²", (65, 22)),  # a digit to str.isdigit, not to int
    ("date: 2010-06", "date: junio", (31, 11)),
    ("id: CRM-2009-05", "id: GRCM-2008-11", (23, 9)),
])
def test_the_meeting_rule(old: str, new: str, where: tuple[int, int]):
    assert_problems(PLAN.replace(old, new, 1), (*where, "meeting"))


# -- deadlines --------------------------------------------------------------------------------------


def test_a_deadline_at_a_dated_meeting_is_its_day_less_the_days_before():
    plan = plan_of()
    assert meetings.deadline(plan, activity(plan, "1.4")) == dt.date(2009, 12, 1)
    assert meetings.deadline(plan, activity(plan, "1.2")) == dt.date(2010, 2, 28)  # due: 2010-02


def test_overdue_is_judged_against_the_meeting_s_date():
    plan = plan_of()
    due_at = activity(plan, "1.4")
    assert not query.is_overdue(due_at, dt.date(2009, 12, 1), plan)
    assert query.is_overdue(due_at, dt.date(2009, 12, 2), plan)


def test_a_meeting_without_a_date_is_never_past_nor_future():
    plan = plan_of()
    undated = plan.meetings_by_id["CRM-XX"]
    assert meetings.when(undated, dt.date(1900, 1, 1)) == "undated"
    assert meetings.when(undated, dt.date(2200, 1, 1)) == "undated"
    assert meetings.deadline(plan, activity(plan, "1.5")) is None
    assert not query.is_overdue(activity(plan, "1.5"), dt.date(2200, 1, 1), plan)
    assert meetings.next_meeting(plan, dt.date(2011, 1, 1)) is None
    assert meetings.previous_of_body(plan, undated) is None


def select(plan, as_of: str = "2009-11-26", **filters) -> list[str]:
    found = query.select(plan, query.Filters(**filters), dt.date.fromisoformat(as_of))
    return [a.id for a in found.activities]


def test_due_before_and_overdue_count_meeting_deadlines():
    plan = plan_of()
    assert select(plan, due_before="2009-12-02") == ["1.4"]
    assert select(plan, due_before="2011") == ["1.2", "1.4"]  # 1.5: a meeting without a date
    assert select(plan, as_of="2009-12-05", overdue=True) == ["1.4"]


def test_list_due_at_and_mandate_from():
    plan = plan_of()
    assert select(plan, due_at=("GRCM-2009-12",)) == ["1.3", "1.4"]  # 1.3: at each GRCM
    assert select(plan, due_at=("crm-xx",)) == ["1.5"]
    assert select(plan, mandate_from=("GRCM-2008-11",)) == ["1.1"]
    with pytest.raises(Exception, match="'GRCM-2009-13' is not a meeting of the calendar; did "
                                        "you mean"):
        select(plan, due_at=("GRCM-2009-13",))


def test_the_calendar_counts_mandates_and_what_is_due():
    rows = meetings.calendar(plan_of(), dt.date(2009, 11, 26))
    assert [(r.meeting.id, r.when, r.mandates, r.due) for r in rows] == [
        ("CRM-2007-04", "past", 0, 0), ("GRCM-2008-11", "past", 1, 1), ("CRM-2009-05", "past", 0, 0),
        ("GRCM-2009-12", "coming", 0, 2), ("GRCM-2010-06", "coming", 0, 1),
        ("CRM-XX", "undated", 0, 1)]


# -- the command line -------------------------------------------------------------------------------


def run(*args: str):
    return CliRunner().invoke(app, list(args), env={"COLUMNS": "100", "NO_COLOR": "1"})


def test_meetings_json(tmp_path):
    path = tmp_path / "workplan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = run("meetings", "-f", str(path), "--as-of", "2009-11-26", "--format", "json")
    assert result.exit_code == 0, result.output
    first = json.loads(result.stdout)[1]  # by date: CRM-2007-04 first
    assert first == {"id": "GRCM-2008-11", "body": "GRCM", "date": "2008-11",
                     "place": "Tegucigalpa", "name": None, "note": None, "when": "past",
                     "mandates": 1, "due": 1}


def test_list_due_at_on_the_shipped_plan():
    result = run("list", "-f", REAL_PLAN, "--due-at", "GRCM-2009-12", "--format", "json")
    assert [r["id"] for r in json.loads(result.stdout)] == ["1.1", "3.1", "6.4"]


def test_show_names_the_meeting_that_gave_the_mandate():
    result = run("show", "9.3", "-f", REAL_PLAN, "--format", "json")
    (ref,) = json.loads(result.stdout)["references"]
    assert ref["meeting"] == "GRCM-2008-11"


def test_completion_offers_meeting_ids():
    found = complete_meetings(REAL_PLAN, "grcm-2008")
    assert found == [("GRCM-2008-11", "GRCM, Tegucigalpa, 2008-11")]


def test_a_generated_plan_has_a_calendar_and_deadlines_tied_to_it():
    sys.path.insert(0, str(ROOT / "bench"))
    import generate

    plan = plan_of(generate.generate(300, seed=1))
    assert len(plan.meetings) > 200 and plan.meetings[-1].date is None
    assert any(a.due_at for a in plan.activities())
    assert any(a.due_each for a in plan.activities())
    assert all(a.status is Status.PROGRAMADO for a in plan.activities() if a.due_at)


def test_list_shows_the_meeting_an_activity_is_due_at_and_that_it_is_overdue(tmp_path):
    path = tmp_path / "workplan.yaml"
    path.write_text(PLAN, encoding="utf-8")
    result = run("list", "-f", str(path), "--as-of", "2009-12-05", "--overdue")
    assert [line.split() for line in result.stdout.splitlines()[-4:]] == [
        ["1.4", "Entregar", "el", "directorio", "OIM", "programado"], ["GRCM-2009-12"],
        ["overdue"], ["1", "activity."]]
    status = run("status", "-f", str(path), "--as-of", "2009-12-05", "--format", "json")
    assert json.loads(status.stdout)["counts"]["overdue"] == 1
