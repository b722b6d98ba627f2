import hashlib
import re
import sqlite3
from datetime import datetime, timedelta
from pathlib import Path

import pytest
from sqlmodel import select

from chibo.errors import BookLockedError, ChiboError, SchemaTooNewError
from chibo.services import members
from chibo.store import backup as backups
from chibo.store import schema
from chibo.store.book import Book
from chibo.store.models import Member, MemberStatusChange, RevCounter
from chibo.store.records import ForeignRecordError, tombstone


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_new_book_is_migrated_to_head_with_safe_pragmas(tmp_path):
    with Book.open(tmp_path) as book, book.engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA journal_mode").scalar() == "wal"
        assert conn.exec_driver_sql("PRAGMA synchronous").scalar() == 2  # FULL
        assert conn.exec_driver_sql("PRAGMA foreign_keys").scalar() == 1
    assert schema.read_revision(tmp_path / "chibo.sqlite") == schema.SCHEMA_HEAD


def test_known_revisions_match_the_migration_scripts_shipped():
    scripts = sorted(p.name for p in (schema.migrations_folder() / "versions").glob("[0-9]*.py"))
    revisions = [re.search(r"^revision = '([^']+)'", (schema.migrations_folder() / "versions" / s).read_text(), re.M).group(1)
                 for s in scripts]
    assert tuple(revisions) == schema.SCHEMA_REVISIONS


def test_database_from_a_newer_chibo_is_refused_and_left_byte_for_byte(tmp_path):
    with Book.open(tmp_path):
        pass
    path = tmp_path / "chibo.sqlite"
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = '0999'")
    conn.commit()
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.execute("PRAGMA journal_mode=DELETE")
    conn.close()
    before = _sha(path)
    with pytest.raises(SchemaTooNewError, match="phiên bản chibo mới hơn"):
        Book.open(tmp_path)
    assert _sha(path) == before
    assert not (tmp_path / "chibo.sqlite-wal").exists()


def test_a_file_that_is_not_a_book_is_refused_clearly(tmp_path):
    (tmp_path / "chibo.sqlite").write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(ChiboError, match="không phải sổ dữ liệu chibo"):
        Book.open(tmp_path)


def test_second_opener_of_a_folder_is_refused(book):
    with pytest.raises(BookLockedError, match="đang mở sổ này"):
        Book.open(book.folder)


def test_every_insert_and_update_takes_the_next_rev_of_the_owner(book):
    with book.session() as db:
        a = members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020")
        first = a.rev
        b = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
        assert b.rev > first
        assert a.unit_id == book.local_unit_id
    with book.session() as db:
        members.edit_member(db, a.id, phone="0912345678")
    with book.session() as db:
        edited = db.get(Member, a.id)
        last = db.get(RevCounter, book.local_unit_id).last_rev
        assert edited.rev == last > b.rev
        # an unchanged flush takes no rev
        db.add(edited)
    with book.session() as db:
        assert db.get(RevCounter, book.local_unit_id).last_rev == last


def test_synced_rows_are_tombstoned_never_deleted(book):
    with book.session() as db:
        a = members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020")
    with pytest.raises(RuntimeError, match="tombstoned"), book.session() as db:
        db.delete(db.get(Member, a.id))
    with book.session() as db:
        row = db.get(Member, a.id)
        rev = row.rev
        tombstone(db, row)
    with book.session() as db:
        row = db.get(Member, a.id)
        assert row.deleted_at is not None and row.rev > rev


def test_records_of_another_unit_cannot_be_changed_here(book):
    with book.session() as db:
        a = members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020")
    with book.engine.begin() as conn:
        conn.exec_driver_sql("INSERT INTO unit (id, unit_id, rev, updated_at, name, code, superior_name, place_name, role) "
                             "VALUES ('other', 'other', 1, '2026-01-01', 'Chi bộ khác', 'KHAC', '', '', 'cell')")
        conn.exec_driver_sql(f"UPDATE member SET unit_id = 'other' WHERE id = '{a.id}'")
    with pytest.raises(ForeignRecordError), book.session() as db:
        row = db.get(Member, a.id)
        row.phone = "0900000000"
        db.add(row)


def test_backup_rotation_keeps_daily_weekly_monthly(tmp_path):
    now = datetime(2026, 11, 21, 9, 0)
    fake = []
    for days in range(0, 400, 1):
        made = now - timedelta(days=days)
        fake.append(backups.BackupFile(tmp_path / f"{days}.sqlite", made, True))
    keep = backups.backups_to_keep(fake, now)
    kept_days = sorted(int(p.stem) for p in keep)
    assert kept_days[:7] == [0, 1, 2, 3, 4, 5, 6]  # the last 7 days
    assert len(keep) <= 7 + 4 + 12
    assert max(kept_days) < 31 * 12 + 1  # nothing older than a year
    months = {(now - timedelta(days=d)).strftime("%Y-%m") for d in kept_days}
    assert len(months) >= 12


def test_daily_backup_is_made_once_a_day_and_rotation_never_deletes_manual_ones(tmp_path, book):
    folder = tmp_path / "bk"
    manual = backups.make_backup(book.database, folder, now=datetime(2020, 1, 1))
    first = backups.maybe_backup(book.database, folder, now=datetime(2026, 11, 21, 8))
    again = backups.maybe_backup(book.database, folder, now=datetime(2026, 11, 21, 17))
    assert first is not None and again is None
    for days in range(1, 60):
        backups.make_backup(book.database, folder, automatic=True, now=datetime(2026, 11, 21) - timedelta(days=days))
    backups.rotate(folder, now=datetime(2026, 11, 21, 18))
    remaining = backups.list_backups(folder)
    assert manual.path.exists()
    assert sum(b.automatic for b in remaining) <= 7 + 4 + 12
    assert not list(folder.glob("*.partial"))


def test_restore_brings_back_the_old_state_and_keeps_the_current_one(book, tmp_path):
    with book.session() as db:
        members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020")
    saved = backups.make_backup(book.database, tmp_path / "bk")
    with book.session() as db:
        members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    folder = book.folder
    book.close()
    safety = backups.restore(saved.path, folder / "chibo.sqlite", folder / "backups")
    with Book.open(folder) as reopened, reopened.session() as db:
        assert [m.full_name for m in db.exec(select(Member))] == ["Lò Văn An"]
    assert safety is not None and safety.path.exists()
    conn = sqlite3.connect(safety.path)
    assert conn.execute("SELECT count(*) FROM member").fetchone()[0] == 2
    conn.close()


def test_restore_refuses_a_damaged_backup_and_leaves_the_book(book, tmp_path):
    with book.session() as db:
        members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020")
    broken = tmp_path / "broken.sqlite"
    good = backups.make_backup(book.database, tmp_path / "bk")
    data = bytearray(good.path.read_bytes())
    for page in range(1, len(data) // 4096):  # ruin the b-tree header of every page but the first
        data[page * 4096 : page * 4096 + 8] = b"\x0d\xff\xff\xff\xff\xff\xff\xff"
    broken.write_bytes(bytes(data))
    folder = book.folder
    book.close()
    with pytest.raises(ChiboError, match=r"hỏng|không phải"):
        backups.restore(broken, folder / "chibo.sqlite", folder / "backups")
    with pytest.raises(ChiboError, match=r"không chứa dữ liệu|không phải"):
        empty = tmp_path / "empty.sqlite"
        empty.write_bytes(b"")
        backups.restore(empty, folder / "chibo.sqlite", folder / "backups")
    with Book.open(folder) as reopened, reopened.session() as db:
        assert len(db.exec(select(MemberStatusChange)).all()) == 1


def test_two_backups_in_one_second_never_overwrite_each_other(book):
    from datetime import datetime

    from chibo.store import backup as backups

    now = datetime(2026, 11, 21, 9, 30, 0)
    first = backups.make_backup(book.database, book.backups, now=now)
    first_bytes = first.path.read_bytes()
    second = backups.make_backup(book.database, book.backups, now=now)
    assert first.path != second.path and first.path.read_bytes() == first_bytes
    assert [b.path for b in backups.list_backups(book.backups) if not b.automatic] == [second.path, first.path]
