"""The layout every paper shares, measured on the PDF: HD 36 page numbers (page 1 none, then a
plain number 14 pt upright centred in the top margin), headings never the last line of a page,
paragraphs, tables and "Nơi nhận" on one left margin, dotted lines that never wrap, "Nơi nhận"
punctuation."""

from __future__ import annotations

import io
from datetime import date

import pytest
from pypdf import PdfReader
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth

from chibo.reports.common import DOTS
from chibo.reports.fonts import SERIF, register_fonts
from chibo.reports.layout import (
    MARGIN_LEFT,
    MARGIN_RIGHT,
    MARGIN_TOP,
    PAGE,
    TEXT_WIDTH,
    Letterhead,
    Paper,
    Signature,
    grid_table,
    recipient_lines,
    signature_block,
)

register_fonts()
HEAD = Letterhead("Đảng bộ xã Nậm Xe", "Chi bộ bản Nậm Cáy", "Nậm Xe", date(2026, 2, 5), "01-BB/CB")
RIGHT_EDGE = PAGE[0] - MARGIN_RIGHT


def runs(pdf: bytes) -> list[list[tuple[float, float, str, float, str]]]:
    """Per page, every text run as (x, y, font, size, text)."""
    pages = []
    for page in PdfReader(io.BytesIO(pdf)).pages:
        found = []

        def visit(text, cm, tm, font, size, found=found):  # this page's list
            if text.strip() and font is not None:
                found.append((tm[4] * cm[0] + cm[4], tm[5] * cm[3] + cm[5], font["/BaseFont"], size * tm[0],
                              text.strip()))

        page.extract_text(visitor_text=visit)
        pages.append(found)
    return pages


def filler(paper: Paper, count: int) -> None:
    for index in range(count):
        paper.para(f"Đoạn văn thứ {index + 1} của biên bản, một dòng.")


def test_page_numbers_follow_hd_36(tmp_path):
    paper = Paper(HEAD, "Biên bản", "Sinh hoạt chi bộ định kỳ tháng 10 năm 2026")
    filler(paper, 90)
    pages = runs(paper.build())
    assert len(pages) >= 3
    top_margin = PAGE[1] - MARGIN_TOP
    assert all(y < top_margin for _, y, _, _, _ in pages[0])  # page 1: nothing above the text, no number
    for number, found in enumerate(pages[1:], 2):
        above = [run for run in found if run[1] > top_margin]
        assert len(above) == 1, above
        x, y, font, size, text = above[0]
        assert text == str(number)  # a plain Arabic number, not "Trang 2/3"
        assert size == 14 and font.endswith("LiberationSerif")  # upright: not italic, not bold
        middle = x + stringWidth(text, SERIF, 14) / 2
        assert middle == pytest.approx(MARGIN_LEFT + TEXT_WIDTH / 2, abs=0.5)  # centred on the text block
        assert PAGE[1] - MARGIN_TOP < y < PAGE[1] - MARGIN_TOP / 2  # in the top margin, about its middle
    assert not any("Trang" in run[4] for found in pages for run in found)


@pytest.mark.parametrize("count", range(20, 34))
def test_a_heading_is_never_the_last_line_of_a_page(count):
    """With 20 to 33 one-line paragraphs before it, "III. THẢO LUẬN" reaches the foot of page 1 for
    some count: it must then start page 2 with its first paragraph."""
    paper = Paper(HEAD, "Biên bản", "Sinh hoạt chi bộ định kỳ tháng 10 năm 2026")
    filler(paper, count)
    paper.heading("III. THẢO LUẬN")
    paper.para("- Đồng chí Hoàng Văn Phứ: Việc thu đảng phí tháng này đã đầy đủ. Đề nghị các đồng chí đảng viên "
               "gương mẫu vận động gia đình tham gia làm đường liên bản.")
    paper.heading("IV. KẾT LUẬN CỦA CHỦ TRÌ")
    paper.heading("1. Về công tác tư tưởng")  # two headings in a row move together
    paper.para("Chi bộ thống nhất giao chi ủy theo dõi.")
    for found in runs(paper.build()):
        lowest = min(found, key=lambda run: run[1])
        assert lowest[4] not in ("III. THẢO LUẬN", "IV. KẾT LUẬN CỦA CHỦ TRÌ", "1. Về công tác tư tưởng"), count
        for heading in ("IV. KẾT LUẬN CỦA CHỦ TRÌ",):
            on_page = [run for run in found if run[4] == heading]
            if on_page:  # followed on its page by the next heading and a line of text
                below = [run for run in found if run[1] < on_page[0][1]]
                assert len(below) >= 2


def test_tables_and_recipients_start_on_the_paragraphs_margin():
    paper = Paper(HEAD, "Báo cáo", "Kết quả")
    paper.para("Dòng đầu tiên của báo cáo.", paper.styles.body_left)
    paper.body.append(grid_table(paper.styles, ["TT", "Nội dung"], [["1", "Học tập nghị quyết"]], [15, 150],
                                 center_columns=()))
    paper.close_with_recipients(["Đảng ủy xã Nậm Xe (để báo cáo)", "Lưu chi bộ"],
                                signature_block(paper.styles, Signature(title="Bí thư", name="Giàng A Páo",
                                                                        on_behalf="T/M Chi bộ")))
    found = runs(paper.build())[0]
    x_of = {text: x for x, _, _, _, text in found}
    assert x_of["Dòng đầu tiên của báo cáo."] == pytest.approx(MARGIN_LEFT, abs=0.1)
    assert x_of["Nơi nhận:"] == pytest.approx(MARGIN_LEFT, abs=0.1)
    assert x_of["- Đảng ủy xã Nậm Xe (để báo cáo),"] == pytest.approx(MARGIN_LEFT, abs=0.1)
    assert x_of["- Lưu chi bộ."] == pytest.approx(MARGIN_LEFT, abs=0.1)
    assert x_of["TT"] > MARGIN_LEFT  # the header cell, centred in the first column
    assert x_of["Học tập nghị quyết"] == pytest.approx(MARGIN_LEFT + 15 * mm + 3, abs=0.1)  # after 15 mm + padding


def test_recipient_lines_end_with_a_comma_and_the_last_with_a_full_stop():
    assert recipient_lines(["Đảng ủy xã Nậm Xe (để báo cáo)", "Các đồng chí đảng viên trong chi bộ,", "Lưu chi bộ."]) == [
        "- Đảng ủy xã Nậm Xe (để báo cáo),", "- Các đồng chí đảng viên trong chi bộ,", "- Lưu chi bộ."]
    assert recipient_lines(["Lưu chi bộ", "  "]) == ["- Lưu chi bộ."]


@pytest.mark.parametrize("prefix", ["- Chủ trì: ", "- Thư ký: ", "",
                                    "- Đại biểu, khách mời của cấp ủy cấp trên dự và chỉ đạo hội nghị, gồm các "
                                    "đồng chí: "])
def test_a_fill_in_line_reaches_the_right_margin_and_never_wraps(prefix):
    paper = Paper(HEAD, "Biên bản", "Thử")
    paper.para("Trước.")
    paper.fill_in(prefix)
    paper.para("Sau.")
    found = runs(paper.build())[0]
    start = next(i for i, run in enumerate(found) if run[4] == "Trước.")
    end = next(i for i, run in enumerate(found) if run[4] == "Sau.")
    lines = found[start + 1:end]
    dotted = [run for run in lines if run[4].endswith("........")]
    assert len(dotted) == 1  # one line of dots
    x, _, _font, size, text = dotted[0]
    right = x + stringWidth(text, SERIF, size)
    assert RIGHT_EDGE - 4 * 3.5 <= right <= RIGHT_EDGE + 0.5  # up to the margin, within a few dots
    expected_lines = 2 if len(prefix) > 80 else 1
    assert len({round(run[1]) for run in lines}) == expected_lines


def test_dots_fill_one_body_line_and_never_wrap():
    paper = Paper(HEAD, "Biên bản", "Thử")
    paper.para(DOTS)
    paper.para(DOTS[:60])
    found = [run for run in runs(paper.build())[0] if set(run[4]) == {"."}]
    assert [len(run[4]) for run in found] == [len(DOTS), 60]
    x, _, _, size, text = found[0]
    assert x + stringWidth(text, SERIF, size) <= RIGHT_EDGE + 0.5
