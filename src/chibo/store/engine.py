"""The one engine factory: every connection gets the PRAGMAs that keep a book safe on a shared PC
with power cuts (WAL, synchronous=FULL, foreign keys, a busy timeout), and no error it raises
carries the statement's values."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import create_engine

from chibo.store.pragmas import BUSY_TIMEOUT_MS, apply_pragmas


def _configure_connection(dbapi_connection, _record) -> None:
    # pysqlite opens transactions lazily and behind our back; take control so BEGIN is explicit
    # and a transaction covers its reads too (SQLAlchemy's documented recipe).
    dbapi_connection.isolation_level = None
    apply_pragmas(dbapi_connection)


def _begin(connection) -> None:
    connection.exec_driver_sql("BEGIN")


def make_engine(path: Path) -> Engine:
    # hide_parameters: an error's text (which reaches the log) never carries the values of the
    # statement: members' names, birth dates and card numbers, decrypted from a sealed bundle.
    engine = create_engine(
        f"sqlite:///{path}",
        connect_args={"check_same_thread": False, "timeout": BUSY_TIMEOUT_MS / 1000},
        hide_parameters=True,
    )
    event.listen(engine, "connect", _configure_connection)
    event.listen(engine, "begin", _begin)
    return engine
