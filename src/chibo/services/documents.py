"""Documents to study: resolutions, directives, conclusions, plans, with their deadlines."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlmodel import col

from chibo.errors import NotFoundError, ValidationError
from chibo.services.cleaning import check_choice, clean_date, clean_text
from chibo.services.lookups import alive, get_alive, resolve
from chibo.services.viewing import documents_in_view
from chibo.store.models import Document, SessionDocument
from chibo.store.records import LOCAL_UNIT, tombstone
from chibo.text import fold, nfc
from chibo.vocabulary import DOCUMENT_KIND_LABELS, DocumentKind, IssuingLevel, label

# Bodies that issue the documents a cell studies, offered in the document editor (any other may be
# typed): the body a citation names ("Nghị quyết số 57-NQ/TW … của Bộ Chính trị").
ISSUING_BODIES = ("Ban Chấp hành Trung ương", "Bộ Chính trị", "Ban Bí thư", "Tỉnh ủy", "Ban Thường vụ Tỉnh ủy",
                  "Đảng ủy xã", "Ban Thường vụ Đảng ủy xã")

_KIND_IN_SYMBOL = re.compile(r"^\s*\d+[A-Za-z]?\s*-\s*([A-Za-zĐđ]+)\s*/")

# What a title may carry before its subject, read on the folded title (no accents, lower case):
# the number ("số 57-NQ/TW"), the date ("ngày 22-12-2024", "ngày 22 tháng 12 năm 2024") and
# the issuing body ("của Ban Thường vụ Tỉnh ủy", up to the "về" that opens the subject).
_NUMBER = re.compile(r"(?:so\s*)?\d+[a-z]?\s*-\s*[a-z]+(?:\s*/\s*[a-z]+(?:\s*-\s*[a-z]+)*)?\s*")
_DATE = re.compile(r",?\s*ngay\s+(?:\d{1,2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{4}|\d{1,2}\s+thang\s+\d{1,2}\s+nam\s+\d{4})"
                   r"\s*,?\s*")
# The issuing body ends where the subject begins: at "về", or at a verb a plan's title goes on with
# ("… của Ban Thường vụ Tỉnh ủy thực hiện Nghị quyết số 57-NQ/TW"). None of these starts a body's
# name ("Ban Tổ chức", "Ban Chỉ đạo xây dựng …" are bodies, so "tổ chức" and "xây dựng" are not here).
_SUBJECT_START = (r"(?:ve|thuc hien|trien khai|tiep tuc|hoc tap|quan triet|tang cuong|day manh|nang cao|"
                  r"tuyen truyen|so ket|tong ket|phat trien)\s")
_ISSUER = re.compile(rf"cua\s+(.+?)(?:\s+(?={_SUBJECT_START})|$)")
# A resolution or conclusion named after the meeting that adopted it, the kind followed by no "của":
# "Nghị quyết Hội nghị lần thứ tám Ban Chấp hành Trung ương khóa XI về …".
_MEETING = re.compile(r"((?:hoi nghi|dai hoi)\s.+?)\s+(?=ve\s)")
_MEETING_KINDS = (DocumentKind.NQ, DocumentKind.KL)
# "Chương trình hành động", "Kế hoạch hành động": the kind's full name, not the start of the subject.
_ACTION = re.compile(r"hanh dong\b\s*")


@dataclass(frozen=True)
class TitleParts:
    """A document's title split the way a citation uses it."""

    issuer: str  # "Ban Thường vụ Tỉnh ủy" when the title named it, else ""
    subject: str  # "về tăng cường …"; "" when the title held nothing but the kind and number


def _fold_each(text: str) -> str:
    """`fold` character by character, so positions in the folded text are positions in `text`."""
    return "".join((fold(ch) or " ")[0] if not ch.isspace() else " " for ch in text)


def split_title(title: str, kind: str) -> TitleParts:
    """"Kế hoạch của Đảng ủy xã về phát triển …" -> ("Đảng ủy xã", "về phát triển …"). A title
    typed as it reads on the paper loses its kind ("Nghị quyết"), its number and date and its
    issuing body, so that sentences built from it never repeat them; the subject always opens
    with "về". Titles already stored that way come back unchanged."""
    text = " ".join(nfc(title).split())
    kind_word = fold(label(kind, DOCUMENT_KIND_LABELS))
    issuer = ""
    while True:
        folded = _fold_each(text)
        start = 0
        named_kind = folded.startswith(kind_word) and folded[len(kind_word):len(kind_word) + 1] in ("", " ", ",", ":")
        if named_kind:
            start = len(kind_word)
            start += len(folded[start:]) - len(folded[start:].lstrip(" ,:"))
            action = kind in (DocumentKind.CTR, DocumentKind.KH) and _ACTION.match(folded, start)
            if action:
                start = action.end()
            number = _NUMBER.match(folded, start)
            if number:
                start = number.end()
        date_part = _DATE.match(folded, start)
        if date_part:
            start = date_part.end()
        start += len(folded[start:]) - len(folded[start:].lstrip(" ,:;-–"))
        body = _ISSUER.match(folded, start) or (named_kind and kind in _MEETING_KINDS and _MEETING.match(folded, start))
        if body:
            issuer = issuer or text[body.start(1):body.end(1)].strip(" ,")
            start = body.end()
        rest = text[start:].strip(" ,:;-–")
        if _fold_each(rest).startswith("ve "):
            rest = rest[3:].strip()
        # "về Nghị quyết về …": the kind typed twice; read the inner title again.
        if rest and start and _fold_each(rest).startswith(kind_word + " "):
            text = rest
            continue
        return TitleParts(issuer, f"về {rest}" if rest else "")


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
        elif key == "issuer":
            cleaned[key] = clean_text(value, "cơ quan ban hành", max_length=200)
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


def _settle_title(document: Document) -> None:
    """The title is stored as its subject ("về …"); an issuing body named in it goes to `issuer`
    unless one was chosen."""
    typed = document.title
    parts = split_title(typed, document.kind)
    if not parts.subject:
        raise ValidationError(f"Trích yếu “{typed}” chỉ có tên loại, số hoặc cơ quan ban hành của văn bản. "
                              "Hãy ghi nội dung văn bản, ví dụ “về đột phá phát triển khoa học, công nghệ”.")
    document.title = parts.subject
    if parts.issuer and not document.issuer:
        document.issuer = parts.issuer


def _check(document: Document) -> None:
    _settle_title(document)
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
    docs = list(db.exec(documents_in_view(db, alive(Document), Document).order_by(col(Document.issued_on).desc(),
                                                                                  col(Document.number_symbol))))
    return docs


_ID_PREFIX = re.compile(r"[0-9a-f][0-9a-f-]{3,}")


def find_document(db, typed: str) -> Document:
    """The document a person names on the command line: by the start of its id (as the lists
    print it), or by its number-symbol as people know it ("05-CT/TU", "05-ct/tu", "05-CT" when only
    one document starts so), among the documents in view."""
    text = nfc(typed or "").strip()
    if _ID_PREFIX.fullmatch(text.lower()):
        try:
            return resolve(db, Document, text)
        except NotFoundError:
            pass  # "0512-…" may be a number-symbol too: look there before refusing
    key = fold(text).replace(" ", "")
    if not key:
        raise NotFoundError("Chưa gõ văn bản: hãy gõ số, ký hiệu (ví dụ 05-CT/TU) hoặc mã trong danh sách văn bản.")
    docs = list(db.exec(documents_in_view(db, alive(Document), Document)))
    symbols = {d.id: fold(d.number_symbol).replace(" ", "") for d in docs}
    found = [d for d in docs if symbols[d.id] == key] or (  # the start of a number-symbol: as long as an id's
        [d for d in docs if symbols[d.id].startswith(key)] if len(key) >= 4 else [])
    if not found:
        raise NotFoundError(f"Không có văn bản nào có số, ký hiệu hay mã “{text}”. Hãy gõ như trong danh sách văn bản "
                            "(chibo documents list), ví dụ 05-CT/TU.")
    if len({d.number_symbol for d in found}) > 1:
        listed = ", ".join(sorted({d.number_symbol for d in found}))
        raise NotFoundError(f"Có nhiều văn bản bắt đầu bằng “{text}”: {listed}. Hãy gõ đủ số, ký hiệu.")
    own = [d for d in found if d.unit_id == db.info.get(LOCAL_UNIT)]
    return (own or found)[0]
