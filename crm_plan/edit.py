"""archive / restore: moving activities between the active plan and the history.

Each operation cuts the activity's lines out of the text and pastes them in the
other part (see `spans.py`), so that the file changes only where the item moved:
its status becomes `completado` and it gains two lines, `archived:` (the date) and
`origin:` (where it came from and its status as written), which `restore` uses to
put it back byte for byte. The whole objective moves when its last activity does.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import NamedTuple

from crm_plan import lookup
from crm_plan.errors import CrmPlanError, NotInPlan
from crm_plan.messages import _, day
from crm_plan.model import Activity, Plan, Status, id_key
from crm_plan.problems import Problem
from crm_plan.source import BOM, Mapping, Node, Scalar, Sequence, Source, parse
from crm_plan.spans import (
    Span,
    gap,
    indent_of,
    is_blank,
    item_spans,
    key_span,
    last_content_line,
    scalar,
)

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")
_PLAIN_STATUS = re.compile(r"^[a-záéíóú]+( [a-záéíóú]+)*$")


class EditRefused(CrmPlanError):
    """The file's layout does not allow the edit; nothing was changed."""


def archive_many(plan: Plan, text: str | Source, ids: list[str], *, completed: bool,
                 on: dt.date, outcome: str | None = None) -> tuple[str, list[str]]:
    """Archive the named activities (and, with `completed`, every `completado` one). `text`
    is the plan's text, or its source when it has been parsed already (see store.update)."""
    chosen = [_activity(plan, activity_id) for activity_id in dict.fromkeys(ids)]
    for activity in chosen:
        if activity.archived:
            raise EditRefused(_("{id} is already in the history{when}; nothing was changed").format(
                id=activity.id, when=_(" (archived {date})").format(date=day(activity.archived_on))
                if activity.archived_on else ""))
    if completed:
        chosen += [a for a in plan.activities() if a.status is Status.COMPLETADO
                   and a not in chosen]
    for activity in chosen:
        text = _Document.of(text).archive(activity.id, on, outcome)
    return _text(text), [a.id for a in chosen]


def restore_many(plan: Plan, text: str | Source, ids: list[str]) -> tuple[str, list[str]]:
    """Put the named archived activities back in the active plan (`text` as in archive_many)."""
    chosen = [_activity(plan, activity_id) for activity_id in dict.fromkeys(ids)]
    for activity in chosen:
        if not activity.archived:
            raise EditRefused(_("{id} is in the active plan, not in the history; nothing was "
                                "changed").format(id=activity.id))
        if activity.origin is None:
            raise EditRefused(_("{id} has no 'origin': it was never in the active plan, so it "
                                "cannot be restored; nothing was changed").format(id=activity.id))
    for activity in chosen:
        text = _Document.of(text).restore(activity.id)
    return _text(text), [a.id for a in chosen]


def _text(text: str | Source) -> str:
    return text if isinstance(text, str) else text.text


def _activity(plan: Plan, activity_id: str) -> Activity:
    activities = list(plan.activities(archived=True))
    for activity in activities:
        if activity.id == activity_id.strip():
            return activity
    raise NotInPlan(_("no activity has the id '{id}'{hint}").format(
        id=activity_id, hint=lookup.hint(activity_id, [a.id for a in activities])))


def archive(text: str, activity_id: str, on: dt.date, outcome: str | None = None) -> str:
    """`text` with the active activity moved to the history."""
    return _Document.of(text).archive(activity_id, on, outcome)


def restore(text: str, activity_id: str) -> str:
    """`text` with the archived activity put back where `archive` took it from."""
    return _Document.of(text).restore(activity_id)


class _Found(NamedTuple):
    """An activity located in one part: its objective and its place in the lists."""

    key: str  # objectives or history
    objectives: Sequence
    objective: Span
    activities: list[Span]
    position: int  # of the activity in `activities` (not `index`: tuple has an index())

    @property
    def activity(self) -> Span:
        return self.activities[self.position]


class _Edit(NamedTuple):
    start: int
    stop: int
    lines: list[str]


class _Document:
    def __init__(self, text: str, root: Node | None, problems: list[Problem]) -> None:
        if not isinstance(root, Mapping) or problems:
            raise EditRefused(_("the plan file cannot be read; run crmplan validate"))
        self.root = root
        self.final_newline = text.endswith(("\n", "\r"))
        self.newline = "\r\n" if "\r\n" in text else "\n"
        if not self.final_newline:
            text += self.newline  # restored at the end, so that a move at EOF is exact
        self.lines: list[str] = _LINE.findall(text)

    @classmethod
    def of(cls, text: str | Source) -> _Document:
        """The document of a text, parsed here unless its source already is."""
        if isinstance(text, str):
            root, problems = parse(text[1:] if text.startswith(BOM) else text, "")
            return cls(text, root, problems)
        return cls(text.text, text.root, text.problems)

    # -- the two operations --------------------------------------------------------------------

    def archive(self, activity_id: str, on: dt.date, outcome: str | None) -> str:
        found = self._find("objectives", activity_id)
        history = self._find_objective("history", _objective_id(found.objective))
        chunk = self._archived_chunk(found, on, outcome)
        cut, carried = self._cut(found, history)
        return self._apply([cut, self._paste(found, history, chunk, "history", carried)])

    def restore(self, activity_id: str) -> str:
        found = self._find("history", activity_id)
        origin = _mapping(found.activity.node, "origin")
        if origin is None:
            raise EditRefused(_("{id} has no 'origin': it was never in the active plan, so it "
                                "cannot be restored").format(id=activity_id))
        active = self._find_objective("objectives", _objective_id(found.objective))
        chunk = self._restored_chunk(found, origin)
        cut, carried = self._cut(found, active)
        return self._apply([cut, self._paste(found, active, chunk, "objectives", carried)])

    # -- finding things ----------------------------------------------------------------------------

    def _list(self, key: str) -> Sequence | None:
        node = self.root.get(key)
        return node if isinstance(node, Sequence) and node.items and not node.flow else None

    def _find(self, key: str, activity_id: str) -> _Found:
        objectives = self._list(key)
        for objective in item_spans(self.lines, objectives) if objectives else ():
            activities = _activities(objective)
            spans = item_spans(self.lines, activities) if activities else []
            for index, span in enumerate(spans):
                if _id(span.node) == activity_id and objectives is not None:
                    _refuse_braces(span.node, activity_id)
                    return _Found(key, objectives, objective, spans, index)
        raise EditRefused(_("{id} is not in the {part}").format(
            id=activity_id, part=_("active plan") if key == "objectives" else _("history")))

    def _find_objective(self, key: str, objective_id: str) -> _Found | None:
        objectives = self._list(key)
        for objective in item_spans(self.lines, objectives) if objectives else ():
            activities = _activities(objective)
            if (_id(objective.node) == objective_id and activities is not None
                    and objectives is not None):
                return _Found(key, objectives, objective, item_spans(self.lines, activities), 0)
        return None

    # -- the moved lines -------------------------------------------------------------------------

    def _archived_chunk(self, found: _Found, on: dt.date, outcome: str | None) -> list[str]:
        span, node = found.activity, found.activity.node
        status = scalar(node.get("status")) if isinstance(node, Mapping) else None
        if status is None:
            raise EditRefused(_("{id} has no status").format(id=_id(node)))
        written = self._slice(status)
        origin = (f"{{section: {_flow(_section(found.objective))}, objective: "
                  f"{json.dumps(_objective_id(found.objective), ensure_ascii=False)}, "
                  f"position: {found.position + 1}, status: {_status_text(written)}}}")
        pad = " " * (node.col - 1)
        chunk = self._replace_value(span, status, "completado")
        end = last_content_line(self.lines, span) - span.lead + 1
        chunk[end:end] = [f"{pad}archived: {on.isoformat()}{self.newline}",
                          f"{pad}origin: {origin}{self.newline}"]
        if outcome is not None:
            at, lines = self._outcome_lines(span, outcome, end)
            chunk[at:at] = lines
        return chunk

    def _outcome_lines(self, span: Span, outcome: str, end: int) -> tuple[int, list[str]]:
        """Where in the chunk the new outcome goes, and its lines."""
        node = span.node
        assert isinstance(node, Mapping)
        text = json.dumps(outcome, ensure_ascii=False)
        outcomes = node.get("outcomes")
        if isinstance(outcomes, Sequence) and outcomes.items and not outcomes.flow:
            last = item_spans(self.lines, outcomes)[-1]
            return last.end - span.lead + 1, [f"{' ' * last.indent}- text: {text}{self.newline}"]
        if outcomes is None:
            pad = " " * (node.col - 1)
            return end, [f"{pad}outcomes:{self.newline}", f"{pad}  - text: {text}{self.newline}"]
        raise EditRefused(_("{id} has its outcomes written in brackets; write them as a '- ' "
                            "list to add one").format(id=_id(node)))

    def _restored_chunk(self, found: _Found, origin: Mapping) -> list[str]:
        span, node = found.activity, found.activity.node
        assert isinstance(node, Mapping)
        status, written = scalar(node.get("status")), scalar(origin.get("status"))
        if status is None or written is None:
            raise EditRefused(_("{id} has no status to restore").format(id=_id(node)))
        chunk = self._replace_value(span, status, written.value)
        drop: set[int] = set()
        for key in ("archived", "origin"):
            lines = key_span(self.lines, node, key)
            if lines is not None:
                drop.update(range(lines[0] - span.lead, lines[1] - span.lead + 1))
        return [line for i, line in enumerate(chunk) if i not in drop]

    def _replace_value(self, span: Span, value: Node, new: str) -> list[str]:
        chunk = self.lines[span.lead:span.end + 1]
        if value.line != value.end_line:
            raise EditRefused(_("the status of {id} spans several lines").format(
                id=_id(span.node)))
        row = value.line - 1 - span.lead
        line = chunk[row]
        offset = 1 if value.line == 1 and line.startswith(BOM) else 0
        start, stop = value.col - 1 + offset, value.end_col - 1 + offset
        chunk[row] = line[:start] + new + line[stop:]
        return chunk

    def _slice(self, value: Node) -> str:
        line = self.lines[value.line - 1]
        offset = 1 if value.line == 1 and line.startswith(BOM) else 0
        return line[value.col - 1 + offset:value.end_col - 1 + offset]

    # -- cutting and pasting ---------------------------------------------------------------------

    def _cut(self, found: _Found, other: _Found | None) -> tuple[_Edit, list[str] | None]:
        """Remove the activity, or its whole objective when it is the last one; and the blank
        lines removed with it, which travel with it (see `_remove`)."""
        if len(found.activities) > 1:
            return self._remove(found.activities, found.position, found.key)
        objectives = item_spans(self.lines, found.objectives)
        index = next(i for i, s in enumerate(objectives) if s.lead == found.objective.lead)
        if other is not None and not self._same_header(found, other):
            raise EditRefused(_(
                "objective {id} is in both parts with different titles, fields or comments; make "
                "them the same first").format(id=_objective_id(found.objective)))
        if len(objectives) == 1 and found.key == "history":
            return self._remove_part(found.key, found.objective), None
        return self._remove(objectives, index, found.key)

    def _remove_part(self, key: str, objective: Span) -> _Edit:
        """The history's last objective leaves, undoing what `_new_part` did: the `history:` key
        goes too when `archive` added it (a bare key after a blank line, holding only this
        objective, at the end of the file); a key the file had before stays, with its comments."""
        span = key_span(self.lines, self.root, key)
        assert span is not None
        first, last = span
        if (self.lines[first].rstrip("\r\n") == f"{key}:" and objective.lead == first + 1
                and last + 1 == len(self.lines) and first > 0 and is_blank(self.lines[first - 1])):
            return _Edit(first - 1, last + 1, [])
        lead = objective.lead
        if lead - 1 > first and is_blank(self.lines[lead - 1]):
            lead -= 1  # the blank line `_new_part` put between the key's comments and the objective
        return _Edit(lead, objective.end + 1, [])

    def _remove(self, spans: list[Span], index: int, key: str
                ) -> tuple[_Edit, list[str] | None]:
        """Cut one item with one of its gaps, so that pasting it back with the gap is exact.
        The gap's lines go with the item and separate it at its destination, so that their
        line endings (a file may mix LF and CRLF) come back with it: in the active plan the gap
        after the item (the one before it, for the last), in the history the gap before it
        (the one `archive` brought when it put the item after its neighbour)."""
        span = spans[index]
        after = [(span.lead, spans[index + 1].lead, gap(self.lines, span, spans[index + 1]))
                 ] if index + 1 < len(spans) else []
        before = [(spans[index - 1].end + 1, span.end + 1, gap(self.lines, spans[index - 1], span))
                  ] if index > 0 else []
        for start, stop, lines in before + after if key == "history" else after + before:
            if self._is_gap(lines):
                return _Edit(start, stop, []), lines
        return _Edit(span.lead, span.end + 1, []), None

    def _paste(self, found: _Found, target: _Found | None, chunk: list[str], key: str,
               carried: list[str] | None) -> _Edit:
        """Into the history at the end, into the active plan in id order. The blank lines cut
        out with the item separate it again only at the same level: those between objectives
        never go between activities, nor the reverse."""
        at_end = key == "history"
        if (target is None) != (len(found.activities) == 1):
            carried = None
        if target is not None:  # the objective is there: add the activity to it
            chunk = _reindent(chunk, target.activities[0].indent - found.activity.indent)
            return self._insert(target.activities, _id(found.activity.node), chunk,
                                self._activity_gap(), at_end, carried)
        header = self._header(found)
        lead, prefix_len = header
        objective = lead[:prefix_len] + chunk + lead[prefix_len:]
        objectives = self._list(key)
        if objectives is None:
            return self._new_part(key, objective, found)
        spans = item_spans(self.lines, objectives)
        objective = _reindent(objective, spans[0].indent - found.objective.indent)
        return self._insert(spans, _objective_id(found.objective), objective,
                            self._objective_gap(), at_end, carried)

    def _insert(self, spans: list[Span], item_id: str, chunk: list[str], style: list[str],
                at_end: bool, carried: list[str] | None) -> _Edit:
        """Insert in id order (or at the end), separated by the blank lines that the items
        around the place have between them, else by the file's usual ones (`style`); by the
        blank lines that came with the item (`carried`) when there are as many."""
        if not at_end:
            for k, span in enumerate(spans):
                if id_key(_id(span.node)) > id_key(item_id):
                    around = gap(self.lines, spans[k - 1], span) if k else style
                    return _Edit(span.lead, span.lead, chunk + _same_count(carried, around))
        around = gap(self.lines, spans[-2], spans[-1]) if len(spans) > 1 else style
        last = spans[-1].end + 1
        return _Edit(last, last, _same_count(carried, around) + chunk)

    def _new_part(self, key: str, objective: list[str], found: _Found) -> _Edit:
        """The first objective of the history (or of the active plan): start the list, indented
        as the objective was in the other part. A key already there keeps its line and the
        comments under it (a blank line keeps those from becoming the objective's own)."""
        present = key_span(self.lines, self.root, key)
        if present is None:
            end = len(self.lines)
            return _Edit(end, end, [self.newline, f"{key}:{self.newline}", *objective])
        first, last = present
        value = self.root.get(key)
        assert value is not None
        if isinstance(value, Scalar) and value.style is None and value.value == "":
            return _Edit(last + 1, last + 1, ([self.newline] if last > first else []) + objective)
        if value.line != value.end_line or value.line != first + 1 or not _is_empty(value):
            raise EditRefused(_("'{key}' is not written as a '- ' list; write it as one first")
                              .format(key=key))
        line = self.lines[first]  # `history: []  # comment`: the value goes, the rest stays
        head = line[:value.col - 1].rstrip(" ")
        return _Edit(first, last + 1, [head + line[value.end_col - 1:], *objective])

    def _same_header(self, found: _Found, other: _Found) -> bool:
        """The objective reads the same in both parts, whatever each part's indentation."""
        lines, at = self._header(found)
        delta = other.objective.indent - found.objective.indent
        return (_reindent(lines, delta), at) == self._header(other)

    def _header(self, found: _Found) -> tuple[list[str], int]:
        """The objective's lines without its activities, and where the activities go."""
        objective, activities = found.objective, found.activities
        before = self.lines[objective.lead:activities[0].lead]
        after = self.lines[activities[-1].end + 1:objective.end + 1]
        return before + after, len(before)

    def _activity_gap(self) -> list[str]:
        return self._style("activities") or []

    def _objective_gap(self) -> list[str]:
        style = self._style("objectives")
        return style if style is not None else [self.newline]

    def _style(self, level: str) -> list[str] | None:
        """The blank lines the file puts between two objectives, or two activities."""
        for key in ("objectives", "history"):
            objectives = self._list(key)
            spans = item_spans(self.lines, objectives) if objectives else []
            if level == "objectives" and len(spans) > 1:
                found = gap(self.lines, spans[0], spans[1])
                if self._is_gap(found):
                    return found
            for objective in spans if level == "activities" else ():
                activities = _activities(objective)
                inner = item_spans(self.lines, activities) if activities else []
                if len(inner) > 1 and self._is_gap(found := gap(self.lines, inner[0], inner[1])):
                    return found
        return None

    @staticmethod
    def _is_gap(lines: list[str]) -> bool:
        return all(is_blank(line) for line in lines)

    def _apply(self, edits: list[_Edit]) -> str:
        lines = list(self.lines)
        for edit in sorted(edits, key=lambda e: (e.start, e.stop), reverse=True):
            lines[edit.start:edit.stop] = edit.lines
        text = "".join(lines)
        if not self.final_newline and text.endswith(self.newline):
            text = text[: -len(self.newline)]
        return text


def _refuse_braces(node: Node, activity_id: str) -> None:
    """The moves edit an activity line by line (its status, `archived:`, `origin:`), which a
    mapping written in braces on one line does not have."""
    if isinstance(node, Mapping) and node.flow:
        raise EditRefused(_("{id} is written in braces ({{...}}) on one line; archive and "
                            "restore need it written with one field a line").format(
                                id=activity_id))


def _activities(objective: Span) -> Sequence | None:
    node = objective.node
    activities = node.get("activities") if isinstance(node, Mapping) else None
    if isinstance(activities, Sequence) and activities.items and not activities.flow:
        return activities
    return None


def _id(node: Node) -> str:
    value = scalar(node.get("id")) if isinstance(node, Mapping) else None
    return value.value if value is not None else ""


def _objective_id(objective: Span) -> str:
    return _id(objective.node)


def _section(objective: Span) -> str:
    node = objective.node
    value = scalar(node.get("section")) if isinstance(node, Mapping) else None
    return value.value if value is not None else ""


def _is_empty(node: Node) -> bool:
    """`key: []`, `key: ~` or `key: null`: a list with nothing in it yet."""
    if isinstance(node, Sequence):
        return not node.items
    return isinstance(node, Scalar) and node.style is None and node.value in ("~", "null")


def _mapping(node: Node, key: str) -> Mapping | None:
    value = node.get(key) if isinstance(node, Mapping) else None
    return value if isinstance(value, Mapping) else None


def _flow(text: str) -> str:
    return text if re.match(r"^[\w.]+$", text) else json.dumps(text, ensure_ascii=False)


def _status_text(written: str) -> str:
    """The status as written, in a form that reads back as exactly those characters."""
    return written if _PLAIN_STATUS.match(written) else json.dumps(written, ensure_ascii=False)


def _same_count(carried: list[str] | None, around: list[str]) -> list[str]:
    """The blank lines an item brought, where the place takes as many, else the place's."""
    return carried if carried is not None and len(carried) == len(around) else around


def _reindent(lines: list[str], delta: int) -> list[str]:
    if delta == 0:
        return lines
    if delta > 0:
        return [line if is_blank(line) else " " * delta + line for line in lines]
    return [line if is_blank(line) else line[min(-delta, indent_of(line)):] for line in lines]
