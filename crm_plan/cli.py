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

from crm_plan import planfile
from crm_plan.errors import EXIT_PROBLEMS, CrmPlanError, PlanInvalid
from crm_plan.messages import _, ngettext
from crm_plan.problems import Problem, Severity


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
    counts = _("{objectives} objectives, {activities} activities, {archived} in the history").format(
        objectives=len(plan.objectives),
        activities=sum(1 for _a in plan.activities()),
        archived=sum(1 for _a in plan.activities(active=False, archived=True)),
    )
    if loaded.source.root is None:
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
