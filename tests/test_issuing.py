"""Numbered papers are issued once: numbers in date order within kind and term, never twice; the
PDF archived and printed again byte for byte; new figures need a new number; a missing or
altered original is said; numbers printed by the previous release are carried into the register
(tests/data/book-0001.sqlite) and never given again."""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import stat
from datetime import date
from pathlib import Path

import pytest
from sqlmodel import select

from chibo.cli.main import main
from chibo.errors import ChiboError, ValidationError
from chibo.reports.papers import PaperState, build_paper
from chibo.services import documents, members, sessions
from chibo.services.issuing import archive_folder, register_rows
from chibo.services.numbering import choose_number, set_term_start
from chibo.store.book import Book
from chibo.store.models import CellSession, IssuedPaper
from chibo.vocabulary import CellPosition, SessionKind
from conftest import fingerprint_of, link
from test_reports import all_text

DATA = Path(__file__).with_name("data")


@pytest.fixture
def cell(db):
    secretary = members.add_member(db, full_name="Giàng A Páo", position=CellPosition.SECRETARY, joined_on="01/01/2020")
    members.add_member(db, full_name="Lò Thị Ỷ", joined_on="01/01/2020")
    document = documents.add_document(db, number_symbol="57-NQ/TW", title="về đột phá phát triển khoa học, công nghệ",
                                      issued_on="22/12/2024", issuer="Bộ Chính trị")
    return {"secretary": secretary.id, "document": document.id}


def session(db, cell, held_on: str, kind=SessionKind.REGULAR) -> str:
    meeting = sessions.create_session(db, kind=kind, held_on=held_on, chair_id=cell["secretary"],
                                      document_ids=[cell["document"]] if kind == SessionKind.STUDY else [])
    sessions.mark_all_present(db, meeting.id)
    return meeting.id


def issue(db, book, kind, record_id, **options):
    return build_paper(db, book.folder, kind, record_id, issue=True, **options)


def numbers(db) -> list[tuple[str, date]]:
    return [(row.number_symbol, row.issued_on) for row in register_rows(db)]


def test_numbers_follow_the_dates_of_the_papers(book, db, cell):
    october, august, september = (session(db, cell, d) for d in ("05/10/2026", "05/08/2026", "05/09/2026"))
    assert issue(db, book, "minutes", august).number_symbol == "01-BB/CB"
    assert issue(db, book, "minutes", october).number_symbol == "02-BB/CB"
    # 05/09 falls between 01 (05/08) and 02 (05/10): no number keeps the order.
    with pytest.raises(ValidationError) as refused:
        issue(db, book, "minutes", september)
    assert refused.value.message == (
        "Không cấp được số cho biên bản ngày 05/09/2026: số biên bản đánh theo thứ tự ngày trong nhiệm kỳ, mà số "
        "02-BB/CB đã cấp cho biên bản sinh hoạt chi bộ định kỳ tháng 10 năm 2026 (ngày 05/10/2026) và không còn số trống nào "
        "trước nó. Biên bản mang ngày của buổi sinh hoạt nên không đổi được ngày: biên bản các buổi cần được cấp số "
        "theo thứ tự ngày họp.")
    # The issue's case: minutes of 15/06/2026 and 15/12/2025 never come after those of the autumn.
    for day in ("15/06/2026", "15/12/2025"):
        with pytest.raises(ValidationError, match="đã cấp cho biên bản sinh hoạt chi bộ định kỳ tháng 8 năm 2026"):
            issue(db, book, "minutes", session(db, cell, day))
    assert issue(db, book, "minutes", session(db, cell, "05/11/2026")).number_symbol == "03-BB/CB"
    # Another kind counts on its own; a report dated before the minutes still takes 01-BC.
    assert issue(db, book, "report", cell["document"], as_of=date(2026, 7, 1)).number_symbol == "01-BC/CB"
    assert numbers(db) == [("01-BC/CB", date(2026, 7, 1)), ("01-BB/CB", date(2026, 8, 5)),
                           ("02-BB/CB", date(2026, 10, 5)), ("03-BB/CB", date(2026, 11, 5))]


def test_a_free_number_between_two_dates_keeps_the_order(book, db, cell):
    august, october, september, december = (session(db, cell, d)
                                            for d in ("05/08/2026", "05/10/2026", "05/09/2026", "05/12/2026"))
    issue(db, book, "minutes", august)
    assert issue(db, book, "minutes", october, number="05-BB/CB").number_symbol == "05-BB/CB"
    assert issue(db, book, "minutes", september).number_symbol == "02-BB/CB"  # the first free one between
    assert issue(db, book, "minutes", december).number_symbol == "06-BB/CB"
    with pytest.raises(ValidationError) as refused:
        issue(db, book, "minutes", session(db, cell, "20/09/2026"), number="07-BB/CB")
    assert refused.value.message == (
        "Không cấp được số 07-BB/CB cho biên bản ngày 20/09/2026: số văn bản đi đánh theo thứ tự ngày, mà số "
        "05-BB/CB đã cấp cho biên bản sinh hoạt chi bộ định kỳ tháng 10 năm 2026 (ngày 05/10/2026), sau ngày này. "
        "Số còn trống giữ được thứ tự: 03-BB/CB, 04-BB/CB.")


def test_a_number_is_given_once_and_a_refusal_writes_nothing(book, db, cell):
    first, second = session(db, cell, "05/08/2026"), session(db, cell, "05/09/2026")
    issue(db, book, "minutes", first, number="11-BB/CB")
    db.commit()
    with pytest.raises(ValidationError) as refused, book.session() as other:
        issue(other, book, "minutes", second, number="11-BB/CB")
    assert refused.value.message == (
        "Số 11-BB/CB đã cấp cho biên bản sinh hoạt chi bộ định kỳ tháng 8 năm 2026 (ngày 05/08/2026). Mỗi số chỉ cấp một lần: "
        "hãy để trống ô số để chibo đánh số tiếp theo, hoặc chọn số khác.")
    for typed, sentence in (("5/BB", "Số, ký hiệu “5/BB” không đúng dạng, ví dụ “05-BB/CB”."),
                            ("05-BC/CB", "Số, ký hiệu “05-BC/CB” không đúng dạng, ví dụ “05-BB/CB”."),
                            ("00-BB/CB", "Số, ký hiệu “00-BB/CB” không đúng dạng, ví dụ “05-BB/CB”.")):
        with pytest.raises(ValidationError) as refused, book.session() as other:
            issue(other, book, "minutes", second, number=typed)
        assert refused.value.message == sentence
    with book.session() as other:
        assert [r.number_symbol for r in register_rows(other)] == ["11-BB/CB"]
        assert other.get(CellSession, second).number_symbol == ""
    assert len(list(archive_folder(book.folder).rglob("*.pdf"))) == 1


def test_numbers_run_per_term(book, db, cell):
    issue(db, book, "minutes", session(db, cell, "05/03/2026"))
    with pytest.raises(ValidationError) as refused:
        choose_number(db, "BB", date(2024, 12, 5))
    assert refused.value.message == ("Biên bản đề ngày 05/12/2024, trước ngày bắt đầu nhiệm kỳ hiện tại (01/01/2025): "
                                     "số văn bản đi chỉ cấp trong nhiệm kỳ. Hãy kiểm tra lại ngày.")
    set_term_start(db, date(2026, 4, 1))  # a new term: numbers start again at 01
    assert issue(db, book, "minutes", session(db, cell, "05/04/2026")).number_symbol == "01-BB/CB"
    assert [r.number_symbol for r in register_rows(db)] == ["01-BB/CB"]
    assert [r.number_symbol for r in register_rows(db, whole=True)] == ["01-BB/CB", "01-BB/CB"]


def test_a_preview_writes_nothing_and_shows_no_number(book, db, cell):
    meeting = session(db, cell, "05/08/2026")
    paper = build_paper(db, book.folder, "minutes", meeting)
    assert paper.state == PaperState.DRAFT and paper.number_symbol == "01-BB/CB"
    assert paper.note == ("Bản xem trước, chưa cấp số. Khi In hoặc Lưu PDF, giấy này nhận số 01-BB/CB và được lưu "
                          "vào sổ đăng ký văn bản đi.")
    assert "Số ......-BB/CB" in all_text(paper.pdf) and "01-BB/CB" not in all_text(paper.pdf)
    assert db.exec(select(IssuedPaper)).all() == [] and not archive_folder(book.folder).exists()


def test_printing_again_gives_the_archived_file_and_new_figures_need_a_new_number(book, db, cell):
    study = session(db, cell, "05/02/2026", SessionKind.STUDY)
    absent = next(m.member.id for m in members.list_members(db) if m.member.id != cell["secretary"])  # not the chair
    sessions.record_attendance(db, study, absent, "vang_co_ly_do", "Ốm")
    first = issue(db, book, "report", cell["document"], as_of=date(2026, 3, 1))
    assert first.state == PaperState.ISSUED and first.note == "Đã cấp số 01-BC/CB ngày 01/03/2026 và lưu bản gốc."
    assert "đạt 50,00%" in all_text(first.pdf)
    row = db.exec(select(IssuedPaper)).one()
    path = archive_folder(book.folder) / row.file_name
    assert path.read_bytes() == first.pdf and row.sha256 == hashlib.sha256(first.pdf).hexdigest()
    assert (row.size, row.summary, row.recipients) == (
        len(first.pdf), "Báo cáo kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW",
        "Đảng ủy xã Nậm Xe (để báo cáo)\nLưu chi bộ")
    if os.name == "posix":
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        assert stat.S_IMODE(archive_folder(book.folder).stat().st_mode) == 0o700
    assert not list(archive_folder(book.folder).rglob("*.partial"))

    sessions.create_makeup_session(db, study, "20/02/2026")  # the figures change: 2/2 studied
    again = issue(db, book, "report", cell["document"])  # whatever today's figures say
    assert again.state == PaperState.REPRINT and again.pdf == first.pdf
    assert again.note == "Bản gốc đã lưu của báo cáo số 01-BC/CB, cấp ngày 01/03/2026."
    assert build_paper(db, book.folder, "report", cell["document"]).pdf == first.pdf  # the preview too
    with pytest.raises(ValidationError) as refused:
        issue(db, book, "report", cell["document"], as_of=date(2026, 3, 2))
    assert refused.value.message == (
        "Báo cáo này đã được cấp số 01-BC/CB ngày 01/03/2026; in lại là in đúng bản đã cấp, với số liệu của ngày ấy. "
        "Muốn báo cáo số liệu ngày khác, hãy lập báo cáo mới (số mới): thêm --new.")
    with pytest.raises(ValidationError, match="đã được cấp số 01-BC/CB"):
        issue(db, book, "report", cell["document"], number="02-BC/CB")
    new = issue(db, book, "report", cell["document"], as_of=date(2026, 3, 2), new=True)
    assert new.number_symbol == "02-BC/CB" and "đạt 100,00%" in all_text(new.pdf)
    assert issue(db, book, "report", cell["document"]).pdf == new.pdf  # the latest paper is the one printed again
    assert [r.number_symbol for r in register_rows(db)] == ["01-BC/CB", "02-BC/CB"]


def test_a_missing_or_altered_original_is_said_never_replaced(book, db, cell):
    meeting = session(db, cell, "05/08/2026")
    issue(db, book, "minutes", meeting)
    row = db.exec(select(IssuedPaper)).one()
    path = archive_folder(book.folder) / row.file_name
    original = path.read_bytes()
    middle = len(original) // 2
    path.write_bytes(original[:middle] + bytes([original[middle] ^ 1]) + original[middle + 1:])  # one bit changed
    with pytest.raises(ChiboError) as refused:
        issue(db, book, "minutes", meeting)
    assert refused.value.message == (
        f"Bản gốc của biên bản số 01-BB/CB (ngày 05/08/2026) (tệp issued/{row.file_name}) đã bị thay đổi: mã kiểm tra "
        "không khớp với sổ đăng ký văn bản đi. chibo không in bản này. Hãy chép lại tệp đúng từ bản sao của thư mục dữ "
        "liệu, hoặc lập giấy mới với số mới (--new).")
    path.unlink()
    with pytest.raises(ChiboError) as refused:
        build_paper(db, book.folder, "minutes", meeting)  # not even on screen
    assert refused.value.message.startswith(
        f"Không tìm thấy bản gốc của biên bản số 01-BB/CB (ngày 05/08/2026) trong thư mục dữ liệu (tệp issued/"
        f"{row.file_name}). chibo không in một bản khác dưới số này.")
    path.write_bytes(original)
    assert issue(db, book, "minutes", meeting).pdf == original


def test_an_archive_that_cannot_be_written_frees_the_number(book, db, cell):
    meeting = session(db, cell, "05/08/2026")
    db.commit()
    archive_folder(book.folder).write_text("a file where the folder should be")
    with pytest.raises(ChiboError) as refused, book.session() as db:
        issue(db, book, "minutes", meeting)
    assert refused.value.message.startswith("Không lưu được bản gốc của biên bản số 01-BB/CB vào thư mục dữ liệu")
    with book.session() as db:
        assert db.exec(select(IssuedPaper)).all() == [] and db.get(CellSession, meeting).number_symbol == ""


def _book_0001(tmp_path) -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    shutil.copy(DATA / "book-0001.sqlite", folder / "chibo.sqlite")
    return folder


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_numbers_printed_by_the_previous_release_are_carried_into_the_register(capsys, tmp_path):
    folder = _book_0001(tmp_path)
    code, out, _ = run(capsys, "--data-dir", folder, "papers", "list", "--json")
    register = json.loads(out)
    assert code == 0
    assert [(r["number_symbol"], r["issued_on"], r["paper"], r["archive"], r["file"]) for r in register] == [
        ("01-BB/CB", "2026-08-05", "minutes", "none", None), ("02-BB/CB", "2026-09-05", "minutes", "none", None),
        ("01-CTr/CB", "2026-09-28", "plan", "none", None), ("03-BB/CB", "2026-10-05", "minutes", "none", None),
        ("01-BC/CB", "2026-11-20", "report", "none", None)]
    assert register[4]["summary"] == "Báo cáo kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW"
    code, out, _ = run(capsys, "--data-dir", folder, "papers", "list", "--json")
    assert json.loads(out) == register  # entered once

    with Book.open(folder) as book, book.session() as db:
        makeups = {m.held_on: m.id for m in db.exec(select(CellSession).where(CellSession.kind == SessionKind.MAKEUP))}
        later = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/11/2026").id
    # The make-up of 15/09/2026 cannot come after 03-BB/CB of 05/10/2026; the session of 05/11 takes 04.
    code, _, err = run(capsys, "--data-dir", folder, "print", "minutes", makeups[date(2026, 9, 15)], "--out",
                       tmp_path / "x.pdf")
    assert code == 1 and "mà số 03-BB/CB đã cấp cho biên bản sinh hoạt chi bộ định kỳ tháng 10 năm 2026 (ngày 05/10/2026)" in err
    code, _, err = run(capsys, "--data-dir", folder, "print", "minutes", later, "--out", tmp_path / "m.pdf",
                       "--number", "03-BB/CB")
    assert code == 1 and err.startswith("chibo: Số 03-BB/CB đã cấp cho biên bản sinh hoạt chi bộ định kỳ tháng 10 năm 2026")
    code, _, err = run(capsys, "--data-dir", folder, "print", "minutes", later, "--out", tmp_path / "m.pdf")
    assert (code, err) == (0, "chibo: Đã cấp số 04-BB/CB ngày 05/11/2026 và lưu bản gốc.\n")
    # The report numbered by the previous release has no original: refused, then rebuilt on request.
    with Book.open(folder) as book, book.session() as db:
        report = next(r for r in register_rows(db) if r.paper == "report")
        document_id = report.record_id
    code, _, err = run(capsys, "--data-dir", folder, "print", "report", document_id, "--out", tmp_path / "r.pdf")
    assert code == 1 and err == (
        "chibo: Báo cáo số 01-BC/CB (ngày 20/11/2026) được cấp số trước khi chibo lưu bản gốc của giấy tờ, nên không "
        "có bản gốc để in lại. Hãy dùng bản đã ký lưu ở chi bộ; hoặc dựng lại giấy từ sổ với đúng số và ngày ấy (nút "
        "“Dựng lại”, lệnh: thêm --rebuild), hoặc lập giấy mới với số mới (--new).\n")
    code, _, err = run(capsys, "--data-dir", folder, "print", "report", document_id, "--out", tmp_path / "r.pdf",
                       "--rebuild")
    assert (code, err) == (0, "chibo: Đã dựng lại báo cáo số 01-BC/CB từ sổ và lưu làm bản gốc.\n")
    body = all_text((tmp_path / "r.pdf").read_bytes())
    assert "Số 01-BC/CB" in body and "ngày 20 tháng 11 năm 2026" in body  # its number and its date
    code, _, _ = run(capsys, "--data-dir", folder, "print", "report", document_id, "--out", tmp_path / "r2.pdf")
    assert code == 0 and (tmp_path / "r2.pdf").read_bytes() == (tmp_path / "r.pdf").read_bytes()


def test_two_earlier_papers_with_one_number_enter_the_register_once(book, db, cell):
    first, second = session(db, cell, "05/08/2026"), session(db, cell, "05/09/2026")
    for meeting_id in (first, second):  # an earlier release accepted --number 05-BB/CB twice
        db.get(CellSession, meeting_id).number_symbol = "05-BB/CB"
    db.flush()
    assert [(r.number_symbol, r.record_id) for r in register_rows(db)] == [("05-BB/CB", first)]
    assert issue(db, book, "minutes", session(db, cell, "05/10/2026")).number_symbol == "06-BB/CB"


def test_the_cli_prints_again_byte_for_byte_refuses_a_changed_date_and_makes_a_new_paper(capsys, tmp_path, book,
                                                                                        db, cell):
    db.commit()
    folder = book.folder
    book.close()  # the command line opens the folder itself
    first, again, other = tmp_path / "1.pdf", tmp_path / "2.pdf", tmp_path / "3.pdf"
    code, out, err = run(capsys, "--data-dir", folder, "print", "report", cell["document"], "--out", first,
                         "--date", "01/03/2026")
    assert (code, out.strip(), err) == (0, str(first), "chibo: Đã cấp số 01-BC/CB ngày 01/03/2026 và lưu bản gốc.\n")
    code, _, err = run(capsys, "--data-dir", folder, "print", "report", cell["document"][:8], "--out", again)
    assert (code, err) == (0, "chibo: Bản gốc đã lưu của báo cáo số 01-BC/CB, cấp ngày 01/03/2026.\n")
    assert again.read_bytes() == first.read_bytes()
    code, _, err = run(capsys, "--data-dir", folder, "print", "report", cell["document"], "--out", other,
                       "--date", "15/03/2026")
    assert code == 1 and "đã được cấp số 01-BC/CB ngày 01/03/2026" in err and not other.exists()
    code, _, err = run(capsys, "--data-dir", folder, "print", "report", cell["document"], "--out", other,
                       "--date", "15/03/2026", "--new")
    assert (code, err) == (0, "chibo: Đã cấp số 02-BC/CB ngày 15/03/2026 và lưu bản gốc.\n")
    code, _, err = run(capsys, "--data-dir", folder, "print", "report", cell["document"], "--out", tmp_path)
    assert code == 1 and "là một thư mục" in err
    code, out, _ = run(capsys, "--data-dir", folder, "papers", "list")
    assert out.splitlines()[2:] == [
        "01-BC/CB     01/03/2026  báo cáo  Báo cáo kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW  "
        "Đảng ủy xã Nậm Xe (để báo cáo); Lưu chi bộ  Có bản lưu",
        "02-BC/CB     15/03/2026  báo cáo  Báo cáo kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW  "
        "Đảng ủy xã Nậm Xe (để báo cáo); Lưu chi bộ  Có bản lưu"]
    register = tmp_path / "so.pdf"
    code, out, _ = run(capsys, "--data-dir", folder, "print", "register", "--out", register)
    assert code == 0 and out.strip() == str(register)
    body = all_text(register.read_bytes())
    assert "SỔ ĐĂNG KÝ VĂN BẢN ĐI" in body and "Nhiệm kỳ từ ngày 1-1-2025" in body
    assert "1 01-BC/CB 01/03/2026 Báo cáo kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW" in body
    assert "Đảng ủy xã Nậm Xe (để báo cáo) Lưu chi bộ Có bản lưu" in body
    assert "Tổng số: 2 văn bản." in body


def test_the_receiving_level_keeps_its_own_register_apart_from_its_cells(cell_a, receiving, stick):
    from chibo.services.documents import list_documents
    from chibo.sync.export import export_bundle
    from chibo.sync.importer import import_bundle

    with cell_a.session() as db:
        issued = issue(db, cell_a, "report", list_documents(db)[0].id, as_of=date(2026, 6, 20))
        cell_rows = len(register_rows(db))  # the demo's minutes and programme, and this report
    link(cell_a, receiving, stick)
    import_bundle(receiving, export_bundle(cell_a, stick).path, approve={fingerprint_of(cell_a)})
    with receiving.session() as db:
        arrived = db.exec(select(IssuedPaper).where(IssuedPaper.unit_id == cell_a.local_unit_id)).all()
        assert issued.number_symbol in {r.number_symbol for r in arrived} and len(arrived) == cell_rows
        assert register_rows(db) == []  # the cells' minutes and reports are not the commune's papers
        assert choose_number(db, "BC", date(2026, 6, 25)).number_symbol == "01-BC/ĐU"


def test_a_cells_paper_is_not_issued_at_the_receiving_level(cell_a, receiving, stick):
    from chibo.sync.export import export_bundle
    from chibo.sync.importer import import_bundle

    link(cell_a, receiving, stick)
    import_bundle(receiving, export_bundle(cell_a, stick).path, approve={fingerprint_of(cell_a)})
    with receiving.session() as db:
        meeting = db.exec(select(CellSession).where(CellSession.unit_id == cell_a.local_unit_id)).first()
        for issuing in (True, False):  # a preview too: it would carry the commune's header and signature
            with pytest.raises(ValidationError) as refused:
                build_paper(db, receiving.folder, "minutes", meeting.id, issue=issuing)
            assert refused.value.message.startswith("Ở cấp nhận báo cáo không in biên bản, danh sách dự họp, báo cáo "
                                                    "kết quả học tập hay kế hoạch của chi bộ: giấy tờ ấy mang tên và "
                                                    "chữ ký của chi bộ, do chi bộ in trên sổ của mình.")
        assert register_rows(db) == []


def test_a_cell_issues_its_report_on_a_document_its_superior_sent(cell_a, receiving, stick):
    """The study report is the cell's own paper whoever issued the document it reports on."""
    from chibo.services.documents import add_document, list_documents

    with receiving.session() as db:
        add_document(db, number_symbol="03-NQ/ĐU", title="về chuyển đổi số ở thôn bản", issuing_level="dang_uy_xa")
    link(cell_a, receiving, stick)
    with cell_a.session() as db:
        sent = next(d for d in list_documents(db) if d.number_symbol == "03-NQ/ĐU")
        assert sent.unit_id == receiving.local_unit_id
        paper = build_paper(db, cell_a.folder, "report", sent.id, issue=True, as_of=date(2026, 6, 20))
        assert paper.number_symbol.endswith("-BC/CB") and paper.record_id == sent.id
