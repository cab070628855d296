"""`crmplan status` in the terminal: the counts by status, section and actor, with rich."""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm_plan.counts import Report, Tally
from crm_plan.messages import _, ngettext
from crm_plan.model import Plan, Status
from crm_plan.render.layout import section_title
from crm_plan.render.table import STYLES, console, label_grid, print_listing, text_of

if TYPE_CHECKING:
    from rich.console import Console
    from rich.table import Table


def print_status(plan: Plan, report: Report, out: Console | None = None) -> None:
    """The counts; then, with --pending/--overdue, those activities."""
    out = out or console()
    out.print(_summary_line(report))
    if report.counts.by_section:
        out.print()
        out.print(status_table(report))
        out.print()
        out.print(section_legend(plan, report))
    if report.counts.by_actor:
        out.print()
        out.print(actor_table(report))
    if report.lists:
        out.print()
        out.print(_listing_title(report), style=STYLES["label"])
        if report.listed.hits:
            print_listing(plan, report.listed, out)


def _summary_line(report: Report) -> str:
    counts = report.counts
    total = counts.total.total
    return _("{activities} as of {date}: {pending} pending (pendiente + por definir), {overdue} "
             "overdue; {archived} in the history.").format(
        activities=ngettext("{n} activity", "{n} activities", total).format(n=total),
        date=counts.as_of.isoformat(), pending=counts.total.pending,
        overdue=counts.total.overdue, archived=counts.archived)


def _listing_title(report: Report) -> str:
    found = len(report.listed.hits)
    if report.pending and report.overdue:
        title = _("Pending and overdue activities: {n}.")
    elif report.pending:
        title = _("Pending activities (pendiente + por definir): {n}.")
    else:
        title = _("Overdue activities (programado, due date passed as of {date}): {n}.")
    return title.format(n=found, date=report.counts.as_of.isoformat())


def status_table(report: Report) -> Table:
    """Statuses down, sections across: narrow however many statuses there are."""
    from rich import box
    from rich.table import Table

    counts = report.counts
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(_("Status"))
    for section in counts.by_section:
        table.add_column(section, justify="right")
    table.add_column(_("Total"), justify="right", style=STYLES["label"])
    tallies = [*counts.by_section.values(), counts.total]
    shown = [s for s in Status if counts.total.by_status[s]] or [Status.CONTINUO]
    for status in shown:
        table.add_row(status.value, *_numbers(tallies, lambda t, s=status: t.by_status[s]),
                      end_section=status is shown[-1])
    table.add_row(_("pending"), *_numbers(tallies, lambda t: t.pending))
    table.add_row(_("overdue"), *_numbers(tallies, lambda t: t.overdue))
    table.add_row(_("total"), *_numbers(tallies, lambda t: t.total), style=STYLES["label"])
    return table


def _numbers(tallies: list[Tally], get) -> list[str]:  # type: ignore[no-untyped-def]
    return [str(get(t)) for t in tallies]


def section_legend(plan: Plan, report: Report) -> Table:
    grid = label_grid()
    for section in report.counts.by_section:
        grid.add_row(f"{section}.", text_of(section_title(plan, section)))
    return grid


def actor_table(report: Report) -> Table:
    from rich import box
    from rich.table import Table

    counts = report.counts
    table = Table(box=box.SIMPLE_HEAD, pad_edge=False, show_edge=False)
    table.add_column(_("Actor (by member)") if counts.by_member else _("Actor"))
    for header in (_("Activities"), _("Pending"), _("Overdue")):
        table.add_column(header, justify="right")
    for actor, tally in sorted(counts.by_actor.items(), key=lambda item: -item[1].total):
        table.add_row(text_of(actor), str(tally.total), str(tally.pending), str(tally.overdue))
    return table
