"""fieldedit: one value, one list item, one field changed in the text, the rest byte for byte."""

from __future__ import annotations

import datetime as dt

import pytest

from crm_plan import fieldedit
from crm_plan.assign import ACTIVITY_FIELDS
from crm_plan.edit import EditRefused
from crm_plan.fieldedit import ListStyle, Target

PLAN = """\
document:
  title: T
  organization: CRM
  updated: "2009-11-26"
objectives:
  - id: "1"
    section: A
    title: Uno
    activities:
      - id: "1.1"
        text: Texto   # comentario
        responsible:
          - ST
          - OIM
        status: continuo
      - {id: "1.2", text: En llaves, responsible: [ST], status: continuo}
      - id: "1.3"
        text: |-
          Dos
          líneas
        responsible: ST
        note:
        status: continuo
"""
A11, A12, A13 = (Target("activity", i) for i in ("1.1", "1.2", "1.3"))


def edited(text: str, *replacements: tuple[str, str]) -> str:
    for old, new in replacements:
        assert text.count(old) == 1, old
        text = text.replace(old, new)
    return text


@pytest.mark.parametrize(("value", "plain"), [
    ("Texto", True), ("Texto: con dos puntos", False), ("2010", False), ("6.10", False),
    ("yes", False), ("No", False), ("~", False), ("null", False), ("2010-02", True),
    ("- guion", False), ("#1", False), ("a #1", False), ("a#1", True), (" espacio", False),
    ("fin:", False), ("", False), ("p. 5.b, GRCM", True), ("'x'", False), ("@x", False),
])
def test_plain_ok(value: str, plain: bool):
    assert fieldedit.plain_ok(value) is plain


def test_plain_ok_in_a_flow_list():
    assert fieldedit.plain_ok("Países miembros", flow=True)
    assert not fieldedit.plain_ok("a, b", flow=True)
    assert not fieldedit.plain_ok("[a]", flow=True)


@pytest.mark.parametrize(("value", "style", "expected"), [
    ("Texto", None, "Texto"), ("2010", None, '"2010"'), ("d'Aubuisson", "'", "'d''Aubuisson'"),
    ("Dice \"sí\"", '"', '"Dice \\"sí\\""'), ("dos\nlíneas", "'", '"dos\\nlíneas"'),
])
def test_written(value: str, style: str | None, expected: str):
    assert fieldedit.written(value, style) == expected


def test_a_value_keeps_its_comment_and_its_line():
    assert fieldedit.set_scalar(PLAN, A11, "text", "Otro: texto", ACTIVITY_FIELDS) == edited(
        PLAN, ("text: Texto   #", 'text: "Otro: texto"   #'))


def test_a_literal_block_keeps_its_style():
    assert fieldedit.set_scalar(PLAN, A13, "text", "Tres\nlíneas\naquí", ACTIVITY_FIELDS) == \
        edited(PLAN, ("          Dos\n          líneas\n",
                      "          Tres\n          líneas\n          aquí\n"))


def test_an_empty_value_is_filled_and_a_missing_one_added():
    assert fieldedit.set_scalar(PLAN, A13, "note", "Nota", ACTIVITY_FIELDS) == edited(
        PLAN, ("        note:\n", "        note: Nota\n"))
    assert fieldedit.set_scalar(PLAN, A11, "due", "2010", ACTIVITY_FIELDS) == edited(
        PLAN, ("        status: continuo\n      - {", "        status: continuo\n"
                                                      '        due: "2010"\n      - {'))


def test_an_item_in_braces_is_refused():
    with pytest.raises(EditRefused, match="written in braces"):
        fieldedit.set_scalar(PLAN, A12, "status", "pendiente", ACTIVITY_FIELDS)


def test_block_lists_lose_and_gain_lines():
    style = ListStyle(flow=False)
    kw = {"style": style, "drop_empty": False}
    assert fieldedit.set_list(PLAN, A11, "responsible", ["OIM"], ACTIVITY_FIELDS, **kw) == \
        edited(PLAN, ("          - ST\n", ""))
    assert fieldedit.set_list(PLAN, A11, "responsible", ["ST", "OIM", "México"],
                              ACTIVITY_FIELDS, **kw) == edited(
        PLAN, ("          - OIM\n", "          - OIM\n          - México\n"))
    assert fieldedit.set_list(PLAN, A11, "responsible", ["OIM", "ST"], ACTIVITY_FIELDS, **kw) == \
        edited(PLAN, ("          - ST\n          - OIM\n", "          - OIM\n          - ST\n"))
    assert fieldedit.set_list(PLAN, A11, "responsible", [], ACTIVITY_FIELDS, **kw) == edited(
        PLAN, ("        responsible:\n          - ST\n          - OIM\n",
               "        responsible: []\n"))


def test_one_text_becomes_a_list():
    assert fieldedit.set_list(PLAN, A13, "responsible", ["ST", "OIM"], ACTIVITY_FIELDS,
                              style=ListStyle(), drop_empty=False) == edited(
        PLAN, ("responsible: ST\n", "responsible: [ST, OIM]\n"))
    assert fieldedit.set_list(PLAN, A13, "responsible", ["OIM"], ACTIVITY_FIELDS,
                              style=ListStyle(), drop_empty=False) == edited(
        PLAN, ("responsible: ST\n", "responsible: OIM\n"))


def test_an_emptied_optional_list_goes():
    text = fieldedit.set_list(PLAN, A13, "support", ["OIM"], ACTIVITY_FIELDS,
                              style=ListStyle(padded=True), drop_empty=True)
    assert text == edited(PLAN, ("responsible: ST\n", "responsible: ST\n"
                                                      "        support: [ OIM ]\n"))
    assert fieldedit.set_list(text, A13, "support", [], ACTIVITY_FIELDS, style=ListStyle(),
                              drop_empty=True) == PLAN


def test_the_list_style_of_the_file():
    assert fieldedit.list_style(PLAN, "responsible") == ListStyle(flow=False, offset=2)
    assert fieldedit.list_style(PLAN, "support") == ListStyle()


@pytest.mark.parametrize(("written", "expected"), [
    ('"2009-11-26"', '"2026-11-28"'), ("2009-11-26", "2026-11-28"),
    ("'2009-11-26'", "'2026-11-28'"), ("2009-11-26   # fecha", "2026-11-28   # fecha"),
])
def test_set_updated_keeps_the_style(written: str, expected: str):
    text = PLAN.replace('"2009-11-26"', written)
    assert fieldedit.set_updated(text, dt.date(2026, 11, 28)) == PLAN.replace(
        '"2009-11-26"', expected)


@pytest.mark.parametrize(("written", "expected"), [
    ('"2009-11-26"', '"2026-11-28"'), ("2009-11-26   # fecha", "2026-11-28   # fecha"),
    ('"2009\\x2d11-26"', '"2026-11-28"'),  # another length: set after the change
])
@pytest.mark.parametrize("bom", ["", "\ufeff"])
def test_a_change_is_dated_when_it_changes_something(written: str, expected: str, bom: str):
    from crm_plan.source import Source, from_bytes

    text = bom + PLAN.replace('"2009-11-26"', written)
    source = from_bytes(text.encode("utf-8"), "plan.yaml")

    def change(_plan: object, given: Source) -> tuple[str, list[str]]:
        return fieldedit.set_scalar(given.text, A13, "status", "pendiente", ACTIVITY_FIELDS), []

    def nothing(_plan: object, given: Source) -> tuple[str, list[str]]:
        return given.text, []

    day = dt.date(2026, 11, 28)
    assert fieldedit.dated(change, day)(None, source) == (  # type: ignore[arg-type]
        bom + PLAN.replace('"2009-11-26"', expected).replace(
            "note:\n        status: continuo", "note:\n        status: pendiente"), [])
    assert fieldedit.dated(nothing, day)(None, source) == (text, [])  # type: ignore[arg-type]


def test_bom_crlf_and_no_final_newline():
    text = "\ufeff" + PLAN.replace("\n", "\r\n").rstrip("\r\n")
    result = fieldedit.set_scalar(text, A13, "status", "pendiente", ACTIVITY_FIELDS)
    assert result == text[:-len("continuo")] + "pendiente"
    result = fieldedit.set_scalar(text, A13, "due", "2010", ACTIVITY_FIELDS)
    assert result == text + '\r\n        due: "2010"'
