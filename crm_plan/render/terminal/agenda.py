"""`crmplan agenda` and `crmplan meetings` on the terminal: a meeting's agenda as tables
(`grid.shared`; or the same as plain text for a file, `-o agenda.txt`), and the calendar as one
rich table."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

from crm_plan.agenda import Agenda
from crm_plan.meetings import CalendarRow
from crm_plan.model import Plan
from crm_plan.render import agenda_rows as wording
from crm_plan.render.agenda_rows import AgendaRow
from crm_plan.render.terminal.console import (
    activity_text,
    console,
    new_console,
    print_lines,
    text,
)
from crm_plan.render.terminal.grid import shared


def print_agenda(plan: Plan, agenda: Agenda, out: Console | None = None) -> None:
    out = out or console()
    out.print(text(wording.title(agenda), "label"))
    for line in wording.intro(plan, agenda):
        out.print(text(line))
    for actor, groups in wording.rows(plan, agenda):
        out.print()
        out.print(text(wording.actor_heading(actor), "heading.section"))
        for group, found in groups:
            out.print(text(wording.group_heading(group, found), "heading.objective"))
            print_lines(out, _table(out, found))
    if agenda.completed:
        out.print()
        out.print(text(wording.completed_heading(agenda), "heading.section"))
        print_lines(out, _table(out, wording.completed_rows(plan, agenda)))


def _table(out: Console, found: list[AgendaRow]) -> list[Text]:
    cells = [[text(row.id, "activity.id"), activity_text(row.text, row.underline, row.refs),
              text(row.status)] for row in found]
    return shared(out, [text(h, "label") for h in wording.headers()], cells, (3, 1), out.width)


def agenda_text(plan: Plan, agenda: Agenda, width: int = 100) -> bytes:
    """The terminal tables as plain text, for a file (`--format table -o agenda.txt`)."""
    buffer = io.StringIO()
    print_agenda(plan, agenda, new_console(file=buffer, width=width, color_system=None,
                                           force_terminal=False))
    lines = "\n".join(line.rstrip() for line in buffer.getvalue().splitlines())
    return (lines + "\n").encode("utf-8")


def print_calendar(found: list[CalendarRow], out: Console | None = None) -> None:
    out = out or console()
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False)
    for index, header in enumerate(wording.calendar_headers()):
        table.add_column(text(header), no_wrap=index == 0, justify="right" if index > 4 else
                         "left", style="activity.id" if index == 0 else None)
    for row in found:
        table.add_row(*(text(cell) for cell in wording.calendar_cells(row)))
    out.print(table)
