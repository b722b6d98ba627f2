"""Trao đổi dữ liệu: a cell writes its bundle to a folder; the receiving level imports two, approves
the new one by its fingerprint, and sees the sum."""

from __future__ import annotations

import pytest

from chibo.store.models import KnownUnit
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from chibo.sync.keys import load_keys
from chibo.ui.operations import wait_for_jobs

from conftest import open_main_window


def open_window(qtbot, book):
    return open_main_window(qtbot, book, page="exchange")


@pytest.fixture(autouse=True)
def _drain():
    yield
    wait_for_jobs()


def test_a_cell_writes_its_bundle_and_is_told_where_how_big_and_that_it_was_checked(qtbot, cell_a, stick):
    window = open_window(qtbot, cell_a)
    page = window.exchange
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Gửi báo cáo lên cấp trên", "Nhận gói kế hoạch", "Nhật ký"]
    assert "Chưa nhập gói kế hoạch của cấp trên" in page.state.text()
    panel = page.export_panel
    panel.picker.set_folder(stick)
    with qtbot.waitSignal(panel.exported, timeout=20_000) as signal:
        panel.button.click()
    result = signal.args[0]
    files = list(stick.glob("*.chibo"))
    assert files == [result.path] and not list(stick.glob("*.partial"))
    size_kb = round(files[0].stat().st_size / 1024)
    assert panel.result.text().startswith(f"Đã ghi gói số 1 vào thư mục {stick}, {size_kb} KB, đã kiểm tra.")
    assert "chưa được niêm phong" in panel.result.text()
    fingerprint = load_keys(cell_a.folder).fingerprint  # made by the first export, then shown for reading aloud
    qtbot.waitUntil(lambda: f"<b>{fingerprint}</b>" in page.key_line.text(), timeout=10_000)


def test_a_missing_stick_gives_a_sentence_and_writes_nothing(qtbot, cell_a, tmp_path, monkeypatch):
    from PySide6.QtWidgets import QMessageBox

    shown = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _parent, _title, text: shown.append(text))
    window = open_window(qtbot, cell_a)
    panel = window.exchange.export_panel
    panel.picker.set_folder(tmp_path / "pulled-out")  # the stick was removed after it was chosen
    panel.button.click()
    qtbot.waitUntil(lambda: bool(shown), timeout=10_000)
    assert "Không thấy thư mục" in shown[0] and "Hãy cắm USB" in shown[0]
    assert panel.button.isEnabled() and panel.result.text() == ""


def test_the_receiving_level_imports_approves_by_fingerprint_and_sums(qtbot, cell_a, cell_b, receiving, stick):
    bundles = [export_bundle(cell, stick).path for cell in (cell_a, cell_b)]
    import_bundle(receiving, bundles[0], approve_new=True)
    window = open_window(qtbot, receiving)
    page = window.exchange
    assert [page.tabs.tabText(i) for i in range(page.tabs.count())] == [
        "Nhận gói báo cáo", "Số liệu tổng hợp", "Gửi gói kế hoạch", "Nhật ký"]

    with qtbot.waitSignal(page.imports.imported, timeout=20_000):
        page.imports.import_files(bundles)
    assert page.imports.status.text() == "Đã xử lý 2 gói: nhập 1, chờ xác nhận 1, bị từ chối 0."
    rows = [page.imports.model.rows[i][1] for i in range(2)]
    assert rows[0][1:4] == ("Chi bộ bản Nà Khum", "1", "Đã nhập") and rows[0][4] == "0"  # a replay: all duplicates
    assert rows[1][1:4] == ("Chi bộ bản Phìn Hồ", "1", "Chờ xác nhận")
    fingerprint_b = load_keys(cell_b.folder).fingerprint
    qtbot.waitUntil(lambda: page.pending.model.rowCount() == 1, timeout=10_000)
    assert page.pending.model.rows[0][1][:2] == ("Chi bộ bản Phìn Hồ", fingerprint_b)
    assert page.units_model.rowCount() == 2  # Nà Khum and the total: Phìn Hồ is not counted yet

    asked = []
    page.pending.confirm = lambda unit: asked.append(unit.fingerprint) or True
    with qtbot.waitSignal(page.pending.decided, timeout=20_000) as decided:
        page.pending.approve_button.click()
    assert asked == [fingerprint_b]
    assert [r.outcome for r in decided.args[0]] == ["imported"]
    qtbot.waitUntil(lambda: page.units_model.rowCount() == 3, timeout=10_000)
    names = [row[1][0] for row in page.units_model.rows]
    assert names == ["Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ", "Tổng cộng"]
    assert page.units_model.rows[2][1][4] == "68"
    assert not page.pending.isVisible()
    with receiving.session() as db:
        assert db.get(KnownUnit, decided.args[0][0].sender_unit_id).approval == "approved"


def test_a_cancelled_approval_counts_nothing(qtbot, cell_a, receiving, stick):
    import_bundle(receiving, export_bundle(cell_a, stick).path)
    window = open_window(qtbot, receiving)
    page = window.exchange
    qtbot.waitUntil(lambda: page.pending.model.rowCount() == 1, timeout=10_000)
    page.pending.confirm = lambda unit: False
    page.pending.approve_button.click()
    wait_for_jobs()
    with receiving.session() as db:
        assert db.get(KnownUnit, page.pending.units[0].unit_id).approval == "pending"
