"""Limits on every input but the member files (issue 13's): lengths a paper can print, control and
bidi characters refused with a sentence and the book unchanged row for row, line breaks only in
paragraph fields; the editor shows the sentence; names from an old book never reach the terminal
raw; a bundle carrying hidden characters is refused."""

from __future__ import annotations

import json
import sqlite3

import pytest
from PySide6.QtCore import Qt
from sqlmodel import func, select

from chibo.errors import ValidationError
from chibo.services import agenda, documents, members, outreach, plans, sessions, units
from chibo.services.cleaning import clean_text
from conftest import book_rows, cli, copy_book_files, fingerprint_of, link

RLO = "\u202e"  # RIGHT-TO-LEFT OVERRIDE: "Lò Văn ‮nA" reads as another name on screen


def test_clean_text_refuses_hidden_characters_and_keeps_paragraphs():
    assert clean_text("  Lo\u0300 Văn An ", "họ và tên", max_length=100) == "Lò Văn An"  # NFC, trimmed
    assert clean_text("1. Báo cáo.\r\n2.\tThảo luận.", "nội dung", max_length=10_000) == "1. Báo cáo.\n2.\tThảo luận."
    cases = {
        f"Lò Văn {RLO}nA": "Họ và tên có ký tự ẩn không dùng trong văn bản (mã U+202E, ký tự điều khiển hoặc đổi "
                           "chiều chữ), có thể do chép từ nơi khác. Hãy xóa trường này, gõ lại rồi lưu.",
        "Lò Văn\u200bAn": "(mã U+200B,",
        "Lò \x1b[31mVăn": "(mã U+001B,",
        "Lò Văn\nAn": "Họ và tên chỉ viết trên một dòng: hãy bỏ dấu xuống dòng (hoặc dấu tab) rồi lưu lại.",
        "Lò Văn\tAn": "chỉ viết trên một dòng",
        "A" * 101: "Họ và tên dài quá 100 ký tự (101 ký tự); hãy rút gọn.",
    }
    for value, expected in cases.items():
        with pytest.raises(ValidationError) as refused:
            clean_text(value, "họ và tên", max_length=100)
        assert expected in refused.value.message
    with pytest.raises(ValidationError, match=r"dài quá 10\.000 ký tự \(10\.001 ký tự\)"):
        clean_text("a" * 10_001, "nội dung phát biểu")


def _first(db, model):
    from chibo.services.lookups import alive

    return db.exec(alive(model)).first()


# Each input path with a value over its limit or carrying a hidden character, and the sentence.
REFUSED = {
    "member name too long": (lambda db: members.add_member(db, full_name="Lò Văn " + "A" * 95, joined_on="01/01/2024"),
                             "Họ và tên dài quá 100 ký tự (102 ký tự)"),
    "member name bidi": (lambda db: members.add_member(db, full_name=f"Lò Văn {RLO}nA", joined_on="01/01/2024"),
                         "Họ và tên có ký tự ẩn"),
    "ethnicity": (lambda db: members.edit_member(db, _member(db), ethnicity="Hmông" * 11), "Dân tộc dài quá 50 ký tự"),
    "member note": (lambda db: members.edit_member(db, _member(db), note="x" * 2_001), "Ghi chú dài quá 2.000 ký tự"),
    "document symbol": (lambda db: documents.add_document(db, number_symbol="57-NQ/TW\x1b", title="Về khoa học"),
                        "Số, ký hiệu văn bản có ký tự ẩn"),
    "session place": (lambda db: sessions.edit_session(db, _session(db), place=f"Nhà văn hóa {RLO}bản"),
                      "Địa điểm có ký tự ẩn"),
    "session title line": (lambda db: sessions.edit_session(db, _session(db), title="Sinh hoạt\nchuyên đề"),
                           "Tên buổi sinh hoạt chỉ viết trên một dòng"),
    "speech": (lambda db: agenda.add_speech(db, _session(db), "Ý kiến " * 1_500, speaker_name="Khách"),
               "Nội dung phát biểu dài quá 10.000 ký tự"),
    "plan title": (lambda db: plans.create_plan(db, title="Kế hoạch\nhọc tập", year=2026),
                   "Tên kế hoạch chỉ viết trên một dòng"),
    "outreach": (lambda db: outreach.add_outreach(db, kind="hoi_nghi", held_on="01/06/2026", description="x" * 2_001),
                 "Nội dung dài quá 2.000 ký tự"),
    "unit name": (lambda db: units.update_unit(db, name=f"Chi bộ {RLO}bản Nà Khum"), "Tên đơn vị có ký tự ẩn"),
    "unit place": (lambda db: units.update_unit(db, place_name="Sơn Cao " * 7), "Địa danh dài quá 50 ký tự"),
}


def _member(db):
    from chibo.store.models import Member

    return _first(db, Member).id


def _session(db):
    from chibo.store.models import CellSession

    return _first(db, CellSession).id


@pytest.mark.parametrize("path", sorted(REFUSED))
def test_every_input_path_refuses_with_a_sentence_and_changes_nothing(demo_book, path):
    write, expected = REFUSED[path]
    before = book_rows(demo_book)
    with pytest.raises(ValidationError) as refused, demo_book.session() as db:
        write(db)
    assert expected in refused.value.message
    assert book_rows(demo_book) == before


def test_paragraph_fields_keep_their_lines(demo_book):
    with demo_book.session() as db:
        session = sessions.edit_session(db, _session(db), agenda="1. Báo cáo.\n2. Thảo luận.")
        member = members.edit_member(db, _member(db), note="Chuyển đến từ xã khác.\nĐã nộp hồ sơ.")
    assert session.agenda == "1. Báo cáo.\n2. Thảo luận." and member.note.count("\n") == 1


def test_the_member_editor_shows_the_sentence_and_writes_nothing(qtbot, demo_book):
    from PySide6.QtWidgets import QDialogButtonBox

    from chibo.ui.editors.member import MemberEditor
    from chibo.ui.operations import wait_for_jobs
    from conftest import answer_next_dialog

    before = book_rows(demo_book)
    editor = MemberEditor(demo_book)
    qtbot.addWidget(editor)
    editor.show()
    editor.full_name.insert(f"Lò Văn {RLO}nA")  # pasted from a message: QTest types ASCII keys only
    qtbot.keyClicks(editor.admitted_on, "03/02/2015")
    qtbot.mouseClick(editor.save_button, Qt.LeftButton)
    qtbot.waitUntil(editor.error.isVisible, timeout=10_000)
    assert editor.error.text().startswith("Họ và tên có ký tự ẩn không dùng trong văn bản (mã U+202E")
    assert editor.isVisible() and book_rows(demo_book) == before
    answer_next_dialog(qtbot, "Không lưu")
    qtbot.mouseClick(editor.buttons.button(QDialogButtonBox.Cancel), Qt.LeftButton)
    wait_for_jobs()


def test_the_command_line_refuses_a_hidden_character_and_never_echoes_one_raw(capsys, demo_template, tmp_path):

    code, _, err = cli(capsys, "--data-dir", tmp_path / "moi", "init", "--name", f"Chi bộ {RLO}bản Nà Khum")
    assert code == 1 and err.startswith("chibo: Tên đơn vị có ký tự ẩn không dùng trong văn bản (mã U+202E")
    folder = copy_book_files(demo_template, tmp_path / "cu")
    old_name = f"Lò Văn {RLO}nA\x1b[31m"  # written by an older chibo, which let anything in
    connection = sqlite3.connect(folder / "chibo.sqlite")
    member_id = connection.execute("SELECT id FROM member ORDER BY id LIMIT 1").fetchone()[0]
    connection.execute("UPDATE member SET full_name = ? WHERE id = ?", (old_name, member_id))
    connection.commit()
    connection.close()
    code, out, _ = cli(capsys, "--data-dir", folder, "members", "list")
    assert code == 0 and RLO not in out and "\x1b" not in out and "Lò Văn \\u202enA\\u001b[31m" in out
    code, out, _ = cli(capsys, "--data-dir", folder, "members", "list", "--json")
    assert RLO not in out and old_name in [m["full_name"] for m in json.loads(out)]  # same value, read back


def test_a_bundle_carrying_a_hidden_character_is_refused(cell_a, receiving, stick):
    from chibo.store.models import Member
    from chibo.sync.export import export_bundle
    from chibo.sync.importer import import_bundle

    link(cell_a, receiving, stick)
    connection = sqlite3.connect(cell_a.database)  # an older chibo let the name in
    connection.execute("UPDATE member SET full_name = full_name || ? WHERE rowid = 1", (RLO,))
    connection.commit()
    connection.close()
    bundle = export_bundle(cell_a, stick)
    before = book_rows(receiving)
    report = import_bundle(receiving, bundle.path, approve={fingerprint_of(cell_a)})
    assert report.outcome == "rejected" and "có ký tự ẩn (ký tự điều khiển hoặc đổi chiều chữ); gói bị từ chối. " \
        "Hãy báo đơn vị gửi gõ lại trường có ký tự lạ rồi xuất gói mới." in report.reason
    assert [r for r in book_rows(receiving) if "bundle_log" not in r] == [r for r in before if "bundle_log" not in r]
    with receiving.session() as db:
        assert db.exec(select(func.count()).select_from(Member).where(Member.unit_id == cell_a.local_unit_id)).one() == 0


def test_a_refused_bundle_still_names_its_sender_and_matches_the_fingerprint_given(capsys, cell_a, receiving, stick):
    """`import --approve FP` on a bundle whose records are refused says why, and never that FP
    matched no bundle (the operator would doubt the fingerprint read on the phone)."""
    from chibo.sync.export import export_bundle

    link(cell_a, receiving, stick)
    connection = sqlite3.connect(cell_a.database)
    connection.execute("UPDATE member SET full_name = full_name || ? WHERE rowid = 1", (RLO,))
    connection.commit()
    connection.close()
    bundle = export_bundle(cell_a, stick).path
    approval = fingerprint_of(cell_a)
    folder = receiving.folder
    receiving.close()
    before = book_rows(folder / "chibo.sqlite")
    code, out, err = cli(capsys, "--data-dir", folder, "import", bundle, "--approve", approval, "--json")
    assert code == 1 and "có ký tự ẩn" in err and "không khớp với gói nào" not in err
    [report] = json.loads(out)
    assert (report["outcome"], report["sender_name"], report["fingerprint"], report["seq"]) == (
        "rejected", "Chi bộ bản Nà Khum", approval, 1)
    assert [r for r in book_rows(folder / "chibo.sqlite") if "bundle_log" not in r] == \
        [r for r in before if "bundle_log" not in r]


def test_a_bundle_carrying_a_field_longer_than_any_typed_one_says_so(cell_a, receiving, stick):
    from chibo.sync.export import export_bundle
    from chibo.sync.importer import import_bundle

    link(cell_a, receiving, stick)
    connection = sqlite3.connect(cell_a.database)  # a note of 120,000 characters, written around chibo
    connection.execute("UPDATE member SET note = ? WHERE rowid = 1", ("x" * 120_000,))
    connection.commit()
    connection.close()
    bundle = export_bundle(cell_a, stick)
    before = book_rows(receiving)
    report = import_bundle(receiving, bundle.path, approve={fingerprint_of(cell_a)})
    assert report.outcome == "rejected" and report.reason.endswith(
        "trong gói có một trường dài hơn 100.000 ký tự; gói bị từ chối. Hãy báo đơn vị gửi rút gọn trường ấy (ghi chú, "
        "nội dung…) rồi xuất gói mới.")
    assert [r for r in book_rows(receiving) if "bundle_log" not in r] == [r for r in before if "bundle_log" not in r]
