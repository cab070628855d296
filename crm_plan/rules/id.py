"""id: an id is numbers and letters separated by dots."""

from __future__ import annotations

import re

from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.reader import Read
from crm_plan.rules.base import Report

CODE = "id"
SEVERITY = Severity.ERROR
EXPLANATION = N_('An id is numbers and letters separated by dots, e.g. "9" or "9.3".')

_ID = re.compile(r"^[A-Za-z0-9]+(\.[A-Za-z0-9]+)*$")


def check(read: Read, report: Report) -> None:
    for entries, what in ((read.objectives, _("objective")), (read.activities, _("activity"))):
        for entry in [entry for entry in entries if not _ID.match(entry.record.id)]:
            report(entry.fields["id"], _("{what} id '{id}' should be numbers and letters "
                                         "separated by dots, e.g. \"9.3\"")
                   .format(what=what, id=entry.record.id))
