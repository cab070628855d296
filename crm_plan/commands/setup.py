"""Fitting the tools around the plan: `schema` and `init`."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Annotated

import typer

from crm_plan.commands.options import emit, say, valid_plan
from crm_plan.messages import _


def schema(ctx: typer.Context) -> None:
    from crm_plan import schema as plan_schema

    emit(plan_schema.to_json(plan_schema.plan_schema(valid_plan(ctx).plan)))


def init(
    path: Annotated[str, typer.Argument(metavar=_("[PATH]"), help=_(
        "Where to write it. Default: ./workplan.yaml."))] = "workplan.yaml",
    date: Annotated[str | None, typer.Option(
        "--date", metavar=_("DATE"),
        help=_("The plan's 'updated' date (2010-03-01). Default: today."))
    ] = None,
    git: Annotated[bool, typer.Option(
        "--git", help=_("Also set git up to merge it with crmplan, as crmplan git-setup does "
                        "(the plan must be in a git repository)."))] = False,
) -> None:
    from crm_plan import lookup, query, skeleton

    if git:
        from crm_plan import gitsetup

        gitsetup.in_repository(Path(path))  # said before anything is written
    skeleton.create(path, lookup.date(date, "--date") if date else query.today())
    say(_("Wrote {path}, a new plan to fill in. Check it after each change: crmplan "
                 "validate -f {path}").format(
        path=f'"{path}"' if " " in path else path))  # as it would be typed
    if git:
        from crm_plan.commands.sharing import set_git_up
        from crm_plan.errors import EXIT_PROBLEMS

        if not set_git_up(Path(path), path).complete:
            raise typer.Exit(EXIT_PROBLEMS)  # said line by line above


SCHEMA_HELP = _(
    "Print the JSON Schema of the plan file, for editors to complete and check it.\n\n"
    "VS Code (with the YAML extension) and JetBrains editors read it through the first line "
    "'# yaml-language-server: $schema=workplan.schema.json'. The sections it accepts are "
    "those the plan declares: generate it again after adding one.\n\n"
    "Example: crmplan schema > workplan.schema.json")
INIT_HELP = _(
    "Write a new plan file to start from; never overwrites a file.\n\n"
    "The new plan has the document data (dated today), the CRM member states and the "
    "Technical Secretariat as actors, and no objectives yet; it validates without problems.\n\n"
    "Example: crmplan init plans/workplan.yaml --git")

# The commands of this module, for cli.py: name -> (function, help).
COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "schema": (schema, SCHEMA_HELP),
    "init": (init, INIT_HELP),
}
