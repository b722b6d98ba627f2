"""Issuing a numbered paper: its row in the outgoing register (sổ đăng ký văn bản đi) and its PDF
archived in the data folder, so that printing it again gives the same bytes.

The archive is `<data folder>/issued/<year>/<number>-<row id>.pdf`, written atomically and
readable by the owner only (POSIX); the row keeps its path, sha256 and size. A row with no file
is a number given before chibo archived papers (`numbering.enter_earlier_numbers`).
"""

from __future__ import annotations

import hashlib
import logging
import os
import re
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

from sqlalchemy.exc import IntegrityError
from sqlmodel import col

from chibo.errors import ChiboError
from chibo.services.lookups import alive
from chibo.services.numbering import NumberChoice, canonical_kind, enter_earlier_numbers, kind_word, term_start
from chibo.store.files import write_atomically
from chibo.store.models import IssuedPaper
from chibo.store.records import LOCAL_UNIT
from chibo.text import fold, format_date

log = logging.getLogger(__name__)

ARCHIVE_FOLDER = "issued"


class ArchiveState(StrEnum):
    KEPT = "ok"  # the file is there with its hash
    MISSING = "missing"
    ALTERED = "altered"
    NONE = "none"  # a number given before chibo archived papers


ARCHIVE_STATE_LABELS = {
    ArchiveState.KEPT: "Có bản lưu",
    ArchiveState.MISSING: "Mất tệp bản lưu",
    ArchiveState.ALTERED: "Bản lưu đã bị sửa",
    ArchiveState.NONE: "Cấp số trước khi có bản lưu",
}


def archive_folder(folder: Path) -> Path:
    return Path(folder) / ARCHIVE_FOLDER


def _archive_path(folder: Path, row: IssuedPaper) -> Path:
    root = archive_folder(folder).resolve()
    path = (root / row.file_name).resolve()
    if root not in path.parents:  # a row that came from elsewhere never points outside the archive
        raise ChiboError(f"Đường dẫn bản lưu của văn bản {row.number_symbol} không hợp lệ.", detail=row.file_name)
    return path


def archive_state(folder: Path, row: IssuedPaper) -> ArchiveState:
    if not row.file_name:
        return ArchiveState.NONE
    try:
        data = _archive_path(folder, row).read_bytes()
    except (OSError, ChiboError):
        return ArchiveState.MISSING
    if len(data) != row.size or hashlib.sha256(data).hexdigest() != row.sha256:
        return ArchiveState.ALTERED
    return ArchiveState.KEPT


class EarlierNumberError(ChiboError):
    """The paper's number was given before chibo archived papers: there is no original to print."""


def read_archived(folder: Path, row: IssuedPaper) -> bytes:
    """The archived PDF of an issued paper, checked against its hash; a sentence when it is not
    there or not the same, never another paper under the same number."""
    what = f"{kind_word(row.kind)} số {row.number_symbol} (ngày {format_date(row.issued_on)})"
    if not row.file_name:
        raise EarlierNumberError(
            f"{what[:1].upper()}{what[1:]} được cấp số trước khi chibo lưu bản gốc của giấy tờ, nên không có bản "
            "gốc để in lại. Hãy dùng bản đã ký lưu ở chi bộ; hoặc dựng lại giấy từ sổ với đúng số và ngày ấy "
            "(nút “Dựng lại”, lệnh: thêm --rebuild), hoặc lập giấy mới với số mới (--new).")
    path = _archive_path(folder, row)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise ChiboError(
            f"Không tìm thấy bản gốc của {what} trong thư mục dữ liệu (tệp {ARCHIVE_FOLDER}/{row.file_name}). "
            "chibo không in một bản khác dưới số này. Hãy chép lại tệp từ bản sao của thư mục dữ liệu, "
            "hoặc lập giấy mới với số mới (--new).", detail=repr(error)) from error
    if len(data) != row.size or hashlib.sha256(data).hexdigest() != row.sha256:
        raise ChiboError(
            f"Bản gốc của {what} (tệp {ARCHIVE_FOLDER}/{row.file_name}) đã bị thay đổi: mã kiểm tra không khớp với "
            "sổ đăng ký văn bản đi. chibo không in bản này. Hãy chép lại tệp đúng từ bản sao của thư mục dữ liệu, "
            "hoặc lập giấy mới với số mới (--new).", detail=f"size {len(data)} != {row.size} or sha256 differs")
    return data


def _file_name(row: IssuedPaper) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", fold(row.number_symbol)).strip("-")
    return f"{row.issued_on.year}/{slug}-{row.id[:8]}.pdf"


@dataclass(frozen=True)
class IssueRequest:
    """What the register keeps of a paper being issued."""

    paper: str  # minutes / report / plan
    record_id: str
    kind: str  # BB, BC, KH, CTr
    issued_on: date
    summary: str
    recipients: tuple[str, ...]


def issue(db, folder: Path, request: IssueRequest, choice: NumberChoice, pdf: bytes) -> IssuedPaper:
    """Enter the paper in the register under `choice` and archive its PDF. The row is written in
    the caller's transaction; a failure to archive raises, so the caller's rollback frees the number."""
    row = IssuedPaper(paper=request.paper, record_id=request.record_id, kind=canonical_kind(request.kind),
                      number=choice.number, number_symbol=choice.number_symbol, term_start=choice.term_start,
                      issued_on=request.issued_on, summary=request.summary, recipients="\n".join(request.recipients),
                      sha256=hashlib.sha256(pdf).hexdigest(), size=len(pdf))
    row.file_name = _file_name(row)
    return _archive(db, folder, row, pdf)


def rearchive(db, folder: Path, row: IssuedPaper, pdf: bytes) -> IssuedPaper:
    """Give a number entered without a file (an earlier release's) the paper rebuilt from the book."""
    row.sha256, row.size = hashlib.sha256(pdf).hexdigest(), len(pdf)
    row.file_name = _file_name(row)
    return _archive(db, folder, row, pdf)


def place_original(folder: Path, path: Path, pdf: bytes) -> None:
    """Write an original at `path` inside the archive of the data folder `folder`, atomically,
    the archive's folders readable by the owner only (POSIX). Raises OSError."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if os.name == "posix":
        for part in (archive_folder(folder), path.parent):
            os.chmod(part, 0o700)
    write_atomically(path, pdf, private=True)


def _archive(db, folder: Path, row: IssuedPaper, pdf: bytes) -> IssuedPaper:
    db.add(row)
    try:
        db.flush()  # the unique (unit, term, kind, number) is checked before any file is written
    except IntegrityError as error:
        raise ChiboError(f"Số {row.number_symbol} vừa được cấp cho một giấy khác. Hãy in lại để nhận số tiếp theo.",
                         detail=repr(error)) from error
    path = _archive_path(folder, row)
    try:
        place_original(folder, path, pdf)
    except OSError as error:
        raise ChiboError(f"Không lưu được bản gốc của {kind_word(row.kind)} số {row.number_symbol} vào thư mục dữ "
                         f"liệu ({archive_folder(folder)}); số chưa được cấp. Hãy kiểm tra ổ đĩa còn chỗ trống.",
                         detail=repr(error)) from error
    log.info("issued %s (%s %s) archived as %s", row.number_symbol, row.paper, row.record_id, row.file_name)
    return row


def issued_for(db, paper: str, record_id: str) -> IssuedPaper | None:
    """The latest paper issued for a record (a report issued again with new figures has two)."""
    return db.exec(alive(IssuedPaper).where(
        IssuedPaper.unit_id == db.info.get(LOCAL_UNIT), IssuedPaper.paper == paper, IssuedPaper.record_id == record_id,
    ).order_by(col(IssuedPaper.issued_on).desc(), col(IssuedPaper.number).desc())).first()


def register_rows(db, *, whole: bool = False) -> list[IssuedPaper]:
    """The outgoing register of this unit: the current term (every term with `whole`), in the
    order papers were dated, then by kind and number. Numbers found on records but not yet in the
    register are entered first."""
    enter_earlier_numbers(db)
    query = alive(IssuedPaper).where(IssuedPaper.unit_id == db.info.get(LOCAL_UNIT))
    if not whole:
        query = query.where(IssuedPaper.term_start == term_start(db))
    rows = list(db.exec(query))
    rows.sort(key=lambda r: (r.term_start, r.issued_on, r.kind, r.number))
    return rows
