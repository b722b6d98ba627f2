"""Đảng viên → Nhập từ tệp Excel…: the hand-kept sheet previewed with each member's status and
where it was read, a guess corrected in the table by keyboard, then written with the button; a
bad file keeps the button greyed and Ctrl+S says why, writing nothing."""

from __future__ import annotations

from datetime import date

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QComboBox, QFileDialog
from sqlmodel import func, select

from chibo.store.models import Member, MemberStatusChange
from chibo.ui.dialogs.member_import import CHECK, NAME, READ_FROM, SINCE, STATUS
from conftest import show_page
from sheets import hand_kept_xlsx


@pytest.fixture
def register(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "register")
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
    return page


def member_count(book) -> int:
    with book.session() as db:
        return db.exec(select(func.count()).select_from(Member)).one()


def open_import(qtbot, monkeypatch, register, path):
    """Click “Nhập từ tệp Excel…”, then “Chọn tệp…”, and pick `path` in the system's file dialog."""
    qtbot.mouseClick(register.import_button, Qt.LeftButton)
    dialog = register.last_dialog
    assert dialog.isVisible() and dialog.windowTitle() == "Nhập danh sách đảng viên từ tệp"
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(path), ""))
    with qtbot.waitSignal(dialog.panel.changed, timeout=10_000):
        qtbot.mouseClick(dialog.panel.choose, Qt.LeftButton)
    return dialog


def cell(model, name: str, column: int) -> str:
    row = next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == name)
    return model.index(row, column).data()


def write_csv(path, rows):
    path.write_text("Họ và tên,Ngày sinh,Tình trạng\n" + "".join(",".join(r) + "\n" for r in rows), encoding="utf-8")
    return path


def test_the_hand_kept_sheet_is_previewed_corrected_and_written(qtbot, monkeypatch, register, demo_book, tmp_path):
    before = member_count(demo_book)
    dialog = open_import(qtbot, monkeypatch, register, hand_kept_xlsx(tmp_path / "danh-sach.xlsx"))
    panel, model = dialog.panel, dialog.panel.model
    assert model.rowCount() == 12
    assert cell(model, "Vàng A Dế", STATUS) == "Miễn công tác và sinh hoạt (đoán)"
    assert cell(model, "Vàng A Dế", SINCE) == "01/01/2020"
    assert cell(model, "Vàng A Dế", READ_FROM) == "đoán từ ghi chú “Miễn SH từ 01/2020”"
    assert cell(model, "Hà Thị Nga", STATUS) == "Đã rời chi bộ (đoán)"
    assert cell(model, "Lò Văn An", CHECK) == "Nhập được"
    assert panel.summary.text().startswith(
        "12 dòng: nhập được 12, lỗi 0, trùng 0. Tình trạng: 3 chính thức, 2 dự bị, 1 sinh hoạt tạm, 1 sinh hoạt tạm "
        "nơi khác, 3 miễn công tác và sinh hoạt, 2 đã rời chi bộ. 12 tình trạng là đoán")
    assert panel.skipped.text() == (
        "Bỏ qua, không phải đảng viên: Dòng 1–4: tiêu đề phía trên dòng tên cột; Dòng 7: dòng đánh số cột; Dòng 13: dòng "
        "trống; Dòng 17: dòng tên cột lặp lại (đầu trang mới); Dòng 22: dòng tổng cộng; Dòng 23: dòng trống; "
        "Dòng 24–27: phần ngày tháng, chữ ký cuối danh sách; Dòng 28: dòng trống; … và 1 mục nữa")
    # Tòng Văn Khăm came back from attending elsewhere: double click his status, type C, Enter
    table = panel.table
    row = next(r for r in range(model.rowCount()) if model.index(r, NAME).data() == "Tòng Văn Khăm")
    place = table.visualRect(model.index(row, STATUS)).center()
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=place)
    qtbot.mouseDClick(table.viewport(), Qt.LeftButton, pos=place)
    combo = table.viewport().findChild(QComboBox)
    assert combo is not None and combo.isVisible()
    qtbot.keyClicks(combo, "C")
    qtbot.keyClick(combo, Qt.Key_Return)
    assert cell(model, "Tòng Văn Khăm", STATUS) == "Chính thức"
    assert cell(model, "Tòng Văn Khăm", READ_FROM) == "người nhập chọn"
    assert dialog.save_button.isEnabled()
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert not dialog.isVisible() and member_count(demo_book) == before + 12
    with demo_book.session() as db:
        khăm = db.exec(select(Member).where(Member.full_name == "Tòng Văn Khăm")).one()
        history = db.exec(select(MemberStatusChange).where(MemberStatusChange.member_id == khăm.id)
                          .order_by(MemberStatusChange.effective_on)).all()
    assert [(h.status, h.effective_on) for h in history] == [("du_bi", date(2012, 5, 5)),
                                                             ("chinh_thuc", date(2013, 5, 5))]
    qtbot.waitUntil(lambda: len(register.model._all) == before + 12, timeout=10_000)


def test_a_bad_file_keeps_the_button_greyed_and_ctrl_s_says_why(qtbot, monkeypatch, register, demo_book, tmp_path):
    before = member_count(demo_book)
    bad = write_csv(tmp_path / "bad.csv", [("Giàng A Chứ", "1/1/1990", "chính thức"), ("Giàng A Chứ 2", "", "")])
    dialog = open_import(qtbot, monkeypatch, register, bad)
    assert not dialog.save_button.isEnabled()
    qtbot.waitUntil(dialog.isActiveWindow, timeout=5_000)
    qtbot.keyClick(QApplication.focusWidget() or dialog, Qt.Key_S, Qt.ControlModifier)
    assert dialog.error.text() == (
        "Tệp bad.csv có 1 dòng lỗi và 0 dòng trùng; chưa nhập dòng nào. Hãy sửa tệp, hoặc chọn bỏ qua các dòng đó.\n"
        "Dòng 3: họ và tên “Giàng A Chứ 2” có chữ số, không phải một họ tên")
    assert member_count(demo_book) == before
    good = write_csv(tmp_path / "good.csv", [("Giàng A Chứ", "1/1/1990", "chính thức")])
    with qtbot.waitSignal(dialog.panel.changed, timeout=10_000):
        monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *args, **kwargs: (str(good), ""))
        qtbot.mouseClick(dialog.panel.choose, Qt.LeftButton)
    with qtbot.waitSignal(dialog.saved, timeout=10_000):
        qtbot.mouseClick(dialog.save_button, Qt.LeftButton)
    assert member_count(demo_book) == before + 1
