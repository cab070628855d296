"""Reading references the way the secretariat writes them."""

from __future__ import annotations

import pytest

from crm_plan.model import Due
from crm_plan.refs import inline_refs, parse_ref


@pytest.mark.parametrize(
    ("text", "point", "body", "kind", "month", "year"),
    [
        ("pto. 8, Deci., CRM, mayo, 2004", "8", "CRM", "Decisiones", 5, 2004),
        ("p. 10.b, CC, CRM, mayo, 2002", "10.b", "CRM", "Comunicado Conjunto", 5, 2002),
        ("pf. 5, Decla., CRM, marzo, 2005", "5", "CRM", "Declaración", 3, 2005),
        ("p. 11, GRCM, Concl., diciembre, 2003", "11", "GRCM", "Conclusiones", 12, 2003),
        ("p. e.B, Inf. Red Trata, GRCM, diciembre 2009", "e.B", "GRCM", "Informe de la Red", 12,
         2009),
        ("p.ii, Inf. Red Trata, GRCM, diciembre, 2009", "ii", "GRCM", "Informe de la Red", 12, 2009),
        ("p. f, Inf. de Trata, GRCM, diciembre, 2009", "f", "GRCM", "Informe de la Red", 12, 2009),
        ("pf 11, CRM, Deci., mayo, 2003", "11", "CRM", "Decisiones", 5, 2003),
        ("pto.7, Deci., CRM, marzo, 2001", "7", "CRM", "Decisiones", 3, 2001),
        ("p. 9, Concl., GRCM, noviembre, 2008.", "9", "GRCM", "Conclusiones", 11, 2008),
        ("CRM, mayo, 2002", None, "CRM", None, 5, 2002),
    ],
)
def test_references_of_the_plan(text, point, body, kind, month, year):
    ref, unknown = parse_ref(text)
    assert unknown == ()
    assert (ref.point, ref.body, ref.kind, ref.month, ref.year) == (point, body, kind, month, year)
    assert ref.readable and ref.text == text


def test_place_and_meeting():
    managua, _ = parse_ref("Managua, octubre, 2007")
    assert (managua.place, managua.month, managua.year) == ("Managua", 10, 2007)
    meeting, _ = parse_ref("XI RCM")
    assert (meeting.meeting, meeting.body, meeting.year, meeting.readable) == ("XI", "CRM", None,
                                                                              True)


def test_a_place_is_not_a_point():
    ref, unknown = parse_ref("Panamá, 2009")
    assert (ref.point, ref.place, unknown) == (None, "Panamá", ())


def test_unreadable_parts_are_returned():
    ref, unknown = parse_ref("p. 3, CRM, 2007, 2008, 12-b")
    assert (ref.year, unknown) == (2007, ("2008", "12-b"))
    nothing, _ = parse_ref("GRCM")
    assert not nothing.readable


def test_inline_references_in_notes():
    assert inline_refs("con apoyo de la RROCM si lo desean (Ref: XI RCM)") == ["XI RCM"]
    assert inline_refs("(Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)") == [
        "p. 4, GRCM, Inf. Red Trata, noviembre, 2008"]
    assert inline_refs("(ref. pf. 5, CRM, Deci., abril, 2007) y (Ref.: CRM, 2002)") == [
        "pf. 5, CRM, Deci., abril, 2007", "CRM, 2002"]
    assert inline_refs("Tegucigalpa, noviembre de 2008") == []


@pytest.mark.parametrize(
    ("text", "iso", "last_day"),
    [("2010", "2010", "2010-12-31"), ("2010-2", "2010-02", "2010-02-28"),
     ("2012-02", "2012-02", "2012-02-29"), ("2010-02-15", "2010-02-15", "2010-02-15")],
)
def test_due_dates(text: str, iso: str, last_day: str):
    due = Due.parse(text)
    assert (due.iso(), due.last_day().isoformat()) == (iso, last_day)


@pytest.mark.parametrize(("text", "reason"), [("2010-13", "month"), ("2010-02-29", "day"),
                                              ("1010", "year"), ("feb 2010", "format")])
def test_impossible_due_dates(text: str, reason: str):
    with pytest.raises(ValueError, match=reason):
        Due.parse(text)
