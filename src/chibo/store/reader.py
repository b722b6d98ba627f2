"""Reading a book with the standard library's sqlite3 alone: the read path of the first screens.

Why a second way in, beside the SQLModel engine: the desktop app's first screen (Tổng quan, the
month's board) must show the book's figures about as fast as a bare window paints. Going through
SQLModel costs, before the first row, about 0.6 s of imports here (SQLAlchemy, SQLModel, pydantic
and the model classes), and building an ORM object per row costs more on a big book (a 300-member,
60-month book held 39,500 of them for the board alone). A handful of SQL statements over plain
tuples does the same in a few milliseconds. So the board reads through this module, and
SQLAlchemy is imported later, after the board is painted, when the rest of the app needs it.

What it is:
- `open_reader(database)` gives a `Reader`: one sqlite3 connection with the book's own PRAGMAs
  (`pragmas.py`, shared with the engine) and `query_only`, so nothing read here can write. Use it
  in a `with` block; it closes the connection.
- Rows come back as tuples. Dates are stored by SQLAlchemy as ISO text (`2026-06-05`, and
  `2026-06-05 08:30:00.000000` for moments): compare them as text in SQL, parse them with
  `day()` in Python. Tombstoned rows (`deleted_at` set) are never figures: every query says
  `deleted_at IS NULL`.
- Only for a book whose schema is the head revision (`schema.SCHEMA_HEAD`): an older book is
  migrated by `Book.open` first, and `open_reader` refuses it (`StaleSchemaError`) so that a
  caller falls back to the engine.

Who reads through it: `chibo.services.glance` (the figures of a cell at a glance: roll, study of
each document, this month's meeting, overdue tasks, essays, the last bundle), which the overview
page shows; the receiving level's first screen builds on the same functions. Figures computed here
are held equal to the services' (`document_figures`, `Roll`) by `tests/test_glance.py`.
"""

from __future__ import annotations

import json
import sqlite3
from datetime import date
from pathlib import Path

from chibo.store import schema
from chibo.store.pragmas import apply_pragmas

LOCAL_UNIT_SETTING = "local_unit_id"  # the same key as `store.book.LOCAL_UNIT_SETTING`


class StaleSchemaError(Exception):
    """The book is not at this chibo's schema head (new, older, or from a newer chibo): read it
    through `Book.open`, which migrates or refuses it with its own sentence."""


def day(text: str | None) -> date | None:
    """A stored date (ISO text, or the date part of a stored moment) as a `date`."""
    return date.fromisoformat(text[:10]) if text else None


class Reader:
    """One read-only connection to a book (see the module's docstring)."""

    def __init__(self, connection: sqlite3.Connection, database: Path):
        self.connection = connection
        self.database = database

    def rows(self, sql: str, params: tuple | dict = ()) -> list[tuple]:
        return self.connection.execute(sql, params).fetchall()

    def value(self, sql: str, params: tuple | dict = (), default=None):
        """The first column of the first row, `default` when there is none."""
        row = self.connection.execute(sql, params).fetchone()
        return row[0] if row is not None and row[0] is not None else default

    def setting(self, key: str, default=None):
        """A setting of the book (JSON), as `store.book.get_setting` reads it."""
        text = self.value("SELECT value FROM setting WHERE key = ?", (key,))
        return json.loads(text) if text is not None else default

    @property
    def local_unit_id(self) -> str | None:
        return self.setting(LOCAL_UNIT_SETTING)

    def close(self) -> None:
        self.connection.close()

    def __enter__(self) -> Reader:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_reader(database: Path) -> Reader:
    """A `Reader` on the book at `database`. Refuses (`StaleSchemaError`) a book that is missing,
    empty, or not at the schema head; a damaged file raises the `ChiboError` of
    `schema.read_revision`. Opened beside a writer (WAL), it reads the last committed state."""
    database = Path(database)
    if schema.read_revision(database) != schema.SCHEMA_HEAD:
        raise StaleSchemaError(str(database))
    connection = sqlite3.connect(database, timeout=10, check_same_thread=False)
    try:
        apply_pragmas(connection)
        connection.execute("PRAGMA query_only=ON")
    except BaseException:
        connection.close()
        raise
    return Reader(connection, database)
