"""The fields of a plan file, in one place.

Each part of the file (the plan itself, its document data, a group of actors, a section, an
objective, an activity, an archived activity's origin, an outcome) is a `Part`: its fields in
the order they are written, each with the kind of value it holds, whether it must be there, and
what it means in Spanish and in English. What knows the names of the fields derives from here:

- the reader (`reader.py`): which fields a part may and must have, how each value is read and
  which attribute of the model's record receives it;
- the rules (`rules/`) that check a kind of value wherever it is written (every date, every
  list of actors, every reference);
- the JSON Schema (`schema.py`): the properties, required fields and descriptions of each part;
- the parser's hints for a key glued to its value (`source.py`);
- the json/csv records of an activity (`render/documents/records.py`), whose columns are
  listed here too.
"""

from __future__ import annotations

# The kinds of value a field holds: how the reader reads it, how the schema describes it, and
# which rules check it wherever it is written.
TEXT = "text"  # a text that may not be empty
OPTIONAL = "optional text"  # a text that may be left empty
NOTE = "note"  # a note on an item: it may cite references and say the objective would go
TEXTS = "texts"  # a text or a list of texts
ACTORS = "actors"  # names declared under `actors` (a text or a list)
REFS = "references"  # references to CRM/GRCM documents (a text or a list)
DATE = "date"  # YYYY-MM-DD
BOOLEAN = "boolean"  # true or false
ID = "id"  # numbers and letters separated by dots
STATUS = "status"  # a word of the plan's vocabulary
DUE = "due"  # a year, year-month or date
MEETING_DATE = "meeting date"  # a year-month or date, or "por definir"
SECTION_KEY = "section key"  # a key of `sections`
AREA_KEY = "area key"  # a key of `areas`
POSITION = "position"  # a whole number, as written
WRITTEN_STATUS = "written status"  # a status as it was written, kept by `crmplan archive`
# Kinds that hold other parts, named by `Field.part`.
PART = "part"  # the fields of one part
PARTS = "parts"  # a list of parts
KEYED = "keyed parts"  # a mapping from a key to a part
DIRECTORY = "directory"  # actors: a key to a full name, or to a group
NAMES = "names"  # a key to a name

# Whether a field must be written.
REQUIRED = "required"
ACTIVE = "required in the active plan"  # an archived activity may leave it out


class Field:
    """A field of a part of the file."""

    # A plain class: a NamedTuple is compiled when it is defined, a millisecond for the two
    # classes here at the start of every command that imports this module.
    __slots__ = ("attribute", "english", "kind", "name", "part", "required", "spanish")

    def __init__(self, name: str, kind: str, required: str | None, spanish: str, english: str,
                 part: Part | None = None, attribute: str | None = None) -> None:
        self.name = name  # as written in the file
        self.kind = kind
        self.required = required
        self.spanish, self.english = spanish, english  # what it means, for the schema
        self.part = part  # the part a PART, PARTS, KEYED or DIRECTORY field holds
        self.attribute = attribute  # the model's attribute, when its name is not the field's

    @property
    def key(self) -> str:
        """The name of the model's attribute that receives the value."""
        return self.attribute or self.name

    def __repr__(self) -> str:
        return f"Field({self.name!r}, {self.kind!r})"


class Part:
    """A part of the file: a mapping of fields."""

    __slots__ = ("english", "fields", "name", "spanish")

    def __init__(self, name: str, fields: tuple[Field, ...], spanish: str, english: str) -> None:
        self.name = name  # as the schema names its definition
        self.fields = fields
        self.spanish, self.english = spanish, english

    @property
    def names(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields)

    def required(self, *, archived: bool = False) -> tuple[str, ...]:
        """The fields the part must have: in the history, fewer for an activity."""
        levels = (REQUIRED,) if archived else (REQUIRED, ACTIVE)
        return tuple(f.name for f in self.fields if f.required in levels)

    def of_kind(self, *kinds: str) -> tuple[Field, ...]:
        return tuple(f for f in self.fields if f.kind in kinds)

    def __repr__(self) -> str:
        return f"Part({self.name!r})"


AFTER_REF_ES = ('Puntuación que el documento escribe después de "(Ref.: ...)", p. ej. ".".')
AFTER_REF_EN = 'Punctuation the document writes after "(Ref.: ...)", e.g. ".".'

OUTCOME = Part("outcome", (
    Field("text", TEXT, REQUIRED, "Lo que se logró.", "What was achieved."),
    Field("ref", REFS, None, "Referencia del documento que lo registra.",
          "Reference of the document that records it.", attribute="refs"),
    Field("after_ref", OPTIONAL, None, AFTER_REF_ES, AFTER_REF_EN),
), "Un resultado logrado.", "An outcome achieved.")

ORIGIN = Part("origin", (
    Field("section", OPTIONAL, REQUIRED, "Sección del objetivo de origen.",
          "Section of the objective it came from."),
    Field("objective", TEXT, REQUIRED, "Objetivo del plan activo del que vino la actividad.",
          "Objective of the active plan the activity came from."),
    Field("position", POSITION, REQUIRED, "Posición de la actividad en ese objetivo (1, 2...).",
          "Position of the activity in that objective (1, 2...)."),
    Field("status", WRITTEN_STATUS, REQUIRED,
          "Estado de la actividad antes de archivarla, tal como estaba escrito.",
          "Status of the activity before it was archived, as written."),
), "De dónde vino una actividad archivada.", "Where an archived activity came from.")

ACTIVITY = Part("activity", (
    Field("id", ID, REQUIRED,
          'Identificador de la actividad, siempre entre comillas: "9.3" (objetivo, punto, '
          'número).',
          'Id of the activity, always in quotes: "9.3" (objective, dot, number).'),
    Field("text", TEXT, REQUIRED, "Texto de la actividad.", "Text of the activity."),
    Field("ref", REFS, None,
          'Referencia al documento de origen, sin "Ref.:", p. ej. "p. 5.b, GRCM, Inf. Red '
          'Trata, noviembre, 2008"; una lista si hay varias.',
          'Reference to the source document, without "Ref.:", e.g. "p. 5.b, GRCM, Inf. Red '
          'Trata, noviembre, 2008"; a list when there are several.', attribute="refs"),
    Field("responsible", ACTORS, ACTIVE,
          "Responsables: actores declarados en actors, p. ej. [Países miembros, OIM].",
          "Responsible parties: actors declared under actors, e.g. [Países miembros, OIM]."),
    Field("coordination", ACTORS, None, "Actores que coordinan, p. ej. [ST].",
          "Actors who coordinate, e.g. [ST]."),
    Field("support", ACTORS, None, "Actores que apoyan.", "Actors who support."),
    Field("responsible_note", NOTE, None,
          "Texto de la columna RESPONSABLE más allá de los nombres.",
          "Wording of the RESPONSABLE column beyond the names."),
    Field("status", STATUS, ACTIVE,
          "Estado (columna CALENDARIO): continuo, programado, pendiente, por definir o "
          "completado.",
          "Status (CALENDARIO column): continuo, programado, pendiente, por definir or "
          "completado."),
    Field("due", DUE, None,
          "Fecha prevista, obligatoria con programado: AAAA, AAAA-MM o AAAA-MM-DD.",
          "Due date, required with programado: YYYY, YYYY-MM or YYYY-MM-DD."),
    Field("due_at", OPTIONAL, None,
          "Id de la reunión (de meetings) para la que vence, p. ej. GRCM-2009-12.",
          "Id of the meeting (under meetings) it is due at, e.g. GRCM-2009-12."),
    Field("due_each", TEXTS, None,
          "Órganos en cada una de cuyas reuniones se informa (plazo recurrente), p. ej. "
          "[GRCM, CRM].",
          "Bodies at each of whose meetings it reports (a recurring deadline), e.g. "
          "[GRCM, CRM]."),
    Field("days_before", POSITION, None,
          "Con due_at o due_each: cuántos días antes de la reunión vence, p. ej. 1.",
          "With due_at or due_each: how many days before the meeting it is due, e.g. 1."),
    Field("status_note", NOTE, None, "Texto de la columna CALENDARIO más allá del estado.",
          "Wording of the CALENDARIO column beyond the status."),
    Field("calendar_upper", BOOLEAN, None,
          "true si el documento escribe la columna CALENDARIO en MAYÚSCULAS (CONTINUO).",
          "true if the document writes the CALENDARIO column in UPPER CASE (CONTINUO)."),
    Field("note", NOTE, None, "Nota sobre la actividad.", "A note about the activity."),
    Field("action_plan", BOOLEAN, None,
          "true si la actividad se tomó del Plan de Acción de la CRM.",
          "true if the activity was taken from the CRM Plan of Action."),
    Field("after_ref", OPTIONAL, None, AFTER_REF_ES, AFTER_REF_EN),
    Field("outcomes", PARTS, None, "Resultados logrados, cada uno con text y ref.",
          "Outcomes achieved, each with text and ref.", part=OUTCOME),
    Field("archived", DATE, None,
          "Fecha en que crmplan archive pasó la actividad a la parte histórica.",
          "Date on which crmplan archive moved the activity to the history.",
          attribute="archived_on"),
    Field("origin", PART, None,
          "Escrito por crmplan archive: de dónde vino la actividad, para crmplan restore.",
          "Written by crmplan archive: where the activity came from, for crmplan restore.",
          part=ORIGIN),
), "Una actividad del plan activo.", "An activity of the active plan.")

OBJECTIVE = Part("objective", (
    Field("id", ID, REQUIRED, 'Identificador del objetivo, entre comillas: "9".',
          'Id of the objective, in quotes: "9".'),
    Field("section", SECTION_KEY, REQUIRED, "Sección del objetivo (una clave de sections).",
          "Section of the objective (a key of sections)."),
    Field("title", TEXT, REQUIRED, "Título del objetivo.", "Title of the objective."),
    Field("action_plan", BOOLEAN, None,
          "true si el objetivo se tomó del Plan de Acción de la CRM (MAYÚSCULAS en el "
          "documento).",
          "true if the objective was taken from the CRM Plan of Action (UPPER CASE in the "
          "document)."),
    Field("note", NOTE, None, "Nota sobre el objetivo.", "A note about the objective."),
    Field("activities", PARTS, REQUIRED, "Actividades del objetivo.",
          "Activities of the objective.", part=ACTIVITY),
), "Un objetivo del plan activo.", "An objective of the active plan.")

MEETING = Part("meeting", (
    Field("id", TEXT, REQUIRED,
          "Identificador de la reunión: órgano, año y mes, p. ej. GRCM-2008-11.",
          "Id of the meeting: body, year and month, e.g. GRCM-2008-11."),
    Field("body", TEXT, REQUIRED,
          "Órgano que se reúne: CRM (Viceministerial), GRCM, Red (la reunión de la red) u "
          "otro que el plan nombre.",
          "Body that meets: CRM (Vice-ministerial), GRCM, Red (the network's own meeting) or "
          "another the plan names."),
    Field("date", MEETING_DATE, None,
          "Fecha: AAAA-MM, o AAAA-MM-DD cuando se conozca; sin fecha (o por definir) si "
          "aún no está fijada.",
          "Date: YYYY-MM, or YYYY-MM-DD once known; left out (or por definir) while it is "
          "not set."),
    Field("place", OPTIONAL, None, "Lugar, p. ej. Tegucigalpa.", "Place, e.g. Tegucigalpa."),
    Field("name", OPTIONAL, None, "Nombre, p. ej. XI RCM.", "Name, e.g. XI RCM."),
    Field("note", OPTIONAL, None, "Nota sobre la reunión.", "A note about the meeting."),
), "Una reunión del calendario.", "A meeting of the calendar.")

SECTION = Part("section", (
    Field("area", AREA_KEY, None, "Área a la que pertenece la sección (una clave de areas).",
          "Area the section belongs to (a key of areas)."),
    Field("title", OPTIONAL, REQUIRED, "Título de la sección.", "Title of the section."),
), "Una sección del plan.", "A section of the plan.")

GROUP = Part("group", (
    Field("name", OPTIONAL, None, "Nombre completo del grupo.", "Full name of the group."),
    Field("members", TEXTS, REQUIRED, "Miembros del grupo: actores declarados o nombres.",
          "Members of the group: declared actors or names."),
), "Un grupo de actores.", "A group of actors.")

DOCUMENT = Part("document", (
    Field("title", TEXT, REQUIRED, "Título del plan de trabajo.", "Title of the work plan."),
    Field("organization", TEXT, REQUIRED,
          "Organización a la que pertenece la red, p. ej. Conferencia Regional sobre Migración "
          "(CRM).",
          "Organization the network belongs to, e.g. Conferencia Regional sobre Migración "
          "(CRM)."),
    Field("network", OPTIONAL, None, "Nombre de la red.", "Name of the network."),
    Field("updated", DATE, REQUIRED, "Fecha de la última actualización, AAAA-MM-DD.",
          "Date of the last update, YYYY-MM-DD."),
    Field("updated_by", OPTIONAL, None, "Quién hizo la última actualización, p. ej. ST.",
          "Who made the last update, e.g. ST."),
    Field("legend", TEXTS, None, "Leyenda del documento: un texto o una lista de textos.",
          "The document's legend: a text or a list of texts."),
    Field("note", OPTIONAL, None, "Nota sobre el documento.", "A note about the document."),
    Field("removes_undefined_objectives", BOOLEAN, None,
          "true si el plan dice que los objetivos sin actividades definidas se eliminan de él "
          "(como el plan de la CRM de 2009): crmplan validate lo recuerda donde corresponde.",
          "true if the plan says that objectives without defined activities are removed from "
          "it (as the 2009 CRM plan does): crmplan validate points them out."),
), "Datos del documento.", "Document data.")

PLAN = Part("plan", (
    Field("document", PART, REQUIRED,
          "Datos del documento: título, organización, fecha de actualización.",
          "Document data: title, organization, date of the last update.", part=DOCUMENT),
    Field("actors", DIRECTORY, REQUIRED,
          "Directorio de quienes pueden figurar en responsible, coordination y support: "
          "NOMBRE CORTO: nombre completo, o un grupo con name y members.",
          "Who may be named under responsible, coordination and support: SHORT NAME: full "
          "name, or a group with name and members.", part=GROUP),
    Field("areas", NAMES, None, "Áreas del plan (I, II...): identificador y nombre.",
          "Areas of the plan (I, II...): id and name."),
    Field("sections", KEYED, REQUIRED,
          "Secciones del plan (A, B, C...): cada una con su área y su título.",
          "Sections of the plan (A, B, C...): each with its area and title.",
          part=SECTION),
    Field("objectives", PARTS, REQUIRED, "El plan activo: los objetivos con sus actividades.",
          "The active plan: the objectives with their activities.", part=OBJECTIVE),
    Field("history", PARTS, None,
          "La parte histórica: objetivos de la misma forma, con actividades completadas y sus "
          "resultados (outcomes). crmplan archive la completa.",
          "The historical part: objectives of the same shape, with completed activities and "
          "their outcomes. crmplan archive fills it.", part=OBJECTIVE),
    Field("meetings", PARTS, None,
          "El calendario de reuniones (CRM, GRCM, la red): id, body, date, place, name.",
          "The calendar of meetings (CRM, GRCM, the network): id, body, date, place, name.",
          part=MEETING),
), "Plan de trabajo de una red de la CRM (workplan.yaml). Compruébelo con crmplan validate.",
   "Work plan of a CRM network (workplan.yaml). Check it with crmplan validate.")

# The field of the plan that holds the historical part: the parts under it are archived.
HISTORY = "history"

ALL_PARTS = (PLAN, DOCUMENT, GROUP, SECTION, OBJECTIVE, ACTIVITY, ORIGIN, OUTCOME, MEETING)

# Every field name of the format, in any part.
NAMES_OF_FIELDS = frozenset(f.name for part in ALL_PARTS for f in part.fields)

# The json/csv record of an activity (`list --format json`), in its order: the activity's
# fields as the model holds them, with what is worked out from them (pending, overdue).
ACTIVITY_RECORD = (
    "id", "section", "objective", "text", "responsible", "coordination", "support",
    "responsible_note", "status", "status_derived", "pending", "due", "due_at", "due_each",
    "days_before", "overdue", "status_note", "calendar_upper", "note", "refs", "after_ref",
    "action_plan", "objective_action_plan", "archived", "archived_on", "origin", "outcomes",
)
