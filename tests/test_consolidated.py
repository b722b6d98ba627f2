"""The consolidated report for the province: the PDF (a numbered BÁO CÁO with its attached table)
and the Excel file agree with each other, and with each cell's own figures computed in the cell's
own book (`document_figures`), summed; every input path refused with a sentence and nothing
written."""

from __future__ import annotations

import io
import json
from collections import Counter

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from chibo.services.figures import document_figures
from chibo.services.lookups import alive
from chibo.store.book import Book
from chibo.store.models import ActionPlan, Document
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from chibo.text import format_count, format_percent, percent_of
from chibo.vocabulary import SESSION_FORM_LABELS
from conftest import DEMO_TODAY, book_rows, cli, fingerprint_of, link
from desk import close_all, three_cells

SYMBOL = "57-NQ/TW"
FIELDS = ("sessions", "makeups", "required", "studied", "studied_in_makeup", "essays_missing", "cell_plans",
          "individual_plans", "non_members_reached", "came_after")
GRADES = ("Tốt", "Khá", "Đạt", "Chưa đạt")


def _own_figures(cell: Book, symbol: str) -> dict:
    """The cell's figures on the document as its own book computes them (what its own report prints)."""
    with cell.session() as db:
        document = db.exec(alive(Document).where(Document.number_symbol == symbol)).one()
        figures = document_figures(db, document.id, DEMO_TODAY)
        plans = list(db.exec(alive(ActionPlan).where(ActionPlan.document_id == document.id)))
        return {"sessions": len(figures.sessions), "makeups": len(figures.makeups), "required": figures.required,
                "studied": figures.studied_count, "studied_in_makeup": figures.studied_in_makeup,
                "essays_missing": figures.essays_missing, "cell_plans": sum(1 for p in plans if not p.member_id),
                "individual_plans": sum(1 for p in plans if p.member_id),
                "non_members_reached": figures.non_members_reached,
                "came_after": sum(1 for m in figures.missing if m.reason.startswith("vào chi bộ ngày ")),
                "grades": {g: figures.essays_by_grade.get(g, 0) for g in GRADES},
                "forms": dict(Counter(s.form for s in figures.sessions))}


def _text(path) -> str:
    return " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(path.read_bytes())).pages)


def _row_words(index, name: str, f: dict) -> str:
    rate = format_percent(percent_of(f["studied"], f["required"]))
    numbers = [f["sessions"], f["makeups"], f["required"], f["studied"], rate, f["studied_in_makeup"],
               *f["grades"].values(), f["essays_missing"], f["cell_plans"], f["individual_plans"],
               f["non_members_reached"]]
    return " ".join(str(x) for x in [index, name, *(format_count(n) if isinstance(n, int) else n for n in numbers)])


def _sheet_rows(sheet) -> list[list]:
    return [[c.value for c in row] for row in sheet.iter_rows(min_row=6)]


def test_the_pdf_and_the_excel_agree_with_each_other_and_with_each_cells_own_figures(capsys, cell_a, cell_b, receiving,
                                                                                    stick, tmp_path):
    cells = {"Chi bộ bản Nà Khum": cell_a, "Chi bộ bản Phìn Hồ": cell_b}
    for cell in cells.values():
        link(cell, receiving, stick)
        assert import_bundle(receiving, export_bundle(cell, stick).path,
                             approve={fingerprint_of(cell)}).outcome == "imported"
    own = {name: _own_figures(cell, SYMBOL) for name, cell in cells.items()}
    total = {k: sum(f[k] for f in own.values()) for k in FIELDS}
    total["grades"] = {g: sum(f["grades"][g] for f in own.values()) for g in GRADES}
    total["forms"] = dict(sum((Counter(f["forms"]) for f in own.values()), Counter()))
    assert total["required"] == 64 and 0 < total["studied"] < 64  # the demo cells: some still to study it
    commune = receiving.folder
    receiving.close(), cell_a.close(), cell_b.close()

    pdf, xlsx = tmp_path / "bao-cao-57", tmp_path / "bieu-57"
    assert cli(capsys, "--data-dir", commune, "signers", "--secretary", "Lò Văn Thanh")[0] == 0
    code, out, err = cli(capsys, "--data-dir", commune, "print", "consolidated", "57-nq/tw", "--out", pdf, "--xlsx",
                         xlsx, "--date", "20/06/2026")
    assert code == 0, err
    pdf, xlsx = pdf.with_suffix(".pdf"), xlsx.with_suffix(".xlsx")
    assert out.splitlines() == [str(pdf), str(xlsx)]
    assert err == "chibo: Đã cấp số 01-BC/ĐU ngày 20/06/2026 và lưu bản gốc.\n"

    body = _text(pdf)
    rate = format_percent(percent_of(total["studied"], total["required"]))
    assert "Số 01-BC/ĐU" in body and "BÁO CÁO Kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW" in body
    assert total["came_after"] > 0  # the demo cells' members who came after the study: said, not hidden
    assert (f"- Số đảng viên đã học tập: {total['studied']}/{total['required']} đảng viên, đạt {rate} (trong đó học "
            f"bù: {total['studied_in_makeup']} đồng chí); chưa học: {total['required'] - total['studied']} đồng chí "
            f"(trong đó {total['came_after']} đồng chí vào chi bộ sau buổi học cuối của chi bộ, cần học bù).") in body
    assert (f"- Số chi bộ đã tổ chức học tập, quán triệt: 2/2 chi bộ, với {total['sessions']} buổi") in body
    grades = "; ".join(f"{g}: {total['grades'][g]}" for g in GRADES)
    assert (f"- Bài thu hoạch: {sum(total['grades'].values())} bài đã chấm ({grades}); chưa nộp: "
            f"{total['essays_missing']};") in body
    assert (f"- Tuyên truyền cho quần chúng: {format_count(total['non_members_reached'])} lượt người ngoài Đảng.") in body
    assert "Kèm theo Báo cáo số 01-BC/ĐU, ngày 20-6-2026 của Đảng ủy xã Sơn Cao" in body
    signed = next(" ".join(p.extract_text().split()) for p in PdfReader(pdf).pages if "BÍ THƯ" in p.extract_text())
    assert "BÍ THƯ Lò Văn Thanh" in signed  # the signer set for the commune
    for index, (name, figures) in enumerate(sorted(own.items()), 1):
        assert _row_words(index, name, figures) in body, name
    total_words = _row_words("Tổng", "cộng", total).removeprefix("Tổng cộng ")
    assert f"Tổng cộng {total_words}" in body
    pages = PdfReader(pdf).pages
    assert pages[-1].mediabox.width > pages[-1].mediabox.height  # the attached table on landscape A4
    assert pages[0].mediabox.width < pages[0].mediabox.height

    book = load_workbook(xlsx)
    assert book.sheetnames == ["Tổng hợp", "57-NQ-TW"]
    sheet = book["57-NQ-TW"]
    assert sheet["A2"].value == "(Kèm theo Báo cáo số 01-BC/ĐU, ngày 20-6-2026 của Đảng ủy xã Sơn Cao)"
    assert sheet.freeze_panes == "C6"
    rows = _sheet_rows(sheet)
    assert [r[1] for r in rows] == ["Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ", "Tổng cộng"]
    for row, figures in zip(rows, [*(own[n] for n in sorted(own)), total], strict=True):
        assert row[2:6] == [figures["sessions"], figures["makeups"], figures["required"], figures["studied"]]
        assert row[6] == pytest.approx(figures["studied"] / figures["required"])
        assert row[7] == figures["studied_in_makeup"]
        assert row[8:12] == [figures["grades"][g] for g in GRADES]
        assert row[12:16] == [figures["essays_missing"], figures["cell_plans"], figures["individual_plans"],
                              figures["non_members_reached"]]
        forms = "; ".join(f"{label.lower()}: {figures['forms'][form]}" for form, label in SESSION_FORM_LABELS.items()
                          if figures["forms"].get(form))
        assert row[16] == forms[:1].upper() + forms[1:]
    assert format_percent(percent_of(rows[2][5], rows[2][4])) == rate  # the percentage the PDF prints
    assert sheet.cell(row=8, column=7).number_format == "0.00%" and sheet.cell(row=8, column=5).number_format == "#,##0"
    assert _sheet_rows(book["Tổng hợp"])[0][2:16] == rows[2][2:16]  # the summary row is the document's total

    # Printed again: the archived original, byte for byte; the register holds one BC paper.
    first = pdf.read_bytes()
    code, out, err = cli(capsys, "--data-dir", commune, "print", "consolidated", SYMBOL, "--out", tmp_path / "lai.pdf")
    assert code == 0 and (tmp_path / "lai.pdf").read_bytes() == first
    assert "Bản gốc đã lưu của báo cáo số 01-BC/ĐU" in err
    code, out, _ = cli(capsys, "--data-dir", commune, "papers", "list", "--json")
    [paper] = json.loads(out)
    assert (paper["number_symbol"], paper["paper"], paper["summary"], paper["issued_on"]) == (
        "01-BC/ĐU", "consolidated", "Báo cáo kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW", "2026-06-20")


def test_every_document_in_one_report_and_a_commune_document_studied_by_its_cells(capsys, receiving, stick, tmp_path):
    desk = three_cells(receiving, stick, tmp_path)
    commune = receiving.folder
    close_all(desk)
    xlsx = tmp_path / "bieu.xlsx"
    code, out, err = cli(capsys, "--data-dir", commune, "print", "consolidated", "--xlsx", xlsx)
    assert (code, err) == (0, "") and out.strip() == str(xlsx)
    book = load_workbook(xlsx)
    assert book.sheetnames == ["Tổng hợp", "12-KH-ĐU"]
    rows = _sheet_rows(book["12-KH-ĐU"])
    # The commune's own plan, studied in May by two of its three cells (three members each).
    assert [(r[1], r[2], r[4], r[5]) for r in rows] == [("Chi bộ bản Nà Khum", 1, 3, 3), ("Chi bộ bản Nậm Cáy", 0, 3, 0),
                                                        ("Chi bộ bản Phìn Hồ", 1, 3, 3), ("Tổng cộng", 2, 9, 6)]
    assert book["12-KH-ĐU"]["A2"].value.startswith("(Số liệu tổng hợp đến ngày ")  # no paper, no number
    code, out, _ = cli(capsys, "--data-dir", commune, "papers", "list", "--json")
    assert json.loads(out) == []  # the Excel file alone issues nothing


@pytest.mark.parametrize("args, sentence", [
    (["99-NQ/TW"], "Không có văn bản “99-NQ/TW” trong sổ."),
    (["--out", "khong-co/bao-cao.pdf"], "Không thấy thư mục “{tmp}/khong-co” (USB chưa cắm, hoặc đường dẫn gõ sai)."),
    (["--xlsx", "khong-co/bieu.xlsx"], "Không thấy thư mục “{tmp}/khong-co” (USB chưa cắm, hoặc đường dẫn gõ sai)."),
    (["--xlsx", "bieu.xlsx", "--number", "05-BC/ĐU"], "--number và --new là của báo cáo có số (tệp PDF)"),
])
def test_bad_inputs_are_refused_with_a_sentence_and_nothing_written(capsys, receiving, stick, tmp_path, args,
                                                                    sentence):
    desk = three_cells(receiving, stick, tmp_path)
    commune = receiving.folder
    close_all(desk)
    before = book_rows(commune / "chibo.sqlite")
    typed = [str(tmp_path / a) if "/" in a and not a.startswith("9") else a for a in args]
    code, out, err = cli(capsys, "--data-dir", commune, "print", "consolidated", *typed)
    assert code == 1 and out == ""
    assert sentence.format(tmp=tmp_path) in err
    assert book_rows(commune / "chibo.sqlite") == before
    assert not list(tmp_path.glob("*.pdf")) and not list(tmp_path.glob("*.xlsx"))


def test_at_a_cell_the_consolidated_report_is_refused(capsys, book):
    cell = book.folder
    book.close()
    code, out, err = cli(capsys, "--data-dir", cell, "print", "consolidated", "--out", cell / "x.pdf")
    assert code == 1 and out == ""
    assert "Báo cáo tổng hợp kết quả học tập của các chi bộ chỉ lập ở sổ của cấp nhận báo cáo (đảng ủy)" in err
    assert not (cell / "x.pdf").exists()
    code, _out, err = cli(capsys, "--data-dir", cell, "print", "consolidated", "--date", "31/02/2026")
    assert code == 2 and "--date" in err
