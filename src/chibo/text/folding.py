"""NFC normalisation and the folding that makes search ignore diacritics and case."""

from __future__ import annotations

import unicodedata
from functools import lru_cache


def nfc(text: str | None) -> str:
    """Normalise to NFC and trim; some Vietnamese keyboards send combining marks."""
    if text is None:
        return ""
    return unicodedata.normalize("NFC", str(text)).strip()


@lru_cache(maxsize=65536)
def fold(text: str) -> str:
    """Lower-case, strip every diacritic, map đ to d (it has no decomposition), squeeze spaces."""
    decomposed = unicodedata.normalize("NFD", text)
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    stripped = stripped.replace("đ", "d").replace("Đ", "d")
    return " ".join(stripped.casefold().split())


def matches(query: str, text: str) -> bool:
    """True when every word of the query occurs in the text, ignoring accents and case.

    "nguyen thi huong" finds "Nguyễn Thị Hường"; "huong" alone finds it too.
    """
    words = fold(query).split()
    haystack = fold(text)
    return all(word in haystack for word in words)
