"""Backups made with SQLite's online backup API, rotated daily / weekly / monthly, and restore.

A copy is written to a temporary name, checked, synced to disk and renamed, so a power cut leaves
either no backup or a whole one, never half a file that looks like a backup. A book is checked
(PRAGMA quick_check) before it is copied: a damaged book is never backed up, so it cannot push the
good backups out of the rotation, and the error names the newest good backup to restore.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timedelta
from pathlib import Path

from chibo.errors import ChiboError, DamagedBookError, disk_full, is_disk_full
from chibo.store.files import create_private, fsync_dir, private_folder

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


class CopyNotWhole(ChiboError):
    """A copy that does not read back whole: the disk, not the book."""


def quick_check(path: Path, *, read_only: bool = True) -> str:
    """"ok", or what SQLite finds wrong with the file (PRAGMA quick_check: every page readable and
    every b-tree well formed, in a fraction of integrity_check's time). The live book is opened
    read-write (its WAL needs it) but nothing is written."""
    path = Path(path).resolve()
    if not path.is_file():
        return "no such file"  # sqlite3.connect would make an empty one
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True) if read_only else sqlite3.connect(path)
    except sqlite3.Error as exc:
        return str(exc)
    try:
        rows = conn.execute("PRAGMA quick_check").fetchall()
        return "ok" if rows == [("ok",)] else "; ".join(str(row[0]) for row in rows[:5])
    except sqlite3.DatabaseError as exc:
        return str(exc)
    finally:
        conn.close()


def is_good_backup(path: Path) -> bool:
    """A whole chibo book: it passes quick_check and carries a schema revision."""
    from chibo.store.schema import read_revision

    try:
        return quick_check(path) == "ok" and read_revision(path) is not None
    except ChiboError:
        return False


def copy_database(source: Path, destination: Path, *, verify: bool = True) -> Path:
    """Copy a live database (WAL included) to `destination`, whole or not at all: the copy is
    checked before it takes its name, and nothing is left behind when anything fails (a full disk
    is named as such)."""
    if not destination.parent.exists():
        private_folder(destination.parent)
    partial = destination.with_name(destination.name + ".partial")
    try:
        partial.unlink(missing_ok=True)
        create_private(partial)
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
        if verify:
            problem = quick_check(partial)
            if problem != "ok":
                raise CopyNotWhole(f"Bản sao lưu vừa ghi vào “{destination.parent}” đọc lại không nguyên vẹn nên "
                                   "đã bị xóa. Hãy kiểm tra ổ đĩa rồi sao lưu lại.", detail=problem)
        _fsync(partial)
        os.replace(partial, destination)
    except BaseException as exc:
        with contextlib.suppress(OSError):  # the folder itself is gone or read-only: there is no partial file
            partial.unlink(missing_ok=True)
        if is_disk_full(exc):
            raise disk_full(destination.parent) from exc
        raise
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


def newest_good_backup(folder: Path) -> BackupFile | None:
    """The newest backup that is a whole chibo book (each is checked, newest first)."""
    return next((backup for backup in list_backups(folder) if is_good_backup(backup.path)), None)


def damaged_book(database: Path, folder: Path, what: str, problem: str = "") -> DamagedBookError:
    """The sentence for a book that cannot be used: `what` happened, then the newest good backup by
    name and how to restore it, or where else to look."""
    from chibo.text import format_date

    good = newest_good_backup(folder)
    if good is None:
        advice = (f"Thư mục sao lưu {folder} không có bản sao lưu tốt nào: hãy tìm bản sao lưu đã chép ra USB "
                  "(chibo backup --to) rồi khôi phục bằng lệnh chibo restore TỆP.")
    else:
        advice = (f"Bản sao lưu tốt gần nhất: {good.path.name} (lúc {good.made_at:%H:%M} ngày "
                  f"{format_date(good.made_at.date())}). Hãy khôi phục bản đó (trong ứng dụng: nút “Khôi phục bản đã "
                  f"chọn”; trên dòng lệnh: chibo restore \"{good.path}\"); sổ hiện tại được giữ lại bên cạnh.")
    return DamagedBookError(f"{what} {advice}", detail=f"{database}: {problem}", good_backup=good.path if good else None)


def make_backup(database: Path, folder: Path, *, automatic: bool = False, now: datetime | None = None) -> BackupFile:
    """Check the book, then copy it. A damaged book raises DamagedBookError and is not copied."""
    problem = quick_check(database, read_only=False)
    if problem != "ok":
        raise damaged_book(database, folder, f"Sổ dữ liệu {database.name} có trang bị hỏng nên chibo không sao lưu "
                           "nó (bản hỏng sẽ đẩy các bản sao lưu tốt ra khỏi vòng lưu) và không dùng tiếp nó.", problem)
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
    newest = max(backups, key=lambda b: b.made_at, default=None)
    if newest is not None:  # made and checked by the last backup: whatever the dates, it stays
        keep.add(newest.path)
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
    """Make today's automatic backup if there is none yet, then rotate. A damaged book raises
    DamagedBookError; a backup that cannot be written raises (a full disk DiskFullError) before
    anything is rotated away."""
    now = now or datetime.now()
    if not database.exists():
        return None
    made = None
    if not backed_up_today(folder, now):
        made = make_backup(database, folder, automatic=True, now=now)
    rotate(folder, now)
    return made


def backed_up_today(folder: Path, now: datetime | None = None) -> bool:
    """Whether today's automatic backup (made once the book passed its check) is in `folder`."""
    latest = next((b for b in list_backups(folder) if b.automatic), None)
    return latest is not None and latest.made_at.date() == (now or datetime.now()).date()


def damaged_pages(database: Path, folder: Path, error: Exception) -> DamagedBookError:
    """Pages damaged since today's check (a power cut, a failing disk), found while reading: the book
    named as damaged, with the newest good backup, never "an unexpected error"."""
    return damaged_book(database, folder, f"Sổ dữ liệu {database.name} có trang bị hỏng (chibo không đọc được một "
                        "phần của tệp); chưa ghi gì thêm vào sổ.", str(getattr(error, "orig", None) or error))


def check_backup_file(path: Path) -> str | None:
    """Refuse anything that is not a whole chibo book; returns its schema revision."""
    from chibo.store.schema import check_not_newer, read_revision

    path = Path(path).expanduser().resolve()
    if path.is_dir():
        raise ChiboError(f"“{path}” là một thư mục. Hãy chọn tệp sao lưu (.sqlite) ở trong đó.")
    if not path.is_file():
        raise ChiboError(f"Không tìm thấy tệp sao lưu {path}. Hãy chọn lại tệp.")
    try:
        revision = read_revision(path)
    except DamagedBookError as error:
        raise ChiboError(f"Tệp {path.name} không phải sổ dữ liệu chibo hoặc đã bị hỏng nên không thể khôi phục. Hãy "
                         "chọn một bản sao lưu khác.", detail=error.detail) from error
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

    The current book is saved first and returned, so a restore can itself be undone (a damaged book
    is saved byte for byte, beside the backups, not among them); an empty book has nothing to save.
    The backup is copied beside the book, synced, and renamed over it: a power cut leaves the old
    book or the new one, never a mix."""
    backup = Path(backup).expanduser().resolve()
    check_backup_file(backup)
    safety = None
    if database.exists() and database.stat().st_size > 0:
        try:
            safety = make_backup(database, folder, automatic=False)
        except (DamagedBookError, CopyNotWhole, sqlite3.DatabaseError):
            private_folder(folder)
            now = datetime.now().replace(microsecond=0)
            raw = folder / f"hong-{now.strftime(_STAMP)}.sqlite.bak"  # not named like a backup: never offered as one
            for suffix in ("", "-wal"):
                if database.with_name(database.name + suffix).exists():
                    shutil.copy2(database.with_name(database.name + suffix), raw.with_name(raw.name + suffix))
            safety = BackupFile(raw, now, automatic=False)
    incoming = copy_database(backup, database.with_name(database.name + ".restoring"), verify=False)
    for suffix in ("-wal", "-shm"):
        database.with_name(database.name + suffix).unlink(missing_ok=True)
    os.replace(incoming, database)
    fsync_dir(database.parent)
    return safety


def restore_into(folder: Path, backup: Path) -> BackupFile | None:
    """Restore a data folder's book without opening it (a damaged book cannot be), under its lock."""
    from chibo import paths
    from chibo.store.files import open_data_folder
    from chibo.store.lock import InstanceLock

    open_data_folder(folder)
    with InstanceLock(folder):
        return restore(backup, paths.database_path(folder), paths.backup_dir(folder))


def checked_backups(folder: Path) -> list[tuple[BackupFile, bool]]:
    """Every backup, newest first, each with whether it is a whole chibo book."""
    return [(backup, is_good_backup(backup.path)) for backup in list_backups(folder)]
