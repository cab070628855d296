"""Words typed on the command line -> the plan's own names, or a `UsageError` that helps.

Every function compares folded (case, accents and extra spaces ignored) and, when nothing
matches, names the closest candidates (`text.closest`) so that a typo never passes for an
empty answer.
"""

from __future__ import annotations

import datetime as dt

from crm_plan.errors import NotInPlan, UsageError
from crm_plan.messages import _
from crm_plan.model import (
    PENDING_WORDS,
    STATUS_ALIASES,
    Activity,
    Due,
    Meeting,
    Objective,
    Plan,
    Status,
)
from crm_plan.refs import BODIES
from crm_plan.text import closest, fold, quoted_list


def actor(plan: Plan, word: str) -> str:
    """The short name of the actor called `word` by its short or its full name."""
    by_name = {fold(a.key): a.key for a in plan.actors.values()}
    for a in plan.actors.values():
        by_name.setdefault(fold(a.name), a.key)
    if (key := by_name.get(fold(word))) is not None:
        return key
    names = [a.key for a in plan.actors.values()] + [a.name for a in plan.actors.values()]
    hints = list(dict.fromkeys(by_name[fold(n)] for n in closest(word, names)))
    if hints:
        raise NotInPlan(_("'{word}' is not a declared actor; did you mean {hints}?").format(
            word=word, hints=_or_list(hints)))
    raise NotInPlan(_("'{word}' is not a declared actor (known: {known})").format(
        word=word, known=", ".join(plan.actors)))


def statuses(word: str) -> frozenset[Status]:
    """The statuses `word` names: one in the file's Spanish vocabulary or by an English alias,
    or the two pending ones (pendiente, por definir) for "pending" / "por resolver"."""
    if fold(word) in {fold(w) for w in PENDING_WORDS}:
        return frozenset(s for s in Status if s.pending)
    return frozenset({status(word)})


def status(word: str) -> Status:
    """The status called `word` in the file's Spanish vocabulary or by an English alias."""
    words = {fold(s.value): s for s in Status} | {fold(k): s for k, s in STATUS_ALIASES.items()}
    if (found := words.get(fold(word))) is not None:
        return found
    hints = closest(word, [s.value for s in Status] + list(STATUS_ALIASES), n=1)
    hint = _("; did you mean '{hint}'?").format(hint=hints[0]) if hints else ""
    raise UsageError(_("'{word}' is not a status{hint} (valid: {valid}; in English: {aliases}; "
                       "pending: pendiente and por definir)")
                     .format(word=word, hint=hint, valid=", ".join(s.value for s in Status),
                             aliases=", ".join(STATUS_ALIASES)))


def section(plan: Plan, word: str) -> str:
    return _one_of(word, list(plan.sections), _("'{word}' is not a section{hint} (known: "
                                                "{known})"), error=NotInPlan)


def body(word: str) -> str:
    """CRM or GRCM: the body whose documents an activity's references cite."""
    return _one_of(word, list(dict.fromkeys(BODIES.values())),
                   _("'{word}' is not a body whose documents the plan cites{hint} (known: "
                     "{known})"))


def objective(plan: Plan, word: str, *, active: bool, archived: bool) -> set[tuple[bool, str]]:
    """(archived, id) of the objective `word`, which must be in the part of the plan asked."""
    found = {(o.archived, o.id) for o in plan.objectives + plan.history if fold(o.id) == fold(word)}
    if not found:
        ids = [o.id for o in plan.objectives + plan.history]
        raise NotInPlan(_("'{word}' is not an objective{hint}").format(
            word=word, hint=hint(word, ids)))
    in_scope = {(is_archived, oid) for is_archived, oid in found
                if (archived if is_archived else active)}
    if in_scope:
        return in_scope
    if active:
        raise UsageError(_("objective {id} is in the history; add --archived or --all").format(
            id=word.strip()))
    raise UsageError(_("objective {id} is in the active plan, not in the history; use --all or "
                       "leave out --archived").format(id=word.strip()))


def item(plan: Plan, word: str) -> Objective | Activity:
    """The objective or activity, active or historical, whose id is `word`."""
    items: list[Objective | Activity] = [*plan.objectives, *plan.history,
                                         *plan.activities(archived=True)]
    for candidate in items:
        if fold(candidate.id) == fold(word):
            return candidate
    raise NotInPlan(_("no activity or objective has the id '{word}'{hint}").format(
        word=word, hint=hint(word, [i.id for i in items])))


def date(text: str, option: str) -> dt.date:
    """A day written as 2010-03-01."""
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(_("'{text}' is not a date for {option}; write it as 2010-03-01").format(
            text=text, option=option)) from None


def due(text: str) -> Due:
    """A due date as the plan writes it: 2010, 2010-03 or 2010-03-15."""
    value = text.strip()
    try:
        return Due.parse(value)
    except ValueError as exc:
        reason = str(exc)
    if reason == "month":
        message = _("the due date '{value}' has no such month; months go from 01 to 12")
    elif reason == "day":
        message = _("the due date '{value}' has no such day in that month")
    elif reason == "year":
        message = _("the due date '{value}' has an implausible year")
    else:
        message = _("the due date '{value}' is not a date; write a year (2010), a year and month "
                    "(2010-02) or a full date (2010-02-15)")
    raise UsageError(message.format(value=value))


def period_start(text: str, option: str) -> dt.date:
    """The first day of a year, month or day written as 2010, 2010-03 or 2010-03-01."""
    try:
        return Due.parse(text).first_day()
    except ValueError:
        raise UsageError(_("'{text}' is not a date for {option}; write 2010, 2010-03 or "
                           "2010-03-01").format(text=text, option=option)) from None


def _one_of(word: str, known: list[str], message: str,
            error: type[UsageError] = UsageError) -> str:
    for candidate in known:
        if fold(candidate) == fold(word):
            return candidate
    raise error(message.format(word=word, hint=hint(word, known), known=", ".join(known)))


def hint(word: str, candidates: list[str]) -> str:
    hints = closest(word, candidates)
    return _("; did you mean {hints}?").format(hints=_or_list(hints)) if hints else ""


def _or_list(words: list[str]) -> str:
    """'a', 'b' or 'c'."""
    if len(words) == 1:
        return quoted_list(words)
    return _("{first} or {last}").format(first=quoted_list(words[:-1]),
                                         last=quoted_list(words[-1:]))


def meeting(plan: Plan, word: str, option: str) -> Meeting:
    """The meeting of the calendar whose id is `word` (case and accents ignored)."""
    for found in plan.meetings:
        if fold(found.id) == fold(word):
            return found
    raise UsageError(_("{option}: '{word}' is not a meeting of the calendar{hint} (see crmplan "
                       "meetings)").format(option=option, word=word,
                                           hint=hint(word, [m.id for m in plan.meetings])))
