"""Styled text and its wrapping give, without rich, what rich's Text gives: the same lines,
with the same styles on every character (compared on random texts), and no rich console."""

from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest
from conftest import ROOT
from fuzzing import examples, fuzz
from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console
from rich.text import Text

from crm_plan.render.screen import Screen
from crm_plan.render.styled import Styled

WORDS = ["a", "de", "trata", "Países", "miembros", "internacionales", "x" * 23, "漢字", "🙂",
         " ", "  ", "\n", "\t", "a\tb", "\r", "\x0b", "…", "-"]
STYLES = ["", "bold", "underline", "italic", "dim", "bold red", "bold reverse",
          "bold underline", "red strike", "green bold"]

pieces = st.lists(st.tuples(st.lists(st.sampled_from(WORDS), max_size=6).map("".join),
                            st.sampled_from(STYLES)), max_size=5)


def both(base: str, parts: list[tuple[str, str]]) -> tuple[Styled, Text]:
    ours, theirs = Styled(style=base), Text(style=base)
    for text, style in parts:
        ours.append(text, style)
        theirs.append(text, style)
    return ours, theirs


def styles_of(text: Styled | Text) -> list[tuple[str, frozenset[str]]]:
    """Each character with the styles on it (whole-text style and spans)."""
    spans = text.spans if isinstance(text, Styled) else [tuple(s) for s in text.spans]
    return [(char, frozenset(s for s in [text.style, *(st for a, b, st in spans if a <= i < b)]
                             if s))
            for i, char in enumerate(text.plain)]


@fuzz
@examples(normal=300, fuzzing=5000)
@given(base=st.sampled_from(STYLES), parts=pieces, width=st.integers(1, 30),
       justify=st.sampled_from(["default", "left", "right"]),
       overflow=st.sampled_from(["fold", "ellipsis"]), no_wrap=st.booleans())
def test_wrap_gives_the_lines_and_styles_rich_gives(base, parts, width, justify, overflow,
                                                   no_wrap):
    ours, theirs = both(base, parts)
    assert ours.plain == theirs.plain
    mine = ours.wrap(width, justify=justify, overflow=overflow, no_wrap=no_wrap)
    rich = theirs.wrap(Console(), width, justify=justify,  # type: ignore[arg-type]
                       overflow=overflow, no_wrap=no_wrap)
    assert [styles_of(line) for line in mine] == [styles_of(line) for line in rich]


@examples(normal=100, fuzzing=1000)
@given(base=st.sampled_from(STYLES), parts=pieces, width=st.integers(1, 30),
       pad=st.booleans(), overflow=st.sampled_from(["fold", "ellipsis"]))
def test_truncate_and_to_rich_keep_every_style(base, parts, width, pad, overflow):
    ours, theirs = both(base, parts)
    ours.truncate(width, overflow, pad=pad)
    theirs.truncate(width, overflow=overflow, pad=pad)
    assert styles_of(ours) == styles_of(theirs) == styles_of(ours.to_rich())


@fuzz
@examples(normal=100, fuzzing=1000)
@given(lines=st.lists(st.tuples(st.sampled_from(STYLES), pieces), min_size=1, max_size=6),
       system=st.sampled_from(["standard", "256", "truecolor"]))
def test_coloured_lines_are_what_rich_prints_for_them_joined(lines, system):
    """Screen renders line by line what rich prints for the lines joined by newlines."""
    styled = [both(base, parts)[0] for base, parts in lines]
    styled = [piece for line in styled for piece in line.wrap(20)]  # no newline in a line
    ours = Console(file=io.StringIO(), width=20, color_system=system, force_terminal=True,
                   no_color=False)
    rich = Console(file=io.StringIO(), width=20, color_system=system, force_terminal=True,
                   no_color=False)
    Screen.of(ours).lines(styled)
    rich.print(Text("\n").join(line.to_rich() for line in styled), soft_wrap=True)
    assert ours.file.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]


@fuzz
@examples(normal=100, fuzzing=1000)
@given(lines=st.lists(st.tuples(st.sampled_from(STYLES), pieces), min_size=1, max_size=6),
       system=st.sampled_from(["standard", "256", "truecolor"]), width=st.integers(0, 25),
       style=st.sampled_from(STYLES))
def test_crmplans_escape_codes_are_those_rich_writes(lines, system, width, style):
    """Lines and paragraphs in colour, written without rich, byte for byte as rich's
    console writes them in every colour system."""
    styled = [piece for base, parts in lines for piece in both(base, parts)[0].wrap(max(1, width))]
    ours, rich = io.StringIO(), Console(file=io.StringIO(), width=width, color_system=system,
                                        force_terminal=True, no_color=False)  # not NO_COLOR
    paragraph = Styled(style=lines[0][0])
    for line in styled:
        paragraph.append(line).append(" ")
    screen = Screen(ours, width, colour=True)
    screen.lines(styled)
    screen.print(paragraph.plain, style)
    screen.print(paragraph, style)
    screen.print()
    Screen.of(rich).lines(styled)
    rich.print(paragraph.plain, style=style or None)
    rich.print(paragraph.to_rich(), style=style or None)
    rich.print()
    assert ours.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]


def test_every_style_of_the_views_has_its_escape_codes():
    from crm_plan.render import ansi
    from crm_plan.render.table import STYLES as VIEWS

    assert {style: ansi.codes([style]) for style in [*VIEWS.values(), "dim"]} == {
        "bold reverse": "1;7", "bold": "1", "bold underline": "1;4", "underline": "4",
        "bold red": "1;31", "italic": "3", "dim": "2"}
    with pytest.raises(ValueError, match="no escape code for the style 'blinking'"):
        ansi.codes(["bold blinking"])


def test_a_heading_in_one_style_keeps_it_in_colour():
    out = Console(file=io.StringIO(), width=30, color_system="standard", force_terminal=True,
                  no_color=False)
    Screen.of(out).lines([Styled("Active plan", "bold underline"), Styled()])
    assert out.file.getvalue() == "\x1b[1;4mActive plan\x1b[0m\n\n"  # type: ignore[attr-defined]


def test_an_example_of_each_way():
    text = Styled("Designar un enlace por país", "bold")
    text.append(" (ref.)", "dim")
    assert [line.plain for line in text.wrap(12)] == ["Designar un ", "enlace por ", "país (ref.)"]
    assert [line.plain for line in text.wrap(12, justify="right", overflow="ellipsis")] == [
        " Designar un", "  enlace por", " país (ref.)"]
    assert [line.plain for line in Styled("internacionales").wrap(6, overflow="ellipsis")] == [
        "inter…"]
    assert [line.plain for line in Styled("a\tb\n\nc").wrap(10, justify="left")] == [
        "a       b ", "          ", "c         "]
    last = text.wrap(12)[2]  # the whole in bold, the reference also dim
    assert (last.style, last.spans) == ("bold", [(4, 11, "dim")])


def test_a_paragraph_is_wrapped_as_rich_prints_it():
    words = "Pendientes: " + "actividades de la red " * 6
    plain, rich = io.StringIO(), Console(file=io.StringIO(), width=30, color_system=None)
    Screen(plain, 30).print(words)
    Screen(plain, 30).print()
    rich.print(words)
    rich.print()
    assert plain.getvalue() == rich.file.getvalue()  # type: ignore[attr-defined]


def test_a_screen_on_a_pipe_trims_the_spaces_that_pad_the_lines():
    out = io.StringIO()
    Screen(out, 20, trim=True).lines([Styled("a  "), Styled("  b  ")])
    assert out.getvalue() == "a\n  b\n"


@pytest.mark.parametrize(("environment", "colour"), [({}, False), ({"FORCE_COLOR": "1"}, True)])
def test_a_listing_imports_neither_rich_console_nor_rich_text(environment, colour):
    code = ("import sys\nfrom crm_plan.cli import app\ntry:\n"
            f"    app(['list', '-f', {str(ROOT / 'workplan.yaml')!r}], prog_name='crmplan')\n"
            "except SystemExit:\n    pass\n"
            "print(*sorted(sys.modules), file=sys.stderr)")
    env = {k: v for k, v in os.environ.items()
           if k not in ("FORCE_COLOR", "NO_COLOR", "TTY_COMPATIBLE")}
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            env={**env, **environment}, check=True)
    modules = set(result.stderr.split())
    assert "rich.cells" in modules
    assert not {"rich.console", "rich.text", "rich.style"} & modules
    assert ("\x1b[" in result.stdout) is colour


@pytest.mark.parametrize("terminal", [False, True])
@pytest.mark.parametrize("environment", [
    {}, {"COLUMNS": "60"}, {"COLUMNS": "60", "LINES": "20"}, {"COLUMNS": "0"},
    {"COLUMNS": "abc"}, {"LINES": "20"}, {"TERM": "dumb"}, {"TERM": "dumb", "COLUMNS": "60"},
    {"TERM": "dumb", "COLUMNS": "60", "LINES": "20"}, {"TERM": "unknown", "COLUMNS": "7"},
])
def test_the_width_is_the_one_rich_would_take(monkeypatch, terminal, environment):
    from crm_plan.render import screen

    for name in ("COLUMNS", "LINES", "TERM"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    rich = Console(file=io.StringIO(), force_terminal=terminal)
    assert screen._width(terminal) == rich.width


def test_in_no_width_at_all_a_paragraph_prints_nothing_as_with_rich():
    plain, rich = io.StringIO(), Console(file=io.StringIO(), width=0, color_system=None)
    Screen(plain, 0).print("Pendientes")
    Screen(plain, 0).print()
    rich.print("Pendientes")
    rich.print()
    assert plain.getvalue() == rich.file.getvalue() == ""  # type: ignore[attr-defined]
