"""The PRAGMAs every connection to a book gets, whoever opens it: the SQLAlchemy engine
(`engine.py`) and the plain sqlite3 reader of the first screen (`reader.py`). Kept apart from both
so that neither can drift and the reader needs no SQLAlchemy."""

from __future__ import annotations

BUSY_TIMEOUT_MS = 10_000

# WAL lets readers in beside the one writer; synchronous=FULL because power cuts are common on the
# commune's PCs; foreign keys on; a writer in another process is waited for, not failed on.
PRAGMAS = (
    "PRAGMA foreign_keys=ON",
    "PRAGMA journal_mode=WAL",
    "PRAGMA synchronous=FULL",
    f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}",
)


def apply_pragmas(dbapi_connection) -> None:
    """Set the book's PRAGMAs on a fresh sqlite3 connection."""
    cursor = dbapi_connection.cursor()
    try:
        for pragma in PRAGMAS:
            cursor.execute(pragma)
    finally:
        cursor.close()
