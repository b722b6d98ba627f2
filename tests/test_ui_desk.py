"""The commune's desk in the app, acted as a person would: the month chosen in the list, the table
of who reported (in words and colours), the printed list of cells not yet reported, the review of
a bundle with its note (and the note refused while too long), the grace days in Cài đặt, the
study rates chart; and at the cell, the note on its overview."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QLabel

from chibo.services.superior_notes import superior_notes
from chibo.sync.export import export_bundle, export_plan
from chibo.sync.importer import import_bundle
from chibo.ui.operations import wait_for_jobs
from conftest import answer_next_dialog, fingerprint_of, link, open_main_window
from desk import PERIOD, three_cells
from person import button, click, click_button, replace_text, type_text

NOTE = "Thiếu biên bản sinh hoạt tháng 5/2026; đề nghị chi bộ gửi bổ sung."


@pytest.fixture(autouse=True)
def _drain():
    yield
    wait_for_jobs()


def settle(qtbot) -> None:
    """At a test's end: the reloads a change set off, and what they send back, done with while the
    window still lives (pytest-qt closes it before the fixtures end)."""
    for _ in range(3):
        wait_for_jobs()
        qtbot.wait(150)


def _tab(qtbot, page, title: str):
    bar = page.tabs.tabBar()
    index = next(i for i in range(page.tabs.count()) if page.tabs.tabText(i) == title)
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(index).center())
    assert page.tabs.currentIndex() == index
    return page.tabs.widget(index)


def _select_row(qtbot, table, row: int) -> None:
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), Qt.LeftButton, pos=QPoint(rect.x() + 5, rect.center().y()))


def _choose_month(qtbot, panel, period: str) -> None:
    """Down or Up in the list of months, as a person steps through it with the arrow keys."""
    target = panel.period.findData(period)
    panel.period.setFocus()
    while panel.period.currentIndex() != target:
        key = Qt.Key_Down if panel.period.currentIndex() < target else Qt.Key_Up
        qtbot.keyClick(panel.period, key)
    qtbot.waitUntil(lambda: panel.report is not None and panel.report.period.key == period, timeout=10_000)


def test_who_has_reported_in_words_and_colours_and_the_printed_list(qtbot, receiving, stick, tmp_path):
    three_cells(receiving, stick, tmp_path)
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    panel = _tab(qtbot, page, "Tình hình báo cáo")
    qtbot.waitUntil(lambda: panel.report is not None, timeout=10_000)
    _choose_month(qtbot, panel, PERIOD)
    assert panel.period.currentText() == "Tháng 5/2026"
    assert panel.summary.text().startswith("Báo cáo tháng 5/2026, hạn 05/06/2026 (ngày cuối tháng và 5 ngày gia hạn): "
                                           "đã nhận 2/3 (66,67%), đúng hạn 1/3 (33,33%), muộn 1, chưa nhận 1.")
    model = panel.model
    headers = [model.headerData(c, Qt.Horizontal) for c in range(model.columnCount())]
    assert headers == ["Chi bộ", "Tháng 5/2026", "Ngày nhận", "Bí thư", "Điện thoại", "12-KH/ĐU\nhạn 31/05/2026"]
    rows = {row[1][0]: row[1] for row in model.rows}
    assert rows["Chi bộ bản Nà Khum"] == ("Chi bộ bản Nà Khum", "Đúng hạn", "03/06/2026", "Lò Văn Pọm", "0913 111 222",
                                          "Đúng hạn")
    assert rows["Chi bộ bản Phìn Hồ"] == ("Chi bộ bản Phìn Hồ", "Muộn (12/06/2026)", "12/06/2026", "Giàng Thị Mỷ",
                                          "0987 654 321", "Muộn (12/06/2026)")
    assert rows["Chi bộ bản Nậm Cáy"] == ("Chi bộ bản Nậm Cáy", "Chưa nhận, quá hạn", "", "Lò Thị Hoa", "0912 345 678",
                                          "Chưa nhận, quá hạn")
    colours = {model.rows[r][1][0]: model.data(model.index(r, 1), Qt.BackgroundRole).name() for r in range(3)}
    assert colours == {"Chi bộ bản Nà Khum": "#d7efd9", "Chi bộ bản Phìn Hồ": "#ffe6a8", "Chi bộ bản Nậm Cáy": "#f6c9c9"}
    assert model.data(model.index(0, 0), Qt.BackgroundRole) is None  # the name is not a state

    click_button(qtbot, panel, "In danh sách chi bộ chưa báo cáo…")
    qtbot.waitUntil(lambda: panel.last_dialog is not None and panel.last_dialog.isVisible(), timeout=20_000)
    dialog = panel.last_dialog
    body = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "1 Chi bộ bản Nậm Cáy Lò Thị Hoa 0912 345 678 Số 1, 02/05/2026 Chưa nhận, quá hạn" in body
    assert dialog.file_name == "chi-bo-chua-bao-cao-2026-05.pdf" and dialog.count.text() == "1 trang"
    click_button(qtbot, dialog, "Đóng")

    answer_next_dialog(qtbot, "Có")
    click_button(qtbot, panel, "Chốt số liệu tháng này…")
    qtbot.waitUntil(lambda: panel.report.period.closed_on is not None, timeout=10_000)
    assert button(panel, "Bỏ chốt số liệu tháng này…").isVisible()
    assert "Đã chốt số liệu ngày" in panel.summary.text()
    settle(qtbot)


def test_a_bundle_marked_needs_more_with_its_note_and_a_note_too_long_refused(qtbot, receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    panel = _tab(qtbot, page, "Duyệt gói")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 3, timeout=10_000)
    names = [row[1][1] for row in panel.model.rows]
    assert names == ["Chi bộ bản Phìn Hồ", "Chi bộ bản Nà Khum", "Chi bộ bản Nậm Cáy"]  # newest first
    assert panel.model.rows[1][1][2:6] == ("1", "4/2026, 5/2026", "Đã nhận", "không")
    assert not button(panel, "Cần bổ sung…").isEnabled()
    _select_row(qtbot, panel.table, 1)
    assert panel.details.text() == ("Chi bộ bản Nà Khum, gói số 1: Đã nhận.\n"
                                    "Kiểm tra khi nhập không thấy điều gì cần hỏi lại.")
    click_button(qtbot, panel, "Cần bổ sung…")
    dialog = panel.note_dialog
    qtbot.waitUntil(dialog.isVisible, timeout=5_000)
    type_text(dialog.text, "x" * 501)
    assert dialog.count.text() == "501/500 ký tự"
    click_button(qtbot, dialog, "OK")
    qtbot.waitUntil(lambda: dialog.error.text() != "" and dialog.isVisible(), timeout=10_000)
    assert dialog.error.text() == "Ghi chú gửi chi bộ dài quá 500 ký tự (501 ký tự); hãy rút gọn."
    assert panel.model.rows[1][1][4] == "Đã nhận"  # nothing saved
    replace_text(qtbot, dialog.text, NOTE)
    click_button(qtbot, dialog, "OK")
    qtbot.waitUntil(lambda: panel.model.rows[1][1][4] == "Cần bổ sung", timeout=10_000)
    assert panel.model.rows[1][1][6] == NOTE and not dialog.isVisible()
    assert panel.model.data(panel.model.index(1, 4), Qt.BackgroundRole).name() == "#ffe6a8"
    assert f"Ghi chú gửi chi bộ: {NOTE}" in panel.details.text()

    plan = export_plan(receiving, stick)
    assert import_bundle(desk.on_time, plan.path).outcome == "imported"
    with desk.on_time.session() as db:
        assert [(n.seq, n.status, n.note) for n in superior_notes(db)] == [(1, "needs_more", NOTE)]
    settle(qtbot)


def test_the_note_shows_on_the_cells_overview(qtbot, receiving, stick, tmp_path):
    from chibo.sync.review import find_review, mark_review

    desk = three_cells(receiving, stick, tmp_path)
    with receiving.session() as db:
        mark_review(db, find_review(db, desk.on_time.local_unit_id, 1).id, "needs_more", NOTE)
    assert import_bundle(desk.on_time, export_plan(receiving, stick).path).outcome == "imported"
    window = open_main_window(qtbot, desk.on_time, page="overview")
    card = window.overview.cards["exchange"]
    lines = [label.text() for label in card.findChildren(QLabel)]
    assert card.property("tone") == "todo"
    assert f"Gói số 1 — Cần bổ sung (Đảng ủy xã Sơn Cao, {date.today():%d/%m/%Y}): {NOTE}" in lines
    settle(qtbot)


def test_the_grace_days_are_set_in_settings_at_the_receiving_level_only(qtbot, receiving, book, stick, tmp_path):
    three_cells(receiving, stick, tmp_path)
    window = open_main_window(qtbot, receiving, page="settings")
    settings = window.settings
    assert settings.grace.isVisibleTo(settings) and settings.grace.value() == 5
    replace_text(qtbot, settings.grace.lineEdit(), "12")
    click(qtbot, settings.save_button)
    qtbot.waitUntil(lambda: settings.status.text() == "Đã lưu.", timeout=10_000)
    from chibo.sync.completeness import completeness

    with receiving.session() as db:
        month = completeness(db, PERIOD).period
    assert month.due == date(2026, 6, 12)
    assert {c.label: str(c.status) for c in month.cells}["Chi bộ bản Phìn Hồ"] == "on_time"
    cell_window = open_main_window(qtbot, book, page="settings")
    assert not cell_window.settings.grace.isVisibleTo(cell_window.settings)
    settle(qtbot)


def test_the_chart_draws_a_bar_per_cell_for_the_document_chosen(qtbot, cell_a, cell_b, receiving, stick):
    for cell in (cell_a, cell_b):
        link(cell, receiving, stick)
        import_bundle(receiving, export_bundle(cell, stick).path, approve={fingerprint_of(cell)})
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    panel = _tab(qtbot, page, "Biểu đồ tỷ lệ học tập")
    qtbot.waitUntil(lambda: panel.document.count() > 0, timeout=10_000)
    symbols = [panel.document.itemText(i) for i in range(panel.document.count())]
    assert "57-NQ/TW" in symbols
    panel.document.setFocus()
    while panel.document.currentText() != "57-NQ/TW":
        qtbot.keyClick(panel.document, Qt.Key_Down)
    bars = panel.chart.bars
    assert {b.label for b in bars} == {"Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ"}
    assert [b.rate for b in bars] == sorted(b.rate for b in bars)  # lowest first
    for bar in bars:  # each bar is the figure of the summed table of the same page
        [row] = [u for u in page_units(page) if u.label == bar.label]
        assert (bar.studied, bar.required) == (row.documents["57-NQ/TW"].studied, row.documents["57-NQ/TW"].required)
    assert panel.chart.title == "Tỷ lệ học tập 57-NQ/TW theo chi bộ, thấp nhất trước"
    image = panel.chart.grab()
    assert image.height() >= panel.chart.TOP + 2 * panel.chart.ROW


def page_units(page):
    return page.chart_panel.units


def test_the_consolidated_report_and_its_excel_file_from_the_summed_figures_tab(qtbot, cell_a, cell_b, receiving, stick,
                                                                                tmp_path, monkeypatch):
    from openpyxl import load_workbook
    from PySide6.QtWidgets import QFileDialog

    for cell in (cell_a, cell_b):
        link(cell, receiving, stick)
        import_bundle(receiving, export_bundle(cell, stick).path, approve={fingerprint_of(cell)})
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    _tab(qtbot, page, "Số liệu tổng hợp")
    bar = page.report_bar
    qtbot.waitUntil(lambda: bar.document.count() > 1, timeout=10_000)
    assert bar.document.itemText(0) == "tất cả các văn bản"
    bar.document.setFocus()
    while bar.document.currentText() != "57-NQ/TW":
        qtbot.keyClick(bar.document, Qt.Key_Down)
    click_button(qtbot, bar, "Xem trước")
    qtbot.waitUntil(lambda: bar.papers.last_dialog is not None and bar.papers.last_dialog.isVisible(), timeout=30_000)
    dialog = bar.papers.last_dialog
    assert dialog.note.text() == ("Bản xem trước, chưa cấp số. Khi In hoặc Lưu PDF, giấy này nhận số 01-BC/ĐU và được "
                                  "lưu vào sổ đăng ký văn bản đi.")
    body = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(dialog.pdf)).pages)
    assert "Số ......-BC/ĐU" in body and "BÁO CÁO Kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW" in body
    click_button(qtbot, dialog, "Đóng")

    saved = tmp_path / "bao-cao-57.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(saved), ""))
    with qtbot.waitSignal(bar.papers.paper_built, timeout=30_000) as built:
        click_button(qtbot, bar, "Lưu PDF…")
    assert built.args[0].number_symbol == "01-BC/ĐU" and saved.exists()
    workbook = tmp_path / "bieu-57.xlsx"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *args, **kwargs: (str(workbook), ""))
    click_button(qtbot, bar, "Xuất Excel…")
    qtbot.waitUntil(lambda: bar.status.text() != "", timeout=30_000)
    assert bar.status.text() == f"Đã xuất các bảng của báo cáo số 01-BC/ĐU ra {workbook}."
    sheet = load_workbook(workbook)["57-NQ-TW"]
    assert sheet["A2"].value.startswith("(Kèm theo Báo cáo số 01-BC/ĐU, ngày ")
    total = [c.value for c in sheet[8]]
    assert total[1] == "Tổng cộng" and (total[4], total[5]) == (64, 57)
    assert f"{total[5]}/{total[4]} đảng viên, đạt 89,06%" in " ".join(" ".join(p.extract_text().split())
                                                                    for p in PdfReader(saved).pages)
    settle(qtbot)


def test_a_bundle_with_warnings_says_so_where_it_is_imported_and_lists_them_in_the_review(qtbot, receiving, stick,
                                                                                       tmp_path):
    from sqlmodel import select

    from chibo.services.documents import add_document
    from chibo.services.essays import record_essay
    from chibo.store.models import Member
    from person import choose_files

    desk = three_cells(receiving, stick, tmp_path)
    with desk.missing.session() as db:
        member = db.exec(select(Member)).first()
        lone = add_document(db, number_symbol="04-HD/BTGTU", title="về tuyên truyền biển đảo", issuing_level="tinh_uy",
                            issued_on=date(2026, 3, 1))
        record_essay(db, member.id, lone.id, grade="Tốt")
    bundle = export_bundle(desk.missing, stick).path
    page = open_main_window(qtbot, receiving, page="exchange").exchange
    with qtbot.waitSignal(page.imports.imported, timeout=20_000):
        choose_files(qtbot, page.imports.files_button, [bundle])
    row = page.imports.model.rows[0][1]
    assert row[3] == "Đã nhập" and row[9] == "1 cảnh báo: xem thẻ “Duyệt gói”"
    panel = _tab(qtbot, page, "Duyệt gói")
    qtbot.waitUntil(lambda: panel.model.rowCount() == 4, timeout=10_000)
    assert panel.model.rows[0][1][1:3] == ("Chi bộ bản Nậm Cáy", "2") and panel.model.rows[0][1][5] == "1 cảnh báo"
    assert panel.model.data(panel.model.index(0, 5), Qt.BackgroundRole).name() == "#f6c9c9"
    _select_row(qtbot, panel.table, 0)
    assert panel.details.text().splitlines()[1] == (
        "Cảnh báo: Học mà không có buổi: văn bản 04-HD/BTGTU có 1 bài thu hoạch nhưng chi bộ chưa có buổi học tập nào "
        "về văn bản này.")
    settle(qtbot)
