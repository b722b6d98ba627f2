"""Full disks: a daily backup that cannot be written is a warning, never a blocker, and leaves no
.partial; out of space is named as such ("Ổ đĩa … đã đầy"), never as damage; backup, export and
import on a full filesystem (a small tmpfs, skipped where mounting is not allowed) change nothing;
ENOSPC and SQLITE_FULL where a tmpfs cannot reach."""

from __future__ import annotations

import errno
import hashlib
import shutil
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import event

from chibo.errors import DiskFullError
from chibo.store.book import Book
from chibo.sync.export import SEQ_SETTING, export_bundle
from conftest import book_rows, cli, fingerprint_of, link


@pytest.fixture
def small_disk(tmp_path):
    """A 12 MB filesystem of its own, to fill."""
    disk = tmp_path / "disk"
    disk.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=12m", "tmpfs", str(disk)], capture_output=True)
    if mounted.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not allowed here: {mounted.stderr.decode().strip()}")
    yield disk
    subprocess.run(["umount", "-l", str(disk)])


def fill(disk: Path, leave: int = 0) -> Path:
    """Take every free byte of the disk, then give `leave` bytes back."""
    filler = disk / "filler"
    # Unbuffered: a buffered file would flush its remainder on close, outside the try, and raise.
    with open(filler, "wb", buffering=0) as handle:
        try:
            while True:
                handle.write(b"\0" * 65536)
        except OSError:
            pass
    try:
        with open(filler, "ab", buffering=0) as handle:
            while True:
                handle.write(b"\0" * 512)
    except OSError:
        pass
    if leave:
        with open(filler, "r+b") as handle:
            handle.truncate(max(filler.stat().st_size - leave, 0))
    return filler


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _book_on(disk: Path, template: Path) -> Path:
    folder = disk / "book"
    folder.mkdir()
    shutil.copy(template, folder / "chibo.sqlite")
    return folder


def test_a_daily_backup_without_room_is_a_warning_and_reading_goes_on(capsys, small_disk, demo_template):
    folder = _book_on(small_disk, demo_template)
    fill(small_disk, leave=48 * 1024)  # room to read the book, none for a copy of it
    code, out, err = cli(capsys, "--data-dir", folder, "members", "list")
    assert code == 0 and "Lò Thị Ỷ" in out
    assert err.startswith(f"chibo: cảnh báo: Hôm nay chưa sao lưu được sổ: Ổ đĩa chứa “{folder / 'backups'}” đã đầy. "
                          "Hãy giải phóng chỗ trống rồi thử lại; dữ liệu chưa bị thay đổi. Sổ vẫn dùng bình thường")
    assert list((folder / "backups").glob("*")) == []  # no backup, and no stray .partial


def test_a_full_disk_is_named_as_full_never_as_damage(capsys, small_disk, demo_template):
    folder = _book_on(small_disk, demo_template)
    before = _sha(folder / "chibo.sqlite")
    filler = fill(small_disk)
    code, _, err = cli(capsys, "--data-dir", folder, "members", "list")
    assert code == 1 and "đã đầy. Hãy giải phóng chỗ trống rồi thử lại; dữ liệu chưa bị thay đổi." in err
    assert "hỏng" not in err and "khôi phục" not in err
    code, _, err = cli(capsys, "--data-dir", folder, "backup")
    assert code == 1 and "đã đầy" in err and "hỏng" not in err
    filler.unlink()
    assert _sha(folder / "chibo.sqlite") == before and not list(folder.glob("backups/*.partial"))


def test_an_export_to_a_full_stick_writes_nothing_and_spends_no_number(capsys, small_disk, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    cell_a.close()
    fill(small_disk, leave=4096)  # the stick: a few bytes free, far from a bundle
    before = book_rows(cell_a.folder / "chibo.sqlite")
    code, _, err = cli(capsys, "--data-dir", cell_a.folder, "export", "--to", small_disk)
    assert code == 1 and f"Ổ đĩa chứa “{small_disk}” đã đầy." in err
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler"]  # no .partial left on the stick
    assert book_rows(cell_a.folder / "chibo.sqlite") == before


def test_an_import_on_a_full_disk_says_so_and_changes_nothing(capsys, small_disk, cell_a, stick, tmp_path):
    from chibo.services.units import init_book

    with Book.open(small_disk / "commune") as commune:
        init_book(commune, name="Đảng ủy xã Sơn Cao", role="receiving")
        link(cell_a, commune, stick)
    bundle = export_bundle(cell_a, stick).path
    approval = fingerprint_of(cell_a)
    before = book_rows(small_disk / "commune" / "chibo.sqlite")
    filler = fill(small_disk, leave=200 * 1024)  # room to open the book and write its lock, not for 670 records
    code, _out, err = cli(capsys, "--data-dir", small_disk / "commune", "import", bundle, "--approve", approval)
    assert code == 1 and "đã đầy. Hãy giải phóng chỗ trống rồi thử lại; dữ liệu chưa bị thay đổi." in err
    assert "ngoài dự kiến" not in err
    filler.unlink()
    after = book_rows(small_disk / "commune" / "chibo.sqlite")
    assert [r for r in after if "known_" not in r] == [r for r in before if "known_" not in r]  # no record, no log


def test_enospc_while_a_backup_is_synced_leaves_no_partial(book, monkeypatch):
    from chibo.store import backup

    def no_room(_path):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(backup, "_fsync", no_room)
    with pytest.raises(DiskFullError, match="đã đầy"):
        backup.make_backup(book.database, book.backups)
    assert list(book.backups.glob("sao-luu-*")) == []


def test_enospc_while_a_bundle_is_written_spends_no_number(cell_a, receiving, stick, monkeypatch):
    from chibo.sync import bundle

    link(cell_a, receiving, stick)

    def no_room(target, data, *, private=False):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(bundle, "write_atomically", no_room)
    before = book_rows(cell_a)
    with pytest.raises(DiskFullError, match=f"Ổ đĩa chứa “{stick}” đã đầy"):
        export_bundle(cell_a, stick)
    assert book_rows(cell_a) == before
    with cell_a.session() as db:
        from chibo.store.book import get_setting

        assert get_setting(db, SEQ_SETTING) is None


def test_sqlite_full_during_an_import_is_named_and_rolled_back(cell_a, receiving, stick):
    from chibo.sync.importer import import_bundle

    link(cell_a, receiving, stick)
    bundle = export_bundle(cell_a, stick).path
    approval = fingerprint_of(cell_a)
    with receiving.engine.connect() as connection:
        pages = connection.exec_driver_sql("PRAGMA page_count").scalar()

    @event.listens_for(receiving.engine, "connect")
    def cap(dbapi_connection, _record):  # the file may not grow: SQLite answers SQLITE_FULL
        dbapi_connection.execute(f"PRAGMA max_page_count={pages + 2}")

    receiving.engine.dispose()
    before = book_rows(receiving)
    with pytest.raises(DiskFullError, match="đã đầy"):
        import_bundle(receiving, bundle, approve={approval})
    after = book_rows(receiving)
    assert [r for r in after if "known_" not in r] == [r for r in before if "known_" not in r]
