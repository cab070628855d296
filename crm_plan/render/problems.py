"""Problems as `validate` prints them: a line each (text), GitHub Actions annotations or json,
then a summary line per file.

`::error file=PATH,line=L,col=C,title=CODE::MESSAGE` puts the message on the line of the
pull request's diff. GitHub reads `%`, CR and LF in a message as escapes (`%25`, `%0D`,
`%0A`), and also `:` and `,` in a property (`%3A`, `%2C`), so those are escaped; any other
control character is shown as an escape (`\\x1b`), as everywhere crmplan prints.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from crm_plan.messages import _, ngettext
from crm_plan.problems import Problem, Severity
from crm_plan.text import visible

if TYPE_CHECKING:
    from crm_plan.planfile import LoadedPlan

_DATA_ESCAPES = {"%": "%25", "\r": "%0D", "\n": "%0A"}
_PROPERTY_ESCAPES = {**_DATA_ESCAPES, ":": "%3A", ",": "%2C"}


def line(problem: Problem) -> str:
    """`workplan.yaml:212:9: error: ... [status]`."""
    return str(problem)


def annotation(problem: Problem) -> str:
    """One workflow command: `::error` or `::warning`, at the problem's position."""
    properties = ",".join(f"{key}={escape_property(str(value))}" for key, value in (
        ("file", problem.path), ("line", problem.line), ("col", problem.col),
        ("title", problem.code)))
    return f"::{problem.severity.value} {properties}::{escape_data(problem.message)}"


def as_json(problems: list[Problem]) -> str:
    import json

    return json.dumps([p.as_dict() for p in problems], ensure_ascii=False, indent=2)


def escape_data(text: str) -> str:
    return visible("".join(_DATA_ESCAPES.get(ch, ch) for ch in text))


def escape_property(text: str) -> str:
    return visible("".join(_PROPERTY_ESCAPES.get(ch, ch) for ch in text))


def summary(loaded: LoadedPlan) -> str:
    """`workplan.yaml: 1 error, 2 warnings (13 objectives, 40 activities, 11 in the history).`"""
    path = visible(loaded.location.display, lines=False)
    errors = sum(p.severity is Severity.ERROR for p in loaded.problems)
    errors_text = ngettext("{n} error", "{n} errors", errors).format(n=errors)
    if not loaded.readable:
        warned = sum(p.severity is Severity.WARNING for p in loaded.problems)
        if warned:  # one said about the file, not its content (git counts it unmerged)
            return _("{path}: {errors}, {warnings}.").format(
                path=path, errors=errors_text,
                warnings=ngettext("{n} warning", "{n} warnings", warned).format(n=warned))
        return _("{path}: {errors}.").format(path=path, errors=errors_text)
    acknowledged = loaded.acknowledged
    said = ngettext("{n} warning acknowledged in the file", "{n} warnings acknowledged in the file",
                    acknowledged).format(n=acknowledged)
    if not loaded.problems:
        message = _("{path}: no problems; {acknowledged} ({counts}).") if acknowledged \
            else _("{path}: no problems ({counts}).")
        return message.format(path=path, counts=_counts(loaded), acknowledged=said)
    warnings = len(loaded.problems) - errors
    message = _("{path}: {errors}, {warnings}; and {acknowledged} ({counts}).") if acknowledged \
        else _("{path}: {errors}, {warnings} ({counts}).")
    return message.format(
        path=path, errors=errors_text, counts=_counts(loaded), acknowledged=said,
        warnings=ngettext("{n} warning", "{n} warnings", warnings).format(n=warnings))


def _counts(loaded: LoadedPlan) -> str:
    plan = loaded.plan
    objectives, activities = len(plan.objectives), sum(1 for _a in plan.activities())
    return _("{objectives}, {activities}, {archived} in the history").format(
        objectives=ngettext("{n} objective", "{n} objectives", objectives).format(n=objectives),
        activities=ngettext("{n} activity", "{n} activities", activities).format(n=activities),
        archived=sum(1 for _a in plan.activities(active=False, archived=True)))
