"""Keeping the plan current: `archive`, `restore`, `set`, `add`, `edit` and `apply`. Every one
goes through `store.update` (lock, re-read, validation of the result, one-step save), and sets
the plan's date (`document.updated`) to today unless --keep-updated."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer

from crm_plan.commands.options import (
    DryRunOption,
    KeepUpdatedOption,
    State,
    complete_active_id,
    complete_actor,
    complete_archived_id,
    complete_objective,
    complete_show_id,
    say,
    usage,
    valid_plan,
)
from crm_plan.messages import _, day, ngettext

if TYPE_CHECKING:
    from crm_plan.answers import Problem
    from crm_plan.fieldedit import PlanChange
    from crm_plan.model import Plan
    from crm_plan.source import Source
    from crm_plan.store import Update


def archive(
    ctx: typer.Context,
    ids: Annotated[list[str] | None, typer.Argument(
        metavar="ID...", autocompletion=complete_active_id, help=_(
        "The activities to move to the history, e.g. 9.3."))] = None,
    completed: Annotated[bool, typer.Option(
        "--completed", help=_("Also every activity whose status is 'completado'."))] = False,
    outcome: Annotated[str | None, typer.Option(
        "--outcome", metavar=_("TEXT"), help=_("What was achieved, recorded as an outcome."))
    ] = None,
    date: Annotated[str | None, typer.Option(
        "--date", metavar=_("DATE"), help=_("The archive date (2010-03-01). Default: today."))
    ] = None,
    dry_run: DryRunOption = False,
    keep_updated: KeepUpdatedOption = False,
) -> None:
    from crm_plan import edit, lookup, query

    if not ids and not completed:
        usage(_("name the activities to archive (e.g. crmplan archive 9.3), or use --completed"))
    on = lookup.date(date, "--date") if date else query.today()
    result = _save(ctx, lambda plan, source: edit.archive_many(
        plan, source, ids or [], completed=completed, on=on, outcome=outcome), dry_run=dry_run,
        keep_updated=keep_updated)
    _report(result, dry_run, _("Archived {id} in the history ({date}).").format(
        id="{id}", date=day(on)), _("No activity has the status 'completado': nothing to "
                                          "archive."))


def restore(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(
        metavar="ID...", autocompletion=complete_archived_id, help=_(
        "Archived activities to put back, e.g. 9.3."))],
    dry_run: DryRunOption = False,
    keep_updated: KeepUpdatedOption = False,
) -> None:
    from crm_plan import edit

    result = _save(ctx, lambda plan, source: edit.restore_many(plan, source, ids),
                   dry_run=dry_run, keep_updated=keep_updated)
    _report(result, dry_run, _("Restored {id} to the active plan."), "")


def set_(
    ctx: typer.Context,
    item: Annotated[str, typer.Argument(
        metavar="ID", autocompletion=complete_show_id, help=_(
            "The activity (9.3) or objective (9) to change."))],
    assignments: Annotated[list[str] | None, typer.Argument(
        metavar=_("FIELD=VALUE..."), show_default=False, help=_(
            "What to change, e.g. status=programado due=2010-06 responsible=+OIM."))] = None,
    dry_run: DryRunOption = False,
    keep_updated: KeepUpdatedOption = False,
) -> None:
    from crm_plan import assign

    result = _save(ctx, lambda plan, source: assign.set_fields(
        plan, source, item, assignments or []), dry_run=dry_run, keep_updated=keep_updated)
    _report(result, dry_run, _("Updated {id}."), _(
        "Nothing to change: {id} already has these values.").format(id=item.strip()))


def add(
    ctx: typer.Context,
    objective: Annotated[str, typer.Argument(
        metavar=_("OBJECTIVE"), autocompletion=complete_objective, help=_(
            "The objective of the active plan that gets the activity, e.g. 9."))],
    text: Annotated[str, typer.Option("--text", metavar=_("TEXT"), help=_("What is to be done."))],
    responsible: Annotated[list[str] | None, typer.Option(
        "--responsible", "-r", metavar="ACTOR", autocompletion=complete_actor, help=_(
            "Who is responsible (short or full name). Repeatable."))] = None,
    status: Annotated[str | None, typer.Option(
        "--status", "-s", metavar=_("STATUS"), help=_(
            "continuo, programado, pendiente, por definir or completado. Default: por "
            "definir."))] = None,
    due: Annotated[str | None, typer.Option(
        "--due", metavar=_("DATE"), help=_(
            "The due date: 2010, 2010-06 or 2010-06-15 (needed with programado)."))] = None,
    coordination: Annotated[list[str] | None, typer.Option(
        "--coordination", metavar="ACTOR", autocompletion=complete_actor, help=_(
            "Who coordinates it. Repeatable."))] = None,
    support: Annotated[list[str] | None, typer.Option(
        "--support", metavar="ACTOR", autocompletion=complete_actor, help=_(
            "Who supports it. Repeatable."))] = None,
    ref: Annotated[list[str] | None, typer.Option(
        "--ref", metavar=_("TEXT"), help=_(
            "The document it comes from, e.g. \"p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008\". "
            "Repeatable."))] = None,
    note: Annotated[str | None, typer.Option(
        "--note", metavar=_("TEXT"), help=_("A note."))] = None,
    dry_run: DryRunOption = False,
    keep_updated: KeepUpdatedOption = False,
) -> None:
    from crm_plan import newactivity

    new = newactivity.NewActivity(text, tuple(responsible or ()), status, due,
                                  tuple(coordination or ()), tuple(support or ()),
                                  tuple(ref or ()), note)
    result = _save(ctx, lambda plan, source: newactivity.add_activity(
        plan, source, objective, new), dry_run=dry_run, keep_updated=keep_updated)
    _report(result, dry_run, _("Added {id} to objective {objective}.").format(
        id="{id}", objective=objective.strip()), "")


def edit(
    ctx: typer.Context,
    activity: Annotated[str, typer.Argument(
        metavar="ID", autocompletion=complete_active_id, help=_(
            "The activity to edit, e.g. 9.3."))],
    dry_run: DryRunOption = False,
    keep_updated: KeepUpdatedOption = False,
) -> None:
    from crm_plan import editor, editsession, lookup
    from crm_plan.errors import CrmPlanError
    from crm_plan.model import Objective

    loaded = valid_plan(ctx)
    if loaded.location.bundled:  # said before the editor opens, not after
        raise CrmPlanError(_("the plan bundled with crmplan is read-only; copy it to "
                             "./workplan.yaml or name your plan file with --file"))
    item = lookup.item(loaded.plan, activity)
    if isinstance(item, Objective):
        usage(_("crmplan edit opens one activity, and {id} is an objective; change its title "
                "or note with crmplan set {id} title=...").format(id=item.id))
    buffer = editor.Buffer(item.id)
    try:
        session = editsession.edit(loaded.text, loaded.location.display, item.id, buffer.edit)
        if session.ending is editsession.Ending.UNCHANGED:
            say(_("{id} was not changed; nothing was written.").format(id=item.id))
            return
        if session.ending is editsession.Ending.ABANDONED:
            raise CrmPlanError(_("gave up editing {id}; nothing was written").format(id=item.id))
        try:
            result = _save(ctx, lambda plan, source: (
                editsession.put_back(source, item.id, session), [item.id]), dry_run=dry_run,
                keep_updated=keep_updated)
        except CrmPlanError:
            say(_("Your lines are kept in {path}.").format(path=buffer.keep(session.after)),
                err=True)
            raise
    finally:
        buffer.close()
    _report(result, dry_run, _("Updated {id}."), "")


def apply(
    ctx: typer.Context,
    workbooks: Annotated[list[str], typer.Argument(
        metavar=_("FILE.xlsx..."), help=_(
            "Workbooks made by crmplan report --format xlsx, with the answers filled in."))],
    yes: Annotated[bool, typer.Option(
        "--yes", help=_("Write the changes into the plan; without it they are only shown."))
    ] = False,
    all_or_nothing: Annotated[bool, typer.Option(
        "--all-or-nothing", help=_(
            "Apply nothing when any answer cannot be applied (by default the others are)."))
    ] = False,
    keep_updated: KeepUpdatedOption = False,
) -> None:
    from pathlib import Path

    from crm_plan import answers, query
    from crm_plan.errors import CrmPlanError

    for name in workbooks:
        if not Path(name).is_file():
            usage(_("{path}: no such workbook").format(path=name))
    books = [answers.read(Path(name), name) for name in workbooks]
    lines: list[str] = []
    problems: list[answers.Problem] = []

    def change(plan: "Plan", source: "Source") -> tuple[str, list[str]]:
        planned, problems[:] = answers.plan_answers(plan, books)
        by_id = {a.id: a for a in plan.activities()}
        lines[:] = [answers.summary(p, by_id[p.id]) for p in planned]
        if problems and all_or_nothing:
            return source.text, []
        return answers.apply(plan, source, planned, query.today())

    result = _save(ctx, change, dry_run=not yes, keep_updated=keep_updated)
    _report_answers(result, lines, problems, yes=yes, all_or_nothing=all_or_nothing)
    if problems:
        raise CrmPlanError(ngettext(
            "{n} answer could not be applied (listed above)",
            "{n} answers could not be applied (listed above)", len(problems)).format(
            n=len(problems)) + (_("; with --all-or-nothing, nothing was applied")
                                if all_or_nothing else ""))


def _report_answers(result: "Update", lines: list[str], problems: list["Problem"], *,
                    yes: bool, all_or_nothing: bool) -> None:
    if not lines and not problems:
        say(_("No answers to apply: the workbooks have none filled in."))
    if all_or_nothing and problems:
        lines = []
    for line in lines:
        say(line)
    if result.changed and not yes:
        typer.echo(_visible_diff(result.diff()), nl=False)
        say(_("Nothing was written: run the command again with --yes to apply these changes to "
              "{path}.").format(path=result.display))
    elif result.changed:
        say(_("Wrote the answers into {path}.").format(path=result.display))
    for problem in problems:
        say(str(problem), err=True)


def _save(ctx: typer.Context, change: "PlanChange", *, dry_run: bool, keep_updated: bool
          ) -> "Update":
    """Make the change under the lock, dated today unless --keep-updated."""
    from crm_plan import fieldedit, query, store

    state: State = ctx.obj
    if not keep_updated:
        change = fieldedit.dated(change, query.today())
    return store.update(state.location(), change, dry_run=dry_run)


def _report(result: Update, dry_run: bool, done: str, nothing: str) -> None:
    if not result.changed:
        say(nothing)
    elif dry_run:
        typer.echo(_visible_diff(result.diff()), nl=False)
        say(_("Dry run: {path} was not changed.").format(path=result.display))
    else:
        for activity_id in result.changed:
            say(done.format(id=activity_id))


ARCHIVE_HELP = _("Move finished activities to the historical part of the plan file.\n\n"
                 "Example: crmplan archive 9.3 --outcome \"Enlaces designados en los 11 países\"")
RESTORE_HELP = _("Put archived activities back where `crmplan archive` took them from.\n\n"
                 "Example: crmplan restore 9.3")
SET_HELP = _(
    "Change an activity's or an objective's fields, and nothing else in the file.\n\n"
    "An activity's status, due, due_at (a meeting of the calendar), due_each (bodies: "
    "due_each=GRCM,CRM), days_before, responsible, coordination, support, text, ref, note, "
    "status_note and responsible_note; an objective's title and note. Statuses, meetings and "
    "actors are checked as validate checks them. An actor field takes the whole list "
    "(responsible=México,OIM) or the actors to add and remove (responsible=+OIM,-ST); "
    "ref=+TEXT adds a reference and ref=-TEXT removes one. An empty value (note=) removes an "
    "optional field.\n\n"
    "Example: crmplan set 9.3 status=programado due=2010-06 responsible=+OIM")
ADD_HELP = _(
    "Add an activity at the end of an objective of the active plan.\n\n"
    "It gets the objective's next free id (never one an archived activity had), and is written "
    "as its neighbours are: indentation, quotes, lists in brackets or one per line, line "
    "endings.\n\n"
    "Example: crmplan add 9 --text \"Elaborar un directorio regional\" --responsible México "
    "--status programado --due 2010-06")
EDIT_HELP = _(
    "Edit one activity's lines in your text editor, then check the whole plan.\n\n"
    "The editor is $VISUAL, else $EDITOR, else Notepad on Windows and vi elsewhere. When the "
    "plan does not validate with your lines, the editor opens again with the problems at the "
    "top; empty the text, or close without saving, to give up: nothing is written.\n\n"
    "Example: crmplan edit 9.3")
APPLY_HELP = _(
    "Take the countries' answers from their workbooks into the plan.\n\n"
    "The workbooks are those crmplan report --format xlsx made, with a new status, a new due "
    "date, a progress note (written as the activity's status_note) or an outcome filled in. "
    "Shows, activity by activity, what would change, and the diff; --yes writes it. A completed "
    "activity with an outcome is archived with it. An answer that cannot be applied (an unknown "
    "status, a date like 2010-13, an activity gone or changed since the workbook was made) is "
    "reported with its workbook, sheet and cell, and its row is applied nowhere; the others "
    "still are, unless --all-or-nothing.\n\n"
    "Example: crmplan apply respuestas/*.xlsx --yes")


def _visible_diff(diff: str) -> str:
    """The diff with what a line holds shown visibly, and its line ending (LF or CRLF) kept."""
    from crm_plan.text import visible

    lines = []
    for line in diff.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append(visible(body) + line[len(body):])
    return "".join(lines)

# The commands of this module, for cli.py: name -> (function, help).
COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "archive": (archive, ARCHIVE_HELP),
    "restore": (restore, RESTORE_HELP),
    "set": (set_, SET_HELP),
    "add": (add, ADD_HELP),
    "edit": (edit, EDIT_HELP),
    "apply": (apply, APPLY_HELP),
}
