"""The bundle file: a zip of exactly `manifest.json`, `manifest.sig` and `payload`, read with
caps on size, entry count and compression ratio while streaming, so a hostile file is refused
before it can fill memory or disk."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

from chibo.store.files import write_atomically

FORMAT = "chibo-bundle"
FORMAT_VERSION = 1
ENTRY_NAMES = ("manifest.json", "manifest.sig", "payload")
MAX_FILE_BYTES = 256 * 1024 * 1024
MAX_ENTRY_BYTES = {"manifest.json": 1024 * 1024, "manifest.sig": 64 * 1024, "payload": 256 * 1024 * 1024}
MAX_RECORDS_BYTES = 1024 * 1024 * 1024  # the gunzipped payload
MAX_RATIO = 200  # uncompressed / compressed, per entry and for the inner gzip
CHUNK = 64 * 1024


class BundleRefused(Exception):
    """A bundle that fails a check; `message` is the Vietnamese sentence for the operator."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message, self.code = message, code


DAMAGED = ("Tệp này không phải gói dữ liệu chibo hoặc đã bị hỏng khi chép. Hãy chép lại từ máy của "
           "đơn vị gửi.")


@dataclass(frozen=True)
class RawBundle:
    manifest_bytes: bytes
    signature: bytes
    payload: bytes
    file_sha256: str
    file_size: int


def _read_entry(archive: zipfile.ZipFile, info: zipfile.ZipInfo) -> bytes:
    limit = MAX_ENTRY_BYTES[info.filename]
    if info.file_size > limit:
        raise BundleRefused(f"Phần “{info.filename}” của gói lớn bất thường; gói bị từ chối.", "too_large")
    out = bytearray()
    with archive.open(info) as stream:
        while True:
            chunk = stream.read(CHUNK)
            if not chunk:
                break
            out += chunk
            # The header's sizes may lie: count what really comes out.
            if len(out) > limit or len(out) > MAX_RATIO * max(info.compress_size, 1) + CHUNK:
                raise BundleRefused("Gói chứa dữ liệu nén bất thường (có thể là “bom nén”); gói bị từ chối.", "bomb")
    return bytes(out)


def sender_unit_id(path: Path) -> str | None:
    """The sender a bundle's manifest names, read without any check (None when it cannot be read:
    such a file then goes through `read_bundle` and gets its sentence). For passing over a book's
    own bundles in a folder, not for trusting anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            info = archive.getinfo("manifest.json")
            if info.file_size > MAX_ENTRY_BYTES["manifest.json"]:
                return None
            return json.loads(archive.read(info)).get("sender_unit_id")
    except (OSError, KeyError, ValueError, zipfile.BadZipFile, RuntimeError, NotImplementedError, AttributeError):
        return None


def read_bundle(path: Path) -> RawBundle:
    """Open and unpack with every structural check; raises BundleRefused."""
    path = Path(path)
    if path.is_dir():
        raise BundleRefused(f"“{path.name}” là một thư mục, không phải tệp gói; hãy chọn tệp .chibo ở trong đó.", "folder")
    try:
        size = path.stat().st_size
    except OSError:
        raise BundleRefused(f"Không đọc được tệp “{path}”.", "unreadable") from None
    if size == 0:
        raise BundleRefused("Tệp rỗng (0 byte): có lẽ việc chép ra USB chưa xong. Hãy chép lại.", "empty")
    if size > MAX_FILE_BYTES:
        raise BundleRefused("Tệp quá lớn so với một gói dữ liệu chibo; gói bị từ chối.", "too_large")
    data = path.read_bytes()
    if data.startswith(b"%PDF-"):  # a printed paper picked by mistake: not "damaged in copying"
        raise BundleRefused("Tệp này là một tệp PDF (giấy tờ đã in), không phải gói dữ liệu chibo. Gói chibo là tệp có "
                            "đuôi .chibo do chibo xuất ra (nút Gửi báo cáo hoặc lệnh chibo export).", "not_bundle")
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        infos = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise BundleRefused(DAMAGED, "not_zip") from None
    names = [info.filename for info in infos]
    if not set(names) & set(ENTRY_NAMES):  # another kind of zip altogether: its inner names would mean nothing
        office = next((kind for folder, kind in (("xl/", "Excel"), ("word/", "Word"), ("ppt/", "PowerPoint"))
                       if any(n.startswith(folder) for n in names)), None)
        raise BundleRefused("Tệp này không phải gói dữ liệu chibo mà là " + (
            f"một tệp {office}" if office else "một tệp nén (zip) khác")
            + ". Gói chibo là tệp có đuôi .chibo do chibo xuất ra (nút Gửi báo cáo hoặc lệnh chibo export).",
            "not_bundle")
    if len(infos) != len(ENTRY_NAMES) or sorted(names) != sorted(ENTRY_NAMES):
        raise BundleRefused("Gói có thành phần lạ hoặc thiếu thành phần (" + ", ".join(names[:5])
                            + "); gói bị từ chối.", "entries")
    entries = {}
    try:
        for info in infos:
            if info.flag_bits & 0x1:
                raise BundleRefused("Gói bị đặt mật khẩu kiểu zip, không phải gói chibo.", "entries")
            entries[info.filename] = _read_entry(archive, info)
    except BundleRefused:
        raise
    except (zipfile.BadZipFile, zlib.error, EOFError, OSError, NotImplementedError, RuntimeError):
        raise BundleRefused(DAMAGED, "damaged") from None
    return RawBundle(entries["manifest.json"], entries["manifest.sig"], entries["payload"],
                     hashlib.sha256(data).hexdigest(), size)


def gunzip_capped(data: bytes) -> bytes:
    """The records of a payload, refusing a gzip bomb while it inflates."""
    inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    limit = min(MAX_RECORDS_BYTES, MAX_RATIO * max(len(data), 1) + CHUNK)
    try:
        for start in range(0, len(data), CHUNK):
            out += inflater.decompress(data[start : start + CHUNK], limit - len(out) + 1)
            if len(out) > limit or inflater.unconsumed_tail:
                raise BundleRefused("Dữ liệu trong gói nén bất thường (có thể là “bom nén”); gói bị từ chối.", "bomb")
        out += inflater.flush()
    except zlib.error:
        raise BundleRefused(DAMAGED, "damaged") from None
    if not inflater.eof or inflater.unused_data:
        raise BundleRefused(DAMAGED, "damaged")
    return bytes(out)


def write_bundle(target: Path, manifest_bytes: bytes, signature: bytes, payload: bytes) -> str:
    """Write `*.partial`, fsync, rename, read back and compare hashes; returns the file's SHA-256."""
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_STORED) as archive:
        for name, content in zip(ENTRY_NAMES, (manifest_bytes, signature, payload), strict=True):
            info = zipfile.ZipInfo(name, date_time=(2020, 1, 1, 0, 0, 0))
            archive.writestr(info, content)
    data = buffer.getvalue()
    expected = hashlib.sha256(data).hexdigest()
    write_atomically(target, data)
    if hashlib.sha256(target.read_bytes()).hexdigest() != expected:
        raise OSError(f"read-back of {target} differs from what was written")
    return expected


def canonical_json(value) -> bytes:
    return json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")


def gzip_bytes(data: bytes) -> bytes:
    return gzip.compress(data, compresslevel=6, mtime=0)
