"""Trao đổi dữ liệu, acted as a person would: a cell without its superior's key writes nothing until
it says so twice; a cell that has it writes a sealed bundle; the receiving level imports, compares
fingerprints in the approval dialog (both of them when a key changed), ticks the extra box for a
cell of another committee, and sees the sum."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QCheckBox, QDialog
from sqlmodel import func, select

from chibo.services.keys import load_keys, make_new_keys
from chibo.store.book import get_setting
from chibo.store.models import KnownUnit, Member
from chibo.sync.export import NOT_SEALED, SEQ_SETTING, export_bundle
from chibo.sync.importer import import_bundle
from chibo.ui.operations import wait_for_jobs
from conftest import answer_next_dialog, fingerprint_of, link, open_main_window, show_page
from person import choose_files, choose_folder


def open_window(qtbot, book):
    return open_main_window(qtbot, book, page="exchange")


@pytest.fixture(autouse=True)
def _drain():
    yield
    wait_for_jobs()


def _seq(book) -> int:
    with book.session() as db:
        return int(get_setting(db, SEQ_SETTING, 0))


def test_without_the_superiors_key_a_cell_writes_nothing_until_it_says_so_twice(qtbot, cell_a, stick):
    window = open_window(qtbot, cell_a)
    page = show_page(qtbot, window, "exchange")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Gửi báo cáo lên cấp trên", "Nhận gói kế hoạch", "Nhật ký"]
    assert "Chưa nhập gói kế hoạch của cấp trên nên gói báo cáo chưa niêm phong được" in page.state.text()
    panel = page.export_panel
    choose_folder(qtbot, panel.picker, stick)
    seen = []
    answer_next_dialog(qtbot, "OK", seen=seen)
    qtbot.mouseClick(panel.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and panel.button.isEnabled(), timeout=10_000)
    assert seen == [NOT_SEALED]
    assert list(stick.iterdir()) == [] and _seq(cell_a) == 0  # no file, no number spent

    assert panel.unsealed.isVisible()
    qtbot.mouseClick(panel.unsealed, Qt.LeftButton)
    answer_next_dialog(qtbot, "Hủy", seen=seen)  # the second question: a person may still step back
    qtbot.mouseClick(panel.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(seen) == 2, timeout=10_000)
    assert "ai cầm USB cũng đọc được họ tên, ngày sinh" in seen[1]
    wait_for_jobs()
    assert list(stick.iterdir()) == [] and _seq(cell_a) == 0

    answer_next_dialog(qtbot, "Xuất không niêm phong")
    with qtbot.waitSignal(panel.exported, timeout=20_000) as signal:
        qtbot.mouseClick(panel.button, Qt.LeftButton)
    assert not signal.args[0].sealed and _seq(cell_a) == 1
    assert "Gói KHÔNG được niêm phong" in panel.result.text()


def test_a_cell_that_has_its_superiors_key_writes_a_sealed_bundle(qtbot, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    window = open_window(qtbot, cell_a)
    page = show_page(qtbot, window, "exchange")
    superior = fingerprint_of(receiving)
    assert f"Cấp trên: Đảng ủy xã Sơn Cao (mã khóa {superior})" in page.state.text()
    panel = page.export_panel
    assert not panel.unsealed.isVisible()
    choose_folder(qtbot, panel.picker, stick)
    with qtbot.waitSignal(panel.exported, timeout=20_000) as signal:
        qtbot.mouseClick(panel.button, Qt.LeftButton)
    result = signal.args[0]
    assert result.sealed and result.path.parent == stick and not list(stick.glob("*.partial"))
    size_kb = round(result.path.stat().st_size / 1024)
    assert panel.result.text().startswith(f"Đã ghi gói số 1 vào thư mục {stick}, {size_kb} KB, đã kiểm tra.")
    assert "niêm phong" not in panel.result.text()
    fingerprint = load_keys(cell_a.folder).fingerprint
    qtbot.waitUntil(lambda: f"<b>{fingerprint}</b>" in page.key_line.text(), timeout=10_000)


def test_a_missing_stick_gives_a_sentence_and_writes_nothing(qtbot, cell_a, receiving, stick, tmp_path):
    link(cell_a, receiving, stick)
    window = open_window(qtbot, cell_a)
    panel = window.exchange.export_panel
    choose_folder(qtbot, panel.picker, tmp_path / "pulled-out")  # the stick was removed after it was chosen
    seen = []
    answer_next_dialog(qtbot, "OK", seen=seen)
    qtbot.mouseClick(panel.button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(seen) and panel.button.isEnabled(), timeout=10_000)
    assert "Không thấy thư mục" in seen[0] and "Hãy cắm USB" in seen[0]
    assert panel.result.text() == "" and not (tmp_path / "pulled-out").exists() and _seq(cell_a) == 0


def _approve_in_dialog(qtbot, page, *, tick=False, seen=None):
    def before(dialog):
        if seen is not None:
            seen.append((dialog.fingerprint.text(), getattr(dialog, "previous", None) and dialog.previous.text(),
                         dialog.approve_button.isEnabled()))
        if tick:
            qtbot.mouseClick(dialog.findChild(QCheckBox), Qt.LeftButton)

    answer_next_dialog(qtbot, "Hai mã giống nhau, xác nhận", before=before)
    with qtbot.waitSignal(page.pending.decided, timeout=20_000) as decided:
        qtbot.mouseClick(page.pending.approve_button, Qt.LeftButton)
    return decided.args[0]


def test_the_receiving_level_imports_approves_by_fingerprint_and_sums(qtbot, cell_a, cell_b, receiving, stick):
    for cell in (cell_a, cell_b):
        link(cell, receiving, stick)
    bundles = [export_bundle(cell, stick).path for cell in (cell_a, cell_b)]
    import_bundle(receiving, bundles[0], approve={fingerprint_of(cell_a)})
    window = open_window(qtbot, receiving)
    page = show_page(qtbot, window, "exchange")
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Nhận gói báo cáo", "Duyệt gói", "Tình hình báo cáo", "Số liệu tổng hợp", "Biểu đồ tỷ lệ học tập",
        "Gửi gói kế hoạch", "Nhật ký"]

    with qtbot.waitSignal(page.imports.imported, timeout=20_000):
        choose_files(qtbot, page.imports.files_button, bundles)  # “Nhập gói báo cáo…”
    assert page.imports.status.text() == "Đã xử lý 2 gói: nhập 1, chờ xác nhận 1, bị từ chối 0."
    rows = [page.imports.model.rows[i][1] for i in range(2)]
    assert rows[0][1:4] == ("Chi bộ bản Nà Khum", "1", "Đã nhập") and rows[0][4] == "0"  # a replay: all duplicates
    assert rows[1][1:4] == ("Chi bộ bản Phìn Hồ", "1", "Chờ xác nhận")
    fingerprint_b = load_keys(cell_b.folder).fingerprint
    qtbot.waitUntil(lambda: page.pending.model.rowCount() == 1, timeout=10_000)
    assert page.pending.model.rows[0][1][:3] == ("Chi bộ bản Phìn Hồ", "(đơn vị mới)", fingerprint_b)
    assert page.units_model.rowCount() == 2  # Nà Khum and the total: Phìn Hồ is not counted yet

    seen = []
    reports = _approve_in_dialog(qtbot, page, seen=seen)
    assert seen == [(fingerprint_b, None, True)]
    assert [r.outcome for r in reports] == ["imported"]
    qtbot.waitUntil(lambda: page.units_model.rowCount() == 3, timeout=10_000)
    names = [row[1][0] for row in page.units_model.rows]
    assert names == ["Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ", "Tổng cộng"]
    assert page.units_model.rows[2][1][4] == "68"
    assert not page.pending.isVisible()
    with receiving.session() as db:
        assert db.get(KnownUnit, reports[0].sender_unit_id).approval == "approved"


def _held_on_the_page(qtbot, receiving, bundle):
    """The receiving level's exchange page after importing `bundle`, held there for a person's word."""
    page = open_window(qtbot, receiving).exchange
    with qtbot.waitSignal(page.imports.imported, timeout=20_000):
        choose_files(qtbot, page.imports.files_button, [bundle])
    qtbot.waitUntil(lambda: page.pending.model.rowCount() == 1, timeout=10_000)
    return page


def test_a_new_key_shows_both_fingerprints_and_counts_once_approved(qtbot, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    old = fingerprint_of(cell_a)
    first = export_bundle(cell_a, stick)
    assert import_bundle(receiving, first.path, approve={old}).outcome == "imported"
    keys, previous = make_new_keys(cell_a)  # the cell restored its book on a new computer
    assert previous == old
    page = _held_on_the_page(qtbot, receiving, export_bundle(cell_a, stick).path)
    assert page.pending.model.rows[0][1][:3] == ("Chi bộ bản Nà Khum", old, keys.fingerprint)
    assert f"mã khóa cũ {old}, mã khóa mới {keys.fingerprint}" in page.pending.reason.text()
    with receiving.session() as db:
        members = db.exec(select(func.count()).select_from(Member)).one()

    answer_next_dialog(qtbot, "Hủy")  # cancelled: still held, nothing counted
    qtbot.mouseClick(page.pending.approve_button, Qt.LeftButton)
    wait_for_jobs()
    assert page.pending.model.rowCount() == 1

    seen = []
    reports = _approve_in_dialog(qtbot, page, seen=seen)
    assert seen == [(keys.fingerprint, old, True)]
    assert [r.outcome for r in reports] == ["imported"] and reports[0].counts["new"] == 0
    with receiving.session() as db:
        assert db.exec(select(func.count()).select_from(Member)).one() == members  # counted once
        assert db.get(KnownUnit, cell_a.local_unit_id).fingerprint == keys.fingerprint


def test_a_cell_of_another_committee_needs_the_extra_tick(qtbot, cell_a, receiving, stick):
    from chibo.services.units import update_unit

    link(cell_a, receiving, stick)
    with cell_a.session() as db:  # the cell declares another commune as its superior
        update_unit(db, superior_name="Đảng bộ xã Mường Khương")
    page = _held_on_the_page(qtbot, receiving, export_bundle(cell_a, stick).path)
    assert "khai cấp trên là “Đảng bộ xã Mường Khương”, không phải “Đảng ủy xã Sơn Cao”" in page.pending.reason.text()
    seen = []
    reports = _approve_in_dialog(qtbot, page, tick=True, seen=seen)
    assert seen[0][2] is False  # the confirm button stayed disabled until the box was ticked
    assert [r.outcome for r in reports] == ["imported"]


def test_a_cancelled_approval_counts_nothing(qtbot, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    import_bundle(receiving, export_bundle(cell_a, stick).path)
    window = open_window(qtbot, receiving)
    page = show_page(qtbot, window, "exchange")
    qtbot.waitUntil(lambda: page.pending.model.rowCount() == 1, timeout=10_000)
    answer_next_dialog(qtbot, "Hủy")
    qtbot.mouseClick(page.pending.approve_button, Qt.LeftButton)
    wait_for_jobs()
    assert isinstance(page.pending.dialog, QDialog) and page.pending.dialog.result() == QDialog.Rejected
    with receiving.session() as db:
        assert db.get(KnownUnit, page.pending.units[0].unit_id).approval == "pending"


def test_a_superiors_new_key_waiting_is_said_on_the_send_tab(qtbot, cell_a, receiving, stick):
    """The commune made new keys and its plan is held at the cell: the tab the secretary sends from
    says so, with both fingerprints, until the key is confirmed."""
    link(cell_a, receiving, stick)
    old = fingerprint_of(receiving)
    keys, _previous = make_new_keys(receiving)
    from chibo.sync.export import export_plan

    plan = export_plan(receiving, stick)
    assert import_bundle(cell_a, plan.path).outcome == "pending"
    window = open_window(qtbot, cell_a)
    page = show_page(qtbot, window, "exchange")
    waiting = (f"Cấp trên đã gửi mã khóa mới ({keys.fingerprint}, thay cho {old}), đang chờ đồng chí xác nhận ở mục "
               "“Mã khóa chờ xác nhận” trong thẻ “Nhận gói kế hoạch”. Khi chưa xác nhận, gói báo cáo vẫn được niêm "
               f"phong bằng khóa cũ {old}: hãy gọi điện cho cấp trên")
    qtbot.waitUntil(lambda: waiting in page.state.text(), timeout=10_000)
    assert page.state.text().startswith(f"Cấp trên: Đảng ủy xã Sơn Cao (mã khóa {old})")
    qtbot.waitUntil(lambda: page.pending.model.rowCount() == 1, timeout=10_000)
    page.pending.table.selectRow(0)
    seen = []
    reports = _approve_in_dialog(qtbot, page, seen=seen)  # compared on the phone, confirmed with a click
    assert seen == [(keys.fingerprint, old, True)] and [r.outcome for r in reports] == ["imported"]
    qtbot.waitUntil(lambda: f"(mã khóa {keys.fingerprint})" in page.state.text(), timeout=10_000)
    assert "mã khóa mới" not in page.state.text()
