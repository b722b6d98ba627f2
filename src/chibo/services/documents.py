"""Documents to study: resolutions, directives, conclusions, plans, with their deadlines."""

from __future__ import annotations

import re

from sqlmodel import col

from chibo.errors import ValidationError
from chibo.services.common import alive, check_choice, clean_date, clean_text, get_alive
from chibo.store.models import Document, SessionDocument
from chibo.store.records import LOCAL_UNIT, tombstone
from chibo.vocabulary import DocumentKind, IssuingLevel

_KIND_IN_SYMBOL = re.compile(r"^\s*\d+[A-Za-z]?\s*-\s*([A-Za-zĐđ]+)\s*/")


def kind_from_symbol(number_symbol: str) -> str | None:
    """"29-NQ/TW" -> "NQ"; None when the symbol names no known kind."""
    match = _KIND_IN_SYMBOL.match(number_symbol or "")
    if not match:
        return None
    found = match.group(1)
    for kind in DocumentKind:
        if kind.value.lower() == found.lower():
            return kind.value
    return None


def _clean(fields: dict) -> dict:
    cleaned = {}
    for key, value in fields.items():
        if key == "number_symbol":
            cleaned[key] = " ".join(clean_text(value, "số, ký hiệu văn bản", required=True, max_length=60).split())
        elif key == "title":
            cleaned[key] = clean_text(value, "trích yếu nội dung văn bản", required=True, max_length=500)
        elif key == "kind":
            cleaned[key] = check_choice(value, list(DocumentKind), "loại văn bản")
        elif key == "issuing_level":
            cleaned[key] = check_choice(value, list(IssuingLevel), "cấp ban hành")
        elif key in ("issued_on", "deadline"):
            cleaned[key] = clean_date(value, "ngày ban hành" if key == "issued_on" else "thời hạn hoàn thành")
        elif key == "requires_essay":
            cleaned[key] = bool(value)
        elif key == "note":
            cleaned[key] = clean_text(value, "ghi chú", max_length=2000)
        else:
            raise ValidationError(f"Văn bản không có trường “{key}”.")
    return cleaned


def _check(document: Document) -> None:
    if document.issued_on and document.deadline and document.deadline < document.issued_on:
        raise ValidationError("Thời hạn hoàn thành không thể trước ngày ban hành.")


def add_document(db, **fields) -> Document:
    fields = _clean(fields)
    if "number_symbol" not in fields or "title" not in fields:
        raise ValidationError("Văn bản cần có số, ký hiệu và trích yếu.")
    if "kind" not in fields:
        fields["kind"] = kind_from_symbol(fields["number_symbol"]) or DocumentKind.NQ.value
    document = Document(**fields)
    _check(document)
    duplicate = db.exec(alive(Document).where(Document.number_symbol == document.number_symbol)).first()
    if duplicate:
        raise ValidationError(f"Đã có văn bản số {document.number_symbol} trong sổ.")
    db.add(document)
    db.flush()
    return document


def _own(db, document_id: str) -> Document:
    """A document of this book's unit; one the superior sent in its plan bundle is read-only here."""
    document = get_alive(db, Document, document_id)
    if document.unit_id != db.info.get(LOCAL_UNIT):
        raise ValidationError(f"Văn bản {document.number_symbol} do cấp trên gửi xuống trong gói kế hoạch; "
                              "chỉ cấp trên sửa hoặc xóa được.")
    return document


def edit_document(db, document_id: str, **fields) -> Document:
    document = _own(db, document_id)
    for key, value in _clean(fields).items():
        setattr(document, key, value)
    _check(document)
    db.add(document)
    db.flush()
    return document


def remove_document(db, document_id: str) -> None:
    document = _own(db, document_id)
    linked = db.exec(alive(SessionDocument).where(SessionDocument.document_id == document.id)).first()
    if linked:
        raise ValidationError(
            f"Văn bản {document.number_symbol} đã được học trong các buổi sinh hoạt; hãy bỏ nó khỏi các buổi đó trước."
        )
    tombstone(db, document)
    db.flush()


def list_documents(db) -> list[Document]:
    """Newest first: by issue date, then number-symbol."""
    docs = list(db.exec(alive(Document).order_by(col(Document.issued_on).desc(), col(Document.number_symbol))))
    return docs
