"""Backups made with SQLite's online backup API, rotated daily / weekly / monthly, and restore.

A copy is written to a temporary name, synced to disk and renamed, so a power cut leaves either
no backup or a whole one, never half a file that looks like a backup.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from chibo.errors import ChiboError
from chibo.store.files import fsync_dir

AUTO_PREFIX = "tu-dong-"
MANUAL_PREFIX = "sao-luu-"
_STAMP = "%Y%m%d-%H%M%S"


@dataclass(frozen=True)
class BackupFile:
    path: Path
    made_at: datetime
    automatic: bool

    @property
    def size(self) -> int:
        return self.path.stat().st_size


def copy_database(source: Path, destination: Path) -> Path:
    """Copy a live database (WAL included) to `destination`, whole or not at all."""
    destination.parent.mkdir(parents=True, exist_ok=True)
    partial = destination.with_name(destination.name + ".partial")
    partial.unlink(missing_ok=True)
    src = sqlite3.connect(source)
    try:
        dst = sqlite3.connect(partial)
        try:
            src.backup(dst)
            dst.execute("PRAGMA journal_mode=DELETE")  # a backup is one self-contained file
        finally:
            dst.close()
    finally:
        src.close()
    _fsync(partial)
    os.replace(partial, destination)
    fsync_dir(destination.parent)
    return destination


def _fsync(path: Path) -> None:
    with open(path, "r+b") as handle:  # Windows flushes only a handle open for writing (else EACCES)
        os.fsync(handle.fileno())


def list_backups(folder: Path) -> list[BackupFile]:
    """Backups in the folder, newest first."""
    found = []
    if not folder.is_dir():
        return found
    for path in folder.glob("*.sqlite"):
        for prefix, automatic in ((AUTO_PREFIX, True), (MANUAL_PREFIX, False)):
            if path.name.startswith(prefix):
                try:
                    made = datetime.strptime(path.stem[len(prefix) :], _STAMP)
                except ValueError:
                    continue
                found.append(BackupFile(path, made, automatic))
    found.sort(key=lambda b: b.made_at, reverse=True)
    return found


def make_backup(database: Path, folder: Path, *, automatic: bool = False, now: datetime | None = None) -> BackupFile:
    now = (now or datetime.now()).replace(microsecond=0)
    prefix = AUTO_PREFIX if automatic else MANUAL_PREFIX
    path = folder / f"{prefix}{now.strftime(_STAMP)}.sqlite"
    while path.exists():  # two in one second (a backup, then a restore's safety copy): never overwrite one
        now += timedelta(seconds=1)
        path = folder / f"{prefix}{now.strftime(_STAMP)}.sqlite"
    copy_database(database, path)
    return BackupFile(path, now, automatic)


def backups_to_keep(backups: list[BackupFile], now: datetime, daily: int = 7, weekly: int = 4, monthly: int = 12) -> set[Path]:
    """The automatic backups the rotation keeps: the newest of each of the last `daily` days,
    of each of the last `weekly` ISO weeks and of each of the last `monthly` months."""
    keep: set[Path] = set()
    buckets = (
        (daily, lambda d: d.date(), timedelta(days=daily)),
        (weekly, lambda d: tuple(d.isocalendar())[:2], timedelta(weeks=weekly)),
        (monthly, lambda d: (d.year, d.month), timedelta(days=31 * monthly)),
    )
    for count, bucket_of, horizon in buckets:
        seen = set()
        for backup in sorted(backups, key=lambda b: b.made_at, reverse=True):
            bucket = bucket_of(backup.made_at)
            if bucket in seen or now - backup.made_at > horizon:
                continue
            seen.add(bucket)
            if len(seen) <= count:
                keep.add(backup.path)
    return keep


def rotate(folder: Path, now: datetime | None = None) -> list[Path]:
    """Delete the automatic backups the rotation no longer keeps; manual ones are never touched."""
    now = now or datetime.now()
    automatic = [b for b in list_backups(folder) if b.automatic]
    keep = backups_to_keep(automatic, now)
    removed = []
    for backup in automatic:
        if backup.path not in keep:
            backup.path.unlink(missing_ok=True)
            removed.append(backup.path)
    return removed


def maybe_backup(database: Path, folder: Path, now: datetime | None = None) -> BackupFile | None:
    """Make today's automatic backup if there is none yet, then rotate."""
    now = now or datetime.now()
    if not database.exists():
        return None
    latest = next((b for b in list_backups(folder) if b.automatic), None)
    made = None
    if latest is None or latest.made_at.date() != now.date():
        made = make_backup(database, folder, automatic=True, now=now)
    rotate(folder, now)
    return made


def check_backup_file(path: Path) -> str | None:
    """Refuse anything that is not a whole chibo book; returns its schema revision."""
    from chibo.store.schema import check_not_newer, read_revision

    if not path.is_file():
        raise ChiboError(f"Không tìm thấy tệp sao lưu {path}. Hãy chọn lại tệp.")
    revision = read_revision(path)
    if revision is None:
        raise ChiboError(f"Tệp {path.name} không chứa dữ liệu chibo nào. Hãy chọn một tệp sao lưu khác.")
    check_not_newer(revision, path)
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        result = conn.execute("PRAGMA integrity_check").fetchone()[0]
    except sqlite3.DatabaseError as exc:
        result = str(exc)
    finally:
        conn.close()
    if result != "ok":
        raise ChiboError(
            f"Tệp sao lưu {path.name} bị hỏng nên không thể khôi phục. Hãy chọn một bản sao lưu khác.",
            detail=result,
        )
    return revision


def restore(backup: Path, database: Path, folder: Path) -> BackupFile | None:
    """Put a backup in place of the book; the caller holds the book's lock and no connection.

    The current book is saved first, so a restore can itself be undone (a book too broken to
    copy through SQLite is saved byte for byte). The backup is copied beside the book, synced,
    and renamed over it: a power cut leaves the old book or the new one, never a mix."""
    check_backup_file(backup)
    safety = None
    if database.exists():
        try:
            safety = make_backup(database, folder, automatic=False)
        except sqlite3.DatabaseError:
            raw = folder / f"hong-{datetime.now().strftime(_STAMP)}.sqlite.bak"
            folder.mkdir(parents=True, exist_ok=True)
            shutil.copy2(database, raw)
    incoming = copy_database(backup, database.with_name(database.name + ".restoring"))
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, database)
    fsync_dir(database.parent)
    return safety
