"""Workbooks (.xlsx) with openpyxl: an actor's commitments, for it to answer
(`report --format xlsx`); `crmplan apply` reads the answers back (`answers.py` holds the layout
both sides agree on).

The sheet of commitments: a title block (who, which plan, made from which file and which
`updated` date, what to do), then one row per activity in the order of the action sheet: id,
activity, role, status, due date, references and notes, locked; then the answer columns, in
yellow and open: a new status (a drop-down of the plan's statuses), a new due date (kept as text,
so that 2010-06 stays a month), a progress note and an outcome. The sheet is protected without a
password: it keeps a cell from being changed by mistake, it does not keep secrets. A hidden sheet
`crmplan` records the plan and each activity as shown.

openpyxl is an install extra (`pip install "crmplan[xlsx]"`), imported when a workbook is made.
"""

from __future__ import annotations

import io
from typing import Any

from crm_plan import answers
from crm_plan.answers import ACTIVITIES, COLUMNS, FORMAT, META_SHEET, SHOWN, VERSION, cell_text
from crm_plan.messages import _, day, language
from crm_plan.model import Plan, Status
from crm_plan.query import Hit
from crm_plan.render.sheet_rows import intro, sheet_row, title
from crm_plan.sheet import Sheet

WIDTHS = (8, 60, 24, 13, 11, 32, 32, 16, 15, 40, 40)
ANSWER_FILL = "FFF2CC"  # a light yellow: where to write
HEADER_FILL = "D9D9D9"
ANSWER_HEADER_FILL = "FFD966"


def headers() -> list[str]:
    return [_("Id"), _("Activity"), _("Role"), _("Status"), _("Due date"), _("References"),
            _("Notes"), _("New status"), _("New due date"), _("Progress note"),
            _("Outcome (if completed)")]


def sheet_xlsx(plan: Plan, found: Sheet, source: str) -> bytes:
    """The workbook of one actor's commitments, made from the plan file named `source`."""
    module = answers.openpyxl()
    workbook = module.Workbook()
    sheet = workbook.active
    sheet.title = _("Commitments")
    header = _title_block(sheet, plan, found, source)
    rows = [(hit, header + 1 + k) for k, hit in enumerate(found.hits)]
    for hit, row in rows:
        _activity_row(sheet, hit, found, row)
    _lay_out(sheet, header, len(rows))
    _meta(workbook, plan, found, source, sheet.title, header, rows)
    from openpyxl.workbook.protection import WorkbookProtection

    workbook.security = WorkbookProtection(lockStructure=True)  # the hidden sheet stays hidden
    workbook.properties.title = cell_text(title(found))
    workbook.properties.creator = "crmplan"
    data = io.BytesIO()
    workbook.save(data)
    return data.getvalue()


def _title_block(sheet: Any, plan: Plan, found: Sheet, source: str) -> int:
    """The lines above the table; the row of its headers."""
    from openpyxl.styles import Font

    updated = plan.document.updated
    lines = [title(found), *intro(plan, found), _(
        "Made on {date} from {file}, the plan as updated on {updated}.").format(
        date=day(found.as_of), file=source, updated=day(updated) if updated else "-"), _(
        "Please fill in the yellow columns and send the workbook back; the other columns are "
        "locked. New status: choose it from the list. New due date: 2010, 2010-06 or "
        "2010-06-15. Outcome: what was achieved, for an activity now completed.")]
    for row, line in enumerate(lines, start=1):
        sheet.cell(row=row, column=1, value=cell_text(line))
    sheet.cell(row=1, column=1).font = Font(bold=True, size=14)
    header = len(lines) + 2
    for column, label in enumerate(headers(), start=1):
        cell = sheet.cell(row=header, column=column, value=label)
        cell.font = Font(bold=True)
    return header


def _activity_row(sheet: Any, hit: Hit, found: Sheet, row: int) -> None:
    activity = hit.activity
    wording = sheet_row(hit, found)
    values = [activity.id, wording.text, wording.role, activity.status.value,
              activity.due.iso() if activity.due else "", "\n".join(wording.refs),
              "\n".join(activity.notes())]
    for column, value in enumerate(values, start=1):
        sheet.cell(row=row, column=column, value=cell_text(value))


def _lay_out(sheet: Any, header: int, count: int) -> None:
    """Widths, wrapping, colours, the drop-down, and which cells are open."""
    from openpyxl.styles import Alignment, PatternFill, Protection
    from openpyxl.utils import get_column_letter
    from openpyxl.worksheet.datavalidation import DataValidation

    first_answer = COLUMNS.index("new_status") + 1
    for column, width in enumerate(WIDTHS, start=1):
        sheet.column_dimensions[get_column_letter(column)].width = width
        answer = column >= first_answer
        fill = ANSWER_HEADER_FILL if answer else HEADER_FILL
        sheet.cell(row=header, column=column).fill = PatternFill("solid", fgColor=fill)
        for row in range(header + 1, header + 1 + count):
            cell = sheet.cell(row=row, column=column)
            cell.alignment = Alignment(wrap_text=True, vertical="top")
            if answer:
                cell.fill = PatternFill("solid", fgColor=ANSWER_FILL)
                cell.protection = Protection(locked=False)
                cell.number_format = "@"  # what is typed stays text: 2010-06 is not a day
    if count:
        statuses = DataValidation(type="list", allow_blank=True, showErrorMessage=True,
                                  formula1='"' + ",".join(s.value for s in Status) + '"',
                                  errorTitle=cell_text(_("New status")),
                                  error=cell_text(_("Choose one of the plan's statuses from the "
                                                    "list.")))
        sheet.add_data_validation(statuses)
        letter = get_column_letter(first_answer)
        statuses.add(f"{letter}{header + 1}:{letter}{header + count}")
    sheet.freeze_panes = sheet.cell(row=header + 1, column=2)
    sheet.protection.sheet = True
    sheet.protection.formatColumns = False  # widths and heights may still be changed
    sheet.protection.formatRows = False


def _meta(workbook: Any, plan: Plan, found: Sheet, source: str, sheet_title: str, header: int,
          rows: list[tuple[Hit, int]]) -> None:
    meta = workbook.create_sheet(META_SHEET)
    updated = plan.document.updated
    for pair in ([FORMAT, VERSION], ["plan", plan.document.title], ["file", source],
                 ["updated", updated.isoformat() if updated else ""], ["actor", found.actor],
                 ["made", found.as_of.isoformat()], ["language", language()],
                 ["sheet", sheet_title], ["header", str(header)], [ACTIVITIES], list(SHOWN)):
        meta.append([cell_text(value) for value in pair])
    for hit, row in rows:
        via = next((n.via for n in hit.namings if n.via), "") \
            if all(n.via for n in hit.namings) else ""
        shown = answers.Shown.of(hit.activity, row, via or "")
        meta.append([str(value) for value in shown])
    meta.sheet_state = "hidden"
    meta.protection.sheet = True

