"""The JSON Schema (draft 2020-12) of a plan file, so that editors complete and check fields.

Built from the field lists of `validate.py` (a field validate accepts is a field the schema
describes; `tests/test_schema.py` checks it) and from the plan in use, whose declared sections
become an enum. It describes structure only: `crmplan validate` stays the authority on ids,
actors, references and dates. Descriptions are in Spanish and English at once, because the
committed `workplan.schema.json` is read by editors in either language.

Values are typed as an editor reads YAML 1.2 (the Red Hat YAML extension, JetBrains): `2010` is
a number, `2009-11-26` a text, `true` a boolean, an unquoted `6.10` the number 6.1 (which is why
ids must be texts or whole numbers). Where `validate` lets a field be empty (`note:`), the schema
allows null.
"""

from __future__ import annotations

import json
import re
from typing import Any

from crm_plan import validate as rules
from crm_plan.model import Plan, Status

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]

# The parts of a plan and the fields validate.py accepts in each: (fields, required).
PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "plan": (rules.TOP_FIELDS, rules.TOP_REQUIRED),
    "document": (rules.DOCUMENT_FIELDS, rules.DOCUMENT_REQUIRED),
    "group": (rules.GROUP_FIELDS, rules.GROUP_REQUIRED),
    "section": (rules.SECTION_FIELDS, rules.SECTION_REQUIRED),
    "objective": (rules.OBJECTIVE_FIELDS, rules.OBJECTIVE_REQUIRED),
    "activity": (rules.ACTIVITY_FIELDS, rules.ACTIVITY_REQUIRED),
    "archivedObjective": (rules.OBJECTIVE_FIELDS, rules.OBJECTIVE_REQUIRED),
    "archivedActivity": (rules.ACTIVITY_FIELDS, rules.ARCHIVED_ACTIVITY_REQUIRED),
    "origin": (rules.ORIGIN_FIELDS, rules.ORIGIN_FIELDS),
    "outcome": (rules.OUTCOME_FIELDS, rules.OUTCOME_REQUIRED),
}

# (Spanish, English) for every field of every part; a field missing here is a KeyError when
# the schema is built, so a new field in validate.py cannot be forgotten.
DESCRIPTIONS: dict[str, dict[str, tuple[str, str]]] = {
    "plan": {
        "document": ("Datos del documento: título, organización, fecha de actualización.",
                     "Document data: title, organization, date of the last update."),
        "actors": ("Directorio de quienes pueden figurar en responsible, coordination y "
                   "support: NOMBRE CORTO: nombre completo, o un grupo con name y members.",
                   "Who may be named under responsible, coordination and support: SHORT NAME: "
                   "full name, or a group with name and members."),
        "areas": ("Áreas del plan (I, II...): identificador y nombre.",
                  "Areas of the plan (I, II...): id and name."),
        "sections": ("Secciones del plan (A, B, C...): cada una con su área y su título.",
                     "Sections of the plan (A, B, C...): each with its area and title."),
        "objectives": ("El plan activo: los objetivos con sus actividades.",
                       "The active plan: the objectives with their activities."),
        "history": ("La parte histórica: objetivos de la misma forma, con actividades "
                    "completadas y sus resultados (outcomes). crmplan archive la completa.",
                    "The historical part: objectives of the same shape, with completed "
                    "activities and their outcomes. crmplan archive fills it."),
    },
    "document": {
        "title": ("Título del plan de trabajo.", "Title of the work plan."),
        "organization": ("Organización a la que pertenece la red, p. ej. Conferencia Regional "
                         "sobre Migración (CRM).",
                         "Organization the network belongs to, e.g. Conferencia Regional sobre "
                         "Migración (CRM)."),
        "network": ("Nombre de la red.", "Name of the network."),
        "updated": ("Fecha de la última actualización, AAAA-MM-DD.",
                    "Date of the last update, YYYY-MM-DD."),
        "updated_by": ("Quién hizo la última actualización, p. ej. ST.",
                       "Who made the last update, e.g. ST."),
        "legend": ("Leyenda del documento: un texto o una lista de textos.",
                   "The document's legend: a text or a list of texts."),
        "note": ("Nota sobre el documento.", "A note about the document."),
    },
    "group": {
        "name": ("Nombre completo del grupo.", "Full name of the group."),
        "members": ("Miembros del grupo: actores declarados o nombres.",
                    "Members of the group: declared actors or names."),
    },
    "section": {
        "area": ("Área a la que pertenece la sección (una clave de areas).",
                 "Area the section belongs to (a key of areas)."),
        "title": ("Título de la sección.", "Title of the section."),
    },
    "objective": {
        "id": ('Identificador del objetivo, entre comillas: "9".',
               'Id of the objective, in quotes: "9".'),
        "section": ("Sección del objetivo (una clave de sections).",
                    "Section of the objective (a key of sections)."),
        "title": ("Título del objetivo.", "Title of the objective."),
        "action_plan": ("true si el objetivo se tomó del Plan de Acción de la CRM (MAYÚSCULAS "
                        "en el documento).",
                        "true if the objective was taken from the CRM Plan of Action (UPPER "
                        "CASE in the document)."),
        "note": ("Nota sobre el objetivo.", "A note about the objective."),
        "activities": ("Actividades del objetivo.", "Activities of the objective."),
    },
    "activity": {
        "id": ('Identificador de la actividad, siempre entre comillas: "9.3" (objetivo, punto, '
               'número).',
               'Id of the activity, always in quotes: "9.3" (objective, dot, number).'),
        "text": ("Texto de la actividad.", "Text of the activity."),
        "ref": ('Referencia al documento de origen, sin "Ref.:", p. ej. "p. 5.b, GRCM, Inf. '
                'Red Trata, noviembre, 2008"; una lista si hay varias.',
                'Reference to the source document, without "Ref.:", e.g. "p. 5.b, GRCM, Inf. '
                'Red Trata, noviembre, 2008"; a list when there are several.'),
        "responsible": ("Responsables: actores declarados en actors, p. ej. [Países miembros, "
                        "OIM].",
                        "Responsible parties: actors declared under actors, e.g. [Países "
                        "miembros, OIM]."),
        "coordination": ("Actores que coordinan, p. ej. [ST].",
                         "Actors who coordinate, e.g. [ST]."),
        "support": ("Actores que apoyan.", "Actors who support."),
        "responsible_note": ("Texto de la columna RESPONSABLE más allá de los nombres.",
                             "Wording of the RESPONSABLE column beyond the names."),
        "status": ("Estado (columna CALENDARIO): continuo, programado, pendiente, por definir "
                   "o completado.",
                   "Status (CALENDARIO column): continuo, programado, pendiente, por definir or "
                   "completado."),
        "due": ("Fecha prevista, obligatoria con programado: AAAA, AAAA-MM o AAAA-MM-DD.",
                "Due date, required with programado: YYYY, YYYY-MM or YYYY-MM-DD."),
        "status_note": ("Texto de la columna CALENDARIO más allá del estado.",
                        "Wording of the CALENDARIO column beyond the status."),
        "note": ("Nota sobre la actividad.", "A note about the activity."),
        "action_plan": ("true si la actividad se tomó del Plan de Acción de la CRM.",
                        "true if the activity was taken from the CRM Plan of Action."),
        "outcomes": ("Resultados logrados, cada uno con text y ref.",
                     "Outcomes achieved, each with text and ref."),
        "archived": ("Fecha en que crmplan archive pasó la actividad a la parte histórica.",
                     "Date on which crmplan archive moved the activity to the history."),
        "origin": ("Escrito por crmplan archive: de dónde vino la actividad, para crmplan "
                   "restore.",
                   "Written by crmplan archive: where the activity came from, for crmplan "
                   "restore."),
    },
    "origin": {
        "section": ("Sección del objetivo de origen.", "Section of the objective it came from."),
        "objective": ("Objetivo del plan activo del que vino la actividad.",
                      "Objective of the active plan the activity came from."),
        "position": ("Posición de la actividad en ese objetivo (1, 2...).",
                     "Position of the activity in that objective (1, 2...)."),
        "status": ("Estado de la actividad antes de archivarla, tal como estaba escrito.",
                   "Status of the activity before it was archived, as written."),
    },
    "outcome": {
        "text": ("Lo que se logró.", "What was achieved."),
        "ref": ("Referencia del documento que lo registra.",
                "Reference of the document that records it."),
    },
}
DESCRIPTIONS["archivedObjective"] = DESCRIPTIONS["objective"]
DESCRIPTIONS["archivedActivity"] = DESCRIPTIONS["activity"]

TITLES = {
    "plan": ("Plan de trabajo de una red de la CRM (workplan.yaml). Compruébelo con crmplan "
             "validate.",
             "Work plan of a CRM network (workplan.yaml). Check it with crmplan validate."),
    "document": ("Datos del documento.", "Document data."),
    "group": ("Un grupo de actores.", "A group of actors."),
    "section": ("Una sección del plan.", "A section of the plan."),
    "objective": ("Un objetivo del plan activo.", "An objective of the active plan."),
    "activity": ("Una actividad del plan activo.", "An activity of the active plan."),
    "archivedObjective": ("Un objetivo de la parte histórica.",
                          "An objective of the historical part."),
    "archivedActivity": ("Una actividad de la parte histórica: completada.",
                         "An activity of the historical part: completed."),
    "origin": ("De dónde vino una actividad archivada.", "Where an archived activity came from."),
    "outcome": ("Un resultado logrado.", "An outcome achieved."),
    "actor": ("Nombre completo del actor, o un grupo (name, members).",
              "Full name of the actor, or a group (name, members)."),
    "area": ("Nombre del área.", "Name of the area."),
}

# Scalars as YAML 1.2 reads them. A "text" is any scalar that is not empty.
_TEXT: Schema = {"type": ["string", "number", "boolean"]}
_OPTIONAL_TEXT: Schema = {"type": ["string", "number", "boolean", "null"]}
_TEXTS: Schema = {"anyOf": [_OPTIONAL_TEXT, {"type": "array", "items": _TEXT}]}
_DATE: Schema = {"type": "string", "pattern": r"^[0-9]{4}-[0-9]{2}-[0-9]{2}$"}
_ID: Schema = {"type": ["string", "integer"], "pattern": r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$",
               "minimum": 0}
_BOOLEAN: Schema = {"type": ["boolean", "null"]}
_VOWELS = {"a": "aáAÁ", "e": "eéEÉ", "i": "iíIÍ", "o": "oóOÓ", "u": "uúüUÚÜ"}


def _status_schema(statuses: list[str]) -> Schema:
    """The vocabulary as an enum (what editors offer), and as validate reads it: case, accents
    and the number of spaces ignored (`Por Definir` is `por definir`)."""
    def loose(word: str) -> str:
        return "".join(" +" if ch == " " else f"[{_VOWELS.get(ch, ch + ch.upper())}]"
                       for ch in word)
    pattern = "^(" + "|".join(loose(s) for s in statuses) + ")$"
    return {"anyOf": [{"enum": statuses}, {"type": "string", "pattern": pattern}]}


_STATUSES = [s.value for s in Status]

# The schema of each field, by part; a field not named here is an optional text.
_FIELD_SCHEMAS: dict[str, dict[str, Schema]] = {
    "plan": {
        "document": {"$ref": "#/$defs/document"},
        "actors": {"type": "object",
                   "additionalProperties": {"anyOf": [_TEXT, {"$ref": "#/$defs/group"}],
                                            "description": " / ".join(TITLES["actor"])}},
        "areas": {"type": "object",
                  "additionalProperties": {**_TEXT, "description": " / ".join(TITLES["area"])}},
        "sections": {"type": "object", "additionalProperties": {"$ref": "#/$defs/section"}},
        "objectives": {"type": ["array", "null"], "items": {"$ref": "#/$defs/objective"}},
        "history": {"type": ["array", "null"], "items": {"$ref": "#/$defs/archivedObjective"}},
    },
    "document": {"title": _TEXT, "organization": _TEXT, "updated": _DATE, "legend": _TEXTS},
    "group": {"members": _TEXTS},
    "objective": {"id": _ID, "section": {"$ref": "#/$defs/sectionId"}, "title": _TEXT,
                  "action_plan": _BOOLEAN,
                  "activities": {"type": ["array", "null"], "items": {"$ref": "#/$defs/activity"}}},
    "activity": {
        "id": _ID, "text": _TEXT, "ref": _TEXTS, "responsible": _TEXTS, "coordination": _TEXTS,
        "support": _TEXTS, "status": _status_schema(_STATUSES),
        "due": {"type": ["string", "integer"], "pattern": r"^[0-9]{4}(-[0-9]{1,2}){0,2}$",
                "minimum": 1900, "maximum": 2200},
        "action_plan": _BOOLEAN, "archived": _DATE, "origin": {"$ref": "#/$defs/origin"},
        "outcomes": {"type": ["array", "null"], "items": {"$ref": "#/$defs/outcome"}},
    },
    "origin": {"objective": _TEXT, "status": _TEXT,
               "position": {"type": ["integer", "string"], "minimum": 1, "pattern": r"^[0-9]+$"}},
    "outcome": {"text": _TEXT, "ref": _TEXTS},
}
_FIELD_SCHEMAS["archivedObjective"] = {
    **_FIELD_SCHEMAS["objective"],
    "activities": {"type": ["array", "null"], "items": {"$ref": "#/$defs/archivedActivity"}}}
_FIELD_SCHEMAS["archivedActivity"] = {**_FIELD_SCHEMAS["activity"],
                                      "status": _status_schema([Status.COMPLETADO.value])}


def plan_schema(plan: Plan | None = None) -> Schema:
    """The schema of a plan file; the sections `plan` declares become an enum."""
    top = _part("plan")
    defs = {name: _part(name) for name in PARTS if name != "plan"}
    defs["sectionId"] = _section_ids(list(plan.sections) if plan is not None else [])
    return {"$schema": DRAFT, "title": "workplan.yaml", **top, "$defs": defs}


def to_json(schema: Schema) -> bytes:
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _part(name: str) -> Schema:
    fields, required = PARTS[name]
    schemas = _FIELD_SCHEMAS.get(name, {})
    properties = {field: {**schemas.get(field, _OPTIONAL_TEXT),
                          "description": _bilingual(DESCRIPTIONS[name][field])}
                  for field in fields}
    return {"description": _bilingual(TITLES[name]), "type": "object",
            "required": list(required), "properties": properties, "additionalProperties": False}


def _section_ids(sections: list[str]) -> Schema:
    """The declared sections; a section named like a number (`1`) is also that number, since
    `section: 1` is a number to an editor."""
    if not sections:
        return {"type": ["string", "integer"]}
    values: list[str | int] = []
    for section in sections:
        values.append(section)
        if re.fullmatch(r"[0-9]+", section):
            values.append(int(section))
    return {"enum": values}


def _bilingual(texts: tuple[str, str]) -> str:
    return " / ".join(texts)
