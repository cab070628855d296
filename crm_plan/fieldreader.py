"""Reading typed fields off nodes, turning every surprise into a Problem.

The reader (`reader.py`) is written in terms of these helpers, so that it says what it reads
and not how a YAML node is taken apart; the rules (`rules/`) take values off nodes with
`written_text` and `written_texts`, which report nothing (the reader already has).
"""

from __future__ import annotations

from crm_plan.messages import _
from crm_plan.problems import Problem, Severity
from crm_plan.source import Mapping, Node, Scalar, Sequence
from crm_plan.text import closest, fold


def kind_of(node: Node) -> str:
    if isinstance(node, Mapping):
        return _("a mapping (fields)")
    if isinstance(node, Sequence):
        return _("a list")
    if isinstance(node, Scalar) and node.value == "" and node.style is None:
        return _("nothing")
    return _("a text")


class FieldReader:
    """Collects problems for one file while values are read from its nodes."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.problems: list[Problem] = []

    def error(self, node: Node, code: str, message: str) -> None:
        self.problems.append(Problem(self.path, node.line, node.col, Severity.ERROR, code, message))

    def warning(self, node: Node, code: str, message: str) -> None:
        self.problems.append(
            Problem(self.path, node.line, node.col, Severity.WARNING, code, message)
        )

    def mapping(self, node: Node | None, what: str) -> Mapping | None:
        if node is None:
            return None
        if isinstance(node, Mapping):
            return node
        self.error(node, "type", _("{what} should be a mapping of fields, but this is {found}")
                   .format(what=what, found=kind_of(node)))
        return None

    def sequence(self, node: Node | None, what: str) -> list[Node]:
        if node is None or is_empty(node):
            return []
        if isinstance(node, Sequence):
            return node.items
        self.error(node, "type", _("{what} should be a list ('- ' items), but this is {found}")
                   .format(what=what, found=kind_of(node)))
        return []

    def fields(
        self, node: Mapping, allowed: tuple[str, ...], required: tuple[str, ...], what: str
    ) -> dict[str, Node]:
        """The fields of `node` by name; unknown and missing ones are reported."""
        found: dict[str, Node] = {}
        misnamed: set[str] = set()  # fields written under their Spanish name
        for key, value in node.pairs:
            if key.value in allowed:
                found.setdefault(key.value, value)
                continue
            meant = english_name(key.value, allowed)
            hint = [meant] if meant else closest(key.value, allowed, n=1)
            message = _("'{key}' is not a field of {what}").format(key=key.value, what=what)
            if hint:
                message += _("; did you mean '{hint}'?").format(hint=hint[0])
            else:
                message += _(" (fields: {fields})").format(fields=", ".join(allowed))
            self.error(key, "unknown-field", message)
            if meant:
                misnamed.add(meant)
        for name in required:
            if name not in found and name not in misnamed:  # its Spanish name said it
                self.error(node, "required", _("{what} has no '{field}'; add '{field}: ...'")
                           .format(what=what, field=name))
        return found

    def text(self, node: Node | None, field: str, *, required: bool = False) -> str | None:
        """A scalar's text as written, or None (reported when it is not a text)."""
        if node is None:
            return None
        if isinstance(node, Scalar) and not is_empty(node):
            return node.value
        if is_empty(node):
            if required:
                self.error(node, "required", _("'{field}' is empty; write a value after the ':'")
                           .format(field=field))
            return None
        self.error(node, "type", _("'{field}' should be a text, but this is {found}")
                   .format(field=field, found=kind_of(node)))
        return None

    def texts(self, node: Node | None, field: str) -> list[Scalar]:
        """A list of texts; a single text is taken as a list of one."""
        if node is None or is_empty(node):
            return []
        if isinstance(node, Scalar):
            return [node]
        result = []
        for item in self.sequence(node, f"'{field}'"):
            if isinstance(item, Scalar) and not is_empty(item):
                result.append(item)
            else:
                self.error(item, "type", _("each item of '{field}' should be a text, but this is "
                                           "{found}").format(field=field, found=kind_of(item)))
        return result


# The Spanish a person writes for a field (folded: no accents, lower case) -> the field's
# candidates, the first that the part has being meant: the fields are English, the plan Spanish.
_SPANISH_NAMES: dict[str, tuple[str, ...]] = {
    "estado": ("status",), "fecha": ("due", "updated", "archived"), "fecha prevista": ("due",),
    "plazo": ("due",), "responsable": ("responsible",), "responsables": ("responsible",),
    "texto": ("text",), "nota": ("note",), "notas": ("note",), "apoyo": ("support",),
    "coordinacion": ("coordination",), "referencia": ("ref",), "referencias": ("ref",),
    "actividades": ("activities",), "actividad": ("activities",),
    "objetivo": ("objective", "objectives"), "objetivos": ("objectives",),
    "titulo": ("title",), "seccion": ("section",), "secciones": ("sections",),
    "area": ("area",), "areas": ("areas",), "actores": ("actors",), "documento": ("document",),
    "historico": ("history",), "historia": ("history",), "resultados": ("outcomes",),
    "resultado": ("outcomes",), "organizacion": ("organization",), "red": ("network",),
    "actualizado": ("updated",), "actualizacion": ("updated",), "leyenda": ("legend",),
    "miembros": ("members",), "nombre": ("name",), "origen": ("origin",),
    "posicion": ("position",), "plan de accion": ("action_plan",), "archivado": ("archived",),
}


def english_name(word: str, allowed: tuple[str, ...]) -> str | None:
    """The field of `allowed` that a Spanish field name stands for (`estado` -> status)."""
    for name in _SPANISH_NAMES.get(fold(word).replace("_", " "), ()):
        if name in allowed:
            return name
    return None


def is_empty(node: Node) -> bool:
    """`key:` with nothing after it, or an explicit null."""
    return isinstance(node, Scalar) and node.style is None and node.value in ("", "~", "null")


def written_text(node: Node | None) -> str | None:
    """The text of a field as written; None when it is missing, empty or not a text."""
    if isinstance(node, Scalar) and not is_empty(node):
        return node.value
    return None


def written_texts(node: Node | None) -> list[Scalar]:
    """The texts of a field that holds a text or a list of texts; what is not a text is left
    out (`FieldReader.texts` reported it)."""
    if isinstance(node, Scalar):
        return [] if is_empty(node) else [node]
    if isinstance(node, Sequence):
        return [item for item in node.items if isinstance(item, Scalar) and not is_empty(item)]
    return []
