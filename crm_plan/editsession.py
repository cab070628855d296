"""`crmplan edit ID`: one activity's lines in the user's editor, and back into the plan.

The editor gets the activity's lines exactly as the file has them (its comments and
indentation too), under a few comment lines of crmplan's that say what to do. When the editor
closes, the lines take the place of the old ones and the whole plan is validated; when it does
not validate, the editor opens again with the problems listed at the top, at the lines of the
edited text. Emptying the text, saving nothing new after problems, or an editor that ends with
an error (`:cq` in vi) gives up. Nothing here writes the plan: the command saves the result
through `store.update`, which checks that the activity's lines are still those that were edited.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from enum import Enum
from typing import NamedTuple

from crm_plan.edit import EditRefused
from crm_plan.errors import CrmPlanError
from crm_plan.fieldedit import Target, errors, find
from crm_plan.messages import _
from crm_plan.problems import Problem
from crm_plan.source import BOM, Mapping, Sequence, Source, parse
from crm_plan.spans import item_spans

MARK = "# crmplan: "  # the lines of crmplan's at the top of the text, taken out again
_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+$")

Editor = Callable[[str], "str | None"]  # the text to edit -> what was saved, None: gave up


class Ending(str, Enum):
    EDITED = "edited"
    UNCHANGED = "unchanged"
    ABANDONED = "abandoned"


class Result(NamedTuple):
    ending: Ending
    before: str  # the activity's lines as they were
    after: str  # as the user left them
    text: str  # the plan with them (for EDITED)


class Lines(NamedTuple):
    first: int  # 0-based index of the activity's first line (a comment above it, or its `- `)
    stop: int
    text: str


def activity_lines(text: str, activity_id: str) -> Lines:
    """The lines of the activity: the comments directly above its `- `, and its own."""
    body = text[1:] if text.startswith(BOM) else text
    lines = _LINE.findall(body)
    root, problems = parse(body, "")
    if not isinstance(root, Mapping) or problems:
        raise EditRefused(_("the plan file cannot be read; run crmplan validate"))
    node = find(root, Target("activity", activity_id))
    for part in ("objectives", "history"):
        objectives = root.get(part)
        for objective in objectives.items if isinstance(objectives, Sequence) else ():
            activities = objective.get("activities") if isinstance(objective, Mapping) else None
            if isinstance(activities, Sequence) and not activities.flow and node is not None \
                    and any(item is node for item in activities.items):
                span = next(s for s in item_spans(lines, activities) if s.node is node)
                return Lines(span.lead, span.end + 1, "".join(lines[span.lead:span.end + 1]))
    raise EditRefused(_("{id} is not written as a '- ' item of a list of activities; edit the "
                        "file itself").format(id=activity_id))


def splice(text: str, where: Lines, new: str) -> str:
    """`text` with the lines `where` replaced by `new`."""
    bom = BOM if text.startswith(BOM) else ""
    lines = _LINE.findall(text[len(bom):])
    if not lines[-1].endswith(("\n", "\r")) and where.stop == len(lines):
        new = new.rstrip("\r\n")  # the file ended without a line break: so it still does
    return bom + "".join(lines[:where.first]) + new + "".join(lines[where.stop:])


def edit(text: str, path: str, activity_id: str, editor: Editor) -> Result:
    """Let the user edit the activity until the plan validates, or they give up."""
    where = activity_lines(text, activity_id)
    shown = where.text
    problems: list[Problem] = []
    while True:
        saved = editor(_buffer(path, activity_id, where, shown, problems))
        if saved is None:
            return Result(Ending.ABANDONED, where.text, shown, text)
        after = _edited(saved, where.text)
        if not after.strip():
            return Result(Ending.ABANDONED, where.text, after, text)
        if after == shown:
            return Result(Ending.ABANDONED if problems else Ending.UNCHANGED, where.text, after,
                          text)
        changed = splice(text, where, after)
        problems = errors(changed, path)
        if not problems:
            return Result(Ending.EDITED, where.text, after, changed)
        shown = after


def put_back(source: Source, activity_id: str, result: Result) -> str:
    """The plan read again (under the lock) with the edited lines, when the activity's lines
    are still those that were edited; otherwise the edit is refused."""
    where = activity_lines(source.text, activity_id)
    if where.text != result.before:
        raise CrmPlanError(_("{id} was changed in the plan file while it was being edited, so "
                             "nothing was written").format(id=activity_id))
    return splice(source.text, where, result.after)


# -- the text the editor shows --------------------------------------------------------------------

def _buffer(path: str, activity_id: str, where: Lines, shown: str, problems: list[Problem]
            ) -> str:
    newline = _first_ending(where.text)
    header = [_("Activity {id} of {path}: save and close the editor to change the plan.")
              .format(id=activity_id, path=path),
              _("To leave the plan as it is, empty the text, or close without saving.")]
    if problems:
        header.append(_("The plan does not validate with these lines; correct them, or empty "
                        "the text to give up:"))
        start = len(header) + len(problems) + 1  # and the blank line after the header
        header += [_line_of(problem, where.first, shown, start, path) for problem in problems]
    return "".join(MARK + line + newline for line in header) + newline + shown


def _line_of(problem: Problem, first: int, shown: str, start: int, path: str) -> str:
    """A problem at its line in the edited text (the plan has it from line `first` + 1 on,
    the editor from line `start` + 1 on), or in the rest of the plan."""
    what = f"{problem.severity.label}: {problem.message} [{problem.code}]"
    if first < problem.line <= first + len(_LINE.findall(shown)):
        return _("line {line}, column {col}: {problem}").format(
            line=start + problem.line - first, col=problem.col, problem=what)
    return _("{path}, line {line}: {problem}").format(path=path, line=problem.line, problem=what)


def _edited(saved: str, before: str) -> str:
    """The user's lines: without crmplan's at the top and the blank lines around them, each
    line ending as before where the line is unchanged, else as the activity's first line."""
    lines = _LINE.findall(saved)
    while lines and (lines[0].startswith(MARK.rstrip()) or not lines[0].strip()):
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    old = _LINE.findall(before)
    newline = _first_ending(before)
    result = []
    for index, line in enumerate(lines):
        body = line.rstrip("\r\n")
        same = index < len(old) and old[index].rstrip("\r\n") == body
        result.append(old[index] if same else body + newline)
    return "".join(result)


def _first_ending(text: str) -> str:
    first = _LINE.findall(text)[0] if text else "\n"
    body = first.rstrip("\r\n")
    return first[len(body):] or "\n"
