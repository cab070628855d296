"""Problems as GitHub Actions annotations: `validate --format github`.

`::error file=PATH,line=L,col=C,title=CODE::MESSAGE` puts the message on the line of the
pull request's diff. GitHub reads `%`, CR and LF in a message as escapes (`%25`, `%0D`,
`%0A`), and also `:` and `,` in a property (`%3A`, `%2C`), so those are escaped; any other
control character is shown as an escape (`\\x1b`), as everywhere crmplan prints.
"""

from __future__ import annotations

from crm_plan.problems import Problem
from crm_plan.text import visible

_DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY_ESCAPES = {**_DATA_ESCAPES, ":": "%3A", ",": "%2C"}


def annotation(problem: Problem) -> str:
    """One workflow command: `::error` or `::warning`, at the problem's position."""
    properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in (
        ("file", problem.path), ("line", problem.line), ("col", problem.col),
        ("title", problem.code)))
    return f"::{problem.severity.value} {properties}::{escape_data(problem.message)}"


def escape_data(text: str) -> str:
    return visible("".join(_DATA_ESCAPES.get(ch, ch) for ch in text))


def escape_property(text: str) -> str:
    return visible("".join(_PROPERTY_ESCAPES.get(ch, ch) for ch in text))
