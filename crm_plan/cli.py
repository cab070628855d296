"""The command line: the application, its global options, and the one place where crmplan's
errors become messages and exit codes (`_Group.invoke`). The commands live in `commands/`."""

from __future__ import annotations

import errno
import gc
import os
import sys
from collections.abc import Callable, Iterator, MutableMapping
from typing import Annotated, Any, NoReturn

import typer
from typer.core import TyperCommand, TyperGroup

from crm_plan.commands import usage
from crm_plan.commands.options import (
    FileOption,
    LangOption,
    NoPagerOption,
    State,
    global_options,
    use_global_options,
)
from crm_plan.errors import EXIT_OK, EXIT_PROBLEMS, CrmPlanError, NotInPlan, PlanInvalid
from crm_plan.messages import _
from crm_plan.text import visible

# A module of commands/: its commands' names -> (function, help).
Family = dict[str, tuple[Callable[..., None], str]]


# Each command's module is imported when the command is looked up: a run needs one command
# (`--help` and completion need all), and importing the seven cost ~3 ms at every start.
def _checking() -> Family:
    from crm_plan.commands import validate

    return validate.COMMANDS


def _queries() -> Family:
    from crm_plan.commands import listing

    return listing.COMMANDS


def _documents() -> Family:
    from crm_plan.commands import documents

    return documents.COMMANDS


def _meetings() -> Family:
    from crm_plan.commands import meetings

    return meetings.COMMANDS


def _editing() -> Family:
    from crm_plan.commands import editing

    return editing.COMMANDS


def _setup() -> Family:
    from crm_plan.commands import setup

    return setup.COMMANDS


def _sharing() -> Family:
    from crm_plan.commands import sharing

    return sharing.COMMANDS


# name -> the module that holds it, in the order `crmplan --help` lists them.
COMMANDS: dict[str, Callable[[], Family]] = {
    "validate": _checking, "explain": _checking,
    "list": _queries, "status": _queries, "show": _queries,
    "export": _documents, "report": _documents, "changes": _documents,
    "meetings": _meetings, "agenda": _meetings,
    "archive": _editing, "restore": _editing, "set": _editing, "add": _editing,
    "edit": _editing, "apply": _editing,
    "schema": _setup, "init": _setup,
    "merge": _sharing, "git-setup": _sharing, "log": _sharing,
}


# Typer may vendor click, so click's exception classes are reached through typer's public names.
# Its usage errors are said in crmplan's words (commands/usage.py); the others pass through.
_CLICK_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "ClickException")
_USAGE_ERROR: type[Exception] = next(
    c for c in typer.BadParameter.__mro__ if c.__name__ == "UsageError")
Command = Any  # a click command, of the click that typer uses


class _Command(TyperCommand):
    """A command whose help and usage errors crmplan says itself, in the user's language
    (why not through typer: commands/usage.py)."""

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:
        given = list(args)  # click consumes `args` as it parses them
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _USAGE_ERROR as exc:
            usage.refuse(getattr(exc, "ctx", None), usage.explain(exc, given))

    def parse_args(self, ctx: Any, args: list[str]) -> list[str]:
        rest = super().parse_args(ctx, args)  # extra arguments are allowed, to be said here
        if rest and not ctx.resilient_parsing:
            usage.refuse(ctx, usage.unexpected(rest))
        return rest

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(usage.help_screen(ctx) + "\n")


class _Commands(MutableMapping[str, Command]):
    """The group's command table, each command built from its function when it is first looked
    up: Typer would build every command's options at each start, and one run needs one command
    (`--help` and completion need all). Measured: 14 ms to build the eleven, 0.3 ms for one;
    `crmplan validate` takes about 88 ms of CPU, 1.04 times `python -c "import typer,
    ruamel.yaml"`, so building them all would cost a sixth of every start."""

    def __init__(self) -> None:
        self._built: dict[str, Command] = {}

    def __getitem__(self, name: str) -> Command:
        if name not in self._built:
            function, help_text = COMMANDS[name]()[name]
            one = typer.Typer(add_completion=False)
            one.command(name, help=help_text, cls=_Command,
                        context_settings={"allow_extra_args": True})(global_options(function))
            self._built[name] = typer.main.get_command(one)
        return self._built[name]

    def __iter__(self) -> Iterator[str]:
        return iter(COMMANDS)

    def __len__(self) -> int:
        return len(COMMANDS)

    def __setitem__(self, name: str, command: Command) -> None:
        raise TypeError(name)  # the commands are those of COMMANDS

    def __delitem__(self, name: str) -> None:
        raise TypeError(name)


class _Group(TyperGroup):
    """The application's group: its commands from COMMANDS, and crmplan's exceptions mapped to a
    message on stderr and an exit code."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.commands = _Commands()

    def get_params(self, ctx: Any) -> list[Any]:
        params: list[Any] = super().get_params(ctx)
        for param in params:  # typer appends its completion options after building the group
            if param.name == "install_completion":
                param.callback = _install_completion
        return params

    def make_context(self, info_name: str | None, args: list[str], parent: Any = None,
                     **extra: Any) -> Any:
        given = list(args)  # click consumes `args` as it parses them
        try:
            return super().make_context(info_name, args, parent, **extra)
        except _USAGE_ERROR as exc:
            usage.refuse(getattr(exc, "ctx", None), usage.explain(exc, given))

    def resolve_command(self, ctx: Any, args: list[str]) -> Any:
        if args and args[0] not in COMMANDS and not args[0].startswith("-") \
                and not ctx.resilient_parsing:  # completing a line: never a message
            usage.refuse(ctx, usage.unknown_command(args[0], list(COMMANDS)))
        return super().resolve_command(ctx, args)

    def format_help(self, ctx: Any, formatter: Any) -> None:
        formatter.write(usage.help_screen(ctx) + "\n")

    def invoke(self, ctx: Any) -> Any:  # click's Context, of the click that typer uses
        try:
            return super().invoke(ctx)
        except CrmPlanError as exc:
            _report_error(exc, ctx.obj)
            ctx.exit(exc.exit_code)
        except _USAGE_ERROR as exc:
            usage.refuse(getattr(exc, "ctx", None) or ctx, usage.explain(exc, []))
        except (typer.Exit, typer.Abort, _CLICK_ERROR):
            raise
        except BrokenPipeError:  # `crmplan list | head` stopped reading: end quietly, as git
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
            ctx.exit(EXIT_OK)
        except OSError as exc:
            if exc.errno != errno.ENOSPC:
                _internal_error(ctx, exc)
            _no_space(ctx)
        except Exception as exc:  # noqa: BLE001 - the last line of defence against tracebacks
            _internal_error(ctx, exc)


def _install_completion(ctx: typer.Context, param: Any, value: Any) -> Any:
    """--install-completion, saying what it did in the user's language: typer's own option,
    whose callback prints English, with the function that callback calls. typer.completion
    imports it from typer's _completion_shared and does not list it as exported (hence the
    ignore); it has stood there with this signature from typer 0.15 to 0.28, and there is no
    public alternative short of reimplementing the installer."""
    if not value or ctx.resilient_parsing:
        return value
    import contextlib
    import io

    # the function typer's own callback calls, from the same module (typer 0.15 to 0.28)
    from typer.completion import install  # type: ignore[attr-defined]

    try:
        with contextlib.redirect_stdout(io.StringIO()):  # its English refusal, said below
            shell, path = install(shell=value) if isinstance(value, str) else install()
    except (typer.Exit, SystemExit):
        _err(_("crmplan: completion is offered for bash, zsh, fish and PowerShell, and this "
               "shell is none of them (or could not be recognised)"))
        raise typer.Exit(EXIT_PROBLEMS) from None
    typer.echo(_("Completion for {shell} installed in {path}.").format(shell=shell, path=path))
    typer.echo(_("It works in the terminals opened from now on."))
    raise typer.Exit()


def _internal_error(ctx: typer.Context, exc: Exception) -> NoReturn:
    if os.environ.get("CRMPLAN_DEBUG"):
        raise exc
    _err(_("crmplan: internal error ({kind}: {detail}); please report it. Set CRMPLAN_DEBUG=1 "
           "to see the details.").format(kind=type(exc).__name__, detail=exc))
    ctx.exit(EXIT_PROBLEMS)


def _no_space(ctx: typer.Context) -> NoReturn:
    _err(_("crmplan: no space left on the device while writing the output"))
    ctx.exit(EXIT_PROBLEMS)


app = typer.Typer(
    cls=_Group,
    help=_("Keep the CRM liaison network's work plan (workplan.yaml): validate it, query it, "
           "keep it current."),
    pretty_exceptions_enable=False,
    add_completion=True,  # --install-completion, --show-completion; values: commands/options.py
)


def _version(shown: bool) -> None:
    if shown:
        from importlib.metadata import version

        typer.echo(f"crmplan {version('crmplan')}")
        raise typer.Exit()


@app.callback(invoke_without_command=True)
def _options(
    ctx: typer.Context,
    file: FileOption = None,
    lang: LangOption = None,
    no_pager: NoPagerOption = False,
    version: Annotated[bool, typer.Option(
        "--version", is_eager=True, callback=_version,
        help=_("Show the version of crmplan and exit."))] = False,
) -> None:
    use_global_options(ctx, file, lang, no_pager)
    if ctx.invoked_subcommand is None:  # `crmplan`, `crmplan --lang es`: what there is to do
        typer.echo(ctx.get_help())


def _report_error(exc: CrmPlanError, state: State | None) -> None:
    if isinstance(exc, PlanInvalid):
        for problem in exc.problems:
            _err(str(problem))
    message = str(exc)
    if isinstance(exc, NotInPlan) and state is not None and state.looked_in is not None:
        where = state.looked_in
        path = _("the plan bundled with crmplan") if where.bundled else where.display
        message = _("in {path}: {message}").format(path=path, message=message)
    _err(_("crmplan: {message}").format(message=message))


def _err(message: str) -> None:
    """A message on stderr; what it quotes from a file cannot drive the terminal."""
    typer.echo(visible(message), err=True)


def main() -> None:
    # One command, then exit: reference counting frees what a command makes, and the cycle
    # collector would only cost time (40% of reading a 10,000-activity plan, measured).
    gc.disable()
    # A console that cannot show a character (cp850, PYTHONIOENCODING=ascii) gets a `?`.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure") and stream.errors == "strict":
            stream.reconfigure(errors="replace")
    if os.environ.get("_CRMPLAN_COMPLETE") in ("complete_powershell", "complete_pwsh"):
        _read_as_powershell_does()
    try:
        app(prog_name="crmplan")
    finally:
        _flush_output()


def _read_as_powershell_does() -> None:
    """PowerShell's Tab: the line it hands over, in words as PowerShell reads them (there a
    backslash is a character of a Windows path, not an escape)."""
    from crm_plan.completion import powershell_line

    line = os.environ.get("_TYPER_COMPLETE_ARGS", "")
    os.environ["_TYPER_COMPLETE_ARGS"] = powershell_line(line)


def _flush_output() -> None:
    """What is still buffered for stdout, written now, so that a full disk is a sentence."""
    try:
        sys.stdout.flush()
    except OSError as exc:
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if exc.errno == errno.ENOSPC:
            typer.echo(_("crmplan: no space left on the device while writing the output"),
                       err=True)
            raise SystemExit(EXIT_PROBLEMS) from None
        if not isinstance(exc, BrokenPipeError):
            raise


if __name__ == "__main__":  # pragma: no cover
    main()
