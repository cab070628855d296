"""The filters of `crmplan list`/`status`, without the command line."""

from __future__ import annotations

import datetime as dt

import pytest
from conftest import ROOT
from plans import QUERY_PLAN, plan_of

from crm_plan import lookup, query
from crm_plan.errors import EXIT_USAGE, UsageError
from crm_plan.model import Due, Status
from crm_plan.planfile import load_valid, locate
from crm_plan.query import Filters, Naming, Scope, select

PLAN = plan_of(QUERY_PLAN)
DAY = dt.date(2010, 3, 1)


def ids(filters: Filters, as_of: dt.date = DAY, plan=PLAN) -> list[str]:  # type: ignore[no-untyped-def]
    return [a.id for a in select(plan, filters, as_of).activities]


def usage_error(filters: Filters) -> str:
    with pytest.raises(UsageError) as caught:
        select(PLAN, filters, DAY)
    assert caught.value.exit_code == EXIT_USAGE
    return str(caught.value)


def test_no_filter_is_the_active_plan_in_order():
    assert ids(Filters()) == ["1.1", "1.2", "2.1", "2.2", "3.1"]


@pytest.mark.parametrize(("scope", "expected"), [
    (Scope.ARCHIVED, ["I.A.1.1"]),
    (Scope.ALL, ["1.1", "1.2", "2.1", "2.2", "3.1", "I.A.1.1"]),
])
def test_scope(scope: Scope, expected: list[str]):
    assert ids(Filters(scope=scope)) == expected


# -- actors ------------------------------------------------------------------------------------


@pytest.mark.parametrize("word", ["México", "mexico", "  MÉXICO ", "Estados  Unidos mexicanos"])
def test_actor_by_short_or_full_name_ignoring_case_accents_and_spaces(word: str):
    assert ids(Filters(actors=(word,))) == ["1.1", "2.1", "2.2"]


def test_actor_matches_through_its_group_and_says_how():
    hits = select(PLAN, Filters(actors=("México",)), DAY).hits
    assert [h.namings for h in hits] == [
        (Naming("México", "Países miembros", "responsible"),),
        (Naming("México", "México", "responsible"),),
        (Naming("México", "Países miembros", "support"),),
    ]
    assert [n.via for h in hits for n in h.namings] == ["Países miembros", None, "Países miembros"]


def test_direct_leaves_out_the_groups():
    assert ids(Filters(actors=("México",), direct=True)) == ["2.1"]


def test_a_group_matches_where_it_is_named_not_where_its_members_are():
    assert ids(Filters(actors=("Países miembros",))) == ["1.1", "2.2"]


@pytest.mark.parametrize(("actor", "expected"), [
    ("ST", [("1.1", "coordination"), ("3.1", "responsible")]),
    ("RROCM", [("1.2", "support")]),
])
def test_every_role_counts_and_is_reported(actor: str, expected: list[tuple[str, str]]):
    hits = select(PLAN, Filters(actors=(actor,)), DAY).hits
    assert [(h.activity.id, n.role) for h in hits for n in h.namings] == expected


def test_repeated_actor_is_an_or_and_resolved_names_are_kept():
    selection = select(PLAN, Filters(actors=("oim", "Belice", "OIM")), DAY)
    assert [a.id for a in selection.activities] == ["1.1", "1.2", "2.1", "2.2"]
    assert selection.actors == ("OIM", "Belice")


def test_without_actors_no_namings():
    assert {h.namings for h in select(PLAN, Filters(), DAY).hits} == {()}


def test_unknown_actor_names_the_closest():
    assert usage_error(Filters(actors=("Mexco",))) == (
        "'Mexco' is not a declared actor; did you mean 'México'?")
    assert usage_error(Filters(actors=("Organizacion Internacional",))) == (
        "'Organizacion Internacional' is not a declared actor; did you mean 'OIM'?")


def test_unknown_actor_without_a_close_one_lists_them_all():
    assert usage_error(Filters(actors=("zzz",))) == (
        "'zzz' is not a declared actor (known: ST, OIM, RROCM, México, Belice, Países miembros)")


# -- status --------------------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "expected"), [
    ("por definir", ["2.1"]), ("Por Definír", ["2.1"]), ("tbd", ["2.1"]),
    ("to be defined", ["2.1"]), ("pending", ["2.1", "2.2"]), ("ongoing", ["1.1"]),
    ("por resolver", ["2.1", "2.2"]), ("pendiente", ["2.2"]),
    ("scheduled", ["1.2", "3.1"]), ("PROGRAMADO", ["1.2", "3.1"]), ("done", []),
])
def test_status_in_spanish_or_english(word: str, expected: list[str]):
    assert ids(Filters(statuses=(word,))) == expected


def test_pending_is_pendiente_or_por_definir_as_a_filter_and_as_a_status():
    assert ids(Filters(pending=True)) == ids(Filters(statuses=("pending",))) \
        == ids(Filters(statuses=("pendiente", "por definir"))) == ["2.1", "2.2"]


def test_done_is_the_history():
    assert ids(Filters(statuses=("completado",), scope=Scope.ALL)) == ["I.A.1.1"]


def test_repeated_status_is_an_or():
    assert ids(Filters(statuses=("pendiente", "por definir"))) == ["2.1", "2.2"]


def test_unknown_status_lists_the_valid_words():
    valid = ("(valid: continuo, programado, pendiente, por definir, completado; in English: "
             "ongoing, continuous, scheduled, tbd, to be defined, done, completed; pending: "
             "pendiente and por definir)")
    assert usage_error(Filters(statuses=("xyz",))) == f"'xyz' is not a status {valid}"
    assert usage_error(Filters(statuses=("pendinte",))) == (
        f"'pendinte' is not a status; did you mean 'pendiente'? {valid}")


# -- section, objective ----------------------------------------------------------------------


def test_section():
    assert ids(Filters(sections=("b",))) == ["2.1", "2.2", "3.1"]
    assert usage_error(Filters(sections=("D",))) == "'D' is not a section (known: A, B)"


def test_objective_active_and_historical():
    assert ids(Filters(objectives=("2", "3"))) == ["2.1", "2.2", "3.1"]
    assert ids(Filters(objectives=("i.a.1",), scope=Scope.ARCHIVED)) == ["I.A.1.1"]
    assert ids(Filters(objectives=("1", "I.A.1"), scope=Scope.ALL)) == ["1.1", "1.2", "I.A.1.1"]


@pytest.mark.parametrize(("filters", "message"), [
    (Filters(objectives=("I.A.1",)), "objective I.A.1 is in the history; add --archived or --all"),
    (Filters(objectives=("1",), scope=Scope.ARCHIVED),
     "objective 1 is in the active plan, not in the history; use --all or leave out --archived"),
    (Filters(objectives=("I.A.2",)), "'I.A.2' is not an objective; did you mean 'I.A.1'?"),
    (Filters(objectives=("zz",)), "'zz' is not an objective"),
])
def test_objective_errors(filters: Filters, message: str):
    assert usage_error(filters) == message


# -- search, references, Plan of Action ----------------------------------------------------------


@pytest.mark.parametrize(("word", "expected"), [
    ("ALBÉRGUES", ["2.1"]),  # the text
    ("tegucigalpa", ["2.1"]),  # a note
    ("inf. red trata", ["1.1", "2.1", "2.2"]),  # references, one inside a status note
    ("  taller   de  ", ["1.2"]),  # extra spaces
    ("viceministros", []),  # outcomes are in the history, not in the active plan
])
def test_search(word: str, expected: list[str]):
    assert ids(Filters(search=(word,))) == expected


def test_search_looks_in_outcomes_and_repeats_as_or():
    assert ids(Filters(search=("viceministros", "lineamientos"), scope=Scope.ALL)) == ["I.A.1.1"]
    assert ids(Filters(search=("albergues", "estadísticas"))) == ["2.1", "2.2"]


def test_reference_year_and_body():
    assert ids(Filters(ref_years=(2008,))) == ["1.1", "2.2"]  # 2.2's is in its status note
    assert ids(Filters(ref_years=(2009, 2002))) == ["2.1", "3.1"]
    assert ids(Filters(ref_bodies=("crm",))) == ["1.2", "3.1"]
    assert ids(Filters(ref_bodies=("GRCM",), ref_years=(2009,))) == ["2.1"]


def test_unknown_body():
    assert usage_error(Filters(ref_bodies=("CRN",))) == (
        "'CRN' is not a body whose documents the plan cites; did you mean 'CRM'? "
        "(known: CRM, GRCM)")


def test_action_plan_is_the_activity_own_mark_and_the_objective_mark_a_separate_filter():
    assert ids(Filters(action_plan=True)) == ["3.1"]  # objective 3 is not marked
    assert ids(Filters(objective_action_plan=True)) == ["2.1", "2.2"]  # they are not
    assert query.objective_in_action_plan(PLAN, PLAN.objectives[1].activities[0])
    assert not query.objective_in_action_plan(PLAN, PLAN.objectives[2].activities[0])


# -- dates ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(("as_of", "expected"), [
    (dt.date(2010, 2, 28), []),  # the last day of the month it is due: still on time
    (dt.date(2010, 3, 1), ["1.2"]),
    (dt.date(2011, 12, 31), ["1.2"]),
    (dt.date(2012, 1, 1), ["1.2", "3.1"]),
])
def test_overdue_is_programado_past_the_end_of_its_period(as_of: dt.date, expected: list[str]):
    assert ids(Filters(overdue=True), as_of) == expected


@pytest.mark.parametrize(("limit", "expected"), [
    ("2010-02-28", []), ("2010-03", ["1.2"]), ("2010-03-01", ["1.2"]), ("2011", ["1.2"]),
    ("2012", ["1.2", "3.1"]),
])
def test_due_before(limit: str, expected: list[str]):
    assert ids(Filters(due_before=limit)) == expected


def test_bad_dates():
    assert usage_error(Filters(due_before="marzo")) == (
        "'marzo' is not a date for --due-before; write 2010, 2010-03 or 2010-03-01")
    with pytest.raises(UsageError, match=r"^'2010-02-30' is not a date for --as-of; write it as "
                                         r"2010-03-01$"):
        query.as_of("2010-02-30")


def test_as_of_defaults_to_today(monkeypatch: pytest.MonkeyPatch):
    monkeypatch.setattr(query, "today", lambda: dt.date(2009, 1, 2))
    assert query.as_of(None) == dt.date(2009, 1, 2)
    assert query.as_of("2010-03-01") == dt.date(2010, 3, 1)


def test_filters_combine_with_and():
    assert ids(Filters(actors=("México",), statuses=("pendiente",))) == ["2.2"]
    assert ids(Filters(actors=("OIM",), sections=("A",), overdue=True)) == ["1.2"]
    assert ids(Filters(actors=("OIM",), sections=("B",), overdue=True)) == []


# -- finding one item ----------------------------------------------------------------------------


@pytest.mark.parametrize(("word", "kind", "found"), [
    ("2.1", "Activity", "2.1"), ("2", "Objective", "2"), ("i.a.1.1", "Activity", "I.A.1.1"),
    (" I.A.1 ", "Objective", "I.A.1"),
])
def test_item_by_id(word: str, kind: str, found: str):
    item = lookup.item(PLAN, word)
    assert (type(item).__name__, item.id) == (kind, found)


def test_unknown_item_names_the_closest_ids():
    with pytest.raises(UsageError) as caught:
        lookup.item(PLAN, "2.3")
    assert str(caught.value) == (
        "no activity or objective has the id '2.3'; did you mean '2.2' or '2.1'?")


# -- model helpers used by the queries ---------------------------------------------------------


def test_model_helpers():
    activity = PLAN.objectives[0].activities[0]
    assert activity.named() == (("Países miembros", "responsible"), ("ST", "coordination"))
    assert PLAN.objective_of(activity) is PLAN.objectives[0]
    historical = next(PLAN.activities(active=False, archived=True))
    assert PLAN.objective_of(historical) is PLAN.history[0]
    assert PLAN.objective_of(activity._replace(objective="9")) is None
    assert Due(2010).first_day() == dt.date(2010, 1, 1)
    assert Due(2010, 3).first_day() == dt.date(2010, 3, 1)
    assert Due(2010, 3, 9).first_day() == dt.date(2010, 3, 9)
    assert Status.POR_DEFINIR.pending


# -- the real plan -------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def real_plan():  # type: ignore[no-untyped-def]
    return load_valid(locate(str(ROOT / "workplan.yaml"))).plan


def test_real_plan_mexico(real_plan):  # type: ignore[no-untyped-def]
    hits = select(real_plan, Filters(actors=("mexico",)), DAY).hits
    direct = [h.activity.id for h in hits if any(n.via is None for n in h.namings)]
    assert len(hits) == 30 and direct == ["6.3", "6.5"]
    assert all(n.via == "Países miembros" for h in hits for n in h.namings if n.via)


def test_real_plan_filters(real_plan):  # type: ignore[no-untyped-def]
    assert ids(Filters(statuses=("tbd",)), plan=real_plan) == [
        "5.1", "6.3", "6.5", "7.1", "8.1", "9.2", "9.3", "10.2"]
    # issue 16: only the UPPER CASE activities are marked themselves (12.2-12.6 are not)
    assert ids(Filters(action_plan=True), plan=real_plan) == ["4.5", "4.6", "11.1", "12.1", "13.1"]
    assert ids(Filters(objective_action_plan=True), plan=real_plan) == [
        "11.1", "12.1", "12.2", "12.3", "12.4", "12.5", "12.6", "13.1"]
    assert ids(Filters(overdue=True), plan=real_plan) == ["2.2"]
    assert ids(Filters(overdue=True), dt.date(2011, 1, 1), plan=real_plan) == ["2.2", "12.3"]
    assert ids(Filters(objectives=("I.B.1",), scope=Scope.ARCHIVED), plan=real_plan) == [
        "I.B.1.1", "I.B.1.2", "I.B.1.3", "I.B.1.4"]
