"""Every rule of the plan file in one place: nodes -> (Plan, [Problem]).

Each rule reports with a short code (shown as `[code]`):
  type, required, unknown-field   the shape of the file
  id, id-prefix, duplicate-id, id-quotes   item ids
  section, status, due, date, boolean, actor, group   values
  ref                             references that cannot be read (warning)
  undefined-objective, removal-note   objectives the plan itself may drop (warning)
  responsible, empty-objective    items with nobody or nothing in them (warning)
Problems about the YAML text itself (syntax, tab, duplicate-key, alias, tag,
encoding, depth) come from `source.py`.
"""

from __future__ import annotations

import datetime as dt
import re

from crm_plan.fieldreader import FieldReader
from crm_plan.messages import _
from crm_plan.model import (
    Activity,
    Actor,
    Document,
    Due,
    Objective,
    Outcome,
    Plan,
    Ref,
    Section,
    Status,
)
from crm_plan.problems import Problem
from crm_plan.refs import inline_refs, parse_ref
from crm_plan.source import Mapping, Node, Scalar, Source
from crm_plan.text import closest, fold, quoted_list

TOP_FIELDS = ("document", "actors", "areas", "sections", "objectives", "history")
DOCUMENT_FIELDS = ("title", "organization", "network", "updated", "updated_by", "legend", "note")
GROUP_FIELDS = ("name", "members")
SECTION_FIELDS = ("area", "title")
OBJECTIVE_FIELDS = ("id", "section", "title", "action_plan", "note", "activities")
ACTIVITY_FIELDS = (
    "id", "text", "ref", "responsible", "coordination", "support", "responsible_note",
    "status", "due", "status_note", "note", "action_plan", "outcomes", "archived", "origin",
)
ORIGIN_FIELDS = ("section", "objective", "position", "status")
OUTCOME_FIELDS = ("text", "ref")
# The fields each part must have (the json schema of `schema.py` is built from these lists too).
TOP_REQUIRED = ("document", "actors", "sections", "objectives")
DOCUMENT_REQUIRED = ("title", "organization", "updated")
GROUP_REQUIRED = ("members",)
SECTION_REQUIRED = ("title",)
OBJECTIVE_REQUIRED = ("id", "section", "title", "activities")
ACTIVITY_REQUIRED = ("id", "text", "responsible", "status")
ARCHIVED_ACTIVITY_REQUIRED = ("id", "text")
OUTCOME_REQUIRED = ("text",)
NOTE_FIELDS = ("responsible_note", "status_note", "note")
ACTOR_FIELDS = ("responsible", "coordination", "support")

_STATUS_WORDS = {fold(s.value): s for s in Status}  # accents, case and spaces do not matter
_ID = re.compile(r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$")
_NUMBER = re.compile(r"^[0-9]+\.[0-9]*$|^0[0-9]+$")
_REMOVAL = "si no se identifican"


def validate(source: Source) -> tuple[Plan, list[Problem]]:
    """The plan read from `source` (best effort) and all problems, sorted by position."""
    builder = _PlanBuilder(source.path)
    plan = builder.build(source.root) if source.root is not None else Plan()
    if source.root is None and not source.problems:
        builder.problems.append(_empty_file(source.path))
    return plan, sorted(source.problems + builder.problems)


def _empty_file(path: str) -> Problem:
    from crm_plan.problems import Severity

    return Problem(path, 1, 1, Severity.ERROR, "required", _(
        "the file is empty; a plan starts with 'document:', 'actors:', 'sections:' and "
        "'objectives:' (see the README)"))


class _PlanBuilder(FieldReader):
    def __init__(self, path: str) -> None:
        super().__init__(path)
        self.activity_ids: dict[str, Scalar] = {}
        self.actor_uses: list[Scalar] = []
        self._section_refs: list[tuple[Node | None, str]] = []
        self.group_members: list[tuple[str, Scalar]] = []
        self.unreadable_status: set[str] = set()

    def build(self, root: Node) -> Plan:
        top = self.mapping(root, _("the plan file"))
        if top is None:
            return Plan()
        fields = self.fields(top, TOP_FIELDS, TOP_REQUIRED, _("the plan file"))
        areas = self._areas(fields.get("areas"))
        plan = Plan(
            document=self._document(fields.get("document")),
            actors=self._actors(fields.get("actors")),
            areas=areas,
            sections=self._sections(fields.get("sections"), areas),
            objectives=self._objectives(fields.get("objectives"), archived=False),
            history=self._objectives(fields.get("history"), archived=True),
        )
        self._check_references(plan)
        return plan

    # -- document, actors, areas, sections ---------------------------------------------------

    def _document(self, node: Node | None) -> Document:
        doc = self.mapping(node, _("'document'"))
        if doc is None:
            return Document()
        f = self.fields(doc, DOCUMENT_FIELDS, DOCUMENT_REQUIRED, _("'document'"))
        return Document(
            title=self.text(f.get("title"), "title", required=True) or "",
            organization=self.text(f.get("organization"), "organization", required=True) or "",
            network=self.text(f.get("network"), "network") or "",
            updated=self._date(f.get("updated"), "updated"),
            updated_by=self.text(f.get("updated_by"), "updated_by") or "",
            legend=tuple(s.value for s in self.texts(f.get("legend"), "legend")),
            note=self.text(f.get("note"), "note"),
        )

    def _date(self, node: Node | None, field: str) -> dt.date | None:
        value = self.text(node, field, required=True)
        if value is None or node is None:
            return None
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            self.error(node, "date", _("'{field}' is '{value}', which is not a date; write it as "
                                       "YYYY-MM-DD, e.g. 2009-11-26").format(field=field, value=value))
            return None

    def _actors(self, node: Node | None) -> dict[str, Actor]:
        directory = self.mapping(node, _("'actors'"))
        actors: dict[str, Actor] = {}
        for key, value in directory.pairs if directory else ():
            if isinstance(value, Mapping):
                actors[key.value] = self._group(key, value)
            else:
                name = self.text(value, key.value, required=True)
                actors[key.value] = Actor(key.value, name or key.value)
        self._check_groups(actors)
        return actors

    def _group(self, key: Scalar, node: Mapping) -> Actor:
        what = _("the group '{name}'").format(name=key.value)
        f = self.fields(node, GROUP_FIELDS, GROUP_REQUIRED, what)
        members = self.texts(f.get("members"), "members")
        self.group_members.extend((key.value, member) for member in members)
        return Actor(key.value, self.text(f.get("name"), "name") or key.value,
                     tuple(m.value for m in members))

    def _check_groups(self, actors: dict[str, Actor]) -> None:
        """Members are declared actors or plain names; a near-miss of a declared one is a slip."""
        for group, member in self.group_members:
            if member.value == group or (member.value in actors and actors[member.value].is_group):
                self.error(member, "group", _("'{member}' cannot be a member of '{group}': "
                                              "groups hold actors, not groups")
                           .format(member=member.value, group=group))
            elif member.value not in actors and (hint := closest(member.value, actors, 1)):
                self.warning(member, "group", _("'{member}' is not a declared actor; did you "
                                                "mean '{hint}'?")
                             .format(member=member.value, hint=hint[0]))

    def _areas(self, node: Node | None) -> dict[str, str]:
        areas = self.mapping(node, _("'areas'"))
        return {k.value: self.text(v, k.value, required=True) or ""
                for k, v in (areas.pairs if areas else ())}

    def _sections(self, node: Node | None, areas: dict[str, str]) -> dict[str, Section]:
        sections = self.mapping(node, _("'sections'"))
        result: dict[str, Section] = {}
        for key, value in sections.pairs if sections else ():
            what = _("section '{id}'").format(id=key.value)
            body = self.mapping(value, what)
            if body is None:
                continue
            f = self.fields(body, SECTION_FIELDS, SECTION_REQUIRED, what)
            area = self.text(f.get("area"), "area") or ""
            if area and areas and area not in areas:
                self._unknown(f["area"], "section", _("area"), area, areas)
            result[key.value] = Section(key.value, area, self.text(f.get("title"), "title") or "")
        return result

    # -- objectives and activities -----------------------------------------------------------

    def _objectives(self, node: Node | None, *, archived: bool) -> tuple[Objective, ...]:
        where = "'history'" if archived else "'objectives'"
        seen: dict[str, Scalar] = {}
        result = []
        for item in self.sequence(node, where):
            body = self.mapping(item, _("an objective"))
            if body is not None:
                objective = self._objective(body, archived, seen)
                if objective is not None:
                    result.append(objective)
        return tuple(result)

    def _objective(self, node: Mapping, archived: bool, seen: dict[str, Scalar]) -> Objective | None:
        f = self.fields(node, OBJECTIVE_FIELDS, OBJECTIVE_REQUIRED, _("an objective"))
        oid = self._id(f.get("id"), seen, _("objective"))
        if oid is None:
            return None
        what = _("objective {id}").format(id=oid)
        section = self.text(f.get("section"), "section", required=True) or ""
        self._section_refs.append((f.get("section"), section))
        note = self._note(f.get("note"), "note")
        activities = tuple(
            activity
            for item in self.sequence(f.get("activities"), what)
            if (body := self.mapping(item, _("an activity"))) is not None
            and (activity := self._activity(body, oid, section, archived)) is not None
        )
        if not activities and not archived:
            self.warning(f.get("id") or node, "empty-objective", _(
                "objective {id} has no activities; add one or remove the objective").format(id=oid))
        objective = Objective(oid, section, self.text(f.get("title"), "title", required=True) or "",
                              activities, self.boolean(f.get("action_plan"), "action_plan"), note,
                              archived, node.line)
        if not archived:
            self._check_undefined(objective, f.get("id") or node)
        return objective

    def _id(self, node: Node | None, seen: dict[str, Scalar], what: str) -> str | None:
        value = self.text(node, "id", required=True)
        if value is None or not isinstance(node, Scalar):
            return None
        if not _ID.match(value):
            self.error(node, "id", _("{what} id '{id}' should be numbers and letters separated by "
                                     "dots, e.g. \"9.3\"").format(what=what, id=value))
        if node.style is None and _NUMBER.match(value) and str(float(value)) != value:
            self.warning(node, "id-quotes", _(
                "id {id} is not in quotes: YAML tools read it as the number {number}; write "
                "id: \"{id}\"").format(id=value, number=_as_number(value)))
        if value in seen:
            self.error(node, "duplicate-id", _("{what} id '{id}' is used twice (also at line "
                                               "{line})").format(what=what, id=value,
                                                                  line=seen[value].line))
        else:
            seen[value] = node
        return value

    def _activity(self, node: Mapping, oid: str, section: str, archived: bool) -> Activity | None:
        f = self.fields(node, ACTIVITY_FIELDS, ARCHIVED_ACTIVITY_REQUIRED if archived else
                        ACTIVITY_REQUIRED, _("an activity"))
        aid = self._id(f.get("id"), self.activity_ids, _("activity"))
        if aid is None:
            return None
        if not (aid.startswith(oid + ".") and aid[len(oid) + 1:].isdigit()):
            self.error(f["id"], "id-prefix", _(
                "activity '{id}' is under objective {objective}; its id should be "
                "'{objective}.' followed by a number, e.g. '{objective}.1'").format(id=aid, objective=oid))
        status = self._status(f.get("status"), archived)
        due = self._due(f.get("due"), f.get("status"), status)
        actors = {name: self._actor_list(f.get(name), name) for name in ACTOR_FIELDS}
        if not archived and not actors["responsible"] and status is not Status.POR_DEFINIR \
                and "responsible" in f:
            self.warning(f["responsible"], "responsible", _(
                "activity {id} has nobody responsible").format(id=aid))
        notes = {name: self._note(f.get(name), name) for name in NOTE_FIELDS}
        refs = self._refs(f.get("ref"), "ref") + tuple(
            ref for name in NOTE_FIELDS for ref in self._note_refs(f.get(name), name))
        return Activity(
            id=aid, objective=oid, section=section,
            text=self.text(f.get("text"), "text", required=True) or "",
            status=status or self._unreadable_status(aid), refs=refs, due=due,
            action_plan=self.boolean(f.get("action_plan"), "action_plan"),
            outcomes=self._outcomes(f.get("outcomes")), archived=archived,
            archived_on=self._archived_on(f.get("archived")), line=node.line,
            origin=self._origin(f.get("origin"), archived),
            **actors, **notes,  # type: ignore[arg-type]
        )

    def _status(self, node: Node | None, archived: bool) -> Status | None:
        if node is None:
            return Status.COMPLETADO if archived else None
        value = self.text(node, "status", required=True)
        if value is None:
            return None
        status = _STATUS_WORDS.get(value) or _STATUS_WORDS.get(fold(value))
        if status is None:
            self._unknown(node, "status", _("status"), value, [s.value for s in Status])
        elif archived and status is not Status.COMPLETADO:
            self.error(node, "status", _("an activity in the history is 'completado', "
                                         "not '{value}'").format(value=value))
        return status

    def _due(self, node: Node | None, status_node: Node | None, status: Status | None) -> Due | None:
        if node is None:
            if status is Status.PROGRAMADO and status_node is not None:
                self.error(status_node, "due", _(
                    "status 'programado' needs a due date: add 'due: 2010-02' (a year, year-month "
                    "or date) on the next line"))
            return None
        value = self.text(node, "due", required=True)
        if value is None:
            return None
        try:
            due = Due.parse(value)
        except ValueError as exc:
            self.error(node, "due", _due_message(value, str(exc)))
            return None
        if status not in (Status.PROGRAMADO, Status.COMPLETADO, None):  # done keeps its date
            self.warning(node, "due", _("a due date is only used with status 'programado'; this "
                                        "activity is '{status}'").format(status=status))
        return due

    def _origin(self, node: Node | None, archived: bool) -> str | None:
        """Where `crmplan archive` took the activity from: the objective's id."""
        if node is None:
            return None
        if not archived:
            self.error(node, "origin", _("'origin' is written by crmplan archive and belongs to "
                                         "activities in the history; remove it here"))
            return None
        body = self.mapping(node, "'origin'")
        if body is None:
            return None
        f = self.fields(body, ORIGIN_FIELDS, ORIGIN_FIELDS, "'origin'")
        position = self.text(f.get("position"), "position", required=True)
        if position is not None and not position.isdigit():
            self.error(f["position"], "origin", _("'position' is a number, not '{value}'")
                       .format(value=position))
        written = self.text(f.get("status"), "status", required=True)
        if written is not None and fold(written.strip("\"'")) not in {fold(s.value) for s in Status}:
            self._unknown(f["status"], "status", _("status"), written, [s.value for s in Status])
        return self.text(f.get("objective"), "objective", required=True)

    def _archived_on(self, node: Node | None) -> dt.date | None:
        return self._date(node, "archived") if node is not None else None

    def _actor_list(self, node: Node | None, field: str) -> tuple[str, ...]:
        names = self.texts(node, field)
        self.actor_uses.extend(names)
        return tuple(n.value for n in names)

    def _note(self, node: Node | None, field: str) -> str | None:
        value = self.text(node, field)
        if value is not None and node is not None and _REMOVAL in fold(value):
            self.warning(node, "removal-note", _(
                "this note says the objective would be removed from the plan if nothing is "
                "identified: identify it, or remove the objective"))
        return value

    def _refs(self, node: Node | None, field: str) -> tuple[Ref, ...]:
        return tuple(self._ref(scalar, scalar.value, field) for scalar in self.texts(node, field))

    def _note_refs(self, node: Node | None, field: str) -> tuple[Ref, ...]:
        if not isinstance(node, Scalar):
            return ()
        return tuple(self._ref(node, text, field) for text in inline_refs(node.value))

    def _ref(self, node: Node, text: str, field: str) -> Ref:
        ref, unknown = parse_ref(text, field)
        if unknown:
            self.warning(node, "ref", _(
                "the reference '{ref}' cannot be read: {parts} is not a point (p. 5), a body (CRM, "
                "GRCM), a kind of document (Deci., Decla., Concl., CC, Inf. Red Trata), a month or "
                "a year").format(ref=text, parts=quoted_list(unknown)))
        elif not ref.readable:
            self.warning(node, "ref", _("the reference '{ref}' has no year").format(ref=text))
        return ref

    def _outcomes(self, node: Node | None) -> tuple[Outcome, ...]:
        result = []
        for item in self.sequence(node, "'outcomes'"):
            body = self.mapping(item, _("an outcome"))
            if body is None:
                continue
            f = self.fields(body, OUTCOME_FIELDS, OUTCOME_REQUIRED, _("an outcome"))
            text = self.text(f.get("text"), "text", required=True) or ""
            result.append(Outcome(text, self._refs(f.get("ref"), "ref")))
        return tuple(result)

    # -- rules across the plan ------------------------------------------------------------------

    def _unreadable_status(self, activity_id: str) -> Status:
        """The status of an activity whose status is missing or wrong (already reported)."""
        self.unreadable_status.add(activity_id)
        return Status.POR_DEFINIR

    def _check_undefined(self, objective: Objective, node: Node) -> None:
        if objective.activities and all(a.status is Status.POR_DEFINIR
                                        and a.id not in self.unreadable_status
                                        for a in objective.activities):
            self.warning(node, "undefined-objective", _(
                "every activity of objective {id} is still 'por definir'; the plan says objectives "
                "without defined activities are removed from it").format(id=objective.id))

    def _check_references(self, plan: Plan) -> None:
        for node, section in self._section_refs:
            if node is not None and section and section not in plan.sections:
                self._unknown(node, "section", _("section"), section, plan.sections)
        for name in self.actor_uses:
            if name.value not in plan.actors:
                self._unknown(name, "actor", _("actor"), name.value, plan.actors,
                              _("; declare it under 'actors'"))

    def _unknown(self, node: Node, code: str, what: str, value: str, known, tail: str = "") -> None:  # type: ignore[no-untyped-def]
        hint = closest(value, known, n=1)
        message = _("{what} '{value}' is not declared").format(what=what, value=value)
        if code == "status":
            message = _("'{value}' is not a status").format(value=value)
        if hint:
            message += _("; did you mean '{hint}'?").format(hint=hint[0])
        else:
            message += _(" (known: {known})").format(known=", ".join(known)) + tail
        self.error(node, code, message)


def _as_number(value: str) -> str:
    return str(float(value)) if "." in value else str(int(value))


def _due_message(value: str, reason: str) -> str:
    if reason == "month":
        return _("the due date '{value}' has no such month; months go from 01 to 12").format(
            value=value)
    if reason == "day":
        return _("the due date '{value}' has no such day in that month").format(value=value)
    if reason == "year":
        return _("the due date '{value}' has an implausible year").format(value=value)
    return _("the due date '{value}' is not a date; write a year (2010), a year and month "
             "(2010-02) or a full date (2010-02-15)").format(value=value)
