"""The calendar of meetings: `meetings` (the calendar) and `agenda` (what each actor brings to
one meeting)."""

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from crm_plan.commands.options import (
    AsOfOption,
    OutputOption,
    ReportFormat,
    complete_actor,
    complete_meeting,
    deliver,
    emit,
    format_of,
    say,
    valid_plan,
)
from crm_plan.messages import _

if TYPE_CHECKING:
    from crm_plan.agenda import Agenda
    from crm_plan.model import Plan


def meetings(
    ctx: typer.Context,
    as_of: AsOfOption = None,
    format: Annotated[ReportFormat, typer.Option(
        "--format", help=_("text (a table), or json (one record per meeting)."))
    ] = ReportFormat.text,
) -> None:
    from crm_plan import meetings as calendar
    from crm_plan import query

    plan = valid_plan(ctx).plan
    found = calendar.calendar(plan, query.as_of(as_of))
    if format is ReportFormat.json:
        from crm_plan.render.documents import records

        emit(records.to_json(records.calendar_records(found)))
    elif not found:
        say(_("The plan has no meetings: add them under 'meetings' (see crmplan schema)."))
    else:
        from crm_plan.render.terminal import agenda as view

        view.print_calendar(found)


class AgendaFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    html = "html"
    docx = "docx"


def agenda(
    ctx: typer.Context,
    meeting: Annotated[str | None, typer.Argument(
        metavar="[MEETING]", autocompletion=complete_meeting, help=_(
            "The meeting's id (see crmplan meetings). Default: the next dated meeting as of "
            "today or --as-of."))] = None,
    responsible: Annotated[str | None, typer.Option(
        "--responsible", "-r", metavar="ACTOR", autocompletion=complete_actor,
        help=_("Only what ACTOR brings (short or full name), itself or through a group it "
               "belongs to."))] = None,
    format: Annotated[AgendaFormat | None, typer.Option(
        "--format", help=_("table (for the terminal, or text in a file), markdown, html or docx "
                           "(Word)."))] = None,
    output: OutputOption = None,
    as_of: AsOfOption = None,
) -> None:
    from crm_plan import agenda as core
    from crm_plan import query

    loaded = valid_plan(ctx)
    plan, day = loaded.plan, query.as_of(as_of)
    found = core.agenda(plan, core.chosen_meeting(plan, meeting, day), day, responsible)
    chosen = format_of(format, output, AgendaFormat.table)
    if chosen is AgendaFormat.table and output is None:
        from crm_plan.render.terminal import agenda as view

        view.print_agenda(plan, found)
    else:
        deliver(_AGENDAS[chosen](plan, found), output, binary=chosen is AgendaFormat.docx,
                plan=loaded.location.path)


def _agenda_text(plan: "Plan", found: "Agenda") -> bytes:
    from crm_plan.render.terminal import agenda as view

    return view.agenda_text(plan, found)


def _agenda_markdown(plan: "Plan", found: "Agenda") -> bytes:
    from crm_plan.render.documents import markdown

    return markdown.agenda_markdown(plan, found)


def _agenda_html(plan: "Plan", found: "Agenda") -> bytes:
    from crm_plan.render.documents import html

    return html.agenda_html(plan, found)


def _agenda_docx(plan: "Plan", found: "Agenda") -> bytes:
    from crm_plan.render.documents import docx

    return docx.agenda_docx(plan, found)


_AGENDAS: dict[AgendaFormat, Callable[["Plan", "Agenda"], bytes]] = {
    AgendaFormat.table: _agenda_text, AgendaFormat.markdown: _agenda_markdown,
    AgendaFormat.html: _agenda_html, AgendaFormat.docx: _agenda_docx}

MEETINGS_HELP = _(
    "The calendar of meetings: past, coming and not dated yet.\n\n"
    "Each meeting of 'meetings' by date, with how many activities its documents gave a mandate "
    "to (their references cite it) and how many are due at it.\n\n"
    "Example: crmplan meetings --as-of 2009-11-26")
AGENDA_HELP = _(
    "The agenda of a meeting: what each actor must bring to it.\n\n"
    "By actor: the activities due at or before the meeting, those reported at every meeting of "
    "its body, those still to be defined (pendiente, por definir) and those due at a meeting "
    "not dated yet; then what was completed since the previous meeting of the body. The format "
    "follows the -o file's extension unless --format is given.\n\n"
    "Example: crmplan agenda GRCM-2009-12 --format docx -o agenda.docx")

# The commands of this module, for cli.py: name -> (function, help).
COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "meetings": (meetings, MEETINGS_HELP),
    "agenda": (agenda, AGENDA_HELP),
}
