"""The review of what arrived at the commune: each bundle Đã nhận / Cần bổ sung / Đã duyệt, the note
travelling back to its cell sealed in the next plan bundle (and only to that cell), a hostile or
oversize note refused at the cell with nothing written, the checks on import listed with the
bundle, and a closed month flagging, never refusing, what arrives late."""

from __future__ import annotations

import base64
import json
import zipfile
from datetime import UTC, date, datetime

import pytest
from sqlmodel import select

from chibo.errors import ValidationError
from chibo.services.documents import add_document
from chibo.services.essays import record_essay
from chibo.services.keys import b64, load_keys
from chibo.services.sessions import create_session, mark_all_present
from chibo.services.superior_notes import superior_notes
from chibo.store.models import Attendance, CellSession, Member
from chibo.sync.bundle import canonical_json, gzip_bytes, write_bundle
from chibo.sync.completeness import completeness
from chibo.sync.export import export_plan
from chibo.sync.importer import import_bundle
from chibo.sync.review import close_period, find_review, list_reviews, mark_review, reopen_period
from chibo.vocabulary import ReviewStatus, SessionKind, Timeliness
from conftest import book_rows, cli
from desk import PERIOD, TODAY, close_all, send, three_cells

NOTE = "Thiếu biên bản sinh hoạt tháng 5/2026 và danh sách đảng viên vắng có lý do; đề nghị chi bộ gửi bổ sung."


def _review_of(commune, cell, seq: int = 1):
    with commune.session() as db:
        return find_review(db, cell.local_unit_id, seq)


def test_a_needs_more_note_reaches_its_cell_only_sealed_and_shows_on_its_overview(receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    review = _review_of(receiving, desk.on_time)
    with receiving.session() as db:
        mark_review(db, review.id, ReviewStatus.NEEDS_MORE, NOTE, now=datetime(2026, 6, 8, 2, tzinfo=UTC))
        mark_review(db, _review_of(receiving, desk.late).id, ReviewStatus.APPROVED)
    plan = export_plan(receiving, stick)
    assert plan.notes_unsent == ()
    assert "biên bản".encode() not in plan.path.read_bytes()  # sealed: the stick does not show it
    for cell in desk.cells:
        assert import_bundle(cell, plan.path).outcome == "imported"
    with desk.on_time.session() as db:
        [note] = superior_notes(db)
    assert (note.seq, note.status, note.note, note.reviewed_on, note.superior) == (
        1, "needs_more", NOTE, date(2026, 6, 8), "Đảng ủy xã Sơn Cao")
    from chibo.services.board import month_board
    from chibo.store.reader import open_reader

    with open_reader(desk.on_time.database) as reader:  # the month's board reads it without SQLAlchemy
        assert month_board(reader, TODAY).superior_notes == [note]
    with desk.late.session() as db:
        assert [(n.seq, n.status, n.note) for n in superior_notes(db)] == [(1, "approved", "")]
    with desk.missing.session() as db:
        assert superior_notes(db) == []

    # Reviewed again and approved: the next plan bundle says so, in place of the note.
    with receiving.session() as db:
        mark_review(db, review.id, ReviewStatus.APPROVED)
    assert import_bundle(desk.on_time, export_plan(receiving, stick).path).outcome == "imported"
    with desk.on_time.session() as db:
        assert [(n.seq, n.status, n.note) for n in superior_notes(db)] == [(1, "approved", "")]
    # A replayed older plan bundle does not bring the old note back.
    assert import_bundle(desk.on_time, plan.path).outcome == "imported"
    with desk.on_time.session() as db:
        assert [n.status for n in superior_notes(db)] == ["approved"]


def test_the_note_typed_at_the_commune_is_checked(receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    review = _review_of(receiving, desk.on_time)
    with receiving.session() as db:
        with pytest.raises(ValidationError, match=r"Chưa nhập ghi chú gửi chi bộ\."):
            mark_review(db, review.id, ReviewStatus.NEEDS_MORE, "  ")
        with pytest.raises(ValidationError, match="Ghi chú gửi chi bộ dài quá 500 ký tự"):
            mark_review(db, review.id, ReviewStatus.NEEDS_MORE, "x" * 501)
        with pytest.raises(ValidationError, match="Ghi chú gửi chi bộ có ký tự ẩn"):
            mark_review(db, review.id, ReviewStatus.NEEDS_MORE, "Thiếu\u202e biên bản")
        with pytest.raises(ValidationError, match="Trạng thái duyệt “xong” không hợp lệ"):
            mark_review(db, review.id, "xong")
        db.rollback()
    with receiving.session() as db:
        assert [r.status for r in list_reviews(db)] == ["received"] * 3


def _forged_plan(commune, plan_path, target, cell_id: str, content, *, seal_to: str):
    """The commune's plan bundle with `content` as the sealed note for `cell_id`, signed again
    with the commune's own key: what a broken or hostile chibo at the commune could write."""
    from nacl.public import PublicKey, SealedBox

    with zipfile.ZipFile(plan_path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        payload = archive.read("payload")
    data = content if isinstance(content, bytes) else gzip_bytes(canonical_json(content))
    manifest["reviews"] = {cell_id: b64(SealedBox(PublicKey(base64.b64decode(seal_to))).encrypt(data))}
    manifest_bytes = json.dumps(manifest, ensure_ascii=False, indent=1, sort_keys=True).encode("utf-8")
    keys = load_keys(commune.folder)
    write_bundle(target, manifest_bytes, keys.signing_key.sign(manifest_bytes).signature, payload)
    return target


@pytest.mark.parametrize("content, why", [
    ({"unit_id": None, "reviews": [{"seq": 1, "status": "needs_more", "note": "x" * 501, "reviewed_on": None}]},
     "một ghi chú dài 501 ký tự, quá 500 ký tự"),
    ({"unit_id": None, "reviews": [{"seq": 1, "status": "needs_more", "note": "Thiếu\u202e biên bản",
                                    "reviewed_on": None}]}, "ghi chú có ký tự ẩn: ký tự điều khiển hoặc đổi chiều chữ"),
    ({"unit_id": None, "reviews": [{"seq": 1, "status": "xong", "note": "", "reviewed_on": None}]},
     "số gói hay trạng thái không đúng"),
    ({"unit_id": None, "reviews": [{"seq": 1, "status": "approved", "note": "", "reviewed_on": None,
                                    "script": "x"}]}, "một mục không đúng dạng"),
    ({"unit_id": "another-cell", "reviews": []}, "không gửi cho đơn vị này"),
    ({"unit_id": None, "reviews": [{"seq": 1, "status": "approved", "note": "", "reviewed_on": None}] * 21},
     "quá 20 mục"),
    (b"\x1f\x8b not gzip", "không đọc được"),
])
def test_a_hostile_or_oversize_note_refuses_the_plan_with_a_sentence_and_nothing_written(
        receiving, stick, tmp_path, content, why):
    desk = three_cells(receiving, stick, tmp_path)
    cell = desk.on_time
    plan = export_plan(receiving, stick)
    if isinstance(content, dict) and content["unit_id"] is None:
        content = {**content, "unit_id": cell.local_unit_id}
    with cell.session() as db:
        from chibo.store.models import Unit

        sealing = db.get(Unit, cell.local_unit_id).encryption_key
    forged = _forged_plan(receiving, plan.path, tmp_path / "forged.chibo", cell.local_unit_id, content, seal_to=sealing)
    before = book_rows(cell)
    report = import_bundle(cell, forged)
    assert report.outcome == "rejected"
    assert report.reason == (f"Ghi chú duyệt gói của cấp trên trong gói kế hoạch không hợp lệ ({why}); gói kế hoạch bị "
                             "từ chối, chưa ghi gì. Hãy báo cấp trên xuất lại gói kế hoạch bằng chibo.")
    after = book_rows(cell)
    assert [row for row in after if "bundle_log" not in row] == [row for row in before if "bundle_log" not in row]


def test_a_note_sealed_to_another_key_is_refused(receiving, stick, tmp_path):
    from nacl.public import PrivateKey

    desk = three_cells(receiving, stick, tmp_path)
    plan = export_plan(receiving, stick)
    stranger = b64(bytes(PrivateKey.generate().public_key))
    forged = _forged_plan(receiving, plan.path, tmp_path / "forged.chibo", desk.late.local_unit_id,
                          {"unit_id": desk.late.local_unit_id, "reviews": []}, seal_to=stranger)
    report = import_bundle(desk.late, forged)
    assert report.outcome == "rejected" and "(không niêm phong cho khóa của đơn vị này)" in report.reason


def test_the_checks_on_import_are_listed_with_the_bundle(capsys, receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    cell = desk.missing
    with cell.session() as db:
        members = db.exec(select(Member)).all()
        guide = add_document(db, number_symbol="03-HD/BTGTU", title="về học tập chuyên đề năm 2026",
                             issuing_level="tinh_uy", issued_on=date(2026, 3, 1))
        lone = add_document(db, number_symbol="04-HD/BTGTU", title="về tuyên truyền biển đảo",
                            issuing_level="tinh_uy", issued_on=date(2026, 3, 1))
        study = create_session(db, kind=SessionKind.STUDY, held_on=date(2026, 5, 20), document_ids=[guide.id])
        db.add(Attendance(session_id=study.id, member_id=members[0].id, state="co_mat"))  # one studied
        for member in members:  # three essays
            record_essay(db, member.id, guide.id, grade="Khá")
        record_essay(db, members[0].id, lone.id, grade="Tốt")  # an essay on a document never studied
        april = db.exec(select(CellSession).where(CellSession.held_on == date(2026, 4, 12))).one()
        db.add(Attendance(session_id=april.id, member_id=_stranger(db).id, state="co_mat"))  # 4 present of 3
        gone = create_session(db, kind=SessionKind.TOPIC, held_on=date(2026, 5, 25))
        mark_all_present(db, gone.id)
        gone.deleted_at = datetime.now(UTC)  # deleted, its attendance left behind (a broken book)
        db.add(gone)
    report = send(cell, receiving, stick, datetime(2026, 6, 10, 3, tzinfo=UTC))
    assert report.warnings == [
        "Tỷ lệ trên 100%: buổi sinh hoạt thường kỳ ngày 12/04/2026 ghi 4 người có mặt, nhiều hơn 3 đảng viên trong "
        "danh sách chi bộ hôm ấy (có người chưa vào, đã rời chi bộ hoặc không thuộc chi bộ được điểm danh).",
        "Học mà không có buổi: 3 đảng viên được ghi có mặt ở buổi sinh hoạt chuyên đề ngày 25/05/2026, nhưng buổi ấy "
        "đã bị xóa.",
        "Văn bản 03-HD/BTGTU: 3 đảng viên có bài thu hoạch, nhiều hơn 1 đảng viên đã học tập văn bản.",
        "Học mà không có buổi: văn bản 04-HD/BTGTU có 1 bài thu hoạch nhưng chi bộ chưa có buổi học tập nào về văn "
        "bản này.",
    ]
    with receiving.session() as db:
        [latest] = list_reviews(db, unit_id=cell.local_unit_id, limit=1)
    assert (latest.seq, latest.status, latest.warnings, latest.periods) == (
        2, "received", tuple(report.warnings), ("2026-04", "2026-05"))
    commune = receiving.folder
    close_all(desk)
    code, out, err = cli(capsys, "--data-dir", commune, "review", "list", "--unit", "Nậm Cáy")
    assert code == 0 and err == ""
    assert out.splitlines()[0] == "10/06/2026  Chi bộ bản Nậm Cáy, gói số 2 (tháng 4/2026, tháng 5/2026): Đã nhận"
    assert ", gói số 1 (tháng 4/2026): Đã nhận" in out
    assert f"    Cảnh báo: {report.warnings[2]}" in out.splitlines()


def test_a_long_run_of_months_is_said_by_its_ends():
    from chibo.sync.periods import months_span

    assert months_span([]) == ""
    assert months_span(["2026-04", "2026-05", "2026-06"]) == "tháng 4/2026, tháng 5/2026, tháng 6/2026"
    run = [f"{2025 + (m > 12)}-{(m - 1) % 12 + 1:02d}" for m in range(10, 24)]  # 10/2025 … 11/2026
    assert months_span(run) == "tháng 10/2025 đến 11/2026, 14 tháng"


def _stranger(db) -> Member:
    """A member of the register who is not on the cell's roll (no status at all)."""
    member = Member(full_name="Người Lạ")
    db.add(member)
    db.flush()
    return member


def test_a_closed_month_flags_a_late_bundle_and_still_merges_it(capsys, receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    closed_at = datetime(2026, 6, 15, 2, tzinfo=UTC)
    with receiving.session() as db:
        close_period(db, PERIOD, now=closed_at)
        with pytest.raises(ValidationError, match=r"Số liệu tháng 5/2026 đã chốt ngày 15/06/2026\."):
            close_period(db, "5/2026")
    with desk.missing.session() as db:
        session = create_session(db, kind=SessionKind.REGULAR, held_on=date(2026, 5, 28))
        mark_all_present(db, session.id)
    report = send(desk.missing, receiving, stick, datetime(2026, 6, 18, 3, tzinfo=UTC))
    assert report.outcome == "imported" and report.counts["new"] > 0
    assert report.warnings == ["Gói mang số liệu tháng 5/2026, đã chốt số liệu ngày 15/06/2026: đến sau khi chốt (vẫn "
                               "được nhập, đánh dấu muộn)."]
    with receiving.session() as db:
        review = find_review(db, desk.missing.local_unit_id, 2)
        assert review.after_close
        assert db.get(CellSession, session.id) is not None  # merged
        month = completeness(db, PERIOD, TODAY).period
        late = {c.label: c for c in month.cells}["Chi bộ bản Nậm Cáy"]
        assert (late.status, late.after_close, month.closed_on) == (Timeliness.LATE, True, date(2026, 6, 15))
        # Phìn Hồ was late too, but before the closing.
        assert not {c.label: c for c in month.cells}["Chi bộ bản Phìn Hồ"].after_close
        reopen_period(db, PERIOD)
        with pytest.raises(ValidationError, match=r"Số liệu tháng 5/2026 chưa chốt\."):
            reopen_period(db, PERIOD)
    commune = receiving.folder
    close_all(desk)
    code, out, err = cli(capsys, "--data-dir", commune, "review", "close", "2026-05")
    assert (code, err) == (0, "") and out.startswith("Đã chốt số liệu tháng 5/2026.")
    code, out, err = cli(capsys, "--data-dir", commune, "review", "set", "Nậm Cáy", "2", "bo-sung")
    assert code == 1 and err == "chibo: Chưa nhập ghi chú gửi chi bộ.\n"
    code, out, err = cli(capsys, "--data-dir", commune, "review", "set", "Nậm Cáy", "9", "da-duyet")
    assert code == 1 and "Chưa nhận gói số 9 của “Chi bộ bản Nậm Cáy”." in err
    code, out, err = cli(capsys, "--data-dir", commune, "review", "set", "Nậm Cáy", "2", "bo-sung", "--note", NOTE)
    assert code == 0 and out == ("Chi bộ bản Nậm Cáy, gói số 2: Cần bổ sung. Ghi chú sẽ đến chi bộ trong gói kế hoạch "
                                 "xuất lần tới (chibo plan export).\n")


def test_at_the_province_a_forward_bundle_is_reviewed_with_its_cells_warnings_named(cell_a, receiving, province,
                                                                                      stick):
    from chibo.sync.forward import export_forward
    from conftest import chain, fingerprint_of

    with cell_a.session() as db:
        member = db.exec(select(Member)).first()
        lone = add_document(db, number_symbol="04-HD/BTGTU", title="về tuyên truyền biển đảo",
                            issuing_level="tinh_uy", issued_on=date(2026, 3, 1))
        record_essay(db, member.id, lone.id, grade="Tốt")
    chain([cell_a], receiving, province, stick)
    report = import_bundle(province, export_forward(receiving, stick).path, approve={fingerprint_of(receiving)},
                           now=datetime(2026, 6, 10, 3, tzinfo=UTC))
    assert report.outcome == "imported"
    assert report.warnings == ["Chi bộ bản Nà Khum: Học mà không có buổi: văn bản 04-HD/BTGTU có 1 bài thu hoạch nhưng "
                               "chi bộ chưa có buổi học tập nào về văn bản này."]
    with province.session() as db:
        [review] = list_reviews(db)
        assert (review.sender_name, review.kind, review.seq, review.warnings) == (
            "Đảng ủy xã Sơn Cao", "forward", 1, tuple(report.warnings))
        # The cell is expected to report at the province too, under the commune that vouched for it.
        month = completeness(db, "2026-05", date(2026, 6, 20)).period
        assert [(c.label, c.status) for c in month.cells] == [("Chi bộ bản Nà Khum", Timeliness.LATE)]


def test_the_note_is_printed_when_the_cell_imports_the_plan_on_the_command_line(capsys, receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    with receiving.session() as db:
        mark_review(db, _review_of(receiving, desk.on_time).id, ReviewStatus.NEEDS_MORE, NOTE,
                    now=datetime(2026, 6, 8, 2, tzinfo=UTC))
        mark_review(db, _review_of(receiving, desk.late).id, ReviewStatus.APPROVED, now=datetime(2026, 6, 9, 2, tzinfo=UTC))
    plan = export_plan(receiving, stick)
    folders = {name: getattr(desk, name).folder for name in ("on_time", "late", "missing")}
    close_all(desk)
    code, out, err = cli(capsys, "--data-dir", folders["on_time"], "import", plan.path)
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == f"    Đảng ủy xã Sơn Cao, về gói số 1: Cần bổ sung (08/06/2026) — {NOTE}"
    code, out, _ = cli(capsys, "--data-dir", folders["late"], "import", plan.path)
    assert out.splitlines()[1] == "    Đảng ủy xã Sơn Cao, về gói số 1: Đã duyệt (09/06/2026)"
    code, out, _ = cli(capsys, "--data-dir", folders["missing"], "import", plan.path)
    assert code == 0 and len(out.splitlines()) == 1  # nothing reviewed for it: no line
