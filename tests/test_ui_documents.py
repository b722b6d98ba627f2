"""Văn bản: add a document, see who has studied it, and a make-up for one missing member moves the
document's rate, in the dialog and in the list."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt

from chibo.services.documents import list_documents
from chibo.services.figures import document_figures
from chibo.text import format_percent
from conftest import show_page
from person import click, click_button


def a_document_with_someone_missing(book):
    with book.session() as db:
        for document in list_documents(db):
            f = document_figures(db, document.id, date.today())
            if f.sessions and f.missing:
                return document, f
    raise AssertionError("the demo has no document with a member still to study it")


def select(page, record_id: str) -> None:
    ids = [row[0] for row in page.model.rows]
    page.table.selectRow(ids.index(record_id))


def open_coverage(qtbot, page):
    """“Ai đã học, ai chưa; học bù, thu hoạch…” for the selected document, once its figures are read."""
    click_button(qtbot, page, "Ai đã học, ai chưa; học bù, thu hoạch…")
    qtbot.waitUntil(lambda: page.last_dialog is not None and getattr(page.last_dialog, "coverage", None) is not None,
                    timeout=10_000)
    return page.last_dialog


def new_document(qtbot, page):
    click_button(qtbot, page, "Thêm văn bản (Ctrl+N)")
    qtbot.waitUntil(lambda: page.last_dialog is not None and page.last_dialog.isVisible(), timeout=10_000)
    return page.last_dialog


def list_cells(page, record_id: str) -> tuple:
    return next(cells for rid, cells in page.model.rows if rid == record_id)


def test_makeup_for_a_missing_member_moves_the_rate(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "documents")
    document, before = a_document_with_someone_missing(window.book)
    assert list_cells(page, document.id)[5] == f"{before.studied_count}/{before.required}"
    select(page, document.id)
    coverage = open_coverage(qtbot, page)
    assert coverage.summary.text().startswith(
        f"Đã học {before.studied_count}/{before.required} đảng viên phải học ({format_percent(before.percent)})")
    missing_rows = [r for r in coverage.model.rows if r[1][1] == "Chưa học"]
    assert len(missing_rows) == len(before.missing)
    click(qtbot, coverage.makeup_button)
    qtbot.waitUntil(lambda: coverage.last_dialog is not None and coverage.last_dialog.isVisible(), timeout=10_000)
    makeup = coverage.last_dialog
    first = before.missing[0]
    for i in range(makeup.invited.count()):  # only the first missing member comes
        item = makeup.invited.item(i)
        item.setCheckState(Qt.Checked if item.data(Qt.UserRole) == first.member_id else Qt.Unchecked)
    makeup.place.setText("Nhà văn hóa bản")
    with qtbot.waitSignal(makeup.saved, timeout=10_000):
        click(qtbot, makeup.save_button)
    after_text = f"{before.studied_count + 1}/{before.required}"
    qtbot.waitUntil(lambda: coverage.summary.text().startswith(f"Đã học {after_text}"), timeout=10_000)
    assert f"{len(before.makeups) + 1} buổi học bù." in coverage.summary.text()
    row = next(cells for member_id, cells, _ in coverage.model.rows if member_id == first.member_id)
    assert row[1] == "Đã học" and row[2].endswith("(học bù)")
    qtbot.waitUntil(lambda: list_cells(page, document.id)[5] == after_text, timeout=10_000)
    expected = format_percent(100.0 * (before.studied_count + 1) / before.required)
    assert list_cells(page, document.id)[6] == expected


def test_makeup_with_nobody_invited_is_refused(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "documents")
    document, before = a_document_with_someone_missing(window.book)
    select(page, document.id)
    coverage = open_coverage(qtbot, page)
    click(qtbot, coverage.makeup_button)
    qtbot.waitUntil(lambda: coverage.last_dialog is not None and coverage.last_dialog.isVisible(), timeout=10_000)
    makeup = coverage.last_dialog
    for i in range(makeup.invited.count()):
        makeup.invited.item(i).setCheckState(Qt.Unchecked)
    click(qtbot, makeup.save_button)
    qtbot.waitUntil(makeup.error.isVisible, timeout=10_000)
    assert makeup.error.text() == "Hãy chọn ít nhất một người để mời học bù."
    with window.book.session() as db:
        assert document_figures(db, document.id, date.today()).studied_count == before.studied_count


def test_add_document_guesses_its_kind_and_refuses_a_deadline_before_issue(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "documents")
    editor = new_document(qtbot, page)
    qtbot.keyClicks(editor.number_symbol, "45-CT/TW")
    assert editor.kind.currentText() == "Chỉ thị"
    editor.title.setPlainText("về tăng cường công tác bảo vệ rừng")
    editor.issued_on.setText("10/11/2026")
    editor.deadline.setText("01/11/2026")
    count = page.model.rowCount()
    click(qtbot, editor.save_button)
    qtbot.waitUntil(editor.error.isVisible, timeout=10_000)
    assert editor.error.text() == "Thời hạn hoàn thành không thể trước ngày ban hành."
    editor.deadline.setText("31/12/2026")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        click(qtbot, editor.save_button)
    qtbot.waitUntil(lambda: page.model.rowCount() == count + 1, timeout=10_000)
    symbols = [cells[0] for _, cells in page.model.rows]
    assert "45-CT/TW" in symbols


def test_a_title_typed_as_on_the_paper_is_kept_without_kind_number_and_issuing_body(qtbot, demo_window):
    window = demo_window
    page = show_page(qtbot, window, "documents")
    editor = new_document(qtbot, page)
    qtbot.keyClicks(editor.number_symbol, "15-KH/")
    editor.number_symbol.insert("ĐU")  # QTest types Latin-1 only: the rest as a keyboard's input method would
    assert editor.kind.currentText() == "Kế hoạch"
    assert not editor.stored_as.isVisible()
    editor.title.setFocus()
    editor.title.insertPlainText("Kế hoạch số 15-KH/ĐU của Ban Thường vụ Đảng ủy xã về phòng cháy rừng")
    assert editor.stored_as.text() == ("Sẽ ghi trích yếu: “về phòng cháy rừng”; cơ quan ban hành: Ban Thường vụ Đảng "
                                       "ủy xã.")
    with qtbot.waitSignal(editor.saved, timeout=10_000):
        qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    with window.book.session() as db:
        document = next(d for d in list_documents(db) if d.number_symbol == "15-KH/ĐU")
        assert (document.title, document.issuer) == ("về phòng cháy rừng", "Ban Thường vụ Đảng ủy xã")
