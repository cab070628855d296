"""Plans for the query tests: one small plan with every kind of thing a filter looks at."""

from __future__ import annotations

from crm_plan.model import Plan
from crm_plan.problems import Severity
from crm_plan.source import Source, parse
from crm_plan.validate import validate

# Two sections, a group (Países miembros = México + Belice), every role, every status but
# completado, an objective taken from the Plan of Action, references of several years and
# bodies (one inside a status note), and one historical activity with an outcome.
QUERY_PLAN = """\
document:
  title: Plan de prueba
  organization: CRM
  updated: 2009-11-26
actors:
  ST: Secretaría Técnica de la CRM
  OIM: Organización Internacional para las Migraciones
  RROCM: Red Regional de Organizaciones Civiles para las Migraciones
  México: Estados Unidos Mexicanos
  Belice: Belice
  Países miembros:
    name: Países miembros de la CRM
    members: [México, Belice]
areas:
  I: Políticas y gestión migratoria
sections:
  A:
    area: I
    title: Combate a los delitos
  B:
    area: I
    title: Intercambio de información
objectives:
  - id: "1"
    section: A
    title: Instar a los países miembros
    activities:
      - id: "1.1"
        text: Informar sobre los logros
        ref: p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008
        responsible: [Países miembros]
        coordination: [ST]
        status: continuo
      - id: "1.2"
        text: Realizar un taller de capacitación
        ref: pf. 21, CRM, Deci., mayo, 2003
        responsible: [OIM]
        support: [RROCM]
        status: programado
        due: 2010-02
  - id: "2"
    section: B
    title: Facilitar el intercambio
    action_plan: true
    activities:
      - id: "2.1"
        text: Crear un directorio de albergues
        ref: p. i, Inf. Red Trata, GRCM, diciembre, 2009
        responsible: [México, OIM]
        status: por definir
        note: Reunión de Tegucigalpa
      - id: "2.2"
        text: Compartir estadísticas
        responsible: [Belice]
        support: [Países miembros]
        status: pendiente
        status_note: "(Ref.: p. 4, GRCM, Inf. Red Trata, noviembre, 2008)"
  - id: "3"
    section: B
    title: Publicar resultados
    activities:
      - id: "3.1"
        text: Publicar regularmente logros
        ref: CRM, mayo, 2002
        responsible: [ST]
        status: programado
        due: "2011"
        action_plan: true
history:
  - id: I.A.1
    section: A
    title: Objetivo histórico
    activities:
      - id: I.A.1.1
        text: Adoptar los lineamientos
        archived: 2009-11-26
        outcomes:
          - text: Adoptados por los viceministros
            ref: p. 3, CRM, Deci., abril, 2007
"""


def plan_of(text: str = QUERY_PLAN) -> Plan:
    """The plan of `text`, which must have no errors."""
    root, problems = parse(text, "plan.yaml")
    plan, found = validate(Source("plan.yaml", text, root, problems))
    errors = [str(p) for p in found if p.severity is Severity.ERROR]
    assert not errors, errors
    return plan
