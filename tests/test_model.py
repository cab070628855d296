"""The model's own arithmetic: what a due date means in days."""

from __future__ import annotations

import calendar
import datetime as dt

import pytest

from crm_plan.model import Due, _days_in


def test_days_in_every_month_agree_with_the_calendar():
    assert [(y, m, _days_in(y, m)) for y in range(1900, 2201) for m in range(1, 13)] == [
        (y, m, calendar.monthrange(y, m)[1]) for y in range(1900, 2201) for m in range(1, 13)]


@pytest.mark.parametrize(("text", "first", "last"), [
    ("2010", dt.date(2010, 1, 1), dt.date(2010, 12, 31)),
    ("2012-02", dt.date(2012, 2, 1), dt.date(2012, 2, 29)),
    ("2011-02", dt.date(2011, 2, 1), dt.date(2011, 2, 28)),
    ("2010-12-15", dt.date(2010, 12, 15), dt.date(2010, 12, 15)),
])
def test_a_due_date_covers_its_year_month_or_day(text: str, first: dt.date, last: dt.date):
    due = Due.parse(text)
    assert (due.first_day(), due.last_day(), str(due)) == (first, last, text)


@pytest.mark.parametrize(("text", "why"), [
    ("2011-02-29", "day"), ("2012-02-30", "day"), ("2010-13", "month"), ("1800", "year"),
    ("2010/02", "format")])
def test_an_impossible_date_says_what_is_wrong(text: str, why: str):
    with pytest.raises(ValueError, match=f"^{why}$"):
        Due.parse(text)


def test_due_dates_sort_by_year_then_month():
    assert sorted([Due(2011), Due(2010, 5), Due(2010, 3)]) == [Due(2010, 3), Due(2010, 5),
                                                               Due(2011)]
