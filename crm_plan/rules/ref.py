"""ref: a reference to a CRM/GRCM document can be read."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_text, written_texts
from crm_plan.messages import N_, _
from crm_plan.model import Ref
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.refs import inline_refs, parse_ref
from crm_plan.rules.base import Report
from crm_plan.source import Node
from crm_plan.text import quoted_list

CODE = "ref"
SEVERITY = Severity.WARNING
EXPLANATION = N_(
    "A reference, in 'ref' or as '(Ref.: ...)' in an activity's note, can be read: a point, "
    "a body, a kind of document, a month and a year, e.g. p. 5.b, GRCM, Inf. Red Trata, "
    "noviembre, 2008.")

_NOTES = [f.name for f in fields.ACTIVITY.of_kind(fields.NOTE)]


def check(read: Read, report: Report) -> None:
    for part in fields.ALL_PARTS:
        names = [f.name for f in part.of_kind(fields.REFS)]
        for entry in read.of(part) if names else ():
            if _all_readable(entry.record.refs):  # an activity's: those of its notes too
                continue
            for name in names:
                for scalar in written_texts(entry.fields.get(name)):
                    _check(scalar, scalar.value, name, report)
            for name in _NOTES if part is fields.ACTIVITY else ():
                node = entry.fields.get(name)
                note = written_text(node)
                if note is not None and node is not None:
                    for text in inline_refs(note):
                        _check(node, text, name, report)


def _all_readable(refs: tuple[Ref, ...]) -> bool:
    """Whether every reference was read whole (the reader parsed each already: a cache hit)."""
    for ref in refs:
        if not ref.readable or parse_ref(ref.text, ref.field)[1]:
            return False
    return True


def _check(node: Node, text: str, field: str, report: Report) -> None:
    ref, unknown = parse_ref(text, field)
    if unknown:
        report(node, _(
            "the reference '{ref}' cannot be read: {parts} is not a point (p. 5), a body (CRM, "
            "GRCM), a kind of document (Deci., Decla., Concl., CC, Inf. Red Trata), a month or "
            "a year").format(ref=text, parts=quoted_list(unknown)))
    elif not ref.readable:
        report(node, _("the reference '{ref}' has no year").format(ref=text))
