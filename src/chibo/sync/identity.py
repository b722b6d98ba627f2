"""Who this book is, as another unit compares it: name, role, declared superior, code and key
fingerprint, and at a cell the superior whose key it seals to (`chibo info`, Cài đặt → Đơn vị)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from chibo.services.keys import key_fingerprint, load_keys
from chibo.services.lookups import local_unit
from chibo.sync.keyring import current_superior


@dataclass(frozen=True)
class UnitIdentity:
    name: str
    role: str
    superior_name: str  # as declared in the unit's settings (printed on papers)
    code: str
    fingerprint: str  # of the keys on this computer; "" when there are none
    published_fingerprint: str  # the key other units know; differs from `fingerprint` until a bundle carries it
    superior: dict | None  # a cell's approved superior: {"name", "fingerprint"}

    @property
    def keys_lost(self) -> bool:
        return not self.fingerprint and bool(self.published_fingerprint)

    def as_json(self) -> dict:
        return {"name": self.name, "role": self.role, "parent": self.superior_name, "code": self.code,
                "fingerprint": self.fingerprint or None, "published_fingerprint": self.published_fingerprint or None,
                "keys_on_this_computer": bool(self.fingerprint), "superior": self.superior}


def unit_identity(db, folder: Path) -> UnitIdentity:
    unit = local_unit(db)
    keys = load_keys(folder)
    superior = current_superior(db)
    return UnitIdentity(
        unit.name, unit.role, unit.superior_name, unit.code, keys.fingerprint if keys else "",
        key_fingerprint(unit.signing_key) if unit.signing_key else "",
        {"name": superior["name"], "fingerprint": key_fingerprint(superior["signing_key"])} if superior else None)
