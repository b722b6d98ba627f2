"""Sentences built, not concatenated: every builder on awkward titles (starting with "về",
"Nghị quyết về", "Kế hoạch của…", empty, carrying the number), titles stored by an earlier
release, the committee under "Nơi nhận", titles after names, and the number formats."""

from __future__ import annotations

from datetime import date

import pytest

from chibo.errors import ValidationError
from chibo.reports.study_report import build_study_report
from chibo.reports.wording import (
    committee_name,
    comrade,
    document_citation,
    document_issuer,
    document_name,
    document_subject,
    official_title,
)
from chibo.services import documents
from chibo.services.documents import TitleParts, split_title
from chibo.store.models import Document
from chibo.text import body_date, format_count, format_percent, percent_of
from chibo.vocabulary import CellPosition, IssuingLevel, UnitRole
from test_reports import all_text

GARBLES = ("về của", "về về", "về Nghị quyết", "về Kế hoạch", "về Chỉ thị", "Nghị quyết về Nghị quyết", "về hành động",
           "về Hội nghị", "về Đại hội")


@pytest.mark.parametrize("title, kind, issuer, subject", [
    ("về đột phá phát triển khoa học, công nghệ", "NQ", "", "về đột phá phát triển khoa học, công nghệ"),
    ("Về đột phá phát triển khoa học, công nghệ", "NQ", "", "về đột phá phát triển khoa học, công nghệ"),
    ("Nghị quyết về đột phá phát triển khoa học, công nghệ", "NQ", "", "về đột phá phát triển khoa học, công nghệ"),
    ("Kế hoạch của Đảng ủy xã về phát triển kinh tế rừng", "KH", "Đảng ủy xã", "về phát triển kinh tế rừng"),
    ("Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống ma túy",
     "CT", "Ban Thường vụ Tỉnh ủy", "về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống ma túy"),
    ("Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá phát triển", "NQ", "Bộ Chính trị",
     "về đột phá phát triển"),
    ("Nghị quyết số 57-NQ/TW về Nghị quyết về đột phá phát triển", "NQ", "", "về đột phá phát triển"),
    ("Nghị quyết 57-NQ/TW ngày 22 tháng 12 năm 2024: về đột phá", "NQ", "", "về đột phá"),
    ("Kết luận số 01-KL/TW, ngày 18-5-2021 của Bộ Chính trị về tiếp tục thực hiện Chỉ thị 05", "KL",
     "Bộ Chính trị", "về tiếp tục thực hiện Chỉ thị 05"),
    ("thi hành Điều lệ Đảng", "QĐi", "", "về thi hành Điều lệ Đảng"),
    # the body ends where a plan's subject begins, "về" or not
    ("Kế hoạch của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW", "KH", "Ban Thường vụ Tỉnh ủy",
     "về thực hiện Nghị quyết số 57-NQ/TW"),
    ("Kế hoạch số 20-KH/TU của Ban Tổ chức Tỉnh ủy triển khai học tập chuyên đề năm 2026", "KH",
     "Ban Tổ chức Tỉnh ủy", "về triển khai học tập chuyên đề năm 2026"),
    # "Chương trình hành động", "Kế hoạch hành động": the kind's full name
    ("Chương trình hành động thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I", "CTr", "",
     "về thực hiện Nghị quyết Đại hội Đảng bộ xã lần thứ I"),
    ("Kế hoạch hành động của Đảng ủy xã về chuyển đổi số", "KH", "Đảng ủy xã", "về chuyển đổi số"),
    # a resolution named after the meeting that adopted it
    ("Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XI về đổi mới căn bản, toàn diện giáo dục",
     "NQ", "Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XI", "về đổi mới căn bản, toàn diện giáo dục"),
    ("Nghị quyết số 01-NQ/ĐH Đại hội đại biểu Đảng bộ xã lần thứ I về phương hướng nhiệm kỳ 2025–2030", "NQ",
     "Đại hội đại biểu Đảng bộ xã lần thứ I", "về phương hướng nhiệm kỳ 2025–2030"),
    ("Chỉ thị", "CT", "", ""),
    ("", "NQ", "", ""),
])
def test_split_title(title, kind, issuer, subject):
    assert split_title(title, kind) == TitleParts(issuer, subject)


def _raw_document(db, number_symbol, title, kind, level=IssuingLevel.CENTRAL, issued_on=None, issuer=""):
    """A document as an earlier release stored it (or as a superior's bundle brings it): not cleaned."""
    document = Document(kind=kind, number_symbol=number_symbol, title=title, issuing_level=level, issued_on=issued_on,
                        issuer=issuer)
    db.add(document)
    db.flush()
    return document


@pytest.mark.parametrize("title, kind, number_symbol, level, issued_on, issuer, citation", [
    ("Nghị quyết về đột phá phát triển khoa học, công nghệ", "NQ", "57-NQ/TW", IssuingLevel.CENTRAL,
     date(2024, 12, 22), "Bộ Chính trị",
     "Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Bộ Chính trị về đột phá phát triển khoa học, công nghệ"),
    ("Kế hoạch của Đảng ủy xã về phát triển kinh tế rừng", "KH", "12-KH/ĐU", IssuingLevel.COMMUNE,
     date(2026, 5, 12), "", "Kế hoạch số 12-KH/ĐU, ngày 12-5-2026 của Đảng ủy xã về phát triển kinh tế rừng"),
    ("Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường phòng, chống ma túy", "CT", "05-CT/TU", IssuingLevel.PROVINCE,
     None, "", "Chỉ thị số 05-CT/TU của Ban Thường vụ Tỉnh ủy về tăng cường phòng, chống ma túy"),
    ("về tiếp tục đẩy mạnh học tập", "KL", "18-KL/TW", IssuingLevel.CENTRAL, date(2026, 1, 5), "",
     "Kết luận số 18-KL/TW, ngày 5-1-2026 của Trung ương về tiếp tục đẩy mạnh học tập"),
    ("Nghị quyết số 57-NQ/TW về Nghị quyết về đột phá", "NQ", "57-NQ/TW", IssuingLevel.CENTRAL, None, "",
     "Nghị quyết số 57-NQ/TW của Trung ương về đột phá"),
    ("", "TB", "03-TB/ĐU", IssuingLevel.COMMUNE, None, "", "Thông báo số 03-TB/ĐU của Đảng ủy xã"),
    ("Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XI về đổi mới căn bản", "NQ", "29-NQ/TW",
     IssuingLevel.CENTRAL, date(2013, 11, 4), "", "Nghị quyết số 29-NQ/TW, ngày 4-11-2013 của Hội nghị lần thứ tám "
     "Ban Chấp hành Trung ương khóa XI về đổi mới căn bản"),
    ("Chương trình hành động thực hiện Nghị quyết Đại hội", "CTr", "03-CTr/ĐU", IssuingLevel.COMMUNE, None, "",
     "Chương trình số 03-CTr/ĐU của Đảng ủy xã về thực hiện Nghị quyết Đại hội"),
])
def test_every_builder_on_titles_stored_by_an_earlier_release(db, title, kind, number_symbol, level, issued_on,
                                                              issuer, citation):
    document = _raw_document(db, number_symbol, title, kind, level, issued_on, issuer)
    assert document_citation(document) == citation
    assert f" của {document_issuer(document)}" in citation  # the body recorded, named in the title, or the level
    assert citation.startswith(f"{document_name(document)}, ngày " if issued_on else f"{document_name(document)} của ")
    subject = document_subject(document)  # what minutes write after the name
    assert subject == "" if not title else subject.startswith("về ") and citation.endswith(subject)
    assert not any(garble in citation for garble in GARBLES)


def test_titles_are_stored_without_kind_number_and_issuing_body(db):
    kh = documents.add_document(db, number_symbol="12-KH/ĐU", title="Kế hoạch của Đảng ủy xã về phát triển kinh tế rừng",
                                issuing_level=IssuingLevel.COMMUNE)
    assert (kh.title, kh.issuer) == ("về phát triển kinh tế rừng", "Đảng ủy xã")
    nq = documents.add_document(db, number_symbol="57-NQ/TW", issuer="Bộ Chính trị",
                                title="Nghị quyết số 57-NQ/TW, ngày 22-12-2024 của Ban Chấp hành Trung ương về đột phá")
    assert (nq.title, nq.issuer) == ("về đột phá", "Bộ Chính trị")  # the body chosen wins over the title's
    documents.edit_document(db, nq.id, title="Nghị quyết về đột phá phát triển khoa học, công nghệ")
    assert nq.title == "về đột phá phát triển khoa học, công nghệ"
    with pytest.raises(ValidationError) as refused:
        documents.add_document(db, number_symbol="05-CT/TU", title="Chỉ thị số 05-CT/TU của Tỉnh ủy")
    assert refused.value.message == ("Trích yếu “Chỉ thị số 05-CT/TU của Tỉnh ủy” chỉ có tên loại, số hoặc cơ quan ban "
                                     "hành của văn bản. Hãy ghi nội dung văn bản, ví dụ “về đột phá phát triển khoa "
                                     "học, công nghệ”.")
    assert len(documents.list_documents(db)) == 2  # the refused one was not written
    # a plan's subject that does not open with "về" is kept, not taken for part of the issuing body
    plan = documents.add_document(db, number_symbol="20-KH/TU", title="Kế hoạch của Ban Thường vụ Tỉnh ủy thực hiện "
                                  "Nghị quyết số 57-NQ/TW", issuing_level=IssuingLevel.PROVINCE)
    assert (plan.title, plan.issuer) == ("về thực hiện Nghị quyết số 57-NQ/TW", "Ban Thường vụ Tỉnh ủy")


def test_the_study_report_of_an_old_title_reads_without_garbles(db, book):
    from chibo.services import members, sessions
    from chibo.vocabulary import SessionKind

    member = members.add_member(db, full_name="Giàng A Páo", position=CellPosition.SECRETARY, joined_on="01/01/2020")
    document = _raw_document(db, "12-KH/ĐU", "Kế hoạch của Đảng ủy xã về phát triển kinh tế rừng", "KH",
                             IssuingLevel.COMMUNE, date(2026, 5, 12))
    session = sessions.create_session(db, kind=SessionKind.STUDY, held_on="05/06/2026", document_ids=[document.id],
                                      chair_id=member.id)
    sessions.mark_all_present(db, session.id)
    body = all_text(build_study_report(db, document.id, as_of=date(2026, 6, 20)))
    assert ("Thực hiện việc học tập, quán triệt Kế hoạch số 12-KH/ĐU, ngày 12-5-2026 của Đảng ủy xã về phát triển "
            "kinh tế rừng, Chi bộ bản Nậm Cáy báo cáo kết quả như sau:") in body
    assert "- Ngày 5-6-2026: Hội nghị học tập, quán triệt, hình thức trực tiếp." in body
    assert not any(garble in body for garble in GARBLES)


@pytest.mark.parametrize("organisation, committee", [
    ("Đảng bộ xã Nậm Xe", "Đảng ủy xã Nậm Xe"), ("Đảng bộ phường Tân Phong", "Đảng ủy phường Tân Phong"),
    ("Đảng bộ đặc khu Côn Đảo", "Đảng ủy đặc khu Côn Đảo"), ("Đảng bộ tỉnh Lai Châu", "Tỉnh ủy Lai Châu"),
    ("Đảng bộ thành phố Hà Nội", "Thành ủy Hà Nội"), ("Đảng bộ huyện Mường La", "Huyện ủy Mường La"),
    ("Đảng ủy xã Nậm Xe", "Đảng ủy xã Nậm Xe"), ("  Đảng bộ  xã   Sơn Cao ", "Đảng ủy xã Sơn Cao"),
])
def test_papers_go_to_the_committee_not_the_organisation(organisation, committee):
    assert committee_name(organisation) == committee


def test_titles_after_names_are_capitalised_as_party_texts_write_them():
    assert official_title(CellPosition.SECRETARY) == "Bí thư Chi bộ"
    assert official_title(CellPosition.DEPUTY) == "Phó Bí thư Chi bộ"
    assert official_title(CellPosition.COMMITTEE) == "Chi ủy viên"
    assert official_title(CellPosition.MEMBER) == "đảng viên"
    assert official_title(CellPosition.SECRETARY, UnitRole.RECEIVING) == "Bí thư Đảng ủy"
    assert comrade("Giàng A Páo", CellPosition.SECRETARY) == "đồng chí Giàng A Páo, Bí thư Chi bộ"
    assert comrade("Lò Thị Ỷ", CellPosition.MEMBER) == "đồng chí Lò Thị Ỷ"


def test_rates_round_half_up_and_thousands_take_a_dot():
    assert format_percent(percent_of(29, 32)) == "90,63%"  # 90,625: half up, not to the even 90,62
    assert format_percent(100.0 * 29 / 32) == "90,63%"  # a float on the way gives the same
    assert format_percent(percent_of(35599, 35900)) == "99,16%"
    assert format_percent(percent_of(1, 8), 1) == "12,5%" and format_percent(percent_of(1, 16), 1) == "6,3%"
    assert format_count(1173) == "1.173" and format_count(42400) == "42.400"
    assert body_date(date(2024, 12, 22)) == "22-12-2024" and body_date(date(2026, 6, 5)) == "5-6-2026"


def test_the_register_reads_a_summary_set_in_capitals_in_small_letters():
    from chibo.services.numbering import register_summary

    assert register_summary("Biên bản", "SINH HOẠT CHI BỘ ĐỊNH KỲ THÁNG 10 NĂM 2026") == (
        "Biên bản sinh hoạt chi bộ định kỳ tháng 10 năm 2026")
    assert register_summary("Biên bản", "HỌC BÙ NGHỊ QUYẾT SỐ 57-NQ/TW") == "Biên bản học bù nghị quyết số 57-NQ/TW"
    assert register_summary("Báo cáo", "Kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW") == (
        "Báo cáo kết quả học tập, quán triệt Nghị quyết số 57-NQ/TW")
