"""The plan as plain, frozen data: what every command works on once the file is validated.

A plan is its document data, the actors who may be named (some of them groups), its areas and
sections, and its objectives with their activities: those of the active plan, and those of the
historical part, which keep what was achieved (outcomes) and where they came from."""

import datetime as dt
import re
from collections.abc import Iterator, Mapping
from enum import Enum
from functools import cached_property
from types import MappingProxyType
from typing import NamedTuple


class Status(str, Enum):
    """The CALENDARIO column, in the document's own words."""

    CONTINUO = "continuo"
    PROGRAMADO = "programado"
    PENDIENTE = "pendiente"
    POR_DEFINIR = "por definir"
    COMPLETADO = "completado"

    def __str__(self) -> str:
        return self.value

    @property
    def pending(self) -> bool:
        """The document's underlined items: pending or still to be defined."""
        return self in (Status.PENDIENTE, Status.POR_DEFINIR)


# "pending" (in Spanish "por resolver") is one word for two statuses everywhere: the document's
# underlined items, pendiente or por definir (see `Status.pending`, `PENDING_WORDS`).
PENDING_WORDS = ("pending", "por resolver")

# English words accepted on the command line for the Spanish vocabulary.
STATUS_ALIASES: dict[str, Status] = {
    "ongoing": Status.CONTINUO,
    "continuous": Status.CONTINUO,
    "scheduled": Status.PROGRAMADO,
    "tbd": Status.POR_DEFINIR,
    "to be defined": Status.POR_DEFINIR,
    "done": Status.COMPLETADO,
    "completed": Status.COMPLETADO,
}

_DUE = re.compile(r"^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?$")


def _days_in(year: int, month: int) -> int:
    """The number of days of a month: 28 to 31."""
    following = dt.date(year + month // 12, month % 12 + 1, 1)
    return (following - dt.timedelta(days=1)).day


class Due(NamedTuple):
    """A due date as precise as the plan says it: a year, a month or a day."""

    year: int
    month: int | None = None
    day: int | None = None

    @classmethod
    def parse(cls, text: str) -> "Due":
        """Read `2010`, `2010-02` or `2010-02-15`; ValueError says what is wrong."""
        match = _DUE.match(text.strip())
        if not match:
            raise ValueError("format")
        year, month, day = (int(g) if g else None for g in match.groups())
        if not 1900 <= year <= 2200:  # type: ignore[operator]
            raise ValueError("year")
        if month is not None and not 1 <= month <= 12:
            raise ValueError("month")
        if day is not None and not 1 <= day <= _days_in(year, month):  # type: ignore[arg-type]
            raise ValueError("day")
        return cls(year, month, day)  # type: ignore[arg-type]

    def iso(self) -> str:
        if self.month is None:
            return f"{self.year:04d}"
        if self.day is None:
            return f"{self.year:04d}-{self.month:02d}"
        return f"{self.year:04d}-{self.month:02d}-{self.day:02d}"

    def first_day(self) -> dt.date:
        """The first day of the period: `2010-03` starts on 2010-03-01."""
        return dt.date(self.year, self.month or 1, self.day or 1)

    def last_day(self) -> dt.date:
        """The last day the item is still on time: the end of its year or month."""
        month = self.month or 12
        day = self.day or _days_in(self.year, month)
        return dt.date(self.year, month, day)

    def __str__(self) -> str:
        return self.iso()


class Ref(NamedTuple):
    """A reference to the CRM/GRCM document an item comes from, as written and as read."""

    text: str
    point: str | None = None  # "5.b" of "p. 5.b"
    body: str | None = None  # CRM or GRCM
    kind: str | None = None  # Decisiones, Declaración, Conclusiones, ...
    month: int | None = None
    year: int | None = None
    meeting: str | None = None  # "XI" of "XI RCM"
    place: str | None = None  # "Managua"
    field: str = "ref"  # where it was written: ref, note, status_note, ...

    @property
    def readable(self) -> bool:
        return self.year is not None or self.meeting is not None


class Actor(NamedTuple):
    key: str  # the short name used under `responsible`
    name: str  # the full name
    members: tuple[str, ...] = ()

    @property
    def is_group(self) -> bool:
        return bool(self.members)


class Outcome(NamedTuple):
    text: str
    refs: tuple[Ref, ...] = ()
    after_ref: str | None = None  # punctuation the document writes after "(Ref.: ...)"


# The fields of an activity that name actors, in the order the document gives them.
ROLES = ("responsible", "coordination", "support")


class Activity(NamedTuple):
    id: str
    objective: str
    section: str
    text: str
    status: Status
    refs: tuple[Ref, ...] = ()
    responsible: tuple[str, ...] = ()
    coordination: tuple[str, ...] = ()
    support: tuple[str, ...] = ()
    responsible_note: str | None = None
    due: Due | None = None
    status_note: str | None = None
    calendar_upper: bool = False  # the document writes the CALENDARIO cell in capitals
    note: str | None = None
    action_plan: bool = False
    after_ref: str | None = None  # punctuation the document writes after "(Ref.: ...)"
    # The historical part of the 2009 document has no CALENDARIO column: an activity there
    # written without `status` reads as completado, and says that this was derived.
    status_derived: bool = False
    outcomes: tuple[Outcome, ...] = ()
    archived: bool = False
    archived_on: dt.date | None = None
    origin: str | None = None  # the active objective `crmplan archive` took it from
    due_at: str | None = None  # the id of the meeting it is due at
    due_each: tuple[str, ...] = ()  # bodies at each of whose meetings it reports
    days_before: str | None = None  # with due_at or due_each: days before the meeting
    line: int = 0

    def notes(self) -> tuple[str, ...]:
        return tuple(n for n in (self.responsible_note, self.status_note, self.note) if n)

    def named(self) -> tuple[tuple[str, str], ...]:
        """(actor, role) for every actor the activity names, responsible ones first."""
        return tuple((name, role) for role in ROLES for name in getattr(self, role))


class Objective(NamedTuple):
    id: str
    section: str
    title: str
    activities: tuple[Activity, ...] = ()
    action_plan: bool = False
    note: str | None = None
    archived: bool = False
    line: int = 0


class Section(NamedTuple):
    id: str
    area: str = ""
    title: str = ""


class Document(NamedTuple):
    title: str = ""
    organization: str = ""
    network: str = ""
    updated: dt.date | None = None
    updated_by: str = ""
    legend: tuple[str, ...] = ()
    note: str | None = None
    removes_undefined_objectives: bool = False  # a rule of the plan's own text


class Meeting(NamedTuple):
    """A meeting of the calendar: a body (CRM, GRCM, the network...) on a date, if known."""

    id: str
    body: str
    date: Due | None = None  # None: not dated yet ("por definir")
    place: str | None = None
    name: str | None = None
    note: str | None = None
    line: int = 0

    def label(self) -> str:
        """`GRCM, Tegucigalpa, 2008-11`: what a reader recognises the meeting by."""
        when = self.date.iso() if self.date else None
        return ", ".join(p for p in (self.name or self.body, self.place, when) if p)


_NOTHING: Mapping[str, object] = MappingProxyType({})


class _PlanFields(NamedTuple):
    document: Document = Document()
    actors: Mapping[str, Actor] = _NOTHING  # type: ignore[assignment]
    areas: Mapping[str, str] = _NOTHING  # type: ignore[assignment]
    sections: Mapping[str, Section] = _NOTHING  # type: ignore[assignment]
    objectives: tuple[Objective, ...] = ()
    history: tuple[Objective, ...] = ()
    meetings: tuple[Meeting, ...] = ()


class Plan(_PlanFields):
    """The whole plan. A subclass of its fields, so that it can keep an index of them."""

    def activities(self, *, active: bool = True, archived: bool = False) -> Iterator[Activity]:
        """Activities in plan order: the active plan first, then the history."""
        parts = (self.objectives if active else ()) + (self.history if archived else ())
        for objective in parts:
            yield from objective.activities

    def objective_of(self, activity: Activity) -> Objective | None:
        """The objective an activity sits under: in the history for an archived one."""
        return self._objective_index.get((activity.archived, activity.objective))

    @cached_property
    def _objective_index(self) -> dict[tuple[bool, str], Objective]:
        return {(o.archived, o.id): o for o in self.objectives + self.history}

    @cached_property
    def meetings_by_month(self) -> dict[tuple[int, int], tuple[Meeting, ...]]:
        """The dated meetings by (year, month): what a reference's month and year name."""
        index: dict[tuple[int, int], tuple[Meeting, ...]] = {}
        for m in self.meetings:
            if m.date is not None and m.date.month is not None:
                key = (m.date.year, m.date.month)
                index[key] = (*index.get(key, ()), m)
        return index

    @cached_property
    def meetings_by_id(self) -> dict[str, Meeting]:
        return {m.id: m for m in self.meetings}

    def groups_of(self, actor: str) -> tuple[str, ...]:
        """The groups that name `actor` among their members."""
        return tuple(a.key for a in self.actors.values() if actor in a.members)


def id_key(item_id: str) -> tuple[tuple[int, int | str], ...]:
    """Ids in the order a reader expects, whatever their place in the file: part by part, 9.3
    before 9.10 before 10.1, numbers before letters (so active ids come before historical
    ones like I.B.1.2)."""
    return tuple((0, int(part)) if part.isascii() and part.isdigit() else (1, part)
                 for part in item_id.split("."))
