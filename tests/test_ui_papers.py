"""Xem trước / In / Lưu PDF from the Sinh hoạt, Văn bản and Kế hoạch pages, as a secretary uses
them: a preview spends no number, printing or saving issues the paper, printing it again gives the
archived file byte for byte, a new number is an explicit choice, and the outgoing register."""

import io
from datetime import date

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFileDialog
from sqlmodel import select as query

from chibo.reports.papers import PaperState
from chibo.services import sessions
from chibo.services.issuing import archive_folder, register_rows
from chibo.store.models import CellSession, IssuedPaper
from chibo.vocabulary import SessionKind
from conftest import answer_next_dialog, show_page
from person import click_button


@pytest.fixture
def window(demo_window):
    return demo_window


@pytest.fixture
def new_session(qtbot, window, demo_book):
    """A regular session after every numbered one of the demo, shown and selected on Sinh hoạt."""
    with demo_book.session() as db:
        session = sessions.create_session(db, kind=SessionKind.REGULAR, held_on=date(2026, 6, 25),
                                          place="Nhà văn hóa bản")
        sessions.mark_all_present(db, session.id)
        session_id = session.id
    select(show_page(qtbot, window, "sessions"), session_id)
    return session_id


def select(page, record_id) -> None:
    row = next(r for r, (rid, _) in enumerate(page.model.rows) if rid == record_id)
    page.table.selectRow(row)


def register(book):
    with book.session() as db:
        return [(r.number_symbol, r.record_id, r.file_name) for r in register_rows(db)]


def next_minutes_number(book) -> str:
    numbers = [int(n.split("-")[0]) for n, _, _ in register(book) if "-BB/" in n]
    return f"{max(numbers) + 1:02d}-BB/CB"


def printer_to(monkeypatch, path):
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    def accept(dialog):
        dialog.printer().setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        dialog.printer().setOutputFileName(str(path))
        return QDialog.Accepted

    monkeypatch.setattr(QPrintDialog, "exec", accept)


def save_as(qtbot, monkeypatch, bar, path):
    """Lưu PDF… with `path` chosen in the file dialog; the PrintedPaper the bar built."""
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), ""))
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as built:
        qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    return built.args[0]


def text_of(pdf: bytes) -> str:
    return " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(pdf)).pages)


def test_a_preview_shows_the_number_to_come_and_spends_none(qtbot, window, demo_book, new_session):
    before = register(demo_book)
    bar = window.sessions.papers
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as built:
        qtbot.mouseClick(bar.preview_button, Qt.LeftButton)
    paper = built.args[0]
    qtbot.waitUntil(lambda: bar.last_dialog is not None and bar.last_dialog.isVisible())
    dialog = bar.last_dialog
    expected = next_minutes_number(demo_book)
    assert paper.state == PaperState.DRAFT
    assert dialog.note.text() == (f"Bản xem trước, chưa cấp số. Khi In hoặc Lưu PDF, giấy này nhận số {expected} và "
                                  "được lưu vào sổ đăng ký văn bản đi.")
    assert "Số ......-BB/CB" in text_of(paper.pdf) and expected not in text_of(paper.pdf)
    assert dialog.windowTitle() == "Xem trước: Biên bản"
    assert dialog.count.text() == f"{len(PdfReader(io.BytesIO(paper.pdf)).pages)} trang"
    assert register(demo_book) == before
    with demo_book.session() as db:
        assert db.get(CellSession, new_session).number_symbol == ""
    click_button(qtbot, dialog, "Đóng")


def test_print_from_the_preview_issues_the_paper_and_printing_again_gives_the_archived_bytes(
        qtbot, window, demo_book, new_session, tmp_path, monkeypatch):
    bar = window.sessions.papers
    expected = next_minutes_number(demo_book)
    with qtbot.waitSignal(bar.paper_built, timeout=20_000):
        qtbot.mouseClick(bar.preview_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bar.last_dialog is not None and bar.last_dialog.isVisible())
    printed = tmp_path / "may-in.pdf"
    printer_to(monkeypatch, printed)
    print_button = next(b for b in bar.last_dialog.findChildren(type(bar.print_button)) if b.text().startswith("In…"))
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as built:
        qtbot.mouseClick(print_button, Qt.LeftButton)
    issued = built.args[0]
    assert issued.state == PaperState.ISSUED and issued.number_symbol == expected
    assert f"Số {expected}" in text_of(issued.pdf)
    qtbot.waitUntil(printed.exists, timeout=20_000)
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(issued.pdf)).pages)
    rows = [r for r in register(demo_book) if r[1] == new_session]
    assert [r[0] for r in rows] == [expected]
    archived = archive_folder(demo_book.folder) / rows[0][2]
    assert archived.read_bytes() == issued.pdf

    # Saved afterwards (the list refreshed and kept the selection): the archived file, byte for byte.
    qtbot.waitUntil(lambda: window.sessions.model.index(window.sessions.table.currentIndex().row(), 6).data()
                    == expected, timeout=20_000)
    target = tmp_path / "bien-ban"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as again:
        qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    assert again.args[0].state == PaperState.REPRINT
    qtbot.waitUntil(lambda: target.with_suffix(".pdf").exists(), timeout=20_000)
    assert target.with_suffix(".pdf").read_bytes() == archived.read_bytes()
    assert [r[0] for r in register(demo_book) if r[1] == new_session] == [expected]  # still one number


def test_a_cancelled_print_or_save_spends_no_number(qtbot, window, demo_book, new_session, monkeypatch):
    from PySide6.QtPrintSupport import QPrintDialog

    before = register(demo_book)
    monkeypatch.setattr(QPrintDialog, "exec", lambda dialog: QDialog.Rejected)
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    bar = window.sessions.papers
    qtbot.mouseClick(bar.print_button, Qt.LeftButton)
    qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    qtbot.wait(200)
    assert register(demo_book) == before


def test_a_new_paper_takes_the_next_number_only_when_asked(qtbot, window, demo_book, new_session, tmp_path,
                                                           monkeypatch):
    bar = window.sessions.papers
    first = save_as(qtbot, monkeypatch, bar, tmp_path / "a.pdf")
    number = first.number_symbol
    asked = []
    answer_next_dialog(qtbot, "Hủy", seen=asked)
    qtbot.mouseClick(bar.new_button, Qt.LeftButton)
    assert asked == ["Lập “Biên bản” mới với số mới? Giấy đã cấp trước vẫn giữ số của nó trong sổ đăng ký văn bản đi "
                     "và không bị sửa; giấy mới nhận số tiếp theo và số liệu hôm nay."]
    answer_next_dialog(qtbot, "Có")
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as second:
        qtbot.mouseClick(bar.new_button, Qt.LeftButton)
    following = f"{int(number[:2]) + 1:02d}-BB/CB"
    assert second.args[0].state == PaperState.ISSUED and second.args[0].number_symbol == following
    qtbot.waitUntil(lambda: bar.last_dialog is not None and bar.last_dialog.isVisible())
    assert bar.last_dialog.note.text().startswith(f"Đã cấp số {following} ngày ")
    assert [r[0] for r in register(demo_book) if r[1] == new_session] == [number, following]
    with demo_book.session() as db:
        assert db.get(CellSession, new_session).number_symbol == following
    click_button(qtbot, bar.last_dialog, "Đóng")


def test_typed_numbers_badly_typed_or_taken_are_refused_and_nothing_is_issued(qtbot, window, demo_book, new_session,
                                                                            tmp_path, monkeypatch):
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "a.pdf"), ""))
    before = register(demo_book)
    bar = window.sessions.papers
    bar.number.setText("5/BB")
    answer_next_dialog(qtbot, "OK", seen=warned)
    qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(warned) == 1, timeout=20_000)
    bar.number.setText("01-BB/CB")
    answer_next_dialog(qtbot, "OK", seen=warned)
    qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: len(warned) == 2, timeout=20_000)
    assert warned[0] == "Số, ký hiệu “5/BB” không đúng dạng, ví dụ “05-BB/CB”."
    assert warned[1].startswith("Số 01-BB/CB đã cấp cho biên bản sinh hoạt chi bộ định kỳ tháng ")
    assert warned[1].endswith("Mỗi số chỉ cấp một lần: hãy để trống ô số để chibo đánh số tiếp theo, hoặc chọn số "
                              "khác.")
    assert register(demo_book) == before and not (tmp_path / "a.pdf").exists()


def test_a_number_given_before_originals_were_kept_is_rebuilt_only_when_asked(qtbot, window, demo_book, tmp_path,
                                                                            monkeypatch):
    page = show_page(qtbot, window, "sessions")
    window.show_page(page)
    row = next(r for r in range(page.model.rowCount()) if page.model.index(r, 6).data())
    number = page.model.index(row, 6).data()
    # As a book of the previous release has it: the number in the register, no original kept.
    with demo_book.session() as db:
        issued = db.exec(query(IssuedPaper).where(IssuedPaper.number_symbol == number)).one()
        (archive_folder(demo_book.folder) / issued.file_name).unlink()
        db.connection().exec_driver_sql("UPDATE issued_paper SET file_name = '', sha256 = '', size = 0 WHERE id = ?",
                                        (issued.id,))
    page.table.selectRow(row)
    bar = page.papers
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as shown:
        qtbot.mouseClick(bar.preview_button, Qt.LeftButton)
    assert shown.args[0].state == PaperState.EARLIER and f"Số {number}" in text_of(shown.args[0].pdf)
    qtbot.waitUntil(lambda: bar.last_dialog is not None and bar.last_dialog.isVisible())
    assert bar.last_dialog.note.text().startswith(f"Biên bản số {number} được cấp số trước khi chibo lưu bản gốc.")
    click_button(qtbot, bar.last_dialog, "Đóng")
    target = tmp_path / "bien-ban.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    asked = []
    answer_next_dialog(qtbot, "Hủy", seen=asked)
    qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(asked), timeout=20_000)
    assert asked[0].startswith(f"Biên bản số {number} (ngày ") and asked[0].endswith(
        "Dựng lại giấy này từ sổ ngay bây giờ, với đúng số và ngày ấy, rồi lưu làm bản gốc?")
    assert not target.exists()
    answer_next_dialog(qtbot, "Có")
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as rebuilt:
        qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    assert rebuilt.args[0].state == PaperState.ISSUED and rebuilt.args[0].number_symbol == number
    qtbot.waitUntil(target.exists, timeout=20_000)
    row = next(r for r in register(demo_book) if r[0] == number)
    assert (archive_folder(demo_book.folder) / row[2]).read_bytes() == target.read_bytes()


def test_a_missing_original_is_said_and_no_other_paper_is_printed(qtbot, window, demo_book, new_session, tmp_path,
                                                                 monkeypatch):
    bar = window.sessions.papers
    issued = save_as(qtbot, monkeypatch, bar, tmp_path / "a.pdf")
    number = issued.number_symbol
    for archived in archive_folder(demo_book.folder).rglob("*.pdf"):
        archived.unlink()
    warned = []
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "b.pdf"), ""))
    answer_next_dialog(qtbot, "OK", seen=warned)
    qtbot.mouseClick(bar.save_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bool(warned), timeout=20_000)
    assert warned[0].startswith(f"Không tìm thấy bản gốc của biên bản số {number} (ngày 25/06/2026) trong thư mục "
                                "dữ liệu (tệp issued/2026/")
    assert not (tmp_path / "b.pdf").exists()


def test_the_outgoing_register_opens_from_the_paper_bar_and_works_from_the_keyboard(qtbot, window, demo_book,
                                                                                   new_session, tmp_path, monkeypatch):
    bar = window.sessions.papers
    issued = save_as(qtbot, monkeypatch, bar, tmp_path / "a.pdf")
    qtbot.mouseClick(bar.register_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bar.register_dialog is not None and bar.register_dialog.isVisible(), timeout=20_000)
    dialog = bar.register_dialog
    rows = register(demo_book)
    assert dialog.model.rowCount() == len(rows) and dialog.windowTitle() == "Sổ đăng ký văn bản đi"
    last = dialog.model.rowCount() - 1
    assert dialog.model.index(last, 0).data() == issued.number_symbol  # the latest paper, selected
    assert dialog.model.index(last, 4).data() == "Có bản lưu"
    assert {dialog.model.index(r, 4).data() for r in range(last + 1)} == {"Có bản lưu"}  # the demo issued its own
    assert dialog.table.hasFocus() or dialog.focusWidget() is dialog.table
    qtbot.keyClick(dialog.table, Qt.Key_Return)
    qtbot.waitUntil(lambda: dialog.last_dialog is not None and dialog.last_dialog.isVisible(), timeout=20_000)
    assert dialog.last_dialog.pdf == issued.pdf
    assert dialog.last_dialog.note.text().startswith(f"Bản gốc của văn bản số {issued.number_symbol}, cấp ngày")
    click_button(qtbot, dialog.last_dialog, "Đóng")
    qtbot.mouseClick(dialog.print_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: dialog.last_dialog is not None and dialog.last_dialog.isVisible()
                    and dialog.last_dialog.title == "Sổ đăng ký văn bản đi", timeout=20_000)
    page = PdfReader(io.BytesIO(dialog.last_dialog.pdf)).pages[0]
    assert page.mediabox.width > page.mediabox.height  # landscape
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in text_of(dialog.last_dialog.pdf)
    click_button(qtbot, dialog.last_dialog, "Đóng")
    click_button(qtbot, dialog, "Đóng")


def test_save_pdf_of_the_study_report_issues_it(qtbot, window, demo_book, tmp_path, monkeypatch):
    target = tmp_path / "bao-cao.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target.with_suffix("")), ""))
    page = show_page(qtbot, window, "documents")
    window.show_page(page)
    page.table.selectRow(0)
    with qtbot.waitSignal(page.papers.paper_built, timeout=20_000) as built:
        qtbot.mouseClick(page.papers.save_button, Qt.LeftButton)
    qtbot.waitUntil(target.exists, timeout=20_000)
    text = text_of(target.read_bytes())
    assert "BÁO CÁO" in text and "Kết quả học tập, quán triệt" in text and "Số 01-BC/CB" in text
    assert built.args[0].number_symbol == "01-BC/CB"


def test_the_sign_in_sheet_is_printed_without_a_number(qtbot, read_only_window, tmp_path, monkeypatch):
    window = read_only_window
    printed = tmp_path / "may-in.pdf"
    printer_to(monkeypatch, printed)
    page = show_page(qtbot, window, "sessions")
    window.show_page(page)
    page.table.selectRow(0)
    page.papers.kind.setCurrentIndex(page.papers.kind.findData("attendance"))
    assert not page.papers.number.isEnabled() and not page.papers.new_button.isEnabled()
    with qtbot.waitSignal(page.papers.paper_built, timeout=20_000) as built:
        qtbot.mouseClick(page.papers.print_button, Qt.LeftButton)
    qtbot.waitUntil(printed.exists, timeout=20_000)
    assert built.args[0].state == PaperState.UNNUMBERED
    assert len(PdfReader(printed).pages) == len(PdfReader(io.BytesIO(built.args[0].pdf)).pages)


def test_nothing_selected_says_so(qtbot, read_only_window):
    window = read_only_window
    said = []
    page = show_page(qtbot, window, "plans")
    window.show_page(page)
    page.table.clearSelection()
    answer_next_dialog(qtbot, "OK", seen=said)
    qtbot.mouseClick(page.papers.preview_button, Qt.LeftButton)
    answer_next_dialog(qtbot, "OK", seen=said)
    qtbot.mouseClick(page.papers.new_button, Qt.LeftButton)
    assert said == ["Hãy chọn một kế hoạch trong danh sách."] * 2


def test_a_typed_number_shown_in_the_preview_is_the_one_printed_from_it(qtbot, window, demo_book, new_session,
                                                                       tmp_path, monkeypatch):
    bar = window.sessions.papers
    following = int(next_minutes_number(demo_book)[:2]) + 3  # leaves a gap: still after every earlier paper
    typed = f"{following:02d}-BB/CB"
    bar.number.setText(typed)
    with qtbot.waitSignal(bar.paper_built, timeout=20_000):
        qtbot.mouseClick(bar.preview_button, Qt.LeftButton)
    qtbot.waitUntil(lambda: bar.last_dialog is not None and bar.last_dialog.isVisible())
    assert f"giấy này nhận số {typed}" in bar.last_dialog.note.text() and bar.number.text() == typed
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(tmp_path / "a.pdf"), ""))
    save_button = next(b for b in bar.last_dialog.findChildren(type(bar.save_button)) if b.text().startswith("Lưu PDF"))
    with qtbot.waitSignal(bar.paper_built, timeout=20_000) as saved:
        qtbot.mouseClick(save_button, Qt.LeftButton)
    assert saved.args[0].number_symbol == typed and bar.number.text() == ""


def test_a_slow_paper_shows_a_moving_bar_in_words_until_it_is_built(qtbot, window, demo_book, new_session,
                                                                     monkeypatch):
    """The consolidated report of 300 cells takes seconds: the bar says so while the paper is built,
    in place of the register button, and goes once the preview is there."""
    import time

    import chibo.reports.papers as papers

    built = papers.build_paper

    def slow(*args, **kwargs):
        time.sleep(1.5)
        return built(*args, **kwargs)

    monkeypatch.setattr(papers, "build_paper", slow)
    bar = window.sessions.papers
    assert not bar.progress.isVisible() and bar.register_button.isVisible()
    with qtbot.waitSignal(bar.paper_built, timeout=20_000):
        qtbot.mouseClick(bar.preview_button, Qt.LeftButton)
        qtbot.waitUntil(bar.progress.isVisible, timeout=1_400)
        assert bar.progress_label.text() == "Đang lập giấy tờ…"
        assert not bar.register_button.isVisible() and not bar.preview_button.isEnabled()
        assert bar.progress.width() <= bar.register_button.width()  # the bar never grows past the screen
    qtbot.waitUntil(lambda: bar.last_dialog is not None and bar.last_dialog.isVisible())
    assert not bar.progress.isVisible() and bar.register_button.isVisible() and bar.preview_button.isEnabled()

