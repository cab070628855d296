"""`crmplan export --format csv|json`: one record per activity, active and historical.

The record of `list --format json` (records.py), plus what a spreadsheet needs to stand on its
own: the document's number of the activity, the title of its objective and section, its area.
In csv, outcomes keep their references: `text (Ref.: ...)`, joined by ` | `.
"""

from __future__ import annotations

from crm_plan.export import Entry, number
from crm_plan.model import Plan
from crm_plan.query import Hit, Selection
from crm_plan.render.layout import section_title
from crm_plan.render.records import (
    ACTIVITY_FIELDS,
    Record,
    activity_record,
    csv_cell,
    to_csv,
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
    """As `list --format csv`; outcomes keep their references."""
    return to_csv(EXPORT_FIELDS, export_records(plan, selection), _cell)


def _cell(key: str, value: object) -> str:
    return csv_cell(key, value, _outcome_with_refs)


def _outcome_with_refs(outcome: Record) -> str:
    return Entry("", str(outcome["text"]), tuple(outcome["refs"])).plain()  # type: ignore[arg-type]
