"""No personal data in the log, whatever fails: an import of a sealed bundle that does not fit the
book (IntegrityError over decrypted members), a member file with refused rows, a member refused in
the editor, a hostile bundle. And the data folder private on POSIX: 0700, its files 0600, an old
world-readable folder tightened at open."""

from __future__ import annotations

import logging
import os
import shutil
import sqlite3
import stat
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox

from chibo.cli.logs import setup_logging
from chibo.services.members import add_member
from chibo.store.book import Book
from chibo.sync.export import export_bundle, export_plan
from chibo.sync.importer import import_bundle
from chibo.ui.operations import wait_for_jobs
from conftest import answer_next_dialog, cli, fingerprint_of, link

NAME, BIRTH, BIRTH_ISO, CARD = "Vừ Thị Xúa", "14/07/1988", "1988-07-14", "09876543"


@pytest.fixture
def log_file(tmp_path):
    """A log file that hears the whole test: the commands the test runs set up their own logs, which
    replace each other, but not this one."""
    path = setup_logging(tmp_path / "logs")
    for handler in logging.getLogger().handlers:
        if getattr(handler, "baseFilename", None) == str(path):
            handler.chibo_log = False
    yield path
    for handler in list(logging.getLogger().handlers):
        if getattr(handler, "baseFilename", None) == str(path):
            logging.getLogger().removeHandler(handler)
            handler.close()


def _without_the_cells_rows(commune: Path, copy: Path, cell_id: str) -> Path:
    """A copy of the commune's folder that lost every row of the cell (its unit included)."""
    shutil.copytree(commune, copy, ignore=shutil.ignore_patterns("chibo.lock"))
    connection = sqlite3.connect(copy / "chibo.sqlite")
    connection.execute("PRAGMA foreign_keys=OFF")
    tables = [row[0] for row in connection.execute("SELECT name FROM sqlite_master WHERE type='table'")]
    for table in tables:
        columns = [column[1] for column in connection.execute(f'PRAGMA table_info("{table}")')]
        if "unit_id" in columns and table not in ("known_unit", "known_key", "rev_counter"):
            connection.execute(f'DELETE FROM "{table}" WHERE unit_id = ?', (cell_id,))
    connection.commit()
    connection.close()
    return copy


def test_the_log_never_holds_a_members_name_birth_date_or_card_number(qtbot, capsys, log_file, cell_a, receiving,
                                                                      stick, tmp_path):
    from chibo.ui.editors.member import MemberEditor

    # 1. A sealed increment that does not fit the book: the member's insert fails its foreign key.
    link(cell_a, receiving, stick)
    assert import_bundle(receiving, export_bundle(cell_a, stick).path,
                         approve={fingerprint_of(cell_a)}).outcome == "imported"
    assert import_bundle(cell_a, export_plan(receiving, stick).path).outcome == "imported"  # acknowledged
    with cell_a.session() as db:
        add_member(db, full_name=NAME, birth_date=BIRTH, card_number=CARD, admitted_on="03/02/2015",
                   joined_on="03/02/2015")
    increment = export_bundle(cell_a, stick)
    assert increment.sealed and increment.counts["member"] == 1
    receiving.close()
    broken = _without_the_cells_rows(receiving.folder, tmp_path / "commune-copy", cell_a.local_unit_id)
    code, _, err = cli(capsys, "--data-dir", broken, "import", increment.path)
    assert code == 1 and "Gói này cần một gói trước đó của cùng đơn vị" in err

    # 2. A member file without its header row: the refusal quotes the first row (the CLI says it; the
    # log must not).
    sheet = tmp_path / "moi.csv"
    sheet.write_text(f"{NAME},{BIRTH},{CARD}\n", encoding="utf-8")
    folder = cell_a.folder
    cell_a.close()
    code, _, err = cli(capsys, "--data-dir", folder, "members", "import", sheet)
    assert code == 1 and NAME in err and CARD in err

    # 3. A member refused in the editor (a birth date in the future).
    with Book.open(folder) as book:
        editor = MemberEditor(book)
        qtbot.addWidget(editor)
        editor.show()
        editor.full_name.insert(NAME)  # typed through the input method: QTest sends ASCII keys only
        qtbot.keyClicks(editor.birth_date, "14/07/2088")
        qtbot.keyClicks(editor.card_number, CARD)
        qtbot.mouseClick(editor.save_button, Qt.LeftButton)
        qtbot.waitUntil(lambda: editor.error.isVisible(), timeout=10_000)
        assert editor.error.text() == "Ngày sinh 14/07/2088 ở tương lai."
        answer_next_dialog(qtbot, "Không lưu")  # closed as a person closes it, the typed member dropped
        qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)
        qtbot.waitUntil(lambda: not editor.isVisible(), timeout=10_000)
        wait_for_jobs()

    for handler in logging.getLogger().handlers:
        handler.flush()
    text = log_file.read_text(encoding="utf-8")
    assert "does not fit the book: (sqlite3.IntegrityError) FOREIGN KEY constraint failed" in text
    assert "[SQL parameters hidden due to hide_parameters=True]" in text
    assert "refused: ValidationError" in text and "refused: ChiboError" in text  # the paths were logged...
    for secret in (NAME, BIRTH, BIRTH_ISO, "14/07/2088", "2088-07-14", CARD):
        assert secret not in text  # ...without what was in them


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(os.name == "nt", reason="POSIX modes")
def test_the_data_folder_is_private_and_an_old_one_is_tightened_at_open(cell_a, receiving, stick, tmp_path):
    link(cell_a, receiving, stick)
    bundle = export_bundle(cell_a, stick)
    assert import_bundle(receiving, bundle.path, approve={fingerprint_of(cell_a)}).outcome == "imported"
    folder = receiving.folder
    receiving.close()
    (folder / "logs").mkdir(exist_ok=True)
    (folder / "logs" / "chibo.log").write_text("old log\n")
    for root, _dirs, files in os.walk(folder):  # as an older chibo left it: readable by everyone
        os.chmod(root, 0o755)
        for name in files:
            os.chmod(Path(root, name), 0o644)
    with Book.open(folder) as book:
        assert _mode(folder) == 0o700
        for path in [folder / "chibo.sqlite", folder / "chibo.lock", folder / "logs" / "chibo.log",
                     *folder.glob("backups/*"), *folder.glob("received/*"), *folder.glob("keys/*")]:
            assert _mode(path) == (0o700 if path.is_dir() else 0o600), path
        for sub in ("backups", "received", "keys", "logs"):
            assert _mode(folder / sub) == 0o700, sub
        from chibo.store.backup import make_backup

        assert _mode(make_backup(book.database, book.backups).path) == 0o600
        assert _mode(folder / "chibo.sqlite-wal") == 0o600 and _mode(folder / "chibo.sqlite-shm") == 0o600

    fresh = Book.open(tmp_path / "moi")  # a new book and what it writes are private from the start
    try:
        assert _mode(fresh.folder) == 0o700 and _mode(fresh.database) == 0o600
        assert _mode(fresh.folder / "chibo.sqlite-wal") == 0o600
    finally:
        fresh.close()
    log = setup_logging(tmp_path / "nhat-ky")
    try:
        assert _mode(log) == 0o600 and _mode(log.parent) == 0o700
    finally:
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", None) == str(log):
                logging.getLogger().removeHandler(handler)
                handler.close()


def test_the_guard_of_every_test_catches_a_members_name_in_the_log(demo_book):
    """conftest's guard checks every test's log against the members its books read: shown here to bite."""
    from sqlmodel import select

    from chibo.store.models import Member
    from conftest import _GUARD

    with demo_book.session() as db:
        member = db.exec(select(Member).where(Member.card_number != "")).first()
    logging.getLogger("chibo.sync.importer").warning("row %s / %s does not fit", member.full_name, member.card_number)
    try:
        assert len(_GUARD.leaks) == 1 and member.full_name in _GUARD.leaks[0] and member.card_number in _GUARD.leaks[0]
    finally:
        _GUARD.leaks.clear()


def test_a_second_command_in_one_process_logs_to_its_own_folder_only(tmp_path):
    """The handlers of earlier commands are not kept: one on a full or vanished disk would make every
    later line of the log an error on the terminal."""
    root = logging.getLogger()
    setup_logging(tmp_path / "first")
    second = setup_logging(tmp_path / "second")
    try:
        kept = [h for h in root.handlers if getattr(h, "chibo_log", False)]
        assert [getattr(h, "baseFilename", None) for h in kept] == [str(second)]
    finally:
        for handler in [h for h in root.handlers if getattr(h, "chibo_log", False)]:
            root.removeHandler(handler)
            handler.close()
