"""Cài đặt: the unit and rules saved in one transaction (a refusal changes nothing), larger text,
and backups: make one, restore it after a change, and the restore itself can be undone."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from sqlmodel import func, select

from chibo.services.lookups import local_unit
from chibo.services.numbering import symbol_suffix, term_start
from chibo.services.settings import load_rules
from chibo.store.backup import list_backups
from chibo.store.models import Member
from conftest import answer_next_dialog, show_page
from person import button, choose_file, click, click_button


@pytest.fixture
def page(qtbot, demo_window):
    window = demo_window
    return show_page(qtbot, window, "settings")


def saved(qtbot, page) -> None:
    with qtbot.waitSignal(page.changed, timeout=10_000):
        click(qtbot, page.save_button)


def restore(qtbot, page, path, answer: str) -> None:
    """Sao lưu, khôi phục: the backup chosen in the list, Khôi phục bản đã chọn…, then `answer`."""
    page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: path in [b.path for b in page.backup_model.rows], timeout=10_000)
    page.backup_table.selectRow([b.path for b in page.backup_model.rows].index(path))
    answer_next_dialog(qtbot, answer)
    click_button(qtbot, page, "Khôi phục bản đã chọn…")


def test_unit_rules_and_text_size_are_saved(qtbot, page):
    base = QApplication.font().pointSizeF()
    page.name.setText("Chi bộ bản Nà Khum mới")
    page.term_start.setText("01/10/2025")
    page.suffix.setText("cb")
    page.grades.setText("Xuất sắc; Tốt; Đạt; Chưa đạt")
    page.failing.setText("Chưa đạt")
    page.probation.setValue(12)
    page.text_size.setCurrentIndex(page.text_size.findData("large"))
    saved(qtbot, page)
    with page.book.session() as db:
        assert local_unit(db).name == "Chi bộ bản Nà Khum mới"
        assert term_start(db).isoformat() == "2025-10-01"
        assert symbol_suffix(db) == "CB"
        assert load_rules(db).essay_grades == ("Xuất sắc", "Tốt", "Đạt", "Chưa đạt")
    assert QApplication.font().pointSizeF() == base + 2
    page.text_size.setCurrentIndex(page.text_size.findData("normal"))
    saved(qtbot, page)
    assert QApplication.font().pointSizeF() == base


def test_a_refused_setting_changes_nothing(qtbot, page):
    with page.book.session() as db:
        name_before, rules_before = local_unit(db).name, load_rules(db)
    page.name.setText("Tên mới")
    page.failing.setText("Kém")  # not on the scale
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.error.text() != "", timeout=10_000)
    assert page.error.text() == "Mức “phải viết lại” phải nằm trong thang xếp loại."
    with page.book.session() as db:
        assert local_unit(db).name == name_before and load_rules(db) == rules_before
    page.term_start.setText("31/02/2025")
    page.failing.setText("Chưa đạt")
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: "31/02/2025" in page.error.text(), timeout=10_000)
    with page.book.session() as db:
        assert local_unit(db).name == name_before


def member_count(book) -> int:
    with book.session() as db:
        return db.exec(select(func.count()).select_from(Member).where(Member.deleted_at.is_(None))).one()


def test_backup_then_restore_and_undo_the_restore(qtbot, page):
    from chibo.services.members import add_member

    book = page.book
    before = member_count(book)
    page.tabs.setCurrentIndex(3)
    with qtbot.waitSignal(page.changed, timeout=10_000):
        click_button(qtbot, page, "Sao lưu ngay")
    made = [b for b in list_backups(book.backups) if not b.automatic]
    assert len(made) == 1 and made[0].path.stat().st_size > 0
    with book.session() as db:
        add_member(db, full_name="Hờ A Sử", status="chinh_thuc", joined_on="01/11/2026")
    assert member_count(book) == before + 1
    qtbot.waitUntil(lambda: made[0].path in [b.path for b in page.backup_model.rows], timeout=10_000)
    restore(qtbot, page, made[0].path, "Hủy")  # nothing happens
    assert member_count(book) == before + 1
    with qtbot.waitSignal(page.changed, timeout=20_000):
        restore(qtbot, page, made[0].path, "Có")
    assert member_count(book) == before
    safety = [b for b in list_backups(book.backups) if not b.automatic and b.path != made[0].path]
    assert len(safety) == 1 and page.status.text().endswith(f"được lưu ở {safety[0].path.name}.")
    with qtbot.waitSignal(page.changed, timeout=20_000):
        restore(qtbot, page, safety[0].path, "Có")
    assert member_count(book) == before + 1


def test_restore_refuses_a_file_that_is_not_a_book(qtbot, page, tmp_path):
    shown = []
    bogus = tmp_path / "ds.sqlite"
    bogus.write_bytes(b"not a database at all")
    before = member_count(page.book)
    page.tabs.setCurrentIndex(3)
    answer_next_dialog(qtbot, "Có")
    choose_file(qtbot, button(page, "Khôi phục từ tệp khác…"), bogus)
    answer_next_dialog(qtbot, "OK", seen=shown)
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "ds.sqlite" in shown[0]
    assert member_count(page.book) == before


def test_the_language_is_kept_for_the_next_start(qtbot, page):
    from chibo.ui.i18n import SETTINGS_FILE, read_language

    folder = page.language_folder
    assert page.tabs.tabText(2) == "Giao diện, ngôn ngữ"
    assert page.language.currentData() == "vi" and page.language.currentText() == "Tiếng Việt"
    page.tabs.setCurrentIndex(2)
    page.language.setFocus()
    qtbot.keyClick(page.language, Qt.Key_Down)  # the next language in the list: English
    assert page.language.currentData() == "en" and page.dirty
    saved(qtbot, page)
    assert read_language(folder) == "en"
    assert "language = en" in (folder / SETTINGS_FILE).read_text()
    assert page.status.text() == "Đã lưu. Ngôn ngữ mới được dùng từ lần mở chibo sau."
    assert page.tabs.tabText(0) == "Đơn vị"  # this window stays as it started
    page.language.setCurrentIndex(page.language.findData("vi"))
    saved(qtbot, page)
    assert read_language(folder) == "vi"


def test_a_language_file_that_cannot_be_written_keeps_the_other_settings(qtbot, page, monkeypatch):
    import chibo.ui.pages.settings as settings_page

    def refuse(folder, language):
        raise OSError("read-only folder")

    monkeypatch.setattr(settings_page, "write_language", refuse)
    page.name.setText("Chi bộ đổi tên")
    page.language.setCurrentIndex(page.language.findData("en"))
    saved(qtbot, page)
    assert page.error.text() == "Không lưu được lựa chọn ngôn ngữ; các cài đặt khác đã được lưu."
    with page.book.session() as db:
        assert local_unit(db).name == "Chi bộ đổi tên"


def test_the_unit_tab_shows_the_key_and_the_superior_and_makes_new_keys_on_purpose(qtbot, demo_window, stick):
    from PySide6.QtCore import Qt

    from chibo.services.keys import load_keys
    from chibo.ui.operations import wait_for_jobs
    from conftest import answer_next_dialog, fingerprint_of

    window = demo_window
    book = window.book
    page = show_page(qtbot, window, "settings")
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.keys.superior.text() == "Chưa có: hãy nhập gói kế hoạch của cấp trên (mục Trao đổi dữ liệu)."
    old = fingerprint_of(book)
    answer_next_dialog(qtbot, "Hủy")
    qtbot.mouseClick(page.keys.new_keys_button, Qt.LeftButton)
    wait_for_jobs()
    assert load_keys(book.folder).fingerprint == old  # asked first: cancelled, nothing made

    seen = []
    answer_next_dialog(qtbot, "Tạo khóa mới", seen=seen)
    with qtbot.waitSignal(page.keys.made, timeout=10_000):
        qtbot.mouseClick(page.keys.new_keys_button, Qt.LeftButton)
    assert "Chỉ tạo khóa mới khi khóa của đơn vị đã mất" in seen[0]
    new = load_keys(book.folder).fingerprint
    assert new != old and page.status.text() == f"Đã tạo khóa mới. Mã khóa mới là {new}: hãy đọc cho bên kia đối chiếu."
    qtbot.waitUntil(lambda: page.keys.fingerprint.text() == new, timeout=10_000)
    assert len(list((book.folder / "keys").glob("cu-*/encryption.key"))) == 1  # the old key kept for old bundles


def test_lost_keys_are_said_on_the_unit_tab(qtbot, cell_a, receiving, stick):
    import shutil

    from conftest import fingerprint_of, link, open_main_window

    link(cell_a, receiving, stick)
    published = fingerprint_of(cell_a)
    shutil.rmtree(cell_a.folder / "keys")  # restored on a new computer: the keys are not in the backup
    window = open_main_window(qtbot, cell_a, page="settings")
    page = show_page(qtbot, window, "settings")
    qtbot.waitUntil(lambda: page.data is not None, timeout=10_000)
    assert page.keys.fingerprint.text() == (f"Máy này không có khóa của đơn vị (mã khóa đã gửi đi: {published}). Nếu khóa "
                                       "đã mất, hãy tạo khóa mới.")
    assert page.keys.superior.text() == f"Đảng ủy xã Sơn Cao, mã khóa {fingerprint_of(receiving)}"
def test_who_confirms_the_secretarys_own_plan_is_a_rule_of_the_cell(qtbot, page):
    from PySide6.QtCore import Qt

    from chibo.services.settings import CONFIRM_BY_DEPUTY, CONFIRM_BY_SUPERIOR

    page.tabs.setCurrentIndex(1)
    combo = page.plan_confirmer
    assert combo.currentData() == CONFIRM_BY_DEPUTY and combo.currentText() == "Phó Bí thư chi bộ"
    assert [combo.itemText(i) for i in range(combo.count())] == ["Phó Bí thư chi bộ", "Cấp ủy cấp trên"]
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key_Down)
    assert combo.currentData() == CONFIRM_BY_SUPERIOR and page.dirty
    with qtbot.waitSignal(page.changed, timeout=10_000):
        qtbot.mouseClick(page.save_button, Qt.LeftButton)
    with page.book.session() as db:
        assert load_rules(db).secretary_plan_confirmed_by == CONFIRM_BY_SUPERIOR
