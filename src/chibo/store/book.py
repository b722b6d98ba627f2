"""A book: one data folder with its database, opened by one chibo at a time.

Opening takes the folder's lock, refuses a database from a newer chibo untouched, migrates an
older one (backing it up first) and hands out database sessions stamped with the local unit.
"""

from __future__ import annotations

import json
import logging
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from chibo import paths
from chibo.store import records, schema
from chibo.store.engine import make_engine
from chibo.store.lock import InstanceLock
from chibo.store.models import Setting

log = logging.getLogger(__name__)

LOCAL_UNIT_SETTING = "local_unit_id"


class Book:
    def __init__(self, folder: Path, *, lock: bool = True):
        self.folder = Path(folder).resolve()
        self.database = paths.database_path(self.folder)
        self.backups = paths.backup_dir(self.folder)
        self._lock = InstanceLock(self.folder) if lock else None
        self.engine = None
        self.local_unit_id: str | None = None

    @classmethod
    def open(cls, folder: Path, *, lock: bool = True) -> "Book":
        book = cls(folder, lock=lock)
        book.folder.mkdir(parents=True, exist_ok=True)
        if book._lock:
            book._lock.acquire()
        try:
            book._attach()
            if book.local_unit_id and book._lock:
                from chibo.store.backup import maybe_backup

                maybe_backup(book.database, book.backups)
        except BaseException:
            book.close()
            raise
        return book

    @classmethod
    def open_for_reading(cls, folder: Path) -> "Book":
        """For a command that only reads: opened as usual when the folder is free; beside the chibo
        that has it open otherwise, without its lock (SQLite's WAL lets readers in while one writer
        works). Such a reader never migrates or backs up the book: one that needs an upgrade waits
        for the lock."""
        from chibo.errors import BookLockedError

        try:
            return cls.open(folder)
        except BookLockedError as locked:
            book = cls(folder, lock=False)
            if schema.read_revision(book.database) != schema.SCHEMA_HEAD:
                raise locked from None
        book.engine = make_engine(book.database)
        book.local_unit_id = book.get_setting(LOCAL_UNIT_SETTING)
        return book

    def _attach(self) -> None:
        # Check the version before the engine exists: its PRAGMAs would write to the file.
        schema.check_not_newer(schema.read_revision(self.database), self.database)
        self.engine = make_engine(self.database)
        backup = schema.upgrade(self.engine, self.database, self.backups)
        if backup:
            log.info("upgraded %s, previous schema saved to %s", self.database, backup)
        self.local_unit_id = self.get_setting(LOCAL_UNIT_SETTING)

    def restore_from(self, backup: Path):
        """Put a backup in place of this open book (the lock stays held). The book as it was is
        saved first and returned, so the restore can itself be undone; a refused file changes nothing."""
        from chibo.store.backup import check_backup_file, restore

        check_backup_file(Path(backup))
        self.engine.dispose()
        self.engine = None
        try:
            return restore(Path(backup), self.database, self.backups)
        finally:
            self._attach()

    def close(self) -> None:
        if self.engine is not None:
            self.engine.dispose()
            self.engine = None
        if self._lock:
            self._lock.release()

    def __enter__(self) -> "Book":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def session(self) -> Iterator[records.BookSession]:
        """A unit of work: committed when the block ends normally, rolled back on any error."""
        db = records.BookSession(self.engine, expire_on_commit=False)
        db.info[records.LOCAL_UNIT] = self.local_unit_id
        try:
            yield db
            db.commit()
        except BaseException:
            db.rollback()
            raise
        finally:
            db.close()

    def get_setting(self, key: str, default=None):
        with self.session() as db:
            return get_setting(db, key, default)

    def set_setting(self, key: str, value) -> None:
        with self.session() as db:
            set_setting(db, key, value)


def get_setting(db, key: str, default=None):
    row = db.get(Setting, key)
    return json.loads(row.value) if row else default


def set_setting(db, key: str, value) -> None:
    row = db.get(Setting, key) or Setting(key=key, value="null")
    row.value = json.dumps(value, ensure_ascii=False)
    db.add(row)

