"""Characters a record never needs, defined once for every place text comes in (typed fields,
member files, bundles) and for the terminal that shows it.

Control characters (Unicode's Cc) break papers and terminals; invisible format characters (Cf:
the bidirectional controls U+202A–U+202E and U+2066–U+2069, U+200E/F, U+061C, zero-width
characters) make a name display as another ("Páo" followed by U+202E reads backwards); lone
surrogates (Cs) are not text at all. A Vietnamese name, note or number never needs any of them,
so they are refused, not dropped: the person sees where and fixes the source. Only paragraph
fields keep line breaks and tabs.

Member files copied from the web or Word also carry harmless leftovers (no-break spaces, a
zero-width space or byte-order mark at the edge of a cell): the importer tidies those first
(`tidy_invisible`), so only what would change how a name reads is refused.
"""

from __future__ import annotations

import unicodedata

HIDDEN_CATEGORIES = frozenset({"Cc", "Cf", "Cs"})
PARAGRAPH_WHITESPACE = "\n\t"
_TIDY = str.maketrans({"\u00a0": " ", "\u202f": " ", "\u200b": None, "\ufeff": None, "\u2060": None})


def is_hidden(ch: str, *, multiline: bool = False) -> bool:
    """True for a character no record may hold (line breaks and tabs allowed where `multiline`)."""
    if multiline and ch in PARAGRAPH_WHITESPACE:
        return False
    return unicodedata.category(ch) in HIDDEN_CATEGORIES


def tidy_invisible(text: str) -> str:
    """No-break spaces become spaces; zero-width spaces, word joiners and byte-order marks go."""
    return text.translate(_TIDY)


def forbidden_characters(text: str, *, multiline: bool = False) -> list[str]:
    """The forbidden characters in `text` as "U+202E", each once, in order of appearance."""
    if text.isprintable():  # the common case, in C
        return []
    return list(dict.fromkeys(f"U+{ord(ch):04X}" for ch in text if is_hidden(ch, multiline=multiline)))
