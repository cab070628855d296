"""The JSON Schema (draft 2020-12) of a plan file, so that editors complete and check fields.

Built from the fields of each part of the plan (`fields.py`, which the reader follows too: a
field validate accepts is a field the schema describes) and from the plan in use, whose declared
sections become an enum. It describes structure only: `crmplan validate` stays the authority on ids,
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

from crm_plan import fields
from crm_plan.fields import Field, Part
from crm_plan.model import Plan, Status

DRAFT = "https://json-schema.org/draft/2020-12/schema"
Schema = dict[str, Any]

# The definitions of the schema: each part of the plan, in the active plan or in the history.
_DEFINITIONS: dict[str, tuple[Part, bool]] = {
    "plan": (fields.PLAN, False),
    "document": (fields.DOCUMENT, False),
    "group": (fields.GROUP, False),
    "section": (fields.SECTION, False),
    "objective": (fields.OBJECTIVE, False),
    "activity": (fields.ACTIVITY, False),
    "archivedObjective": (fields.OBJECTIVE, True),
    "archivedActivity": (fields.ACTIVITY, True),
    "origin": (fields.ORIGIN, False),
    "outcome": (fields.OUTCOME, False),
    "meeting": (fields.MEETING, False),
}
# The fields of each definition and those it requires, as `fields.py` declares them.
PARTS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    name: (part.names, part.required(archived=archived))
    for name, (part, archived) in _DEFINITIONS.items()
}

TITLES = {
    **{name: (part.spanish, part.english) for name, (part, _archived) in _DEFINITIONS.items()},
    "archivedObjective": ("Un objetivo de la parte histórica.",
                          "An objective of the historical part."),
    "archivedActivity": ("Una actividad de la parte histórica: completada.",
                         "An activity of the historical part: completed."),
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
_DUE: Schema = {"type": ["string", "integer"], "pattern": r"^[0-9]{4}(-[0-9]{1,2}){0,2}$",
                "minimum": 1900, "maximum": 2200}
_POSITION: Schema = {"type": ["integer", "string"], "minimum": 1, "pattern": r"^[0-9]+$"}

# The schema of each kind of value (`fields.py`); the kinds that hold parts are below.
_KIND_SCHEMAS: dict[str, Schema] = {
    fields.TEXT: _TEXT, fields.OPTIONAL: _OPTIONAL_TEXT, fields.NOTE: _OPTIONAL_TEXT,
    fields.TEXTS: _TEXTS, fields.ACTORS: _TEXTS, fields.REFS: _TEXTS, fields.DATE: _DATE,
    fields.BOOLEAN: _BOOLEAN, fields.ID: _ID, fields.STATUS: _status_schema(_STATUSES),
    fields.DUE: _DUE, fields.MEETING_DATE: {"anyOf": [_DUE, {"enum": ["por definir", None]}]},
    fields.SECTION_KEY: {"$ref": "#/$defs/sectionId"},
    fields.AREA_KEY: _OPTIONAL_TEXT, fields.POSITION: _POSITION, fields.WRITTEN_STATUS: _TEXT,
}


def plan_schema(plan: Plan | None = None) -> Schema:
    """The schema of a plan file; the sections `plan` declares become an enum."""
    top = _part("plan")
    defs = {name: _part(name) for name in PARTS if name != "plan"}
    defs["sectionId"] = _section_ids(list(plan.sections) if plan is not None else [])
    return {"$schema": DRAFT, "title": "workplan.yaml", **top, "$defs": defs}


def to_json(schema: Schema) -> bytes:
    return (json.dumps(schema, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def _part(name: str) -> Schema:
    part, archived = _DEFINITIONS[name]
    properties = {field.name: {**_field_schema(field, archived),
                               "description": _bilingual((field.spanish, field.english))}
                  for field in part.fields}
    return {"description": _bilingual(TITLES[name]), "type": "object",
            "required": list(part.required(archived=archived)), "properties": properties,
            "additionalProperties": False}


def _field_schema(field: Field, archived: bool) -> Schema:
    if field.kind == fields.STATUS and archived:
        return _status_schema([Status.COMPLETADO.value])
    if field.kind in _KIND_SCHEMAS:
        return _KIND_SCHEMAS[field.kind]
    if field.kind == fields.DIRECTORY:
        return {"type": "object",
                "additionalProperties": {"anyOf": [_TEXT, _reference(field, archived)],
                                         "description": _bilingual(TITLES["actor"])}}
    if field.kind == fields.NAMES:
        return {"type": "object",
                "additionalProperties": {**_TEXT, "description": _bilingual(TITLES["area"])}}
    if field.kind == fields.KEYED:
        return {"type": "object", "additionalProperties": _reference(field, archived)}
    if field.kind == fields.PARTS:
        return {"type": ["array", "null"], "items": _reference(field, archived)}
    return _reference(field, archived)  # fields.PART


def _reference(field: Field, archived: bool) -> Schema:
    """The definition of the part a field holds: its history's when it is in the history."""
    assert field.part is not None, field.name
    archived = archived or field.name == fields.HISTORY
    name = field.part.name
    if archived and "archived" + name.capitalize() in _DEFINITIONS:
        name = "archived" + name.capitalize()
    return {"$ref": f"#/$defs/{name}"}


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
