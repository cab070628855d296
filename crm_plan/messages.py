"""The message catalogue: every sentence a user reads goes through `_`.

Plan content is never translated. The English text written in the code is the
message id; a language's catalogue is a small Python module, `crm_plan/locales/es.py`
(a dict from the English text to its translation), served through gettext's
`NullTranslations` interface. No .mo file, no build step: the module is imported
only when its language is chosen, in well under a millisecond.

The language is chosen once, before any help text is built (the first time a
message is asked for): `--lang es|en` on the command line, else `CRMPLAN_LANG`,
else the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`: `es_*` is Spanish), else English.
`use()` changes it afterwards (the CLI's `--lang` option, tests).

`N_()` marks a text for translation where it is written, when it is translated
later (`_(variable)`), so that an extraction of `_`/`N_`/`ngettext` literals finds it.
"""

from __future__ import annotations

import gettext
import os
import sys
from collections.abc import Mapping, Sequence
from datetime import date

LANGUAGES = ("en", "es")
DEFAULT = "en"
_LOCALE_VARIABLES = ("LC_ALL", "LC_MESSAGES", "LANG")  # POSIX order: the first set one wins


class Catalogue(gettext.NullTranslations):
    """A language's messages from a dict: {english: translation}, {(singular, plural): forms}."""

    def __init__(self, messages: Mapping[str, str],
                 plurals: Mapping[tuple[str, str], tuple[str, str]]) -> None:
        super().__init__()
        self.messages = messages
        self.plurals = plurals

    def gettext(self, message: str) -> str:
        return self.messages.get(message, message)

    def ngettext(self, msgid1: str, msgid2: str, n: int) -> str:
        singular, plural = self.plurals.get((msgid1, msgid2), (msgid1, msgid2))
        return singular if n == 1 else plural  # English and Spanish: one, and the rest


_language: str | None = None
_translation: gettext.NullTranslations = gettext.NullTranslations()


def normalise(value: str | None) -> str | None:
    """`es`, `es_MX.UTF-8`, `es-MX`, `Spanish_Mexico` -> "es"; `en*` -> "en"; else None."""
    word = (value or "").strip().lower().replace("-", "_")
    for language, name in (("es", "spanish"), ("en", "english")):
        if word == language or word.startswith((language + "_", language + ".", name)):
            return language
    return None


def option_value(argv: Sequence[str]) -> str | None:
    """The value of `--lang X` / `--lang=X` on a command line (before a `--`)."""
    for index, arg in enumerate(argv):
        if arg == "--":
            break
        if arg == "--lang" and index + 1 < len(argv):
            return argv[index + 1]
        if arg.startswith("--lang="):
            return arg.split("=", 1)[1]
    return None


def detect(argv: Sequence[str], environ: Mapping[str, str]) -> str:
    """The language asked for by the command line, the environment or the locale."""
    if (found := option_value(argv[1:])) in LANGUAGES:  # as the CLI accepts it: es or en
        return found
    if found := normalise(environ.get("CRMPLAN_LANG")):
        return found
    for variable in _LOCALE_VARIABLES:
        if value := environ.get(variable):
            return normalise(value) or DEFAULT  # C, POSIX, fr_FR...: English
    if sys.platform == "win32":  # Windows only: no LANG there, but the user's locale
        import locale

        return normalise(locale.getlocale()[0]) or DEFAULT  # "Spanish_Mexico", "es_MX"
    return DEFAULT


def use(language: str) -> None:
    """Speak `language` ("en" or "es") from now on."""
    global _language, _translation
    if language not in LANGUAGES:
        raise ValueError(language)
    _language = language
    _translation = catalogue(language)


def catalogue(language: str) -> gettext.NullTranslations:
    if language == "es":
        from crm_plan.locales import es

        return Catalogue(es.MESSAGES, es.PLURALS)
    return gettext.NullTranslations()


def language() -> str:
    """The language in use, detected the first time it is needed."""
    if _language is None:
        use(detect(sys.argv, os.environ))
    return _language  # type: ignore[return-value]


def _(message: str) -> str:
    if _language is None:
        language()
    return _translation.gettext(message)


def N_(message: str) -> str:  # the gettext convention's name
    """Marks `message` for extraction; it is translated later, where it is shown."""
    return message


def ngettext(singular: str, plural: str, n: int) -> str:
    if _language is None:
        language()
    return _translation.ngettext(singular, plural, n)


# -- dates inside sentences -----------------------------------------------------------------------

_MONTHS = ("enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto",
           "septiembre", "octubre", "noviembre", "diciembre")


def when(year: int, month: int | None = None, day: int | None = None) -> str:
    """A date (or a month, or a year) as a sentence says it: "29 de noviembre de 2026",
    "febrero de 2010", "2010" in Spanish. English keeps ISO (2026-11-29): crmplan's English
    readers come from countries that write day and month in opposite orders, and ISO is what
    they type after --as-of. Files, json, csv and file names always hold ISO; this is only for
    sentences a person reads."""
    if language() != "es":
        return "-".join([f"{year:04d}", *(f"{n:02d}" for n in (month, day) if n is not None)])
    if month is None:
        return str(year)
    said = f"{_MONTHS[month - 1]} de {year}"
    return said if day is None else f"{day} de {said}"


def day(value: date) -> str:
    """`when` for a day."""
    return when(value.year, value.month, value.day)
