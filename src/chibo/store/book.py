"""A book: one data folder with its database, opened by one chibo at a time.

Opening takes the folder's lock, refuses a database from a newer chibo untouched, migrates an
older one (backing it up first) and hands out database sessions stamped with the local unit.
A book that cannot be used (damaged pages, 0 bytes, gone while backups remain) is refused with
the newest good backup named, never taken for a new one; a daily backup that cannot be written
is a warning (`Book.warnings`), never a reason not to open.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from chibo import paths
from chibo.errors import ChiboError, DamagedBookError, disk_full, is_damaged_database, is_disk_full
from chibo.store import migrate, records, schema
from chibo.store.engine import make_engine
from chibo.store.files import create_private, folder_error, open_data_folder, tighten
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
        self.warnings: list[str] = []  # said once after opening (a daily backup that could not be made)

    @classmethod
    def open(cls, folder: Path, *, lock: bool = True) -> Book:
        book = cls(folder, lock=lock)
        open_data_folder(book.folder)
        if book._lock:
            try:
                book._lock.acquire()
            except OSError as error:
                raise folder_error(book.folder, error) from error
        tighten(book.folder)  # a folder written by an older chibo was world-readable
        try:
            book._attach()
            if book.local_unit_id and book._lock:
                book._daily_backup()
        except BaseException:
            book.close()
            raise
        return book

    @classmethod
    def open_for_reading(cls, folder: Path) -> Book:
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

    def _daily_backup(self) -> None:
        """Today's backup, made once the book passed its check. Damage stops the opening; any other
        failure (a full or read-only disk) is only a warning: the book itself is fine."""
        from chibo.store.backup import maybe_backup

        try:
            maybe_backup(self.database, self.backups)
        except DamagedBookError:
            raise
        except Exception as error:
            log.warning("daily backup failed: %s (%s)", type(error).__name__, getattr(error, "detail", None) or error)
            reason = error.message if isinstance(error, ChiboError) else "không ghi được vào thư mục sao lưu."
            self.warnings.append(f"Hôm nay chưa sao lưu được sổ: {reason} Sổ vẫn dùng bình thường; chibo sẽ thử lại "
                                 "lần mở sau.")

    def _attach(self) -> None:
        from chibo.store.backup import damaged_book, list_backups

        if not self.database.exists() or self.database.stat().st_size == 0:
            found = list_backups(self.backups)
            if found:  # a book that vanished or was emptied is not a new book: never write a schema over it
                what = ("rỗng (0 byte), có lẽ do mất điện hay ổ đĩa lỗi khi đang ghi" if self.database.exists()
                        else f"không còn trong thư mục {self.folder}")
                raise damaged_book(self.database, self.backups,
                                   f"Sổ dữ liệu {self.database.name} {what}, trong khi thư mục sao lưu còn "
                                   f"{len(found)} bản; chibo không tạo sổ mới đè lên.", "empty or missing")
            create_private(self.database)
        try:
            # Check the version before the engine exists: its PRAGMAs would write to the file.
            schema.check_not_newer(schema.read_revision(self.database), self.database)
            self.engine = make_engine(self.database)
            backup = migrate.upgrade(self.engine, self.database, self.backups)
            if backup:
                log.info("upgraded %s, previous schema saved to %s", self.database, backup)
            self.local_unit_id = self.get_setting(LOCAL_UNIT_SETTING)
        except schema.NotABookError as error:
            raise damaged_book(self.database, self.backups, error.message, error.detail or "") from error
        except ChiboError:
            raise
        except Exception as error:
            raise self._storage_error(error) from error

    def _storage_error(self, error: Exception) -> Exception:
        """SQLite's failures while opening, in words: a full disk, a damaged file, else as they are."""
        import sqlite3

        from sqlalchemy.exc import DBAPIError

        from chibo.store.backup import damaged_book

        if is_disk_full(error):
            return disk_full(self.folder)
        original = error.orig if isinstance(error, DBAPIError) else error
        if isinstance(original, sqlite3.DatabaseError):
            translated = schema.unreadable(self.database, original)
            if isinstance(translated, schema.NotABookError):
                return damaged_book(self.database, self.backups, translated.message, str(original))
            return translated
        return error

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

    def __enter__(self) -> Book:
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
        except BaseException as error:
            db.rollback()
            if is_disk_full(error) and not isinstance(error, ChiboError):  # SQLITE_FULL: rolled back, nothing written
                raise disk_full(self.folder) from error
            if is_damaged_database(error) and not isinstance(error, ChiboError):
                from chibo.store.backup import damaged_pages

                raise damaged_pages(self.database, self.backups, error) from error
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

