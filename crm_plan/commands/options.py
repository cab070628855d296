"""What several commands share: the plan file option, the filters (declared once, handed to the
command built into `query.Filters`), the output option, and the values shell completion offers."""

from __future__ import annotations

import functools
import inspect
from collections.abc import Callable
from enum import Enum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, NoReturn, TypeVar

import typer

from crm_plan.messages import _

if TYPE_CHECKING:
    from crm_plan.planfile import LoadedPlan, PlanLocation
    from crm_plan.query import Filters

Command = TypeVar("Command", bound=Callable[..., None])
Candidates = list[tuple[str, str]]


class State:
    """What the options of `crmplan` itself said (before the command or after it); `ctx.obj`
    of every command."""

    def __init__(self, file: str | None) -> None:
        self.file = file
        self.looked_in: PlanLocation | None = None  # the file location() found, for messages
        self.pager = True  # long output on a terminal through a pager, unless --no-pager

    def location(self) -> PlanLocation:
        """The plan file the command line names, else ./workplan.yaml or the bundled one."""
        from crm_plan import planfile

        location = planfile.locate(self.file)
        if location.bundled:
            typer.echo(_("No workplan.yaml here: using the CRM plan bundled with crmplan "
                         "(read-only)."), err=True)
        self.looked_in = location
        return location

    def location_in_git(self) -> PlanLocation:
        """The plan file, for a command that asks git about it: not crmplan's own copy."""
        location = self.location()
        if location.bundled:
            usage(_("name the plan file in your git repository (--file), or run this in its "
                    "folder"))
        return location


def valid_plan(ctx: typer.Context) -> LoadedPlan:
    """The plan the command line names, refused when it has errors."""
    from crm_plan import planfile

    state: State = ctx.obj
    return planfile.load_valid(state.location())


def say(message: str, *, nl: bool = True, err: bool = False) -> None:
    """A sentence for the person at the terminal (on stderr with `err`); what it quotes from
    the command line or a file (a file name, an id) cannot drive the terminal."""
    from crm_plan.text import visible

    typer.echo(visible(message), nl=nl, err=err)


def emit(data: bytes) -> None:
    """Machine formats as UTF-8 bytes, whatever the console's or the locale's encoding."""
    import sys

    sys.stdout.flush()
    typer.echo(data, nl=False)


def usage(message: str) -> NoReturn:
    """Refuse the command line as it was given (exit 2)."""
    from crm_plan.errors import UsageError

    raise UsageError(message)


# -- shell completion: values from the plan in use (completion.py never raises, never prints) --

class _Matched(str):
    """A value completion.py already matched, case and accents ignored. Typer keeps only the
    values that start with the typed text exactly (and offers no hook of its own for it), which
    would drop `México` for `mex`."""

    def startswith(self, *args: object) -> bool:
        return True


def _offered(candidates: Candidates) -> Candidates:
    for_bash = _completing_for_bash()
    return [(_Matched(_bash_word(value) if for_bash else value), help_text)
            for value, help_text in candidates]


def _completing_for_bash() -> bool:
    """Typer's bash script puts each line it gets into the command line as it is, so
    `Países miembros` would become two words; zsh's and fish's scripts quote values themselves.
    The protocol is Typer's: `_CRMPLAN_COMPLETE=complete_bash`."""
    import os

    return os.environ.get("_CRMPLAN_COMPLETE", "").endswith("_bash")


def _bash_word(value: str) -> str:
    """`Países\\ miembros`: every character the shell would read, escaped with a backslash."""
    import re

    return re.sub(r"([^\w.,:/@%+=-])", r"\\\1", value)


def _plan_file(ctx: typer.Context) -> str | None:
    """The --file given earlier on the command line: after the command, else before it."""
    context: Any = ctx  # typer.Context, whose parents are click's contexts
    while context is not None:
        if file := context.params.get("file"):
            return str(file)
        context = context.parent
    return None


def complete_show_id(ctx: typer.Context, incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.active_ids(_plan_file(ctx), incomplete, objectives=True))


def complete_active_id(ctx: typer.Context, incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.active_ids(_plan_file(ctx), incomplete))


def complete_archived_id(ctx: typer.Context, incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.restorable_ids(_plan_file(ctx), incomplete))


def complete_actor(ctx: typer.Context, incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.actors(_plan_file(ctx), incomplete))


def complete_meeting(ctx: typer.Context, incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.meetings(_plan_file(ctx), incomplete))


def _complete_status(incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.statuses(incomplete))


def _complete_section(ctx: typer.Context, incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.sections(_plan_file(ctx), incomplete))


def _complete_objective(ctx: typer.Context, incomplete: str) -> Candidates:
    from crm_plan import completion

    return _offered(completion.objectives(_plan_file(ctx), incomplete))


def complete_objective(ctx: typer.Context, incomplete: str) -> Candidates:
    return _complete_objective(ctx, incomplete)


# -- the options of crmplan itself, accepted before the command and after it ---------------------

FileOption = Annotated[str | None, typer.Option(
    "--file", "-f", envvar="CRMPLAN_FILE", metavar=_("PATH"),
    help=_("The plan file. Default: ./workplan.yaml, else the plan bundled with crmplan."),
)]


class Language(str, Enum):
    en = "en"
    es = "es"


LangOption = Annotated[Language | None, typer.Option(
    "--lang", help=_("The language of messages and help: es (español) or en (English). "
                      "Default: CRMPLAN_LANG, else the locale (LANG=es_MX.UTF-8 is Spanish), "
                      "else English."),
)]

NoPagerOption = Annotated[bool, typer.Option(
    "--no-pager", help=_("Print everything at once, without a pager, even on a terminal. "
                         "Default pager: CRMPLAN_PAGER, else PAGER, else less."))]

_GLOBALS = [
    inspect.Parameter("file", inspect.Parameter.KEYWORD_ONLY, annotation=FileOption, default=None),
    inspect.Parameter("lang", inspect.Parameter.KEYWORD_ONLY, annotation=LangOption, default=None),
    inspect.Parameter("no_pager", inspect.Parameter.KEYWORD_ONLY, annotation=NoPagerOption,
                      default=False),
]
_CTX = inspect.Parameter("ctx", inspect.Parameter.POSITIONAL_OR_KEYWORD, annotation=typer.Context)


def use_global_options(ctx: typer.Context, file: str | None, lang: Language | None,
                       no_pager: bool = False) -> None:
    """What -f/--file, --lang and --no-pager say, wherever they stand on the command line."""
    if lang is not None:  # already in use when read from the command line (messages.py)
        from crm_plan import messages

        messages.use(lang.value)
    if ctx.obj is None:
        ctx.obj = State(None)
    if file:
        ctx.obj.file = file
    if no_pager:
        ctx.obj.pager = False


def global_options(command: Command) -> Command:
    """Give a command the options of `crmplan` itself, so that `crmplan list -f plan.yaml --lang
    es` means `crmplan -f plan.yaml --lang es list`; the command reads them from `ctx.obj`."""
    signature = inspect.signature(command, eval_str=True)
    takes_ctx = "ctx" in signature.parameters
    own = list(signature.parameters.values())
    shown = signature.replace(parameters=[*([] if takes_ctx else [_CTX]), *own, *_GLOBALS])

    @functools.wraps(command)
    def with_globals(**kwargs: Any) -> None:
        ctx = kwargs["ctx"] if takes_ctx else kwargs.pop("ctx")
        use_global_options(ctx, kwargs.pop("file"), kwargs.pop("lang"), kwargs.pop("no_pager"))
        from crm_plan.render.terminal.pager import paging

        with paging(ctx.obj.pager):
            command(**kwargs)

    with_globals.__signature__ = shown  # type: ignore[attr-defined]
    with_globals.__annotations__ = {p.name: p.annotation for p in shown.parameters.values()}
    return with_globals  # type: ignore[return-value]


# -- options of many commands -------------------------------------------------------------------
AsOfOption = Annotated[str | None, typer.Option(
    "--as-of", metavar=_("DATE"), help=_("The day that decides what is overdue. Default: today."))]
DryRunOption = Annotated[bool, typer.Option(
    "--dry-run", help=_("Print the change as a unified diff and write nothing."))]
KeepUpdatedOption = Annotated[bool, typer.Option(
    "--keep-updated", help=_("Leave the plan's date (document.updated) as it is; by default a "
                             "change sets it to today."))]


class ReportFormat(str, Enum):
    text = "text"
    json = "json"


# -- the filters of list, status and export -----------------------------------------------------

_ResponsibleOption = Annotated[list[str] | None, typer.Option(
    "--responsible", "-r", metavar="ACTOR", autocompletion=complete_actor,
    help=_("Activities naming ACTOR (short or full name; responsible, coordination or support), "
           "also through a group it belongs to. Repeat for any of several."),
)]
_DirectOption = Annotated[bool, typer.Option(
    "--direct", help=_("With --responsible: only activities naming the actor itself, not one of "
                       "its groups."),
)]
_StatusOption = Annotated[list[str] | None, typer.Option(
    "--status", "-s", metavar=_("STATUS"), autocompletion=_complete_status,
    help=_("continuo, programado, pendiente, por definir, completado (or ongoing, scheduled, "
           "tbd, done), or pending: pendiente and por definir. Repeatable."),
)]
_SectionOption = Annotated[list[str] | None, typer.Option(
    "--section", metavar="ID", autocompletion=_complete_section,
    help=_("Activities of a section, e.g. C. Repeatable."))]
_ObjectiveOption = Annotated[list[str] | None, typer.Option(
    "--objective", metavar="ID", autocompletion=_complete_objective,
    help=_("Activities of an objective, e.g. 9. Repeatable."))]
_SearchOption = Annotated[list[str] | None, typer.Option(
    "--search", metavar=_("TEXT"),
    help=_("Activities whose text, notes, references or outcomes contain TEXT (case and accents "
           "ignored). Repeatable."),
)]
_RefYearOption = Annotated[list[int] | None, typer.Option(
    "--ref-year", metavar=_("YEAR"), help=_("Activities citing a document of that year."))]
_RefBodyOption = Annotated[list[str] | None, typer.Option(
    "--ref-body", metavar=_("BODY"), help=_("Activities citing a document of CRM or GRCM."))]
_ActionPlanOption = Annotated[bool, typer.Option(
    "--action-plan",
    help=_("Activities taken from the CRM Plan of Action themselves (UPPER CASE in the "
           "document)."),
)]
_ObjectiveActionPlanOption = Annotated[bool, typer.Option(
    "--objective-action-plan",
    help=_("Activities whose objective was taken from the CRM Plan of Action, whether or not "
           "they were themselves."),
)]
_PendingOption = Annotated[bool, typer.Option(
    "--pending", help=_("Pending activities: pendiente or por definir (the document's underlined "
                        "items)."))]
_OverdueOption = Annotated[bool, typer.Option(
    "--overdue", help=_("'programado' activities whose due date has passed."))]
_DueBeforeOption = Annotated[str | None, typer.Option(
    "--due-before", metavar=_("DATE"),
    help=_("Activities due before DATE (2010-03-01, 2010-03 or 2010)."))]
_DueAtOption = Annotated[list[str] | None, typer.Option(
    "--due-at", metavar="MEETING", autocompletion=complete_meeting,
    help=_("Activities due at the meeting MEETING (an id of crmplan meetings), or at each "
           "meeting of its body. Repeatable."))]
_MandateFromOption = Annotated[list[str] | None, typer.Option(
    "--mandate-from", metavar="MEETING", autocompletion=complete_meeting,
    help=_("Activities whose references cite the meeting MEETING. Repeatable."))]
_ArchivedOption = Annotated[bool, typer.Option(
    "--archived", help=_("The historical part instead of the active plan."))]
_AllOption = Annotated[bool, typer.Option("--all", help=_("The active plan and the history."))]

# parameter name -> (its option, its default)
_FILTERS: dict[str, tuple[Any, Any]] = {
    "responsible": (_ResponsibleOption, None), "direct": (_DirectOption, False),
    "status": (_StatusOption, None), "section": (_SectionOption, None),
    "objective": (_ObjectiveOption, None), "search": (_SearchOption, None),
    "ref_year": (_RefYearOption, None), "ref_body": (_RefBodyOption, None),
    "action_plan": (_ActionPlanOption, False),
    "objective_action_plan": (_ObjectiveActionPlanOption, False),
    "pending": (_PendingOption, False),
    "overdue": (_OverdueOption, False),
    "due_before": (_DueBeforeOption, None), "due_at": (_DueAtOption, None),
    "mandate_from": (_MandateFromOption, None), "archived": (_ArchivedOption, False),
    "everything": (_AllOption, False),
}


def filter_options(*, overdue: bool = True) -> Callable[[Command], Command]:
    """Give a command the filters of `list` (without --overdue where the command has its own):
    the command declares a keyword-only parameter `filters: query.Filters` where the options
    are to stand in its help, and receives them built.

    The options are added to the signature Typer reads, as sqlite-utils' `output_options`
    decorator adds its options to a click command."""
    names = [name for name in _FILTERS if overdue or name != "overdue"]

    def decorate(command: Command) -> Command:
        signature = inspect.signature(command)
        own = list(signature.parameters.values())
        at = [p.name for p in own].index("filters")  # the options take its place in the help
        added = [inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY,
                                   annotation=_FILTERS[name][0], default=_FILTERS[name][1])
                 for name in names]

        @functools.wraps(command)
        def with_filters(*args: Any, **kwargs: Any) -> None:
            given = {name: kwargs.pop(name) for name in names}
            command(*args, filters=_built(**given), **kwargs)

        shown = signature.replace(parameters=[*own[:at], *added, *own[at + 1:]])
        with_filters.__signature__ = shown  # type: ignore[attr-defined]
        with_filters.__annotations__ = {p.name: p.annotation for p in shown.parameters.values()}
        return with_filters  # type: ignore[return-value]

    return decorate


def _built(*, responsible: list[str] | None, direct: bool, status: list[str] | None,
           section: list[str] | None, objective: list[str] | None, search: list[str] | None,
           ref_year: list[int] | None, ref_body: list[str] | None, action_plan: bool,
           objective_action_plan: bool, pending: bool, due_before: str | None,
           archived: bool, everything: bool, overdue: bool = False,
           due_at: list[str] | None = None, mandate_from: list[str] | None = None,
           ) -> Filters:
    from crm_plan.query import Filters, Scope

    return Filters(
        actors=tuple(responsible or ()), direct=direct, statuses=tuple(status or ()),
        sections=tuple(section or ()), objectives=tuple(objective or ()),
        search=tuple(search or ()), ref_years=tuple(ref_year or ()),
        ref_bodies=tuple(ref_body or ()), action_plan=action_plan,
        objective_action_plan=objective_action_plan, pending=pending, overdue=overdue,
        due_before=due_before, due_at=tuple(due_at or ()),
        mandate_from=tuple(mandate_from or ()),
        scope=Scope.ALL if everything else (Scope.ARCHIVED if archived else Scope.ACTIVE))


# -- where documents go -------------------------------------------------------------------------

OutputOption = Annotated[str | None, typer.Option(
    "--output", "-o", metavar=_("FILE"), help=_("Write to FILE instead of the standard output."))]

# The format a file name asks for when --format is not given.
_SUFFIXES = {".md": "markdown", ".markdown": "markdown", ".html": "html", ".htm": "html",
             ".docx": "docx", ".xlsx": "xlsx", ".csv": "csv", ".json": "json", ".txt": "table"}

Format = TypeVar("Format", bound=Enum)


def format_of(given: Format | None, output: str | None, default: Format) -> Format:
    """--format, else what the -o file's extension asks for, else `default`."""
    if given is not None:
        return given
    found = _SUFFIXES.get(Path(output).suffix.lower() if output else "")
    kind = type(default)
    return kind(found) if found in kind.__members__ else default


def deliver(data: bytes, output: str | None, *, binary: bool, plan: Path) -> None:
    """Write a document to the file -o names (never over the plan file `plan`), else to the
    standard output; a Word file is never poured into a terminal."""
    if output is not None:
        from crm_plan import outfile

        outfile.write(Path(output), data, plan=plan)
        say(_("Wrote {path}.").format(path=output))
    elif binary and stdout_is_terminal():
        usage(_("a Word file cannot be shown in the terminal: write it to a file with -o, e.g. "
                "-o plan.docx"))
    else:
        emit(data)


def stdout_is_terminal() -> bool:
    import sys

    return sys.stdout.isatty()
