"""Learning essays (bài thu hoạch), graded on the cell's configurable scale."""

from __future__ import annotations

from sqlmodel import col

from chibo.errors import ValidationError
from chibo.services.cleaning import NOTE_LENGTH, clean_date, clean_text
from chibo.services.lookups import alive, get_alive
from chibo.services.settings import load_rules
from chibo.store.models import Document, Essay, Member
from chibo.store.records import tombstone


def record_essay(db, member_id: str, document_id: str, *, grade: str = "", submitted_on=None, note: str = "") -> Essay:
    """Record (or regrade) a member's essay on a document. A failing grade marks it for rewriting;
    a later passing grade on the same essay clears that."""
    member = get_alive(db, Member, member_id)
    document = get_alive(db, Document, document_id)
    rules = load_rules(db)
    grade = clean_text(grade, "xếp loại", max_length=40)
    if grade and grade not in rules.essay_grades:
        raise ValidationError(f"Xếp loại “{grade}” không có trong thang: {', '.join(rules.essay_grades)}.")
    essay = db.exec(alive(Essay).where(Essay.member_id == member.id, Essay.document_id == document.id)).first()
    if essay is None:
        essay = Essay(member_id=member.id, document_id=document.id)
    essay.grade = grade
    essay.submitted_on = clean_date(submitted_on, "ngày nộp") or essay.submitted_on
    essay.must_rewrite = grade in rules.failing_grades
    essay.note = clean_text(note, "ghi chú", max_length=NOTE_LENGTH)
    db.add(essay)
    db.flush()
    return essay


def essays_for_document(db, document_id: str) -> list[Essay]:
    get_alive(db, Document, document_id)
    return list(db.exec(alive(Essay).where(Essay.document_id == document_id).order_by(col(Essay.submitted_on))))


def remove_essay(db, essay_id: str) -> None:
    tombstone(db, get_alive(db, Essay, essay_id))
    db.flush()
