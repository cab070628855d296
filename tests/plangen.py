"""Random valid plans in the project's format, written as a person would write them.

`plans()` is a hypothesis strategy for the text of a plan file: comments between and
inside items (at the item's indentation, deeper, or at column 0), blank lines (some
holding spaces), the three quoting styles and folded/literal blocks, `#` and `: `
inside quoted text, accents, long lines, ids quoted or not and numbered with gaps
(9.9 then 9.10), lists in brackets or as `- ` items, fields in any order, LF or
CRLF, with or without a byte-order mark or a final newline, and the active plan and
the history indented independently (`- ` under its key, or two spaces in).

Every generated plan must validate without errors: `test_properties.py` checks it,
so a generator that drifts into invalid plans fails loudly rather than testing less.
"""

from __future__ import annotations

import functools
import random
from dataclasses import dataclass
from typing import TypeVar

from hypothesis import strategies as st

T = TypeVar("T")

WORDS = [
    "Designar", "un", "enlace", "por", "país", "para", "la", "coordinación", "de", "las",
    "repatriaciones", "víctimas", "trata", "Año", "niñez", "México", "Panamá", "información",
    "CRM", "OIM", "no", "sí", "6.10", "2010", "yes", "on", "true", "Ñandú", "él", "(ver)",
    "y/o", "n.º", "«Pasar", "al", "histórico»", "“puntos", "focales”", "50%", "a-b",
    "note:ver",  # at the start of a line of folded text it is text, not a slip
]
# Characters that only quoted text may hold. (Not a tab: in a text of one line it is an error,
# [control-character], wherever it is written.)
QUOTED_EXTRAS = ["#", ": ", " #", "'", '"', "\\", "[", "]", "{", "}", ",", "&", "*", "!", "|",
                 ">", "%", "@", "`", "- ", "? "]
ACTORS = ["ST", "OIM", "México", "Países miembros"]
REFS = [
    "p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008",
    "pf. 21, CRM, Deci., mayo, 2003",
    "CRM, mayo, 2002",
    "p. 3, CRM, Deci., abril, 2007",
]
STATUSES = ["continuo", "pendiente", "por definir", "Por Definir", "PENDIENTE", "Continuo",
            "programado", "Pendiente"]
DUES = ["2010-02", "2010", '"2011"', "2010-02-15", "'2012-07'"]


@dataclass(frozen=True)
class Layout:
    """How one file is laid out; the history may be indented unlike the active plan."""

    newline: str
    bom: bool
    final_newline: bool
    objective_dash: int  # column of an objective's `- ` under `objectives:`
    history_dash: int
    activity_offset: int  # columns from `activities:` to an activity's `- `
    history_activity_offset: int
    activity_gap: tuple[str, ...]  # the lines between two activities
    objective_gap: tuple[str, ...]


BLANK_LINES = ("", "", "  ", "    ")


@functools.cache
def _integers(low: int, high: int) -> st.SearchStrategy[int]:
    return st.integers(low, high)


@functools.cache
def _sampled(options: tuple[object, ...]) -> st.SearchStrategy[object]:
    return st.sampled_from(options)


# Strategies are made once and drawn from plain functions: a plan takes hundreds of choices,
# and a composite strategy per choice made generating several times slower.
def number(draw: st.DrawFn, low: int, high: int) -> int:
    return draw(_integers(low, high))


def pick(draw: st.DrawFn, *options: T) -> T:
    """One of the options; shrinks to the first."""
    return draw(_sampled(options))  # type: ignore[return-value]


def rarely(draw: st.DrawFn, n: int) -> bool:
    """True about once in n + 1 draws; shrinks to False, so that failures shrink to plain."""
    return number(draw, 0, n) == n


def flip(draw: st.DrawFn) -> bool:
    return number(draw, 0, 1) == 1


def layouts(draw: st.DrawFn) -> Layout:
    return Layout(
        newline=pick(draw, "\n", "\r\n"),
        bom=flip(draw),
        final_newline=not flip(draw),
        objective_dash=pick(draw, 0, 2),
        history_dash=pick(draw, 0, 2),
        activity_offset=pick(draw, 0, 2, 4),
        history_activity_offset=pick(draw, 0, 2),
        activity_gap=tuple(pick(draw, *BLANK_LINES) for _ in range(number(draw, 0, 1))),
        objective_gap=tuple(pick(draw, *BLANK_LINES) for _ in range(number(draw, 0, 2))),
    )


def seeded(draw: st.DrawFn) -> random.Random:
    """Words and orders come from one draw (generating is ten times faster than drawing each
    word); the structure of the plan is drawn choice by choice, so that failures shrink."""
    return random.Random(number(draw, 0, 2**16))


def words(draw: st.DrawFn, max_size: int = 8) -> str:
    rng = seeded(draw)
    chosen = rng.choices(WORDS, k=rng.randint(1, max_size))
    if rarely(draw, 9):  # now and then a long line
        chosen = chosen * (400 // len(" ".join(chosen)) + 1)
    text = " ".join(chosen)
    return text if text[0] not in "-(«“%" else "x" + text


def comment(draw: st.DrawFn) -> str:
    return "# " + words(draw, max_size=6) + pick(draw, "", ": x", ' "#" y', " 'z'")


def maybe_trailing(draw: st.DrawFn) -> str:
    """A comment at the end of a line, or nothing."""
    if not rarely(draw, 5):
        return ""
    return pick(draw, " ", "   ") + comment(draw)


def value(draw: st.DrawFn, column: int) -> list[str]:
    """A text value for a key at `column`: the rest of the key's line, then more lines."""
    text = words(draw)
    style = pick(draw, "plain", "plain", "double", "single", "folded", "literal")
    if style == "plain":
        return [text + maybe_trailing(draw)]
    if style in ("double", "single"):
        rng = seeded(draw)
        extras = rng.choices(QUOTED_EXTRAS, k=rng.randint(0, 3))
        text = " ".join([text, *extras]).rstrip() + "."
        if style == "double":
            escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
            return ['"' + escaped + '"' + maybe_trailing(draw)]
        return ["'" + text.replace("\t", " ").replace("'", "''") + "'" + maybe_trailing(draw)]
    indicator = pick(draw, ">-", ">", "|", "|-")
    rows = [words(draw, max_size=5) for _ in range(number(draw, 1, 3))]
    return [indicator] + [" " * (column + 2) + row for row in rows]


def actor_list(draw: st.DrawFn, column: int) -> list[str]:
    rng = seeded(draw)
    names = rng.sample(ACTORS, rng.randint(1, 3))
    style = pick(draw, "flow", "flow", "spaced", "block", "scalar")
    if style == "flow":
        return ["[" + ", ".join(names) + "]" + maybe_trailing(draw)]
    if style == "spaced":
        return ["[ " + " , ".join(names) + " ]"]
    if style == "scalar":
        return [names[0] + maybe_trailing(draw)]
    return [""] + [" " * (column + 2) + "- " + name for name in names]


def quote_id(draw: st.DrawFn, item_id: str) -> str:
    return pick(draw, '"{}"', "'{}'", "{}").format(item_id)


def inner_comments(draw: st.DrawFn, column: int, dash: int, margin: int) -> list[str]:
    """Comment (and blank) lines inside an item, between two of its fields."""
    lines: list[str] = []
    if rarely(draw, 3):
        where = pick(draw, column, column, dash + 1, margin)
        lines.append(" " * where + comment(draw))
    if rarely(draw, 9):
        lines.append(pick(draw, *BLANK_LINES))
    return lines


def activity(draw: st.DrawFn, activity_id: str, dash: int, archived: bool,
             margin: int) -> list[str]:
    column = dash + 2
    fields: list[tuple[str, list[str]]] = [("text", value(draw, column))]
    if flip(draw):
        rng = seeded(draw)
        refs = rng.choices(REFS, k=rng.randint(1, 2))
        fields.append(("ref", [refs[0]] if len(refs) == 1 else
                       [""] + [" " * (column + 2) + "- " + r for r in refs]))
    if not archived:
        fields.append(("responsible", actor_list(draw, column)))
        status = pick(draw, *STATUSES)
        quoted = pick(draw, '{}', '{}', '"{}"', "'{}'").format(status)
        fields.append(("status", [quoted + maybe_trailing(draw)]))
        if status == "programado":
            fields.append(("due", [pick(draw, *DUES)]))
    elif flip(draw):
        fields.append(("status", ["completado"]))
    for key in ("coordination", "support"):
        if rarely(draw, 3):
            fields.append((key, actor_list(draw, column)))
    for key in ("responsible_note", "status_note", "note"):
        if rarely(draw, 3):
            fields.append((key, value(draw, column)))
    if rarely(draw, 4):
        fields.append(("action_plan", [pick(draw, "true", "false", "True")]))
    if archived or rarely(draw, 4):
        outcomes = [value(draw, column + 4) for _ in range(number(draw, 1, 2))]
        rows = [""]
        for outcome in outcomes:
            rows += [" " * (column + 2) + "- text: " + outcome[0], *outcome[1:]]
        fields.append(("outcomes", rows))
    seeded(draw).shuffle(fields)
    first = ("id", [quote_id(draw, activity_id) + maybe_trailing(draw)])
    fields.insert(1 if rarely(draw, 5) else 0, first)
    return _item(draw, fields, dash, margin)


def _item(draw: st.DrawFn, fields: list[tuple[str, list[str]]], dash: int,
          margin: int) -> list[str]:
    """`- key: value` lines of one list item, with comments inside it."""
    column = dash + 2
    lines: list[str] = []
    lone_dash = rarely(draw, 9)
    if lone_dash:
        lines.append(" " * dash + "-")
    for index, (key, rows) in enumerate(fields):
        if index or lone_dash:
            lines += inner_comments(draw, column, dash, margin) if index else []
            prefix = " " * column
        else:
            prefix = " " * dash + "- "
        head = rows[0]
        lines.append(f"{prefix}{key}:" + (" " + head if head else ""))
        lines += rows[1:]
    if rarely(draw, 5):  # a comment closing the item, indented under it
        lines.append(" " * column + comment(draw))
    return lines


def objective(draw: st.DrawFn, objective_id: str, activity_ids: list[str], dash: int,
              offset: int, section: str, gap: tuple[str, ...], archived: bool,
              margin: int) -> list[str]:
    column = dash + 2
    header: list[tuple[str, list[str]]] = [
        ("id", [quote_id(draw, objective_id) + maybe_trailing(draw)]),
        ("section", [section]),
        ("title", value(draw, column)),
    ]
    if rarely(draw, 3):
        header.append(("note", value(draw, column)))
    if rarely(draw, 4):
        header.append(("action_plan", ["true"]))
    rest = header[1:]
    seeded(draw).shuffle(rest)
    header[1:] = rest
    rows: list[str] = ["" + maybe_trailing(draw).lstrip()]
    activity_dash = column + offset
    for index, activity_id in enumerate(activity_ids):
        if index:
            rows += list(gap)
        before = [comment(draw)] if rarely(draw, 3) else []
        where = pick(draw, activity_dash, activity_dash, margin)
        rows += [" " * where + c for c in before]
        rows += activity(draw, activity_id, activity_dash, archived, margin)
    at = len(header) - 1 if rarely(draw, 7) else len(header)
    header.insert(at, ("activities", rows))
    return _item(draw, header, dash, margin)


def _ids(draw: st.DrawFn, count: int, start: int = 1) -> list[int]:
    steps = seeded(draw).choices([1, 1, 1, 2, 7], k=count)
    numbers, current = [], start - 1
    for step in steps:
        current += step
        numbers.append(current)
    return numbers


def part(draw: st.DrawFn, key: str, layout: Layout, archived: bool) -> list[str]:
    dash = layout.history_dash if archived else layout.objective_dash
    offset = layout.history_activity_offset if archived else layout.activity_offset
    # The history shows the file's blank lines between objectives and between activities even
    # when everything else is archived: with no example left, restore cannot know them.
    shows_objective_gap = archived and layout.objective_gap != ("",)
    shows_activity_gap = archived and layout.activity_gap != ()
    # A comment in column 0 inside an item cannot move between parts indented differently
    # and come back: shifted left it stays in column 0, and then goes right.
    margin = 0 if layout.objective_dash == layout.history_dash else dash
    count = 2 if shows_objective_gap else number(draw, 1, 2 if archived else 4)
    lines = [key + ":" + maybe_trailing(draw)]
    for index, serial in enumerate(_ids(draw, count)):
        if index:
            lines += list(layout.objective_gap)
        if rarely(draw, 3):
            lines.append(" " * pick(draw, dash, margin) + comment(draw))
        objective_id = f"I.A.{serial}" if archived else str(serial)
        n_activities = number(draw, 1, 2 if archived else 4)
        n_activities = 2 if shows_activity_gap and index == 0 else n_activities
        activity_ids = [f"{objective_id}.{k}" for k in _ids(draw, n_activities)]
        section = pick(draw, "A", "B")
        lines += objective(draw, objective_id, activity_ids, dash, offset, section,
                           layout.activity_gap, archived, margin)
    return lines


HEAD = """\
document:
  title: {title}
  organization: CRM
  updated: 2009-11-26{trailing}

actors:
  ST: Secretaría Técnica de la CRM
  OIM: Organización Internacional para las Migraciones
  # Países
  México: Estados Unidos Mexicanos
  Países miembros:
    name: Países miembros de la CRM
    members: [México, Belice]

areas:
  I: Políticas y gestión migratoria
sections:
  A:
    area: I
    title: Sección A
  B:
    area: I
    title: 'Sección B: intercambio'
"""


@dataclass(frozen=True)
class Generated:
    text: str  # with its BOM, if any, as the first character
    layout: Layout
    history: bool  # whether the file has a history

    @property
    def part_indents_differ(self) -> bool:
        """Restore cannot know the active plan's indentation once all of it was archived."""
        return self.history and self.layout.objective_dash != self.layout.history_dash


def plans() -> st.SearchStrategy[str]:
    """The text of a valid plan file (with its BOM, if any, as the first character)."""
    return generated_plans().map(lambda generated: generated.text)


@st.composite
def generated_plans(draw: st.DrawFn) -> Generated:
    layout = layouts(draw)
    lines: list[str] = []
    if flip(draw):
        lines += [comment(draw), "#"]
    title = value(draw, 2)
    lines += HEAD.format(title=title[0], trailing=maybe_trailing(draw)).splitlines()
    lines[lines.index("  organization: CRM"):lines.index("  organization: CRM")] = title[1:]
    lines += [""] * number(draw, 0, 2)
    lines += part(draw, "objectives", layout, archived=False)
    history = layout.objective_gap != ("",) or bool(layout.activity_gap) or flip(draw)
    if history:
        lines += [""] * number(draw, 0, 2)
        if flip(draw):
            lines.append(comment(draw))
        lines += part(draw, "history", layout, archived=True)
    elif rarely(draw, 3):  # a history to come: the key, with a comment on or under it
        lines += [""] * number(draw, 0, 1)
        note = comment(draw)
        lines += ["history:", "  " + note] if flip(draw) else ["history:  " + note]
    if flip(draw):
        lines.append(comment(draw))
    text = layout.newline.join(lines) + (layout.newline if layout.final_newline else "")
    return Generated(("\ufeff" if layout.bom else "") + text, layout, history)
