"""Vietnamese alphabetical order (CLDR `vi` collation) and the person-name sort key.

Letters decide before tones: the whole word is compared on base letters first (a < ă < â < b ...
< đ ...), then on tones (none, huyền, hỏi, ngã, sắc, nặng), then on case. People are sorted by
given name (the last word), then middle names, then family name.
"""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Base letters in Vietnamese order; f, j, w, z appear in loan words and minority names and sit
# where the Latin alphabet puts them.
_ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_LETTER_RANK = {letter: 100 + i for i, letter in enumerate(_ALPHABET)}

# Combining marks that make a different letter (they stay with the base letter) ...
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}  # breve ă, circumflex â ê ô, horn ơ ư
# ... and the five tones, in collation order after "no tone" (0).
_TONE_RANK = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}


@lru_cache(maxsize=4096)
def _char_keys(ch: str) -> tuple[int, int, int]:
    """(letter rank, tone rank, case rank) of one precomposed character."""
    decomposed = unicodedata.normalize("NFD", ch)
    base = decomposed[0]
    tone = 0
    letter_marks = ""
    for mark in decomposed[1:]:
        if mark in _TONE_RANK:
            tone = _TONE_RANK[mark]
        elif mark in _LETTER_MARKS:
            letter_marks += mark
    upper = 1 if base.isupper() else 0
    letter = unicodedata.normalize("NFC", base.lower() + letter_marks)
    if letter == "đ" or ch in ("đ", "Đ"):
        letter = "đ"
        upper = 1 if ch == "Đ" else 0
    if letter in _LETTER_RANK:
        rank = _LETTER_RANK[letter]
    elif letter.isdigit():
        rank = 10 + int(letter) if letter in "0123456789" else 50
    elif letter.isspace():
        rank = 1
    elif letter.isalpha():
        # Other scripts and letters after the Vietnamese alphabet, in code-point order.
        rank = 1000 + ord(letter)
    else:
        rank = 2  # punctuation sorts before letters
    return rank, tone, upper


@lru_cache(maxsize=65536)
def text_sort_key(text: str) -> tuple[tuple[int, ...], tuple[int, ...], tuple[int, ...]]:
    """Key that orders any Vietnamese text: letters, then tones, then case."""
    text = unicodedata.normalize("NFC", text).strip()
    keys = [_char_keys(ch) for ch in text]
    return (
        tuple(k[0] for k in keys),
        tuple(k[1] for k in keys),
        tuple(k[2] for k in keys),
    )


@lru_cache(maxsize=65536)
def name_sort_key(full_name: str) -> tuple:
    """Sort key for a person: given name, then middle names, then family name.

    "Lò Văn An" < "Giàng A Páo" < "Nguyễn Thị Páo".
    """
    words = unicodedata.normalize("NFC", full_name).split()
    if not words:
        return ((), (), ())
    given = words[-1]
    middle = " ".join(words[1:-1])
    family = words[0] if len(words) > 1 else ""
    # Each part is settled (letters, then tones) before the next is looked at, so every "Anh"
    # comes before every "Ánh" whatever their middle names; case decides last.
    parts = [text_sort_key(given), text_sort_key(middle), text_sort_key(family)]
    return (
        parts[0][0], parts[0][1],
        parts[1][0], parts[1][1],
        parts[2][0], parts[2][1],
        tuple(p[2] for p in parts),
    )
