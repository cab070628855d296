"""The reader: the plan as fields.py declares it, read leniently, each part kept as written."""

from __future__ import annotations

import datetime as dt

from conftest import SMALL_PLAN

from crm_plan import fields
from crm_plan.model import Status
from crm_plan.reader import Read, read_plan, status_named, written_status
from crm_plan.source import Scalar, Source, parse


def read(text: str = SMALL_PLAN) -> Read:
    root, problems = parse(text, "plan.yaml")
    return read_plan(Source("plan.yaml", text, root, problems))


def test_each_part_is_kept_as_written_in_reading_order():
    result = read()
    assert [e.record.id for e in result.objectives] == ["1", "I.A.1"]
    assert [(e.record.id, e.archived, e.parent.record.id) for e in result.activities] == [
        ("1.1", False, "1"), ("1.2", False, "1"), ("I.A.1.1", True, "I.A.1")]
    due = result.activities[1].fields["due"]
    assert isinstance(due, Scalar) and (due.line, due.col, due.value) == (32, 14, "2010-02")
    assert [e.record.key for e in result.of(fields.GROUP)] == ["Países miembros"]
    assert [e.record.text for e in result.of(fields.OUTCOME)] == ["Resultado"]


def test_a_value_that_cannot_be_read_is_left_out_for_the_rules_to_report():
    text = (SMALL_PLAN.replace("updated: 2009-11-26", "updated: ayer")
            .replace("status: continuo", "status: contnuo").replace("due: 2010-02", "due: 2010-13"))
    result = read(text)
    assert result.problems == []  # the shape is right: the rules say what is wrong
    assert result.plan.document.updated is None
    first, second = result.plan.objectives[0].activities
    assert first.status is Status.POR_DEFINIR and written_status(result.activities[0]) is None
    assert second.due is None


def test_the_shape_of_the_file_is_the_reader_s_to_report():
    text = SMALL_PLAN.replace("        text: Actividad dos", "        txt: [Actividad, dos]")
    assert sorted((p.line, p.col, p.code) for p in read(text).problems) == [
        (28, 9, "required"), (29, 9, "unknown-field")]


def test_fields_of_a_known_kind_need_no_code_of_their_own():
    text = SMALL_PLAN.replace("  updated: 2009-11-26\n",
                              "  updated: 2009-11-26\n  legend: [uno, dos]\n  network: Red\n")
    document = read(text).plan.document
    assert (document.updated, document.legend, document.network) == (
        dt.date(2009, 11, 26), ("uno", "dos"), "Red")


def test_an_archived_activity_without_a_status_is_completado():
    result = read()
    assert written_status(result.activities[2]) is Status.COMPLETADO
    assert status_named("Por  Definír") is Status.POR_DEFINIR and status_named("hecho") is None
