"""What a rule is and what it is given.

A rule is a module (as yamllint's are) with:

- `CODE`: the short name its problems carry, `[status]`;
- `SEVERITY`: the level of its problems (a rule may report a milder case of the same slip as a
  warning, which its explanation says);
- `EXPLANATION`: what it checks and why, in a sentence or two, marked with `N_()` so that the
  Spanish catalogue (`locales/es.py`) holds it too;
- `check(read, report)`: it looks at what the reader read (`reader.Read`: the plan, and each
  part as written with the nodes of its fields) and reports what is wrong through `report`.

Rules only look: the reader has already built the plan and reported the shape of the file.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

from crm_plan.messages import _
from crm_plan.problems import Problem, Severity
from crm_plan.reader import Read
from crm_plan.source import Node
from crm_plan.text import closest


class Rule(Protocol):
    CODE: str
    SEVERITY: Severity
    EXPLANATION: str

    def check(self, read: Read, report: Report) -> None: ...


class Report:
    """Where a rule puts its problems: in the file being read, under the rule's code."""

    __slots__ = ("_code", "_path", "_problems", "_severity")

    def __init__(self, path: str, rule: Rule, problems: list[Problem]) -> None:
        self._path, self._code, self._severity = path, rule.CODE, rule.SEVERITY
        self._problems = problems

    def __call__(self, node: Node, message: str, severity: Severity | None = None) -> None:
        """A problem where `node` starts; at the rule's severity unless told."""
        self.at(node.line, node.col, message, severity)

    def at(self, line: int, col: int, message: str, severity: Severity | None = None) -> None:
        self._problems.append(
            Problem(self._path, line, col, severity or self._severity, self._code, message))


def not_declared(what: str, value: str, known: Iterable[str], tail: str = "") -> str:
    """`section 'X' is not declared; did you mean 'A'?`, or the declared ones when none is near."""
    return _("{what} '{value}' is not declared").format(what=what, value=value) + did_you_mean(
        value, known, tail)


def did_you_mean(value: str, known: Iterable[str], tail: str = "") -> str:
    """The nearest of `known` to `value`, or (without one) all of them and `tail`."""
    known = list(known)
    hint = closest(value, known, n=1)
    if hint:
        return _("; did you mean '{hint}'?").format(hint=hint[0])
    return _(" (known: {known})").format(known=", ".join(known)) + tail
