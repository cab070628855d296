"""`crmplan validate`: every problem of one or more plan files, at once; `crmplan explain`:
what the code of a problem means."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import TYPE_CHECKING, Annotated

import typer

from crm_plan.commands.options import State
from crm_plan.messages import _

if TYPE_CHECKING:
    from crm_plan.planfile import LoadedPlan


class ProblemFormat(str, Enum):
    text = "text"
    json = "json"
    github = "github"


def validate(
    ctx: typer.Context,
    paths: Annotated[list[str] | None, typer.Argument(metavar=_("[PATH]..."), help=_(
        "Plan files to check, e.g. those pre-commit passes. Default: the plan file (--file)."),
    )] = None,
    format: Annotated[ProblemFormat, typer.Option(
        "--format", help=_("text: one line per problem; json: a list of objects; github: "
                           "annotations for GitHub Actions (::error file=...,line=...::...)."),
    )] = ProblemFormat.text,
) -> None:
    from crm_plan import planfile
    from crm_plan.errors import EXIT_OK, EXIT_PROBLEMS

    state: State = ctx.obj
    locations = [planfile.locate(path) for path in paths] if paths else [state.location()]
    plans = [planfile.load_checked(location) for location in locations]
    _RENDERERS[format](plans)
    raise typer.Exit(EXIT_PROBLEMS if any(loaded.has_errors for loaded in plans) else EXIT_OK)


def _text(plans: Iterable[LoadedPlan]) -> None:
    from crm_plan.render import problems

    for loaded in plans:
        for problem in loaded.problems:
            typer.echo(problems.line(problem))
        typer.echo(problems.summary(loaded))


def _github(plans: Iterable[LoadedPlan]) -> None:
    from crm_plan.render import problems

    for loaded in plans:
        for problem in loaded.problems:
            typer.echo(problems.annotation(problem))
        typer.echo(problems.summary(loaded))


def _json(plans: Iterable[LoadedPlan]) -> None:
    from crm_plan.render import problems

    typer.echo(problems.as_json([p for loaded in plans for p in loaded.problems]))


_RENDERERS: dict[ProblemFormat, Callable[[Iterable[LoadedPlan]], None]] = {
    ProblemFormat.text: _text, ProblemFormat.github: _github, ProblemFormat.json: _json}

HELP = _("Check the plan file and report every problem at once, sorted by position.\n\n"
         "Example: crmplan validate -f workplan.yaml")


def explain(
    code: Annotated[str | None, typer.Argument(metavar=_("[CODE]"), help=_(
        "The code shown in brackets at the end of a problem, e.g. removal-note. Without it: "
        "every code."))] = None,
) -> None:
    from crm_plan import codes
    from crm_plan.errors import UsageError

    if code is None:
        for name, severity in codes.codes().items():
            typer.echo(f"{name} ({severity.label})")
        return
    code = code.strip().strip("[]")
    found = codes.explain(code)
    if found is None:
        hint = codes.suggestion(code)
        raise UsageError((_("'{code}' is not a code of crmplan; did you mean '{hint}'?").format(
            code=code, hint=hint[0]) if hint else _(
            "'{code}' is not a code of crmplan; 'crmplan explain' lists them").format(code=code)))
    typer.echo(f"{found.code} ({found.severity.label})\n\n{found.meaning}\n\n{found.silencing}")


EXPLAIN_HELP = _("Say what the code of a problem means, how to fix it and whether it can be "
                 "silenced.\n\nExample: crmplan explain removal-note")

# The commands of this module, for cli.py: name -> (function, help).
COMMANDS: dict[str, tuple[Callable[..., None], str]] = {
    "validate": (validate, HELP),
    "explain": (explain, EXPLAIN_HELP),
}
