"""Text helpers for Spanish data: accent-, case- and space-insensitive matching."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable


def fold(text: str) -> str:
    """The form two texts are compared in: no accents, case-folded, single spaces."""
    if text.isascii():  # most ids, codes and references: no accents to strip
        return " ".join(text.lower().split())
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(bare.casefold().split())


def closest(word: str, candidates: Iterable[str], n: int = 3) -> list[str]:
    """The candidates nearest to `word`, compared folded; returned as written."""
    import difflib  # only on the error path: not worth its import at every start
    by_folded: dict[str, str] = {}
    for candidate in candidates:
        by_folded.setdefault(fold(candidate), candidate)
    matches = difflib.get_close_matches(fold(word), list(by_folded), n=n, cutoff=0.6)
    return [by_folded[m] for m in matches]


def quoted_list(words: Iterable[str]) -> str:
    return ", ".join(f"'{w}'" for w in words)


# Characters that must never reach a terminal or a document raw, nor a plan that validates:
# C0 controls (tab and newline are handled by the caller: they are text in a block scalar),
# DEL, C1 controls, the Unicode line and paragraph separators and the bidi embeddings,
# overrides and isolates (they reorder what a reader sees: "Trojan Source").
_UNSAFE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_UNSAFE_OR_LINE = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")

_C0_NAMES = (
    "NULL", "START OF HEADING", "START OF TEXT", "END OF TEXT", "END OF TRANSMISSION",
    "ENQUIRY", "ACKNOWLEDGE", "BELL", "BACKSPACE", "CHARACTER TABULATION", "LINE FEED",
    "LINE TABULATION", "FORM FEED", "CARRIAGE RETURN", "SHIFT OUT", "SHIFT IN",
    "DATA LINK ESCAPE", "DEVICE CONTROL ONE", "DEVICE CONTROL TWO", "DEVICE CONTROL THREE",
    "DEVICE CONTROL FOUR", "NEGATIVE ACKNOWLEDGE", "SYNCHRONOUS IDLE",
    "END OF TRANSMISSION BLOCK", "CANCEL", "END OF MEDIUM", "SUBSTITUTE", "ESCAPE",
    "INFORMATION SEPARATOR FOUR", "INFORMATION SEPARATOR THREE", "INFORMATION SEPARATOR TWO",
    "INFORMATION SEPARATOR ONE",
)


def unsafe_characters(text: str, *, lines: bool = False) -> list[tuple[int, str]]:
    """The position and character of each control, separator or bidi character in `text`;
    tab and newline count only with `lines=True` (they are text in a multi-line value)."""
    pattern = _UNSAFE_OR_LINE if lines else _UNSAFE
    return [(m.start(), m.group()) for m in pattern.finditer(text)]


def character_name(char: str) -> str:
    """`U+001B ESCAPE`: how a message names a character nobody can see."""
    code = ord(char)
    if code < 0x20:
        name = _C0_NAMES[code]
    elif code == 0x7F:
        name = "DELETE"
    else:
        name = unicodedata.name(char, "CONTROL")
    return f"U+{code:04X} {name}"


def visible(text: str, *, lines: bool = True) -> str:
    """`text` with every control, separator or bidi character written as an escape (`\\x1b`,
    `\\u202e`), so that printing it cannot move the cursor, clear the screen or reorder what
    is shown. Tab and newline stay, unless `lines=False` (a one-line value)."""
    pattern = _UNSAFE if lines else _UNSAFE_OR_LINE
    if pattern.search(text) is None:  # nearly always: no copy
        return text
    return pattern.sub(_escape, text)


def _escape(match: re.Match[str]) -> str:
    code = ord(match.group())
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
