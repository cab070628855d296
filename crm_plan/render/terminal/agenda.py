"""`crmplan agenda` and `crmplan meetings` on the terminal: a meeting's agenda as rich tables
(or the same as plain text for a file, `-o agenda.txt`), and the calendar as one table."""

from __future__ import annotations

import io

from rich import box
from rich.console import Console
from rich.table import Table

from crm_plan.agenda import Agenda
from crm_plan.meetings import CalendarRow
from crm_plan.model import Plan
from crm_plan.render import agenda_rows as wording
from crm_plan.render.agenda_rows import AgendaRow
from crm_plan.render.terminal.console import console, new_console, text


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
            out.print(_table(found))
    if agenda.completed:
        out.print()
        out.print(text(wording.completed_heading(agenda), "heading.section"))
        out.print(_table(wording.completed_rows(plan, agenda)))


def _table(found: list[AgendaRow]) -> Table:
    table = Table(box=box.SIMPLE_HEAD, show_edge=False, pad_edge=False, expand=True)
    for index, header in enumerate(wording.headers()):
        table.add_column(text(header), ratio=(None, 3, 1)[index], no_wrap=index == 0,
                         style="activity.id" if index == 0 else None)
    for row in found:
        cell = text(row.text, "status.pending" if row.underline else "")
        for ref in row.refs:
            cell.append_text(text(" " + ref, "aside"))
        table.add_row(text(row.id), cell, text(row.status))
    return table


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
