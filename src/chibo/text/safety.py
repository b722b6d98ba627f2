"""Characters a record never needs, checked where text comes in.

Control characters break papers and terminals; the bidirectional controls (U+202A–U+202E,
U+2066–U+2069, U+200E/F, U+061C) make a name display as another ("Páo" followed by U+202E reads
backwards). A Vietnamese name, note or number never needs either, so they are refused, not
dropped: the person sees where and fixes the source. Invisible leftovers of copying from the web
or Word (no-break spaces, zero-width spaces, byte-order marks) are tidied instead.
"""

from __future__ import annotations

import unicodedata

BIDI_CONTROLS = frozenset(map(chr, (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))))
_LINE_BREAKS = frozenset("\n\r\t")
_TIDY = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u200b": None, "\ufeff": None, "\u2060": None})


def tidy_invisible(text: str) -> str:
    """No-break spaces become spaces; zero-width spaces and byte-order marks go."""
    return text.translate(_TIDY)


def forbidden_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The forbidden characters in `text` as "U+202E", each once, in order of appearance.
    Line breaks and tabs are allowed where the field is `multiline`."""
    found: list[str] = []
    for ch in text:
        allowed_break = multiline and ch in _LINE_BREAKS
        if (ch in BIDI_CONTROLS or (unicodedata.category(ch) == "Cc" and not allowed_break)):
            code = f"U+{ord(ch):04X}"
            if code not in found:
                found.append(code)
    return found
