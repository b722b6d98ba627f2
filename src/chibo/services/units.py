"""Setting up the book's own unit (cell or receiving committee), born with its keys."""

from __future__ import annotations

import re

from chibo.errors import ChiboError, ValidationError
from chibo.services.cleaning import NAME_LENGTH, SHORT_LENGTH, check_choice, clean_text
from chibo.services.keys import unit_keys
from chibo.services.lookups import local_unit
from chibo.store.book import LOCAL_UNIT_SETTING, Book, set_setting
from chibo.store.models import Unit
from chibo.store.records import LOCAL_UNIT
from chibo.text import fold
from chibo.vocabulary import UnitRole

_NAME_PREFIXES = ("chi bo ", "dang uy ", "dang bo ")


def unit_code(name: str) -> str:
    """A short ASCII code for file names: "Chi bộ bản Nậm Cáy" -> "BANNAMCAY"."""
    folded = fold(name)
    for prefix in _NAME_PREFIXES:
        if folded.startswith(prefix):
            folded = folded[len(prefix) :]
    code = re.sub(r"[^a-z0-9]", "", folded).upper()
    return code[:16] or "DONVI"


def init_book(
    book: Book,
    *,
    name: str,
    role: str = UnitRole.CELL,
    superior_name: str = "",
    place_name: str = "",
    code: str = "",
) -> Unit:
    """Create this installation's unit with its keys (their public halves on the unit's record, in
    the same transaction). A book is set up once; a second call is refused."""
    if book.local_unit_id:
        raise ChiboError("Sổ này đã được khởi tạo cho một đơn vị. Muốn làm sổ mới, hãy dùng thư mục dữ liệu khác.")
    with book.session() as db:
        unit = create_unit(db, name=name, role=role, superior_name=superior_name, place_name=place_name, code=code)
        unit_keys(db, book.folder)
    book.local_unit_id = unit.id
    return unit


def create_unit(db, *, name: str, role: str = UnitRole.CELL, superior_name: str = "", place_name: str = "",
                code: str = "") -> Unit:
    """The book's own unit, written in the caller's transaction, which writes as that unit from then
    on; the caller sets `book.local_unit_id` once the transaction is committed."""
    name = clean_text(name, "tên đơn vị", required=True, max_length=NAME_LENGTH)
    role = check_choice(role, list(UnitRole), "vai trò (cell hoặc receiving)")
    code = re.sub(r"[^A-Za-z0-9]", "", code).upper()[:16] or unit_code(name)
    unit = Unit(
        name=name,
        code=code,
        role=role,
        superior_name=clean_text(superior_name, "cấp ủy cấp trên", max_length=NAME_LENGTH),
        place_name=clean_text(place_name, "địa danh", max_length=SHORT_LENGTH),
    )
    unit.unit_id = unit.id  # a unit owns its own record
    db.info[LOCAL_UNIT] = unit.id
    db.add(unit)
    set_setting(db, LOCAL_UNIT_SETTING, unit.id)
    return unit


def update_unit(db, **fields) -> Unit:
    unit = local_unit(db)
    labels = {"name": ("tên đơn vị", NAME_LENGTH), "superior_name": ("cấp ủy cấp trên", NAME_LENGTH),
              "place_name": ("địa danh", SHORT_LENGTH)}
    for key, value in fields.items():
        if key not in labels:
            raise ValidationError(f"Không sửa được trường “{key}” của đơn vị.")
        label, limit = labels[key]
        setattr(unit, key, clean_text(value, label, required=key == "name", max_length=limit))
    db.add(unit)
    return unit
