"""Reading the plan file: bytes -> text -> a tree of nodes that know their position.

No interpretation happens here: every scalar is kept as written (`6.10` stays the
text "6.10", `no` stays "no"), so that validation can say what was meant instead
of YAML silently turning it into a number or a boolean.

Nodes are built from the parser's event stream by a small loop rather than by
ruamel.yaml's composer, because that lets us refuse aliases (alias bombs) and
tags, report duplicate keys with both positions, and stop at a fixed depth
before the C composer's recursion could crash the process.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, NamedTuple

from crm_plan import conflicts
from crm_plan.fields import NAMES_OF_FIELDS  # names only: reading does not validate
from crm_plan.filebytes import MAX_FILE_BYTES, decode, read_bytes  # noqa: F401 (re-exported)
from crm_plan.messages import N_, _
from crm_plan.problems import Problem, Severity

MAX_DEPTH = 32
BOM = "\ufeff"

# Tags a plain YAML file may spell out; anything else (`!!python/object`, `!foo`) is refused.
_STANDARD_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:seq",
    "tag:yaml.org,2002:map",
    "!",
}


class Node:
    """A value of the file and where it is (1-based, as editors count).

    Nodes are plain classes with slots: a large plan has a quarter of a million of them, and
    a dataclass would cost a millisecond more at every start for each of the four classes.
    """

    __slots__ = ("line", "col", "end_line", "end_col")  # noqa: RUF023 (field order)

    def __init__(self, line: int, col: int, end_line: int, end_col: int) -> None:
        self.line, self.col, self.end_line, self.end_col = line, col, end_line, end_col

    def __repr__(self) -> str:
        names = [n for cls in reversed(type(self).__mro__) for n in getattr(cls, "__slots__", ())]
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in names)})"


class Scalar(Node):
    __slots__ = ("value", "style")  # noqa: RUF023 (field order)

    def __init__(self, line: int, col: int, end_line: int, end_col: int, value: str,
                 style: str | None = None) -> None:  # style: None for plain, or ' " | >
        self.line, self.col, self.end_line, self.end_col = line, col, end_line, end_col
        self.value, self.style = value, style


class Sequence(Node):
    __slots__ = ("items", "flow")  # noqa: RUF023 (field order)

    def __init__(self, line: int, col: int, end_line: int, end_col: int, *,
                 flow: bool = False) -> None:
        self.line, self.col, self.end_line, self.end_col = line, col, end_line, end_col
        self.items: list[Node] = []
        self.flow = flow


class Mapping(Node):
    __slots__ = ("pairs", "flow")  # noqa: RUF023 (field order)

    def __init__(self, line: int, col: int, end_line: int, end_col: int, *,
                 flow: bool = False) -> None:
        self.line, self.col, self.end_line, self.end_col = line, col, end_line, end_col
        self.pairs: list[tuple[Scalar, Node]] = []
        self.flow = flow

    def get(self, key: str) -> Node | None:
        for k, v in self.pairs:
            if k.value == key:
                return v
        return None


class Source(NamedTuple):
    """A plan file as read: its text, its node tree (None when unusable) and problems."""

    path: str
    text: str
    root: Node | None
    problems: list[Problem]
    bom: bool = False


def read_source(path: Path, display: str | None = None) -> Source:
    """Read and parse `path`; file-level failures raise PlanFileError."""
    display = display if display is not None else str(path)
    return from_bytes(read_bytes(path, display), display)


def from_bytes(data: bytes, display: str) -> Source:
    """Decode and parse the bytes of a plan file."""
    text, problems = decode(data, display)
    if text is None:
        return Source(display, "", None, problems)
    bom = text.startswith(BOM)
    root, parse_problems = parse(text[1:] if bom else text, display)
    return Source(display, text, root, problems + parse_problems, bom)


def _problem(path: str, line: int, col: int, code: str, message: str) -> Problem:
    return Problem(path, line, col, Severity.ERROR, code, message)


def parse(text: str, display: str) -> tuple[Node | None, list[Problem]]:
    """The node tree of `text` (None when it has no document) and the problems found."""
    if (unfinished := conflicts.problem(text, display)) is not None:
        return None, [unfinished]  # git's markers, rather than the syntax errors they make
    hints = _indentation_hints(text, display)
    builder = _TreeBuilder(display)
    try:
        builder.run(_events(text))
    except _Stop:
        pass
    except Exception as exc:
        if not _is_yaml_error(exc):
            raise
        syntax = _syntax_problem(exc, text, display)
        syntax = _editor_mistake(text, syntax) or syntax
        if not any(h.line <= syntax.line <= h.line + 3 for h in hints):
            hints.append(syntax)
        return None, hints
    if builder.text_lines:  # a tab or a `note:x` on a later line of a text is part of the text
        hints = [h for h in hints if h.line not in builder.text_lines]
    return builder.root, hints + builder.problems


def _is_yaml_error(exc: Exception) -> bool:
    from ruamel.yaml.error import YAMLError

    return isinstance(exc, YAMLError)


def _events(text: str):  # type: ignore[no-untyped-def]
    """The parser's events: straight from ruamel.yaml.clib's C parser where it is installed
    (what YAML(typ="safe") would use, without its generator around every event)."""
    parser = _c_parser()
    if parser is None:
        from ruamel.yaml import YAML

        return YAML(typ="safe").parse(text)
    return iter(parser(text).get_event, None)


def _c_parser() -> Any:
    """ruamel.yaml.clib's C parser, or None where it is not installed."""
    try:
        from _ruamel_yaml import CParser
    except ImportError:
        return None
    return CParser


class _Stop(Exception):
    """Raised by the builder to stop reading after a fatal problem."""


class _TreeBuilder:
    """Turns parser events into nodes, without recursion."""

    def __init__(self, display: str) -> None:
        self.display = display
        self.root: Node | None = None
        self.problems: list[Problem] = []
        self._stack: list[Mapping | Sequence] = []
        self._pending_key: list[Scalar | None] = []
        self._seen_keys: list[dict[str, Scalar]] = []
        self._documents = 0
        self.text_lines: set[int] = set()  # the lines after the first of multi-line scalars

    def run(self, events) -> None:  # type: ignore[no-untyped-def]
        # The hot loop of reading a plan: one pass per event, so dispatch and node creation
        # are inlined (a 10,000-activity plan has a quarter of a million events).
        from ruamel.yaml.events import ScalarEvent  # with the parser, never at start-up

        add, handlers = self._add, self._handlers()
        for event in events:
            if event.__class__ is ScalarEvent:
                if event.tag is not None:
                    self._check_tag(event)
                start, end = event.start_mark, event.end_mark
                if end.line > start.line:  # a block scalar ends in column 0 of the next line
                    self.text_lines.update(range(start.line + 2, end.line + 1 + (end.column > 0)))
                add(Scalar(start.line + 1, start.column + 1, end.line + 1, end.column + 1,
                           event.value, event.style or None))
            else:
                handler = handlers.get(event.__class__.__name__)
                if handler is not None:
                    handler(event)

    def _handlers(self) -> dict[str, Callable[[Any], None]]:
        return {
            "DocumentStartEvent": self._document_start,
            "AliasEvent": self._alias,
            "SequenceStartEvent": lambda event: self._open(event, "SequenceStartEvent"),
            "MappingStartEvent": lambda event: self._open(event, "MappingStartEvent"),
            "SequenceEndEvent": self._close,
            "MappingEndEvent": self._close,
        }

    def _alias(self, event) -> None:  # type: ignore[no-untyped-def]
        self._fatal(event, "alias", _(
            "aliases (*{name}) are not allowed in a plan file; write the value out in full"
        ).format(name=event.anchor))

    def _document_start(self, event) -> None:  # type: ignore[no-untyped-def]
        self._documents += 1
        if self._documents > 1:
            self._fatal(event, "syntax", _(
                "a second YAML document starts here ('---'); a plan file holds exactly one"))

    def _open(self, event, name: str) -> None:  # type: ignore[no-untyped-def]
        self._check_tag(event)
        if len(self._stack) >= MAX_DEPTH:
            self._fatal(event, "depth", _(
                "the file is nested more than {depth} levels deep here; a plan file is at most "
                "{depth} levels deep").format(depth=MAX_DEPTH))
        line, col, _e1, _e2 = _span(event)
        cls = Sequence if name == "SequenceStartEvent" else Mapping
        node = cls(line, col, line, col, flow=bool(event.flow_style))
        self._add(node)
        self._stack.append(node)
        self._pending_key.append(None)
        self._seen_keys.append({})

    def _close(self, event) -> None:  # type: ignore[no-untyped-def]
        node = self._stack.pop()
        self._pending_key.pop()
        self._seen_keys.pop()
        node.end_line = event.end_mark.line + 1
        node.end_col = event.end_mark.column + 1

    def _add(self, node: Node) -> None:
        if not self._stack:
            self.root = node
            return
        parent = self._stack[-1]
        if isinstance(parent, Sequence):
            parent.items.append(node)
        elif self._pending_key[-1] is None:
            self._set_key(parent, node)
        else:
            parent.pairs.append((self._pending_key[-1], node))
            self._pending_key[-1] = None

    def _set_key(self, parent: Mapping, node: Node) -> None:
        if not isinstance(node, Scalar):
            self._fatal_at(node, "syntax", _(
                "a list or mapping is used as a key here; keys are plain words like 'text'"))
            return
        if node.value == "<<" and node.style is None:
            self._problem_at(node, "merge-key", _(
                "merge keys ('<<') are not supported in a plan file; write the fields out in full"))
        first = self._seen_keys[-1].setdefault(node.value, node)
        if first is not node and self._starts_item(parent, first):
            self._missing_dash(node, first)
        elif first is not node:
            self._problem_at(node, "duplicate-key", _(
                "'{key}' appears twice in the same mapping (first at line {line}); "
                "remove or rename one").format(key=node.value, line=first.line))
        self._pending_key[-1] = node

    def _starts_item(self, parent: Mapping, first: Scalar) -> bool:
        """Whether `first` is the first key of an item of a list (`- id: ...`)."""
        return len(self._stack) > 1 and isinstance(self._stack[-2], Sequence) \
            and parent.pairs[0][0] is first

    def _missing_dash(self, node: Scalar, first: Scalar) -> None:
        """The first key of a list item again in the same item: a `- ` left out, which makes
        the next item's keys duplicates of this one's. Deleting either would lose an item, so
        say what happened once, and read on as if a new item started here."""
        self.problems.append(_problem(self.display, node.line, max(node.col - 2, 1), "syntax", _(
            "'{key}' appears again in the same item (first at line {line}): a '- ' is missing "
            "here, so two items are read as one; start this line with '- ' like line {line}"
        ).format(key=node.value, line=first.line)))
        self._seen_keys[-1] = {node.value: node}

    def _check_tag(self, event) -> None:  # type: ignore[no-untyped-def]
        tag = getattr(event, "tag", None)
        if tag is not None and tag not in _STANDARD_TAGS:
            self._problem_at(Scalar(*_span(event), value=""), "tag", _(
                "the tag '{tag}' is not allowed in a plan file; remove it (nothing was run)"
            ).format(tag=tag))

    def _fatal(self, event, code: str, message: str) -> None:  # type: ignore[no-untyped-def]
        self._fatal_at(Scalar(*_span(event), value=""), code, message)

    def _fatal_at(self, node: Node, code: str, message: str) -> None:
        self._problem_at(node, code, message)
        self.root = None
        raise _Stop

    def _problem_at(self, node: Node, code: str, message: str) -> None:
        self.problems.append(_problem(self.display, node.line, node.col, code, message))


def _span(event) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    start, end = event.start_mark, event.end_mark
    return start.line + 1, start.column + 1, end.line + 1, end.column + 1


# Indentation mistakes a hand-editor makes, found on the raw lines so that the
# message can say what is wrong in words rather than in parser terms.
_TAB_INDENT = re.compile(r"^[ ]*\t")
_NO_SPACE_AFTER_COLON = re.compile(r"^(\s*(?:- )?)([A-Za-z_]+):(?=[^\s/])")
# What any line matching the pattern above contains (a line starts after a space: every
# line break is one): so the text as a whole tells whether any line can.
_ANY_COLON_HINT = re.compile(r"(?:^|\s)[A-Za-z_]+:[^\s/]")
# Its end, found at the speed of memchr since it starts with a ':' (2 ms for 4 MB, where the
# whole pattern, which tries every word of the text, takes 75); a plan has few.
_COLON_GLUED = re.compile(r":[^\s/]")
_WORD = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_")


def _indentation_hints(text: str, display: str) -> list[Problem]:
    if "\t" not in text and not _any_colon_hint(text):
        return []  # the usual case, found without a Python loop over the lines
    return _line_hints(text, display)


def _any_colon_hint(text: str) -> bool:
    """Whether `_ANY_COLON_HINT` matches `text`: the word before each ':' followed by a
    character, if any, starts the text or follows a space."""
    for glued in _COLON_GLUED.finditer(text):
        begin = end = glued.start()
        while begin and text[begin - 1] in _WORD:
            begin -= 1
        if begin < end and (begin == 0 or text[begin - 1].isspace()):
            return True
    return False


def _line_hints(text: str, display: str) -> list[Problem]:
    hints = []
    for number, line in enumerate(text.splitlines(), start=1):
        if _TAB_INDENT.match(line):
            column = line.index("\t") + 1
            hints.append(_problem(display, number, column, "tab", _(
                "this line is indented with a tab; YAML needs spaces for indentation")))
        match = _NO_SPACE_AFTER_COLON.match(line)
        if match and match.group(2) in NAMES_OF_FIELDS:
            column = match.end(2) + 2  # where the space should be
            message = _("a space is missing after '{key}:'; write '{key}: ...'")
            hints.append(_problem(display, number, column, "syntax",
                                  message.format(key=match.group(2))))
    return hints


# What the YAML parser says, in words a person editing the file understands.
_PLAIN_WORDS = [
    ("cannot start any token", "'\\t'",
     N_("a tab character here; YAML needs spaces, not tabs")),
    ("mapping values are not allowed", None,
     N_("a ':' followed by a space is not allowed here; if the text itself contains ': ', "
        "put the whole text in double quotes")),
    ("could not find expected ':'", None,
     N_("a line is missing its ':' (write 'key: value'), or is indented wrongly")),
    ("did not find expected key", None,
     N_("this line is not indented like the lines around it, or a quote or bracket is not "
        "closed")),
    ("did not find expected '-' indicator", None,
     N_("this list item is not indented like the items before it")),
    ("did not find expected node content", None,
     N_("a value is missing here, or the line is indented wrongly")),
    ("found unexpected end of stream", None,
     N_("the file ends inside a quoted text or a bracket: a closing quote or bracket is "
        "missing")),
    ("found unknown escape character", None,
     N_("a backslash in double quotes starts an unknown escape; use single quotes, or "
        "write \\\\")),
    ("expected ',' or ']'", None,
     N_("a list in brackets is not closed properly: a ']' or a ',' is missing")),
    ("expected ',' or '}'", None,
     N_("a mapping in braces is not closed properly: a '}' or a ',' is missing")),
    ("found character that cannot start any token", None,
     N_("this character cannot start a value; put the text in double quotes")),
    ("control characters are not allowed", None,
     N_("the file contains a control character that a text file cannot hold")),
    ("found undefined tag handle", None,
     N_("an unknown '!' tag; remove it, or put the text in quotes")),
]


def _syntax_problem(exc: Exception, text: str, display: str) -> Problem:
    problem = str(getattr(exc, "problem", None) or getattr(exc, "reason", None) or exc)
    mark = getattr(exc, "problem_mark", None)
    if mark is not None:
        line, col = mark.line + 1, mark.column + 1
    else:  # a ReaderError only knows the offset: of a byte of UTF-8 in the C parser's text
        offset = int(getattr(exc, "position", 0) or 0)
        if _c_parser() is not None:
            offset = len(text.encode("utf-8")[:offset].decode("utf-8", "ignore"))
        line = text.count("\n", 0, offset) + 1
        col = offset - (text.rfind("\n", 0, offset) + 1) + 1
    for needle, extra, words in _PLAIN_WORDS:
        if needle in problem and (extra is None or extra in problem):
            return _problem(display, line, col, "syntax", _(words))
    return _problem(display, line, col, "syntax",
                    _("the YAML syntax is broken here ({detail})").format(detail=problem))


# Slips of a hand-editor that the parser reports far from where they are, or in its own terms:
# found on the raw lines once the parser has failed, and said where they are.
_EMPTY_FLOW = re.compile(r"^(\s*)(?:- )?([^\s#'\"][^#'\"]*?):\s+(\{\}|\[\])\s*(?:#.*)?$")
_QUOTED_VALUE = re.compile(r"^\s*(?:- )?([^\s#'\"\[{][^#'\"]*?):\s+([\"'])")
_CLOSED = {'"': re.compile(r'(?:[^"\\]|\\.)*"'), "'": re.compile(r"(?:[^']|'')*'(?!')")}
_TEXT_AFTER = re.compile(r"\s*[^\s#]")
_KEY_WITHOUT_DASH = re.compile(r"^\s*[^\s#'\"\[{-][^#'\"]*?:(?:\s|$)")


def _editor_mistake(text: str, syntax: Problem) -> Problem | None:
    """A better message for the parser's `syntax` problem, when a known slip explains it."""
    lines = text.split("\n", syntax.line)[:syntax.line]  # those up to the parser's stop
    for find in (_empty_then_entries, _unclosed_quote, _text_after_quote, _dash_left_out):
        found = find(lines, syntax)
        if found is not None:
            line, col, message = found
            return _problem(syntax.path, line, col, "syntax", message)
    return None


def _indent(line: str) -> int:
    return len(line) - len(line.lstrip(" "))


def _empty_then_entries(lines: list[str], syntax: Problem) -> tuple[int, int, str] | None:
    """`areas: {}` (as `crmplan init` writes it) with entries added on the lines below."""
    for number in range(len(lines) - 1, 0, -1):
        match = _EMPTY_FLOW.match(lines[number - 1])
        if match is None:
            continue
        below = next((line for line in lines[number:]
                      if line.strip() and not line.lstrip().startswith("#")), None)
        indent, item = _indent(lines[number - 1]), below is not None and below.lstrip()[:2] == "- "
        if below is None or _indent(below) < indent or (_indent(below) == indent and not item):
            return None
        key, empty = match.group(2), match.group(3)
        return number, match.start(3) + 1, _(
            "'{key}: {empty}' says that '{key}' is empty, but entries follow on the next "
            "lines: remove the '{empty}'").format(key=key, empty=empty)
    return None


def _open_quote(line: str) -> tuple[int, str, re.Match[str] | None] | None:
    """Where a value in quotes starts on `line`, its quote, and its closing (None if none)."""
    match = _QUOTED_VALUE.match(line)
    if match is None:
        return None
    quote = match.group(2)
    return match.start(2), quote, _CLOSED[quote].match(line, match.end(2))


def _unclosed_quote(lines: list[str], syntax: Problem) -> tuple[int, int, str] | None:
    """A quote opened on an earlier line and never closed: the parser took the lines after it
    as the text, up to the next quote, and failed there."""
    for number in range(len(lines) - 1, 0, -1):
        opened = _open_quote(lines[number - 1])
        if opened is None:
            continue
        start, quote, closing = opened
        between = lines[number:syntax.line - 1]
        if closing is not None or any(quote in line for line in between):
            return None
        return number, start + 1, _(
            "this quote is not closed: a text that starts with {quote} must end with {quote}"
        ).format(quote=quote)
    return None


def _text_after_quote(lines: list[str], syntax: Problem) -> tuple[int, int, str] | None:
    """`text: "Taller" nacional ...`: quotes around the first words only."""
    line = lines[-1] if lines else ""
    opened = _open_quote(line)
    if opened is None:
        return None
    start, quote, closing = opened
    if closing is None or not _TEXT_AFTER.match(line, closing.end()):
        return None
    return syntax.line, start + 1, _(
        "a text that starts with a quote must end with it, and this one goes on after its "
        "closing quote: put the whole text between the quotes ({quote}...{quote}), or remove "
        "the quotes").format(quote=quote)


def _dash_left_out(lines: list[str], syntax: Problem) -> tuple[int, int, str] | None:
    """An item of a list written without its `- `, less indented than the item's fields: its
    first key is the one that follows the `- ` of the item before, at the same indentation."""
    line = lines[-1] if lines else ""
    if not _KEY_WITHOUT_DASH.match(line):
        return None
    before = next((earlier for earlier in reversed(lines[:-1])
                   if earlier.lstrip().startswith("- ")), None)
    if before is None or _indent(before) != _indent(line) \
            or before.lstrip()[2:].split(":")[0] != line.lstrip().split(":")[0]:
        return None
    return syntax.line, _indent(line) + 1, _(
        "this line starts an item of the list without its '- ': write '- ' before it, as on "
        "the items above")
