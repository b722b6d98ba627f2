"""At a receiving level the cell pages and commands show one chosen cell at a time and write
nothing of a cell's: `--unit` picks the cell and the listing is the one the cell's own book gives,
byte for byte; without it the command says it needs one; members import, a cell's papers and any
write to a cell's records are refused with a sentence, the book as it was."""

from __future__ import annotations

import json

import pytest
from sqlmodel import select

from chibo.services import documents, members, sessions
from chibo.services.figures import document_figures, session_figures
from chibo.services.members import list_members
from chibo.services.viewing import find_cell, view_cell
from chibo.store.book import Book
from chibo.store.models import CellSession
from chibo.store.records import ForeignRecordError
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from chibo.vocabulary import SessionKind
from conftest import book_rows, cli, fingerprint_of, link


@pytest.fixture
def commune(cell_a, cell_b, receiving, stick):
    """A commune holding two demo cells (Nà Khum, Phìn Hồ), each of which studied the commune's
    own document; every book closed, as an officer finds them."""
    with receiving.session() as db:
        documents.add_document(db, number_symbol="03-NQ/ĐU", title="về chuyển đổi số ở thôn bản",
                               issuing_level="dang_uy_xa")
    for cell in (cell_a, cell_b):
        link(cell, receiving, stick)
        with cell.session() as db:
            shared = next(d for d in documents.list_documents(db) if d.number_symbol == "03-NQ/ĐU")
            study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/05/2026", document_ids=[shared.id])
            sessions.mark_all_present(db, study.id)
        report = import_bundle(receiving, export_bundle(cell, stick).path, approve={fingerprint_of(cell)})
        assert report.outcome == "imported", report.reason
    folders = {"commune": receiving.folder, "a": cell_a.folder, "b": cell_b.folder}
    for book in (cell_a, cell_b, receiving):
        book.close()
    return folders


@pytest.mark.parametrize("command", [("members", "list"), ("sessions", "list"), ("plans", "list")])
def test_a_listing_of_one_cell_at_the_commune_is_the_cells_own(capsys, commune, command):
    for cell, code in (("a", "BANNAKHUM"), ("b", "Phìn Hồ")):  # by code, or by name as an officer types it
        own = cli(capsys, "--data-dir", commune[cell], *command, "--json")
        there = cli(capsys, "--data-dir", commune["commune"], *command, "--json", "--unit", code)
        assert there == own and own[0] == 0 and json.loads(own[1])


def test_documents_and_sessions_shown_at_the_commune_are_the_cells_own(capsys, commune):
    own = cli(capsys, "--data-dir", commune["a"], "documents", "list", "--json")
    there = cli(capsys, "--data-dir", commune["commune"], "documents", "list", "--json", "--unit", "nà khum")
    assert there == own
    symbols = [d["number_symbol"] for d in json.loads(own[1])]
    assert "03-NQ/ĐU" in symbols and len(symbols) == len(set(symbols))  # the commune's document once, no other cell's
    listed = json.loads(cli(capsys, "--data-dir", commune["a"], "sessions", "list", "--json")[1])
    for session in (listed[0], listed[-1]):
        own = cli(capsys, "--data-dir", commune["a"], "sessions", "show", session["id"], "--json")
        there = cli(capsys, "--data-dir", commune["commune"], "sessions", "show", session["id"][:8], "--json",
                    "--unit", "BANNAKHUM")
        assert there == own and own[0] == 0
    for document in json.loads(own[1])["documents"][:1]:
        doc_id = next(d["id"] for d in json.loads(cli(capsys, "--data-dir", commune["a"], "documents", "list",
                                                           "--json")[1]) if d["number_symbol"] == document)
        assert (cli(capsys, "--data-dir", commune["commune"], "documents", "show", doc_id, "--json", "--unit", "BANNAKHUM")
                == cli(capsys, "--data-dir", commune["a"], "documents", "show", doc_id, "--json"))


def test_minutes_numbers_of_two_cells_never_meet_in_one_listing(capsys, commune):
    numbers = {}
    for code in ("BANNAKHUM", "BANPHINHO"):
        _code, out, _ = cli(capsys, "--data-dir", commune["commune"], "sessions", "list", "--json", "--unit", code)
        numbers[code] = [s["id"] for s in json.loads(out)]
    assert numbers["BANNAKHUM"] and numbers["BANPHINHO"] and not set(numbers["BANNAKHUM"]) & set(numbers["BANPHINHO"])
    with Book.open(commune["commune"]) as book, book.session() as db:
        symbols = {u: [s.number_symbol for s in db.exec(select(CellSession).where(CellSession.unit_id == u))
                       if s.number_symbol] for u in {c.unit_id for c in [find_cell(db, "BANNAKHUM"),
                                                                          find_cell(db, "BANPHINHO")]}}
    shared = set.intersection(*map(set, symbols.values()))
    assert shared  # both cells number their minutes 01-BB/CB, 02-BB/CB …: each listing holds one cell's alone
    code, out, _ = cli(capsys, "--data-dir", commune["commune"], "sessions", "list", "--unit", "BANNAKHUM")
    assert out.splitlines()[0] == "Chi bộ bản Nà Khum (BANNAKHUM):"


@pytest.mark.parametrize("command, what", [
    (("members", "list"), "danh sách đảng viên"), (("sessions", "list"), "các buổi sinh hoạt"),
    (("sessions", "show", "abcd"), "một buổi sinh hoạt"), (("plans", "list"), "các kế hoạch hành động"),
    (("documents", "show", "abcd"), "kết quả học tập một văn bản")])
def test_without_a_cell_the_commune_says_it_needs_one(capsys, commune, command, what):
    code, out, err = cli(capsys, "--data-dir", commune["commune"], *command)
    assert (code, out) == (1, "")
    assert err == (f"chibo: Ở cấp nhận báo cáo, {what} là của từng chi bộ: hãy chọn một chi bộ bằng --unit MÃ hoặc "
                   "--unit TÊN (mã các chi bộ: BANNAKHUM, BANPHINHO; “chibo summary” liệt kê đủ).\n")


def test_the_communes_documents_listed_with_their_figures_summed_over_the_cells(capsys, commune):
    code, out, _ = cli(capsys, "--data-dir", commune["commune"], "documents", "list", "--json")
    assert code == 0
    [listed] = json.loads(out)
    expected = [0, 0]
    for cell in ("a", "b"):
        with Book.open(commune[cell]) as book, book.session() as db:
            shared = next(d for d in documents.list_documents(db) if d.number_symbol == "03-NQ/ĐU")
            figures = document_figures(db, shared.id)
            expected = [expected[0] + figures.studied_count, expected[1] + figures.required]
    assert (listed["number_symbol"], listed["studied"], listed["required"]) == ("03-NQ/ĐU", *expected)
    assert expected[0] == expected[1] == 64  # all present at each study: 32 required a cell (35, less 2 exempt, 1 left)
    code, out, _ = cli(capsys, "--data-dir", commune["commune"], "documents", "list")
    codes = sorted(json.loads(cli(capsys, "--data-dir", commune["commune"], "summary", "--json")[1])["units"],
                   key=lambda u: u["label"])
    assert code == 0 and out.splitlines()[0].startswith(
        "Văn bản của cấp mình gửi các chi bộ; cột Đã học cộng của các chi bộ. Văn bản của một chi bộ: --unit MÃ "
        "(mã các chi bộ: ")
    assert all(u["code"] in out.splitlines()[0] for u in codes) and "03-NQ/ĐU" in out and "64/64" in out


def test_unknown_or_misplaced_unit_is_a_sentence(capsys, commune):
    code, _, err = cli(capsys, "--data-dir", commune["commune"], "members", "list", "--unit", "Nậm Cáy")
    assert code == 1 and err == ("chibo: Không có chi bộ nào mã hay tên “Nậm Cáy” trong sổ. Các chi bộ: BANNAKHUM "
                                 "(Chi bộ bản Nà Khum); BANPHINHO (Chi bộ bản Phìn Hồ).\n")
    code, _, err = cli(capsys, "--data-dir", commune["commune"], "members", "list", "--unit", "bản")
    assert code == 1 and err.startswith("chibo: Có nhiều chi bộ ứng với “bản”: BANNAKHUM (Chi bộ bản Nà Khum); ")
    code, _, err = cli(capsys, "--data-dir", commune["a"], "members", "list", "--unit", "BANNAKHUM")
    assert code == 1 and err == ("chibo: --unit chỉ dùng ở cấp nhận báo cáo. Sổ này là của một chi bộ: các lệnh đã "
                                 "chỉ xem sổ của chi bộ này; hãy bỏ --unit.\n")
    listed = json.loads(cli(capsys, "--data-dir", commune["b"], "sessions", "list", "--json")[1])
    code, _, err = cli(capsys, "--data-dir", commune["commune"], "sessions", "show", listed[0]["id"], "--unit",
                       "BANNAKHUM")
    assert code == 1 and err == f"chibo: Buổi sinh hoạt mã {listed[0]['id'][:8]} không thuộc Chi bộ bản Nà Khum.\n"


def test_members_import_at_the_commune_is_refused_and_nothing_written(capsys, commune, tmp_path):
    sheet = tmp_path / "ds.csv"
    sheet.write_text("Họ và tên,Năm sinh\nLò Văn Mới,1990\n", encoding="utf-8")
    before = book_rows(commune["commune"] / "chibo.sqlite")
    for extra in ((), ("--dry-run",)):
        code, out, err = cli(capsys, "--data-dir", commune["commune"], "members", "import", sheet, *extra)
        assert (code, out) == (1, "")
        assert err == ("chibo: Sổ này là của cấp nhận báo cáo: không nhập danh sách đảng viên ở đây. Danh sách đảng "
                       "viên, buổi sinh hoạt và các việc của chi bộ do chi bộ ghi trên sổ của mình rồi gửi gói báo cáo "
                       "lên.\n")
    assert book_rows(commune["commune"] / "chibo.sqlite") == before


def test_nothing_of_a_cells_is_written_at_the_commune(commune):
    """Through the services, as any page or command would: an edit of a cell's member, a mark in
    a cell's roll call, a new member, a new session; each refused with a sentence, the book as it was."""
    before = book_rows(commune["commune"] / "chibo.sqlite")
    with Book.open(commune["commune"]) as book:
        with book.session() as db:
            view_cell(db, find_cell(db, "BANNAKHUM"))
            member = list_members(db)[0].member
            session = sessions.list_sessions(db)[-1]
            present = next(a for a in sessions.attendance(db, session.id) if a.state == "co_mat")
        attempts = [
            lambda db: members.edit_member(db, member.id, phone="0912345678"),
            lambda db: sessions.record_attendance(db, session.id, present.member_id, "vang_khong_ly_do"),
            lambda db: members.add_member(db, full_name="Lò Văn Mới", joined_on="01/01/2026"),
            lambda db: sessions.create_session(db, kind=SessionKind.REGULAR, held_on="01/06/2026"),
        ]
        messages = []
        for attempt in attempts:
            with pytest.raises(ForeignRecordError) as refused, book.session() as db:
                attempt(db)
            messages.append(refused.value.message)
    assert messages[0] == messages[1] == (
        "Bản ghi này là của “Chi bộ bản Nà Khum”: chỉ đơn vị ấy sửa được, trên sổ của mình, rồi gửi lại; ở đây chỉ "
        "xem. Sổ này không thay đổi.")
    assert messages[2] == messages[3] == (
        "Ở cấp nhận báo cáo, sổ của các chi bộ chỉ để xem: không thêm, sửa hay xóa đảng viên, buổi sinh hoạt, bài thu "
        "hoạch, kế hoạch hay hoạt động tuyên truyền ở đây. Chi bộ ghi trên sổ của mình rồi gửi gói báo cáo lên; sổ này "
        "không thay đổi.")
    assert book_rows(commune["commune"] / "chibo.sqlite") == before


def test_a_session_at_the_commune_counts_against_its_own_cell(commune):
    """The figures of one session read the roll of the session's cell, whichever cell is viewed
    (the commune used to count every cell's members as summoned: "13/53, cần 27")."""
    with Book.open(commune["a"]) as own, own.session() as db:
        session = sessions.list_sessions(db)[-1]
        expected = session_figures(db, session.id)
    with Book.open(commune["commune"]) as book, book.session() as db:
        got = session_figures(db, session.id)
        view_cell(db, find_cell(db, "BANPHINHO"))
        viewed_elsewhere = session_figures(db, session.id)
    assert got == expected == viewed_elsewhere and expected.summoned_total < 40


def test_the_communes_first_screen_read_with_sqlite3_alone_equals_the_summary(commune):
    """The board's rows and total, read through a plain sqlite3 connection (the start-up path
    imports no SQLAlchemy), are the consolidated summary's."""
    import sqlite3

    from chibo.services.receiving_board import fill_study, receiving_board, study_by_cell
    from chibo.sync.summary import consolidated

    connection = sqlite3.connect(commune["commune"] / "chibo.sqlite")
    try:
        board = receiving_board(connection)
        assert [row.studied for row in board.cells] == [None, None] and board.total.studied is None
        fill_study(board, study_by_cell(connection, board))
    finally:
        connection.close()
    with Book.open(commune["commune"]) as book, book.session() as db:
        units, total = consolidated(db)
    assert (board.unit_name, board.waiting) == ("Đảng ủy xã Sơn Cao", 0)
    assert [(r.unit.name, r.on_roll, r.required, r.sessions, r.makeup_sessions, r.unit.last_bundle_at)
            for r in board.cells] == [(u.name, u.members, u.required, u.sessions, u.makeup_sessions,
                                       u.last_bundle_at) for u in units]
    assert [(r.studied, r.must_study) for r in board.cells] == [
        (sum(d.studied for d in u.documents.values()), sum(d.required for d in u.documents.values())) for u in units]
    assert (board.total.on_roll, board.total.studied) == (total.members, sum(d.studied for d in total.documents.values()))
    assert board.total.on_roll == 68 and board.total.percent is not None
