"""Each installation's two key pairs: Ed25519 to sign what it sends, X25519 to open what is sealed
to it. The private halves live in `<data folder>/keys/`, readable by the user only; the public
halves are on the unit's record and travel in every bundle. They are made with the unit
(`units.init_book`, the demo cell), so they belong to the services, below `sync`, which signs and
seals with them.

Private keys are not in backups: a stolen backup would otherwise sign as the unit and open every
bundle sealed to it. A unit whose keys are lost makes new ones on purpose (`chibo keys new`), and
the other side approves the new fingerprint by hand; keys are never remade silently. Replaced keys
are kept in `keys/cu-<time>/`, so bundles still sealed to the old key open."""

from __future__ import annotations

import base64
import hashlib
import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from chibo.errors import ChiboError, KeysLostError
from chibo.services.lookups import local_unit
from chibo.store.files import private_folder, write_atomically

SIGNING_FILE = "signing.key"
ENCRYPTION_FILE = "encryption.key"
RETIRED_PREFIX = "cu-"  # keys/cu-20261121-101500/: keys replaced by `chibo keys new`
_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O, 1/I: read aloud and copied by hand


def b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def unb64(text: str) -> bytes:
    return base64.b64decode(text.encode("ascii"), validate=True)


def fingerprint(signing_public_key: bytes) -> str:
    """Twenty characters in five groups of four, from SHA-256 of the public signing key:
    "K7QF-3ZPA-MX2D-9RTC-HW4N". Compared aloud or on paper before a unit is trusted."""
    digest = int.from_bytes(hashlib.sha256(signing_public_key).digest()[:13], "big")
    chars = []
    for _ in range(20):
        digest, index = divmod(digest, 32)
        chars.append(_ALPHABET[index])
    text = "".join(chars)
    return "-".join(text[i : i + 4] for i in range(0, 20, 4))


def parse_fingerprint(text: str) -> str:
    """A fingerprint as a person types it (any case, with or without dashes and spaces) in its
    printed form, or ChiboError."""
    letters = "".join(ch for ch in str(text).upper() if ch not in "- \t")
    if len(letters) != 20 or any(ch not in _ALPHABET for ch in letters):
        raise ChiboError(f"Mã khóa “{text}” không đúng dạng: mã khóa có 20 ký tự (chữ in hoa và chữ số 2–9, không có "
                         "0, O, 1, I), chia 5 nhóm, ví dụ K7QF-3ZPA-MX2D-9RTC-HW4N. Hãy chép lại đúng mã.")
    return "-".join(letters[i : i + 4] for i in range(0, 20, 4))


def key_fingerprint(signing_key_b64: str) -> str:
    """The fingerprint of a public signing key as it is stored on a unit's record."""
    return fingerprint(unb64(signing_key_b64))


@dataclass(frozen=True)
class UnitKeys:
    signing_key: object  # nacl.signing.SigningKey
    private_key: object  # nacl.public.PrivateKey

    @property
    def signing_public(self) -> bytes:
        return bytes(self.signing_key.verify_key)

    @property
    def encryption_public(self) -> bytes:
        return bytes(self.private_key.public_key)

    @property
    def fingerprint(self) -> str:
        return fingerprint(self.signing_public)


def _write_private(path: Path, data: bytes) -> None:
    private_folder(path.parent)
    write_atomically(path, data, private=True)


def load_keys(folder: Path) -> UnitKeys | None:
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    keys = Path(folder) / "keys"
    try:
        signing = (keys / SIGNING_FILE).read_bytes()
        private = (keys / ENCRYPTION_FILE).read_bytes()
    except FileNotFoundError:
        return None
    if len(signing) != 32 or len(private) != 32:
        raise ChiboError(f"Tệp khóa trong {keys} bị hỏng. Hãy khôi phục thư mục keys từ bản sao, hoặc báo cấp trên "
                         "để xác nhận lại khóa mới.")
    return UnitKeys(SigningKey(signing), PrivateKey(private))


def retired_private_keys(folder: Path) -> list:
    """The encryption keys replaced by `chibo keys new`, newest first: a bundle sealed to an old key
    (a cell that has not yet imported the new plan) still opens."""
    from nacl.public import PrivateKey

    found = []
    for old in sorted((Path(folder) / "keys").glob(RETIRED_PREFIX + "*"), reverse=True):
        try:
            data = (old / ENCRYPTION_FILE).read_bytes()
        except OSError:
            continue
        if len(data) == 32:
            found.append(PrivateKey(data))
    return found


def _generate(folder: Path) -> UnitKeys:
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    keys = UnitKeys(SigningKey.generate(), PrivateKey.generate())
    _write_private(Path(folder) / "keys" / SIGNING_FILE, bytes(keys.signing_key))
    _write_private(Path(folder) / "keys" / ENCRYPTION_FILE, bytes(keys.private_key))
    return keys


def keys_for_new_computer(folder: Path) -> UnitKeys:
    """The keys of a data folder that has no book yet (a new computer asking its superior for its
    book back): made once, the same ones on every later request."""
    return load_keys(folder) or _generate(folder)


def _publish(db, keys: UnitKeys):
    """The public halves on the local unit's record (they travel in the next bundle)."""
    unit = local_unit(db)
    if unit.signing_key != b64(keys.signing_public) or unit.encryption_key != b64(keys.encryption_public):
        unit.signing_key, unit.encryption_key = b64(keys.signing_public), b64(keys.encryption_public)
        db.add(unit)
    return unit


def keys_lost(folder: Path, unit) -> KeysLostError:
    from chibo.vocabulary import UnitRole

    who = "các chi bộ" if unit.role == UnitRole.RECEIVING else "cấp trên"
    return KeysLostError(
        f"Trên máy này không có khóa của đơn vị (thư mục {Path(folder) / 'keys'}), trong khi mã khóa "
        f"{key_fingerprint(unit.signing_key)} đã gửi cho {who}. chibo không tự tạo khóa mới: {who} sẽ không nhận gói "
        f"ký bằng khóa lạ. Nếu còn thư mục keys cũ, hãy chép nó vào {folder}. Nếu khóa đã mất thật (ví dụ vừa khôi "
        f"phục sổ trên máy mới), hãy tạo khóa mới bằng lệnh “chibo keys new --yes” (hoặc Cài đặt → Đơn vị → Tạo khóa "
        f"mới), rồi đọc mã khóa mới cho {who} đối chiếu và xác nhận; chưa có gì bị thay đổi.",
        detail=f"no keys in {folder}, published {unit.signing_key}")


def ensure_keys(book) -> UnitKeys:
    """The book's keys, made on first use when none were ever published (see `unit_keys`)."""
    with book.session() as db:
        return unit_keys(db, book.folder)


def unit_keys(db, folder: Path) -> UnitKeys:
    """The unit's keys, published on its record in the caller's transaction (a refused export rolls
    the record back). Made on first use when none were ever published; when the public key was
    sent out but the private one is gone, refused (KeysLostError): new keys are made only on
    purpose, with `make_new_keys`."""
    keys = load_keys(folder)
    if keys is None:
        unit = local_unit(db)
        if unit.signing_key:
            raise keys_lost(folder, unit)
        keys = _generate(folder)
    _publish(db, keys)
    return keys


def make_new_keys(book, now: datetime | None = None) -> tuple[UnitKeys, str]:
    """New keys on purpose (lost or stolen ones): the current key files, if any, move to
    `keys/cu-<time>/`; returns the new keys and the fingerprint published before ("" if none)."""
    with book.session() as db:
        unit = local_unit(db)
        previous = key_fingerprint(unit.signing_key) if unit.signing_key else ""
    folder = book.folder / "keys"
    current = [folder / name for name in (SIGNING_FILE, ENCRYPTION_FILE) if (folder / name).exists()]
    if current:
        retired = private_folder(folder / f"{RETIRED_PREFIX}{(now or datetime.now()):%Y%m%d-%H%M%S}")
        for path in current:
            os.replace(path, retired / path.name)
    keys = _generate(book.folder)
    with book.session() as db:
        _publish(db, keys)
    return keys, previous
