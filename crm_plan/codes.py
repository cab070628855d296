"""Every code a problem can carry, what it means, how to fix it and whether it can be silenced:
what `crmplan explain CODE` says.

The rules explain themselves (`rules/`, their EXPLANATION); the codes of the parser
(`source.py`, `filebytes.py`), of the reader (`fieldreader.py`) and of git's state
(`unmerged.py`, which only `validate` asks) are explained here.
"""

from __future__ import annotations

from typing import NamedTuple

from crm_plan.acknowledge import MARK
from crm_plan.messages import N_, _
from crm_plan.problems import Severity
from crm_plan.text import closest
from crm_plan.unmerged import CODE as UNMERGED

# code -> (severity, what it means and how to fix it)
_FILE_CODES: dict[str, tuple[Severity, str]] = {
    "syntax": (Severity.ERROR, N_(
        "The text is not valid YAML at this point, so the plan cannot be read: a quote that "
        "is not closed, quotes around part of a text only, a missing ':' or '- ', a line "
        "indented differently from the lines around it. The message names the slip; fix "
        "that line (the place given is where the slip is, or where the reading stopped).")),
    "merge-conflict": (Severity.ERROR, N_(
        "The file holds an unfinished git merge: lines between '<<<<<<<', '=======' and "
        "'>>>>>>>' are two versions of the same part. Keep the version that is right (or "
        "combine them), then delete the three marker lines.")),
    UNMERGED: (Severity.WARNING, N_(
        "git is in the middle of a merge (or a cherry-pick, revert or rebase) and still counts "
        "the plan file as unmerged. If you have resolved it, run 'git add' on it. If it holds "
        "no conflict markers, git probably could not run crmplan's merge driver (crmplan not "
        "on the PATH git sees, as with some graphical git clients), and the file holds only "
        "your side: check with 'crmplan git-setup --check', then abort (git merge --abort) and "
        "merge again.")),
    "tab": (Severity.ERROR, N_(
        "A line is indented with a tab. YAML indents with spaces only: replace the tab with "
        "spaces, as many as the lines around it use.")),
    "duplicate-key": (Severity.ERROR, N_(
        "The same field is written twice in one item; only one can be read. Keep the right "
        "one and remove the other, or rename it if it was meant to be another field. If the "
        "repeated field is the first of the item (id), a '- ' is missing instead.")),
    "merge-key": (Severity.ERROR, N_(
        "A '<<' merge key copies fields from elsewhere in the file, which a plan does not "
        "allow: write the fields out in full.")),
    "alias": (Severity.ERROR, N_(
        "An alias (*name) repeats a value marked elsewhere with &name, which a plan does not "
        "allow: write the value out in full.")),
    "tag": (Severity.ERROR, N_(
        "A '!' tag asks YAML for a special kind of value; a plan holds only plain texts, "
        "lists and fields. Remove the tag, or put the text in quotes. Nothing is ever run.")),
    "depth": (Severity.ERROR, N_(
        "The file is nested deeper than any plan is; an indentation or brackets have gone "
        "wrong. Check the indentation around the line given.")),
    "encoding": (Severity.ERROR, N_(
        "The file is not UTF-8 text. Save it again as UTF-8 (in Notepad: Save as, Encoding: "
        "UTF-8).")),
    "type": (Severity.ERROR, N_(
        "A field holds another kind of value than it should: a list where a text goes, a "
        "text where fields go. Usually an indentation slip; the message says what was "
        "expected.")),
    "required": (Severity.ERROR, N_(
        "A field that must be written is missing or empty. Add it with its value; the "
        "message says which field.")),
    "unknown-field": (Severity.ERROR, N_(
        "A field name crmplan does not know, often a typing slip or a Spanish name: the "
        "fields of the file are in English (status, due, responsible...). Rename it as the "
        "message suggests; 'crmplan schema' lists every field.")),
}


class Explanation(NamedTuple):
    code: str
    severity: Severity  # the usual level of its problems
    meaning: str  # what it means and how to fix it, in the user's language
    silencing: str


def codes() -> dict[str, Severity]:
    """Every code and its usual severity, in the order problems are found: file, shape, rules."""
    from crm_plan.rules import RULES

    return {**{code: severity for code, (severity, _text) in _FILE_CODES.items()},
            **{rule.CODE: rule.SEVERITY for rule in RULES}}


def explain(code: str) -> Explanation | None:
    """What `code` means, or None when no problem carries it."""
    from crm_plan.rules import RULES, explanation

    rule = next((rule for rule in RULES if rule.CODE == code), None)
    if rule is not None:
        meaning = explanation(rule) + " " + _(
            "The message of each problem says what to write, at the line and column it gives.")
        return Explanation(code, rule.SEVERITY, meaning, _silencing(code, rule.SEVERITY))
    if code in _FILE_CODES:
        severity, text = _FILE_CODES[code]
        return Explanation(code, severity, _(text), _silencing(code, severity))
    return None


def _silencing(code: str, severity: Severity) -> str:
    comment = f"# {MARK}[{code}]"
    if code == UNMERGED:
        return _("It cannot be acknowledged with a comment such as '{comment}': it comes from "
                 "git's state, not from the file, and goes away once git counts the file as "
                 "merged.").format(comment=comment)
    if severity is Severity.WARNING:
        return _("To acknowledge a warning where it stands (so that validate no longer shows "
                 "it, and counts it as acknowledged), write the comment '{comment}' at the end "
                 "of the line it points at, or on a line of its own just above.").format(
                     comment=comment)
    return _("An error cannot be silenced: the plan is not read as written until it is fixed. "
             "(Only warnings can be acknowledged, with a comment such as '{comment}'.)").format(
                 comment=comment)


def suggestion(code: str) -> list[str]:
    """The code nearest to an unknown `code`, if any."""
    return closest(code, list(codes()), n=1)
