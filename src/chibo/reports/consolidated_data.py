"""The consolidated report's tables, shaped once for the PDF and the Excel file alike: per document
(by number-symbol) one row per unit that has figures on it and the total, from the receiving
level's summed figures (`sync.summary.consolidated`, SQL aggregates over the cells' rows), which
the caller computes and passes in."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import date

from sqlmodel import col

from chibo.errors import NotFoundError, ValidationError
from chibo.services.lookups import alive, local_unit
from chibo.services.settings import load_rules
from chibo.store.models import Document
from chibo.text import fold, percent_of
from chibo.vocabulary import SESSION_FORM_LABELS, SessionForm, UnitRole

ALL_DOCUMENTS = "*"
_FIGURES = ("required", "studied", "studied_in_makeup", "sessions", "makeups", "essays_missing", "essays_to_rewrite",
            "non_members_reached", "cell_plans", "individual_plans")


@dataclass
class DocumentTable:
    """One document's figures: a row per unit (label, its DocumentTotal) and the total."""

    symbol: str
    document: Document | None  # the record that names it: this level's own copy first
    rows: list[tuple[str, object]]
    total: object  # DocumentTotal
    grades: list[str] = field(default_factory=list)  # essay grades, in the scale's order

    @property
    def units_studied(self) -> int:
        return sum(1 for _label, figures in self.rows if figures.sessions)

    @property
    def units_required(self) -> int:
        return sum(1 for _label, figures in self.rows if figures.required)


@dataclass(frozen=True)
class ConsolidatedRecord:
    """What the register and the numbering know of a consolidated report: the document it is on
    (`ALL_DOCUMENTS` for all), and `figures(db, day)`, the summed figures as of a day, which the
    caller supplies (`sync.summary.consolidated`: this layer does not reach into sync)."""

    id: str
    unit_id: str
    symbol: str
    figures: object


def record_id(symbol: str) -> str:
    """A stable id for the register: the consolidated report on `symbol` (or on every document)."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"chibo:consolidated:{symbol}"))


def require_receiving(db) -> None:
    if local_unit(db).role != UnitRole.RECEIVING:
        raise ValidationError("Báo cáo tổng hợp kết quả học tập của các chi bộ chỉ lập ở sổ của cấp nhận báo cáo "
                              "(đảng ủy); chi bộ in báo cáo kết quả học tập của mình: chibo print report MÃ_VĂN_BẢN.")


def document_symbol(db, typed: str | None) -> str:
    """The number-symbol a typed document names ("57-NQ/TW", "57-nq/tw", or the first characters of
    a document's id); `ALL_DOCUMENTS` when nothing was typed."""
    if not typed or typed.strip() == ALL_DOCUMENTS:
        return ALL_DOCUMENTS
    wanted = fold(typed).replace(" ", "")
    documents = list(db.exec(alive(Document)))
    for document in documents:
        if fold(document.number_symbol).replace(" ", "") == wanted:
            return document.number_symbol
    matches = {d.number_symbol for d in documents if len(typed.strip()) >= 4 and d.id.startswith(typed.strip().lower())}
    if len(matches) == 1:
        return matches.pop()
    raise NotFoundError(f"Không có văn bản “{typed.strip()[:60]}” trong sổ. Hãy gõ số, ký hiệu như trong danh sách văn "
                        "bản (ví dụ 57-NQ/TW; xem chibo summary), hoặc bỏ trống để tổng hợp mọi văn bản.")


def _naming_document(db, symbol: str) -> Document | None:
    local = local_unit(db).id
    found = list(db.exec(alive(Document).where(Document.number_symbol == symbol).order_by(col(Document.id))))
    return next((d for d in found if d.unit_id == local), found[0] if found else None)


def _has_figures(figures) -> bool:
    return any(getattr(figures, name) for name in _FIGURES) or any(figures.essays_by_grade.values())


def document_tables(db, units, total, symbol: str = ALL_DOCUMENTS) -> list[DocumentTable]:
    """The tables of the report on `symbol` (every document with figures when `ALL_DOCUMENTS`),
    newest document first. Units without a figure on a document are left out of its table: the
    total is the sum of the rows shown."""
    symbols = sorted(total.documents) if symbol == ALL_DOCUMENTS else [symbol]
    if symbol != ALL_DOCUMENTS and symbol not in total.documents:
        raise ValidationError(f"Chưa có chi bộ nào có số liệu học tập văn bản {symbol}: chưa có buổi học, chưa có "
                              "đảng viên phải học. Hãy nhập các gói báo cáo của chi bộ trước.")
    scale = list(load_rules(db).essay_grades)
    tables = []
    for each in symbols:
        rows = [(unit.label, unit.documents[each]) for unit in units
                if each in unit.documents and _has_figures(unit.documents[each])]
        if not rows:
            continue
        sums = total.documents[each]
        grades = scale + sorted(g for g in sums.essays_by_grade if g not in scale)
        tables.append(DocumentTable(each, _naming_document(db, each), rows, sums, grades))
    if not tables:
        raise ValidationError("Chưa có chi bộ nào có số liệu học tập: hãy nhập các gói báo cáo của chi bộ trước.")
    tables.sort(key=lambda t: (-(t.document.issued_on or date.min).toordinal() if t.document else 0, t.symbol))
    return tables


def forms_text(forms: dict) -> str:
    """ "Trực tiếp: 2; trực tuyến: 1", in the vocabulary's order."""
    parts = [(label, forms.get(form.value, 0)) for form, label in SESSION_FORM_LABELS.items()]
    parts += [(name, count) for name, count in forms.items() if name not in {f.value for f in SessionForm}]
    text = "; ".join(f"{name.lower()}: {count}" for name, count in parts if count)
    return text[:1].upper() + text[1:]


def rate(figures):
    """The study rate, exactly (Decimal; None without members required): rounded half up when shown."""
    return percent_of(figures.studied, figures.required)
