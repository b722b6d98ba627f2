"""What the packages rely on, checked without building them (installer/build.sh and smoke.sh do
that): the one version, the portable data folder, icons that match their SVGs, the desktop entry
and metainfo, the installer's Vietnamese sentences, lock files that cover every dependency, and
fsync on handles Windows can flush."""

from __future__ import annotations

import configparser
import os
import re
import shutil
import struct
import sys
import tomllib
import xml.etree.ElementTree as ElementTree
from pathlib import Path

import pytest

from chibo import paths

ROOT = Path(__file__).resolve().parent.parent
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def test_the_version_is_pyprojects():
    import chibo

    assert chibo.__version__ == PYPROJECT["project"]["version"]


# ---------------------------------------------------------------------------------- portable copy

@pytest.fixture
def program(tmp_path, monkeypatch):
    """A program folder like the portable zip's: chibo.exe beside app\\python.exe."""
    folder = tmp_path / "usb" / "chibo"
    (folder / "app").mkdir(parents=True)
    monkeypatch.delenv("CHIBO_DATA_DIR", raising=False)
    monkeypatch.setattr(sys, "executable", str(folder / "chibo.exe"))
    return folder


def test_without_the_marker_the_book_is_the_users(program):
    import platformdirs

    assert paths.portable_data_dir() is None
    assert paths.data_dir() == Path(platformdirs.user_data_dir("chibo", appauthor=False))


def test_the_marker_beside_chibo_exe_keeps_the_book_beside_it(program):
    (program / paths.PORTABLE_MARKER).write_text("bản mang theo", encoding="utf-8")
    assert paths.portable_data_dir() == program / "du-lieu"
    assert paths.data_dir() == program / "du-lieu"
    assert paths.log_dir(program / "du-lieu") == program / "du-lieu" / "logs"  # nothing left on the PC


def test_the_installed_python_one_folder_down_finds_it_too(program, monkeypatch):
    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", str(program / "app" / "python.exe"))
    assert paths.data_dir() == program / "du-lieu"


def test_a_chosen_folder_still_wins_over_the_portable_one(program, tmp_path, monkeypatch):
    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert paths.data_dir(tmp_path / "khac") == (tmp_path / "khac").resolve()
    monkeypatch.setenv("CHIBO_DATA_DIR", str(tmp_path / "bien"))
    assert paths.data_dir() == (tmp_path / "bien").resolve()


def test_a_folder_named_like_the_marker_is_no_marker(program):
    (program / paths.PORTABLE_MARKER).mkdir()
    assert paths.portable_data_dir() is None


def test_no_executable_means_no_guess_from_the_working_folder(program, monkeypatch):
    monkeypatch.chdir(program)
    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    monkeypatch.setattr(sys, "executable", "")
    assert paths.portable_data_dir() is None


def test_the_portable_copy_runs_a_command_on_its_own_book(program, monkeypatch, capsys):
    from chibo.cli.main import main

    (program / paths.PORTABLE_MARKER).write_text("", encoding="utf-8")
    assert main(["init", "--name", "Chi bộ bản Nậm Cáy", "--parent", "Đảng bộ xã Nậm Xe"]) == 0
    assert (program / "du-lieu" / "chibo.sqlite").is_file()
    assert (program / "du-lieu" / "logs" / "chibo.log").is_file()
    capsys.readouterr()


# ------------------------------------------------------------------------------------------ icons

def _icon_script():
    sys.path.insert(0, str(ROOT / "scripts"))
    try:
        import make_icons
    finally:
        sys.path.pop(0)
    return make_icons


def _pixels(image) -> bytes:
    from PySide6.QtGui import QImage

    image = image.convertToFormat(QImage.Format.Format_RGBA8888)
    return b"".join(bytes(image.constScanLine(y))[: image.width() * 4] for y in range(image.height()))


def _difference(a: bytes, b: bytes) -> tuple[float, int]:
    diffs = [abs(x - y) for x, y in zip(a, b, strict=True)]
    return sum(diffs) / len(diffs), max(diffs)


def test_the_shipped_pngs_are_the_svgs_drawn(qapp):
    from PySide6.QtGui import QImage

    make_icons = _icon_script()
    for size in make_icons.PNG_SIZES:
        shipped = QImage(str(make_icons.PACKAGE_ICONS / f"chibo-{size}.png"))
        assert (shipped.width(), shipped.height()) == (size, size)
        mean, worst = _difference(_pixels(shipped), _pixels(make_icons.render(size)))
        assert mean < 1.0 and worst < 64, f"chibo-{size}.png is stale: run scripts/make_icons.py"


def test_the_sidebar_icons_are_their_svgs_drawn(qapp):
    from PySide6.QtGui import QImage

    from chibo.ui.main_window import PAGES

    make_icons = _icon_script()
    assert sorted(p.stem for p in make_icons.PAGE_SOURCES.glob("*.svg")) == sorted(spec.icon for spec in PAGES)
    for spec in PAGES:
        for size in make_icons.PAGE_SIZES:
            shipped = QImage(str(make_icons.PAGE_ICONS / f"{spec.icon}-{size}.png"))
            assert (shipped.width(), shipped.height()) == (size, size)
            drawn = make_icons.render(size, make_icons.PAGE_SOURCES / f"{spec.icon}.svg")
            mean, worst = _difference(_pixels(shipped), _pixels(drawn))
            assert mean < 1.0 and worst < 64, f"{spec.icon}-{size}.png is stale: run scripts/make_icons.py"


def test_the_ico_holds_every_size_windows_asks_for(qapp):
    from PySide6.QtGui import QImage

    make_icons = _icon_script()
    data = make_icons.ICO.read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind, count) == (0, 1, len(make_icons.ICO_SIZES))
    for index, size in enumerate(make_icons.ICO_SIZES):
        width, height, _, _, planes, bits, length, offset = struct.unpack_from("<BBBBHHII", data, 6 + 16 * index)
        assert (width or 256, height or 256, planes, bits) == (size, size, 1, 32)
        blob = data[offset: offset + length]
        if blob.startswith(b"\x89PNG"):
            image = QImage.fromData(blob, "PNG")
        else:  # a 32-bit bitmap, rows bottom-up, BGRA: as QImage's ARGB32 in memory
            header_size, w, h2 = struct.unpack_from("<Iii", blob)
            assert (header_size, w, h2) == (40, size, 2 * size)
            rows = [blob[40 + row * size * 4: 40 + (row + 1) * size * 4] for row in range(size)]
            image = QImage(b"".join(reversed(rows)), size, size, QImage.Format.Format_ARGB32).copy()
        mean, worst = _difference(_pixels(image), _pixels(make_icons.render(size)))
        assert mean < 1.0 and worst < 64, f"chibo.ico's {size} px is stale: run scripts/make_icons.py"


def test_the_installer_panel_is_a_bitmap_nsis_reads(qapp):
    from PySide6.QtGui import QImage

    make_icons = _icon_script()
    data = make_icons.WIZARD.read_bytes()
    width, height, planes, bits = struct.unpack_from("<iiHH", data, 18)
    assert data[:2] == b"BM" and (width, abs(height), planes, bits) == (*make_icons.WIZARD_SIZE, 1, 24)
    mean, worst = _difference(_pixels(make_icons.wizard_panel()), _pixels(QImage(str(make_icons.WIZARD))))
    assert mean < 1.0 and worst < 64, "wizard.bmp is stale: run scripts/make_icons.py"


def test_the_window_icon_has_every_size(qapp):
    from chibo.ui.app import ICON_SIZES, app_icon

    icon = app_icon()
    assert sorted(s.width() for s in icon.availableSizes()) == sorted(ICON_SIZES)
    for size in ICON_SIZES:
        assert not icon.pixmap(size, size).isNull()


# ------------------------------------------------------------------------- desktop entry, metainfo

def test_the_desktop_entry_starts_chibo_with_its_icon():
    from chibo.ui.app import DESKTOP_ID

    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str
    entry.read(ROOT / "resources" / "linux" / f"{DESKTOP_ID}.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert (section["Type"], section["Exec"], section["Icon"], section["Terminal"]) == \
        ("Application", "chibo", DESKTOP_ID, "false")
    assert section["GenericName"] == "Sổ sách chi bộ"
    assert "Office;" in section["Categories"]


def test_the_metainfo_names_the_same_application():
    from chibo.ui.app import DESKTOP_ID

    tree = ElementTree.parse(ROOT / "resources" / "linux" / f"{DESKTOP_ID}.metainfo.xml").getroot()
    assert tree.findtext("id") == DESKTOP_ID
    assert tree.find("launchable").text == f"{DESKTOP_ID}.desktop"
    assert tree.find("provides/binary").text == "chibo"
    assert tree.findtext("project_license") == PYPROJECT["project"]["license"]
    assert tree.find("releases/release").get("version") == "@VERSION@"  # filled in from pyproject.toml


# ------------------------------------------------------------------------------ Windows installer

def test_every_sentence_the_installer_shows_is_in_vietnamese():
    script = (ROOT / "installer" / "windows" / "chibo.nsi").read_text(encoding="utf-8")
    texts = (ROOT / "resources" / "installer" / "chibo-vi.nsh").read_text(encoding="utf-8")
    used = set(re.findall(r"\$\((\w+)\)", script))
    defined = dict(re.findall(r'^LangString (\w+) \$\{LANG_VIETNAMESE\} "(.*)"$', texts, re.M))
    assert used and used <= set(defined), f"not defined: {used - set(defined)}"
    assert "KHÔNG bị xóa" in defined["DATA_KEPT"] and r"$LOCALAPPDATA\chibo" in defined["DATA_KEPT"]
    assert "64-bit" in defined["REFUSE_32BIT"] and "1809" in defined["REFUSE_OLD_WINDOWS"]


def test_the_installer_keeps_away_from_the_data_folder():
    script = (ROOT / "installer" / "windows" / "chibo.nsi").read_text(encoding="utf-8")
    assert 'InstallDir "$LOCALAPPDATA\\Programs\\chibo"' in script
    assert "RequestExecutionLevel user" in script
    removed = re.findall(r"^\s*(?:RMDir|Delete)\b.*$", script, re.M)
    assert removed and not any(r"$LOCALAPPDATA\chibo" in line for line in removed)
    assert all("HKLM" not in line for line in script.splitlines() if "WriteReg" in line)


# ------------------------------------------------------------------------------------ lock files

@pytest.mark.parametrize("target", ["windows", "debian"])
def test_each_lock_holds_every_dependency_at_an_allowed_version(target):
    from packaging.requirements import Requirement

    lock = (ROOT / "installer" / target / "requirements.txt").read_text(encoding="utf-8")
    locked = {}
    for line in lock.splitlines():
        match = re.match(r"^(\S+)==(\S+) --hash=sha256:[0-9a-f]{64}  # (\S+\.whl)$", line)
        if match:
            locked[match.group(1).replace("_", "-").lower()] = match.group(2)
    assert len(locked) == len([line for line in lock.splitlines() if line and not line.startswith("#")])
    pins = (ROOT / "installer" / "pins.txt").read_text(encoding="utf-8").splitlines()
    for text in PYPROJECT["project"]["dependencies"] + [p for p in pins if p and not p.startswith("#")]:
        requirement = Requirement(text.split("#")[0])
        name = requirement.name.replace("_", "-").lower()
        assert name in locked, f"{name} is not in installer/{target}/requirements.txt: run installer/lock.py"
        assert requirement.specifier.contains(locked[name]), f"{name} {locked[name]} does not satisfy {text}"


# ---------------------------------------------------------------------------------------- fsync

@pytest.mark.skipif(os.name == "nt", reason="Windows itself refuses there")
def test_backups_flush_through_a_handle_windows_can_flush(tmp_path, monkeypatch):
    """Windows' FlushFileBuffers refuses a read-only handle (EACCES): fsync as it would."""
    import fcntl

    from chibo.store.backup import copy_database
    from chibo.store.book import Book
    from chibo.store.schema import SCHEMA_HEAD

    real_fsync = os.fsync

    def windows_fsync(fd):  # folders are fsynced on Linux only (chibo.store.files.fsync_dir)
        readonly = fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_ACCMODE == os.O_RDONLY
        if readonly and not os.path.isdir(f"/proc/self/fd/{fd}"):
            raise PermissionError(13, "Permission denied")
        return real_fsync(fd)

    book_dir = tmp_path / "so"
    with Book.open(book_dir):
        pass
    monkeypatch.setattr(os, "fsync", windows_fsync)
    copy = copy_database(book_dir / "chibo.sqlite", tmp_path / "sao-luu" / "ban.sqlite")
    assert copy.is_file() and not list((tmp_path / "sao-luu").glob("*.partial"))
    old = tmp_path / "cu"
    old.mkdir()
    (old / "chibo.sqlite").write_bytes((ROOT / "tests" / "data" / "book-0001.sqlite").read_bytes())
    with Book.open(old):  # the pre-upgrade copy and the day's first backup go through the same fsync
        pass
    made = sorted(p.name.split("-2")[0] for p in (old / "backups").iterdir())
    assert made == ["truoc-nang-cap-0001", "tu-dong"]
    import sqlite3

    with sqlite3.connect(old / "chibo.sqlite") as db:
        assert db.execute("SELECT version_num FROM alembic_version").fetchone() == (SCHEMA_HEAD,)


def test_redirected_output_on_windows_is_utf8(monkeypatch):
    """`chibo-console members list > ds.txt` on a Vietnamese Windows: cp1258 has no “ả”, so without
    this the command stopped half-way with a UnicodeEncodeError."""
    import io

    from chibo.cli.output import utf8_when_redirected

    raw = io.BytesIO()
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(sys, "stdout", io.TextIOWrapper(raw, encoding="cp1258"))
    monkeypatch.setattr(sys, "stderr", None)  # chibo.exe has no console at all
    with pytest.raises(UnicodeEncodeError):
        print("Đã tạo chi bộ mẫu: 35 đảng viên", flush=True)
    utf8_when_redirected()
    print("Đã tạo chi bộ mẫu: 35 đảng viên", flush=True)
    assert raw.getvalue().decode("utf-8").endswith("Đã tạo chi bộ mẫu: 35 đảng viên\n")


# -------------------------------------------------------------- chibo.exe: a window, no console

# What chibo.exe (the launcher every shortcut starts) runs: Python with no stdout and no stderr at
# all, as a Windows program without a console has them.
_WITHOUT_STREAMS = "import sys; sys.stdout = sys.stderr = None; from chibo.cli.main import main; sys.exit(main())"


def test_without_a_console_a_refused_command_still_ends_with_its_code(tmp_path, monkeypatch):
    """A command chibo refuses (an empty folder has no book) says so on a stream chibo.exe lacks:
    the message is skipped, the exit code stays 1 (it used to end in an AttributeError)."""
    from chibo.cli.main import main

    monkeypatch.setattr(sys, "stdout", None)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--data-dir", str(tmp_path / "trong"), "members", "list"]) == 1
    assert sys.stdout is None and sys.stderr is None  # given back as they were


def test_the_window_without_a_console_shows_the_book_and_exits(demo_template, tmp_path):
    """`chibo.exe --smoke`: the window painted, the book shown, exit 0 (before, every print of the
    start-up raised inside Qt's slots and the window never closed)."""
    import subprocess

    folder = tmp_path / "book"
    folder.mkdir()
    shutil.copy(demo_template, folder / "chibo.sqlite")
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    result = subprocess.run([sys.executable, "-c", _WITHOUT_STREAMS, "--data-dir", str(folder), "--smoke"],
                            env=env, capture_output=True, text=True, timeout=90)
    assert result.returncode == 0, result.stderr
    assert "chibo:" not in result.stdout + result.stderr  # nothing reached a stream it does not have
