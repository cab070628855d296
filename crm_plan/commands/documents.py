"""Documents to circulate: `export`, `report` (action sheets) and `changes`.

No `from __future__ import annotations`: `filter_options` hands Typer the signature of `export`
as it is, so annotations are objects, and names imported for type checking only are quoted."""

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from crm_plan.commands.options import (
    AsOfOption,
    OutputOption,
    State,
    complete_actor,
    deliver,
    emit,
    filter_options,
    format_of,
    say,
    stdout_is_terminal,
    usage,
    valid_plan,
)
from crm_plan.messages import _, ngettext

if TYPE_CHECKING:
    import datetime as dt

    from crm_plan.changes import Comparison
    from crm_plan.model import Plan
    from crm_plan.planfile import PlanLocation
    from crm_plan.query import Filters, Selection
    from crm_plan.sheet import Sheet


class ExportFormat(str, Enum):
    markdown = "markdown"
    html = "html"
    docx = "docx"
    csv = "csv"
    json = "json"


@filter_options()
def export(
    ctx: typer.Context,
    *,
    format: Annotated[ExportFormat | None, typer.Option(
        "--format", help=_("markdown, html (one self-contained page), docx (Word), csv or json "
                           "(one record per activity)."))] = None,
    output: OutputOption = None,
    filters: "Filters",
    as_of: AsOfOption = None,
    active: Annotated[bool, typer.Option(
        "--active", help=_("Only the active plan, without the historical part."))] = False,
) -> None:
    from crm_plan import query

    loaded = valid_plan(ctx)
    plan = loaded.plan
    chosen = format_of(format, output, ExportFormat.markdown)
    # The whole document unless one part is asked for (--active or --archived, not both).
    if filters.scope is not query.Scope.ALL and active == (filters.scope is query.Scope.ARCHIVED):
        filters = filters._replace(scope=query.Scope.ALL)
    selection = query.select(plan, filters, query.as_of(as_of))
    deliver(_EXPORTERS[chosen](plan, selection), output, binary=chosen is ExportFormat.docx,
            plan=loaded.location.path)


def _export_csv(plan: "Plan", selection: "Selection") -> bytes:
    from crm_plan.render.documents import records

    return records.export_csv(plan, selection)


def _export_json(plan: "Plan", selection: "Selection") -> bytes:
    from crm_plan.render.documents import records

    return records.export_json(plan, selection)


def _export_markdown(plan: "Plan", selection: "Selection") -> bytes:
    from crm_plan import export
    from crm_plan.render.documents import markdown

    return markdown.export_markdown(export.layout(plan, selection))


def _export_html(plan: "Plan", selection: "Selection") -> bytes:
    from crm_plan import export
    from crm_plan.render.documents import html

    return html.export_html(export.layout(plan, selection), selection.as_of)


def _export_docx(plan: "Plan", selection: "Selection") -> bytes:
    from crm_plan import export
    from crm_plan.render.documents import docx

    return docx.export_docx(export.layout(plan, selection), selection.as_of)


_EXPORTERS: dict[ExportFormat, Callable[["Plan", "Selection"], bytes]] = {
    ExportFormat.markdown: _export_markdown, ExportFormat.html: _export_html,
    ExportFormat.docx: _export_docx, ExportFormat.csv: _export_csv,
    ExportFormat.json: _export_json}


class SheetFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    html = "html"
    docx = "docx"
    xlsx = "xlsx"


def report(
    ctx: typer.Context,
    responsible: Annotated[str, typer.Option(
        "--responsible", "-r", metavar="ACTOR", autocompletion=complete_actor,
        help=_("The actor (short or full name), or with --each-member a group."))],
    each_member: Annotated[bool, typer.Option(
        "--each-member", help=_("One sheet per member of the group, written into the folder "
                                "-o DIR."))] = False,
    format: Annotated[SheetFormat | None, typer.Option(
        "--format", help=_("table (for the terminal, or text in a file), markdown, html, docx "
                           "(Word) or xlsx (a workbook to answer, for crmplan apply)."))] = None,
    output: Annotated[str | None, typer.Option(
        "--output", "-o", metavar=_("PATH"), help=_(
            "Write to the file PATH, or into the folder PATH under the actor's name (always a "
            "folder with --each-member), instead of the standard output."))] = None,
    as_of: AsOfOption = None,
) -> None:
    from crm_plan import query, sheet

    loaded = valid_plan(ctx)
    plan, path = loaded.plan, loaded.location.path
    day = query.as_of(as_of)
    if each_member:
        _each_member(plan, responsible, day, format, output, loaded.location)
        return
    chosen = format_of(format, output, SheetFormat.table)
    found = sheet.action_sheet(plan, responsible, day)
    if output is not None and (Path(output).is_dir() or output.endswith(("/", "\\"))):
        from crm_plan import outfile  # -o sheets/: sheets/guatemala.xlsx

        output = str(outfile.folder(Path(output)) / sheet.file_name(found.actor,
                                                                    _SHEET_SUFFIXES[chosen]))
    if chosen is SheetFormat.table and output is None:
        from crm_plan.render.terminal import sheet as view

        view.print_sheet(plan, found)
    elif chosen is SheetFormat.xlsx and output is None and stdout_is_terminal():
        usage(_("a workbook cannot be shown in the terminal: write it to a file with -o, e.g. "
                "-o {name}").format(name=sheet.file_name(found.actor, ".xlsx")))
    else:
        deliver(_SHEETS[chosen](plan, found, Path(loaded.location.display).name), output,
                binary=chosen in (SheetFormat.docx, SheetFormat.xlsx), plan=path)


def _each_member(plan: "Plan", group: str, day: "dt.date", format: SheetFormat | None,
                 output: str | None, location: "PlanLocation") -> None:
    """One sheet per member of `group`, written into the folder `output`."""
    if output is None:
        usage(_("--each-member writes one file per member: name the folder with -o, e.g. -o "
                "sheets/"))
    from crm_plan import outfile, sheet

    chosen = format or SheetFormat.markdown
    found = sheet.each_member(plan, group, day, _SHEET_SUFFIXES[chosen])
    folder = outfile.folder(Path(output))  # after the group is known: a typo creates nothing
    for name, one in found:
        outfile.write(folder / name, _SHEETS[chosen](plan, one, Path(location.display).name),
                      plan=location.path)
    say(ngettext("Wrote {n} action sheet into {folder}: {names}",
                        "Wrote {n} action sheets into {folder}: {names}", len(found)).format(
        n=len(found), folder=output, names=", ".join(name for name, _sheet in found)))


# Each writer gets the plan, the sheet, and the name of the plan file (which a workbook records).
def _sheet_text(plan: "Plan", found: "Sheet", _source: str) -> bytes:
    from crm_plan.render.terminal import sheet as view

    return view.sheet_text(plan, found)


def _sheet_markdown(plan: "Plan", found: "Sheet", _source: str) -> bytes:
    from crm_plan.render.documents import markdown

    return markdown.sheet_markdown(plan, found)


def _sheet_html(plan: "Plan", found: "Sheet", _source: str) -> bytes:
    from crm_plan.render.documents import html

    return html.sheet_html(plan, found)


def _sheet_docx(plan: "Plan", found: "Sheet", _source: str) -> bytes:
    from crm_plan.render.documents import docx

    return docx.sheet_docx(plan, found)


def _sheet_xlsx(plan: "Plan", found: "Sheet", source: str) -> bytes:
    from crm_plan.render.documents import xlsx

    return xlsx.sheet_xlsx(plan, found, source)


_SHEETS: dict[SheetFormat, Callable[["Plan", "Sheet", str], bytes]] = {
    SheetFormat.table: _sheet_text, SheetFormat.markdown: _sheet_markdown,
    SheetFormat.html: _sheet_html, SheetFormat.docx: _sheet_docx, SheetFormat.xlsx: _sheet_xlsx}
_SHEET_SUFFIXES = {SheetFormat.table: ".txt", SheetFormat.markdown: ".md",
                   SheetFormat.html: ".html", SheetFormat.docx: ".docx",
                   SheetFormat.xlsx: ".xlsx"}


class ChangesFormat(str, Enum):
    table = "table"
    markdown = "markdown"
    json = "json"


def changes(
    ctx: typer.Context,
    files: Annotated[list[str] | None, typer.Argument(
        metavar=_("[OLD_FILE] [NEW_FILE]"), help=_(
            "The older plan file (not with --since), then the newer one. Default for the newer "
            "one: the plan file (--file)."))] = None,
    since: Annotated[str | None, typer.Option(
        "--since", metavar=_("REV"), help=_(
            "Compare with the plan file as committed in the git revision REV (a commit, tag or "
            "branch, e.g. HEAD~1 or v2009-11)."))] = None,
    format: Annotated[ChangesFormat, typer.Option(
        "--format", help=_("table, markdown (for a meeting note) or json."))
    ] = ChangesFormat.table,
) -> None:
    from crm_plan import changes as plan_changes
    from crm_plan import revisions

    older, newer = _versions(ctx, files or [], since)
    new_plan = revisions.from_file(newer)
    if older is None:
        old_plan, old_name = revisions.from_git(newer, since or "")
    else:
        old_plan, old_name = revisions.from_file(older), older.display
    _CHANGES[format](plan_changes.compare(old_plan, new_plan), old_name, newer.display)


def _versions(ctx: typer.Context, files: list[str], since: str | None
              ) -> tuple["PlanLocation | None", "PlanLocation"]:
    """The older file (None with --since) and the newer one: NEW_FILE, else the plan file."""
    from crm_plan import planfile

    if since is None and not files:
        usage(_("say which version to compare with: crmplan changes --since HEAD~1, or crmplan "
                "changes OLD.yaml [NEW.yaml]"))
    if len(files) > (1 if since is not None else 2):
        usage(_("too many files: give OLD_FILE and NEW_FILE, or --since REV and at most "
                "NEW_FILE"))
    older = planfile.locate(files[0]) if since is None else None
    given_newer = files[1:] if since is None else files
    if given_newer:
        return older, planfile.locate(given_newer[0])
    state: State = ctx.obj
    return older, state.location_in_git() if since is not None else state.location()


def _changes_table(comparison: "Comparison", old: str, new: str) -> None:
    from crm_plan.render.terminal import changes as view
    from crm_plan.render.terminal import partchanges

    view.print_changes(comparison, old, new)
    partchanges.print_part_changes(comparison)


def _changes_markdown(comparison: "Comparison", old: str, new: str) -> None:
    from crm_plan.render.documents import markdown

    emit(markdown.changes_markdown(comparison, old, new))


def _changes_json(comparison: "Comparison", old: str, new: str) -> None:
    from crm_plan.render.documents import records

    emit(records.changes_json(comparison, old, new))


_CHANGES: dict[ChangesFormat, Callable[["Comparison", str, str], None]] = {
    ChangesFormat.table: _changes_table, ChangesFormat.markdown: _changes_markdown,
    ChangesFormat.json: _changes_json}

EXPORT_HELP = _(
    "Export the plan as the document circulated before each meeting.\n\n"
    "Markdown, HTML (one printable page), Word, csv or json. The whole document (the active "
    "plan, then the history) in the layout of the 2009 table, or the slice the filters select "
    "(the filters of list). The format follows the -o file's extension unless --format is "
    "given; markdown otherwise.\n\n"
    "Example: crmplan export --format html -o plan.html")
REPORT_HELP = _(
    "An action sheet: what one actor owes, overdue items first.\n\n"
    "Every active activity naming the actor, directly or through a group it belongs to, with "
    "its references: overdue, then pending, scheduled (by due date) and ongoing. With "
    "--each-member, one sheet per member of a group, written into the folder given with -o "
    "(markdown unless --format says otherwise). With --format xlsx, a workbook for the actor to "
    "answer (new status, new due date, progress note, outcome), which crmplan apply reads "
    "back.\n\n"
    "Example: crmplan report --responsible México --format markdown -o mexico.md")
CHANGES_HELP = _(
    "What changed between two versions of the plan, section by section.\n\n"
    "Activities added, removed, archived (with their outcomes) and restored; changes of status, "
    "of responsible actors and of due dates; edits of texts, references and notes, word by "
    "word. Then the objectives, sections, areas, actors, meetings and document data added, "
    "removed or edited. The older version is OLD_FILE, or with --since the plan file as "
    "committed in git; the newer one is NEW_FILE, else the plan file.\n\n"
    "Example: crmplan changes --since HEAD~1 --format markdown")

# The commands of this module, for cli.py: name -> (function, help).
COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "export": (export, EXPORT_HELP),
    "report": (report, REPORT_HELP),
    "changes": (changes, CHANGES_HELP),
}
