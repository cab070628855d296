"""status: a status is a word of the plan's vocabulary, and 'completado' in the history."""

from __future__ import annotations

from crm_plan import fields
from crm_plan.fieldreader import written_text
from crm_plan.messages import N_, _
from crm_plan.model import Status
from crm_plan.problems import Severity
from crm_plan.reader import Read, status_named
from crm_plan.rules.base import Report, did_you_mean
from crm_plan.source import Node

CODE = "status"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "A status is one of continuo, programado, pendiente, por definir and completado (case and "
    "accents do not matter); an activity in the history is 'completado'. The status an "
    "archived activity had, kept in its 'origin', is one of them too.")

_WORDS = [s.value for s in Status]


def check(read: Read, report: Report) -> None:
    for entry in read.activities:
        read_as = entry.record.status  # 'por definir' when it could not be read
        if read_as is not Status.POR_DEFINIR and (not entry.archived
                                                  or read_as is Status.COMPLETADO):
            continue
        node = entry.fields.get("status")
        value = written_text(node)
        if node is None or value is None:
            continue
        status = status_named(value)
        if status is None:
            _unknown(node, value, report)
        elif entry.archived and status is not Status.COMPLETADO:
            report(node, _("an activity in the history is 'completado', not '{value}'")
                   .format(value=value))
    for origin in read.of(fields.ORIGIN):
        node = origin.fields.get("status")
        value = written_text(node)
        if node is not None and value is not None and status_named(value.strip("\"'")) is None:
            _unknown(node, value, report)


def _unknown(node: Node, value: str, report: Report) -> None:
    report(node, _("'{value}' is not a status").format(value=value) + did_you_mean(value, _WORDS))
