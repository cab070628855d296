"""`crmplan export --format csv|json`: one record per activity, active and historical.

The record of `list --format json` (records.py), plus what a spreadsheet needs to stand on its
own: the document's number of the activity, the title of its objective and section, its area.
In csv, outcomes keep their references: `text (Ref.: ...)`, joined by ` | `.
"""

from __future__ import annotations

import csv
import io

from crm_plan.export import Entry, number
from crm_plan.model import Plan
from crm_plan.query import Hit, Selection
from crm_plan.render.layout import section_title
from crm_plan.render.records import (
    ACTIVITY_FIELDS,
    CSV_LIST_SEPARATOR,
    CSV_TEXT_SEPARATOR,
    Record,
    activity_record,
    to_json,
)

EXPORT_FIELDS = (*ACTIVITY_FIELDS, "number", "objective_title", "section_title", "area")


def export_records(plan: Plan, selection: Selection) -> list[Record]:
    return [_record(plan, hit, selection) for hit in selection.hits]


def _record(plan: Plan, hit: Hit, selection: Selection) -> Record:
    activity = hit.activity
    objective = plan.objective_of(activity)
    section = plan.sections.get(activity.section)
    return activity_record(plan, hit, selection.as_of) | {
        "number": number(activity.id),
        "objective_title": objective.title if objective else None,
        "section_title": section_title(plan, activity.section),
        "area": section.area if section and section.area else None,
    }


def export_json(plan: Plan, selection: Selection) -> bytes:
    return to_json(export_records(plan, selection))


def export_csv(plan: Plan, selection: Selection) -> bytes:
    """UTF-8 with a byte-order mark and CRLF line ends, as `list --format csv`."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(EXPORT_FIELDS)
    for record in export_records(plan, selection):
        writer.writerow([_cell(key, record[key]) for key in EXPORT_FIELDS])
    return out.getvalue().encode("utf-8-sig")


def _cell(key: str, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if key == "outcomes":
        return CSV_TEXT_SEPARATOR.join(
            Entry("", o["text"], tuple(o["refs"])).plain()  # type: ignore[index]
            for o in value)  # type: ignore[attr-defined]
    if isinstance(value, list):
        separator = CSV_TEXT_SEPARATOR if key == "refs" else CSV_LIST_SEPARATOR
        return separator.join(str(v) for v in value)
    return str(value)

