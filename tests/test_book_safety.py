"""Damaged books never reach the backups, and paths are taken as people type them: damaged pages
caught before the daily backup and the good backup kept through 40 days of rotation; a 0-byte or
vanished book with backups is damaged, never new; `backup --list` on a book that cannot open;
relative paths, a folder given to `verify`, a `--data-dir` that is a file, a read-only data
folder, a `--to` that does not exist."""

from __future__ import annotations

import hashlib
import sqlite3
import subprocess
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from chibo.errors import DamagedBookError
from chibo.store.backup import is_good_backup, list_backups, maybe_backup
from chibo.store.book import Book
from conftest import _copy_book, book_rows, cli, link


def damage_pages(path: Path) -> None:
    """A bad sector: a dozen pages of the members' attendance, in the middle of the book, overwritten
    with noise. Data pages, not the schema's: where the schema's own pages lie moves with every
    table a release adds, and a book whose schema cannot be read is refused before its check."""
    import random

    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = connection.execute("PRAGMA page_size").fetchone()[0]
    leaves = [row[0] for row in connection.execute(
        "SELECT pageno FROM dbstat WHERE name = 'attendance' AND pagetype = 'leaf' ORDER BY pageno")]
    connection.close()
    data = bytearray(path.read_bytes())
    noise = random.Random(14)
    middle = len(leaves) // 3
    for number in [n - 1 for n in leaves[middle:middle + 12]]:  # dbstat counts pages from 1
        data[number * page: number * page + 64] = bytes(noise.randrange(256) for _ in range(64))
    path.write_bytes(bytes(data))


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def closed_demo(demo_template, tmp_path) -> Path:
    """A demo book's folder, closed, with only a known automatic backup of yesterday."""
    import shutil

    book = _copy_book(demo_template, tmp_path / "book")
    folder = book.folder
    book.close()
    shutil.rmtree(folder / "backups")
    maybe_backup(folder / "chibo.sqlite", folder / "backups", now=datetime.now() - timedelta(days=1))
    return folder


def test_damaged_pages_are_caught_before_the_daily_backup_and_the_good_one_is_named(closed_demo, capsys):
    folder = closed_demo
    good = list_backups(folder / "backups")[0]
    damage_pages(folder / "chibo.sqlite")
    damaged = _sha(folder / "chibo.sqlite")
    with pytest.raises(DamagedBookError) as refused:
        Book.open(folder)
    assert refused.value.good_backup == good.path
    assert f"Bản sao lưu tốt gần nhất: {good.path.name}" in refused.value.message
    assert [b.path for b in list_backups(folder / "backups")] == [good.path]  # nothing copied from the damaged book
    assert _sha(folder / "chibo.sqlite") == damaged  # and the book itself left as it is

    code, _, err = cli(capsys, "--data-dir", folder, "members", "list")
    assert code == 1 and "có trang bị hỏng nên chibo không sao lưu nó" in err and good.path.name in err
    (folder / "backups" / "tu-dong-20200101-080000.sqlite").write_bytes(b"\0" * 4096)  # a damaged backup
    code, out, _ = cli(capsys, "--data-dir", folder, "backup", "--list")  # without opening the book
    assert code == 0 and out.splitlines() == [
        f"{good.made_at:%d/%m/%Y %H:%M}  tự động   nguyên vẹn  {good.path}",
        f"01/01/2020 08:00  tự động   HỎNG, không khôi phục được  {folder / 'backups' / 'tu-dong-20200101-080000.sqlite'}"]
    (folder / "backups" / "tu-dong-20200101-080000.sqlite").unlink()
    code, out, _ = cli(capsys, "--data-dir", folder, "restore", good.path)
    assert code == 0 and "hong-" in out  # the damaged book is kept beside the backups, not among them
    assert [b.path for b in list_backups(folder / "backups")] == [good.path]
    code, out, _ = cli(capsys, "--data-dir", folder, "members", "list", "--json")
    assert code == 0 and len(out) > 1000


def test_forty_days_of_rotation_keep_the_good_backup_of_a_book_damaged_on_day_twelve(demo_template, tmp_path):
    database = tmp_path / "chibo.sqlite"
    database.write_bytes(demo_template.read_bytes())
    folder = tmp_path / "backups"
    start = datetime(2026, 3, 1, 8, 0)
    refusals = []
    for day in range(40):
        now = start + timedelta(days=day)
        if day == 12:
            damage_pages(database)
        try:
            maybe_backup(database, folder, now=now)
        except DamagedBookError as refused:
            refusals.append((day, refused))
    kept = list_backups(folder)
    last_good = start + timedelta(days=11)
    assert [day for day, _ in refusals] == list(range(12, 40))  # every day after the damage, said again
    assert kept[0].made_at == last_good and all(is_good_backup(b.path) for b in kept)
    assert refusals[-1][1].good_backup == kept[0].path
    assert [b.made_at.date().isoformat() for b in kept] == [
        "2026-03-12", "2026-03-11", "2026-03-10", "2026-03-09", "2026-03-08", "2026-03-07", "2026-03-06",
        "2026-03-01"]  # the rotation as of day 11: nothing of a damaged book ever pushed them out


def test_a_good_book_keeps_rotating_daily_weekly_monthly(demo_template, tmp_path):
    database = tmp_path / "chibo.sqlite"
    database.write_bytes(demo_template.read_bytes())
    folder = tmp_path / "backups"
    start = datetime(2026, 3, 1, 8, 0)
    for day in range(40):
        maybe_backup(database, folder, now=start + timedelta(days=day))
    kept = [b.made_at.date().isoformat() for b in list_backups(folder)]
    assert kept == ["2026-04-09", "2026-04-08", "2026-04-07", "2026-04-06", "2026-04-05", "2026-04-04", "2026-04-03",
                    "2026-03-31", "2026-03-29", "2026-03-22"]  # 7 days, the ends of ISO weeks, the end of March


def test_an_emptied_or_vanished_book_with_backups_is_damaged_never_new(closed_demo):
    folder = closed_demo
    database = folder / "chibo.sqlite"
    database.write_bytes(b"")
    for suffix in ("-wal", "-shm"):
        (folder / f"chibo.sqlite{suffix}").unlink(missing_ok=True)
    with pytest.raises(DamagedBookError, match=r"rỗng \(0 byte\).*chibo không tạo sổ mới đè lên") as refused:
        Book.open(folder)
    assert refused.value.good_backup == list_backups(folder / "backups")[0].path
    assert database.read_bytes() == b""  # no schema written over it
    database.unlink()
    with pytest.raises(DamagedBookError, match="không còn trong thư mục"):
        Book.open(folder)
    assert not database.exists()


def test_a_new_folder_without_backups_is_still_a_new_book(tmp_path):
    (tmp_path / "chibo.sqlite").write_bytes(b"")
    with Book.open(tmp_path) as book:
        assert book.local_unit_id is None and (tmp_path / "chibo.sqlite").stat().st_size > 0


def test_verify_takes_a_folder_and_a_relative_path(capsys, cell_a, receiving, stick, monkeypatch):
    link(cell_a, receiving, stick)
    bundle = export_bundle_path(cell_a, stick)
    folder = receiving.folder
    receiving.close()
    monkeypatch.chdir(stick.parent)
    code, out, err = cli(capsys, "--data-dir", folder, "verify", "usb")
    assert f"{bundle.name}: Gói nguyên vẹn, chữ ký đúng: Chi bộ bản Nà Khum, gói số 1" in out
    # The stick also holds the commune's own plan bundle: passed over with a line, not an error.
    assert code == 0 and out.count("Gói nguyên vẹn") == 1 and err == ""
    assert out.count("gói do chính sổ này xuất ra, bỏ qua.") == 1
    code, out, err = cli(capsys, "--data-dir", folder, "verify", f"./usb/{bundle.name}")
    assert code == 0 and out.startswith("Gói nguyên vẹn, chữ ký đúng: Chi bộ bản Nà Khum")
    (stick.parent / "trong").mkdir()
    code, _, err = cli(capsys, "--data-dir", folder, "verify", "trong")
    assert code == 1 and err == "chibo: Thư mục “trong” không có tệp .chibo nào.\n"


def export_bundle_path(cell, stick) -> Path:
    from chibo.sync.export import export_bundle

    return export_bundle(cell, stick).path


def test_a_data_dir_that_is_a_file_gets_a_sentence(capsys, tmp_path):
    afile = tmp_path / "so-chi-bo.txt"
    afile.write_text("ghi chú")
    code, _out, err = cli(capsys, "--data-dir", afile, "members", "list")
    assert code == 1 and err.startswith(f"chibo: “{afile}” là một tệp, không phải thư mục dữ liệu.")
    assert "Traceback" not in err and afile.read_text() == "ghi chú"


def _mount_tmpfs(path: Path, size: str, read_only: bool = False):
    path.mkdir(parents=True, exist_ok=True)
    result = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(path)], capture_output=True)
    if result.returncode != 0:
        pytest.skip(f"mounting a tmpfs is not allowed here: {result.stderr.decode().strip()}")
    return path


def _remount_read_only(path: Path) -> None:
    subprocess.run(["mount", "-o", "remount,ro", str(path)], check=True)


def _close_logs_under(folder: Path) -> None:
    import logging

    for handler in list(logging.getLogger().handlers):
        if str(getattr(handler, "baseFilename", "")).startswith(str(folder)):
            logging.getLogger().removeHandler(handler)
            handler.close()


def test_a_read_only_data_folder_gets_a_sentence(capsys, demo_template, tmp_path):
    disk = _mount_tmpfs(tmp_path / "ro", "20m")
    try:
        (disk / "book").mkdir()
        (disk / "book" / "chibo.sqlite").write_bytes(demo_template.read_bytes())
        assert cli(capsys, "--data-dir", disk / "book", "members", "list")[0] == 0  # its log folder made, then…
        _close_logs_under(disk)  # (the command ran in this process: its log file would keep the disk busy)
        before = _sha(disk / "book" / "chibo.sqlite")
        _remount_read_only(disk)  # …the stick's write-protect switch
        code, _, err = cli(capsys, "--data-dir", disk / "book", "members", "list")
        assert code == 1 and err == (f"chibo: Không ghi được vào thư mục dữ liệu “{disk / 'book'}” (ổ đĩa chỉ đọc hoặc "
                                     "không có quyền ghi). Hãy chép thư mục sang ổ ghi được, hoặc chọn thư mục khác "
                                     "bằng --data-dir; dữ liệu chưa bị thay đổi.\n")  # one sentence, no log noise
        code, _, err = cli(capsys, "--data-dir", disk / "moi", "init", "--name", "Chi bộ bản Nậm Cáy")
        assert code == 1 and "(ổ đĩa chỉ đọc hoặc không có quyền ghi)" in err and not (disk / "moi").exists()
        assert _sha(disk / "book" / "chibo.sqlite") == before
    finally:
        _close_logs_under(disk)
        subprocess.run(["umount", "-l", str(disk)])


def test_to_must_be_an_existing_folder(capsys, cell_a, receiving, stick, tmp_path):
    link(cell_a, receiving, stick)
    cell_a.close(), receiving.close()
    before = book_rows(cell_a.folder / "chibo.sqlite")
    unplugged = tmp_path / "media" / "usb" / "chibo"
    for folder, command in ((cell_a.folder, "export"), (receiving.folder, "plan")):
        argv = ["export", "--to", unplugged] if command == "export" else ["plan", "export", "--to", unplugged]
        code, _, err = cli(capsys, "--data-dir", folder, *argv)
        assert code == 1 and f"Không thấy thư mục “{unplugged}” (USB chưa cắm" in err
    assert not (tmp_path / "media").exists()  # nothing made on the local disk
    assert book_rows(cell_a.folder / "chibo.sqlite") == before  # no number spent
    afile = tmp_path / "a-file"
    afile.write_text("")
    code, _, err = cli(capsys, "--data-dir", cell_a.folder, "export", "--to", afile)
    assert code == 1 and "là một tệp, không phải thư mục" in err and book_rows(cell_a.folder / "chibo.sqlite") == before


def _break_table(path: Path, table: str) -> None:
    """The header of `table`'s root page overwritten: the book opens, any read of that table fails."""
    connection = sqlite3.connect(path)
    connection.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    page = connection.execute("PRAGMA page_size").fetchone()[0]
    root = connection.execute("SELECT rootpage FROM sqlite_master WHERE name = ?", (table,)).fetchone()[0]
    connection.close()
    with open(path, "r+b") as handle:
        handle.seek((root - 1) * page)
        handle.write(b"\x55" * 12)


def test_pages_damaged_after_todays_check_are_named_with_the_good_backup_not_unexpected(closed_demo, capsys,
                                                                                        tmp_path):
    folder = closed_demo
    assert cli(capsys, "--data-dir", folder, "members", "list")[0] == 0  # today's check passed, today's backup made
    today = list_backups(folder / "backups")[0]
    _break_table(folder / "chibo.sqlite", "speech")  # then a power cut or a failing disk, the same day
    damaged = _sha(folder / "chibo.sqlite")
    stick = tmp_path / "usb"
    stick.mkdir()
    code, _, err = cli(capsys, "--data-dir", folder, "export", "--to", stick, "--unsealed")
    assert code == 1 and err.startswith("chibo: Sổ dữ liệu chibo.sqlite có trang bị hỏng (chibo không đọc được một "
                                        "phần của tệp); chưa ghi gì thêm vào sổ. Bản sao lưu tốt gần nhất: "
                                        f"{today.path.name}"), err
    assert "ngoài dự kiến" not in err and list(stick.iterdir()) == []
    assert _sha(folder / "chibo.sqlite") == damaged and list_backups(folder / "backups")[0] == today
