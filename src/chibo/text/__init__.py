"""Vietnamese text: NFC at the boundary, sort keys, search folding, dates and numbers."""

from chibo.text.collation import name_sort_key, text_sort_key
from chibo.text.folding import fold, matches, nfc
from chibo.text.formatting import (
    body_date,
    format_count,
    format_date,
    format_percent,
    format_rate,
    format_size,
    parse_date,
    party_date,
    party_date_line,
    percent_of,
    rate_value,
)

__all__ = [
    "body_date",
    "fold",
    "format_count",
    "format_date",
    "format_percent",
    "format_rate",
    "format_size",
    "matches",
    "name_sort_key",
    "nfc",
    "parse_date",
    "party_date",
    "party_date_line",
    "percent_of",
    "rate_value",
    "text_sort_key",
]
