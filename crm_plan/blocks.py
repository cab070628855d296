"""A plan file cut into blocks of lines that know what they are: the text as a tree.

The structural merge (`merge.py`) compares and assembles these blocks; it never re-dumps YAML.
Every block is lines of the file as written, so joining the tree gives back the text byte for
byte (`tree()` checks it, and declines a file it cannot cut that way).

A block is a *leaf* (lines compared as a whole: a field, a flow list, a list of outcomes) or a
*container*: its `head` lines, its children separated by `gaps` (the blank lines, and comments
standing alone, between two children), and its `tail` lines. Children have a key, unique among
their siblings:
- the pairs of a block mapping (the top level, `document`, `actors`, `sections`, an activity),
  by their key;
- the items of a block list whose items are all mappings with an `id` (objectives, the history,
  activities, and any part added later that is keyed by id), by that id.

A child owns the comment lines directly above it (not indented deeper than it, as `spans.py`
says for list items) and everything indented under it, including comments; a pair also owns the
comment lines right below it that a blank line separates from what follows. A top-level part
keyed by id that crmplan does not know yet is cut the same way: nothing here names the parts.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import NamedTuple

from crm_plan.source import BOM, Mapping, Node, Scalar, Sequence, parse
from crm_plan.spans import indent_of, is_blank, is_comment, item_spans

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

LEAF, MAPPING, LIST = "leaf", "mapping", "list"


class Parts(NamedTuple):
    """What a container is made of; a leaf's lines are all in `head`."""

    head: list[str]
    children: list[Block]
    gaps: list[list[str]]  # gaps[k]: the lines between children k and k + 1
    tail: list[str]


class Block:
    """A block of the file: its key, its kind, its lines, and (for a container) its parts,
    cut from the file only when asked for: a merge looks inside the blocks both sides changed,
    and only those (a 10,000-activity plan is not cut into 250,000 pieces for two archives)."""

    __slots__ = ("key", "kind", "_lines", "_cut", "_parts", "_text", "_index")

    def __init__(self, key: str, kind: str, lines: list[str] | None = None,
                 cut: Callable[[], Parts] | None = None, parts: Parts | None = None) -> None:
        self.key, self.kind = key, kind  # kind: LEAF, MAPPING (pairs) or LIST (items by id)
        self._lines, self._cut, self._parts = lines, cut, parts
        self._text: str | None = None
        self._index: dict[str, int] | None = None

    @classmethod
    def made(cls, key: str, kind: str, head: list[str], children: list[Block],
             gaps: list[list[str]], tail: list[str]) -> Block:
        """A block put together from parts (one side's list with every item deleted)."""
        return cls(key, kind, parts=Parts(head, children, gaps, tail))

    @property
    def parts(self) -> Parts:
        if self._parts is None:
            self._parts = self._cut() if self._cut is not None else \
                Parts(list(self._lines or []), [], [], [])
        return self._parts

    @property
    def head(self) -> list[str]:
        return self.parts.head

    @property
    def children(self) -> list[Block]:
        return self.parts.children

    @property
    def gaps(self) -> list[list[str]]:
        return self.parts.gaps

    @property
    def tail(self) -> list[str]:
        return self.parts.tail

    def lines(self) -> list[str]:
        if self._lines is None:
            head, children, gaps, tail = self.parts
            out = list(head)
            for index, child in enumerate(children):
                if index:
                    out += gaps[index - 1]
                out += child.lines()
            self._lines = out + tail
        return self._lines

    def text(self) -> str:
        if self._text is None:
            self._text = "".join(self.lines())
        return self._text

    def index(self, key: str) -> int | None:
        """Where the child `key` stands among the children, if it is one."""
        if self._index is None:
            self._index = {child.key: at for at, child in enumerate(self.children)}
        return self._index.get(key)

    def child(self, key: str) -> Block | None:
        at = self.index(key)
        return None if at is None else self.children[at]

    def holds_lists(self) -> bool:
        """An item one of whose fields is a list keyed by id (an objective and its activities)."""
        return any(child.kind == LIST for child in self.children)


def split_lines(text: str) -> list[str]:
    """The lines of `text`, each with its line break (\\n, \\r\\n or \\r, as YAML counts)."""
    return _LINE.findall(text)


def tree(text: str) -> Block | None:
    """The blocks of a plan file's text (without its BOM, ending with a line break), or None when
    it is not a block mapping. Containers are cut when their parts are first asked for, which
    raises CutError if their children do not follow each other in the text."""
    if text.startswith(BOM):
        return None
    root, _problems = parse(text, "")
    if not isinstance(root, Mapping) or root.flow or not root.pairs:
        return None
    lines = split_lines(text)
    return _Cutter(lines).mapping("", root, 0, 0, len(lines))


class CutError(Exception):
    """The lines of a block could not be cut into its children in order (a layout this module
    does not understand): the merge falls back to git's line merge."""


class _Member(NamedTuple):
    """Lines [lead, end] (0-based, inclusive) of one child in its parent's lines."""

    key: str
    node: Node  # the pair's value, or the list item
    lead: int
    start: int  # the line of its key, or of its dash
    end: int


class _Cutter:
    def __init__(self, lines: list[str]) -> None:
        self.lines = lines

    def mapping(self, key: str, node: Mapping, lead: int, floor: int, stop: int) -> Block:
        """The block of a mapping standing in lines [lead, stop): its head is the lines from
        `lead` to its first pair (whose leading comments start no earlier than `floor`)."""
        keys = [k.value for k, _v in node.pairs]
        if node.flow or len(set(keys)) != len(keys):
            return self.leaf(key, lead, stop)
        return Block(key, MAPPING, self.lines[lead:stop],
                     lambda: self._pairs(node, lead, floor, stop))

    def _pairs(self, node: Mapping, lead: int, floor: int, stop: int) -> Parts:
        members: list[_Member] = []
        starts = [k.line - 1 for k, _v in node.pairs]
        for index, (k, value) in enumerate(node.pairs):
            last = index + 1 == len(starts)
            limit = stop if last else starts[index + 1]
            end = self._trailing(self._pair_end(starts[index], k.col - 1, value, limit), limit,
                                 last)
            previous = members[-1].end + 1 if members else floor
            members.append(_Member(k.value, value, self._lead(starts[index], k.col - 1, previous),
                                   starts[index], end))
        return self._parts(lead, stop, members, self.pair)

    def pair(self, member: _Member) -> Block:
        value, stop = member.node, member.end + 1
        if isinstance(value, Mapping) and value.pairs and not value.flow \
                and value.line - 1 > member.start:
            return self.mapping(member.key, value, member.lead, value.line - 1, stop)
        if isinstance(value, Sequence) and _keyed(value):
            return self.keyed_list(member.key, value, member.lead, stop)
        return self.leaf(member.key, member.lead, stop)

    def keyed_list(self, key: str, node: Sequence, lead: int, stop: int) -> Block:
        def cut() -> Parts:
            members = [_Member(_id(span.node), span.node, span.lead, span.dash, span.end)
                       for span in item_spans(self.lines, node)]
            return self._parts(lead, stop, members, self.item)

        return Block(key, LIST, self.lines[lead:stop], cut)

    def item(self, member: _Member) -> Block:
        node = member.node
        assert isinstance(node, Mapping)
        first = node.pairs[0][0].line - 1  # the dash line, or a line after a lone dash
        return self.mapping(member.key, node, member.lead, first, member.end + 1)

    def leaf(self, key: str, start: int, stop: int) -> Block:
        return Block(key, LEAF, self.lines[start:stop])

    def _parts(self, lead: int, stop: int, members: list[_Member],
               make: Callable[[_Member], Block]) -> Parts:
        bounds = [lead, *(n for m in members for n in (m.lead, m.end + 1)), stop]
        if any(a > b for a, b in zip(bounds, bounds[1:], strict=False)) or any(
                m.lead > m.end for m in members):
            raise CutError(lead)
        children = [make(m) for m in members]
        gaps = [self.lines[a.end + 1:b.lead] for a, b in zip(members, members[1:], strict=False)]
        return Parts(self.lines[lead:members[0].lead], children, gaps,
                     self.lines[members[-1].end + 1:stop])

    def _pair_end(self, start: int, col: int, value: Node, limit: int) -> int:
        """The last line of a pair: what is indented deeper than its key (comments too), and
        the items of a list written in the key's own column."""
        end = start
        for index in range(start + 1, limit):
            line = self.lines[index]
            if is_blank(line):
                continue
            if indent_of(line) > col:
                end = index
            elif not is_comment(line):
                break
        if isinstance(value, Sequence) and value.items and not value.flow:
            end = max(end, item_spans(self.lines, value)[-1].end)
        return min(end, limit - 1)

    def _trailing(self, end: int, limit: int, last: bool) -> int:
        """The comment lines right below a pair belong to it when a blank line follows them
        (or, for the last pair, the end of its parent), so that they stay with it when the pair
        after it goes; those right above the next pair are that pair's (`_lead`)."""
        after = end + 1
        while after < limit and is_comment(self.lines[after]):
            after += 1
        if after > end + 1 and ((last and after == limit) or (
                after < limit and is_blank(self.lines[after]))):
            return after - 1
        return end

    def _lead(self, start: int, col: int, floor: int) -> int:
        """The comment lines directly above a key, not indented deeper than it."""
        lead = start
        while lead > floor and is_comment(self.lines[lead - 1]) \
                and indent_of(self.lines[lead - 1]) <= col:
            lead -= 1
        return lead


def _keyed(node: Sequence) -> bool:
    """A block list of mappings, each with its own `id`."""
    if node.flow or not node.items:
        return False
    ids = [_id(item) for item in node.items]
    return all(ids) and len(set(ids)) == len(ids) and all(
        isinstance(item, Mapping) and item.pairs and not item.flow for item in node.items)


def _id(node: Node) -> str:
    value = node.get("id") if isinstance(node, Mapping) else None
    return value.value if isinstance(value, Scalar) else ""
