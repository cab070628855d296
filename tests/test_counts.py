"""The counts of `crmplan status`, without the command line."""

from __future__ import annotations

import datetime as dt

from plans import plan_of

from crm_plan.counts import report, tally
from crm_plan.model import Status
from crm_plan.query import Filters, Scope

PLAN = plan_of()
DAY = dt.date(2010, 3, 1)


def by_status(tally_) -> dict[str, int]:  # type: ignore[no-untyped-def]
    return {s.value: n for s, n in tally_.by_status.items() if n}


def test_totals_by_status_and_section():
    counts = report(PLAN, Filters(), DAY).counts
    assert by_status(counts.total) == {"continuo": 1, "programado": 2, "pendiente": 1,
                                       "por definir": 1}
    assert (counts.total.total, counts.total.pending, counts.total.overdue) == (5, 2, 1)
    assert counts.archived == 1
    assert {k: (t.total, t.pending, t.overdue) for k, t in counts.by_section.items()} == {
        "A": (2, 0, 1), "B": (3, 2, 0)}
    assert set(counts.total.by_status) == set(Status)  # zeros kept, for json


def test_actors_as_named_in_directory_order():
    counts = report(PLAN, Filters(), DAY).counts
    assert {k: (t.total, t.pending, t.overdue) for k, t in counts.by_actor.items()} == {
        "ST": (2, 0, 0), "OIM": (2, 1, 1), "RROCM": (1, 0, 1), "México": (1, 1, 0),
        "Belice": (1, 1, 0), "Países miembros": (2, 1, 0)}
    assert list(counts.by_actor) == ["ST", "OIM", "RROCM", "México", "Belice", "Países miembros"]


def test_by_member_gives_a_group_count_to_each_member_and_drops_the_group():
    counts = report(PLAN, Filters(), DAY, by_member=True).counts
    assert {k: t.total for k, t in counts.by_actor.items()} == {
        "ST": 2, "OIM": 2, "RROCM": 1, "México": 3, "Belice": 2}


def test_filters_narrow_the_counts_and_archived_follows_them():
    counts = report(PLAN, Filters(sections=("A",)), DAY).counts
    assert (counts.total.total, counts.archived, list(counts.by_section)) == (2, 1, ["A"])
    counts = report(PLAN, Filters(sections=("B",)), DAY).counts
    assert (counts.total.total, counts.archived) == (3, 0)


def test_history_scope_counts_completado():
    counts = report(PLAN, Filters(scope=Scope.ARCHIVED), DAY).counts
    assert by_status(counts.total) == {"completado": 1}
    assert counts.archived == 1


def test_an_objective_of_the_history_needs_no_scope_flag():
    counts = report(PLAN, Filters(objectives=("I.A.1",)), DAY).counts
    assert (counts.total.total, counts.archived) == (0, 1)


def test_listing_pending_overdue_or_everything():
    def listed(**flags: bool) -> list[str]:
        return [a.id for a in report(PLAN, Filters(), DAY, **flags).listed.activities]

    assert listed() == ["1.1", "1.2", "2.1", "2.2", "3.1"]
    assert listed(pending=True) == ["2.1", "2.2"]
    assert listed(overdue=True) == ["1.2"]
    assert listed(pending=True, overdue=True) == ["1.2", "2.1", "2.2"]


def test_listing_keeps_the_actor_matches():
    result = report(PLAN, Filters(actors=("México",)), DAY, pending=True)
    assert result.listed.actors == ("México",)
    assert [(h.activity.id, h.namings[0].via) for h in result.listed.hits] == [
        ("2.1", None), ("2.2", "Países miembros")]


def test_tally_of_nothing():
    empty = tally([], DAY)
    assert (empty.total, empty.pending, empty.overdue) == (0, 0, 0)
