"""The first screen's figures, read with sqlite3 alone (`services.glance`, `services.board`), are the
services' figures: the same roll, study of each document, session counts, overdue tasks and what
waits to be sent, on the demo book, a larger one and the edge cases. And reading them imports
neither SQLAlchemy nor SQLModel."""

from __future__ import annotations

import subprocess
import sys
from datetime import date, timedelta

import pytest

from chibo.services import documents, essays, glance, members, plans, sessions
from chibo.services.board import month_board
from chibo.services.figures import document_figures, session_figures
from chibo.services.roll import Roll
from chibo.store.reader import StaleSchemaError, open_reader
from chibo.vocabulary import AttendanceState, LeftReason, MemberStatus, SessionKind
from conftest import DEMO_TODAY, _copy_book, _template


def assert_same_figures(book, as_of: date) -> None:
    """Every figure the board reads, against the services' on the same day."""
    from chibo.services.documents import list_documents
    from chibo.services.sessions import list_sessions

    with open_reader(book.database) as reader, book.session() as db:
        service_roll = Roll.load(db)
        quick_roll = glance.roll(reader)
        assert quick_roll._history == service_roll._history
        for day in (as_of, date(as_of.year, 1, 1), as_of - timedelta(days=200)):
            assert quick_roll.on_roll(day) == service_roll.on_roll(day)
            assert quick_roll.required(day) == service_roll.required(day)
        names = glance.member_names(reader)
        docs = glance.documents(reader)
        assert [d.id for d in docs] == [d.id for d in list_documents(db)]
        studies = glance.study(reader, as_of, quick_roll, docs, names)
        assert studies, "a book with documents to study"
        for study in studies:
            f = document_figures(db, study.document.id, as_of, service_roll)
            assert study.required == f.required
            assert study.studied == {s.member_id for s in f.studied}
            assert [(m.member_id, m.full_name, m.reason) for m in study.missing] == [
                (m.member_id, m.full_name, m.reason) for m in f.missing]
            assert (study.sessions, study.makeups) == (len(f.sessions), len(f.makeups))
            assert study.latest_session_id == (f.sessions[-1].id if f.sessions else None)
            assert len(study.essays_missing) == f.essays_missing
            assert study.percent == f.percent
        held = glance.sessions_between(reader, date(2000, 1, 1), as_of, quick_roll)
        assert [s.id for s in held] == [s.id for s in list_sessions(db) if s.held_on <= as_of]
        for s in held:
            f = session_figures(db, s.id, service_roll)
            assert (s.summoned, s.present, s.absent, s.unrecorded) == (
                f.summoned_total, f.present_total, len(f.absences), len(f.unrecorded)), s
        quick_tasks = glance.overdue_tasks(reader, as_of)
        assert [(t.item_id, t.days_late, t.plan_id) for t in quick_tasks] == [
            (o.item.id, o.days_late, o.plan.id) for o in plans.overdue_items(db, as_of)]


@pytest.fixture(scope="session")
def larger_template(tmp_path_factory):
    from chibo.services.demo import build_demo

    return _template(tmp_path_factory, "larger", lambda b: build_demo(b, seed=3, member_count=90, months=30,
                                                                    today=DEMO_TODAY))


@pytest.fixture
def larger_book(larger_template, tmp_path):
    book = _copy_book(larger_template, tmp_path / "larger")
    yield book
    book.close()


@pytest.mark.parametrize("as_of", [DEMO_TODAY, date(2026, 1, 31), date(2025, 9, 10)])
def test_the_demo_books_figures_read_with_sqlite3_are_the_services(demo_book, as_of):
    assert_same_figures(demo_book, as_of)


def test_a_larger_books_figures_read_with_sqlite3_are_the_services(larger_book):
    assert_same_figures(larger_book, DEMO_TODAY)


@pytest.fixture
def edge_cell(book):
    """A member who left mid-year, an exempt member who comes anyway, one away, one probationary;
    a session nobody missed, one with an excused and an unexcused absence, a make-up, an essay, an
    overdue task and a deleted member."""
    with book.session() as db:
        ids = {name: members.add_member(db, full_name=name, joined_on="01/01/2020").id
               for name in ("Lò Văn An", "Giàng A Páo", "Nguyễn Thị Hường", "Vàng A Dế")}
        prob = members.add_member(db, full_name="Thào Thị Mỷ", joined_on="01/01/2026", status=MemberStatus.PROBATIONARY)
        exempt = members.add_member(db, full_name="Sùng Seo Dính", joined_on="01/01/2020", status=MemberStatus.EXEMPT)
        members.add_member(db, full_name="Vương Thị Vỹ", joined_on="01/01/2020", status=MemberStatus.AWAY)
        left = members.add_member(db, full_name="Bàn Văn Sành", joined_on="01/01/2020")
        members.leave(db, left.id, "15/03/2026", LeftReason.TRANSFERRED)
        gone = members.add_member(db, full_name="Lý Văn Xóa", joined_on="01/01/2020")
        members.remove_member(db, gone.id)
        doc = documents.add_document(db, number_symbol="57-NQ/TW", title="về khoa học, công nghệ",
                                     issued_on="01/01/2026", deadline="30/06/2026")
        documents.add_document(db, number_symbol="05-CT/TU", title="về an ninh biên giới", issued_on="01/02/2026")
        full = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/02/2026")
        sessions.mark_all_present(db, full.id)  # nobody absent; the exempt member came
        sessions.record_attendance(db, full.id, exempt.id, AttendanceState.PRESENT)
        study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/03/2026", document_ids=[doc.id])
        sessions.mark_all_present(db, study.id)
        sessions.record_attendance(db, study.id, ids["Giàng A Páo"], AttendanceState.ABSENT_EXCUSED, "Ốm")
        sessions.record_attendance(db, study.id, prob.id, AttendanceState.ABSENT_UNEXCUSED)
        sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/06/2026")  # roll not called yet
        essays.record_essay(db, ids["Lò Văn An"], doc.id, grade="Tốt", submitted_on="20/03/2026")
        plan = plans.create_plan(db, title="Chương trình hành động", year=2026, document_id=doc.id)
        plans.add_item(db, plan.id, content="Họp dân phổ biến", deadline="30/04/2026")
        plans.add_item(db, plan.id, content="Đã làm", deadline="30/04/2026", status="hoan_thanh")
    return book


@pytest.mark.parametrize("as_of", [date(2026, 2, 5), date(2026, 3, 14), date(2026, 3, 15), date(2026, 6, 20)])
def test_edge_cases_read_with_sqlite3_are_the_services(edge_cell, as_of):
    assert_same_figures(edge_cell, as_of)


def test_the_board_of_the_month(edge_cell):
    with open_reader(edge_cell.database) as reader:
        board = month_board(reader, date(2026, 6, 20))
    assert board.unit.name == "Chi bộ bản Nậm Cáy"
    # Four full and the probationary member must attend; the exempt and the away one are on the roll.
    assert (board.members.on_roll, board.members.required, board.members.exempt) == (7, 5, 1)
    assert board.meeting is not None and board.meeting.held_on == date(2026, 6, 5)
    assert (board.meeting.summoned, board.meeting.present, board.meeting.unrecorded) == (5, 0, 5)
    nqs = {s.document.number_symbol: s for s in board.studying}
    assert [s.document.number_symbol for s in board.studying] == ["57-NQ/TW", "05-CT/TU"]  # deadline first
    studied = nqs["57-NQ/TW"]
    assert [(m.full_name, m.reason) for m in studied.missing] == [("Thào Thị Mỷ", "không lý do"), ("Giàng A Páo", "Ốm")]
    assert (studied.required, studied.studied_count) == (5, 3)  # Sành left on 15/3: no longer required
    assert [s.document.number_symbol for s in board.makeups] == ["57-NQ/TW"]  # 05-CT/TU: no session yet
    assert sorted(board.names[m] for m in studied.essays_missing) == ["Nguyễn Thị Hường", "Vàng A Dế"]
    assert [(t.content, t.days_late) for t in board.overdue] == [("Họp dân phổ biến", 51)]
    assert board.exchange.last_seq == 0 and board.exchange.waiting > 0


def test_reading_the_board_imports_no_sqlalchemy(demo_book):
    script = ("import sys\nfrom chibo.store.reader import open_reader\nfrom chibo.services.board import month_board\n"
              f"with open_reader({str(demo_book.database)!r}) as r:\n    b = month_board(r)\n"
              "heavy = sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic', 'PySide6') if m in sys.modules)\n"
              "print(len(b.studying), heavy)\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.split(" ", 1)[1].strip() == "[]"


def test_the_reader_refuses_an_older_or_missing_book_and_never_writes(tmp_path, demo_book):
    from conftest import book_rows

    with pytest.raises(StaleSchemaError):
        open_reader(tmp_path / "none.sqlite")
    before = book_rows(demo_book)
    with open_reader(demo_book.database) as reader, pytest.raises(Exception, match="readonly"):
        reader.connection.execute("DELETE FROM member")
    assert book_rows(demo_book) == before


def test_the_tables_a_bundle_carries_are_the_ones_counted_as_waiting():
    from chibo.store.models import SYNCED_TABLES
    from chibo.sync.export import SENT_AT_SETTING, SENT_SETTING, SEQ_SETTING
    from chibo.sync.keyring import RECIPIENT_SETTING

    assert tuple(t.__tablename__ for t in SYNCED_TABLES) == glance.SYNCED_TABLE_NAMES
    read_by_glance = ("sync_last_seq", "sync_sent", "sync_last_sent_at", "sync_recipient")
    assert read_by_glance == (SEQ_SETTING, SENT_SETTING, SENT_AT_SETTING, RECIPIENT_SETTING)


def test_what_waits_to_be_sent_follows_the_bundles(cell_a, receiving, stick):
    from chibo.sync.export import export_bundle
    from conftest import link

    link(cell_a, receiving, stick)
    with open_reader(cell_a.database) as reader:
        before = glance.exchange_state(reader)
    assert before.last_seq == 0 and before.superior == "Đảng ủy xã Sơn Cao" and before.waiting > 100
    result = export_bundle(cell_a, stick)
    with open_reader(cell_a.database) as reader:
        sent = glance.exchange_state(reader)
    assert (sent.last_seq, sent.waiting, sent.last_sent_on) == (1, 0, date.today())
    assert sent.unconfirmed == result.records
    with cell_a.session() as db:
        members.add_member(db, full_name="Lò Thị Mới", joined_on="01/06/2026")
    with open_reader(cell_a.database) as reader:
        assert glance.exchange_state(reader).waiting == 2  # the member and the day she joined


def service_lists(book, year: int | None = None) -> tuple[list, list]:
    """`members list --json` and `sessions list --json` as the services (SQLModel) compute them."""
    from chibo.services.members import list_members
    from chibo.services.sessions import list_sessions, session_documents, session_title

    with book.session() as db:
        roll = Roll.load(db)
        people = [row.as_json() for row in list_members(db, roll=roll)]
        held = []
        for s in list_sessions(db, year=year):
            f = session_figures(db, s.id, roll)
            held.append({"id": s.id, "date": s.held_on.isoformat(), "kind": s.kind, "form": s.form,
                         "title": session_title(s), "place": s.place,
                         "documents": [d.number_symbol for d in session_documents(db, s.id)],
                         "summoned": f.summoned_total, "present": f.present_total, "absent": len(f.absences),
                         "quorum_reached": f.quorum.reached, "makeup_of": s.makeup_of_id})
    return people, held


@pytest.mark.parametrize("which", ["demo", "edge", "larger"])
def test_the_command_lines_lists_read_with_sqlite3_are_the_services(which, request, capsys):
    """`chibo members list --json` and `chibo sessions list --json` read without SQLModel print what
    the services compute, on the demo book, the edge cases and a larger book; with --year too."""
    import json

    from conftest import cli

    book = request.getfixturevalue({"demo": "demo_book", "edge": "edge_cell", "larger": "larger_book"}[which])
    people, held = service_lists(book)
    book.close()  # the command opens the folder itself
    code, out, err = cli(capsys, "--data-dir", book.folder, "members", "list", "--json")
    assert code == 0 and json.loads(out) == people, err
    code, out, err = cli(capsys, "--data-dir", book.folder, "sessions", "list", "--json")
    assert code == 0 and json.loads(out) == held, err
    year = date.fromisoformat(held[-1]["date"]).year
    code, out, _ = cli(capsys, "--data-dir", book.folder, "sessions", "list", "--json", "--year", year)
    assert json.loads(out) == [s for s in held if s["date"].startswith(str(year))] != []


def test_the_lists_of_an_older_book_migrate_it_first(tmp_path, capsys):
    """A book of the first schema is opened the usual way (backed up, migrated), then listed."""
    import json
    import shutil
    from pathlib import Path

    from conftest import cli

    shutil.copy(Path(__file__).parent / "data" / "book-0001.sqlite", tmp_path / "chibo.sqlite")
    code, out, err = cli(capsys, "--data-dir", tmp_path, "members", "list", "--json")
    assert code == 0 and json.loads(out), err
    assert list((tmp_path / "backups").glob("truoc-nang-cap-0001-*.sqlite"))


def test_the_lists_import_no_sqlalchemy_once_the_day_is_backed_up(book, tmp_path):
    """The day's first command opens the book the usual way (its check and daily backup); the next
    ones read with sqlite3 alone."""
    import shutil

    folder = tmp_path / "copy"
    shutil.copytree(book.folder, folder, ignore=shutil.ignore_patterns("chibo.lock", "backups"))
    script = ("import sys\nfrom chibo.cli.main import main\n"
              f"code = main(['--data-dir', {str(folder)!r}, sys.argv[1], 'list', '--json'])\n"
              "print(code, sorted(m for m in ('sqlalchemy', 'sqlmodel', 'pydantic') if m in sys.modules))\n")

    def run(command: str) -> str:
        out = subprocess.run([sys.executable, "-c", script, command], capture_output=True, text=True, check=True)
        return out.stdout.splitlines()[-1]

    assert run("members") == "0 ['pydantic', 'sqlalchemy', 'sqlmodel']"  # checked and backed up today
    assert list((folder / "backups").glob("tu-dong-*.sqlite"))
    assert run("members") == "0 []" and run("sessions") == "0 []"
