"""`chibo sessions show` whole, and `chibo print minutes` refused for a session that breaks a rule:
exit 1, the sentence once on stderr, no file written; a book written by the previous release."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from sqlalchemy import text

from chibo.store.book import Book
from test_cli import run

DATA = Path(__file__).with_name("data")
SESSION_KEYS = {
    "id", "kind", "form", "date", "start_time", "end_time", "place", "title", "number_symbol", "makeup_of", "chair",
    "minute_taker", "presenter", "guests", "documents", "attendance", "summoned", "present", "exempt",
    "exempt_present", "away", "absent", "unrecorded", "agenda_items", "speeches", "conclusion", "minutes_approved",
    "vote", "quorum", "problems",
}


def test_sessions_show_json_gives_the_whole_session(capsys, demo_dir):
    _, out, _ = run(capsys, "--data-dir", demo_dir, "sessions", "list", "--json")
    listed = next(s for s in json.loads(out) if s["kind"] == "thuong_ky" and s["documents"])
    code, out, err = run(capsys, "--data-dir", demo_dir, "sessions", "show", listed["id"][:8], "--json")
    assert (code, err) == (0, "")
    shown = json.loads(out)
    assert set(shown) == SESSION_KEYS
    assert (shown["id"], shown["date"], shown["kind"], shown["form"]) == (listed["id"], listed["date"], "thuong_ky",
                                                                         "long_ghep")
    assert (shown["start_time"], shown["end_time"], shown["place"]) == ("19:30", "21:15", "Nhà văn hóa bản Nà Khum")
    assert shown["chair"]["full_name"] in ("Giàng A Páo", "Nguyễn Thị Hường") and shown["chair"]["guest"] is False
    assert shown["minute_taker"]["full_name"] != shown["chair"]["full_name"]
    assert shown["presenter"]["full_name"] in ("Lường Văn Khăm", "Hoàng Thị Thủy")
    assert set(shown["attendance"][0]) == {"member_id", "full_name", "category", "state", "reason"}
    by_state = {}
    for row in shown["attendance"]:
        by_state.setdefault(row["state"], []).append(row)
    present = len(by_state["co_mat"])
    assert present == sum(shown["present"].values()) + shown["exempt_present"] == listed["present"]
    assert [a["full_name"] for a in shown["absent"]] == [r["full_name"] for r in shown["attendance"]
                                                         if r["state"] in ("vang_co_ly_do", "vang_khong_ly_do")]
    items = shown["agenda_items"]
    assert [i["position"] for i in items] == list(range(1, len(items) + 1))
    assert items[0]["title"].startswith("Đánh giá kết quả thực hiện nhiệm vụ tháng")
    assert items[0]["presenter"]["kind"] == "member" and items[0]["presenter"]["full_name"] == shown["chair"]["full_name"]
    study = items[-1]
    assert study["presenter"]["kind"] == "roster" and study["document_id"]
    assert study["title"].startswith("Học tập, quán triệt ")
    speech = items[0]["speeches"][0]
    assert set(speech) == {"id", "speaker", "speaker_kind", "member_id", "content"}
    assert speech["speaker_kind"] == "member" and speech["speaker"] in [r["full_name"] for r in by_state["co_mat"]]
    quorum, vote = shown["quorum"], shown["vote"]
    full_present = sum(1 for r in by_state["co_mat"] if r["category"] == "chinh_thuc")
    assert quorum["present"] == vote["voting_members_present"] == full_present  # nobody exempt came
    assert quorum["reached"] is True and quorum["needed"] == quorum["base"] // 2 + 1
    assert vote["for"] + vote["against"] + vote["other"] == full_present
    assert shown["problems"] == []
    code, out, _ = run(capsys, "--data-dir", demo_dir, "sessions", "show", listed["id"][:8])
    assert code == 0
    assert f"  Chủ trì: {shown['chair']['full_name']}" in out
    assert f"  Nội dung 1: {items[0]['title']} (trình bày: {shown['chair']['full_name']})" in out
    assert (f"  Đảng viên có quyền biểu quyết có mặt: {quorum['present']}, trên {quorum['base']} làm căn cứ tính "
            f"(cần ít nhất {quorum['needed']}): đủ điều kiện biểu quyết") in out
    assert "Trái quy tắc" not in out


def test_print_minutes_of_a_session_that_breaks_a_rule_is_refused_and_writes_nothing(capsys, demo_dir, tmp_path):
    _, out, _ = run(capsys, "--data-dir", demo_dir, "sessions", "list", "--json")
    session = next(s for s in json.loads(out) if s["kind"] == "thuong_ky")
    with Book.open(demo_dir) as book, book.session() as db:  # written before the rules: a vote for everyone present
        db.execute(text("UPDATE session SET votes_for = :n, number_symbol = '' WHERE id = :id"),
                   {"n": session["present"], "id": session["id"]})
        # and never printed (the demo issued its minutes: an issued paper reprints as it was issued)
        db.execute(text("DELETE FROM issued_paper WHERE record_id = :id"), {"id": session["id"]})
    code, out, _ = run(capsys, "--data-dir", demo_dir, "sessions", "show", session["id"], "--json")
    problem = json.loads(out)["problems"]
    voters = json.loads(out)["quorum"]["present"]
    assert problem == [f"Tổng số biểu quyết ({session['present']}) lớn hơn số đảng viên có quyền biểu quyết có mặt "
                       f"({voters}); đảng viên dự bị và đảng viên sinh hoạt tạm không biểu quyết."]
    target = tmp_path / "bien-ban.pdf"
    code, out, err = run(capsys, "--data-dir", demo_dir, "print", "minutes", session["id"][:8], "--out", str(target))
    assert code == 1 and out == ""
    assert err == (f"chibo: Chưa in được biên bản của buổi sinh hoạt này: {problem[0]} Hãy sửa buổi sinh hoạt (mục "
                   "Sinh hoạt, nút Sửa) rồi in lại.\n")
    assert not target.exists() and list(tmp_path.glob("*.pdf")) == []
    code, _, _ = run(capsys, "--data-dir", demo_dir, "print", "attendance", session["id"][:8], "--out", str(target))
    assert code == 0 and target.exists()  # the sign-in sheet says nothing the rules forbid
    with Book.open(demo_dir) as book, book.session() as db:
        assert db.execute(text("SELECT number_symbol FROM session WHERE id = :id"),
                          {"id": session["id"]}).scalar_one() == ""


def test_a_book_of_the_previous_release_opens_and_its_sessions_print_or_say_why_not(capsys, tmp_path):
    folder = tmp_path / "old"
    folder.mkdir()
    shutil.copy(DATA / "book-0001.sqlite", folder / "chibo.sqlite")
    _, out, _ = run(capsys, "--data-dir", str(folder), "sessions", "list", "--json")
    sessions = json.loads(out)
    assert [s["kind"] for s in sessions] == ["thuong_ky", "hoc_bu", "thuong_ky", "hoc_bu", "thuong_ky"]
    outcomes = []
    for s in sessions:
        target = tmp_path / f"{s['id']}.pdf"
        code, _, err = run(capsys, "--data-dir", str(folder), "print", "minutes", s["id"], "--out", str(target))
        outcomes.append((s["kind"], code, target.exists()))
        if s["kind"] == "thuong_ky":  # voted by all present: the rule is said first, before any rebuild
            assert err.count("Chưa in được biên bản") == 1 and "Tổng số biểu quyết" in err
        else:  # the make-ups keep the rules, but the old release numbered the later meetings first
            assert err.count("Không cấp được số cho biên bản ngày") == 1 and "thứ tự ngày họp" in err
    assert outcomes == [(s["kind"], 1, False) for s in sessions]
    _, out, _ = run(capsys, "--data-dir", str(folder), "sessions", "show", sessions[2]["id"], "--json")
    old = json.loads(out)
    assert old["agenda_items"] == [] and len(old["speeches"]) == 3
    assert old["problems"] == [
        "Đồng chí Lò Thị Ỷ vắng mặt nên không thể phát biểu: hãy bỏ ý kiến của đồng chí hoặc sửa lại điểm danh.",
        "Tổng số biểu quyết (6) lớn hơn số đảng viên có quyền biểu quyết có mặt (4); đảng viên dự bị và đảng viên sinh "
        "hoạt tạm không biểu quyết."]
