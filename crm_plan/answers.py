"""The countries' answers, in the workbooks `report --format xlsx` makes and `apply` reads back.

The layout both sides agree on is here: the answer sheet's columns (the activity as the plan
says it, locked; then the country's answer: a new status, a new due date, a progress note, an
outcome) and a hidden sheet `crmplan` that records which plan (and which `updated` date) the
workbook was made from, and each activity as it was shown (so that an answer to an activity
that has changed since is noticed, not applied over the change).

Reading (openpyxl, imported when a workbook is read) turns what Excel, LibreOffice Calc or
openpyxl saved into texts: a date typed into a cell is a date, a year may come back as a
number. Each answer is checked against the plan as `set` checks a value; one that cannot be
applied is reported with its workbook, sheet and cell ("guatemala.xlsx, Compromisos!H7") and
applied nowhere (its whole row), the others still apply. The applied answers become text edits
(`fieldedit`), and a completed activity with an outcome is archived with it (`edit`).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, NamedTuple

from crm_plan import edit, fieldedit, lookup
from crm_plan.errors import CrmPlanError, UsageError
from crm_plan.fieldedit import Target
from crm_plan.messages import _
from crm_plan.model import Activity, Plan, Status, id_key
from crm_plan.source import Source
from crm_plan.text import visible

FORMAT = "crmplan-answers"
VERSION = "1"
META_SHEET = "crmplan"
# The columns of the answer sheet, in order: the plan's (locked), then the country's.
COLUMNS = ("id", "activity", "role", "status", "due", "refs", "notes",
           "new_status", "new_due", "progress", "outcome")
ANSWERS = COLUMNS[7:]
# The hidden sheet: `key, value` rows, then after ACTIVITIES one row per activity shown.
ACTIVITIES = "activities"
SHOWN = ("id", "row", "text", "status", "due", "status_note", "via")

# What a cell of a workbook cannot hold (XML 1.0 and openpyxl refuse it).
_NOT_IN_A_CELL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def openpyxl() -> Any:
    """The `openpyxl` package, or a CrmPlanError saying how to install it."""
    try:
        import openpyxl as module
    except ImportError:
        raise CrmPlanError(_("workbooks (.xlsx) need the openpyxl package; install it with: pip "
                             "install \"crmplan[xlsx]\"")) from None
    return module


def cell_text(value: str) -> str:
    """Any text bound for a cell: control characters shown visibly, as in every format, and
    nothing a workbook cannot hold."""
    shown = visible(value)
    return _NOT_IN_A_CELL.sub(lambda m: f"\\u{ord(m.group()):04x}", shown)


class Shown(NamedTuple):
    """An activity as the workbook showed it (its hidden record)."""

    id: str
    row: int
    text: str
    status: str
    due: str
    status_note: str
    via: str  # the group the actor owes it through, "" when named itself

    @classmethod
    def of(cls, activity: Activity, row: int, via: str) -> Shown:
        return cls(activity.id, row, cell_text(activity.text), activity.status.value,
                   activity.due.iso() if activity.due else "",
                   cell_text(activity.status_note or ""), via)


class Cell(NamedTuple):
    book: str
    sheet: str
    ref: str  # "H7"

    def __str__(self) -> str:
        return f"{self.book}, {self.sheet}!{self.ref}" if self.ref else self.book


class Problem(NamedTuple):
    """An answer that cannot be applied, where it is."""

    cell: Cell
    message: str

    def __str__(self) -> str:
        return f"{self.cell}: {self.message}"


class Answer(NamedTuple):
    """One row that says something: the values given (with their cells)."""

    shown: Shown
    actor: str
    cells: dict[str, tuple[str, Cell]]  # column (new_status...) -> (value, cell)
    where: Cell  # the row's id cell


class Book(NamedTuple):
    name: str
    plan_title: str
    updated: str
    answers: list[Answer]
    problems: list[Problem]


# -- reading a workbook ---------------------------------------------------------------------------

def read(path: Path, name: str) -> Book:
    """The answers of the workbook at `path` (named `name` in messages)."""
    module = openpyxl()
    try:
        workbook = module.load_workbook(path, data_only=True)
    except Exception as exc:  # noqa: BLE001 - a damaged or foreign file: zip, XML, openpyxl
        return _unreadable(name, _("it cannot be read as a workbook ({reason}); nothing in it "
                                   "was applied").format(reason=_reason(exc)))
    if META_SHEET not in workbook.sheetnames:
        return _unreadable(name, _("it was not made by crmplan report --format xlsx (it has no "
                                   "'{sheet}' sheet); nothing in it was applied").format(
            sheet=META_SHEET))
    meta, shown = _meta(workbook[META_SHEET])
    if meta.get(FORMAT) != VERSION:
        return _unreadable(name, _("it was made by another version of crmplan; make the sheets "
                                   "again with crmplan report --format xlsx"))
    sheet = workbook[meta["sheet"]] if meta.get("sheet") in workbook.sheetnames \
        else workbook.worksheets[0]
    answers, problems = _answers(sheet, name, meta, shown)
    return Book(name, meta.get("plan", ""), meta.get("updated", ""), answers, problems)


def _unreadable(name: str, message: str) -> Book:
    return Book(name, "", "", [], [Problem(Cell(name, "", ""), message)])


def _reason(exc: Exception) -> str:
    return str(exc).splitlines()[0] if str(exc) else type(exc).__name__


def _meta(sheet: Any) -> tuple[dict[str, str], dict[str, Shown]]:
    meta: dict[str, str] = {}
    shown: dict[str, Shown] = {}
    rows = iter(sheet.iter_rows(values_only=True))
    for row in rows:
        values = [value_text(v) for v in row]
        if values and values[0] == ACTIVITIES:
            break
        if len(values) > 1 and values[0]:
            meta[values[0]] = values[1]
    for row in rows:
        values = ([value_text(v) for v in row] + [""] * len(SHOWN))[:len(SHOWN)]
        if values[0] and values[1].isdigit():  # not the row that names the columns
            shown[values[0]] = Shown(values[0], int(values[1]), *values[2:])
    return meta, shown


def _answers(sheet: Any, name: str, meta: dict[str, str], shown: dict[str, Shown]
             ) -> tuple[list[Answer], list[Problem]]:
    from openpyxl.utils import get_column_letter

    answers, problems = [], []
    header = int(meta.get("header", "0") or 0)
    for row in sheet.iter_rows(min_row=header + 1):
        cells = {column: cell for column, cell in zip(COLUMNS, row, strict=False)}
        if "id" not in cells:
            continue
        given = {column: (value_text(cells[column].value), Cell(
            name, sheet.title, f"{get_column_letter(cells[column].column)}{cells[column].row}"))
            for column in ANSWERS if column in cells}
        given = {column: pair for column, pair in given.items() if pair[0]}
        activity_id = value_text(cells["id"].value)
        where = Cell(name, sheet.title, f"A{cells['id'].row}")
        if not given:
            continue
        if activity_id not in shown:
            problems.append(Problem(where, _("this row's id ('{id}') is not one of the sheet's "
                                             "activities; the row was not applied").format(
                id=activity_id)))
            continue
        answers.append(Answer(shown[activity_id], meta.get("actor", ""), given, where))
    return answers, problems


def value_text(value: object) -> str:
    """A cell's value as the text it stands for: a date as 2010-03-15, 2010.0 as 2010."""
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.date().isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


# -- checking the answers against the plan --------------------------------------------------------

class Planned(NamedTuple):
    """What the answers do to one activity."""

    id: str
    status: str | None  # the new status (not when it is archived)
    due: str | None
    note: str | None  # the new status_note
    outcome: str | None  # archived with it
    sources: tuple[Cell, ...]  # the rows it comes from


def plan_answers(plan: Plan, books: Iterable[Book]) -> tuple[list[Planned], list[Problem]]:
    """The changes the answers make, by activity in plan order, and the answers that cannot
    be applied."""
    problems: list[Problem] = []
    by_activity: dict[str, list[tuple[Answer, dict[str, str]]]] = {}
    active = {a.id: a for a in plan.activities()}
    archived = {a.id: a for a in plan.activities(active=False, archived=True)}
    for book in books:
        problems += book.problems
        if book.answers and book.plan_title != cell_text(plan.document.title):
            problems.append(Problem(Cell(book.name, "", ""), _(
                "it was made from another plan ('{title}'); nothing in it was applied").format(
                title=book.plan_title)))
            continue
        for answer in book.answers:
            checked = _check(answer, active, archived)
            if isinstance(checked, Problem):
                problems.append(checked)
            elif checked is not None:
                by_activity.setdefault(answer.shown.id, []).append((answer, checked))
    planned = []
    for activity_id in sorted(by_activity, key=lambda i: _order(plan, i)):
        found, conflicts = _merge(active[activity_id], by_activity[activity_id])
        problems += conflicts
        if found is not None:
            planned.append(found)
    return planned, sorted(problems, key=lambda p: (p.cell.book, p.cell.sheet, _cell_key(p)))


def _order(plan: Plan, activity_id: str) -> int:
    return next(k for k, a in enumerate(plan.activities()) if a.id == activity_id)


def _cell_key(problem: Problem) -> tuple[int, str]:
    match = re.match(r"([A-Z]+)(\d+)$", problem.cell.ref)
    return (int(match.group(2)), match.group(1)) if match else (0, "")


def _check(answer: Answer, active: dict[str, Activity], archived: dict[str, Activity]
           ) -> dict[str, str] | Problem | None:
    """The row's values as the plan writes them, or why the row cannot be applied (None: it
    was applied before)."""
    shown, cells = answer.shown, answer.cells
    activity = active.get(shown.id)
    if activity is None:
        done = archived.get(shown.id)
        if done is not None and "outcome" in cells and \
                cells["outcome"][0] in (o.text for o in done.outcomes):
            return None  # archived with this very outcome: applied before
        if done is not None:
            return Problem(answer.where, _("activity {id} is in the history now; this row was "
                                           "not applied").format(id=shown.id))
        return Problem(answer.where, _("the plan has no activity {id} any more; this row was not "
                                       "applied").format(id=shown.id))
    values: dict[str, str] = {}
    for column, field, read_value in (("new_status", "status", _status), ("new_due", "due", _due)):
        if column in cells:
            try:
                values[field] = read_value(cells[column][0])
            except UsageError as exc:
                return Problem(cells[column][1], str(exc))
    for column, field in (("progress", "note"), ("outcome", "outcome")):
        if column in cells:
            values[field] = cells[column][0]
    return _stale(answer, activity, values) or _consistent(answer, activity, values) or values


def _status(word: str) -> str:
    return lookup.status(word).value


def _due(word: str) -> str:
    return lookup.due(word).iso()


def _stale(answer: Answer, activity: Activity, values: dict[str, str]) -> Problem | None:
    """The activity changed since the sheet was made, in what the answer is about (a value
    that is now what the answer says was applied before: not a change)."""
    shown = answer.shown
    now = Shown.of(activity, shown.row, shown.via)
    scheduling = bool({"status", "due", "outcome"} & set(values))
    checked = (("text", True, None), ("status", scheduling, values.get("status")),
               ("due", scheduling, values.get("due")),
               ("status_note", "note" in values and not shown.via, values.get("note")))
    for field, touched, answered in checked:
        if touched and getattr(now, field) not in (getattr(shown, field), answered):
            return Problem(answer.where, _(
                "activity {id} has changed since the sheet was made ({field}: now '{now}', the "
                "sheet shows '{then}'); this row was not applied").format(
                id=shown.id, field=field, now=getattr(now, field), then=getattr(shown, field)))
    return None


def _consistent(answer: Answer, activity: Activity, values: dict[str, str]) -> Problem | None:
    status = values.get("status", activity.status.value)
    cells = answer.cells
    if "outcome" in values and status != Status.COMPLETADO.value:
        return Problem(cells["outcome"][1], _(
            "an outcome is recorded when the activity is completed: choose 'completado' as the "
            "new status, or leave the outcome empty; this row was not applied"))
    if status == Status.PROGRAMADO.value and not values.get("due") and activity.due is None \
            and not (activity.due_at or activity.due_each):  # a meeting stands for the date
        return Problem(cells["new_status"][1], _(
            "'programado' needs a due date: fill in the new due date (2010, 2010-06 or "
            "2010-06-15); this row was not applied"))
    return None


def _merge(activity: Activity, rows: list[tuple[Answer, dict[str, str]]]
           ) -> tuple[Planned | None, list[Problem]]:
    """The rows about one activity, as one change; rows that say different things about its
    status, due date or outcome are all refused."""
    problems = []
    for field in ("status", "due", "outcome", "note"):
        about = [(a, values) for a, values in rows
                 if field in values and (field != "note" or not a.shown.via)]
        if len({values[field] for _answer, values in about}) > 1:
            cells = [a.cells[_COLUMN[field]][1] for a, _values in about]
            problems += [Problem(cell, _(
                "the answers for activity {id} disagree about its {field} ({cells}); none of "
                "them was applied").format(id=activity.id, field=field,
                                           cells="; ".join(map(str, cells)))) for cell in cells]
            rows = [(a, values) for a, values in rows if (a, values) not in about]
    if not rows:
        return None, problems
    merged: dict[str, str] = {}
    for _answer, values in rows:
        merged.update(values)
    notes = [(a.shown.via, a.actor, values["note"]) for a, values in rows if "note" in values]
    note = _note(activity, notes)
    status = merged.get("status")
    outcome = merged.get("outcome")
    completed = (status or activity.status.value) == Status.COMPLETADO.value
    if outcome is not None and completed:
        status = None  # `archive` writes completado, and keeps the status it had for restore
    if status == activity.status.value:
        status = None
    due = merged.get("due")
    if due == (activity.due.iso() if activity.due else None):
        due = None
    if (status, due, note, outcome) == (None, None, None, None):
        return None, problems
    return Planned(activity.id, status, due, note, outcome, tuple(a.where for a, _v in rows)), \
        problems


_COLUMN = {"status": "new_status", "due": "new_due", "outcome": "outcome", "note": "progress"}


def _note(activity: Activity, notes: list[tuple[str, str, str]]) -> str | None:
    """The new status_note: a country named itself replaces it; one that owes the activity
    through a group adds its own, with its name, after what is there."""
    if not notes:
        return None
    direct = [text for via, _actor, text in notes if not via]
    parts = [direct[-1]] if direct else ([activity.status_note] if activity.status_note else [])
    for via, actor, text in notes:
        added = f"{actor}: {text}"
        if via and added not in parts and added not in (activity.status_note or ""):
            parts.append(added)  # not twice when a workbook is applied again
    new = "; ".join(parts)
    return new if new != (activity.status_note or "") else None


# -- applying them --------------------------------------------------------------------------------

def apply(plan: Plan, source: Source, planned: list[Planned], on: dt.date
          ) -> tuple[str, list[str]]:
    """The plan's text with the planned changes, checked; and the activities they change."""
    from crm_plan.assign import ACTIVITY_FIELDS

    text = source.text
    for change in planned:
        target = Target("activity", change.id)
        for field, value in (("due", change.due), ("status_note", change.note),
                             ("status", change.status)):
            if value is not None:
                text = fieldedit.set_scalar(text, target, field, value, ACTIVITY_FIELDS)
    for change in planned:
        if change.outcome is not None:
            text, _ids = edit.archive_many(plan, text, [change.id], completed=False, on=on,
                                           outcome=change.outcome)
    if text == source.text:
        return text, []
    return fieldedit.check(text, source.path), sorted((c.id for c in planned), key=id_key)


def summary(planned: Planned, activity: Activity) -> str:
    """What the answers change in one activity, in a line."""
    parts = []
    if planned.status is not None:
        parts.append(_("status {old} → {new}").format(old=activity.status.value,
                                                       new=planned.status))
    if planned.due is not None:
        parts.append(_("due date {old} → {new}").format(
            old=activity.due.iso() if activity.due else "-", new=planned.due))
    if planned.note is not None:
        parts.append(_("status note: {note}").format(note=planned.note))
    if planned.outcome is not None:
        parts.append(_("archived with the outcome: {outcome}").format(outcome=planned.outcome))
    return _("{id} ({where}): {changes}").format(
        id=planned.id, where="; ".join(map(str, planned.sources)), changes="; ".join(parts))
