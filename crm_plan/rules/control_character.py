"""control-character: no value or key holds a character that cannot be seen.

YAML itself refuses most control characters written raw in the file (the parser's syntax error
says so); what it lets through is what this rule finds: escapes in double quotes (`"\\e]0;"`),
the Unicode line and paragraph separators and the bidirectional marks written raw, and a tab
in a text of one line. Each is reported where it is written in the file: at the character, or
at the backslash of the escape that makes it.
"""

from __future__ import annotations

from collections.abc import Iterator

from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report
from crm_plan.source import Mapping, Node, Scalar, Sequence
from crm_plan.text import character_name, unsafe_characters

CODE = "control-character"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "No value or key holds a character that cannot be seen: a control character (a tab or a "
    "line break only inside a text of several lines), a Unicode line or paragraph separator, or "
    "a bidirectional mark, which reorders what a reader sees. Printed, they can clear a "
    "terminal or hide text.")

# Line breaks as the parser counts them (YAML 1.1: NEL and the Unicode separators too), and
# as editors count them, where problems are shown.
_PARSER_BREAK = "\r\n|[\r\n\x85\u2028\u2029]"
_EDITOR_BREAK = "\r\n|[\r\n]"
# What a one-letter escape of a double-quoted YAML text stands for.
_ESCAPES = {"0": "\0", "a": "\a", "b": "\b", "t": "\t", "\t": "\t", "n": "\n", "v": "\v",
            "f": "\f", "r": "\r", "e": "\x1b", "N": "\x85", "L": "\u2028", "P": "\u2029"}
_HEX_DIGITS = {"x": 2, "u": 4, "U": 8}
# What can bring such a character into a value of a file the parser read: an escape, a tab, or
# one of the few that YAML lets through raw (tests/test_rules.py checks that no other can).
_LET_THROUGH = "\\\t\x85\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"


def check(read: Read, report: Report) -> None:
    source = read.source
    text = source.text[1:] if source.bom else source.text  # the parser's positions skip it
    if source.root is None or not _might_hold_any(text):
        return
    places: _Places | None = None
    for scalar in _scalars(source.root):
        one_line = scalar.end_line == scalar.line and scalar.style not in ("|", ">")
        found = unsafe_characters(scalar.value, lines=one_line)
        if found:
            places = places or _Places(text)
            characters = [char for _index, char in found]
            for (line, col), char in zip(places.of(scalar, characters, one_line), characters,
                                         strict=True):
                report.at(line, col, _message(char, one_line))


def _might_hold_any(text: str) -> bool:
    """Whether any scalar can hold such a character: written raw, or as an escape. (A search
    for each character the parser lets through: a third of a millisecond for a 4 MB plan,
    where a regular expression over all of them takes ten.)"""
    return any(char in text for char in _LET_THROUGH)


def _scalars(root: Node) -> Iterator[Scalar]:
    """Every scalar of the tree, keys included, in no particular order."""
    stack = [root]
    while stack:
        node = stack.pop()
        if isinstance(node, Scalar):
            yield node
        elif isinstance(node, Mapping):
            for key, value in node.pairs:
                stack.append(key)
                stack.append(value)
        elif isinstance(node, Sequence):
            stack.extend(node.items)


def _message(char: str, one_line: bool) -> str:
    name = character_name(char)
    if char in "\t\n":
        return _("a text on a single line cannot hold {character}; write a space instead, or "
                 "write the text as a block ('|') over several lines").format(character=name)
    if char in "\u2028\u2029" or ord(char) > 0x9F:
        return _("the text holds {character}, an invisible character that changes how the text "
                 "around it is shown; delete it").format(character=name)
    return _("the text holds {character}, a control character that cannot be seen; delete "
             "it").format(character=name)


class _Places:
    """Where the characters of a scalar's value are written in the file, as editors count.
    (Made only for a file that holds such a character: then its patterns are compiled.)"""

    def __init__(self, text: str) -> None:
        import re

        self.text = text
        self.parser_lines = [0] + [m.end() for m in re.finditer(_PARSER_BREAK, text)]
        self.editor_lines = [0] + [m.end() for m in re.finditer(_EDITOR_BREAK, text)]

    def of(self, scalar: Scalar, characters: list[str], one_line: bool) -> list[tuple[int, int]]:
        """The line and column of each of `characters` (found in this order in the value):
        where it is written raw, or where the escape that makes it starts."""
        start = self._offset(scalar.line, scalar.col)
        written = self.text[start:self._offset(scalar.end_line, scalar.end_col)]
        makers = [start + at for at, char in _makers(written, scalar.style)
                  if unsafe_characters(char, lines=one_line)]
        if len(makers) != len(characters):  # not expected: then the scalar's start will do
            return [(scalar.line, scalar.col)] * len(characters)
        return [self._editor(offset) for offset in makers]

    def _offset(self, line: int, col: int) -> int:
        starts = self.parser_lines
        return (starts[line - 1] if line <= len(starts) else len(self.text)) + col - 1

    def _editor(self, offset: int) -> tuple[int, int]:
        from bisect import bisect_right

        line = bisect_right(self.editor_lines, offset)
        return line, offset - self.editor_lines[line - 1] + 1


def _makers(written: str, style: str | None) -> Iterator[tuple[int, str]]:
    """(where, character) for what each piece of a scalar as written puts in its value: a
    character itself, or in double quotes an escape (`\\e`, `\\x1b`, `\\u202e`)."""
    at = 0
    while at < len(written):
        char = written[at]
        if char != "\\" or style != '"' or at + 1 == len(written):
            yield at, char
            at += 1
            continue
        letter = written[at + 1]
        digits = _HEX_DIGITS.get(letter, 0)
        if digits:
            try:
                yield at, chr(int(written[at + 2:at + 2 + digits], 16))
            except ValueError:  # the parser would have refused it
                pass
        elif letter in _ESCAPES:
            yield at, _ESCAPES[letter]
        at += 2 + digits
