"""Warnings acknowledged where they stand, in the spirit of `# noqa` and yamllint's
`# yamllint disable-line rule:...`: a comment naming the warning's code, at the end of the line
the warning points at or on a line of its own just above it,

    note: "NOTA: Si no se identifican actividades..."  # crmplan: ignore[removal-note]

    # crmplan: ignore[undefined-objective]  (la Red decidió conservarlo, mayo de 2010)
    - id: "5"

Several codes are separated by commas: `# crmplan: ignore[removal-note, undefined-objective]`.
Only warnings are acknowledged: an error means the plan is not read as written (or breaks a
rule the commands rely on), so a comment cannot make it go away; it has to be fixed.
"""

from __future__ import annotations

import re

from crm_plan.problems import Problem, Severity

MARK = "crmplan: ignore"
_COMMENT = re.compile(r"(?:^|\s)#\s*crmplan:\s*ignore\[([^\]]*)\]")


def acknowledge(text: str, problems: list[Problem]) -> tuple[list[Problem], int]:
    """The problems not acknowledged in `text`, and how many warnings were."""
    if not any(p.severity is Severity.WARNING for p in problems) or MARK not in text:
        return problems, 0  # the usual case, without splitting the text into lines
    lines = text.splitlines()
    kept = [p for p in problems if not _acknowledged(p, lines)]
    return kept, len(problems) - len(kept)


def _acknowledged(problem: Problem, lines: list[str]) -> bool:
    if problem.severity is not Severity.WARNING:
        return False
    above = lines[problem.line - 2] if problem.line >= 2 else ""
    own_line = above if above.lstrip().startswith("#") else ""
    here = lines[problem.line - 1] if problem.line <= len(lines) else ""
    return any(problem.code in codes(line) for line in (here, own_line))


def codes(line: str) -> set[str]:
    """The codes a line's `# crmplan: ignore[...]` comment names."""
    return {code.strip() for found in _COMMENT.finditer(line)
            for code in found.group(1).split(",")}
