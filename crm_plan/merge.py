"""The three-way merge of a plan file by its structure: what `crmplan merge` does for git.

Two people change the plan from one version (the base): each side's changes are kept as that
side wrote them, and where both changed the same thing differently the result holds git's
markers around the smallest region that holds the conflict. The merge works on the file's own
lines, cut into blocks (`blocks.py`): the top-level parts, document fields, actors, sections,
objectives, activities and their fields are matched by key or id; what neither side touched is
copied byte for byte, with the file's line endings, indentation and comments.

- An item (an objective, an activity) deleted on one side and changed on the other is a
  conflict; but an objective is a list of activities, so one deleted on one side (its last
  activity archived) and changed on the other is merged activity by activity, and goes only
  if no activity is left in it. An objective left with no activities goes too: two people
  archiving its last two activities.
- The blank lines between two items come from a version where the two stand side by side;
  between an item and one the other side added, from the version that added it.
- Items both sides added in the same place stand in id order when the list is in id order
  (`restore` puts items back in that order), else ours first.
- `document.updated`, which every edit sets to its day, takes the later of the two dates
  (`RESOLVED`) rather than being a conflict.
- Pieces the structure does not cut further (a field's lines, the comments above an item, the
  blank lines between items) are merged line by line (`diff3.py`).

`merge_files` is the driver: trivial cases, the structural merge, the check that the merged
plan validates, and git's own line merge (`git merge-file`) when a version is not a plan this
merge can cut into blocks. Pure functions apart from that fallback.

A new top-level part keyed by id needs nothing here: `blocks.py` cuts any list of mappings
each with an `id` into items by id (`meetings:` came after this module, and merges so).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import NamedTuple

from crm_plan import conflicts
from crm_plan.blocks import LEAF, LIST, Block, CutError, tree
from crm_plan.diff3 import Conflict, Piece, merge_lines
from crm_plan.errors import CrmPlanError
from crm_plan.messages import _
from crm_plan.model import id_key
from crm_plan.problems import Problem
from crm_plan.source import BOM


class Labels(NamedTuple):
    """How conflicts are marked: what the markers name each version by (git passes the branch
    or commit names, `%X %S %Y`, since git 2.44; else these words), and whether the base's
    lines stand between `|||||||` and `=======` (git's `merge.conflictStyle` diff3 or zdiff3)."""

    ours: str = "ours"
    base: str = "base"
    theirs: str = "theirs"
    diff3: bool = False


WORDS = Labels()


def labels(given: tuple[str, str, str] | None, folder: Path) -> Labels:
    """The markers for a merge git runs in `folder`: the names git gave (each one left out, or
    left as its placeholder, as git before 2.44 passes `%X`, is the default word), and the
    conflict style of the repository's configuration."""
    from crm_plan import git

    ours, base, theirs = (
        word if word.strip() and word not in ("%X", "%S", "%Y") else default
        for word, default in zip(given or ("", "", ""), (WORDS.ours, WORDS.base, WORDS.theirs),
                                 strict=True))
    try:
        style = git.run(["config", "--get", "merge.conflictStyle"], folder, check=False)
    except git.GitError:
        return Labels(ours, base, theirs)
    return Labels(ours, base, theirs, style.stdout.strip() in (b"diff3", b"zdiff3"))


class MergeConflict(CrmPlanError):
    """The merge left conflicts for a person to resolve (exit 1, as git expects of a driver)."""


class Merged(NamedTuple):
    """The merged text, and the lines (first, last; 1-based) of each conflict left in it."""

    text: str
    conflicts: list[tuple[int, int]]
    moved: bool = False  # an item moved (archived) on one side, changed on the other: both marked


class Result(NamedTuple):
    """What the merge driver writes, and what it says."""

    data: bytes
    conflicts: list[tuple[int, int]]  # line regions holding markers (empty: none)
    structural: bool  # merged by the plan's structure (else git's line merge, or trivially)
    note: str | None = None  # why the merge was made line by line
    reason: str | None = None  # why the result is a conflict although it holds no markers
    problems: tuple[Problem, ...] = ()  # the errors of a merge that would not validate
    moved: bool = False  # as Merged.moved: the same side is to be kept in each conflict

    @property
    def clean(self) -> bool:
        return not self.conflicts and self.reason is None


def merge_files(base: bytes, ours: bytes, theirs: bytes, display: str,
                labels: Labels = WORDS) -> Result:
    """Merge three versions of a plan file as git's merge driver does: the result, and whether
    it is clean (no markers, and it validates) or a conflict."""
    if ours == theirs or base == theirs:
        return Result(ours, [], False)
    if base == ours:
        return Result(theirs, [], False)
    b, o, t = (_decoded(data) for data in (base, ours, theirs))
    try:
        merged = merge_texts(b, o, t, labels) \
            if b is not None and o is not None and t is not None else None
    except Exception as exc:  # a bug of this merge must not leave git a file of one side only
        return _by_lines(base, ours, theirs, display, labels)._replace(note=_(
            "crmplan could not merge it by its structure (internal error {kind}: {detail}; "
            "please report it); merged line by line instead").format(
                kind=type(exc).__name__, detail=exc))
    if merged is None:
        return _by_lines(base, ours, theirs, display, labels)._replace(
            note=_unreadable(base, ours, theirs))
    data = merged.text.encode("utf-8")
    if merged.conflicts:
        return Result(data, merged.conflicts, True, moved=merged.moved)
    errors = _errors(data, display)
    if errors:
        fallback = _by_lines(base, ours, theirs, display, labels)
        return fallback._replace(reason=_(
            "merged by the plan's structure, the plan would not validate ({problem}); the file "
            "holds git's line merge instead, to finish by hand").format(problem=errors[0]),
            problems=tuple(errors))
    return Result(data, [], True)


def _unreadable(base: bytes, ours: bytes, theirs: bytes) -> str:
    """Why the merge was made line by line: which version is not a plan it can cut."""
    def readable(data: bytes) -> bool:
        text = _decoded(data)
        return text is not None and tree(_Version.of(text).body) is not None

    if not readable(ours):
        return _("your version is not a plan file crmplan can read (crmplan validate says why); "
                 "merged line by line instead")
    if not readable(theirs):
        return _("the version being merged in is not a plan file crmplan can read (check it out "
                 "and run crmplan validate to see why); merged line by line instead")
    if not base.strip():
        return _("both sides added the file, with no version in common; merged line by line "
                 "instead")
    return _("the version both sides started from is not a plan file crmplan can read (in a "
             "merge of several merges git builds it, and it may hold conflict markers); merged "
             "line by line instead")


def merge_texts(base: str, ours: str, theirs: str, labels: Labels = WORDS) -> Merged | None:
    """The structural merge of three texts, or None when one cannot be cut into blocks."""
    base, ours, theirs = _line_endings(base, ours, theirs)
    versions = [_Version.of(text) for text in (base, ours, theirs)]
    trees = [tree(v.body) for v in versions]
    if trees[0] is None or trees[1] is None or trees[2] is None:
        return None
    b, o, t = versions
    try:
        return _merged(trees[0], trees[1], trees[2], b, o, t, labels)
    except CutError:
        return None


def _merged(base: Block, ours: Block, theirs: Block, b: _Version, o: _Version, t: _Version,
            labels: Labels) -> Merged:
    merge = _Merge(base, ours, theirs, o.newline)
    merged = merge.root()
    if merge.contested:  # an item moved on one side and changed on the other: both ends marked
        merged = _Merge(base, ours, theirs, o.newline, contested=merge.contested).root()
    text, regions = _joined(merged, o.newline, labels)
    if merge.styled and not regions and (done := tree(text)) is not None:
        # a gap no version shows: as `archive` would find it in the merged file, as it reads
        merged = _Merge(base, ours, theirs, o.newline, done).root()
        text, regions = _joined(merged, o.newline, labels)
    bom = o.bom if o.bom != b.bom else t.bom
    final = o.final if o.final != b.final else t.final
    if not final and not (merged and isinstance(merged[-1], Conflict)):
        text = text[:-2] if text.endswith("\r\n") else text[:-1]
    return Merged((BOM if bom else "") + text, regions, bool(merge.contested))


def _line_endings(base: str, ours: str, theirs: str) -> tuple[str, str, str]:
    """The three texts with one side's change of every line ending (a Windows editor saving
    with CRLF) made to the base and the other side too, so that it is not an edit of every
    line; texts with mixed endings are left as they are."""
    b, o, t = (_ending(text) for text in (base, ours, theirs))
    if b is None or o is None or t is None:
        return base, ours, theirs
    if o == t != b:  # both saved with the other endings: the base too
        return _ended(base, o), ours, theirs
    if o != b == t:
        return _ended(base, o), ours, _ended(theirs, o)
    if t != b == o:
        return _ended(base, t), _ended(ours, t), theirs
    return base, ours, theirs


def _ending(text: str) -> str | None:
    """The line ending of every line of `text`, if all have the same (LF or CRLF)."""
    crlf = text.count("\r\n")
    if crlf == 0 and "\r" not in text:
        return "\n"
    return "\r\n" if crlf == text.count("\n") == text.count("\r") else None


def _ended(text: str, newline: str) -> str:
    text = text.replace("\r\n", "\n")
    return text.replace("\n", newline) if newline != "\n" else text


class _Version(NamedTuple):
    body: str  # without the BOM, ending with a line break
    bom: bool
    final: bool  # whether the file ended with a line break
    newline: str

    @classmethod
    def of(cls, text: str) -> _Version:
        bom = text.startswith(BOM)
        body = text[1:] if bom else text
        newline = "\r\n" if "\r\n" in body else "\n"
        final = body.endswith(("\n", "\r")) or not body
        return cls(body if final else body + newline, bom, final, newline)


class _Merged(NamedTuple):
    pieces: list[Piece]
    emptied: bool = False  # a list keyed by id with no item left
    gone: bool = False  # an item that goes: its list of activities was emptied
    alone: bool = False  # one Conflict with one side empty: an item one side added or deleted


Children = list[tuple[str, "_Merged"]]
# (path, kind, the lines between two items, which version: 0 the first merge, 1 ours...)
Styles = list[tuple[tuple[str, ...], str, list[str], int]]


class _Merge:
    """One merge of the three trees. An item one side deleted and the other changed is a
    conflict; when the side that deleted it put an item of the same id elsewhere (`archive`
    moves an activity into the history), that item is marked too, on that side only, so that
    keeping either side everywhere leaves one copy: the first merge finds these (`contested`:
    the item's id -> the side that deleted it, 1 ours, 2 theirs), a second one marks them."""

    def __init__(self, base: Block, ours: Block, theirs: Block, newline: str,
                 merged: Block | None = None, contested: dict[str, int] | None = None) -> None:
        self.trees = (base, ours, theirs)
        self.merged = merged  # a first merge, whose gaps come before those of the versions
        self.styled = False  # whether a gap came from `_style`
        self._styles: Styles | None = None
        self.newline = newline
        self._deleted: set[int] = set()  # blocks standing for an item one side deleted
        self.marking = dict(contested or {})  # the items to mark where they were added
        self.contested: dict[str, int] = {}  # found by this merge

    def root(self) -> list[Piece]:
        return self.block(*self.trees, ()).pieces

    # -- blocks ----------------------------------------------------------------------------------

    def block(self, b: Block | None, o: Block, t: Block, path: tuple[str, ...]) -> _Merged:
        ours, theirs = o.text(), t.text()
        if ours == theirs:
            return _as_is(o)
        for side, changed, unchanged in ((1, o, t), (2, t, o)):
            if b is None or b.text() != unchanged.text():
                continue
            if not self._marks(changed, side):
                return _as_is(changed)
            if changed.kind != b.kind:  # became a list (`history:`) holding items to mark
                return _Merged([Conflict(tuple(b.lines()), tuple(o.lines()), tuple(t.lines()))])
        o, t = _as_list(b, o), _as_list(b, t)
        if o.kind == t.kind != "leaf":
            if b is not None and b.kind != o.kind:  # `history:` became a list on both sides
                b = Block.made(b.key, o.kind, b.lines(), [], [], [])
            return self._container(b, o, t, path)
        if path in RESOLVED and (chosen := RESOLVED[path](o, t)) is not None:
            return _as_is(chosen)
        return _Merged(merge_lines(b.lines() if b else [], self._lines(o), self._lines(t)))

    def _container(self, b: Block | None, o: Block, t: Block, path: tuple[str, ...]) -> _Merged:
        head = merge_lines(b.head if b else [], o.head, t.head)
        tail = merge_lines(b.tail if b else [], o.tail, t.tail)
        kept = [(key, m) for key, m in self._children(b, o, t, path) if not m.gone]
        if _is_item(path) and any(m.emptied for _key, m in kept):
            return self._emptied_item(b, o, t, head, tail, kept)
        if not kept:
            return _Merged(head + tail, emptied=o.kind == LIST)
        pieces = list(head)
        for index, (key, merged) in enumerate(kept):
            gap = self._gap(kept[index - 1][0], key, b, o, t, path) if index else []
            if merged.alone and gap and all(isinstance(line, str) and not line.strip()
                                            for line in gap):
                pieces += [_widened(merged.pieces[0], gap)]  # whichever side is kept, one gap
                continue
            pieces += gap
            pieces += merged.pieces
        pieces += tail
        if not path and not tail:
            pieces = _without_empty_part(kept, pieces)
        return _Merged(pieces)

    def _children(self, b: Block | None, o: Block, t: Block, path: tuple[str, ...]) -> Children:
        """Each child that stays, in the merged order, with its merged lines."""
        base = {c.key: c for c in b.children} if b else {}
        ours, theirs = {c.key: c for c in o.children}, {c.key: c for c in t.children}
        found: dict[str, _Merged] = {}
        for key in dict.fromkeys([*ours, *theirs]):
            below = path + ("*",) if o.kind == LIST else path + (key,)
            merged = self._child(base.get(key), ours.get(key), theirs.get(key), below)
            if merged is not None:
                found[key] = merged
        order = _order([c.key for c in b.children] if b else [], [c.key for c in o.children],
                       [c.key for c in t.children], set(found))
        return [(key, found[key]) for key in order]

    def _child(self, b: Block | None, o: Block | None, t: Block | None, path: tuple[str, ...]
               ) -> _Merged | None:
        """A child's merge; None when it goes (deleted on one side, unchanged on the other)."""
        if o is not None and t is not None:
            return self.block(b, o, t, path)
        one = o if o is not None else t
        assert one is not None
        side = 1 if one is o else 2
        if b is None:  # added on one side
            return self._added(one, side, path)
        if one.text() == b.text():
            return None
        ours, theirs = (one.lines(), []) if one is o else ([], one.lines())
        whole = _Merged([Conflict(tuple(b.lines()), tuple(ours), tuple(theirs))], alone=True)
        if one.kind == LIST or one.holds_lists():  # deleted: every item of its lists deleted
            deleted = _emptied(b)
            self._deleted.add(id(deleted))
            merged = self.block(b, one, deleted, path) if one is o else \
                self.block(b, deleted, one, path)
            if not _is_item(path) or not any(isinstance(p, Conflict) for p in merged.pieces):
                return merged
            # an item (an objective) that one side emptied and the other changed inside: the
            # whole item is the conflict, and where its items went on the first side is marked
            for key in [b.key, *_item_keys(b)]:
                self.contested[key] = 3 - side
            return whole
        if _is_item(path):
            self.contested[one.key] = 3 - side  # the side that deleted it
        return whole

    def _emptied_item(self, b: Block | None, o: Block, t: Block, head: list[Piece],
                      tail: list[Piece], kept: Children) -> _Merged:
        """An item whose list of activities is empty after the merge goes, unless its other
        fields changed: then the whole item is a conflict."""
        if b is not None and head == b.head and tail == b.tail and all(
                m.emptied or m.pieces == _lines_of(b.child(key)) for key, m in kept):
            return _Merged([], gone=True)
        if b is not None:  # its items went elsewhere on the side that emptied it
            emptied = 1 if not any(c.children for c in o.children if c.kind == LIST) else 2
            for key in [b.key, *_item_keys(b)]:
                self.contested[key] = emptied
        return _Merged([Conflict(tuple(b.lines() if b else ()), tuple(self._lines(o)),
                                 tuple(self._lines(t)))])

    def _added(self, block: Block, side: int, path: tuple[str, ...]) -> _Merged:
        """What one side added: as it is, but for the items to mark (`marking`), each in a
        conflict of its own, or the whole block when it holds nothing else."""
        itself = _is_item(path) and self.marking.get(block.key) == side
        if not itself and not self._marks(block, side):
            return _as_is(block)
        if itself or self._all_marked(block, side):
            lines = tuple(block.lines())
            return _Merged([Conflict((), lines, ()) if side == 1 else Conflict((), (), lines)],
                           alone=True)
        pieces: list[Piece] = list(block.head)
        for index, child in enumerate(block.children):
            if index:
                pieces += block.gaps[index - 1]
            below = path + ("*",) if block.kind == LIST else path + (child.key,)
            pieces += self._added(child, side, below).pieces
        return _Merged([*pieces, *block.tail])

    def _all_marked(self, block: Block, side: int) -> bool:
        """Whether every item of the lists in `block` is to be marked (a history part, or an
        objective of it, that holds only moved items)."""
        if block.kind == LIST:
            return bool(block.children) and all(
                self.marking.get(c.key) == side or self._all_marked(c, side)
                for c in block.children)
        lists = [c for c in block.children if c.kind == LIST]
        return bool(lists) and all(self._all_marked(c, side) for c in lists)

    def _marks(self, block: Block, side: int) -> bool:
        """Whether `block` holds an item to mark that `side` added (only looked for in a
        second merge, after a conflict)."""
        if not self.marking or block.kind == LEAF:
            return False
        return any((self.marking.get(child.key) == side and block.kind == LIST)
                   or self._marks(child, side) for child in block.children)

    def _lines(self, block: Block) -> list[str]:
        """A version's lines: none for an item that side deleted."""
        return [] if id(block) in self._deleted else block.lines()

    # -- the lines between two children ----------------------------------------------------------

    def _gap(self, left: str, right: str, b: Block | None, o: Block, t: Block,
             path: tuple[str, ...]) -> list[Piece]:
        versions = [v for v in (o, t, b) if v is not None]
        side_by_side = [g for v in versions if (g := _between(v, left, right)) is not None]
        if len(side_by_side) == 3:
            return merge_lines(side_by_side[2], side_by_side[0], side_by_side[1])
        if side_by_side:
            return list(side_by_side[0])
        if b is None or b.child(right) is None:  # added: the lines its side put before it
            for v in (o, t):
                if (g := _before(v, right)) is not None:
                    return list(g)
        for v in versions:
            if (g := _after(v, left)) is not None:
                return list(g)
        for v in versions:
            if (g := _before(v, right)) is not None:
                return list(g)
        return list(self._style(path, o.kind))

    def _style(self, path: tuple[str, ...], kind: str) -> list[str]:
        """The blank lines the file puts between two children of a block like this one, as
        `crmplan archive` looks for them: the first found between the items of a list at the
        same depth, under the first top-level part that has one (`objectives`, then `history`),
        in the first merge's text, else in ours, theirs, the base; else, as `archive` writes
        them, a blank line between the items of a top-level list and none elsewhere."""
        self.styled = True
        if self._styles is None:
            base, ours, theirs = self.trees
            found: Styles = []
            for rank, root in enumerate((self.merged, ours, theirs, base)):
                if root is not None:
                    _collect(root, (), found, rank)
            parts = {child.key: at for at, child in enumerate(ours.children)}

            def order(style: tuple[tuple[str, ...], str, list[str], int]) -> tuple[int, int]:
                where = style[0]
                return (parts.get(where[0], len(parts)) if where else -1, style[3])

            self._styles = sorted(found, key=order)
        for found_path, found_kind, gap, _rank in self._styles:
            if found_kind == kind and len(found_path) == len(path) and \
                    found_path[1:] == path[1:]:
                return gap
        return [self.newline] if kind == LIST and len(path) == 1 else []


_DATE = re.compile(r"""^[ \t]*[\w-]+:[ \t]*(["']?)(\d{4}-\d{2}-\d{2})\1([ \t]*(?:#.*)?)$""")


def _later(ours: Block, theirs: Block) -> Block | None:
    """Of two dates the plan was updated on, the later: every edit sets `document.updated` to its
    day, so two people editing on two days would otherwise always conflict there. Only when
    both lines end alike: a comment on one line only is not dropped, it is a conflict."""
    found = [_DATE.match("".join(v.lines()).rstrip("\r\n")) for v in (ours, theirs)]
    if found[0] is None or found[1] is None or \
            found[0].group(3).strip() != found[1].group(3).strip():
        return None
    return theirs if found[1].group(2) > found[0].group(2) else ours


# Fields both sides may change differently without a conflict: the path -> which side wins.
RESOLVED: dict[tuple[str, ...], Callable[[Block, Block], Block | None]] = {
    ("document", "updated"): _later,
}


def _as_list(base: Block | None, block: Block) -> Block:
    """A list whose every item a side deleted, left as a bare key, as that list with no items
    (`restore` takes the blank line above the last item away with it, `archive` puts it back)."""
    if base is None or base.kind != LIST or block.kind != "leaf":
        return block
    head = list(base.head)
    while head and not head[-1].strip():
        head.pop()
    if block.lines() in (base.head + base.tail, head + base.tail):
        return _emptied(base)
    return block


def _as_is(block: Block) -> _Merged:
    return _Merged([*block.lines()], emptied=block.kind == LIST and not block.children)


def _lines_of(block: Block | None) -> list[str] | None:
    return block.lines() if block is not None else None


def _without_empty_part(kept: Children, pieces: list[Piece]) -> list[Piece]:
    """A top-level list left with no item goes when it is a bare key at the end of the file,
    with one blank line before it (as `crmplan restore` removes the `history:` that `archive`
    added); else its key stays."""
    key, merged = kept[-1]
    lines = merged.pieces
    if not merged.emptied or len(kept) < 2 or len(lines) != 1 \
            or str(lines[0]).rstrip("\r\n") != f"{key}:":
        return pieces
    before = pieces[-2]
    if not isinstance(before, str) or before.strip():
        return pieces
    return pieces[:-2]


def _collect(block: Block, path: tuple[str, ...], styles: Styles, rank: int) -> None:
    """Every container whose first gap is blank lines, with it, in the file's order."""
    if block.gaps and not any(line.strip() for line in block.gaps[0]):
        styles.append((path, block.kind, block.gaps[0], rank))
    for child in block.children:
        below = path + ("*",) if block.kind == LIST else path + (child.key,)
        _collect(child, below, styles, rank)


def _widened(piece: Piece, gap: list[Piece]) -> Conflict:
    """The conflict of an item one side does not have, with the lines before it inside, on the
    sides that have it: whichever side is kept, one gap stands between its neighbours."""
    assert isinstance(piece, Conflict)
    before = tuple(str(line) for line in gap)
    return Conflict(*(before + lines if lines else () for lines in piece))


def _item_keys(block: Block) -> list[str]:
    """The keys of the items of the lists in `block` (an objective's activities)."""
    return [item.key for child in block.children if child.kind == LIST
            for item in child.children]


def _is_item(path: tuple[str, ...]) -> bool:
    return path[-1:] == ("*",)


def _emptied(block: Block) -> Block:
    """A list, or an item, as it would be with every item of its lists deleted."""
    if block.kind == LIST:
        return Block.made(block.key, block.kind, block.head, [], [], block.tail)
    children = [_emptied(c) if c.kind == LIST else c for c in block.children]
    return Block.made(block.key, block.kind, block.head, children, block.gaps, block.tail)


def _between(block: Block, left: str, right: str) -> list[str] | None:
    at = block.index(left)
    if at is None or at + 1 >= len(block.children) or block.children[at + 1].key != right:
        return None
    return block.gaps[at]


def _after(block: Block, key: str) -> list[str] | None:
    at = block.index(key)
    return block.gaps[at] if at is not None and at + 1 < len(block.children) else None


def _before(block: Block, key: str) -> list[str] | None:
    at = block.index(key)
    return block.gaps[at - 1] if at else None


def _order(base: list[str], ours: list[str], theirs: list[str], kept: set[str]) -> list[str]:
    """The merged order of keys: one side's order (ours, unless only theirs reordered), with the
    other side's keys placed after the key they follow there."""
    common = [k for k in base if k in ours and k in theirs]
    moved = [[k for k in side if k in common] != common for side in (ours, theirs)]
    first, second = (theirs, ours) if moved[1] and not moved[0] else (ours, theirs)
    added = set(first) - set(base) - set(second)
    result = [k for k in first if k in kept]
    ordered = result == sorted(result, key=id_key)
    for index, key in enumerate(second):
        if key in result or key not in kept:
            continue
        at = next((result.index(p) + 1 for p in reversed(second[:index]) if p in result), 0)
        while at < len(result) and result[at] in added and (
                not ordered or id_key(result[at]) < id_key(key)):
            at += 1
        result.insert(at, key)
    return result


def _joined(pieces: list[Piece], newline: str, labels: Labels
            ) -> tuple[str, list[tuple[int, int]]]:
    """The text of the pieces, each conflict between git's markers, and where they stand."""
    lines: list[str] = []
    regions: list[tuple[int, int]] = []
    for piece in _coalesced(pieces):
        if isinstance(piece, str):
            lines.append(piece)
            continue
        first = len(lines) + 1
        lines += [f"{conflicts.START} {labels.ours}{newline}", *piece.ours]
        if labels.diff3:
            lines += [f"{conflicts.BASE} {labels.base}{newline}", *piece.base]
        lines += [f"{conflicts.MIDDLE}{newline}", *piece.theirs,
                  f"{conflicts.END} {labels.theirs}{newline}"]
        regions.append((first, len(lines)))
    return "".join(lines), regions


def _coalesced(pieces: list[Piece]) -> list[Piece]:
    """Conflicts that follow each other as one."""
    out: list[Piece] = []
    for piece in pieces:
        if isinstance(piece, Conflict) and out and isinstance(out[-1], Conflict):
            last = out[-1]
            out[-1] = Conflict(last.base + piece.base, last.ours + piece.ours,
                               last.theirs + piece.theirs)
        else:
            out.append(piece)
    return out


def _decoded(data: bytes) -> str | None:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _errors(data: bytes, display: str) -> list[Problem]:
    from crm_plan.source import from_bytes
    from crm_plan.validate import validate

    _plan, problems = validate(from_bytes(data, display))
    return [p for p in problems if p.severity == "error"]


def _by_lines(base: bytes, ours: bytes, theirs: bytes, display: str, labels: Labels) -> Result:
    """git's line merge; a clean one that does not validate is a conflict too."""
    from crm_plan import git

    data, count = git.merge_file(base, ours, theirs, (labels.ours, labels.base, labels.theirs),
                                 diff3=labels.diff3)
    text = _decoded(data)
    regions = conflicts.regions(text) if text is not None else []
    if count and not regions:  # markers git wrote in a file that is not UTF-8 text
        regions = [(1, data.count(b"\n") + 1)]
    errors = [] if regions else _errors(data, display)
    reason = _("the merged plan would not validate ({problem})").format(
        problem=errors[0]) if errors else None
    return Result(data, regions, False, reason=reason, problems=tuple(errors))

