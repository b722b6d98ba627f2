"""Schema upgrades on a book written by an earlier release: `tests/data/book-0001.sqlite` was
written by chibo 0.1.0 at schema 0001 (a 12-member demo cell: `chibo demo --members 12 --months 3
--seed 3`, one minutes and one study report printed); `tests/data/book-0002.sqlite` at schema 0002
(a receiving book holding two small demo cells imported from their bundles, built by
`tests/data/make_book_0002.py`). Keep one such book per released schema."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel, select

import chibo.store.models  # noqa: F401  (registers every table)
from chibo.services.agenda import speeches
from chibo.store import migrate, schema
from chibo.store.backup import list_backups
from chibo.store.book import Book
from chibo.store.models import (
    BundleLog,
    BundleReview,
    CellSession,
    ClosedPeriod,
    KnownKey,
    Member,
    SessionArrival,
    Speech,
)

DATA = Path(__file__).with_name("data")
TABLES_0001 = ("member", "member_status_change", "presenter", "document", "session", "session_document",
               "attendance", "speech", "essay", "action_plan", "action_item", "outreach", "unit", "setting",
               "rev_counter", "known_unit", "bundle_log")


def _rows(path: Path, tables: tuple[str, ...] = TABLES_0001) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"{path.as_uri()}?mode=ro", uri=True)
    try:
        result = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
            names = ", ".join(f'"{c}"' for c in columns)
            result[table] = sorted(conn.execute(f'SELECT {names} FROM "{table}"').fetchall(), key=repr)
        return result
    finally:
        conn.close()


def _open_copy(tmp_path: Path, name: str = "book-0001.sqlite") -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    shutil.copy(DATA / name, folder / "chibo.sqlite")
    return folder


def test_a_0001_book_upgrades_to_head_with_every_row_intact_and_a_backup_first(tmp_path):
    folder = _open_copy(tmp_path)
    original = DATA / "book-0001.sqlite"
    before = _rows(original)
    assert schema.read_revision(folder / "chibo.sqlite") == "0001"
    with Book.open(folder) as book:
        assert schema.read_revision(book.database) == schema.SCHEMA_HEAD == "0003"
        with book.session() as db:
            assert len(db.exec(select(Member)).all()) == 12
            assert len(db.exec(select(CellSession)).all()) == 5
            said = db.exec(select(Speech)).all()
            assert len(said) == 9 and all(s.agenda_item_id is None for s in said)
            # A session of the old book still reads its one discussion in order.
            with_speeches = next(m for m in db.exec(select(CellSession)) if speeches(db, m.id))
            positions = [s.position for s in speeches(db, with_speeches.id)]
            assert positions == sorted(positions)
    after = _rows(folder / "chibo.sqlite")
    for table in TABLES_0001:
        # Every old column of every old row is kept; session and speech gain one column each, at the end.
        width = len(before[table][0]) if before[table] else 0
        assert [row[:width] for row in after[table]] == before[table], table
    # The book as it was is kept, byte for byte the same rows, before the upgrade touched it.
    saved = list((folder / "backups").glob("truoc-nang-cap-0001-*.sqlite"))
    assert len(saved) == 1
    assert schema.read_revision(saved[0]) == "0001"
    assert _rows(saved[0]) == before
    assert list_backups(folder / "backups")  # and the day's automatic backup, at the new schema


def test_the_upgraded_schema_is_exactly_what_the_models_describe(tmp_path):
    folder = _open_copy(tmp_path)
    with Book.open(folder) as book, book.engine.connect() as connection:
        differences = compare_metadata(MigrationContext.configure(connection), SQLModel.metadata)
    assert differences == []


def test_known_units_keep_their_key_as_the_first_entry_of_the_key_history(tmp_path):
    folder = _open_copy(tmp_path)
    conn = sqlite3.connect(folder / "chibo.sqlite")
    conn.execute("INSERT INTO known_unit (unit_id, name, signing_key, encryption_key, fingerprint, approval, "
                 "first_seen_at, approved_at, last_seq) VALUES ('u-1', 'Đảng ủy xã Nậm Xe', 'S0lHTg==', 'RU5D', "
                 "'AAAA-BBBB-CCCC-DDDD-EEEE', 'approved', '2026-10-01 00:00:00.000000', "
                 "'2026-10-02 00:00:00.000000', 3)")
    conn.commit()
    conn.close()
    with Book.open(folder) as book, book.session() as db:
        keys = db.exec(select(KnownKey)).all()
    assert [(k.unit_id, k.signing_key, k.encryption_key, k.fingerprint, k.status) for k in keys] == [
        ("u-1", "S0lHTg==", "RU5D", "AAAA-BBBB-CCCC-DDDD-EEEE", "approved")]
    assert keys[0].approved_at is not None


def test_a_failed_upgrade_leaves_the_old_book_readable_and_unchanged(tmp_path, monkeypatch):
    folder = _open_copy(tmp_path)
    path = folder / "chibo.sqlite"

    def broken(engine):
        with engine.begin() as connection:
            connection.exec_driver_sql("CREATE TABLE agenda_item (id TEXT)")
            raise RuntimeError("power cut in the middle of the migration")

    monkeypatch.setattr(migrate, "_run_alembic", broken)
    try:
        Book.open(folder)
    except RuntimeError:
        pass
    else:  # pragma: no cover
        raise AssertionError("the upgrade should have failed")
    assert schema.read_revision(path) == "0001"
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
    conn.close()
    assert "agenda_item" not in tables
    assert _rows(path) == _rows(DATA / "book-0001.sqlite")


TABLES_0002 = (*TABLES_0001, "agenda_item", "issued_paper", "known_key", "forwarded_bundle")


def test_a_0002_receiving_book_upgrades_with_each_session_arrived_with_its_bundle_and_each_bundle_to_review(tmp_path):
    folder = _open_copy(tmp_path, "book-0002.sqlite")
    original = DATA / "book-0002.sqlite"
    before = _rows(original, TABLES_0002)
    assert schema.read_revision(folder / "chibo.sqlite") == "0002"
    with Book.open(folder) as book:
        assert schema.read_revision(book.database) == "0003"
        with book.session() as db:
            logs = {log.sender_unit_id: log for log in db.exec(select(BundleLog))}
            sessions = db.exec(select(CellSession)).all()
            arrivals = {a.session_id: a for a in db.exec(select(SessionArrival))}
            reviews = db.exec(select(BundleReview)).all()
            closed = db.exec(select(ClosedPeriod)).all()
    assert len(logs) == 2 and len(sessions) == 6
    # Each cell sent one bundle, after all its sessions were held: every session arrived with it.
    assert sorted(arrivals) == sorted(s.id for s in sessions)
    for session in sessions:
        arrival = arrivals[session.id]
        assert (arrival.unit_id, arrival.seq) == (session.unit_id, 1)
        assert arrival.received_at == logs[session.unit_id].received_at
    assert sorted((r.sender_unit_id, r.seq, r.kind, r.status, r.note, r.warnings, r.after_close) for r in reviews) == \
        sorted((sender, 1, "report", "received", "", "[]", False) for sender in logs)
    assert {r.sender_unit_id: r.file_sha256 for r in reviews} == {s: log.file_sha256 for s, log in logs.items()}
    assert closed == []
    assert _rows(folder / "chibo.sqlite", TABLES_0002) == before  # no old table changed
    saved = list((folder / "backups").glob("truoc-nang-cap-0002-*.sqlite"))
    assert len(saved) == 1 and schema.read_revision(saved[0]) == "0002"
    assert _rows(saved[0], TABLES_0002) == before


def test_the_0002_book_upgraded_has_exactly_the_schema_the_models_describe(tmp_path):
    folder = _open_copy(tmp_path, "book-0002.sqlite")
    with Book.open(folder) as book, book.engine.connect() as connection:
        assert compare_metadata(MigrationContext.configure(connection), SQLModel.metadata) == []
