"""The command line: parse options, call one core function, render the result.

Errors of the crmplan family are turned into messages and exit codes in one
place, `_Group.invoke`; nothing else in the CLI catches exceptions.
"""

from __future__ import annotations

import json
import os
import sys
from enum import Enum
from typing import Annotated, NoReturn

import typer
from typer.core import TyperGroup

from crm_plan import edit, lookup, planfile, query, store
from crm_plan.counts import report as status_report
from crm_plan.errors import EXIT_PROBLEMS, CrmPlanError, PlanInvalid
from crm_plan.messages import _, ngettext
from crm_plan.model import Plan
from crm_plan.problems import Problem, Severity
from crm_plan.render import item as item_view
from crm_plan.render import markdown, records, table
from crm_plan.render import status as status_view


# Click's usage errors (exit 2) pass through to click; typer may vendor click, so the
# class is found from a public typer exception rather than imported by name.
_CLICK_ERROR = next(c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")


class _Group(TyperGroup):
    """Maps crmplan's exceptions to a message on stderr and an exit code."""

    def invoke(self, ctx: typer.Context):  # type: ignore[no-untyped-def]
        try:
            return super().invoke(ctx)
        except CrmPlanError as exc:
            _report_error(exc)
            ctx.exit(exc.exit_code)
        except (typer.Exit, typer.Abort, _CLICK_ERROR):
            raise
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            if os.environ.get("CRMPLAN_DEBUG"):
                raise
            _err(_("crmplan: internal error ({kind}: {detail}); please report it. "
                   "Set CRMPLAN_DEBUG=1 to see the details.").format(
                       kind=type(exc).__name__, detail=exc))
            ctx.exit(EXIT_PROBLEMS)


app = typer.Typer(
    cls=_Group,
    help=_("Keep the CRM liaison network's work plan (workplan.yaml): validate it, query it, "
           "keep it current."),
    no_args_is_help=True,
    pretty_exceptions_enable=False,
    add_completion=False,
)


FileOption = Annotated[str | None, typer.Option(
    "--file", "-f", envvar="CRMPLAN_FILE", metavar="PATH",
    help=_("The plan file. Default: ./workplan.yaml, else the plan bundled with crmplan."),
)]


class State:
    def __init__(self, file: str | None) -> None:
        self.file = file

    def location(self, file: str | None = None) -> planfile.PlanLocation:
        """The plan file: --file after the command wins over --file before it."""
        location = planfile.locate(file or self.file)
        if location.bundled:
            _err(_("No workplan.yaml here: using the CRM plan bundled with crmplan (read-only)."))
        return location


@app.callback()
def _options(ctx: typer.Context, file: FileOption = None) -> None:
    ctx.obj = State(file)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"


@app.command()
def validate(
    ctx: typer.Context,
    format: Annotated[ProblemFormat, typer.Option(
        "--format", help=_("text: one line per problem; json: a list of objects."),
    )] = ProblemFormat.text,
    file: FileOption = None,
) -> None:
    """Check the plan file and report every problem at once, sorted by position.

    Example: crmplan validate -f workplan.yaml
    """
    loaded = planfile.load(ctx.obj.location(file))
    if format is ProblemFormat.json:
        typer.echo(json.dumps([p.as_dict() for p in loaded.problems], ensure_ascii=False, indent=2))
    else:
        for problem in loaded.problems:
            typer.echo(str(problem))
        typer.echo(_summary(loaded))
    raise typer.Exit(EXIT_PROBLEMS if loaded.has_errors else 0)


def _summary(loaded: planfile.LoadedPlan) -> str:
    errors = sum(p.severity is Severity.ERROR for p in loaded.problems)
    warnings = len(loaded.problems) - errors
    plan = loaded.plan
    objectives, activities = len(plan.objectives), sum(1 for _a in plan.activities())
    counts = _("{objectives}, {activities}, {archived} in the history").format(
        objectives=ngettext("{n} objective", "{n} objectives", objectives).format(n=objectives),
        activities=ngettext("{n} activity", "{n} activities", activities).format(n=activities),
        archived=sum(1 for _a in plan.activities(active=False, archived=True)),
    )
    if not loaded.readable:
        return _("{path}: {errors}.").format(
            path=loaded.location.display,
            errors=ngettext("{n} error", "{n} errors", errors).format(n=errors))
    if not loaded.problems:
        return _("{path}: no problems ({counts}).").format(path=loaded.location.display,
                                                          counts=counts)
    return _("{path}: {errors}, {warnings} ({counts}).").format(
        path=loaded.location.display,
        errors=ngettext("{n} error", "{n} errors", errors).format(n=errors),
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings),
        counts=counts,
    )


# -- asking the plan questions: list, status, show -------------------------------------------

ResponsibleOption = Annotated[list[str] | None, typer.Option(
    "--responsible", "-r", metavar="ACTOR",
    help=_("Activities naming ACTOR (short or full name; responsible, coordination or support), "
           "also through a group it belongs to. Repeat for any of several."),
)]
DirectOption = Annotated[bool, typer.Option(
    "--direct", help=_("With --responsible: only activities naming the actor itself, not one of "
                       "its groups."),
)]
StatusOption = Annotated[list[str] | None, typer.Option(
    "--status", "-s", metavar="STATUS",
    help=_("continuo, programado, pendiente, por definir, completado (or ongoing, scheduled, "
           "pending, tbd, done). Repeatable."),
)]
SectionOption = Annotated[list[str] | None, typer.Option(
    "--section", metavar="ID", help=_("Activities of a section, e.g. C. Repeatable."))]
ObjectiveOption = Annotated[list[str] | None, typer.Option(
    "--objective", "-o", metavar="ID", help=_("Activities of an objective, e.g. 9. Repeatable."))]
SearchOption = Annotated[list[str] | None, typer.Option(
    "--search", metavar="TEXT",
    help=_("Activities whose text, notes, references or outcomes contain TEXT (case and accents "
           "ignored). Repeatable."),
)]
RefYearOption = Annotated[list[int] | None, typer.Option(
    "--ref-year", metavar="YEAR", help=_("Activities citing a document of that year."))]
RefBodyOption = Annotated[list[str] | None, typer.Option(
    "--ref-body", metavar="BODY", help=_("Activities citing a document of CRM or GRCM."))]
ActionPlanOption = Annotated[bool, typer.Option(
    "--action-plan",
    help=_("Items taken from the CRM Plan of Action (marked themselves or through their "
           "objective)."),
)]
DueBeforeOption = Annotated[str | None, typer.Option(
    "--due-before", metavar="DATE",
    help=_("Activities due before DATE (2010-03-01, 2010-03 or 2010)."))]
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", metavar="DATE", help=_("The day that decides what is overdue. Default: today."))]
ArchivedOption = Annotated[bool, typer.Option(
    "--archived", help=_("The historical part instead of the active plan."))]
AllOption = Annotated[bool, typer.Option("--all", help=_("The active plan and the history."))]


class ListFormat(str, Enum):
    table = "table"
    json = "json"
    csv = "csv"
    markdown = "markdown"


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


@app.command("list")
def list_(
    ctx: typer.Context,
    responsible: ResponsibleOption = None, direct: DirectOption = False,
    status: StatusOption = None, section: SectionOption = None,
    objective: ObjectiveOption = None, search: SearchOption = None,
    ref_year: RefYearOption = None, ref_body: RefBodyOption = None,
    action_plan: ActionPlanOption = False,
    overdue: Annotated[bool, typer.Option(
        "--overdue", help=_("'programado' activities whose due date has passed."))] = False,
    due_before: DueBeforeOption = None, as_of: AsOfOption = None,
    archived: ArchivedOption = False, everything: AllOption = False,
    format: Annotated[ListFormat, typer.Option(
        "--format", help=_("table (for people), json, csv (UTF-8 with BOM, for spreadsheets) or "
                           "markdown."))] = ListFormat.table,
    file: FileOption = None,
) -> None:
    """List activities, grouped by section and objective; filters combine with AND.

    Example: crmplan list --responsible México --status pendiente --status "por definir"
    """
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    filters = _filters(responsible, direct, status, section, objective, search, ref_year,
                       ref_body, action_plan, overdue, due_before, archived, everything)
    _print_selection(plan, query.select(plan, filters, query.as_of(as_of)), format)


@app.command("status")
def status_(
    ctx: typer.Context,
    pending: Annotated[bool, typer.Option(
        "--pending", help=_("Also list the pending activities (pendiente + por definir)."))
    ] = False,
    overdue: Annotated[bool, typer.Option(
        "--overdue", help=_("Also list the 'programado' activities whose due date has passed."))
    ] = False,
    by_member: Annotated[bool, typer.Option(
        "--by-member", help=_("Count a group's activities for each of its members."))] = False,
    responsible: ResponsibleOption = None, direct: DirectOption = False,
    status: StatusOption = None, section: SectionOption = None,
    objective: ObjectiveOption = None, search: SearchOption = None,
    ref_year: RefYearOption = None, ref_body: RefBodyOption = None,
    action_plan: ActionPlanOption = False, due_before: DueBeforeOption = None,
    as_of: AsOfOption = None, archived: ArchivedOption = False, everything: AllOption = False,
    format: Annotated[ReportFormat, typer.Option(
        "--format", help=_("text, or json: {\"counts\": ..., \"activities\": [...]}."))
    ] = ReportFormat.text,
    file: FileOption = None,
) -> None:
    """The state of the plan at a glance: counts by status, section and actor.

    Example: crmplan status --pending --responsible OIM
    """
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    filters = _filters(responsible, direct, status, section, objective, search, ref_year,
                       ref_body, action_plan, False, due_before, archived, everything)
    report = status_report(plan, filters, query.as_of(as_of), by_member=by_member,
                           pending=pending, overdue=overdue)
    if format is ReportFormat.json:
        _emit(records.to_json({"counts": records.counts_record(report.counts),
                               "activities": records.selection_records(plan, report.listed)}))
    else:
        status_view.print_status(plan, report)


@app.command()
def show(
    ctx: typer.Context,
    id: Annotated[str, typer.Argument(metavar="ID", help=_(
        "An activity (9.3, I.B.1.2) or an objective (9)."))],
    as_of: AsOfOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", help=_("text or json."))
                      ] = ReportFormat.text,
    file: FileOption = None,
) -> None:
    """Everything about one activity or objective, active or historical.

    Example: crmplan show 9.3
    """
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    item = lookup.item(plan, id)
    if format is ReportFormat.json:
        _emit(records.to_json(records.item_record(plan, item, query.as_of(as_of))))
    else:
        item_view.print_item(plan, item, query.as_of(as_of))


def _filters(responsible: list[str] | None, direct: bool, status: list[str] | None,
             section: list[str] | None, objective: list[str] | None, search: list[str] | None,
             ref_year: list[int] | None, ref_body: list[str] | None, action_plan: bool,
             overdue: bool, due_before: str | None, archived: bool, everything: bool,
             ) -> query.Filters:
    scope = query.Scope.ALL if everything else (
        query.Scope.ARCHIVED if archived else query.Scope.ACTIVE)
    return query.Filters(
        actors=tuple(responsible or ()), direct=direct, statuses=tuple(status or ()),
        sections=tuple(section or ()), objectives=tuple(objective or ()),
        search=tuple(search or ()), ref_years=tuple(ref_year or ()),
        ref_bodies=tuple(ref_body or ()), action_plan=action_plan, overdue=overdue,
        due_before=due_before, scope=scope)


def _print_selection(plan: Plan, selection: query.Selection, format: ListFormat) -> None:
    if format is ListFormat.json:
        _emit(records.to_json(records.selection_records(plan, selection)))
    elif format is ListFormat.csv:
        _emit(records.selection_csv(plan, selection))
    elif not selection.hits:
        typer.echo(_("No activities match."))
    elif format is ListFormat.markdown:
        _emit(markdown.selection_markdown(plan, selection))
    else:
        table.print_listing(plan, selection)


def _emit(data: bytes) -> None:
    """Machine formats as UTF-8 bytes, whatever the console's or the locale's encoding."""
    sys.stdout.flush()
    typer.echo(data, nl=False)


# -- keeping the plan current: archive, restore -------------------------------------------------

DryRunOption = Annotated[bool, typer.Option(
    "--dry-run", help=_("Print the change as a unified diff and write nothing."))]


@app.command()
def archive(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, typer.Argument(metavar="ID...", help=_(
        "The activities to move to the history, e.g. 9.3."))] = None,
    completed: Annotated[bool, typer.Option(
        "--completed", help=_("Also every activity whose status is 'completado'."))] = False,
    outcome: Annotated[str | None, typer.Option(
        "--outcome", metavar="TEXT", help=_("What was achieved, recorded as an outcome."))
    ] = None,
    date: Annotated[str | None, typer.Option(
        "--date", metavar="DATE", help=_("The archive date (2010-03-01). Default: today."))
    ] = None,
    dry_run: DryRunOption = False,
    file: FileOption = None,
) -> None:
    """Move finished activities to the historical part of the plan file.

    Example: crmplan archive 9.3 --outcome "Enlaces designados en los 11 países"
    """
    if not ids and not completed:
        _usage(_("name the activities to archive (e.g. crmplan archive 9.3), or use --completed"))
    on = lookup.date(date, "--date") if date else query.today()
    result = store.update(ctx.obj.location(file), lambda plan, text: edit.archive_many(
        plan, text, ids or [], completed=completed, on=on, outcome=outcome), dry_run=dry_run)
    _report_update(result, dry_run, _("Archived {id} in the history ({date}).").format(
        id="{id}", date=on.isoformat()), _("No activity has the status 'completado': nothing to "
                                          "archive."))


@app.command()
def restore(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(metavar="ID...", help=_(
        "Archived activities to put back, e.g. 9.3."))],
    dry_run: DryRunOption = False,
    file: FileOption = None,
) -> None:
    """Put archived activities back where `crmplan archive` took them from.

    Example: crmplan restore 9.3
    """
    result = store.update(ctx.obj.location(file), lambda plan, text: edit.restore_many(
        plan, text, ids), dry_run=dry_run)
    _report_update(result, dry_run, _("Restored {id} to the active plan."), "")


def _report_update(result: store.Update, dry_run: bool, done: str, nothing: str) -> None:
    if not result.changed:
        typer.echo(nothing)
    elif dry_run:
        typer.echo(result.diff(), nl=False)
        typer.echo(_("Dry run: {path} was not changed.").format(path=result.display))
    else:
        for activity_id in result.changed:
            typer.echo(done.format(id=activity_id))


def _report_error(exc: CrmPlanError) -> None:
    if isinstance(exc, PlanInvalid):
        for problem in exc.problems:
            _err(str(problem))
    _err(_("crmplan: {message}").format(message=exc))


def _err(message: str) -> None:
    typer.echo(message, err=True)


def _usage(message: str) -> NoReturn:
    from crm_plan.errors import UsageError

    raise UsageError(message)


def main() -> None:
    app(prog_name="crmplan")


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
