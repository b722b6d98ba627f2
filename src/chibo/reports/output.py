"""Writing a paper to disk so that a power cut never leaves half a PDF under the final name."""

from __future__ import annotations

import os
from pathlib import Path

from chibo.errors import ChiboError, is_disk_full
from chibo.store.files import existing_folder, write_atomically


def pdf_target(path: str | os.PathLike) -> Path:
    """Where a PDF is to be written, refused before anything is made (or numbered) when it is a
    folder, or when its folder does not exist: a stick that is not plugged in is not a folder to
    make on the local disk."""
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise ChiboError(f"“{target}” là một thư mục. Hãy chọn tên tệp, ví dụ bien-ban.pdf.")
    existing_folder(target.parent)
    return target


def save_pdf(data: bytes, path: str | os.PathLike) -> Path:
    target = pdf_target(path)
    try:
        write_atomically(target, data)
    except OSError as error:
        if is_disk_full(error):
            raise ChiboError(
                f"Ổ đĩa chứa “{target.parent}” đã đầy: chưa ghi được tệp {target.name}. Hãy giải phóng chỗ trống "
                "hoặc chọn ổ khác (USB khác) rồi lưu lại.",
                detail=repr(error),
            ) from error
        raise ChiboError(
            f"Không ghi được tệp “{target}”. Hãy kiểm tra ổ đĩa còn chỗ trống và tệp không đang mở "
            "trong chương trình khác.",
            detail=repr(error),
        ) from error
    return target


def paper_file_name(label: str, detail: str) -> str:
    """ "bien ban", "05-BB/CB" -> "bien-ban-05-bb-cb.pdf": the file a paper is saved as by default."""
    import re

    from chibo.text import fold

    slug = re.sub(r"[^a-z0-9]+", "-", fold(f"{label} {detail}")).strip("-")
    return f"{slug[:80]}.pdf"
