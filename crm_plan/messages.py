"""The message catalogue: every sentence a user reads goes through `_`.

Plan content is never translated. Catalogues are looked up with the standard
gettext machinery under `crm_plan/locale`; until a language's catalogue exists,
`gettext` falls back to the English text written in the code.
"""

import gettext
from pathlib import Path

_LOCALE_DIR = Path(__file__).parent / "locale"
_translation: gettext.NullTranslations = gettext.translation(
    "crmplan", localedir=_LOCALE_DIR, fallback=True
)


def _(message: str) -> str:
    return _translation.gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return _translation.ngettext(singular, plural, n)
