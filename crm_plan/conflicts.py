"""Git's conflict markers left in a plan file: an unfinished merge, said in words.

Looked for before the YAML parser runs, which would otherwise report the first marker as broken
syntax somewhere in the middle of the file. A marker is a line starting with seven `<`, `|`
(diff3 style), `=` or `>`, as git writes them; no valid plan has such a line, since column 0
holds only the top-level keys and comments.
"""

from __future__ import annotations

import re

from crm_plan.messages import _
from crm_plan.problems import Problem, Severity

SIZE = 7  # git's default conflict-marker-size
START, BASE, MIDDLE, END = "<" * SIZE, "|" * SIZE, "=" * SIZE, ">" * SIZE
_MARKER = re.compile(r"^(<{7}|\|{7}|={7}|>{7})(?:[ \t][^\r\n]*)?\r?$", re.MULTILINE)


def regions(text: str) -> list[tuple[int, int]]:
    """The (first, last) line numbers, 1-based, of each conflict left in `text`: from a `<<<<<<<`
    to the next `>>>>>>>` (or to the last marker, when the markers were deleted in part)."""
    if START not in text and MIDDLE not in text and END not in text:
        return []  # the usual case, found without a regular expression
    found: list[tuple[int, int]] = []
    first = last = 0
    for match in _MARKER.finditer(text):
        line = text.count("\n", 0, match.start()) + 1
        if not first:
            first = line
        last = line
        if match.group(1) == END:
            found.append((first, last))
            first = 0
    if first:
        found.append((first, last))
    return found


def problem(text: str, display: str) -> Problem | None:
    """One error naming every conflict of `text`, or None when it holds none."""
    found = regions(text)
    if not found:
        return None
    if len(found) == 1 and found[0][0] == found[0][1]:  # one stray marker line
        message = _("this file holds an unfinished merge at line {line}: keep one side, then "
                    "delete the markers").format(line=found[0][0])
    else:
        message = _("this file holds an unfinished merge at lines {lines}: keep one side, then "
                    "delete the markers").format(lines=", ".join(
                        f"{first}–{last}" if last > first else str(first)
                        for first, last in found))
    return Problem(display, found[0][0], 1, Severity.ERROR, "merge-conflict", message)
