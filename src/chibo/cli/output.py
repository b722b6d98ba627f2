"""Printing records for people (aligned Vietnamese columns) and for scripts (stable JSON)."""

from __future__ import annotations

import json
import sys
import unicodedata


def utf8_when_redirected() -> None:
    """On Windows, output that goes to a file or a pipe would be written in the ANSI code page, which
    has no room for much of Vietnamese (“ả”, “ộ”): the command would stop half-way on a
    UnicodeEncodeError. Such output is written in UTF-8 instead; the console itself already takes
    Unicode, and so do Linux's streams."""
    if sys.platform != "win32":
        return
    for stream in (sys.stdout, sys.stderr):
        if stream is not None and hasattr(stream, "reconfigure") and stream.encoding.lower() not in ("utf-8", "utf8"):
            stream.reconfigure(encoding="utf-8")


def print_json(rows) -> None:
    json.dump(rows, sys.stdout, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def print_table(headers: list[str], rows: list[list[str]]) -> None:
    widths = [_width(h) for h in headers]
    for row in rows:
        widths = [max(w, _width(str(c))) for w, c in zip(widths, row)]

    def line(cells):
        return "  ".join(str(c) + " " * (w - _width(str(c))) for c, w in zip(cells, widths)).rstrip()

    print(line(headers))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))
