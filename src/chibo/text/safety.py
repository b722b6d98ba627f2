"""Characters a record never needs, checked where text comes in.

Control characters break papers and terminals; the bidirectional controls (U+202A–U+202E,
U+2066–U+2069, U+200E/F, U+061C) make a name display as another ("Páo" followed by U+202E reads
backwards). A Vietnamese name, note or number never needs either, so they are refused, not
dropped: the person sees where and fixes the source. Invisible leftovers of copying from the web
or Word (no-break spaces, zero-width spaces, byte-order marks) are tidied instead.
"""

from __future__ import annotations

import re

BIDI_CONTROLS = frozenset(map(chr, (0x061C, 0x200E, 0x200F, *range(0x202A, 0x202F), *range(0x2066, 0x206A))))
_CONTROLS = "".join(map(chr, (*range(0x00, 0x20), *range(0x7F, 0xA0))))  # Unicode's Cc
_BIDI = "".join(sorted(BIDI_CONTROLS))
_FORBIDDEN = re.compile(f"[{re.escape(_CONTROLS + _BIDI)}]")
_FORBIDDEN_MULTILINE = re.compile(f"[{re.escape(_CONTROLS.translate({9: None, 10: None, 13: None}) + _BIDI)}]")
_TIDY = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u200b": None, "\ufeff": None, "\u2060": None})


def tidy_invisible(text: str) -> str:
    """No-break spaces become spaces; zero-width spaces and byte-order marks go."""
    return text.translate(_TIDY)


def forbidden_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The forbidden characters in `text` as "U+202E", each once, in order of appearance.
    Line breaks and tabs are allowed where the field is `multiline`."""
    pattern = _FORBIDDEN_MULTILINE if multiline else _FORBIDDEN
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in pattern.findall(text)))
