"""Validation: the reader and the rules, nodes -> (Plan, [Problem]).

Problems carry a short code, shown as `[code]`:
- the YAML text itself (syntax, tab, duplicate-key, merge-key, alias, tag, depth, encoding)
  comes from `source.py`;
- the shape of the file (type, required, unknown-field) from the reader, `reader.py`, which
  reads the plan as `fields.py` declares it;
- everything else from a rule: one module each in `rules/`, registered in `rules.RULES`.
"""

from __future__ import annotations

from crm_plan.messages import _
from crm_plan.model import Plan
from crm_plan.problems import Problem, Severity
from crm_plan.reader import read_plan
from crm_plan.rules import check
from crm_plan.source import Source


def validate(source: Source) -> tuple[Plan, list[Problem]]:
    """The plan read from `source` (best effort) and all problems, sorted by position."""
    if source.root is None:
        return Plan(), sorted(source.problems or [_empty_file(source.path)])
    read = read_plan(source)
    return read.plan, sorted(source.problems + read.problems + check(read))


def _empty_file(path: str) -> Problem:
    return Problem(path, 1, 1, Severity.ERROR, "required", _(
        "the file is empty; a plan starts with 'document:', 'actors:', 'sections:' and "
        "'objectives:' (see the README)"))
