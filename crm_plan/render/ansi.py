"""Lines in colour for a terminal, written as rich writes them, without rich's console.

crmplan's views use a handful of styles (bold, underline, reverse, italic, dim, red...):
their escape codes are fixed, the same in every colour system a terminal may have, so a
line is turned into them here, piece by piece where its styles change, exactly as rich's
`Text.render` and `Style.render` would (`tests/test_styled.py` compares the two on random
lines). Importing rich's console to do it would cost a quarter of a start.
"""

from __future__ import annotations

from itertools import pairwise
from operator import itemgetter

from crm_plan.render.styled import Styled

# rich's attribute order (Style._make_ansi_codes), and the eight standard colours.
_ATTRIBUTES = {"bold": 1, "dim": 2, "italic": 3, "underline": 4, "blink": 5, "blink2": 6,
               "reverse": 7, "conceal": 8, "strike": 9}
_COLOURS = {name: 30 + number for number, name in enumerate(
    ["black", "red", "green", "yellow", "blue", "magenta", "cyan", "white"])}


def line(text: Styled, under: str = "") -> str:
    """The line and its newline, each change of style a piece of its own; `under` is a
    style beneath all of the line's own (what `Console.print(..., style=)` adds)."""
    spans = text.joined_spans()
    if not spans and not under:
        return text.plain + "\n"
    events = [(0, False, 0), *((start, False, i) for i, (start, _e, _s) in enumerate(spans, 1)),
              *((end, True, i) for i, (_s, end, _st) in enumerate(spans, 1)),
              (len(text.plain), True, 0)]
    events.sort(key=itemgetter(0, 1))
    pieces: list[str] = []
    open_spans: list[int] = []
    for (offset, leaving, index), (following, _leaving, _index) in pairwise(events):
        if leaving:
            open_spans.remove(index)
        else:
            open_spans.append(index)
        if following > offset:
            styles = [under, *(spans[i - 1][2] for i in sorted(open_spans) if i)]
            pieces.append(_render(text.plain[offset:following], codes(styles)))
    return "".join(pieces) + "\n"


def codes(styles: list[str]) -> str:
    """The SGR parameters of styles applied one over the other: `1;4` for bold underline."""
    attributes, colour = set(), None
    for word in " ".join(styles).split():
        if word in _ATTRIBUTES:
            attributes.add(_ATTRIBUTES[word])
        elif word in _COLOURS:
            colour = _COLOURS[word]  # the last colour wins, as when rich adds styles
        else:
            raise ValueError(f"crmplan has no escape code for the style {word!r}")
    return ";".join(map(str, [*sorted(attributes), *([colour] if colour else [])]))


def _render(piece: str, parameters: str) -> str:
    return f"\x1b[{parameters}m{piece}\x1b[0m" if parameters and piece else piece
