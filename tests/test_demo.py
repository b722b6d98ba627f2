"""The demo cell: every case the figures must handle, every rule of a session kept, real documents
with their real dates, up to 300 members, and all or nothing (a demo killed half-way leaves the
folder empty, so `chibo demo` runs again)."""

import io
import os
import signal
import subprocess
import sys
from collections import Counter
from datetime import date

import pytest
from pypdf import PdfReader

from chibo.errors import DiskFullError, ValidationError
from chibo.services import agenda, documents, members, outreach, plans, sessions
from chibo.services.demo import build_demo
from chibo.services.figures import document_figures, session_figures
from chibo.services.roll import Roll
from chibo.services.session_rules import session_problems
from chibo.store.book import Book
from chibo.store.models import Member
from chibo.vocabulary import MemberStatus, SessionKind
from conftest import DEMO_TODAY

PEOPLES_OF_DOMAIN = {"Hmông", "Dao", "Thái", "Tày", "Nùng", "Giáy", "Hà Nhì", "Kinh"}


def test_demo_cell_has_every_case_the_issue_asks_for(demo_book):
    with demo_book.session() as db:
        rows = members.list_members(db)
        statuses = Counter(r.status for r in rows)
        assert len(rows) == 35
        assert statuses[MemberStatus.PROBATIONARY] == 2
        assert statuses[MemberStatus.EXEMPT] == 2
        assert statuses[MemberStatus.ATTACHED] == 1
        assert statuses[MemberStatus.LEFT] == 1
        assert {r.member.ethnicity for r in rows} >= {"Hmông", "Dao", "Thái", "Tày", "Giáy", "Kinh"}
        held = sessions.list_sessions(db)
        regular = [s for s in held if s.kind == SessionKind.REGULAR]
        makeups = [s for s in held if s.kind == SessionKind.MAKEUP]
        assert len(regular) == 12 and makeups
        docs = documents.list_documents(db)
        assert len(docs) == 4
        roll = Roll.load(db)
        figures = [session_figures(db, s.id, roll) for s in regular]
        absences = [a for f in figures for a in f.absences]
        assert any(f.absences == [] for f in figures)
        assert {a.state for a in absences} == {"vang_co_ly_do", "vang_khong_ly_do"}
        studied = [document_figures(db, d.id, DEMO_TODAY, roll) for d in docs]
        assert any(f.studied_in_makeup for f in studied)
        assert any(f.missing for f in studied)
        assert sum(sum(f.essays_by_grade.values()) for f in studied) > 0
        assert plans.overdue_items(db, DEMO_TODAY)
        assert plans.list_plans(db, individual=True)
        assert sum(o.audience for o in outreach.list_outreach(db)) > 0


def test_every_demo_session_keeps_the_rules_with_items_presenters_and_conclusions(demo_book):
    with demo_book.session() as db:
        held = sessions.list_sessions(db)
        assert [s.held_on for s in held if session_problems(db, s.id)] == []
        chairs, counts = Counter(), []
        for session in (s for s in held if s.kind == SessionKind.REGULAR):
            items = agenda.agenda_items(db, session.id)
            assert len(items) >= 2 and all(i.conclusion and i.presented for i in items)
            assert all(i.presenter_member_id or i.presenter_id for i in items)
            assert session.chair_id != session.secretary_id
            f = session_figures(db, session.id)
            assert session.votes_for + session.votes_against + session.votes_other == f.quorum.present
            counts.append((f.quorum.present, f.present_total))
            chairs[db.get(Member, session.chair_id).full_name] += 1
        # the secretary chairs; in the month he was away the deputy did
        assert chairs == {"Giàng A Páo": 11, "Nguyễn Thị Hường": 1}
        # once probationary and attached members came, fewer vote than are present
        assert all(voters <= present for voters, present in counts) and any(v < p for v, p in counts)


def test_dates_in_the_demo_minutes_are_written_as_party_texts_write_them(demo_book):
    """A date inside a sentence reads "trước ngày 15-12-2025", never "15/12"."""
    import re

    with demo_book.session() as db:
        said = [(i.presented, i.conclusion) for s in sessions.list_sessions(db) for i in agenda.agenda_items(db, s.id)]
    deadlines = [c for _p, c in said if "nộp chi ủy trước ngày" in c]
    assert deadlines and all(re.search(r"trước ngày \d{1,2}-\d{1,2}-20\d\d;", c) for c in deadlines)
    assert not [text for pair in said for text in pair if re.search(r"\d{1,2}/\d{1,2}", text)]


def test_real_documents_have_their_real_dates_and_local_ones_say_they_are_fictitious(demo_book):
    with demo_book.session() as db:
        docs = {d.number_symbol: d for d in documents.list_documents(db)}
    assert sorted(docs) == ["05-CT/TU", "12-KH/ĐU", "57-NQ/TW", "68-NQ/TW"]
    resolution = docs["57-NQ/TW"]
    assert (resolution.kind, resolution.issuing_level, resolution.issued_on) == ("NQ", "trung_uong", date(2024, 12, 22))
    assert resolution.title == ("về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc "
                                "gia")  # the subject alone: no kind, no number
    assert (docs["68-NQ/TW"].issued_on, docs["68-NQ/TW"].title) == (date(2025, 5, 4), "về phát triển kinh tế tư nhân")
    assert all(d.note == "" for s, d in docs.items() if s.endswith("/TW"))
    assert {docs["05-CT/TU"].note, docs["12-KH/ĐU"].note} == {"Văn bản hư cấu của chi bộ mẫu, không phải văn bản có thật."}
    assert all(not d.title.startswith(("Nghị quyết", "Chỉ thị", "Kế hoạch", "Kết luận")) for d in docs.values())


@pytest.mark.parametrize("count", [4, 301])
def test_a_demo_cell_is_5_to_300_members(tmp_path, count):
    with Book.open(tmp_path) as book:
        with pytest.raises(ValidationError) as refused:
            build_demo(book, member_count=count)
        assert refused.value.message == f"Chi bộ mẫu cần từ 5 đến 300 đảng viên (đã yêu cầu {count})."
        assert book.local_unit_id is None


def test_the_smallest_demo_cell_keeps_the_rules(tmp_path):
    with Book.open(tmp_path) as book:
        build_demo(book, member_count=5, months=3, today=DEMO_TODAY)
        with book.session() as db:
            assert len(members.list_members(db)) == 5
            assert all(session_problems(db, s.id) == [] for s in sessions.list_sessions(db))


def test_300_members_with_unique_names_of_the_areas_peoples(tmp_path):
    with Book.open(tmp_path) as book:
        summary = build_demo(book, seed=5, member_count=300, months=2, today=DEMO_TODAY)
        with book.session() as db:
            rows = members.list_members(db)
    names = [r.member.full_name for r in rows]
    assert summary.members == len(rows) == len(set(names)) == 300
    assert {r.member.ethnicity for r in rows} <= PEOPLES_OF_DOMAIN and len({r.member.ethnicity for r in rows}) >= 7
    assert all(len(name.split()) >= 3 for name in names)
    statuses = Counter(r.status for r in rows)
    assert statuses[MemberStatus.AWAY] >= 2 and statuses[MemberStatus.PROBATIONARY] >= 5


def test_the_same_seed_gives_the_same_cell(tmp_path):
    """Who was absent, who spoke and which grade each essay got follow the seed, not the random
    ids (a draw over sorted ids gave another cell on every build)."""
    from sqlalchemy import text

    def what_happened(folder):
        with Book.open(folder) as book:
            build_demo(book, seed=3, member_count=12, months=6, today=DEMO_TODAY)
            with book.session() as db:
                return [db.execute(text(query)).all() for query in (
                    "SELECT s.held_on, m.full_name, a.state, a.reason FROM attendance a JOIN member m ON m.id = a.member_id"
                    " JOIN session s ON s.id = a.session_id ORDER BY 1, 2",
                    "SELECT s.held_on, sp.content, m.full_name FROM speech sp JOIN session s ON s.id = sp.session_id"
                    " LEFT JOIN member m ON m.id = sp.member_id ORDER BY 1, 2, 3",
                    "SELECT m.full_name, e.grade FROM essay e JOIN member m ON m.id = e.member_id ORDER BY 1, 2")]

    first, second = what_happened(tmp_path / "a"), what_happened(tmp_path / "b")
    assert first == second
    assert any(state != "co_mat" for _, _, state, _ in first[0])  # somebody was absent, so the draw mattered


def test_a_demo_killed_half_way_leaves_the_folder_empty_and_runs_again(tmp_path):
    """The 300 members and 60 months of `chibo demo`, killed (SIGKILL, as a power cut) once it has said
    it is writing; then run again to the end, and its 300-member sign-in sheet printed."""
    folder = tmp_path / "demo"
    command = [sys.executable, "-m", "chibo", "--data-dir", str(folder), "demo", "--members", "300", "--months", "60"]
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    proc = subprocess.Popen(command, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, env=env)
    said = proc.stderr.readline()
    assert said == "Đã ghi 300 đảng viên; đang ghi các văn bản và buổi sinh hoạt…\n"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    with Book.open(folder) as book:
        assert book.local_unit_id is None  # nothing of the half-built cell
        with book.session() as db:
            assert members.list_members(db) == []
    done = subprocess.run(command, capture_output=True, text=True, env=env, timeout=300)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Đã tạo chi bộ mẫu: 300 đảng viên, ")
    with Book.open(folder) as book, book.session() as db:
        latest = next(s for s in sessions.list_sessions(db) if s.kind == SessionKind.REGULAR)
        called = session_figures(db, latest.id)
    sheet = tmp_path / "ky-ten.pdf"
    printed = subprocess.run([sys.executable, "-m", "chibo", "--data-dir", str(folder), "print", "attendance",
                              latest.id, "--out", str(sheet)], capture_output=True, text=True, env=env)
    assert printed.returncode == 0, printed.stderr
    body = " ".join(" ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(sheet.read_bytes())).pages)
    assert f"Đảng viên phải dự: {called.summoned_total} đồng chí." in body
    assert len(PdfReader(sheet).pages) >= 10


def test_a_demo_stopped_while_issuing_its_papers_leaves_the_folder_as_it_was(tmp_path, monkeypatch):
    """Stopped (as a power cut would) after four papers were issued, then while their originals
    were being put in place: no original is left in the folder, the book is empty, and the next
    demo issues every paper with its original."""
    import chibo.reports.papers as papers
    import chibo.services.issuing as issuing
    from chibo.services.issuing import ArchiveState, archive_state, register_rows

    folder = tmp_path / "demo"
    build_paper, place_original = papers.build_paper, issuing.place_original
    calls = []

    def cut_after_four(*args, **kwargs):
        calls.append(args)
        if len(calls) == 5:
            raise KeyboardInterrupt
        return build_paper(*args, **kwargs)

    def disk_full_on_the_third(archive_of, path, pdf):
        if archive_of == folder:  # moving the originals into the data folder, not issuing them aside
            calls.append(path)
            if len(calls) == 3:
                raise OSError(28, "No space left on device")
        return place_original(archive_of, path, pdf)

    for module, name, stop, raised in ((papers, "build_paper", cut_after_four, KeyboardInterrupt),
                                       (issuing, "place_original", disk_full_on_the_third, DiskFullError)):
        calls.clear()
        with monkeypatch.context() as patch:
            patch.setattr(module, name, stop)
            with Book.open(folder) as book:
                with pytest.raises(raised):
                    build_demo(book, today=DEMO_TODAY)
                assert book.local_unit_id is None
        assert len(calls) >= 3 and not (folder / "issued").exists()
    with Book.open(folder) as book:
        build_demo(book, today=DEMO_TODAY)
        with book.session() as db:
            rows = register_rows(db)
        assert len(rows) > 10 and {archive_state(folder, r) for r in rows} == {ArchiveState.KEPT}
    assert len(list((folder / "issued").rglob("*.pdf"))) == len(rows)


def test_the_command_refuses_a_demo_out_of_range_with_a_sentence(capsys, tmp_path):
    from chibo.cli.main import main

    assert main(["--data-dir", str(tmp_path / "a"), "demo", "--members", "400"]) == 1
    assert capsys.readouterr().err == "chibo: Chi bộ mẫu cần từ 5 đến 300 đảng viên (đã yêu cầu 400).\n"
    assert main(["--data-dir", str(tmp_path / "a"), "demo", "--months", "0"]) == 1
    assert capsys.readouterr().err == "chibo: Chi bộ mẫu ghi từ 1 đến 120 tháng sinh hoạt (đã yêu cầu 0).\n"
    assert main(["--data-dir", str(tmp_path / "a"), "demo", "--members", "5", "--months", "2"]) == 0
    out, _err = capsys.readouterr()
    assert out.startswith("Đã tạo chi bộ mẫu: 5 đảng viên, ")
