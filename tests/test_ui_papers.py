"""Xem trước / In / Lưu PDF from the Sinh hoạt, Văn bản and Kế hoạch pages."""

import io

import pytest
from pypdf import PdfReader
from PySide6.QtWidgets import QDialog, QFileDialog, QMessageBox

from chibo.store.models import Meeting


@pytest.fixture
def window(demo_window):
    return demo_window


def test_preview_of_the_minutes_shows_its_pages_and_numbers_the_session(qtbot, window, demo_book):
    page = window.sessions
    page.table.selectRow(0)
    session_id = page.selected_id()
    with qtbot.waitSignal(page.papers.paper_built, timeout=20_000) as built:
        page.papers.preview_button.click()
    paper = built.args[0]
    qtbot.waitUntil(lambda: page.papers.last_dialog is not None and page.papers.last_dialog.isVisible())
    dialog = page.papers.last_dialog
    pages = len(PdfReader(io.BytesIO(paper.pdf)).pages)
    assert dialog.count.text() == f"{pages} trang"
    assert dialog.windowTitle() == "Xem trước: Biên bản"
    with demo_book.session() as db:
        number = db.get(Meeting, session_id).number_symbol
    assert number and paper.file_name == f"bien-ban-{number.lower().replace('/', '-')}.pdf"
    dialog.close()


def test_save_pdf_of_the_study_report(qtbot, window, tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target.with_suffix("")), ""))
    page = window.documents
    page.table.selectRow(0)
    with qtbot.waitSignal(page.papers.paper_built, timeout=20_000):
        page.papers.save_button.click()
    text = " ".join(PdfReader(target).pages[0].extract_text().split())
    assert "BÁO CÁO" in text and "Kết quả học tập, quán triệt" in text


def test_print_sends_the_same_pages_to_the_printer(qtbot, window, tmp_path, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    printed = tmp_path / "may-in.pdf"

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(printed))
        return QDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)
    page = window.plans
    page.table.selectRow(0)
    with qtbot.waitSignal(page.papers.paper_built, timeout=20_000) as built:
        page.papers.print_button.click()
    qtbot.waitUntil(printed.exists, timeout=20_000)
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(built.args[0].pdf)).pages)


def test_nothing_selected_says_so(qtbot, window, monkeypatch):
    said = []
    monkeypatch.setattr(QMessageBox, "information", lambda parent, title, text: said.append(text))
    page = window.plans
    page.table.clearSelection()
    page.papers.preview_button.click()
    assert said == ["Hãy chọn một kế hoạch trong danh sách."]


def test_a_typed_number_is_printed_and_a_bad_one_is_refused(qtbot, window, demo_book, monkeypatch):
    warned = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: warned.append(text))
    page = window.sessions
    page.table.selectRow(2)
    session_id = page.selected_id()
    page.papers.number.setText("5/BB")
    page.papers.save_button.click()
    qtbot.waitUntil(lambda: bool(warned), timeout=20_000)
    assert warned == ["Số, ký hiệu “5/BB” không đúng dạng, ví dụ “05-BB/CB”."]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))  # then cancelled
    page.papers.number.setText("21-BB/CB")
    with qtbot.waitSignal(page.papers.paper_built, timeout=20_000):
        page.papers.preview_button.click()
    with demo_book.session() as db:
        assert db.get(Meeting, session_id).number_symbol == "21-BB/CB"
    assert page.papers.number.text() == ""
    page.papers.last_dialog.close()


def test_the_list_shows_the_number_a_paper_took_and_keeps_the_selection(qtbot, window):
    page = window.sessions
    makeup_row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 1).data().startswith("Học bù"))
    assert page.model.index(makeup_row, 6).data() == ""  # make-ups carry no number in the demo
    page.table.selectRow(makeup_row)
    chosen = page.selected_id()
    with qtbot.waitSignal(page.papers.paper_built, timeout=20_000) as built:
        page.papers.preview_button.click()
    qtbot.waitUntil(lambda: page.model.index(makeup_row, 6).data() != "", timeout=20_000)
    assert page.selected_id() == chosen
    assert built.args[0].file_name == f"bien-ban-{page.model.index(makeup_row, 6).data().lower().replace('/', '-')}.pdf"
    page.papers.last_dialog.close()
