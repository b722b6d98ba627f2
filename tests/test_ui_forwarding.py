"""Forwarding and restoring in the app, acted as a person would: a commune with its province
forwards from a tab of its own; it writes a restore bundle for the cell chosen in its table of
units, comparing the new computer's fingerprint first; the new computer gets its book back from
the first-run wizard."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt, QTimer
from sqlmodel import select

from chibo.store.book import Book
from chibo.store.models import KnownUnit
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from chibo.sync.restore_bundle import export_restore, write_restore_request
from chibo.text import format_count
from chibo.ui.operations import wait_for_jobs
from conftest import chain, fingerprint_of, link, open_main_window
from person import button, choose_file, choose_folder
from test_sync import _state
from test_ui_first_run import FINISH, NEXT, choice, click, click_radio, first_start, opened_book, type_text  # noqa: F401


@pytest.fixture(autouse=True)
def _drain():
    yield
    wait_for_jobs()


def test_a_commune_with_its_province_forwards_from_its_own_tab(qtbot, cell_a, receiving, province, stick):
    chain([cell_a], receiving, province, stick)
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    tabs = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert tabs == ["Nhận gói báo cáo", "Duyệt gói", "Tình hình báo cáo", "Số liệu tổng hợp", "Biểu đồ tỷ lệ học tập",
                    "Gửi gói kế hoạch", "Chuyển lên cấp trên", "Nhật ký"]
    assert page.forward_state.text().startswith("Cấp trên: Tỉnh ủy Lai Châu. Một gói mang các gói của các chi bộ")
    page.tabs.setCurrentIndex(6)
    panel = page.forward_panel
    assert panel.button.text() == "Chuyển lên cấp trên" and not panel.unsealed.isVisible()
    choose_folder(qtbot, panel.picker, stick)
    with qtbot.waitSignal(panel.exported, timeout=20_000) as signal:
        qtbot.mouseClick(panel.button, Qt.LeftButton)
    result = signal.args[0]
    assert (result.seq, result.bundles, result.units) == (1, 1, 1)
    assert panel.result.text().splitlines()[1] == (
        f"Tệp: {result.path.name} (1 gói của 1 đơn vị cấp dưới, mỗi gói giữ nguyên chữ ký; 1 bản ghi của đơn vị này).")
    report = import_bundle(province, result.path, approve={fingerprint_of(receiving)})
    assert [n.sender_name for n in report.nested] == ["Chi bộ bản Nà Khum"]


def _select_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=QPoint(rect.x() + 5, rect.center().y()))


def test_the_commune_writes_a_restore_bundle_for_the_cell_chosen(qtbot, cell_a, receiving, stick, tmp_path):
    link(cell_a, receiving, stick)
    old = fingerprint_of(cell_a)
    assert import_bundle(receiving, export_bundle(cell_a, stick).path, approve={old}).outcome == "imported"
    with Book.open(tmp_path / "may-moi") as new_pc:
        request, new = write_restore_request(new_pc, "Chi bộ bản Nà Khum", tmp_path)
    records = 1 + len(_state(receiving, cell_a.local_unit_id))  # the commune's unit record and the cell's copy
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.units_model.rowCount() == 2, timeout=10_000)
    assert not page.restore_button.isEnabled()
    _select_row(qtbot, page.units_table, 1)  # the total: nothing to restore
    assert not page.restore_button.isEnabled()
    _select_row(qtbot, page.units_table, 0)
    assert page.restore_button.isEnabled()
    qtbot.mouseClick(page.restore_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "restore_dialog", None) is not None and page.restore_dialog.isVisible(),
                    timeout=5_000)
    dialog = page.restore_dialog
    assert dialog.approved.text() == f"Mã khóa đã xác nhận ở đây của “Chi bộ bản Nà Khum”: {old}"
    choose_file(qtbot, button(dialog, "Chọn yêu cầu của máy mới…"), request)
    qtbot.waitUntil(lambda: dialog.compare.isVisible(), timeout=5_000)
    assert dialog.new_fingerprint.text() == new and not dialog.write_button.isEnabled()
    choose_folder(qtbot, dialog.picker, stick)
    qtbot.mouseClick(dialog.same, Qt.LeftButton, pos=QPoint(8, dialog.same.height() // 2))
    assert dialog.write_button.isEnabled()
    qtbot.mouseClick(dialog.write_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.result.text() != "", timeout=20_000)
    written = next(stick.glob("BANNAKHUM-KHOIPHUC-*.chibo"))
    assert dialog.result.text().splitlines() == [
        f"Đã ghi gói khôi phục sổ của “Chi bộ bản Nà Khum” vào thư mục {stick}: {written.name}, "
        f"{format_count(records)} bản ghi, niêm phong cho mã khóa {new}.",
        f"Khóa mới nay là khóa của chi bộ; khóa cũ {old} không còn dùng được cho gói sau gói số 1."]
    with receiving.session() as db:
        assert db.get(KnownUnit, cell_a.local_unit_id).fingerprint == new
    qtbot.mouseClick(dialog.close_button, Qt.LeftButton)


def test_without_the_tick_nothing_is_written(qtbot, cell_a, receiving, stick, tmp_path):
    link(cell_a, receiving, stick)
    assert import_bundle(receiving, export_bundle(cell_a, stick).path,
                         approve={fingerprint_of(cell_a)}).outcome == "imported"
    with Book.open(tmp_path / "may-moi") as new_pc:
        request, _new = write_restore_request(new_pc, "Chi bộ bản Nà Khum", tmp_path)
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    page.tabs.setCurrentIndex(3)
    qtbot.waitUntil(lambda: page.units_model.rowCount() == 2, timeout=10_000)
    _select_row(qtbot, page.units_table, 0)
    qtbot.mouseClick(page.restore_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: getattr(page, "restore_dialog", None) is not None, timeout=5_000)
    dialog = page.restore_dialog
    choose_file(qtbot, button(dialog, "Chọn yêu cầu của máy mới…"), request)
    qtbot.waitUntil(lambda: dialog.compare.isVisible(), timeout=5_000)
    choose_folder(qtbot, dialog.picker, stick)
    qtbot.mouseClick(dialog.write_button, Qt.LeftButton)  # disabled: a click does nothing
    wait_for_jobs()
    assert not list(stick.glob("*KHOIPHUC*")) and dialog.result.text() == ""
    with receiving.session() as db:
        assert db.get(KnownUnit, cell_a.local_unit_id).fingerprint == fingerprint_of(cell_a)


def test_a_new_computer_gets_the_book_back_in_the_first_run_wizard(qtbot, first_start, cell_a, receiving, stick):  # noqa: F811
    link(cell_a, receiving, stick)
    assert import_bundle(receiving, export_bundle(cell_a, stick).path,
                         approve={fingerprint_of(cell_a)}).outcome == "imported"
    wizard = first_start.wizard
    click_radio(qtbot, choice(wizard.welcome.group, "restore"))
    click(qtbot, wizard, NEXT)
    page = wizard.recover
    assert wizard.currentPage() is page and not wizard.button(FINISH).isEnabled()
    type_text(page.name, "Chi bộ bản Nà Khum")
    choose_folder(qtbot, page.picker, stick)
    qtbot.mouseClick(page.request_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: page.fingerprint.text() != "", timeout=10_000)
    request = next(stick.glob("BANNAKHUM-YEUCAU-*.chibo"))
    assert page.request_note.text() == (f"Đã ghi yêu cầu {request.name} vào thư mục {stick}. Hãy mang lên cấp trên và "
                                        "đọc mã khóa này cho cấp trên qua điện thoại.")
    restore = export_restore(receiving, "Nà Khum", stick, request=request, approve=page.fingerprint.text())

    seen = []

    def compare_then_confirm():  # the wizard itself is modal: wait for the approval dialog over it
        dialog = page.dialog
        if dialog is None or not dialog.isVisible():
            return QTimer.singleShot(20, compare_then_confirm)
        seen.append(dialog.fingerprint.text())
        assert dialog.approve_button.text() == "Hai mã giống nhau, xác nhận"
        qtbot.mouseClick(dialog.approve_button, Qt.LeftButton)

    QTimer.singleShot(0, compare_then_confirm)
    choose_file(qtbot, button(page, "Nhập gói khôi phục…"), restore.path)
    qtbot.waitUntil(lambda: page.restored, timeout=20_000)
    assert seen == [fingerprint_of(receiving)]
    assert page.status.text().startswith("Sổ của “Chi bộ bản Nà Khum” đã được dựng lại từ bản của “Đảng ủy xã Sơn "
                                         "Cao”")
    click(qtbot, wizard, FINISH)
    book = opened_book(qtbot, first_start)
    assert book.local_unit_id == cell_a.local_unit_id
    with book.session() as db:
        assert db.exec(select(KnownUnit)).one().name == "Đảng ủy xã Sơn Cao"
