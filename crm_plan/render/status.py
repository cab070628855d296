"""`crmplan status` in the terminal: the counts by status, section and actor."""

from __future__ import annotations

from crm_plan.counts import Report, Tally
from crm_plan.messages import _, ngettext
from crm_plan.model import Plan, Status
from crm_plan.render.columns import labelled, table
from crm_plan.render.layout import section_title
from crm_plan.render.screen import Screen, screen
from crm_plan.render.styled import Styled
from crm_plan.render.table import STYLES, print_listing, text_of


def print_status(plan: Plan, report: Report, out: Screen | None = None) -> None:
    """The counts; then, with --pending/--overdue, those activities."""
    out = out or screen()
    out.print(_summary_line(report))
    if report.counts.by_section:
        out.print()
        out.lines(status_table(report, out.width))
        out.print()
        out.lines(section_legend(plan, report, out.width))
    if report.counts.by_actor:
        out.print()
        out.lines(actor_table(report, out.width))
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


def status_table(report: Report, width: int) -> list[Styled]:
    """Statuses down, sections across: narrow however many statuses there are."""
    counts = report.counts
    header = [text_of(h, STYLES["label"])
              for h in (_("Status"), *counts.by_section, _("Total"))]
    tallies = [*counts.by_section.values(), counts.total]
    shown = [s for s in Status if counts.total.by_status[s]] or [Status.CONTINUO]
    rows: list[list[Styled] | None] = [
        _numbers(status.value, tallies, lambda t, s=status: t.by_status[s]) for status in shown]
    rows += [None, _numbers(_("pending"), tallies, lambda t: t.pending),
             _numbers(_("overdue"), tallies, lambda t: t.overdue),
             _numbers(_("total"), tallies, lambda t: t.total, STYLES["label"])]
    return table(header, rows, width)


def _numbers(label: str, tallies: list[Tally], get, style: str = "") -> list[Styled]:  # type: ignore[no-untyped-def]
    """A row of the status table: the total in bold, and all of the last row."""
    numbers = [text_of(str(get(t)), style) for t in tallies]
    numbers[-1].stylize(STYLES["label"])
    return [text_of(label, style), *numbers]


def section_legend(plan: Plan, report: Report, width: int) -> list[Styled]:
    """`A. Fortalecer el combate ...`: what the letters of the table stand for."""
    return labelled([(text_of(f"{section}.", STYLES["label"]),
                      text_of(section_title(plan, section)))
                     for section in report.counts.by_section], width)


def actor_table(report: Report, width: int) -> list[Styled]:
    counts = report.counts
    header = [text_of(h, STYLES["label"])
              for h in (_("Actor (by member)") if counts.by_member else _("Actor"),
                        _("Activities"), _("Pending"), _("Overdue"))]
    rows: list[list[Styled] | None] = [
        [text_of(actor), *(text_of(str(n)) for n in (tally.total, tally.pending, tally.overdue))]
        for actor, tally in sorted(counts.by_actor.items(), key=lambda item: -item[1].total)]
    return table(header, rows, width)
