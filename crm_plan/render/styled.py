"""Text with styles, as the terminal views build it, and its wrapping: rich's, without rich.

A `Styled` is what a rich `Text` is to crmplan's views: the words, a style for the whole
(`bold`) and styles on parts of it (spans). Its `wrap` gives the lines rich's `Text.wrap`
gives, word for word and style for style (`tests/test_styled.py` compares the two on random
texts): the words are divided by rich's own `divide_line` and measured by `rich.cells`,
two small modules, so that the views never import rich's console and text machinery (a
quarter of a start). `to_rich` hands a text to rich where rich draws (Windows, tests).
"""

from __future__ import annotations

import re
from itertools import pairwise
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rich.text import Text

Span = tuple[int, int, str]  # start, end, style

# What rich's Text removes from every string it is given (bell, backspace, \v, \f, \r).
_CONTROL = re.compile("[\x07\x08\x0b\x0c\r]")


def _sanitized(text: str) -> str:
    """`text` without those (a search in C: str.translate looks up every character)."""
    return _CONTROL.sub("", text) if _CONTROL.search(text) else text

_TAB_SIZE = 8


class Styled:
    """Words with a style for the whole (`style`) and for parts of them (`spans`)."""

    __slots__ = ("plain", "spans", "style")

    def __init__(self, text: str = "", style: str = "", spans: list[Span] | None = None) -> None:
        self.plain = _sanitized(text)
        self.style = style
        self.spans: list[Span] = spans or []

    def __len__(self) -> int:
        return len(self.plain)

    def __bool__(self) -> bool:
        return bool(self.plain)

    def __repr__(self) -> str:
        return f"Styled({self.plain!r}, {self.style!r}, {self.spans!r})"

    @property
    def cell_len(self) -> int:
        from rich.cells import cell_len

        return cell_len(self.plain)

    def copy(self) -> Styled:
        return _clean(self.plain, self.style, list(self.spans))

    def append(self, text: str | Styled, style: str = "") -> Styled:
        """Add words at the end, in `style`; a Styled keeps its own styles."""
        if isinstance(text, Styled):
            offset = len(self.plain)
            if text.style and text.plain:
                self.spans.append((offset, offset + len(text.plain), text.style))
            self.spans += [(start + offset, end + offset, s) for start, end, s in text.spans]
            self.plain += text.plain
        elif text:
            text = _sanitized(text)
            if style:
                self.spans.append((len(self.plain), len(self.plain) + len(text), style))
            self.plain += text
        return self

    def stylize(self, style: str) -> None:
        """Put `style` on all the words there are now."""
        if style and self.plain:
            self.spans.append((0, len(self.plain), style))

    def joined_spans(self) -> list[Span]:
        """The spans as rich's Text.join leaves them, which is what rich renders: the style
        of the whole made the first span (a Text's own style is applied by what holds it)."""
        return ([(0, len(self.plain), self.style)] if self.style else []) + self.spans

    def to_rich(self) -> Text:
        from rich.text import Span as RichSpan
        from rich.text import Text

        return Text(self.plain, self.style, spans=[RichSpan(*span) for span in self.spans])

    # -- wrapping, as rich's Text.wrap ----------------------------------------------------------

    def wrap(self, width: int, *, justify: str = "default", overflow: str = "fold",
             no_wrap: bool = False) -> list[Styled]:
        """The lines of the text in `width` cells: each line of it divided at its words,
        justified ("left" and "right" pad to the width) and cut with … ("ellipsis") or
        at the edge ("fold" moves a long word on to the next line)."""
        from rich._wrap import divide_line

        lines = []
        breaks = _positions(self.plain, "\n")  # each line break cut out as a piece of its own
        for line in self._divide([at for i in breaks for at in (i, i + 1)], drop="\n"):
            if "\t" in line.plain:
                line = line._expand_tabs()
            if no_wrap:
                pieces = [line]
            else:
                pieces = line._divide(divide_line(line.plain, width, fold=overflow == "fold"))
                for piece in pieces:
                    piece._rstrip_end(width)
            for piece in pieces:
                if justify == "left":
                    piece.truncate(width, overflow, pad=True)
                elif justify == "right":
                    piece._set_plain(piece.plain.rstrip())
                    piece.truncate(width, overflow)
                    piece._pad_left(width - piece.cell_len)
                piece.truncate(width, overflow)
            lines += pieces
        return lines

    def truncate(self, width: int, overflow: str = "fold", *, pad: bool = False) -> None:
        """Cut the text to `width` cells (with … for "ellipsis"); with `pad`, fill it up."""
        from rich.cells import cell_len, set_cell_size

        length = cell_len(self.plain)
        if length > width:
            cut = set_cell_size(self.plain, width - 1) + "…" if overflow == "ellipsis" else \
                set_cell_size(self.plain, width)
            self._set_plain(cut)
        if pad and length < width:
            self.plain += " " * (width - length)

    def _divide(self, offsets: list[int], drop: str | None = None) -> list[Styled]:
        """The pieces between the offsets, each with the part of every span on it (and
        without the pieces that are only `drop`: the separators of a split)."""
        bounds = [0, *offsets, len(self.plain)]
        pieces = []
        for start, end in pairwise(bounds):
            if drop is not None and self.plain[start:end] == drop:
                continue
            piece = _clean(self.plain[start:end], self.style, [])
            for s_start, s_end, style in self.spans:
                low, high = max(0, s_start - start), min(s_end - start, end - start)
                if high > low:
                    piece.spans.append((low, high, style))
            pieces.append(piece)
        return pieces

    def _set_plain(self, text: str) -> None:
        """New words in place of the old; spans beyond their end are cut back to it."""
        text = _sanitized(text)
        if text != self.plain:
            shorter = len(text) < len(self.plain)
            self.plain = text
            if shorter:
                self._trim_spans(len(text))

    def _trim_spans(self, end: int) -> None:
        self.spans = [(start, min(stop, end), style) for start, stop, style in self.spans
                      if start < end]

    def _rstrip_end(self, size: int) -> None:
        """Drop the spaces at the end that stand beyond `size` characters."""
        excess = len(self.plain) - size
        if excess > 0:
            spaces = len(self.plain) - len(self.plain.rstrip())
            if spaces:
                amount = min(spaces, excess)
                self._trim_spans(len(self.plain) - amount)
                self.plain = self.plain[:-amount]

    def _pad_left(self, count: int) -> None:
        if count:
            self.plain = " " * count + self.plain
            self.spans = [(start + count, end + count, style) for start, end, style in self.spans]

    def _expand_tabs(self) -> Styled:
        """Each tab as the spaces up to the next multiple of 8 cells (at least one), in the
        style of the words before it."""
        from rich.cells import cell_len

        result, position = Styled(style=self.style), 0
        for part in self._divide([i + 1 for i in _positions(self.plain, "\t")]):
            if part.plain.endswith("\t"):
                part.plain = part.plain[:-1] + " "
                position += cell_len(part.plain)
                if position % _TAB_SIZE:
                    spaces = _TAB_SIZE - position % _TAB_SIZE
                    end = len(part.plain)
                    part.spans = [(start, stop + spaces if stop >= end else stop, style)
                                  for start, stop, style in part.spans]
                    part.plain += " " * spaces
                    position += spaces
            else:
                position += cell_len(part.plain)
            result.append(part)
        return result


def _clean(plain: str, style: str, spans: list[Span]) -> Styled:
    """A Styled of words already without control codes (a part or a copy of one): the
    search for them is not made again on the hot path of wrapping."""
    made = Styled.__new__(Styled)
    made.plain, made.style, made.spans = plain, style, spans
    return made


def _positions(text: str, char: str) -> list[int]:
    """Where `char` stands in `text`."""
    found, index = [], text.find(char)
    while index >= 0:
        found.append(index)
        index = text.find(char, index + 1)
    return found
