"""Files written so that a power cut leaves either the old file or the new one, never half; and the
data folder kept private: on POSIX the folder is 0700 and what chibo keeps in it 0600 (the book
holds members' names, birth dates and card numbers)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from chibo.errors import ChiboError, disk_full, is_disk_full

PRIVATE_DIR = 0o700
PRIVATE_FILE = 0o600
# What chibo keeps in a data folder; nothing else there is touched (the folder may be one the user
# also keeps other things in).
PRIVATE_FILES = ("chibo.sqlite", "chibo.sqlite-wal", "chibo.sqlite-shm", "chibo.lock", "giao-dien.ini", "chibo.log")
PRIVATE_FOLDERS = ("backups", "received", "quarantine", "keys", "logs", "issued")


def fsync_dir(folder: Path) -> None:
    if os.name == "nt":  # Windows cannot open a folder for fsync; NTFS journals the rename
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomically(target: Path, data: bytes, *, private: bool = False) -> None:
    """Write `<name>.partial`, fsync it, rename it over `target`, fsync the folder. With `private`
    the file is readable by its owner only. Raises OSError; no partial file is left."""
    partial = target.with_name(target.name + ".partial")
    try:
        fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, PRIVATE_FILE if private else 0o666)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(partial, target)
    except OSError:
        with contextlib.suppress(OSError):  # the folder itself is unusable: there is no partial file to remove
            partial.unlink(missing_ok=True)
        raise
    fsync_dir(target.parent)


def create_private(path: Path) -> None:
    """An empty file readable by its owner only, made before SQLite or a logger opens it (both
    would create it 0644; SQLite gives the WAL and SHM files the mode of the book)."""
    if not path.exists():
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))


def private_folder(folder: Path) -> Path:
    """`folder` (and its parents) made if missing, readable by its owner only."""
    folder.mkdir(parents=True, exist_ok=True, mode=PRIVATE_DIR)
    _chmod(folder, PRIVATE_DIR)
    return folder


def _chmod(path: Path, mode: int) -> None:
    if os.name == "nt":
        return
    try:
        if stat.S_IMODE(path.stat().st_mode) != mode:
            os.chmod(path, mode)
    except OSError:
        pass  # a read-only disk or a file owned by another user: reading may still work


def tighten(folder: Path) -> None:
    """Make an existing data folder private: the folder 0700, chibo's files 0600 and chibo's
    sub-folders (backups, received bundles, quarantine, keys, logs, issued papers) 0700 with
    everything in them 0600. A book made by an older chibo was world-readable."""
    if os.name == "nt":
        return
    _chmod(folder, PRIVATE_DIR)
    for name in PRIVATE_FILES:
        if (folder / name).is_file():
            _chmod(folder / name, PRIVATE_FILE)
    for name in PRIVATE_FOLDERS:
        top = folder / name
        if not top.is_dir() or top.is_symlink():
            continue
        _chmod(top, PRIVATE_DIR)
        for root, dirs, files in os.walk(top):
            for entry in dirs:
                _chmod(Path(root, entry), PRIVATE_DIR)
            for entry in files:
                _chmod(Path(root, entry), PRIVATE_FILE)


_READ_ONLY = (errno.EROFS, errno.EACCES, errno.EPERM)


def open_data_folder(folder: Path) -> Path:
    """The data folder, made if missing and private (its contents are tightened by the book's
    opener); a Vietnamese sentence when it is a file, on a read-only disk, not ours to write, or on
    a full disk."""
    if folder.exists() and not folder.is_dir():
        raise ChiboError(f"“{folder}” là một tệp, không phải thư mục dữ liệu. Hãy chọn một thư mục khác bằng "
                         "--data-dir (hoặc biến môi trường CHIBO_DATA_DIR).", detail=f"{folder} is not a directory")
    try:
        private_folder(folder)
        probe = folder / ".chibo-ghi-thu"
        os.close(os.open(probe, os.O_WRONLY | os.O_CREAT, PRIVATE_FILE))
        probe.unlink()
    except OSError as error:
        raise folder_error(folder, error) from error
    return folder


def folder_error(folder: Path, error: OSError) -> ChiboError:
    """The sentence for a data folder chibo cannot write to."""
    if is_disk_full(error):
        return disk_full(folder)
    if isinstance(error, FileExistsError) or error.errno == errno.ENOTDIR:
        return ChiboError(f"Không tạo được thư mục dữ liệu “{folder}”: trên đường dẫn có một tệp trùng tên. Hãy chọn "
                          "thư mục khác bằng --data-dir.", detail=repr(error))
    if error.errno in _READ_ONLY:
        return ChiboError(f"Không ghi được vào thư mục dữ liệu “{folder}” (ổ đĩa chỉ đọc hoặc không có quyền ghi). "
                          "Hãy chép thư mục sang ổ ghi được, hoặc chọn thư mục khác bằng --data-dir; dữ liệu chưa bị "
                          "thay đổi.", detail=repr(error))
    return ChiboError(f"Không dùng được thư mục dữ liệu “{folder}”. Hãy kiểm tra ổ đĩa, hoặc chọn thư mục khác bằng "
                      "--data-dir; dữ liệu chưa bị thay đổi.", detail=repr(error))


def existing_folder(folder: Path) -> Path:
    """A destination the user named (`--to`, a USB drive): it must already exist. Making it would
    write to the local disk when the stick is not plugged in."""
    folder = Path(folder).expanduser()
    if folder.exists() and not folder.is_dir():
        raise ChiboError(f"“{folder}” là một tệp, không phải thư mục. Hãy chọn một thư mục; chưa ghi gì.")
    if not folder.is_dir():
        raise ChiboError(f"Không thấy thư mục “{folder}” (USB chưa cắm, hoặc đường dẫn gõ sai). Hãy cắm USB hoặc "
                         "chọn một thư mục đã có; chưa ghi gì.")
    return folder.resolve()
