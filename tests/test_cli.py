"""The command line as a script sees it: exit codes, stable JSON, Vietnamese errors."""

import json
from datetime import date
from pathlib import Path

import pytest

from chibo import __version__
from chibo.cli.main import main
from chibo.text import name_sort_key


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"chibo {__version__}"


def test_demo_then_lists(capsys, tmp_path):
    folder = str(tmp_path / "fresh")
    code, out, _ = run(capsys, "--data-dir", folder, "demo", "--seed", "3")
    assert code == 0 and "Đã tạo chi bộ mẫu: 35 đảng viên" in out
    code, out, _ = run(capsys, "--data-dir", folder, "sessions", "list", "--json")
    sessions = json.loads(out)
    assert code == 0 and len(sessions) >= 12
    assert {"id", "date", "kind", "form", "present", "summoned"} <= set(sessions[0])
    assert [s["date"] for s in sessions] == sorted((s["date"] for s in sessions), reverse=True)
    code, out, _ = run(capsys, "--data-dir", folder, "members", "list", "--json")
    people = json.loads(out)
    assert len(people) == 35
    assert [p["full_name"] for p in people] == sorted((p["full_name"] for p in people), key=name_sort_key)
    assert {"id", "full_name", "status"} <= set(people[0])
    code, _, err = run(capsys, "--data-dir", folder, "demo")
    assert code == 1 and "đã có dữ liệu" in err


def test_show_by_id_prefix_and_refusals(capsys, demo_dir):
    _, out, _ = run(capsys, "--data-dir", demo_dir, "documents", "list", "--json")
    doc = json.loads(out)[0]
    code, out, _ = run(capsys, "--data-dir", demo_dir, "documents", "show", doc["id"][:6], "--json")
    shown = json.loads(out)
    assert code == 0 and shown["number_symbol"] == doc["number_symbol"] and shown["studied"] == doc["studied"]
    code, _, err = run(capsys, "--data-dir", demo_dir, "sessions", "show", "ffffffff")
    assert code == 1 and "Không có buổi sinh hoạt nào có mã bắt đầu bằng" in err
    code, out, _ = run(capsys, "--data-dir", demo_dir, "sessions", "list")
    assert code == 0 and "Sinh hoạt thường kỳ" in out


def test_usage_errors_exit_2(capsys, tmp_path):
    with pytest.raises(SystemExit) as exit_info:
        main(["--data-dir", str(tmp_path), "members", "frobnicate"])
    assert exit_info.value.code == 2
    assert "lỗi cú pháp lệnh" in capsys.readouterr().err


def test_commands_on_an_empty_folder_say_how_to_start(capsys, tmp_path):
    code, _, err = run(capsys, "--data-dir", str(tmp_path), "members", "list")
    assert code == 1 and "chibo init" in err
    for command in (["info"], ["sessions", "show", "abcd"], ["export", "--to", str(tmp_path)]):
        code, _, err = run(capsys, "--data-dir", str(tmp_path / "moi"), *command)
        assert code == 1 and err == (f"chibo: Thư mục {tmp_path / 'moi'} chưa có sổ nào. Hãy chạy “chibo init --name …” "
                                     "(hoặc “chibo demo” để thử).\n"), command
        assert not (tmp_path / "moi" / "chibo.sqlite").exists()  # nothing made for a command with no book


def test_init_import_and_refused_import(capsys, tmp_path):
    folder = str(tmp_path / "b")
    code, out, _ = run(capsys, "--data-dir", folder, "init", "--name", "Chi bộ bản Nậm Cáy", "--parent", "Đảng bộ xã Nậm Xe")
    assert code == 0 and "BANNAMCAY" in out
    good = tmp_path / "ds.csv"
    good.write_text("Họ và tên,Ngày sinh\nLò Văn An,01/01/1980\nGiàng A Páo,02/02/1982\n", encoding="utf-8")
    bad = tmp_path / "bad.csv"
    bad.write_text("Họ và tên,Ngày sinh\nLò Thị Ỷ,32/01/1980\n", encoding="utf-8")
    code, out, err = run(capsys, "--data-dir", folder, "members", "import", str(bad))
    assert code == 1 and out == ""  # the refusal is said once, on stderr
    assert err == ("chibo: Chưa nhập gì: tệp bad.csv có 1 dòng lỗi và 0 dòng trùng.\n"
                   "Dòng 2: Ngày sinh: “32/01/1980” không phải ngày có thật (ngày/tháng/năm)\n"
                   "Sửa tệp rồi nhập lại, hoặc thêm --skip-problem-rows để chỉ nhập các dòng đúng.\n")
    code, out, _ = run(capsys, "--data-dir", folder, "members", "import", str(good), "--dry-run")
    assert code == 0 and "Xem trước: sẽ nhập 2 đảng viên (2 chính thức); chưa ghi gì." in out
    assert "2     Lò Văn An    1980      Chính thức *  " in out
    code, out, _ = run(capsys, "--data-dir", folder, "members", "import", str(good))
    assert code == 0 and out == "Đã nhập 2 đảng viên từ ds.csv (2 chính thức).\n"
    _, out, _ = run(capsys, "--data-dir", folder, "members", "list", "--json")
    assert [p["full_name"] for p in json.loads(out)] == ["Lò Văn An", "Giàng A Páo"]
    code, _, err = run(capsys, "--data-dir", folder, "init", "--name", "Khác")
    assert code == 1 and "đã được khởi tạo" in err


def test_backup_and_restore_round_trip(capsys, tmp_path):
    folder = str(tmp_path / "b")
    run(capsys, "--data-dir", folder, "init", "--name", "Chi bộ bản Nậm Cáy")
    csv = tmp_path / "ds.csv"
    csv.write_text("Họ và tên\nLò Văn An\n", encoding="utf-8")
    code, _, err = run(capsys, "--data-dir", folder, "backup", "--to", str(tmp_path / "usb"))
    assert code == 1 and "Không thấy thư mục" in err and not (tmp_path / "usb").exists()  # the stick is not plugged in
    (tmp_path / "usb").mkdir()
    code, out, _ = run(capsys, "--data-dir", folder, "backup", "--to", str(tmp_path / "usb"))
    assert code == 0 and "Đã sao lưu vào" in out
    saved = next((tmp_path / "usb").glob("*.sqlite"))
    run(capsys, "--data-dir", folder, "members", "import", str(csv))
    code, out, _ = run(capsys, "--data-dir", folder, "restore", str(saved))
    assert code == 0 and "Đã khôi phục" in out and "Dữ liệu trước khi khôi phục" in out
    _, out, _ = run(capsys, "--data-dir", folder, "members", "list", "--json")
    assert json.loads(out) == []
    code, _, err = run(capsys, "--data-dir", folder, "restore", str(csv))
    assert code == 1 and "không phải sổ dữ liệu chibo" in err


def test_demo_is_deterministic_for_a_seed(tmp_path):
    from chibo.services.demo import build_demo
    from chibo.services.members import list_members
    from chibo.store.book import Book

    names = []
    for run_no in range(2):
        with Book.open(tmp_path / str(run_no)) as book:
            build_demo(book, seed=11, today=date(2026, 6, 20), member_count=20, months=6)
            with book.session() as db:
                names.append([(r.member.full_name, r.member.birth_date, r.status) for r in list_members(db)])
    assert names[0] == names[1] and len(names[0]) == 20


def test_print_every_paper_from_the_command_line(capsys, demo_dir, tmp_path):
    from chibo.store.book import Book
    from chibo.store.models import CellSession

    _, out, _ = run(capsys, "--data-dir", demo_dir, "sessions", "list", "--json")
    with Book.open(demo_dir, lock=False) as book, book.session() as db:
        numbers = {s["id"]: db.get(CellSession, s["id"]).number_symbol for s in json.loads(out)}
    session = next(s for s in json.loads(out) if numbers[s["id"]])
    number = numbers[session["id"]]
    _, out, _ = run(capsys, "--data-dir", demo_dir, "documents", "list", "--json")
    document = json.loads(out)[0]
    _, out, _ = run(capsys, "--data-dir", demo_dir, "plans", "list", "--json")
    plans = json.loads(out)
    assert [p["member"] for p in plans if p["member"]] == ["Giàng A Páo", "Nguyễn Thị Hường", "Lò Thị Ỷ"]

    # The demo issued its minutes and programme as a cell does: printing one again gives its
    # archived original, byte for byte (tests/test_issuing.py has the rest).
    minutes = tmp_path / "out" / "bien-ban.pdf"
    minutes.parent.mkdir()
    code, out, err = run(capsys, "--data-dir", demo_dir, "print", "minutes", session["id"][:8], "--out", str(minutes))
    assert code == 0 and err.startswith(f"chibo: Bản gốc đã lưu của biên bản số {number}, cấp ngày ")
    archived = list(Path(demo_dir, "issued").rglob(f"{number[:2]}-bb-cb-*.pdf"))
    assert out.strip() == str(minutes) and [minutes.read_bytes()] == [a.read_bytes() for a in archived]
    said = {"attendance": "", "report": "chibo: Đã cấp số 01-BC/CB",
            "plan": "chibo: Bản gốc đã lưu của chương trình số 01-CTr/CB"}
    for kind, record in (("attendance", session["id"]), ("report", document["id"]),
                         ("plan", next(p for p in plans if not p["member"])["id"])):
        target = tmp_path / f"{kind}.pdf"
        code, _, err = run(capsys, "--data-dir", demo_dir, "print", kind, record[:6], "--out", str(target))
        assert code == 0 and err.startswith(said[kind]), (kind, err)
        assert target.read_bytes()[:5] == b"%PDF-"


def test_print_refusals_are_sentences_and_keep_the_number_free(capsys, demo_dir, tmp_path):
    _, out, _ = run(capsys, "--data-dir", demo_dir, "sessions", "list", "--json")
    session = json.loads(out)[1]
    from chibo.store.book import Book
    from chibo.store.models import CellSession

    def number_in_book():
        with Book.open(demo_dir, lock=False) as book, book.session() as db:
            return db.get(CellSession, session["id"]).number_symbol

    before = number_in_book()
    code, _, err = run(capsys, "--data-dir", demo_dir, "print", "minutes", "zzzz")
    assert code == 1 and "Không có buổi sinh hoạt nào có mã bắt đầu bằng “zzzz”" in err
    code, _, err = run(capsys, "--data-dir", demo_dir, "print", "minutes", session["id"], "--number", "năm")
    assert code == 1 and "không đúng dạng" in err
    code, _, err = run(capsys, "--data-dir", demo_dir, "print", "minutes", session["id"], "--out", str(tmp_path))
    assert code == 1 and "là một thư mục" in err
    unplugged = tmp_path / "media" / "usb"  # --out on a stick that is not plugged in: nothing made, no number
    _, out, _ = run(capsys, "--data-dir", demo_dir, "papers", "list", "--json", "--all")
    register = json.loads(out)
    for argv in (("minutes", session["id"]), ("report", json.loads(run(capsys, "--data-dir", demo_dir, "documents",
                                                                         "list", "--json")[1])[0]["id"])):
        code, _, err = run(capsys, "--data-dir", demo_dir, "print", *argv, "--out", str(unplugged / "giay.pdf"))
        assert code == 1 and err.startswith(f"chibo: Không thấy thư mục “{unplugged}” (USB chưa cắm"), err
    assert not (tmp_path / "media").exists()
    assert json.loads(run(capsys, "--data-dir", demo_dir, "papers", "list", "--json", "--all")[1]) == register
    for argv in (("print", "report", "abcd", "--date", "31/02/2026"), ("print", "letter", "abcd")):
        with pytest.raises(SystemExit) as exit_info:
            main(["--data-dir", demo_dir, *argv])
        assert exit_info.value.code == 2
    assert "“31/02/2026” không phải ngày có thật" in capsys.readouterr().err
    assert number_in_book() == before  # the refused minutes took no number


def test_the_log_rotates_past_its_size_and_keeps_three(tmp_path):
    import logging

    from chibo.cli import logs

    folder = tmp_path / "logs"
    folder.mkdir()
    for generation in range(5):
        (folder / "chibo.log").write_bytes(str(generation).encode() * logs.MAX_BYTES)
        path = logs.setup_logging(folder)
        for handler in list(logging.getLogger().handlers):
            if getattr(handler, "baseFilename", None) == str(path):
                logging.getLogger().removeHandler(handler)
                handler.close()
    assert sorted(p.name for p in folder.iterdir()) == ["chibo.log", "chibo.log.1", "chibo.log.2", "chibo.log.3"]
    assert (folder / "chibo.log.1").read_bytes()[:1] == b"4" and (folder / "chibo.log.3").read_bytes()[:1] == b"2"
    assert (folder / "chibo.log").read_bytes() == b""  # made empty and owner-only before the logger opens it


def test_an_unknown_option_is_a_usage_error(capsys):
    from chibo.cli.main import main

    with pytest.raises(SystemExit) as exit_:
        main(["--bogus"])
    assert exit_.value.code == 2 and "lỗi cú pháp lệnh" in capsys.readouterr().err


def test_json_rates_are_rounded_half_up_as_the_papers_print_them(capsys, book):
    """29 of 32 studied: the papers say 90,63%, so the JSON says 90.63 (round() gave 90.62)."""
    from chibo.services import documents, members, sessions
    from chibo.sync.summary import DocumentTotal
    from chibo.vocabulary import AttendanceState, SessionKind

    with book.session() as db:
        ids = [members.add_member(db, full_name=f"Lò Văn An {n}", joined_on="01/01/2020").id for n in range(32)]
        doc = documents.add_document(db, number_symbol="57-NQ/TW", title="về đột phá phát triển",
                                     issued_on="22/12/2024")
        study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="05/02/2025", document_ids=[doc.id])
        sessions.record_roll_call(db, study.id, {m: (AttendanceState.PRESENT if i < 29 else
                                                     AttendanceState.ABSENT_UNEXCUSED, "") for i, m in enumerate(ids)})
    folder = str(book.folder)
    _, out, _ = run(capsys, "--data-dir", folder, "documents", "list", "--json")
    assert [(d["studied"], d["required"], d["rate"]) for d in json.loads(out)] == [(29, 32, 90.63)]
    _, out, _ = run(capsys, "--data-dir", folder, "documents", "list")
    assert "90,63%" in out
    _, out, _ = run(capsys, "--data-dir", folder, "documents", "show", doc.id[:8], "--json")
    assert json.loads(out)["rate"] == 90.63
    assert DocumentTotal("57-NQ/TW", required=32, studied=29).as_json()["rate"] == 90.63
    assert DocumentTotal("57-NQ/TW", required=32, studied=1).as_json()["rate"] == 3.13
    assert DocumentTotal("57-NQ/TW").as_json()["rate"] is None


def test_summary_on_a_cells_book_says_where_it_belongs(capsys, demo_dir):
    """A cell's book sums nobody's bundles: a table of zeros would tell its secretary the data was lost."""
    code, out, err = run(capsys, "--data-dir", demo_dir, "summary")
    assert code == 1 and out == ""
    assert err == ("chibo: Bảng tổng hợp các chi bộ chỉ có ở sổ của cấp nhận báo cáo (đảng ủy); sổ của chi bộ không "
                   "nhận báo cáo của ai. Số liệu của chi bộ mình: chibo documents list, chibo sessions list.\n")


def test_init_without_the_level_above_says_what_the_papers_will_lack(capsys, tmp_path):
    code, out, err = run(capsys, "--data-dir", str(tmp_path / "xa"), "init", "--name", "Đảng ủy xã Nậm Xe", "--role",
                         "receiving")
    assert code == 0 and out.startswith("Đã khởi tạo sổ cho Đảng ủy xã Nậm Xe")
    assert err == ("chibo: chưa khai cấp ủy cấp trên (--parent): đầu các giấy tờ sẽ thiếu dòng tên đảng bộ cấp trên và "
                   "“Nơi nhận” thiếu cấp trên. Khai sau ở Cài đặt → Đơn vị.\n")
    code, out, _ = run(capsys, "--data-dir", str(tmp_path / "xa"), "documents", "list")
    assert code == 0 and out == ("Cấp mình chưa có văn bản nào gửi các chi bộ (thêm ở trang Văn bản). Văn bản của một chi "
                                 "bộ: --unit MÃ (mã các chi bộ: chưa có).\n")
    code, _, err = run(capsys, "--data-dir", str(tmp_path / "cb"), "init", "--name", "Chi bộ bản Nậm Cáy", "--parent",
                       "Đảng bộ xã Nậm Xe")
    assert code == 0 and err == ""


def test_a_document_is_named_by_its_number_symbol_as_people_know_it(capsys, demo_dir):
    code, out, _ = run(capsys, "--data-dir", demo_dir, "documents", "show", "05-ct/tu", "--json")
    assert code == 0 and json.loads(out)["number_symbol"] == "05-CT/TU"
    code, out, _ = run(capsys, "--data-dir", demo_dir, "documents", "show", "68-NQ")  # a start long enough
    assert code == 0 and out.startswith("68-NQ/TW: ")
    code, out, err = run(capsys, "--data-dir", demo_dir, "documents", "show", "0")
    assert code == 1 and out == "" and err == ("chibo: Không có văn bản nào có số, ký hiệu hay mã “0”. Hãy gõ như trong "
                                               "danh sách văn bản (chibo documents list), ví dụ 05-CT/TU.\n")
    doc_id = json.loads(run(capsys, "--data-dir", demo_dir, "documents", "list", "--json")[1])[0]["id"]
    code, out, _ = run(capsys, "--data-dir", demo_dir, "documents", "show", doc_id[:6], "--json")
    assert code == 0 and json.loads(out)["id"] == doc_id  # the id's start, as before
