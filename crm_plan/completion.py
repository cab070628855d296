"""Shell completion: the values the plan in use offers for the word being typed.

The shell runs crmplan at every Tab press, so these functions never raise and never print: a
plan that cannot be read, or has errors, offers nothing (and the shell falls back to file
names). Candidates are `(value, help)` pairs (zsh, fish and PowerShell show the help), filtered
by the typed prefix with case and accents ignored: `mex` offers `México`.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable

from crm_plan import planfile
from crm_plan.model import STATUS_ALIASES, Plan, Status
from crm_plan.text import fold

Candidate = tuple[str, str]
HELP_WIDTH = 60  # characters of an activity's text shown next to its id


def plan_in_use(file: str | None) -> Plan | None:
    """The plan named by --file, else CRMPLAN_FILE, else ./workplan.yaml or the bundled one."""
    try:
        loaded = planfile.load(planfile.locate(file or os.environ.get("CRMPLAN_FILE") or None))
    except Exception:  # noqa: BLE001 - a Tab press must never show a traceback
        return None
    return None if loaded.has_errors else loaded.plan


def active_ids(file: str | None, incomplete: str, *, objectives: bool = False
               ) -> list[Candidate]:
    """Ids of the active plan's activities (and, with `objectives`, of its objectives)."""
    def candidates(plan: Plan) -> Iterable[Candidate]:
        for objective in plan.objectives:
            if objectives:
                yield objective.id, _short(objective.title)
            yield from ((a.id, _short(a.text)) for a in objective.activities)
    return _safely(file, incomplete, candidates)


def restorable_ids(file: str | None, incomplete: str) -> list[Candidate]:
    """Ids of archived activities that `crmplan restore` can put back (they have an origin)."""
    return _safely(file, incomplete, lambda plan: (
        (a.id, _short(a.text)) for a in plan.activities(active=False, archived=True)
        if a.origin is not None))


def actors(file: str | None, incomplete: str) -> list[Candidate]:
    """Actors by short name and by full name."""
    def candidates(plan: Plan) -> Iterable[Candidate]:
        for actor in plan.actors.values():
            yield actor.key, actor.name
        for actor in plan.actors.values():
            if actor.name != actor.key:
                yield actor.name, actor.key
    return _safely(file, incomplete, candidates)


def sections(file: str | None, incomplete: str) -> list[Candidate]:
    return _safely(file, incomplete, lambda plan: (
        (s.id, _short(s.title)) for s in plan.sections.values()))


def objectives(file: str | None, incomplete: str) -> list[Candidate]:
    return _safely(file, incomplete, lambda plan: (
        (o.id, _short(o.title)) for o in plan.objectives + plan.history))


def meetings(file: str | None, incomplete: str) -> list[Candidate]:
    """Ids of the calendar's meetings, with their body, place and date."""
    return _safely(file, incomplete, lambda plan: (
        (m.id, _short(m.label())) for m in plan.meetings))


def statuses(incomplete: str) -> list[Candidate]:
    """The file's vocabulary, then the English words the command line accepts for it."""
    english = [(word, status.value) for word, status in STATUS_ALIASES.items()]
    english.insert(3, ("pending", "pendiente + por definir"))
    return matching([(s.value, "") for s in Status] + english, incomplete)


def matching(candidates: Iterable[Candidate], incomplete: str) -> list[Candidate]:
    """The candidates starting with `incomplete` (case and accents ignored), once each."""
    prefix = fold(incomplete or "")
    found: dict[str, str] = {}
    for value, help_text in candidates:
        if fold(value).startswith(prefix):
            found.setdefault(value, help_text)
    return list(found.items())


def _safely(file: str | None, incomplete: str,
            candidates: Callable[[Plan], Iterable[Candidate]]) -> list[Candidate]:
    plan = plan_in_use(file)
    if plan is None:
        return []
    try:
        return matching(candidates(plan), incomplete)
    except Exception:  # noqa: BLE001 - see plan_in_use
        return []


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= HELP_WIDTH else text[:HELP_WIDTH - 1].rstrip() + "…"


def powershell_line(line: str) -> str:
    """A PowerShell command line rewritten so that a POSIX shell's rules read the same words.

    Typer's PowerShell script hands over the line as typed there, and Typer splits it as a
    POSIX shell would, where a backslash escapes the next character: `-f C:\\Users\\plan.yaml`
    became `C:Usersplan.yaml`, and Tab offered nothing. In PowerShell a backslash is an
    ordinary character: its escape is the backtick; '...' is literal ('' is a quote), "..."
    takes backtick escapes."""
    import shlex

    words: list[str] = []
    word: list[str] = []
    in_word, quote, index = False, "", 0
    while index < len(line):
        char, index = line[index], index + 1
        if char == "`" and quote != "'" and index < len(line):  # the next character, as is
            char, index = line[index], index + 1
        elif char == quote == "'" and line[index:index + 1] == "'":  # '' inside '...'
            index += 1
        elif char == quote or (not quote and char in "'\""):  # a quote closes, or opens
            quote, in_word = ("" if quote else char), True
            continue
        elif not quote and char in " \t":  # a space ends a word
            if in_word:
                words.append("".join(word))
            word, in_word = [], False
            continue
        word.append(char)
        in_word = True
    if in_word:
        words.append("".join(word))
    return shlex.join(words)
