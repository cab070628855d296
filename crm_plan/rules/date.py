"""date: a date is written YYYY-MM-DD and exists."""

from __future__ import annotations

import datetime as dt

from crm_plan import fields
from crm_plan.fieldreader import written_text
from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report

CODE = "date"
SEVERITY = Severity.ERROR
EXPLANATION = N_(
    "A date, such as the document's 'updated' or an archived activity's 'archived', is written "
    "YYYY-MM-DD and is a day of the calendar.")


def check(read: Read, report: Report) -> None:
    for part in fields.ALL_PARTS:
        dates = [(f.name, f.key) for f in part.of_kind(fields.DATE)]
        for entry in read.of(part) if dates else ():
            for name, key in dates:
                node = entry.fields.get(name)
                if node is None or getattr(entry.record, key) is not None:  # read: a date
                    continue
                value = written_text(node)
                if value is not None and not _is_date(value):
                    report(node, _("'{field}' is '{value}', which is not a date; write it as "
                                   "YYYY-MM-DD, e.g. 2009-11-26").format(field=name, value=value))


def _is_date(value: str) -> bool:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True
