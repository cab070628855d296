"""Text helpers for Spanish data: accent-, case- and space-insensitive matching."""

from __future__ import annotations

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
