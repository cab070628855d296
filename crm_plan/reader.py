"""The plan read off the node tree, part by part as `fields.py` declares them.

As it reads, the reader checks the shape of the file through `FieldReader`: a mapping where
fields are expected, a list where items are, a text where a text is, no unknown field and no
missing one (the codes type, unknown-field and required). It builds the Plan from what it can
read, leniently: a value it cannot take (a date that is not a date, a status outside the
vocabulary) is left out of the record, and the rules (`rules/`) say what is wrong with it. For
them it keeps each part as written (`Entry`): its fields' nodes and the record read from them.

A field of a kind the reader knows (`_READERS`) is read into the model's attribute of the same
name (or `Field.attribute`) without code of its own here; only what a part takes from its
context (an activity's objective) or from several fields (its references) is written out.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any, Generic, NamedTuple, TypeVar

from crm_plan import fields
from crm_plan.fieldreader import FieldReader, written_text
from crm_plan.fields import Part
from crm_plan.messages import _
from crm_plan.model import (
    Activity,
    Actor,
    Document,
    Due,
    Meeting,
    Objective,
    Outcome,
    Plan,
    Ref,
    Section,
    Status,
)
from crm_plan.problems import Problem
from crm_plan.refs import inline_refs, parse_ref
from crm_plan.source import Mapping, Node, Scalar, Sequence, Source
from crm_plan.text import fold

R = TypeVar("R")


class Entry(Generic[R]):
    """One part of the plan as written: its mapping, its fields by name, the record read from
    them, whether it is in the history, and the part it is written in (an activity's objective)."""

    __slots__ = ("archived", "fields", "node", "parent", "record")

    def __init__(self, node: Mapping, found: dict[str, Node], archived: bool,
                 parent: Entry[Any] | None) -> None:
        self.node, self.fields, self.archived, self.parent = node, found, archived, parent
        self.record: R


class Read(NamedTuple):
    """What the reader made of a file: the plan, each part as written, and the problems of
    its shape."""

    source: Source
    plan: Plan
    entries: dict[str, list[Entry[Any]]]  # by the part's name, in the order they were read
    problems: list[Problem]

    @property
    def path(self) -> str:
        return self.source.path

    def of(self, part: Part) -> list[Entry[Any]]:
        return self.entries[part.name]

    @property
    def objectives(self) -> list[Entry[Objective]]:
        return self.entries[fields.OBJECTIVE.name]  # the active plan's, then the history's

    @property
    def activities(self) -> list[Entry[Activity]]:
        return self.entries[fields.ACTIVITY.name]


def read_plan(source: Source) -> Read:
    """The plan of `source` (whose node tree is not None), read as far as it can be."""
    reader = _Reader(source.path)
    plan = reader.plan(source.root) if source.root is not None else Plan()
    return Read(source, plan, reader.entries, reader.problems)


_STATUS_WORDS = {fold(s.value): s for s in Status}


def status_named(word: str) -> Status | None:
    """The status a word of the file names: accents, case and spaces do not matter."""
    return _STATUS_WORDS.get(word) or _STATUS_WORDS.get(fold(word))


def written_status(entry: Entry[Activity]) -> Status | None:
    """An activity's status as written: None when it cannot be read or the active plan leaves
    it out (the record then says 'por definir'), 'completado' when the history leaves it out."""
    node = entry.fields.get("status")
    if node is None:
        return Status.COMPLETADO if entry.archived else None
    value = written_text(node)
    return status_named(value) if value is not None else None


_EMPTY = frozenset(("", "~", "null"))  # a plain scalar that says nothing (FieldReader)
# What each kind of value is when its field is left out (other kinds: the record's default).
_NOTHING: dict[str, object] = {fields.TEXT: "", fields.SECTION_KEY: "", fields.TEXTS: (),
                               fields.ACTORS: (), fields.REFS: (), fields.BOOLEAN: False}
_HOLDERS = (fields.ID, fields.PART, fields.PARTS, fields.KEYED, fields.DIRECTORY, fields.NAMES)
# The fields each part reads by their kind alone: name -> (kind, the model's attribute).
_PLAIN = {part.name: {f.name: (f.kind, f.key) for f in part.fields if f.kind not in _HOLDERS}
          for part in fields.ALL_PARTS}
_LEFT_OUT = {part.name: {key: _NOTHING[kind] for kind, key in _PLAIN[part.name].values()
                         if kind in _NOTHING}
             for part in fields.ALL_PARTS}
_SHAPES = {(part.name, archived): (part.names, part.required(archived=archived))
           for part in fields.ALL_PARTS for archived in (False, True)}
_NOTES = fields.ACTIVITY.of_kind(fields.NOTE)


class _Reader(FieldReader):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.entries: dict[str, list[Entry[Any]]] = {part.name: [] for part in fields.ALL_PARTS}

    def plan(self, root: Node) -> Plan:
        top = self._part(root, fields.PLAN, _("the plan file"))
        if top is None:
            return Plan()
        found = top.fields
        meetings = self._meetings(found.get("meetings"))
        plan = Plan(
            document=self._document(found.get("document")),
            actors=self._actors(found.get("actors")),
            areas=self._areas(found.get("areas")),
            sections=self._sections(found.get("sections")),
            objectives=self._objectives(found.get("objectives"), archived=False),
            history=self._objectives(found.get(fields.HISTORY), archived=True),
            meetings=meetings,
        )
        return self._keep(fields.PLAN, top, plan)

    # -- the parts ------------------------------------------------------------------------------

    def _part(self, node: Node | None, part: Part, what: str, archived: bool = False,
              parent: Entry[Any] | None = None) -> Entry[Any] | None:
        """The entry of a part written at `node` (None, reported, when it is not a mapping)."""
        body = self.mapping(node, what)
        if body is None:
            return None
        names, required = _SHAPES[part.name, archived]
        return Entry(body, self.fields(body, names, required, what), archived, parent)

    def _keep(self, part: Part, entry: Entry[Any], record: R) -> R:
        """`record` read from `entry`, which the rules will see."""
        entry.record = record
        self.entries[part.name].append(entry)
        return record

    def _values(self, entry: Entry[Any], part: Part) -> dict[str, Any]:
        """The values of the fields read by their kind, by the model's attribute; a value that
        cannot be read is left out, so that the record's default stands."""
        values: dict[str, Any] = _LEFT_OUT[part.name].copy()
        plain = _PLAIN[part.name]
        for name, node in entry.fields.items():
            if name in plain:
                kind, key = plain[name]
                value = _READERS[kind](self, node, name)
                if value is not None:
                    values[key] = value
        return values

    def _document(self, node: Node | None) -> Document:
        entry = self._part(node, fields.DOCUMENT, _("'document'"))
        if entry is None:
            return Document()
        document = Document(**self._values(entry, fields.DOCUMENT))
        return self._keep(fields.DOCUMENT, entry, document)

    def _actors(self, node: Node | None) -> dict[str, Actor]:
        directory = self.mapping(node, _("'actors'"))
        actors: dict[str, Actor] = {}
        for key, value in directory.pairs if directory else ():
            if isinstance(value, Mapping):
                actors[key.value] = self._group(key.value, value)
            else:
                name = self.text(value, key.value, required=True)
                actors[key.value] = Actor(key.value, name or key.value)
        return actors

    def _group(self, key: str, node: Mapping) -> Actor:
        entry = self._part(node, fields.GROUP, _("the group '{name}'").format(name=key))
        assert entry is not None  # a mapping
        values = self._values(entry, fields.GROUP)
        group = Actor(key, values.get("name") or key, values["members"])
        return self._keep(fields.GROUP, entry, group)

    def _areas(self, node: Node | None) -> dict[str, str]:
        areas = self.mapping(node, _("'areas'"))
        return {k.value: self.text(v, k.value, required=True) or ""
                for k, v in (areas.pairs if areas else ())}

    def _sections(self, node: Node | None) -> dict[str, Section]:
        sections = self.mapping(node, _("'sections'"))
        result: dict[str, Section] = {}
        for key, value in sections.pairs if sections else ():
            entry = self._part(value, fields.SECTION, _("section '{id}'").format(id=key.value))
            if entry is not None:
                section = Section(key.value, **self._values(entry, fields.SECTION))
                result[key.value] = self._keep(fields.SECTION, entry, section)
        return result

    def _meetings(self, node: Node | None) -> tuple[Meeting, ...]:
        result = []
        for item in self.sequence(node, "'meetings'"):
            entry = self._part(item, fields.MEETING, _("a meeting"))
            if entry is not None and (mid := self._id(entry)) is not None:
                values = self._values(entry, fields.MEETING)
                values.pop("id", None)
                meeting = Meeting(mid, line=item.line, **values)
                result.append(self._keep(fields.MEETING, entry, meeting))
        return tuple(result)

    def _objectives(self, node: Node | None, *, archived: bool) -> tuple[Objective, ...]:
        where = "'history'" if archived else "'objectives'"
        return tuple(objective for item in self.sequence(node, where)
                     if (objective := self._objective(item, archived)) is not None)

    def _objective(self, node: Node, archived: bool) -> Objective | None:
        entry = self._part(node, fields.OBJECTIVE, _("an objective"), archived)
        oid = self._id(entry)
        if entry is None or oid is None:
            return None
        values = self._values(entry, fields.OBJECTIVE)
        activities = tuple(
            activity
            for item in self.sequence(entry.fields.get("activities"),
                                      _("objective {id}").format(id=oid))
            if (activity := self._activity(item, entry, oid, values["section"])) is not None
        )
        return self._keep(fields.OBJECTIVE, entry, Objective(
            oid, activities=activities, archived=archived, line=node.line, **values))

    def _activity(self, node: Node, objective: Entry[Objective], oid: str,
                  section: str) -> Activity | None:
        archived = objective.archived
        entry = self._part(node, fields.ACTIVITY, _("an activity"), archived, objective)
        aid = self._id(entry)
        if entry is None or aid is None:
            return None
        values = self._values(entry, fields.ACTIVITY)
        status = values.pop("status", None)
        in_history = archived and "status" not in entry.fields
        if status is None:  # left out, or not a status (reported by the rules)
            status = Status.COMPLETADO if in_history else Status.POR_DEFINIR
        values["refs"] += _note_refs(values)
        outcomes = self._outcomes(entry.fields.get("outcomes"), entry)
        origin = self._origin(entry.fields.get("origin"), entry) if archived else None
        return self._keep(fields.ACTIVITY, entry, Activity(
            aid, oid, section, status=status, outcomes=outcomes, archived=archived,
            origin=origin, status_derived=in_history, line=node.line, **values))

    def _id(self, entry: Entry[Any] | None) -> str | None:
        return self.text(entry.fields.get("id"), "id", required=True) if entry else None

    def _origin(self, node: Node | None, activity: Entry[Activity]) -> str | None:
        """Where `crmplan archive` took the activity from: the objective's id."""
        entry = self._part(node, fields.ORIGIN, "'origin'", True, activity)
        if entry is None:
            return None
        objective: str = self._values(entry, fields.ORIGIN)["objective"]
        return self._keep(fields.ORIGIN, entry, objective or None)

    def _outcomes(self, node: Node | None, activity: Entry[Activity]) -> tuple[Outcome, ...]:
        result = []
        for item in self.sequence(node, "'outcomes'"):
            entry = self._part(item, fields.OUTCOME, _("an outcome"), activity.archived, activity)
            if entry is not None:
                outcome = Outcome(**self._values(entry, fields.OUTCOME))
                result.append(self._keep(fields.OUTCOME, entry, outcome))
        return tuple(result)

    # -- values by kind: each reader is given the node of a field that is written -----------------
    # A plain scalar with something in it is read on the spot; anything else goes through
    # FieldReader, which says what is wrong with it. (A large plan has 100,000 values.)

    def _required(self, node: Node, name: str) -> str | None:
        if node.__class__ is Scalar and (node.style or node.value not in _EMPTY):
            return node.value
        return self.text(node, name, required=True)

    def _text(self, node: Node, name: str) -> str:
        return self._required(node, name) or ""

    def _optional(self, node: Node, name: str) -> str | None:
        if node.__class__ is Scalar and (node.style or node.value not in _EMPTY):
            return node.value
        return self.text(node, name)

    def _texts(self, node: Node, name: str) -> tuple[str, ...]:
        if node.__class__ is Sequence and all(
                item.__class__ is Scalar and (item.style or item.value not in _EMPTY)
                for item in node.items):
            return tuple(item.value for item in node.items)  # type: ignore[attr-defined]
        return tuple(scalar.value for scalar in self.texts(node, name))

    def _refs(self, node: Node, name: str) -> tuple[Ref, ...]:
        return tuple(parse_ref(text, name)[0] for text in self._texts(node, name))

    def _date(self, node: Node, name: str) -> dt.date | None:
        value = self._required(node, name)
        try:
            return dt.date.fromisoformat(value) if value is not None else None
        except ValueError:
            return None

    def _due(self, node: Node, name: str) -> Due | None:
        value = self._required(node, name)
        try:
            return Due.parse(value) if value is not None else None
        except ValueError:
            return None

    def _status(self, node: Node, name: str) -> Status | None:
        value = self._required(node, name)
        return status_named(value) if value is not None else None

    def _boolean(self, node: Node, name: str) -> bool:
        return (self._optional(node, name) or "").lower() == "true"


# How each kind of value is read. (Functions of the class, not methods bound to a reader: a
# reader holding its own bound methods would be a cycle, kept with every node it read until
# the collector that crmplan turns off runs at exit.)
_READERS: dict[str, Callable[[_Reader, Node, str], object]] = {
    fields.TEXT: _Reader._text, fields.SECTION_KEY: _Reader._text,
    fields.OPTIONAL: _Reader._optional, fields.NOTE: _Reader._optional,
    fields.AREA_KEY: _Reader._optional, fields.TEXTS: _Reader._texts,
    fields.ACTORS: _Reader._texts, fields.REFS: _Reader._refs, fields.DATE: _Reader._date,
    fields.DUE: _Reader._due, fields.MEETING_DATE: _Reader._due,
    fields.STATUS: _Reader._status, fields.BOOLEAN: _Reader._boolean,
    fields.POSITION: _Reader._required, fields.WRITTEN_STATUS: _Reader._required,
}


def _note_refs(values: dict[str, Any]) -> tuple[Ref, ...]:
    """The references an activity's notes cite, `(Ref.: ...)`."""
    return tuple(parse_ref(text, field.name)[0] for field in _NOTES
                 if (note := values.get(field.key)) for text in inline_refs(note))

