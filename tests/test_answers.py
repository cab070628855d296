"""answers.py without workbooks: cell values read as texts, answers checked against the plan,
answers that disagree, progress notes of several countries."""

from __future__ import annotations

import datetime as dt

import pytest
from plans import QUERY_PLAN, plan_of

from crm_plan import answers
from crm_plan.answers import Answer, Book, Cell, Problem, Shown

PLAN = plan_of(QUERY_PLAN)


@pytest.mark.parametrize(("value", "text"), [
    (None, ""), ("  2010-06 ", "2010-06"), (2010, "2010"), (2010.0, "2010"), (2010.5, "2010.5"),
    (dt.datetime(2010, 6, 15, 0, 0), "2010-06-15"), (dt.date(2010, 6, 15), "2010-06-15"),
    (True, "True"),
])
def test_value_text(value: object, text: str):
    assert answers.value_text(value) == text


def row(activity_id: str, book: str = "mexico.xlsx", actor: str = "México", via: str = "",
        **given: str) -> Answer:
    activity = next(a for a in PLAN.activities() if a.id == activity_id)
    columns = {"new_status": "H", "new_due": "I", "progress": "J", "outcome": "K"}
    cells = {column: (value, Cell(book, "Commitments", f"{columns[column]}9"))
             for column, value in given.items()}
    return Answer(Shown.of(activity, 9, via), actor, cells, Cell(book, "Commitments", "A9"))


def planned(*rows: Answer) -> tuple[list[tuple[object, ...]], list[str]]:
    found, problems = answers.plan_answers(PLAN, [Book("b", PLAN.document.title, "", list(rows),
                                                       [])])
    return [tuple(p)[:5] for p in found], [str(p) for p in problems]


def test_a_status_a_date_and_a_note():
    assert planned(row("2.2", new_status="scheduled", new_due="2010-7", progress="Avanza")) == (
        [("2.2", "programado", "2010-07", "Avanza", None)], [])


def test_the_same_value_is_no_change():
    activity = next(a for a in PLAN.activities() if a.id == "2.2")
    assert planned(row("2.2", new_status=activity.status.value)) == ([], [])


def test_answers_that_disagree_are_all_refused_the_others_kept():
    found, problems = planned(row("2.2", new_status="continuo"),
                              row("2.2", book="belice.xlsx", actor="Belice",
                                  new_status="programado", new_due="2011"),
                              row("2.2", book="belice.xlsx", actor="Belice", via="Países miembros",
                                  progress="Sin novedad"))
    assert found == [("2.2", None, None, "(Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008); "
                                         "Belice: Sin novedad", None)]
    assert problems == [
        "belice.xlsx, Commitments!H9: the answers for activity 2.2 disagree about its status "
        "(mexico.xlsx, Commitments!H9; belice.xlsx, Commitments!H9); none of them was applied",
        "mexico.xlsx, Commitments!H9: the answers for activity 2.2 disagree about its status "
        "(mexico.xlsx, Commitments!H9; belice.xlsx, Commitments!H9); none of them was applied"]


def test_notes_of_countries_that_owe_it_through_a_group_are_added_with_their_names():
    found, _problems = planned(
        row("1.1", via="Países miembros", progress="Informe entregado"),
        row("1.1", book="belice.xlsx", actor="Belice", via="Países miembros",
            progress="Informe en preparación"))
    assert found == [("1.1", None, None, "México: Informe entregado; Belice: Informe en "
                                         "preparación", None)]


def test_a_note_of_the_actor_named_replaces_the_status_note():
    found, _problems = planned(row("1.1", progress="Nueva nota"))
    assert found == [("1.1", None, None, "Nueva nota", None)]


@pytest.mark.parametrize(("given", "message"), [
    ({"new_status": "programado"},
     "mexico.xlsx, Commitments!H9: 'programado' needs a due date: fill in the new due date (2010, "
     "2010-06 or 2010-06-15); this row was not applied"),
    ({"outcome": "Hecho"},
     "mexico.xlsx, Commitments!K9: an outcome is recorded when the activity is completed: choose "
     "'completado' as the new status, or leave the outcome empty; this row was not applied"),
    ({"new_due": "2010-02-30"},
     "mexico.xlsx, Commitments!I9: the due date '2010-02-30' has no such day in that month"),
])
def test_rows_that_cannot_be_applied(given: dict[str, str], message: str):
    assert planned(row("1.1", **given)) == ([], [message])


def test_a_workbook_of_another_plan():
    book = Book("otro.xlsx", "Otro plan", "", [row("1.1", progress="x")], [])
    found, problems = answers.plan_answers(PLAN, [book])
    assert (found, [str(p) for p in problems]) == ([], [
        "otro.xlsx: it was made from another plan ('Otro plan'); nothing in it was applied"])


def test_problem_text():
    assert str(Problem(Cell("g.xlsx", "Compromisos", "E7"), "mal")) == "g.xlsx, Compromisos!E7: mal"
