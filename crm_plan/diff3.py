"""A three-way merge of lines, as `git merge-file` does it, for the small pieces of text that the
structural merge (`merge.py`) does not cut further: a field's lines, the comments above an item,
the blank lines between two items.

The result is a list of pieces: a line as written, or a `Conflict` holding the lines of the
three versions where both sides changed the same lines differently. Changes that touch or
overlap are one conflict; git does the same.
"""

from __future__ import annotations

import difflib
from collections.abc import Sequence
from typing import NamedTuple


class Conflict(NamedTuple):
    base: tuple[str, ...]
    ours: tuple[str, ...]
    theirs: tuple[str, ...]


Piece = str | Conflict


class _Hunk(NamedTuple):
    start: int  # the base lines [start, stop) ...
    stop: int
    lines: tuple[str, ...]  # ... became these
    side: int  # 0: ours, 1: theirs


def merge_lines(base: Sequence[str], ours: Sequence[str], theirs: Sequence[str]) -> list[Piece]:
    """The merge of two edits of `base`: each side's changes, and conflicts where they meet."""
    if list(ours) == list(theirs) or list(base) == list(theirs):
        return list(ours)
    if list(base) == list(ours):
        return list(theirs)
    hunks = sorted(_hunks(base, ours, 0) + _hunks(base, theirs, 1))
    pieces: list[Piece] = []
    at = 0
    for group in _overlapping(hunks):
        start, stop = min(h.start for h in group), max(h.stop for h in group)
        pieces += base[at:start]
        versions = [_apply(base, start, stop, [h for h in group if h.side == side])
                    for side in (0, 1)]
        if len({h.side for h in group}) == 1 or versions[0] == versions[1]:
            pieces += versions[group[0].side]
        else:
            pieces.append(Conflict(tuple(base[start:stop]), *versions))
        at = stop
    return pieces + list(base[at:])


def _hunks(base: Sequence[str], other: Sequence[str], side: int) -> list[_Hunk]:
    matcher = difflib.SequenceMatcher(None, base, other, autojunk=False)
    return [_Hunk(i1, i2, tuple(other[j1:j2]), side)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal"]


def _overlapping(hunks: list[_Hunk]) -> list[list[_Hunk]]:
    """Hunks in groups whose base lines overlap or touch."""
    groups: list[list[_Hunk]] = []
    stop = -1
    for hunk in hunks:
        if groups and hunk.start <= stop:
            groups[-1].append(hunk)
            stop = max(stop, hunk.stop)
        else:
            groups.append([hunk])
            stop = hunk.stop
    return groups


def _apply(base: Sequence[str], start: int, stop: int, hunks: list[_Hunk]) -> tuple[str, ...]:
    """base[start:stop] with one side's hunks applied."""
    lines: list[str] = []
    at = start
    for hunk in hunks:
        lines += base[at:hunk.start]
        lines += hunk.lines
        at = hunk.stop
    return tuple(lines + list(base[at:stop]))
