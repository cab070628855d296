"""The command line: parse options, call one core function, render the result.

Errors of the crmplan family are turned into messages and exit codes in one
place, `_Group.invoke`; nothing else in the CLI catches exceptions.
"""

from __future__ import annotations

import gc
import os
import sys
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, NoReturn

import typer
from typer.core import TyperGroup

from crm_plan import messages
from crm_plan.errors import EXIT_PROBLEMS, CrmPlanError, PlanInvalid
from crm_plan.lazy import lazy
from crm_plan.messages import _, ngettext
from crm_plan.problems import Severity

if TYPE_CHECKING:
    from crm_plan.model import Plan

# Loaded when a command first uses them (see lazy.py): each command pays only for its own.
json = lazy("json")
counts, edit, lookup = lazy("crm_plan.counts"), lazy("crm_plan.edit"), lazy("crm_plan.lookup")
planfile, query, store = lazy("crm_plan.planfile"), lazy("crm_plan.query"), lazy("crm_plan.store")
item_view, status_view = lazy("crm_plan.render.item"), lazy("crm_plan.render.status")
markdown, records = lazy("crm_plan.render.markdown"), lazy("crm_plan.render.records")
table = lazy("crm_plan.render.table")
completion, schema, skeleton = (
    lazy("crm_plan.completion"), lazy("crm_plan.schema"), lazy("crm_plan.skeleton"))
github = lazy("crm_plan.render.github")
document, sheets = lazy("crm_plan.export"), lazy("crm_plan.sheet")
plan_changes, revisions = lazy("crm_plan.changes"), lazy("crm_plan.revisions")
outfile = lazy("crm_plan.outfile")
export_markdown, export_html = (
    lazy("crm_plan.render.export_markdown"), lazy("crm_plan.render.export_html"))
export_docx, export_records = (
    lazy("crm_plan.render.export_docx"), lazy("crm_plan.render.export_records"))
report_view, changes_view = lazy("crm_plan.render.report"), lazy("crm_plan.render.changes")


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
        except BrokenPipeError:  # `crmplan list | head` stopped reading: end quietly
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_PROBLEMS)
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
    add_completion=True,  # --install-completion, --show-completion; values: completion.py
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


# -- shell completion: values from the plan in use (completion.py never raises, never prints) --

Candidates = list[tuple[str, str]]


class _Matched(str):
    """A value completion.py already matched, case and accents ignored. Typer keeps only the
    values that start with the typed text exactly, which would drop `México` for `mex`."""

    def startswith(self, *args: object) -> bool:  # type: ignore[override]
        return True


def _offer(candidates: Candidates) -> Candidates:
    return [(_Matched(value), help_text) for value, help_text in candidates]


def _plan_file(ctx: typer.Context) -> str | None:
    """The --file given earlier on the command line: after the command, else before it."""
    context: typer.Context | None = ctx
    while context is not None:
        if file := context.params.get("file"):
            return file
        context = context.parent
    return None


def _complete_show_id(ctx: typer.Context, incomplete: str) -> Candidates:
    return _offer(completion.active_ids(_plan_file(ctx), incomplete, objectives=True))


def _complete_active_id(ctx: typer.Context, incomplete: str) -> Candidates:
    return _offer(completion.active_ids(_plan_file(ctx), incomplete))


def _complete_archived_id(ctx: typer.Context, incomplete: str) -> Candidates:
    return _offer(completion.restorable_ids(_plan_file(ctx), incomplete))


def _complete_actor(ctx: typer.Context, incomplete: str) -> Candidates:
    return _offer(completion.actors(_plan_file(ctx), incomplete))


def _complete_status(incomplete: str) -> Candidates:
    return _offer(completion.statuses(incomplete))


def _complete_section(ctx: typer.Context, incomplete: str) -> Candidates:
    return _offer(completion.sections(_plan_file(ctx), incomplete))


def _complete_objective(ctx: typer.Context, incomplete: str) -> Candidates:
    return _offer(completion.objectives(_plan_file(ctx), incomplete))


class Language(str, Enum):
    en = "en"
    es = "es"


LangOption = Annotated[Language | None, typer.Option(
    "--lang", help=_("The language of messages and help: es (español) or en (English). "
                      "Default: CRMPLAN_LANG, else the locale (LANG=es_MX.UTF-8 is Spanish), "
                      "else English."),
)]


@app.callback()
def _options(ctx: typer.Context, file: FileOption = None, lang: LangOption = None) -> None:
    if lang is not None:  # already in use when read from the command line (messages.py)
        messages.use(lang.value)
    ctx.obj = State(file)


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


@app.command(help=_(
    "Check the plan file and report every problem at once, sorted by position.\n\n"
    "Example: crmplan validate -f workplan.yaml"))
def validate(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(metavar="[PATH]...", help=_(
        "Plan files to check, e.g. those pre-commit passes. Default: the plan file (--file)."),
    )] = None,
    format: Annotated[ProblemFormat, typer.Option(
        "--format", help=_("text: one line per problem; json: a list of objects; github: "
                           "annotations for GitHub Actions (::error file=...,line=...::...)."),
    )] = ProblemFormat.text,
    file: FileOption = None,
) -> None:
    locations = [planfile.locate(path) for path in paths] if paths else [ctx.obj.location(file)]
    plans = [planfile.load(location) for location in locations]
    if format is ProblemFormat.json:
        typer.echo(json.dumps([p.as_dict() for loaded in plans for p in loaded.problems],
                              ensure_ascii=False, indent=2))
    else:
        for loaded in plans:
            for problem in loaded.problems:
                typer.echo(github.annotation(problem) if format is ProblemFormat.github
                           else str(problem))
            typer.echo(_summary(loaded))
    raise typer.Exit(EXIT_PROBLEMS if any(loaded.has_errors for loaded in plans) else 0)


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
    "--responsible", "-r", metavar="ACTOR", autocompletion=_complete_actor,
    help=_("Activities naming ACTOR (short or full name; responsible, coordination or support), "
           "also through a group it belongs to. Repeat for any of several."),
)]
DirectOption = Annotated[bool, typer.Option(
    "--direct", help=_("With --responsible: only activities naming the actor itself, not one of "
                       "its groups."),
)]
StatusOption = Annotated[list[str] | None, typer.Option(
    "--status", "-s", metavar="STATUS", autocompletion=_complete_status,
    help=_("continuo, programado, pendiente, por definir, completado (or ongoing, scheduled, "
           "pending, tbd, done). Repeatable."),
)]
SectionOption = Annotated[list[str] | None, typer.Option(
    "--section", metavar="ID", autocompletion=_complete_section,
    help=_("Activities of a section, e.g. C. Repeatable."))]
ObjectiveOption = Annotated[list[str] | None, typer.Option(
    "--objective", "-o", metavar="ID", autocompletion=_complete_objective,
    help=_("Activities of an objective, e.g. 9. Repeatable."))]
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


@app.command("list", help=_(
    "List activities, grouped by section and objective; filters combine with AND.\n\n"
    "Example: crmplan list --responsible México --status pendiente --status \"por definir\""))
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
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    filters = _filters(responsible, direct, status, section, objective, search, ref_year,
                       ref_body, action_plan, overdue, due_before, archived, everything)
    _print_selection(plan, query.select(plan, filters, query.as_of(as_of)), format)


@app.command("status", help=_(
    "The state of the plan at a glance: counts by status, section and actor.\n\n"
    "Example: crmplan status --pending --responsible OIM"))
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
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    filters = _filters(responsible, direct, status, section, objective, search, ref_year,
                       ref_body, action_plan, False, due_before, archived, everything)
    report = counts.report(plan, filters, query.as_of(as_of), by_member=by_member,
                           pending=pending, overdue=overdue)
    if format is ReportFormat.json:
        _emit(records.to_json({"counts": records.counts_record(report.counts),
                               "activities": records.selection_records(plan, report.listed)}))
    else:
        status_view.print_status(plan, report)


@app.command(help=_(
    "Everything about one activity or objective, active or historical.\n\n"
    "Example: crmplan show 9.3"))
def show(
    ctx: typer.Context,
    id: Annotated[str, typer.Argument(metavar="ID", autocompletion=_complete_show_id, help=_(
        "An activity (9.3, I.B.1.2) or an objective (9)."))],
    as_of: AsOfOption = None,
    format: Annotated[ReportFormat, typer.Option("--format", help=_("text or json."))
                      ] = ReportFormat.text,
    file: FileOption = None,
) -> None:
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


# -- documents to circulate: export, report, changes --------------------------------------------

OutputOption = Annotated[str | None, typer.Option(
    "--output", "-o", metavar="FILE", help=_("Write to FILE instead of the standard output."))]
# -o is the output file of these commands, so --objective has no short form here.
ObjectiveLongOption = Annotated[list[str] | None, typer.Option(
    "--objective", metavar="ID", autocompletion=_complete_objective,
    help=_("Activities of an objective, e.g. 9. Repeatable."))]


class ExportFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    docx = "docx"
    csv = "csv"
    json = "json"


class SheetFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    html = "html"
    docx = "docx"


class ChangesFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


# The format a file name asks for when --format is not given.
SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
            ".docx": "docx", ".csv": "csv", ".json": "json", ".txt": "table"}
SHEET_SUFFIXES = {SheetFormat.table: ".txt", SheetFormat.markdown: ".md",
                  SheetFormat.html: ".html", SheetFormat.docx: ".docx"}


@app.command("export", help=_(
    "Export the plan as the document circulated before each meeting.\n\n"
    "Markdown, HTML (one printable page), Word, csv or json. The whole document (the active "
    "plan, then the history) in the layout of the 2009 table, or the slice the filters select "
    "(the filters of list). The format follows the -o file's extension unless --format is "
    "given; markdown otherwise.\n\n"
    "Example: crmplan export --format html -o plan.html"))
def export_(
    ctx: typer.Context,
    format: Annotated[ExportFormat | None, typer.Option(
        "--format", help=_("markdown, html (one self-contained page), docx (Word), csv or json "
                           "(one record per activity)."))] = None,
    output: OutputOption = None,
    responsible: ResponsibleOption = None, direct: DirectOption = False,
    status: StatusOption = None, section: SectionOption = None,
    objective: ObjectiveLongOption = None, search: SearchOption = None,
    ref_year: RefYearOption = None, ref_body: RefBodyOption = None,
    action_plan: ActionPlanOption = False,
    overdue: Annotated[bool, typer.Option(
        "--overdue", help=_("'programado' activities whose due date has passed."))] = False,
    due_before: DueBeforeOption = None, as_of: AsOfOption = None,
    active: Annotated[bool, typer.Option(
        "--active", help=_("Only the active plan, without the historical part."))] = False,
    archived: ArchivedOption = False, everything: AllOption = False,
    file: FileOption = None,
) -> None:
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    chosen = ExportFormat(_format_of(format, output, ExportFormat.markdown))
    filters = _filters(responsible, direct, status, section, objective, search, ref_year,
                       ref_body, action_plan, overdue, due_before, archived,
                       everything or active == archived)
    selection = query.select(plan, filters, query.as_of(as_of))
    _deliver(_export_bytes(plan, selection, chosen), output, chosen is ExportFormat.docx)


def _export_bytes(plan: Plan, selection: query.Selection, chosen: ExportFormat) -> bytes:
    if chosen is ExportFormat.csv:
        return export_records.export_csv(plan, selection)
    if chosen is ExportFormat.json:
        return export_records.export_json(plan, selection)
    layout = document.layout(plan, selection)
    if chosen is ExportFormat.html:
        return export_html.export_html(layout, selection.as_of)
    if chosen is ExportFormat.docx:
        return export_docx.export_docx(layout, selection.as_of)
    return export_markdown.export_markdown(layout)


@app.command(help=_(
    "An action sheet: what one actor owes, overdue items first.\n\n"
    "Every active activity naming the actor, directly or through a group it belongs to, with "
    "its references: overdue, then pending, scheduled (by due date) and ongoing. With "
    "--each-member, one sheet per member of a group, written into the folder given with -o "
    "(markdown unless --format says otherwise).\n\n"
    "Example: crmplan report --responsible México --format markdown -o mexico.md"))
def report(
    ctx: typer.Context,
    responsible: Annotated[str, typer.Option(
        "--responsible", "-r", metavar="ACTOR", autocompletion=_complete_actor,
        help=_("The actor (short or full name), or with --each-member a group."))],
    each_member: Annotated[bool, typer.Option(
        "--each-member", help=_("One sheet per member of the group, written into the folder "
                                "-o DIR."))] = False,
    format: Annotated[SheetFormat | None, typer.Option(
        "--format", help=_("table (for the terminal, or text in a file), markdown, html or docx "
                           "(Word)."))] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar="PATH", help=_(
            "Write to the file PATH (with --each-member: into the folder PATH) instead of the "
            "standard output."))] = None,
    as_of: AsOfOption = None,
    file: FileOption = None,
) -> None:
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    day = query.as_of(as_of)
    if not each_member:
        chosen = SheetFormat(_format_of(format, output, SheetFormat.table))
        sheet = sheets.action_sheet(plan, responsible, day)
        if chosen is SheetFormat.table and output is None:
            report_view.print_sheet(plan, sheet)
        else:
            _deliver(_sheet_bytes(plan, sheet, chosen), output, chosen is SheetFormat.docx)
        return
    if output is None:
        _usage(_("--each-member writes one file per member: name the folder with -o, e.g. -o "
                 "sheets/"))
    chosen = format or SheetFormat.markdown
    found = sheets.each_member(plan, responsible, day, SHEET_SUFFIXES[chosen])
    folder = outfile.folder(Path(output))  # after the group is known: a typo creates nothing
    for name, sheet in found:
        outfile.write(folder / name, _sheet_bytes(plan, sheet, chosen))
    typer.echo(ngettext("Wrote {n} action sheet into {folder}: {names}",
                        "Wrote {n} action sheets into {folder}: {names}", len(found)).format(
        n=len(found), folder=output, names=", ".join(name for name, _sheet in found)))


def _sheet_bytes(plan: Plan, sheet: sheets.Sheet, chosen: SheetFormat) -> bytes:
    render = {SheetFormat.table: report_view.sheet_text,
              SheetFormat.markdown: report_view.sheet_markdown,
              SheetFormat.html: report_view.sheet_html, SheetFormat.docx: report_view.sheet_docx}
    return render[chosen](plan, sheet)


@app.command("changes", help=_(
    "What changed between two versions of the plan, section by section.\n\n"
    "Activities added, removed, archived (with their outcomes) and restored; changes of status, "
    "of responsible actors and of due dates; edits of texts, references and notes, word by "
    "word. The older version is OLD_FILE, or with --since the plan file as committed in git; "
    "the newer one is NEW_FILE, else the plan file.\n\n"
    "Example: crmplan changes --since HEAD~1 --format markdown"))
def changes_(
    ctx: typer.Context,
    files: Annotated[list[str] | None, typer.Argument(
        metavar="[OLD_FILE] [NEW_FILE]", help=_(
            "The older plan file (not with --since), then the newer one. Default for the newer "
            "one: the plan file (--file)."))] = None,
    since: Annotated[str | None, typer.Option(
        "--since", metavar="REV", help=_(
            "Compare with the plan file as committed in the git revision REV (a commit, tag or "
            "branch, e.g. HEAD~1 or v2009-11)."))] = None,
    format: Annotated[ChangesFormat, typer.Option(
        "--format", help=_("table, markdown (for a meeting note) or json."))
    ] = ChangesFormat.table,
    file: FileOption = None,
) -> None:
    older, newer = _versions(ctx, files or [], since, file)
    new_plan = revisions.from_file(newer)
    if since is not None:
        old_plan, old_name = revisions.from_git(newer, since)
    else:
        old_plan, old_name = revisions.from_file(older), older.display  # type: ignore[union-attr]
    comparison = plan_changes.compare(old_plan, new_plan)
    if format is ChangesFormat.json:
        _emit(changes_view.changes_json(comparison, old_name, newer.display))
    elif format is ChangesFormat.markdown:
        _emit(changes_view.changes_markdown(comparison, old_name, newer.display))
    else:
        changes_view.print_changes(comparison, old_name, newer.display)


def _versions(ctx: typer.Context, files: list[str], since: str | None, file: str | None
              ) -> tuple[planfile.PlanLocation | None, planfile.PlanLocation]:
    """The older file (None with --since) and the newer one: NEW_FILE, else the plan file."""
    if since is None and not files:
        _usage(_("say which version to compare with: crmplan changes --since HEAD~1, or crmplan "
                 "changes OLD.yaml [NEW.yaml]"))
    if len(files) > (1 if since is not None else 2):
        _usage(_("too many files: give OLD_FILE and NEW_FILE, or --since REV and at most "
                 "NEW_FILE"))
    older = planfile.locate(files[0]) if since is None else None
    given_newer = files[1:] if since is None else files
    return older, planfile.locate(given_newer[0]) if given_newer else ctx.obj.location(file)


def _format_of(given: Enum | None, output: str | None, default: Enum) -> str:
    """--format, else what the -o file's extension asks for, else `default`."""
    if given is not None:
        return given.value
    suffix = Path(output).suffix.lower() if output else ""
    found = SUFFIXES.get(suffix)
    return found if found in type(default).__members__ else default.value


def _deliver(data: bytes, output: str | None, binary: bool) -> None:
    """Write a document to the file -o names, else to the standard output; a Word file is
    never poured into a terminal."""
    if output is not None:
        outfile.write(Path(output), data)
        typer.echo(_("Wrote {path}.").format(path=output))
    elif binary and _stdout_is_terminal():
        _usage(_("a Word file cannot be shown in the terminal: write it to a file with -o, e.g. "
                 "-o plan.docx"))
    else:
        _emit(data)


def _stdout_is_terminal() -> bool:
    return sys.stdout.isatty()


# -- keeping the plan current: archive, restore -------------------------------------------------

DryRunOption = Annotated[bool, typer.Option(
    "--dry-run", help=_("Print the change as a unified diff and write nothing."))]


@app.command(help=_(
    "Move finished activities to the historical part of the plan file.\n\n"
    "Example: crmplan archive 9.3 --outcome \"Enlaces designados en los 11 países\""))
def archive(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, typer.Argument(
        metavar="ID...", autocompletion=_complete_active_id, help=_(
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
    if not ids and not completed:
        _usage(_("name the activities to archive (e.g. crmplan archive 9.3), or use --completed"))
    on = lookup.date(date, "--date") if date else query.today()
    result = store.update(ctx.obj.location(file), lambda plan, text: edit.archive_many(
        plan, text, ids or [], completed=completed, on=on, outcome=outcome), dry_run=dry_run)
    _report_update(result, dry_run, _("Archived {id} in the history ({date}).").format(
        id="{id}", date=on.isoformat()), _("No activity has the status 'completado': nothing to "
                                          "archive."))


@app.command(help=_(
    "Put archived activities back where `crmplan archive` took them from.\n\n"
    "Example: crmplan restore 9.3"))
def restore(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(
        metavar="ID...", autocompletion=_complete_archived_id, help=_(
        "Archived activities to put back, e.g. 9.3."))],
    dry_run: DryRunOption = False,
    file: FileOption = None,
) -> None:
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


# -- fitting the tools around the plan: schema, init --------------------------------------------

@app.command("schema", help=_(
    "Print the JSON Schema of the plan file, for editors to complete and check it.\n\n"
    "VS Code (with the YAML extension) and JetBrains editors read it through the first line "
    "'# yaml-language-server: $schema=workplan.schema.json'. The sections it accepts are "
    "those the plan declares: generate it again after adding one.\n\n"
    "Example: crmplan schema > workplan.schema.json"))
def schema_(ctx: typer.Context, file: FileOption = None) -> None:
    plan = planfile.load_valid(ctx.obj.location(file)).plan
    _emit(schema.to_json(schema.plan_schema(plan)))


@app.command(help=_(
    "Write a new plan file to start from; never overwrites a file.\n\n"
    "The new plan has the document data (dated today), the CRM member states and the "
    "Technical Secretariat as actors, and no objectives yet; it validates without problems.\n\n"
    "Example: crmplan init plans/workplan.yaml"))
def init(
    path: Annotated[str, typer.Argument(metavar="[PATH]", help=_(
        "Where to write it. Default: ./workplan.yaml."))] = "workplan.yaml",
    date: Annotated[str | None, typer.Option(
        "--date", metavar="DATE", help=_("The plan's 'updated' date (2010-03-01). Default: today."))
    ] = None,
) -> None:
    skeleton.create(path, lookup.date(date, "--date") if date else query.today())
    typer.echo(_("Wrote {path}, a new plan to fill in. Check it after each change: crmplan "
                 "validate -f {path}").format(path=path))


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
    # One command, then exit: reference counting frees what a command makes, and the cycle
    # collector would only cost time (40% of reading a 10,000-activity plan, measured).
    gc.disable()
    _build_only_the_named_command(sys.argv[1:])
    app(prog_name="crmplan")


_GLOBAL_OPTIONS_WITH_VALUES = ("-f", "--file", "--lang")


def _build_only_the_named_command(args: list[str]) -> None:
    """Typer builds the options of every command at each start, about 1.5 ms a command;
    when the command line names one, only that one is built (the idea of Click's lazily
    loaded subcommands). `crmplan --help`, completion and a misspelt command see them all."""
    if any(key.endswith("_COMPLETE") for key in os.environ):
        return
    from typer.main import get_command_name

    commands = {info.name or get_command_name(info.callback.__name__): info
                for info in app.registered_commands if info.callback is not None}
    words = iter(args)
    for word in words:
        if word in _GLOBAL_OPTIONS_WITH_VALUES:
            next(words, None)
        elif not word.startswith("-"):
            if word in commands:
                app.registered_commands = [commands[word]]
            return


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
