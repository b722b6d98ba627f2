"""Writing a paper to disk so that a power cut never leaves half a PDF under the final name."""

from __future__ import annotations

import os
from pathlib import Path

from chibo.errors import ChiboError


def save_pdf(data: bytes, path: str | os.PathLike) -> Path:
    target = Path(path).expanduser().resolve()
    if target.is_dir():
        raise ChiboError(f"“{target}” là một thư mục. Hãy chọn tên tệp, ví dụ bien-ban.pdf.")
    partial = target.with_name(target.name + ".partial")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(partial, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError as error:
        try:
            partial.unlink(missing_ok=True)
        except OSError:
            pass  # the folder itself is unusable: there is no partial file to remove
        raise ChiboError(
            f"Không ghi được tệp “{target}”. Hãy kiểm tra ổ đĩa còn chỗ trống và tệp không đang mở "
            "trong chương trình khác.",
            detail=repr(error),
        ) from error
    return target
