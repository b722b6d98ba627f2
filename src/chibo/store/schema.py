"""Schema versions: which revision a book file holds, and a book from a newer chibo refused.

The version check reads the file through a read-only connection before anything else touches it
(even `PRAGMA journal_mode=WAL` writes to the header), so a refused database keeps every byte.
The upgrade itself (a backup first, then Alembic) is `store.migrate`, which uses both this module
and `store.backup`; backups check a file's revision here, so neither imports the other back.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

from chibo.errors import ChiboError, DamagedBookError, SchemaTooNewError, disk_full, is_disk_full

# Every revision this chibo knows, oldest first; the last is the head. A test checks this list
# against the Alembic scripts shipped in the package.
SCHEMA_REVISIONS: tuple[str, ...] = ("0001", "0002", "0003")
SCHEMA_HEAD = SCHEMA_REVISIONS[-1]


def read_revision(path: Path) -> str | None:
    """The schema revision stored in the book, None for an empty or new file."""
    path = Path(path).resolve()  # a URI needs an absolute path: `chibo restore ./b.sqlite`
    if not path.exists() or path.stat().st_size == 0:
        return None
    try:
        conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
        try:
            tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
            if not tables:
                return None
            if "alembic_version" not in tables:
                raise _not_a_book(path, "no alembic_version table")
            row = conn.execute("SELECT version_num FROM alembic_version").fetchone()
            return row[0] if row else None
        finally:
            conn.close()
    except sqlite3.DatabaseError as exc:
        raise unreadable(path, exc) from exc


def unreadable(path: Path, exc: Exception) -> ChiboError:
    """Why SQLite could not read the file, told apart: a full disk, a folder chibo may not write
    (SQLite needs the WAL's shared-memory file beside the book), or a file that is not a whole book.
    A full disk must never be reported as damage: that pushes people to restore over good data."""
    folder = path.parent
    try:
        full = shutil.disk_usage(folder).free < 256 * 1024
    except OSError:
        full = False
    if is_disk_full(exc) or (full and isinstance(exc, sqlite3.OperationalError)):
        return disk_full(folder)
    if isinstance(exc, sqlite3.OperationalError) and not os.access(folder, os.W_OK):
        return ChiboError(f"Không ghi được vào thư mục “{folder}” (ổ đĩa chỉ đọc hoặc không có quyền ghi), mà SQLite "
                          "cần ghi tệp phụ bên cạnh sổ để đọc nó. Hãy chép thư mục sang ổ ghi được; dữ liệu chưa bị "
                          "thay đổi.", detail=f"{path}: {exc}")
    if isinstance(exc, sqlite3.OperationalError) and "malformed" not in str(exc) and "not a database" not in str(exc):
        return ChiboError(f"Không đọc được sổ {path.name}: ổ đĩa báo lỗi khi đọc. Hãy kiểm tra ổ đĩa rồi thử lại; "
                          "chưa có gì bị thay đổi.", detail=f"{path}: {exc}")
    return _not_a_book(path, exc)


class NotABookError(DamagedBookError):
    """What SQLite read is not a whole chibo book; the book's opener adds which backup to restore."""


def _not_a_book(path: Path, detail) -> NotABookError:
    return NotABookError(f"Tệp {path.name} không phải sổ dữ liệu chibo hoặc đã bị hỏng.", detail=f"{path}: {detail}")


def check_not_newer(revision: str | None, path: Path) -> None:
    if revision is not None and revision not in SCHEMA_REVISIONS:
        raise SchemaTooNewError(
            f"Sổ dữ liệu {path.name} do một phiên bản chibo mới hơn ghi (lược đồ {revision}). "
            "Hãy cài chibo bản mới hơn để mở nó; dữ liệu vẫn còn nguyên, chưa bị thay đổi.",
            detail=f"{path}: revision {revision} not in {SCHEMA_REVISIONS}",
        )


def migrations_folder() -> Path:
    return Path(__file__).with_name("migrations")
