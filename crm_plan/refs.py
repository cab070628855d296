"""Reading the references to CRM/GRCM documents, as the secretariat writes them.

A reference is a comma-separated list of parts in any order, e.g.
`p. 5.b, GRCM, Inf. Red Trata, noviembre, 2008` or `pf. 21, CRM, Deci., mayo, 2003`:
a point (p., pto., pf.), the body (CRM, GRCM), the kind of document, a month and
a year; a meeting (`XI RCM`) or a place (`Managua`) may stand instead.
"""

from __future__ import annotations

import functools
import re

from crm_plan.model import Ref
from crm_plan.text import fold

MONTHS = {
    name: number
    for number, name in enumerate(
        ["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
         "octubre", "noviembre", "diciembre"], start=1
    )
}
MONTHS["setiembre"] = 9

BODIES = {"crm": "CRM", "grcm": "GRCM"}

KINDS = {
    "deci": "Decisiones",
    "decisiones": "Decisiones",
    "decla": "Declaración",
    "declaracion": "Declaración",
    "concl": "Conclusiones",
    "conclusiones": "Conclusiones",
    "cc": "Comunicado Conjunto",
    "comunicado conjunto": "Comunicado Conjunto",
    "inf red trata": "Informe de la Red",
    "inf de trata": "Informe de la Red",
    "informe de la red": "Informe de la Red",
    "inf": "Informe de la Red",
}

_POINT = re.compile(r"^(?:pto|pf|parr|p)(?:\.\s*|\s+|(?=\d))(\S.*)$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})\.?$")
_MONTH_YEAR = re.compile(r"^([a-z]+)\s+(\d{4})\.?$")
_MEETING = re.compile(r"^([IVXLC]+)\s+(?:RCM|CRM)$")
_PLACE = re.compile(r"^[A-ZÁÉÍÓÚÑ][\wáéíóúñÁÉÍÓÚÑ ]*$")
_INLINE = re.compile(r"\(\s*ref\.?\s*:?\s*(.+?)\)\s*\.?", re.IGNORECASE)


def inline_refs(text: str) -> list[str]:
    """The `(Ref.: ...)` parts written inside a note, without the prefix."""
    return [m.group(1).strip() for m in _INLINE.finditer(text)]


# A plan cites the same documents again and again; the reader and the `ref` rule both read
# every reference, and the second finds it here (a large plan has tens of thousands).
@functools.lru_cache(maxsize=1 << 16)
def parse_ref(text: str, field: str = "ref") -> tuple[Ref, tuple[str, ...]]:
    """The reference read from `text`, and the parts that could not be read."""
    found: dict[str, object] = {}
    unknown: list[str] = []
    for part in (p.strip() for p in text.split(",")):
        if part and not _read_part(part, found):
            unknown.append(part)
    return Ref(text=text, field=field, **found), tuple(unknown)  # type: ignore[arg-type]


def _read_part(part: str, found: dict[str, object]) -> bool:
    lowered = fold(part)
    folded = " ".join(lowered.replace(".", " ").split())
    if folded in BODIES:
        return _put(found, "body", BODIES[folded])
    if folded in KINDS:
        return _put(found, "kind", KINDS[folded])
    if folded in MONTHS:
        return _put(found, "month", MONTHS[folded])
    if match := _YEAR.match(part):
        return _put(found, "year", int(match.group(1)))
    if (match := _MONTH_YEAR.match(lowered)) and match.group(1) in MONTHS:
        return _put(found, "month", MONTHS[match.group(1)]) and _put(
            found, "year", int(match.group(2))
        )
    if match := _MEETING.match(part):
        return _put(found, "meeting", match.group(1)) and _put(found, "body", "CRM")
    if match := _POINT.match(part):
        return _put(found, "point", match.group(1).strip())
    if _PLACE.match(part):
        return _put(found, "place", part)
    return False


def _put(found: dict[str, object], key: str, value: object) -> bool:
    """Record one part; a second body, year, etc. in the same reference is not read."""
    if key in found:
        return False
    found[key] = value
    return True
