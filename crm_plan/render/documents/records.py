"""Activities, objectives and counts as plain records, and those records as json or csv:
`list`, `status` and `show --format json|csv`, and `export --format csv|json`.

The record of an activity is the `list --format json` object; `status` and `show` reuse it,
and `export` adds what a spreadsheet needs to stand on its own (the document's number of the
activity, the title of its objective and section, its area). Both formats are returned as UTF-8
bytes so that accents survive a redirect to a file on any system; csv starts with a byte-order
mark (what Excel needs to read UTF-8) and ends its lines with CRLF, as RFC 4180 and spreadsheets
expect. A csv cell never starts a formula and never holds a control character raw
(`spreadsheet_cell`); json keeps every value exactly, writing such characters as `\\u` escapes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from crm_plan import meetings
from crm_plan.counts import Counts, Tally
from crm_plan.fields import ACTIVITY_RECORD
from crm_plan.meetings import CalendarRow
from crm_plan.model import Activity, Actor, Objective, Outcome, Plan, Ref
from crm_plan.query import Hit, Selection, is_overdue, objective_in_action_plan
from crm_plan.render.layout import match_label, section_title
from crm_plan.text import unsafe_characters, visible

if TYPE_CHECKING:
    from crm_plan.changes import Change, Comparison, PartChange, Value
    from crm_plan.gitlog import History

Record = dict[str, object]


ACTIVITY_FIELDS = ACTIVITY_RECORD  # the keys of the json record, the columns of the csv


def activity_record(plan: Plan, hit: Hit, as_of: dt.date, *, matches: bool = False) -> Record:
    """One activity; `matches` (how it names the actors asked for) only when actors were asked."""
    a = hit.activity
    record: Record = {  # the order of ACTIVITY_FIELDS
        "id": a.id, "section": a.section, "objective": a.objective, "text": a.text,
        "responsible": list(a.responsible), "coordination": list(a.coordination),
        "support": list(a.support), "responsible_note": a.responsible_note,
        "status": a.status.value, "status_derived": a.status_derived,
        "pending": a.status.pending,
        "due": a.due.iso() if a.due else None, "due_at": a.due_at,
        "due_each": list(a.due_each), "days_before": a.days_before,
        "overdue": is_overdue(a, as_of, plan),
        "status_note": a.status_note, "calendar_upper": a.calendar_upper, "note": a.note,
        "refs": [ref.text for ref in a.refs], "after_ref": a.after_ref,
        "action_plan": a.action_plan,
        "objective_action_plan": objective_in_action_plan(plan, a),
        "archived": a.archived, "archived_on": _iso(a.archived_on), "origin": a.origin,
        "outcomes": [outcome_record(o) for o in a.outcomes],
    }
    if matches:
        record["matches"] = [{"actor": n.actor, "named": n.named, "role": n.role, "via": n.via}
                             for n in hit.namings]
    return record


def outcome_record(outcome: Outcome) -> Record:
    return {"text": outcome.text, "refs": [ref.text for ref in outcome.refs]}


def selection_records(plan: Plan, selection: Selection) -> list[Record]:
    matches = bool(selection.actors)
    return [activity_record(plan, h, selection.as_of, matches=matches) for h in selection.hits]


def ref_record(ref: Ref) -> Record:
    """A reference as written and as read."""
    return {"text": ref.text, "field": ref.field, "point": ref.point, "body": ref.body,
            "kind": ref.kind, "month": ref.month, "year": ref.year, "meeting": ref.meeting,
            "place": ref.place}


def actor_record(plan: Plan, actor: Actor) -> Record:
    return {"key": actor.key, "name": actor.name, "members": list(actor.members),
            "groups": list(plan.groups_of(actor.key))}


def item_record(plan: Plan, item: Activity | Objective, as_of: dt.date) -> Record:
    """`show --format json`: the activity record with its context, or an objective."""
    if isinstance(item, Objective):
        return objective_record(plan, item, as_of)
    record = activity_record(plan, Hit(item), as_of)
    objective = plan.objective_of(item)
    record |= {
        "kind": "activity",
        "objective_title": objective.title if objective else None,
        "section_title": section_title(plan, item.section),
        "references": [ref_record(ref) | {"meeting": _meeting_id(plan, ref)}
                       for ref in item.refs],
        "actors": [actor_record(plan, plan.actors[name]) for name, _role in item.named()
                   if name in plan.actors],
    }
    return record


def _meeting_id(plan: Plan, ref: Ref) -> str | None:
    """The id of the meeting whose documents the reference cites, if the calendar has it."""
    found = meetings.resolve(ref, plan)
    return found.id if found is not None else None


def objective_record(plan: Plan, objective: Objective, as_of: dt.date) -> Record:
    return {
        "kind": "objective", "id": objective.id, "section": objective.section,
        "section_title": section_title(plan, objective.section), "title": objective.title,
        "action_plan": objective.action_plan, "note": objective.note,
        "archived": objective.archived,
        "activities": [activity_record(plan, Hit(a), as_of) for a in objective.activities],
    }


def tally_record(tally: Tally) -> Record:
    return {"total": tally.total,
            "by_status": {status.value: n for status, n in tally.by_status.items()},
            "pending": tally.pending, "overdue": tally.overdue}


def counts_record(counts: Counts) -> Record:
    return {
        "as_of": counts.as_of.isoformat(), **tally_record(counts.total),
        "archived": counts.archived,
        "by_section": {k: tally_record(t) for k, t in counts.by_section.items()},
        "by_actor": {k: tally_record(t) for k, t in counts.by_actor.items()},
        "by_member": counts.by_member,
    }


def to_json(data: object) -> bytes:
    return (escaped_json(pretty_json(data)) + "\n").encode("utf-8")


def escaped_json(text: str) -> str:
    """JSON text whose strings hold no control, separator or bidi character raw: the json
    module escapes C0 controls itself; DEL, C1, U+2028/2029 and the bidi marks are written
    `\\u202e` too, which reads back as the same value."""
    found = unsafe_characters(text)  # outside strings, JSON text is printable ASCII
    if not found:  # nearly always
        return text
    pieces, start = [], 0
    for position, char in found:
        pieces += [text[start:position], f"\\u{ord(char):04x}"]
        start = position + 1
    return "".join([*pieces, text[start:]])


def pretty_json(data: object, level: int = 0) -> str:
    """JSON with one record per line: readable, diff-friendly, and written by the C encoder
    (`indent=` makes the json module fall back to pure Python, ten times slower)."""
    pad, inner = "  " * level, "  " * (level + 1)
    if isinstance(data, list) and data and all(isinstance(item, dict) for item in data):
        return "[\n" + ",\n".join(inner + _compact(item) for item in data) + f"\n{pad}]"
    if isinstance(data, dict) and data and level < 3 and len(_compact(data)) > 100:
        return "{\n" + ",\n".join(f"{inner}{_compact(key)}: {pretty_json(value, level + 1)}"
                                  for key, value in data.items()) + f"\n{pad}}}"
    return _compact(data)


def _compact(data: object) -> str:
    return json.dumps(data, ensure_ascii=False)


CSV_LIST_SEPARATOR = "; "  # between actor names
CSV_TEXT_SEPARATOR = " | "  # between references or outcomes, whose texts may hold ';'


def selection_csv(plan: Plan, selection: Selection) -> bytes:
    """One row per activity with the fields of its json record (and `matches` when actors
    were asked for); a header row even when nothing matched."""
    columns = ACTIVITY_FIELDS + (("matches",) if selection.actors else ())
    return to_csv(columns, selection_records(plan, selection), csv_cell)


def to_csv(columns: tuple[str, ...], records: list[Record],
           cell: Callable[[str, object], str]) -> bytes:
    """UTF-8 with a byte-order mark (what Excel needs to show accents) and CRLF line ends."""
    import csv  # only for --format csv

    out = io.StringIO(newline="")
    writer = csv.writer(out, lineterminator="\r\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([spreadsheet_cell(cell(key, record[key])) for key in columns])
    return out.getvalue().encode("utf-8-sig")


# What makes a spreadsheet read a cell as a formula ("CSV injection"); OWASP's advice is a
# leading `'`, which Excel, LibreOffice and Google Sheets read as text.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    """A csv cell as a spreadsheet should show it: never run as a formula, and with every
    control, separator or bidi character written visibly (`\\x1b`); tab and newline stay."""
    if text.startswith(_FORMULA_START):
        text = "'" + text
    return visible(text)


def csv_cell(key: str, value: object,
             outcome_text: Callable[[Record], str] = lambda o: str(o["text"])) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if key == "outcomes":
        return CSV_TEXT_SEPARATOR.join(outcome_text(o) for o in value)  # type: ignore[attr-defined]
    if key == "matches":
        return CSV_LIST_SEPARATOR.join(_match_text(m) for m in value)  # type: ignore[attr-defined]
    if isinstance(value, list):
        separator = CSV_TEXT_SEPARATOR if key == "refs" else CSV_LIST_SEPARATOR
        return separator.join(str(v) for v in value)
    return str(value)


def _match_text(match: dict[str, str]) -> str:
    return match_label(match["actor"], match["via"], match["role"])


def _iso(day: dt.date | None) -> str | None:
    return day.isoformat() if day else None


# -- export --format csv|json ---------------------------------------------------------------------

EXPORT_FIELDS = (*ACTIVITY_FIELDS, "number", "objective_title", "section_title", "area")


def export_records(plan: Plan, selection: Selection) -> list[Record]:
    from crm_plan.export import number  # only for export: list's json starts without it

    return [_export_record(plan, hit, selection.as_of, number(hit.activity.id))
            for hit in selection.hits]


def _export_record(plan: Plan, hit: Hit, as_of: dt.date, number: str) -> Record:
    activity = hit.activity
    objective = plan.objective_of(activity)
    section = plan.sections.get(activity.section)
    return activity_record(plan, hit, as_of) | {
        "number": number,
        "objective_title": objective.title if objective else None,
        "section_title": section_title(plan, activity.section),
        "area": section.area if section and section.area else None,
    }


def export_json(plan: Plan, selection: Selection) -> bytes:
    return to_json(export_records(plan, selection))


def export_csv(plan: Plan, selection: Selection) -> bytes:
    """As `list --format csv`; outcomes keep their references: `text (Ref.: ...)`, joined by
    ` | `."""
    return to_csv(EXPORT_FIELDS, export_records(plan, selection), _export_cell)


def _export_cell(key: str, value: object) -> str:
    return csv_cell(key, value, _outcome_with_refs)


def _outcome_with_refs(outcome: Record) -> str:
    from crm_plan.export import Entry

    return Entry("", str(outcome["text"]), tuple(outcome["refs"])).plain()  # type: ignore[arg-type]


def calendar_records(found: list[CalendarRow]) -> list[Record]:
    """`crmplan meetings --format json`: one record per meeting, by date, undated ones last."""
    return [{"id": row.meeting.id, "body": row.meeting.body,
             "date": row.meeting.date.iso() if row.meeting.date else None,
             "place": row.meeting.place, "name": row.meeting.name, "note": row.meeting.note,
             "when": row.when, "mandates": row.mandates, "due": row.due} for row in found]


# -- the change report (`crmplan changes --format json`) ------------------------------------------

def changes_json(comparison: Comparison, old: str, new: str) -> bytes:
    def version(name: str, updated: object) -> Record:
        return {"name": name, "updated": str(updated) if updated else None}

    return to_json({
        "old": version(old, comparison.old_updated),
        "new": version(new, comparison.new_updated),
        "counts": {kind.value: n for kind, n in comparison.counts().items()},
        "changes": [change_record(c) for c in comparison.changes],
        "parts": [part_change_record(c) for c in comparison.parts],
    })


def change_record(change: Change) -> Record:
    def value(v: Value) -> object:
        return list(v) if isinstance(v, tuple) else v

    return {"kind": change.kind.value, "id": change.id, "section": change.section,
            "objective": change.objective, "text": change.text, "field": change.field,
            "from": value(change.before), "to": value(change.after),
            "words": [{"op": op, "text": text} for op, text in change.words],
            "outcomes": list(change.outcomes)}


def part_change_record(change: PartChange) -> Record:
    def value(v: Value) -> object:
        return list(v) if isinstance(v, tuple) else v

    return {"part": change.part.value, "key": change.key, "kind": change.kind.value,
            "name": change.name, "field": change.field, "from": value(change.before),
            "to": value(change.after),
            "words": [{"op": op, "text": text} for op, text in change.words]}


def log_json(history: History) -> bytes:
    """`crmplan log ID --format json`: the activity's changes, commit by commit."""
    return to_json({
        "id": history.activity_id, "file": history.path, "text": history.text,
        "events": [{"commit": e.commit.sha, "parents": list(e.commit.parents),
                    "author": e.commit.author, "date": e.commit.date,
                    "subject": e.commit.subject,
                    "changes": [change_record(c) for c in e.changes]}
                   for e in history.events],
        "unreadable": [c.sha for c in history.unreadable],
    })
