"""The fields of the format in one place: the model, the reader and the records agree with it."""

from __future__ import annotations

import pytest

from crm_plan import fields
from crm_plan.fields import Part
from crm_plan.model import Activity, Actor, Document, Objective, Outcome, Section
from crm_plan.render.documents import records

RECORDS: dict[str, type] = {"document": Document, "group": Actor, "section": Section,
                            "objective": Objective, "activity": Activity, "outcome": Outcome}
HOLDERS = (fields.PART, fields.PARTS, fields.KEYED, fields.DIRECTORY, fields.NAMES)


@pytest.mark.parametrize("part", [p for p in fields.ALL_PARTS if p.name in RECORDS],
                         ids=lambda part: part.name)
def test_every_field_is_an_attribute_of_its_record(part: Part):
    """A field the reader reads by its kind goes into the attribute of that name."""
    attributes = set(RECORDS[part.name]._fields)  # type: ignore[attr-defined]
    assert {f.key for f in part.fields if f.kind not in HOLDERS} <= attributes | {"name"}


def test_field_names_are_unique_in_each_part_and_described_in_both_languages():
    for part in fields.ALL_PARTS:
        assert len(set(part.names)) == len(part.names), part.name
        for field in part.fields:
            assert field.spanish and field.english and field.spanish != field.english
            holds_parts = field.kind in HOLDERS and field.kind != fields.NAMES
            assert (field.part is not None) == holds_parts, field.name


def test_an_archived_activity_needs_fewer_fields():
    assert fields.ACTIVITY.required() == ("id", "text", "responsible", "status")
    assert fields.ACTIVITY.required(archived=True) == ("id", "text")


def test_the_json_record_of_an_activity_holds_every_attribute_but_its_line():
    assert set(Activity._fields) - {"line"} <= set(fields.ACTIVITY_RECORD)
    assert records.ACTIVITY_FIELDS is fields.ACTIVITY_RECORD
