"""Keeping the plan current: `archive` and `restore`."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer

from crm_plan.commands.options import (
    DryRunOption,
    State,
    complete_active_id,
    complete_archived_id,
    say,
    usage,
)
from crm_plan.messages import _, day

if TYPE_CHECKING:
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
) -> None:
    from crm_plan import edit, lookup, query, store

    if not ids and not completed:
        usage(_("name the activities to archive (e.g. crmplan archive 9.3), or use --completed"))
    on = lookup.date(date, "--date") if date else query.today()
    state: State = ctx.obj
    result = store.update(state.location(), lambda plan, source: edit.archive_many(
        plan, source, ids or [], completed=completed, on=on, outcome=outcome), dry_run=dry_run)
    _report(result, dry_run, _("Archived {id} in the history ({date}).").format(
        id="{id}", date=day(on)), _("No activity has the status 'completado': nothing to "
                                          "archive."))


def restore(
    ctx: typer.Context,
    ids: Annotated[list[str], typer.Argument(
        metavar="ID...", autocompletion=complete_archived_id, help=_(
        "Archived activities to put back, e.g. 9.3."))],
    dry_run: DryRunOption = False,
) -> None:
    from crm_plan import edit, store

    state: State = ctx.obj
    result = store.update(state.location(), lambda plan, source: edit.restore_many(
        plan, source, ids), dry_run=dry_run)
    _report(result, dry_run, _("Restored {id} to the active plan."), "")


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


def _visible_diff(diff: str) -> str:
    """The diff with what a line holds shown visibly, and its line ending (LF or CRLF) kept."""
    from crm_plan.text import visible

    lines = []
    for line in diff.splitlines(keepends=True):
        body = line.rstrip("\r\n")
        lines.append(visible(body) + line[len(body):])
    return "".join(lines)
