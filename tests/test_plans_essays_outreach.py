from datetime import date

import pytest

from chibo.errors import ValidationError
from chibo.services import documents, essays, members, outreach, plans
from chibo.services.figures import document_figures
from chibo.services.settings import CellRules, load_rules, save_rules
from chibo.vocabulary import ItemStatus, OutreachKind


@pytest.fixture
def doc(db):
    return documents.add_document(db, number_symbol="57-NQ/TW", title="Về khoa học, công nghệ", issued_on="01/01/2026")


def test_document_kind_comes_from_its_symbol_and_duplicates_are_refused(db, doc):
    assert doc.kind == "NQ"
    assert documents.add_document(db, number_symbol="05-CT/TU", title="về phòng, chống ma túy").kind == "CT"
    assert documents.add_document(db, number_symbol="12-KH/ĐU", title="về kinh tế rừng").kind == "KH"
    with pytest.raises(ValidationError, match="Đã có văn bản số 57-NQ/TW"):
        documents.add_document(db, number_symbol="57-NQ/TW", title="Lại")
    with pytest.raises(ValidationError, match="trước ngày ban hành"):
        documents.add_document(db, number_symbol="1-TB/CB", title="x", issued_on="02/02/2026", deadline="01/02/2026")


def test_overdue_items_and_plan_progress(db, doc):
    owner = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    plan = plans.create_plan(db, title="Chương trình hành động", year=2026, document_id=doc.id)
    plans.add_item(db, plan.id, content="Học tập nghị quyết", deadline="01/02/2026", status=ItemStatus.DONE)
    late = plans.add_item(db, plan.id, content="Lắp điểm Internet", deadline="01/03/2026", owner_id=owner.id)
    plans.add_item(db, plan.id, content="Sơ kết", deadline="01/12/2026", status=ItemStatus.IN_PROGRESS)
    plans.add_item(db, plan.id, content="Không hạn")
    today = date(2026, 6, 1)
    overdue = plans.overdue_items(db, today)
    assert [(o.item.content, o.days_late) for o in overdue] == [("Lắp điểm Internet", 92)]
    assert plans.plan_progress(db, plan.id, today) | {} == {
        "chua_thuc_hien": 2, "dang_thuc_hien": 1, "hoan_thanh": 1, "huy_bo": 0, "overdue": 1, "total": 4}
    plans.update_item(db, late.id, status=ItemStatus.DONE)
    assert plans.overdue_items(db, today) == []
    assert late.done_on == date.today()


def test_individual_plan_is_one_per_member_and_year(db):
    m = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    plans.create_plan(db, title="Kế hoạch hành động cá nhân", year=2026, member_id=m.id)
    with pytest.raises(ValidationError, match="đã có kế hoạch hành động cá nhân năm 2026"):
        plans.create_plan(db, title="Lần hai", year=2026, member_id=m.id)
    assert len(plans.list_plans(db, individual=True)) == 1
    assert plans.list_plans(db, individual=False) == []


def test_essay_grades_follow_the_configurable_scale(db, doc):
    m = members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020")
    e = essays.record_essay(db, m.id, doc.id, grade="Chưa đạt", submitted_on="10/02/2026")
    assert e.must_rewrite
    e = essays.record_essay(db, m.id, doc.id, grade="Khá")
    assert not e.must_rewrite and e.submitted_on == date(2026, 2, 10)
    assert len(essays.essays_for_document(db, doc.id)) == 1
    with pytest.raises(ValidationError, match="không có trong thang"):
        essays.record_essay(db, m.id, doc.id, grade="Xuất sắc")
    save_rules(db, CellRules(essay_grades=("Xuất sắc", "Hoàn thành", "Chưa hoàn thành"), failing_grades=("Chưa hoàn thành",)))
    assert load_rules(db).essay_grades == ("Xuất sắc", "Hoàn thành", "Chưa hoàn thành")
    essays.record_essay(db, m.id, doc.id, grade="Xuất sắc")
    figures = document_figures(db, doc.id, date(2026, 3, 1))
    assert figures.essays_by_grade == {"Xuất sắc": 1, "Hoàn thành": 0, "Chưa hoàn thành": 0}


def test_bad_rules_are_refused(db):
    with pytest.raises(ValidationError, match="phải viết lại"):
        save_rules(db, CellRules(essay_grades=("Tốt",), failing_grades=("Kém",)))
    with pytest.raises(ValidationError, match="dự bị"):
        save_rules(db, CellRules(probation_months=0))


def test_outreach_counts_heads_per_kind_and_per_document(db, doc):
    outreach.add_outreach(db, kind=OutreachKind.MEETING, held_on="15/02/2026", audience=120, document_id=doc.id)
    outreach.add_outreach(db, kind=OutreachKind.BROADCAST, held_on="16/02/2026", audience=300, quantity=6, document_id=doc.id)
    outreach.add_outreach(db, kind=OutreachKind.POSTER, held_on="16/02/2025", quantity=2)
    assert outreach.outreach_totals(db, year=2026) == {
        "hoi_nghi": {"entries": 1, "quantity": 1, "audience": 120},
        "loa_truyen_thanh": {"entries": 1, "quantity": 6, "audience": 300},
    }
    assert document_figures(db, doc.id, date(2026, 3, 1)).non_members_reached == 420
    with pytest.raises(ValidationError, match="số nguyên"):
        outreach.add_outreach(db, kind=OutreachKind.NEWS, held_on="16/02/2026", audience="nhiều")
