"""Asking the plan questions: `list`, `status`, `show`.

No `from __future__ import annotations`: `filter_options` hands Typer these signatures as they
are, so annotations are objects, and names imported for type checking only are quoted."""

from collections.abc import Callable
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from crm_plan.commands.options import (
    AsOfOption,
    ReportFormat,
    complete_show_id,
    emit,
    filter_options,
    say,
    valid_plan,
)
from crm_plan.messages import _

if TYPE_CHECKING:
    from crm_plan.model import Plan
    from crm_plan.query import Filters, Selection


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


@filter_options()
def list_(
    ctx: typer.Context,
    *,
    filters: "Filters",
    as_of: AsOfOption = None,
    format: Annotated[ListFormat, typer.Option(
        "--format", help=_("table (for people), json, csv (UTF-8 with BOM, for spreadsheets) or "
                           "markdown."))] = ListFormat.table,
) -> None:
    from crm_plan import query

    plan = valid_plan(ctx).plan
    selection = query.select(plan, filters, query.as_of(as_of))
    if format in (ListFormat.table, ListFormat.markdown) and not selection.hits:
        say(_("No activities match."))
    else:
        _LIST_RENDERERS[format](plan, selection)


def _list_table(plan: "Plan", selection: "Selection") -> None:
    from crm_plan.render.terminal import listing as table

    table.print_listing(plan, selection)


def _list_json(plan: "Plan", selection: "Selection") -> None:
    from crm_plan.render.documents import records

    emit(records.to_json(records.selection_records(plan, selection)))


def _list_csv(plan: "Plan", selection: "Selection") -> None:
    from crm_plan.render.documents import records

    emit(records.selection_csv(plan, selection))


def _list_markdown(plan: "Plan", selection: "Selection") -> None:
    from crm_plan.render.documents import markdown

    emit(markdown.selection_markdown(plan, selection))


_LIST_RENDERERS: dict[ListFormat, Callable[["Plan", "Selection"], None]] = {
    ListFormat.table: _list_table, ListFormat.json: _list_json, ListFormat.csv: _list_csv,
    ListFormat.markdown: _list_markdown}


@filter_options(overdue=False)
def status(
    ctx: typer.Context,
    *,
    overdue: Annotated[bool, typer.Option(
        "--overdue", help=_("Also list the 'programado' activities whose due date has passed."))
    ] = False,
    by_member: Annotated[bool, typer.Option(
        "--by-member", help=_("Count a group's activities for each of its members."))] = False,
    filters: "Filters",
    as_of: AsOfOption = None,
    format: Annotated[ReportFormat, typer.Option(
        "--format", help=_("text, or json: {\"counts\": ..., \"activities\": [...]}."))
    ] = ReportFormat.text,
) -> None:
    from crm_plan import counts, query

    plan = valid_plan(ctx).plan
    report = counts.report(plan, filters, query.as_of(as_of), by_member=by_member,
                           pending=filters.pending, overdue=overdue)
    if format is ReportFormat.json:
        from crm_plan.render.documents import records

        emit(records.to_json({"counts": records.counts_record(report.counts),
                              "activities": records.selection_records(plan, report.listed)}))
    else:
        from crm_plan.render.terminal import status as view

        view.print_status(plan, report)


def show(
    ctx: typer.Context,
    id: Annotated[str, typer.Argument(metavar="ID", autocompletion=complete_show_id, help=_(
        "An activity (9.3, I.B.1.2) or an objective (9)."))],
    as_of: AsOfOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", help=_("text or json."))
                      ] = ReportFormat.text,
) -> None:
    from crm_plan import lookup, query

    plan = valid_plan(ctx).plan
    item, day = lookup.item(plan, id), query.as_of(as_of)
    if format is ReportFormat.json:
        from crm_plan.render.documents import records

        emit(records.to_json(records.item_record(plan, item, day)))
    else:
        from crm_plan.render.terminal import item as view

        view.print_item(plan, item, day)


LIST_HELP = _("List activities, grouped by section and objective; filters combine with AND.\n\n"
              "Example: crmplan list --responsible México --status pendiente --status "
              "\"por definir\"")
STATUS_HELP = _("The state of the plan at a glance: counts by status, section and actor.\n\n"
                "Example: crmplan status --pending --responsible OIM")
SHOW_HELP = _("Everything about one activity or objective, active or historical.\n\n"
              "Example: crmplan show 9.3")

# The commands of this module, for cli.py: name -> (function, help).
COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "list": (list_, LIST_HELP),
    "status": (status, STATUS_HELP),
    "show": (show, SHOW_HELP),
}
