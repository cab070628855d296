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
STYLES = ["", "bold", "underline", "italic"]

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
def test_a_plain_listing_imports_neither_rich_console_nor_rich_text(environment, colour):
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
    assert {"rich.console" in modules, "rich.text" in modules} == {colour}
    assert ("\x1b[" in result.stdout) is colour
