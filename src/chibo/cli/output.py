"""Printing records for people (aligned Vietnamese columns) and for scripts (stable JSON)."""

from __future__ import annotations

import json
import sys
import unicodedata
from contextlib import contextmanager

from chibo.text.safety import is_hidden


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
    # One write, not json.dump's one per token: through the terminal-safe stream each write is a
    # check of its own, and a summary of 300 cells is some 50,000 tokens.
    sys.stdout.write(json.dumps(rows, ensure_ascii=False, indent=2) + "\n")


def _width(text: str) -> int:
    return sum(0 if unicodedata.combining(ch) else 1 for ch in text)


def print_table(headers: list[str], rows: list[list[str]], indent: str = "") -> None:
    widths = [_width(h) for h in headers]
    for row in rows:
        widths = [max(w, _width(str(c))) for w, c in zip(widths, row, strict=False)]  # a short row: its cells

    def line(cells):
        return indent + "  ".join(str(c) + " " * (w - _width(str(c))) for c, w in zip(cells, widths, strict=False)).rstrip()

    print(line(headers))
    print(indent + "  ".join("-" * w for w in widths))
    for row in rows:
        print(line(row))


def printable(text: str) -> str:
    """Text safe for a terminal: control characters (but newline and tab) and invisible format
    characters (bidi overrides such as U+202E, zero-width ones) shown as \\uXXXX instead of acting
    on the screen. Inside JSON strings the escape reads back as the same character."""
    if text.isprintable():
        return text
    if "\n" in text:  # a listing or a JSON document: look closer only at the lines that need it, in C
        return "\n".join(printable(line) for line in text.split("\n"))
    return "".join(_escaped(ch) if is_hidden(ch, multiline=True) or unicodedata.category(ch) in ("Zl", "Zp")
                   else ch for ch in text)


def _escaped(ch: str) -> str:
    """JSON's escape: one \\uXXXX, or a surrogate pair beyond the first plane."""
    units = ch.encode("utf-16-be", "surrogatepass")
    return "".join(f"\\u{int.from_bytes(units[i:i + 2], 'big'):04x}" for i in range(0, len(units), 2))


class _SafeStream:
    """A text stream that passes everything through `printable`."""

    def __init__(self, stream):
        self._stream = stream

    def write(self, text: str) -> int:
        return self._stream.write(printable(text))

    def __getattr__(self, name):
        return getattr(self._stream, name)


@contextmanager
def terminal_safe():
    """stdout and stderr made safe for the command's duration. A missing stream stays missing: the
    window's launcher on Windows (chibo.exe, no console) has none, and print() skips a None stream,
    where a wrapper around None would raise in every slot that prints (and `--smoke` never ended)."""
    out, err = sys.stdout, sys.stderr
    sys.stdout = None if out is None else _SafeStream(out)
    sys.stderr = None if err is None else _SafeStream(err)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
