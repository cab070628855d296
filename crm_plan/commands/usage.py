"""What the framework would otherwise say in English: the help screens and the usage errors
(an unknown option, a missing argument, a bad choice...), in crmplan's words and language.

Why not a gettext catalogue for typer's and click's strings: typer 0.28 vendors click without
gettext (its messages are f-strings), while older typers (pyproject allows >=0.15) use click's
own, gettext-marked ones; typer's panel titles go through gettext but its error messages do not.
A catalogue would cover some of them on some versions, chosen through environment variables.
So crmplan draws its help itself, from the public attributes of the commands and parameters
(`opts`, `metavar`, `help`, `default`, `required`, `envvar`), with rich's public API, and says
the usage errors itself, from the public attributes of click's exceptions (`option_name`,
`param`, `param_type`), whichever click typer uses. Nothing here depends on typer's internals;
its classes are recognised by their names, the same in the vendored click and in click."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterable, Sequence
from typing import Any, NoReturn

import typer

from crm_plan.messages import N_, _

Ctx = Any  # a click Context, of the click that typer uses
Param = Any  # a click Parameter


# -- help screens --------------------------------------------------------------------------------

def help_screen(ctx: Ctx) -> str:
    """The help of `ctx.command`: usage, description, then its arguments, options and commands,
    each in a panel."""
    from rich.box import ROUNDED
    from rich.padding import Padding
    from rich.panel import Panel
    from rich.table import Table
    from rich.text import Text

    from crm_plan.render.terminal.console import new_console

    out = new_console(file=io.StringIO(), width=shutil.get_terminal_size((80, 24)).columns,
                      color_system=None)
    out.print()  # the layout of typer's help, which it replaces
    out.print(Text(" " + _("Usage:") + " " + usage_line(ctx)))
    for paragraph in (ctx.command.help or "").strip().split("\n\n"):
        if paragraph.strip():
            out.print()
            out.print(Padding(Text(" ".join(paragraph.split())), (0, 0, 0, 1)))
    out.print()
    for title, rows in _panels(ctx):
        table = Table.grid(padding=(0, 2))
        for _column in rows[0]:
            table.add_column()
        for row in rows:
            table.add_row(*(Text(cell) for cell in row))
        out.print(Panel(table, title=title, title_align="left", box=ROUNDED))
    screen: str = out.file.getvalue()  # type: ignore[attr-defined]
    return "\n".join(line.rstrip() for line in screen.splitlines())


def usage_line(ctx: Ctx) -> str:
    """`crmplan list [OPTIONS]`, `crmplan [OPTIONS] COMMAND [ARGS]...`, in the user's words."""
    params = _visible(ctx)
    pieces = [ctx.command_path]
    if any(_is_option(p) for p in params):
        pieces.append(_("[OPTIONS]"))
    pieces += [_argument_name(p) for p in params if not _is_option(p)]
    if hasattr(ctx.command, "list_commands"):
        pieces.append(_("COMMAND [ARGS]..."))
    return " ".join(pieces)


def _panels(ctx: Ctx) -> list[tuple[str, list[tuple[str, ...]]]]:
    params = _visible(ctx)
    arguments = [(_argument_name(p), _described(p)) for p in params if not _is_option(p)]
    options = [_option_row(p) for p in params if _is_option(p)]
    panels = [(_("Arguments"), arguments), (_("Options"), options)]
    if hasattr(ctx.command, "list_commands"):
        commands = [(name, _first_paragraph(ctx.command.get_command(ctx, name)))
                    for name in ctx.command.list_commands(ctx)]
        panels.append((_("Commands"), commands))
    return [(title, rows) for title, rows in panels if rows]  # type: ignore[misc]


def _visible(ctx: Ctx) -> list[Param]:
    return [p for p in ctx.command.get_params(ctx) if not getattr(p, "hidden", False)]


def _is_option(param: Param) -> bool:
    return bool(param.param_type_name == "option")


def _argument_name(param: Param) -> str:
    return metavar(param.metavar or param.name.upper())


# Typer's own options, whose help crmplan shows in the user's language.
TYPER_HELP = (N_("Show this message and exit."), N_("Install completion for the current shell."),
              N_("Show completion for the current shell, to copy it or customize the "
                 "installation."))


def metavar(word: str) -> str:
    """A metavar in the user's language (TEXT -> TEXTO), as the help sentences name it; the
    commands declare theirs translated (`metavar=_("DATE")`), so that docs/cli.es.md says them
    too: this catches one declared without `_`."""
    return translated(word)


def translated(text: str) -> str:
    """A text of a parameter, crmplan's own (already translated: unchanged) or typer's."""
    return _(text)


def _option_row(param: Param) -> tuple[str, str, str, str]:
    names = [*param.opts, *param.secondary_opts]
    long = ", ".join(n for n in names if n.startswith("--"))
    short = ", ".join(n for n in names if not n.startswith("--"))
    return long, short, _value_name(param), _described(param)


def _value_name(param: Param) -> str:
    if getattr(param, "is_flag", False) or getattr(param, "count", False):
        return ""
    if param.metavar:
        return metavar(param.metavar)
    if choices := getattr(param.type, "choices", None):
        return "[" + "|".join(str(getattr(c, "value", c)) for c in choices) + "]"
    return _("INTEGER") if _is_integer(param) else _("TEXT")


def _is_integer(param: Param) -> bool:
    return param.type.name in ("int", "integer")  # typer's vendored click, click


def _described(param: Param) -> str:
    """The parameter's help, then what click would add: its default, variable, requirement."""
    words = [translated(getattr(param, "help", None) or "")]
    if (default := _default(param)) is not None:
        words.append(_("[default: {value}]").format(value=default))
    if param.envvar and getattr(param, "show_envvar", False):
        words.append(_("[env var: {name}]").format(name=param.envvar))
    if param.required:
        words.append(_("[required]"))
    return " ".join(word for word in words if word)


def _default(param: Param) -> str | None:
    shown = getattr(param, "show_default", None)
    if isinstance(shown, str):
        return translated(shown)
    if shown is False or getattr(param, "is_flag", False) or not _is_option(param):
        return None
    value = param.default
    if value is None or value == () or value == [] or callable(value):
        return None
    return str(getattr(value, "value", value))


def _first_paragraph(command: Any) -> str:
    return " ".join((command.help or "").strip().split("\n\n")[0].split())


# -- usage errors --------------------------------------------------------------------------------

def refuse(ctx: Ctx | None, message: str) -> NoReturn:
    """The command line refused, as git does: the usage, what is wrong, where the help is."""
    from crm_plan.text import visible

    if ctx is not None:
        typer.echo(_("Usage:") + " " + usage_line(ctx), err=True)
    typer.echo(visible(_("crmplan: {message}").format(message=message)), err=True)
    if ctx is not None:
        typer.echo(_("For help: {command} --help").format(command=ctx.command_path), err=True)
    raise typer.Exit(2)


def explain(exc: Exception, args: Sequence[str]) -> str:
    """A click usage error (`exc`, raised parsing `args`) in crmplan's words."""
    kinds = {kind.__name__ for kind in type(exc).__mro__}
    if "NoSuchOption" in kinds:
        return _unknown_option(exc)
    if "BadOptionUsage" in kinds:
        name = getattr(exc, "option_name", "")
        if any(arg.startswith(name + "=") for arg in args):
            return _("{option} takes no value").format(option=name)
        return _("{option} needs a value").format(option=name)
    if "MissingParameter" in kinds:
        return _missing(getattr(exc, "param", None))
    if "BadParameter" in kinds and (param := getattr(exc, "param", None)) is not None:
        return _bad_value(param, args, str(getattr(exc, "message", exc)))
    return str(getattr(exc, "message", exc))


def _unknown_option(exc: Any) -> str:
    from crm_plan.lookup import hint

    known = [name for p in (exc.ctx.command.get_params(exc.ctx) if exc.ctx else ())
             if _is_option(p) for name in (*p.opts, *p.secondary_opts)]
    return _("no such option: {option}{hint}").format(
        option=exc.option_name, hint=hint(exc.option_name, known))


def _missing(param: Param | None) -> str:
    if param is None:
        return _("a command is missing")
    if _is_option(param):
        return _("the option {option} is required").format(option=_display(param))
    return _("the argument {argument} is missing").format(argument=_display(param))


def _display(param: Param) -> str:
    if _is_option(param):
        return str(max(param.opts, key=len))
    return _argument_name(param)


def _bad_value(param: Param, args: Sequence[str], detail: str) -> str:
    name, given = _display(param), list(_given(param, args))
    if choices := getattr(param.type, "choices", None):
        valid = [str(getattr(c, "value", c)) for c in choices]
        wrong = next((v for v in given if v not in valid), None)
        if wrong is not None:
            return _("'{value}' is not a value of {option} (valid: {valid})").format(
                value=wrong, option=name, valid=", ".join(valid))
    if _is_integer(param):
        wrong = next((v for v in given if not v.strip().lstrip("+-").isdigit()), None)
        if wrong is not None:
            return _("{option} takes a whole number, not '{value}'").format(
                option=name, value=wrong)
    return _("invalid value for {option}: {detail}").format(option=name, detail=detail)


def _given(param: Param, args: Sequence[str]) -> Iterable[str]:
    """The values given to the option `param` in `args` (`-s x`, `--status=x`, `-sx`)."""
    for index, arg in enumerate(args):
        for opt in (*param.opts, *param.secondary_opts):
            if arg == opt and index + 1 < len(args):
                yield args[index + 1]
            elif opt.startswith("--") and arg.startswith(opt + "="):
                yield arg[len(opt) + 1:]
            elif len(opt) == 2 and not arg.startswith("--") and arg.startswith(opt) \
                    and len(arg) > 2:
                yield arg[2:]


def unexpected(args: Sequence[str]) -> str:
    return _("unexpected extra arguments: {args}").format(args=" ".join(args))


def unknown_command(name: str, known: list[str]) -> str:
    from crm_plan.lookup import hint

    return _("no such command: '{name}'{hint}").format(name=name, hint=hint(name, known))
