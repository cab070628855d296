"""Sharing the plan through git: `merge` (git's merge driver), `git-setup` and `log`."""

from __future__ import annotations

from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from crm_plan.commands.options import State, complete_show_id, emit
from crm_plan.messages import _

if TYPE_CHECKING:
    from crm_plan import merge as plan_merge
    from crm_plan.gitsetup import Setup


def merge(
    base: Annotated[str, typer.Argument(metavar="BASE", help=_(
        "The version both sides started from (git's %O)."))],
    ours: Annotated[str, typer.Argument(metavar="OURS", help=_(
        "Our version (git's %A); the merged plan is written over it."))],
    theirs: Annotated[str, typer.Argument(metavar="THEIRS", help=_(
        "Their version (git's %B)."))],
    path: Annotated[str | None, typer.Argument(metavar=_("[PATH]"), help=_(
        "The plan file's name in the repository (git's %P), for messages."))] = None,
    labels: Annotated[tuple[str, str, str] | None, typer.Option(
        "--labels", metavar="OURS BASE THEIRS", help=_(
            "What the conflict markers call each version (git's %X %S %Y: the branches' "
            "names). Default: ours, base, theirs."))] = None,
) -> None:
    from crm_plan import merge as plan_merge
    from crm_plan import outfile
    from crm_plan.filebytes import read_bytes

    display = path or ours
    result = plan_merge.merge_files(read_bytes(Path(base), base), read_bytes(Path(ours), ours),
                                    read_bytes(Path(theirs), theirs), display,
                                    plan_merge.labels(labels, Path.cwd()))
    outfile.write(Path(ours), result.data)  # what git reads back, a conflict or not
    for note in (result.note, result.reason if result.conflicts else None):
        if note:
            typer.echo(_("crmplan: {message}").format(message=_("{path}: {message}").format(
                path=display, message=note)), err=True)
    if not result.clean:
        raise plan_merge.MergeConflict(_merge_error(result, display))


def _merge_error(result: plan_merge.Result, display: str) -> str:
    if not result.conflicts:
        return _("{path}: {message}").format(path=display, message=result.reason)
    lines = ", ".join(f"{first}–{last}" for first, last in result.conflicts)
    if result.moved:
        return _("{path}: conflicts at lines {lines}: an activity was archived or removed on one "
                 "side and changed on the other; keep the same side in each conflict, delete "
                 "the markers, then run crmplan validate").format(path=display, lines=lines)
    return _("{path}: conflicts at lines {lines}: keep one side of each, delete the markers, then "
             "run crmplan validate").format(path=display, lines=lines)


def git_setup(
    ctx: typer.Context,
    check: Annotated[bool, typer.Option(
        "--check", help=_("Only say whether git is set up; exit 1 if it is not."))] = False,
) -> None:
    from crm_plan import gitsetup
    from crm_plan.errors import EXIT_OK, EXIT_PROBLEMS

    state: State = ctx.obj
    location = state.location_in_git()
    if check:
        found = gitsetup.state(location.path)
        say_state(found)
    else:
        found = set_git_up(location.path, location.display)
    raise typer.Exit(EXIT_OK if found.complete and (found.on_path or not check)
                     else EXIT_PROBLEMS)


def set_git_up(plan: Path, display: str) -> Setup:
    """`git-setup` (and `init --git`): what is missing written, each thing said, and the state."""
    from crm_plan import gitsetup

    written, found = gitsetup.setup(plan)
    for what in written:
        typer.echo(_("Wrote {what}.").format(what=_written(what, found)))
    if not written:
        typer.echo(_("git was already set up to merge {path} with crmplan; nothing "
                     "written.").format(path=display))
    say_state(found)
    return found


def say_state(found: Setup) -> None:
    for line in _state_lines(found):
        typer.echo(line)
    if not found.on_path:
        typer.echo(_("git runs 'crmplan merge': install crmplan where git finds it (on the PATH) "
                     "in every clone that merges the plan."), err=True)


def _written(what: str, found: Setup) -> str:
    if what == "config":
        return _("the merge driver in the repository's configuration (.git/config)")
    if what == ".gitignore":
        return _("'{line}' in {file}").format(line=found.lock_pattern, file=found.ignore_file)
    return _("'{line}' in {file}").format(line=f"{found.pattern} merge=crmplan",
                                        file=found.attributes_file)


def _state_lines(found: Setup) -> list[str]:
    from crm_plan import gitsetup

    yes, no = _("yes"), _("no")
    return [
        _("merge driver (git config merge.crmplan.driver): {answer}").format(
            answer=yes if found.driver == gitsetup.DRIVER else no),
        _("plan file merged with it (.gitattributes, merge=crmplan): {answer}").format(
            answer=yes if found.attribute == "crmplan" else no),
        _("crmplan's lock file left out of git (.gitignore): {answer}").format(
            answer=yes if found.lock_ignored else no),
        _("crmplan on the PATH, for git to run: {answer}").format(
            answer=yes if found.on_path else no),
    ]


class LogFormat(str, Enum):
    text = "text"
    json = "json"


def log(
    ctx: typer.Context,
    activity_id: Annotated[str, typer.Argument(
        metavar="ID", autocompletion=complete_show_id, help=_("The activity, e.g. 9.3."))],
    format: Annotated[LogFormat, typer.Option(
        "--format", help=_("text, or json (one record per change)."))] = LogFormat.text,
) -> None:
    from crm_plan import gitlog

    state: State = ctx.obj
    location = state.location_in_git()
    found = gitlog.history(location.path, activity_id.strip())
    if format is LogFormat.json:
        from crm_plan.render.documents import records

        emit(records.log_json(found))
    else:
        from crm_plan.render.terminal import log as view

        view.print_log(found)


MERGE_HELP = _(
    "Merge two versions of the plan by its structure: git's merge driver.\n\n"
    "Activities, objectives, actors, sections and document fields are matched by id or key, so "
    "independent changes (two archives in one objective, edits of different fields) merge "
    "cleanly, each as its side wrote it. A true conflict leaves git's markers around the "
    "field, and exit code 1. The merged plan must validate; when it would not, or a version is "
    "not a plan crmplan can read, the file holds git's line merge instead. Set it up once with "
    "crmplan git-setup.\n\n"
    "Example: crmplan merge %O %A %B %P (what git runs)")
GIT_SETUP_HELP = _(
    "Set git up to merge the plan file with crmplan merge.\n\n"
    "Writes the merge driver to the repository's configuration (.git/config; once per clone) "
    "and 'workplan.yaml merge=crmplan' to .gitattributes, and names the lock file crmplan "
    "keeps beside the plan (.workplan.yaml.lock) in .gitignore (commit both, to share them). "
    "Writing twice changes nothing. With --check, only says whether all are in place (exit 1 "
    "if not).\n\n"
    "Example: crmplan git-setup --check")
LOG_HELP = _(
    "The history of one activity in git: who changed what, and when.\n\n"
    "Follows the activity by its id through every commit of the plan file: when it was added, "
    "each field that changed, when it was archived (into the history part) or restored.\n\n"
    "Example: crmplan log 9.3 --format json")

# The commands of this module, for cli.py: name -> (function, help).
COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "merge": (merge, MERGE_HELP),
    "git-setup": (git_setup, GIT_SETUP_HELP),
    "log": (log, LOG_HELP),
}
