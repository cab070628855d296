"""The validation rules, one module each, and the one list that registers them.

Each rule says what it checks in its module (see `base.py` for what a rule is); `check` runs
them all over what the reader read. A rule not listed in `RULES` does not run, and
`tests/test_rules.py` fails: a module of this package that is not registered, or whose
explanation has no Spanish.
"""

from __future__ import annotations

from crm_plan.messages import _
from crm_plan.problems import Problem
from crm_plan.reader import Read
from crm_plan.rules import (
    actor,
    boolean,
    control_character,
    date,
    due,
    duplicate_id,
    empty_objective,
    group,
    id,
    id_prefix,
    id_quotes,
    meeting,
    origin,
    ref,
    ref_meeting,
    removal_note,
    responsible,
    section,
    status,
    undefined_objective,
)
from crm_plan.rules.base import Report, Rule

RULES: tuple[Rule, ...] = (
    id, id_quotes, duplicate_id, id_prefix,  # ids
    section, status, due, date, boolean, actor, group, origin,  # values
    ref, ref_meeting, meeting,  # references, the calendar
    responsible, empty_objective, undefined_objective, removal_note,  # what the plan still lacks
    control_character,  # characters that cannot be seen
)


def check(read: Read) -> list[Problem]:
    """The problems every rule finds in what was read, in no particular order."""
    problems: list[Problem] = []
    for rule in RULES:
        rule.check(read, Report(read.path, rule, problems))
    return problems


def explanation(rule: Rule) -> str:
    """What the rule checks, in the user's language."""
    return _(rule.EXPLANATION)
