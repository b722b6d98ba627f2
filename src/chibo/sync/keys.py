"""Each installation's two key pairs: Ed25519 to sign what it sends, X25519 to open what is sealed
to it. The private halves live in `<data folder>/keys/`, readable by the user only; the public
halves are on the unit's record and travel in every bundle."""

from __future__ import annotations

import base64
import hashlib
from dataclasses import dataclass
from pathlib import Path

from chibo.errors import ChiboError
from chibo.store.files import write_atomically

SIGNING_FILE = "signing.key"
ENCRYPTION_FILE = "encryption.key"
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
    path.parent.mkdir(parents=True, exist_ok=True)
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


def ensure_keys(book) -> UnitKeys:
    """The book's keys, made at set-up (or on first use by a book set up before keys existed); the
    public halves are written on the local unit's record."""
    from nacl.public import PrivateKey
    from nacl.signing import SigningKey

    from chibo.services.units import local_unit

    keys = load_keys(book.folder)
    if keys is None:
        keys = UnitKeys(SigningKey.generate(), PrivateKey.generate())
        _write_private(book.folder / "keys" / SIGNING_FILE, bytes(keys.signing_key))
        _write_private(book.folder / "keys" / ENCRYPTION_FILE, bytes(keys.private_key))
    with book.session() as db:
        unit = local_unit(db)
        if unit.signing_key != b64(keys.signing_public) or unit.encryption_key != b64(keys.encryption_public):
            unit.signing_key, unit.encryption_key = b64(keys.signing_public), b64(keys.encryption_public)
            db.add(unit)
    return keys
