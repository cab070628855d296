"""`crmplan status` in the terminal: the counts by status, section and actor."""

from __future__ import annotations

from rich.console import Console
from rich.text import Text

from crm_plan.counts import Report
from crm_plan.messages import _, day, ngettext
from crm_plan.model import Plan, Status
from crm_plan.render.layout import section_title
from crm_plan.render.terminal.console import console, print_lines, text
from crm_plan.render.terminal.grid import labelled, table
from crm_plan.render.terminal.listing import print_listing


def print_status(plan: Plan, report: Report, out: Console | None = None) -> None:
    """The counts; then, with --pending/--overdue, those activities."""
    out = out or console()
    out.print(text(_summary_line(report)))
    if report.counts.by_section:
        out.print()
        print_lines(out, status_table(out, report))
        out.print()
        print_lines(out, section_legend(out, plan, report))
    if report.counts.by_actor:
        out.print()
        print_lines(out, actor_table(out, report))
    if report.lists:
        out.print()
        out.print(text(_listing_title(report), "label"))
        if report.listed.hits:
            print_listing(plan, report.listed, out)


def _summary_line(report: Report) -> str:
    counts = report.counts
    total = counts.total.total
    return _("{activities} as of {date}: {pending} pending (pendiente + por definir), {overdue} "
             "overdue; {archived} in the history.").format(
        activities=ngettext("{n} activity", "{n} activities", total).format(n=total),
        date=day(counts.as_of), pending=counts.total.pending,
        overdue=counts.total.overdue, archived=counts.archived)


def _listing_title(report: Report) -> str:
    found = len(report.listed.hits)
    if report.pending and report.overdue:
        title = _("Pending and overdue activities: {n}.")
    elif report.pending:
        title = _("Pending activities (pendiente + por definir): {n}.")
    else:
        title = _("Overdue activities (programado, due date passed as of {date}): {n}.")
    return title.format(n=found, date=day(report.counts.as_of))


def status_table(out: Console, report: Report) -> list[Text]:
    """Statuses down, sections across: narrow however many statuses there are."""
    counts = report.counts
    header = [text(h, "label") for h in (_("Status"), *counts.by_section, _("Total"))]
    tallies = [*counts.by_section.values(), counts.total]
    shown = [s for s in Status if counts.total.by_status[s]] or [Status.CONTINUO]
    rows: list[list[Text] | None] = [
        _numbers(status.value, [t.by_status[status] for t in tallies]) for status in shown]
    rows += [None, _numbers(_("pending"), [t.pending for t in tallies]),
             _numbers(_("overdue"), [t.overdue for t in tallies]),
             _numbers(_("total"), [t.total for t in tallies], "label")]
    return table(out, header, rows, out.width)


def _numbers(label: str, numbers: list[int], style: str = "") -> list[Text]:
    """A row of the status table: the total (the last number) in bold, and all of the last
    row."""
    cells = [text(label, style), *(text(str(n), style) for n in numbers)]
    cells[-1].stylize("label")
    return cells


def section_legend(out: Console, plan: Plan, report: Report) -> list[Text]:
    """`A. Fortalecer el combate ...`: what the letters of the table stand for."""
    return labelled(out, [(text(f"{section}.", "label"), text(section_title(plan, section)))
                          for section in report.counts.by_section], out.width)


def actor_table(out: Console, report: Report) -> list[Text]:
    counts = report.counts
    header = [text(h, "label") for h in (_("Actor (by member)") if counts.by_member else _("Actor"),
                                         _("Activities"), _("Pending"), _("Overdue"))]
    rows: list[list[Text] | None] = [
        [text(actor), *(text(str(n)) for n in (tally.total, tally.pending, tally.overdue))]
        for actor, tally in sorted(counts.by_actor.items(), key=lambda item: -item[1].total)]
    return table(out, header, rows, out.width)
