"""The commune's desk: who reported for a month and for a document with a deadline (on time, late,
missing), in the JSON, the command line's table and the printed list of cells not yet reported."""

from __future__ import annotations

import io
import json
from datetime import date

import pytest
from pypdf import PdfReader

from chibo.store.book import Book
from chibo.sync.completeness import completeness, set_grace_days
from chibo.vocabulary import Timeliness
from conftest import book_rows, cli
from desk import PERIOD, PLAN_SYMBOL, TODAY, close_all, three_cells


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def _states(part) -> dict[str, tuple]:
    return {u["name"]: (u["status"], u["received_on"], u["secretary"], u["phone"]) for u in part["units"]}


def test_three_cells_on_time_late_missing_in_the_json_the_table_and_the_printed_list(capsys, receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    commune = receiving.folder
    close_all(desk)

    code, out, err = cli(capsys, "--data-dir", commune, "completeness", "--period", PERIOD, "--json")
    assert code == 0 and err == ""
    result = json.loads(out)
    month = result["month"]
    assert (result["period"], result["grace_days"], month["due"]) == ("2026-05", 5, "2026-06-05")
    assert {k: month[k] for k in ("expected", "received", "on_time", "late", "missing", "not_due", "reporting_rate",
                                  "on_time_rate")} == {"expected": 3, "received": 2, "on_time": 1, "late": 1,
                                                       "missing": 1, "not_due": 0, "reporting_rate": 66.67,
                                                       "on_time_rate": 33.33}
    expected_states = {
        "Chi bộ bản Nà Khum": ("on_time", "2026-06-03", "Lò Văn Pọm", "0913 111 222"),
        "Chi bộ bản Nậm Cáy": ("missing", None, "Lò Thị Hoa", "0912 345 678"),
        "Chi bộ bản Phìn Hồ": ("late", "2026-06-12", "Giàng Thị Mỷ", "0987 654 321"),
    }
    assert _states(month) == expected_states
    assert [u["name"] for u in month["units"]] == sorted(expected_states)  # alphabetical: Nà, Nậm, Phìn
    [plan] = [d for d in result["documents"] if d["key"] == PLAN_SYMBOL]
    assert (plan["deadline"], plan["due"], plan["expected"], plan["on_time"], plan["late"], plan["missing"]) == (
        "2026-05-31", "2026-06-05", 3, 1, 1, 1)
    assert _states(plan) == expected_states

    code, out, err = cli(capsys, "--data-dir", commune, "completeness", "--period", "5/2026")
    assert code == 0 and err == ""
    lines = out.splitlines()
    assert lines[0] == ("Báo cáo tháng 5/2026 (hạn 05/06/2026: ngày cuối tháng và 5 ngày gia hạn): đã nhận 2/3 (66,67%), "
                        "đúng hạn 1/3 (33,33%), muộn 1, chưa nhận 1.")
    table = "\n".join(lines[1:6])
    assert "Chi bộ bản Nà Khum  Đúng hạn            03/06/2026  Lò Văn Pọm    0913 111 222" in table
    assert "Chi bộ bản Nậm Cáy  Chưa nhận, quá hạn              Lò Thị Hoa    0912 345 678" in table
    assert "Chi bộ bản Phìn Hồ  Muộn                12/06/2026  Giàng Thị Mỷ  0987 654 321" in table
    assert ("Văn bản 12-KH/ĐU (hạn 31/05/2026, báo cáo trước 05/06/2026): đã nhận 2/3 (66,67%), đúng hạn 1, muộn 1, "
            "chưa nhận 1.") in out
    assert "    Chi bộ bản Nậm Cáy: chưa nhận, quá hạn" in out

    listed = tmp_path / "out" / "chua-bao-cao"
    listed.parent.mkdir()
    code, out, err = cli(capsys, "--data-dir", commune, "print", "missing", "--period", PERIOD, "--out", listed)
    assert code == 0 and out.strip() == str(listed.with_suffix(".pdf"))
    assert err == "chibo: Danh sách chưa có tên người ký: khai ở Cài đặt → Đơn vị, hoặc “chibo signers”.\n"
    assert cli(capsys, "--data-dir", commune, "signers", "--compiler", "Vàng Thị Mai")[0] == 0
    code, out, err = cli(capsys, "--data-dir", commune, "print", "missing", "--period", PERIOD, "--out", listed)
    assert code == 0 and err == "" and out.strip() == str(listed.with_suffix(".pdf"))
    body = _text(listed.with_suffix(".pdf"))
    assert "DANH SÁCH Chi bộ chưa gửi báo cáo tháng 5/2026" in body
    assert ("Hạn gửi báo cáo tháng 5/2026: ngày 5-6-2026 (ngày cuối tháng và 5 ngày gia hạn). Đến ngày "
            in body)
    assert ("Đảng ủy đã nhận báo cáo của 2/3 chi bộ, đạt 66,67%; trong đó đúng hạn 1 chi bộ (33,33%).") in body
    assert "1 Chi bộ bản Nậm Cáy Lò Thị Hoa 0912 345 678 Số 1, 02/05/2026 Chưa nhận, quá hạn" in body
    assert "Văn bản số 12-KH/ĐU, hạn hoàn thành ngày 31-5-2026: 1/3 chi bộ chưa báo cáo." in body
    assert "Nà Khum" not in body and "Phìn Hồ" not in body  # reported: not on the list
    assert "NGƯỜI LẬP DANH SÁCH" in body and body.rstrip().endswith("Vàng Thị Mai")
    assert len(PdfReader(listed.with_suffix(".pdf")).pages) == 1


def test_a_month_not_yet_ended_is_not_due_and_the_grace_days_move_the_due_day(receiving, stick, tmp_path):
    three_cells(receiving, stick, tmp_path)
    with receiving.session() as db:
        june = completeness(db, "2026-06", date(2026, 6, 20)).period
        assert (june.due, june.expected, june.counts[Timeliness.NOT_DUE]) == (date(2026, 7, 5), 3, 3)
        assert completeness(db, "2026-06", date(2026, 7, 6)).period.counts[Timeliness.MISSING] == 3
        # Before a cell started (its first session, its first bundle) it is not expected.
        assert completeness(db, "2026-03", TODAY).period.expected == 0
        set_grace_days(db, 10)
        late = {c.label: c.status for c in completeness(db, PERIOD, TODAY).period.cells}
        assert late["Chi bộ bản Phìn Hồ"] == Timeliness.LATE  # 12-6 after 10-6
        set_grace_days(db, 12)
        month = completeness(db, PERIOD, TODAY).period
        assert {c.label: c.status for c in month.cells}["Chi bộ bản Phìn Hồ"] == Timeliness.ON_TIME
        assert month.due == date(2026, 6, 12)
        for bad in (-1, 61, "5", 2.5, True):
            with pytest.raises(Exception, match="Số ngày gia hạn nộp báo cáo phải là số nguyên từ 0 đến 60"):
                set_grace_days(db, bad)


@pytest.mark.parametrize("typed", ["2026-13", "2026/05", "tháng 5", "0/2026", "5-2026", "1899-01", ""])
def test_a_bad_period_is_refused_with_a_sentence(capsys, receiving, typed):
    code, out, err = cli(capsys, "--data-dir", receiving.folder, "completeness", "--period", typed)
    assert code == 2 and out == ""
    assert f"Kỳ báo cáo “{typed}” không đúng dạng năm-tháng. Hãy gõ ví dụ 2026-10 (hoặc 10/2026)" in err


def test_the_desk_at_a_cell_and_an_out_file_into_a_missing_folder_are_refused_with_nothing_written(
        capsys, book, receiving, tmp_path):
    cell = book.folder
    before = book_rows(book)
    book.close()
    for command in (["completeness"], ["review", "list"], ["print", "missing"], ["review", "close", "2026-05"],
                    ["review", "set", "Nà Khum", "1", "da-duyet"]):
        code, out, err = cli(capsys, "--data-dir", cell, *command)
        assert code == 1 and out == "", command
        assert "chỉ có ở sổ của cấp nhận báo cáo (đảng ủy)" in err, (command, err)
    assert book_rows(Book.open(cell)) == before

    missing = tmp_path / "khong-co" / "ds.pdf"
    code, out, err = cli(capsys, "--data-dir", receiving.folder, "print", "missing", "--out", missing)
    assert code == 1 and out == ""
    assert f"Không thấy thư mục “{missing.parent}” (USB chưa cắm, hoặc đường dẫn gõ sai)." in err
    assert not missing.parent.exists()
