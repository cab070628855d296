"""`crmplan init`: a new, valid, commented plan for another CRM network to start its own.

The skeleton is plan content, so it is the same in every language: Spanish data, comments in
Spanish and English like those of the CRM plan. It validates without errors or warnings.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from pathlib import Path

from crm_plan.errors import CrmPlanError
from crm_plan.messages import _

DEFAULT_PATH = "workplan.yaml"

MEMBER_STATES = {  # short name: full name, as in the CRM plan
    "Belice": "Belice",
    "Canadá": "Canadá",
    "Costa Rica": "República de Costa Rica",
    "El Salvador": "República de El Salvador",
    "Estados Unidos": "Estados Unidos de América",
    "Guatemala": "República de Guatemala",
    "Honduras": "República de Honduras",
    "México": "Estados Unidos Mexicanos",
    "Nicaragua": "República de Nicaragua",
    "Panamá": "República de Panamá",
    "República Dominicana": "República Dominicana",
}

_HEADER = """\
# Plan de trabajo de una red de la Conferencia Regional sobre Migración (CRM), creado
# con `crmplan init`. Compruebe el archivo con `crmplan validate` después de cada cambio.
# Work plan of a CRM network, created with `crmplan init`. Check the file with
# `crmplan validate` after each edit.
#
# Campos / fields:
#   document     datos del documento / document data (title, organization, network,
#                updated: AAAA-MM-DD, updated_by, legend, note)
#   actors       directorio de responsables / who may appear under `responsible`,
#                `coordination` and `support`: `NOMBRE CORTO: nombre completo`, or for
#                a group `name:` + `members: [...]`
#   areas        áreas del plan / plan areas (I, II, ...)
#   sections     secciones / sections: `A:` with `area:` and `title:`
#   meetings     el calendario de reuniones / the calendar of meetings: id, body
#                (CRM, GRCM, Red...), date (AAAA-MM o/or AAAA-MM-DD; sin fecha
#                mientras no se fije / left out while not set), place, name, note.
#   objectives   el plan activo / the active plan. Each objective: id, section, title,
#                action_plan (true = tomado del Plan de Acción de la CRM / taken from
#                the CRM Plan of Action), note, activities.
#     activity   id ("1.1", siempre entre comillas / always in quotes), text, ref,
#                responsible (lista de actores / list of actors), coordination, support,
#                responsible_note, status (continuo | programado | pendiente |
#                por definir | completado), due (AAAA, AAAA-MM o/or AAAA-MM-DD;
#                obligatorio con / required with programado), status_note, note,
#                action_plan; due_at (id de una reunión / a meeting's id), due_each
#                (órganos en cada una de cuyas reuniones se informa / bodies at each
#                of whose meetings it reports), days_before (días antes / days before).
#   history      la parte histórica / the historical part: `crmplan archive` moves
#                finished activities there, with their outcomes.
#
# Para que el editor complete y revise los campos (VS Code con la extensión YAML,
# JetBrains), genere el esquema y nómbrelo en la primera línea del archivo / for
# completion and checks in the editor, generate the schema and name it on the first
# line of the file:
#   crmplan schema -f workplan.yaml > workplan.schema.json
#   # yaml-language-server: $schema=workplan.schema.json
"""

_BODY = """\
document:
  title: Plan de trabajo de la Red  # escriba el título / write the title
  organization: Conferencia Regional sobre Migración (CRM)
  network: Nombre de la red  # escriba el nombre / write the network's name
  updated: {today}
  updated_by: ST

actors:
  # Organizaciones / organizations
  ST: Secretaría Técnica de la CRM
  OIM: Organización Internacional para las Migraciones
  # Países miembros de la CRM / CRM member states
{members}
  # Grupos / groups
  Países miembros:
    name: Países miembros de la CRM
    members: [{member_list}]

# Ejemplo / example:
#   I: Políticas y gestión migratoria
areas: {{}}

# Ejemplo / example:
#   A:
#     area: I
#     title: Intercambio de información
sections: {{}}

# Ejemplo / example:
#   - id: GRCM-2010-11
#     body: GRCM
#     date: 2010-11
#     place: Tegucigalpa
meetings: []

# Escriba los objetivos en lugar de [] / write the objectives in place of []:
#   - id: "1"
#     section: A
#     title: Facilitar el intercambio de información.
#     activities:
#       - id: "1.1"
#         text: Crear un directorio de enlaces nacionales.
#         ref: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008
#         responsible: [Países miembros]
#         coordination: [ST]
#         status: por definir
#       - id: "1.2"
#         text: Informar sobre los avances en cada reunión del GRCM.
#         responsible: [Países miembros]
#         status: continuo
#         due_each: [GRCM]
objectives: []
"""


class InitRefused(CrmPlanError):
    """The new plan could not be written; nothing was changed."""


def skeleton(today: dt.date) -> str:
    """The text of a new plan, last updated on `today`."""
    members = "\n".join(f"  {short}: {full}" for short, full in MEMBER_STATES.items())
    return _HEADER + "\n" + _BODY.format(today=today.isoformat(), members=members,
                                          member_list=", ".join(MEMBER_STATES))


def create(path: str | Path, today: dt.date) -> None:
    """Write a new plan at `path`, which must not exist: an existing file is never touched."""
    data = skeleton(today).encode("utf-8")
    try:
        # O_BINARY: Windows only (no newline translation)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o644)
    except FileExistsError:
        raise InitRefused(_("{path} already exists; crmplan init never overwrites a file: "
                            "choose another name, or move that file away first").format(
                                path=path)) from None
    except OSError as exc:
        raise InitRefused(_("{path} could not be created ({reason})").format(
            path=path, reason=exc.strerror or exc)) from None
    try:
        with os.fdopen(fd, "wb") as out:
            out.write(data)
    except OSError as exc:  # a full disk: leave no half-written plan behind
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise InitRefused(_("{path} could not be written ({reason})").format(
            path=path, reason=exc.strerror or exc)) from None
