"""The plan laid out as the 2009 document: what `crmplan export` prints, in any format.

The document is a title block, then per area and section a table OBJETIVOS | ACTIVIDADES |
RESPONSABLE | CALENDARIO, then the historical part (OBJETIVOS | ACTIVIDADES | RESULTADOS), then
the legend. Every line of a cell carries the document's hierarchical number, derived from the
ids: activity 9.3, its responsible line 9.3.1, its calendar line 9.3.1.1; in the history, the
area and section prefix of an id is dropped (I.B.1.2 -> 1.2) and outcomes are numbered 1.2.1,
1.2.2... The legend's conventions are applied here, once for every format: pending and
to-be-defined items are `underline`d, items taken from the Plan of Action are in upper case.

The words of the layout (column names, "Actualizado por", "en coordinación con", month names)
are the document's own, in the plan's language, like the status words: they are plan content,
never translated. Pure functions over a `Selection`, unit-tested without a renderer.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from crm_plan.model import Activity, Due, Objective, Outcome, Plan, Ref, Status
from crm_plan.query import Selection
from crm_plan.text import fold

ACTIVE_COLUMNS = ("OBJETIVOS", "ACTIVIDADES", "RESPONSABLE", "CALENDARIO")
HISTORY_COLUMNS = ("OBJETIVOS", "ACTIVIDADES", "RESULTADOS")
HISTORY_HEADING = "HISTÓRICO"
MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
          "septiembre", "octubre", "noviembre", "diciembre")
CALENDAR_WORDS = {Status.CONTINUO: "Continuo", Status.PROGRAMADO: "Programado",
                  Status.PENDIENTE: "Pendiente", Status.POR_DEFINIR: "Por definir",
                  Status.COMPLETADO: "Completado"}
# First words of an organisation's full name that take "la" (la Secretaría, la Red...);
# any other takes "el" (el Grupo, el Alto Comisionado, el Programa).
_FEMININE_ENDINGS = ("a", "ion", "dad", "tad", "tud", "red")
_MASCULINE_ENDINGS = ("ma",)  # el programa, el sistema


class Entry(NamedTuple):
    """One numbered line of a cell, e.g. `9.3 Designar un enlace ... (Ref.: p. 5.b, ...)`."""

    number: str  # "9.3", "9.3.1", "9.3.1.1"; "" for an unnumbered line
    text: str  # as the document reads it: upper case for the Plan of Action
    refs: tuple[str, ...] = ()  # shown after the text as "(Ref.: ...)"
    note: str | None = None  # shown after the references
    underline: bool = False  # pending or still to be defined (the legend's "Subrayado")
    after: str = ""  # punctuation the document writes right after the references: "."

    def parts(self) -> list[str]:
        """The pieces of the line in order: number, text, each reference, the note."""
        refs = [ref_text(r) for r in self.refs]
        if refs:
            refs[-1] += self.after
        pieces = [self.number, self.text, *refs, self.note or ""]
        return [p for p in pieces if p]

    def plain(self) -> str:
        return " ".join(self.parts())


class Row(NamedTuple):
    """One activity: the cells after OBJETIVOS, one tuple of lines per column."""

    activity: Activity
    cells: tuple[tuple[Entry, ...], ...]


class ObjectiveBlock(NamedTuple):
    entry: Entry
    rows: tuple[Row, ...]  # the OBJETIVOS cell spans them


class SectionBlock(NamedTuple):
    id: str
    heading: str  # "A. Fortalecer el combate ..."
    objectives: tuple[ObjectiveBlock, ...]

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for block in self.objectives for row in block.rows)


class AreaBlock(NamedTuple):
    heading: str | None  # "POLÍTICAS Y GESTIÓN MIGRATORIA"; None for sections without area
    sections: tuple[SectionBlock, ...]


class Part(NamedTuple):
    historical: bool
    heading: str | None  # None for the active plan
    columns: tuple[str, ...]
    areas: tuple[AreaBlock, ...]

    @property
    def sections(self) -> tuple[SectionBlock, ...]:
        return tuple(section for area in self.areas for section in area.sections)


class Layout(NamedTuple):
    organization: str
    title: str
    updated: str | None  # "Actualizado por la ST el 26 de noviembre de 2009"
    parts: tuple[Part, ...]  # the active plan, the history: those with selected activities
    note: str | None
    legend: tuple[str, ...]

    @property
    def rows(self) -> tuple[Row, ...]:
        return tuple(row for part in self.parts for section in part.sections
                     for row in section.rows)


def layout(plan: Plan, selection: Selection) -> Layout:
    """The document of the selected activities (all of them: the whole document)."""
    chosen = {(a.archived, a.id) for a in selection.activities}
    parts = []
    for historical in (False, True):
        objectives = plan.history if historical else plan.objectives
        part = _part(plan, objectives, chosen, historical)
        if part.areas:
            parts.append(part)
    doc = plan.document
    return Layout(organization=doc.organization.upper(), title=doc.title.upper(),
                  updated=updated_line(plan), parts=tuple(parts), note=doc.note,
                  legend=doc.legend)


def _part(plan: Plan, objectives: Iterable[Objective], chosen: set[tuple[bool, str]],
          historical: bool) -> Part:
    by_section: dict[str, list[ObjectiveBlock]] = {}
    for objective in objectives:
        rows = tuple(_row(plan, a) for a in objective.activities if (a.archived, a.id) in chosen)
        if rows:
            by_section.setdefault(objective.section, []).append(
                ObjectiveBlock(objective_entry(objective), rows))
    areas: dict[str, list[SectionBlock]] = {}
    for section_id in [*plan.sections, *sorted(set(by_section) - set(plan.sections))]:
        if section_id in by_section:
            section = plan.sections.get(section_id)
            heading = f"{section_id}. {section.title}" if section else section_id
            areas.setdefault(section.area if section else "", []).append(
                SectionBlock(section_id, heading, tuple(by_section[section_id])))
    return Part(
        historical=historical,
        heading=HISTORY_HEADING if historical else None,
        columns=HISTORY_COLUMNS if historical else ACTIVE_COLUMNS,
        areas=tuple(AreaBlock(_area_heading(plan, area, historical), tuple(sections))
                    for area, sections in areas.items()))


def _area_heading(plan: Plan, area: str, historical: bool) -> str | None:
    """`POLÍTICAS Y GESTIÓN MIGRATORIA`; in the history `I. POLÍTICAS ...`, as the document."""
    if not area:
        return None
    title = plan.areas.get(area, "").upper()
    return f"{area}. {title}" if historical else title or area


def _row(plan: Plan, activity: Activity) -> Row:
    if activity.archived:
        return Row(activity, (
            (activity_entry(activity),),
            tuple(outcome_entry(activity, i, o) for i, o in enumerate(activity.outcomes, 1))))
    responsible = responsible_entry(plan, activity)
    outcomes = tuple(outcome_entry(activity, i, o, numbered=False)
                     for i, o in enumerate(activity.outcomes, 1))
    return Row(activity, (
        (activity_entry(activity),),
        (responsible,) if responsible else (),
        (calendar_entry(activity), *outcomes)))


# -- numbering ----------------------------------------------------------------------------------

def number(item_id: str) -> str:
    """The document's number of an id: a historical id loses its area and section prefix
    (I.B.1.2 -> 1.2); an active one is already a number (9.3)."""
    parts = item_id.split(".")
    while len(parts) > 1 and not parts[0].isdigit():
        parts.pop(0)
    return ".".join(parts)


def objective_entry(objective: Objective) -> Entry:
    return Entry(f"{number(objective.id)}.", cased(objective.title, objective.action_plan),
                 note=objective.note)


def activity_entry(activity: Activity) -> Entry:
    """`9.3 Designar un enlace ...`, its references as the document writes them, its note."""
    refs = _written_refs(activity.refs)
    return Entry(number(activity.id), cased(activity.text, activity.action_plan),
                 refs=refs, note=activity.note, underline=_underlined(activity),
                 after=(activity.after_ref or "") if refs else "")


def responsible_entry(plan: Plan, activity: Activity) -> Entry | None:
    """`9.3.1 Países miembros en coordinación con la ST`: the actors, then the wording the
    document adds (responsible_note), unless the wording names them itself."""
    text = responsible_text(plan, activity)
    if not text:
        return None
    return Entry(f"{number(activity.id)}.1", text, underline=_underlined(activity))


def calendar_entry(activity: Activity) -> Entry:
    """`9.3.1.1 Por definir. Tegucigalpa, noviembre de 2008`; a date for `programado`."""
    words = due_text(activity.due) if activity.status is Status.PROGRAMADO and activity.due \
        else CALENDAR_WORDS[activity.status]
    text = f"{words}. {activity.status_note}" if activity.status_note else words
    return Entry(f"{number(activity.id)}.1.1", cased(text, activity.calendar_upper),
                 underline=_underlined(activity))


def outcome_entry(activity: Activity, index: int, outcome: Outcome, *,
                  numbered: bool = True) -> Entry:
    """`1.2.1 Eventos realizados: ...`: the outcomes of a historical activity, numbered."""
    refs = _written_refs(outcome.refs)
    return Entry(f"{number(activity.id)}.{index}" if numbered else "", outcome.text,
                 refs=refs, after=(outcome.after_ref or "") if refs else "")


def ref_text(ref: str) -> str:
    return f"(Ref.: {ref})"


def _written_refs(refs: Iterable[Ref]) -> tuple[str, ...]:
    """The `ref:` fields; a reference written inside a note is shown with the note."""
    return tuple(ref.text for ref in refs if ref.field == "ref")


def _underlined(activity: Activity) -> bool:
    return not activity.archived and activity.status.pending


def cased(text: str, upper: bool) -> str:
    """The legend's UPPER CASE: the text of an item marked `action_plan`, a calendar cell
    marked `calendar_upper` (the document writes CONTINUO for 11.1 but Continuo for 4.5)."""
    return text.upper() if upper else text


# -- wording ------------------------------------------------------------------------------------

def responsible_text(plan: Plan, activity: Activity) -> str:
    """The RESPONSABLE cell in the document's words: `Países miembros y RROCM en coordinación
    con la ST`, `Países miembros, con apoyo de la RROCM si lo desean (Ref.: XI RCM)`."""
    note = activity.responsible_note or ""
    named = {name for name in activity.responsible + activity.coordination + activity.support
             if _names(note, name)}
    if activity.responsible and named >= set(activity.responsible):
        return note  # "La ST con insumos de los países" already says who
    phrase = and_list(activity.responsible)
    if coordination := [n for n in activity.coordination if n not in named]:
        phrase += f" en coordinación con {and_list(_with_article(plan, coordination))}"
    if support := [n for n in activity.support if n not in named]:
        phrase += f", con apoyo de {and_list(_with_article(plan, support))}"
    phrase = phrase.strip(" ,")
    if not note:
        return phrase
    if not phrase:
        return note
    return f"{phrase}, {note}" if note[:1].islower() else f"{phrase}. {note}"


def _names(note: str, name: str) -> bool:
    return f" {fold(name)} " in f" {fold(note).replace(',', ' ').replace('.', ' ')} "


def and_list(names: Iterable[str]) -> str:
    """`A`, `A y B`, `A, B y C`."""
    names = list(names)
    if len(names) <= 1:
        return "".join(names)
    return f"{', '.join(names[:-1])} y {names[-1]}"


def _with_article(plan: Plan, names: list[str]) -> list[str]:
    return [f"{article(plan, name)}{name}" for name in names]


def article(plan: Plan, name: str) -> str:
    """`la ` before an organisation known by its acronym whose full name is feminine (la ST:
    la Secretaría Técnica; la OIM; la RROCM: la Red), `el ` for a masculine one (el GRCM: el
    Grupo); nothing before a country or a group (México, Países miembros)."""
    actor = plan.actors.get(name)
    if actor is None or not (name.isupper() and name.isalpha()) or not actor.name.split():
        return ""
    first = fold(actor.name.split()[0])
    if first.endswith(_FEMININE_ENDINGS) and not first.endswith(_MASCULINE_ENDINGS):
        return "la "
    return "el "


def due_text(due: Due) -> str:
    """`2010`, `Febrero 2010`, `15 de febrero de 2010`: as the document writes a date."""
    if due.month is None:
        return str(due.year)
    if due.day is None:
        return f"{MONTHS[due.month - 1].capitalize()} {due.year}"
    return f"{due.day} de {MONTHS[due.month - 1]} de {due.year}"


def long_date(day: dt.date) -> str:
    """`26 de noviembre de 2009`."""
    return f"{day.day} de {MONTHS[day.month - 1]} de {day.year}"


def updated_line(plan: Plan) -> str | None:
    """`Actualizado por la ST el 26 de noviembre de 2009`, from the document data."""
    doc = plan.document
    if doc.updated is None:
        return None
    who = f" por {article(plan, doc.updated_by)}{doc.updated_by}" if doc.updated_by else ""
    return f"Actualizado{who} el {long_date(doc.updated)}"
