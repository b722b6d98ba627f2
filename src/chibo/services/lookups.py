"""Finding records: the rows not tombstoned, rows by id in chunks, one live record by id or by the
first characters of its id, and the book's own unit; each refusal a sentence that names the kind
of record."""

from __future__ import annotations

from typing import TypeVar

from sqlmodel import col, select

from chibo.errors import ChiboError, NotFoundError
from chibo.store.book import LOCAL_UNIT_SETTING, get_setting
from chibo.store.models import SyncedRecord, Unit

R = TypeVar("R", bound=SyncedRecord)

_KIND_NAMES = {
    "Member": "đảng viên",
    "Document": "văn bản",
    "CellSession": "buổi sinh hoạt",
    "ActionPlan": "kế hoạch",
    "ActionItem": "nhiệm vụ",
    "Essay": "bài thu hoạch",
    "Outreach": "hoạt động tuyên truyền",
    "Presenter": "báo cáo viên",
    "Speech": "ý kiến phát biểu",
    "AgendaItem": "nội dung sinh hoạt",
}


def alive(model: type[R]):
    """SELECT of the rows not tombstoned."""
    return select(model).where(col(model.deleted_at).is_(None))


def rows_by_ids(db, model: type[R], ids, *, alive_only: bool = True) -> dict[str, R]:
    """The rows with these ids, by id, in chunks that stay under SQLite's parameter limit."""
    ids = list(ids)
    found = {}
    for start in range(0, len(ids), 500):
        query = alive(model) if alive_only else select(model)
        for row in db.exec(query.where(col(model.id).in_(ids[start : start + 500]))):
            found[row.id] = row
    return found


def get_alive(db, model: type[R], record_id: str) -> R:
    record = db.get(model, record_id)
    if record is None or record.deleted_at is not None:
        raise NotFoundError(f"Không tìm thấy {_KIND_NAMES.get(model.__name__, 'bản ghi')} có mã {record_id}.")
    return record


def resolve(db, model: type[R], prefix: str) -> R:
    """The live record whose id starts with `prefix` (at least 4 characters), if exactly one does."""
    what = _KIND_NAMES.get(model.__name__, "bản ghi")
    prefix = (prefix or "").strip().lower()
    if len(prefix) < 4:
        raise NotFoundError(f"Mã {what} “{prefix}” quá ngắn: hãy gõ ít nhất 4 ký tự đầu của mã.")
    rows = db.exec(alive(model).where(col(model.id).startswith(prefix)).limit(2)).all()
    if not rows:
        raise NotFoundError(f"Không có {what} nào có mã bắt đầu bằng “{prefix}”.")
    if len(rows) > 1:
        raise NotFoundError(f"Có nhiều {what} có mã bắt đầu bằng “{prefix}”: hãy gõ thêm ký tự.")
    return rows[0]


def local_unit(db) -> Unit:
    unit_id = get_setting(db, LOCAL_UNIT_SETTING)
    unit = db.get(Unit, unit_id) if unit_id else None
    if unit is None:
        raise ChiboError("Sổ chưa được khởi tạo. Hãy chạy “chibo init --name …” hoặc mở ứng dụng để khai báo chi bộ.")
    return unit
