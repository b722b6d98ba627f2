"""Draws chibo's icon files from the SVGs in resources/icons (run after changing any of them):

    .venv/bin/python scripts/make_icons.py

- `src/chibo/resources/icons/chibo-<N>.png` (package data: the window's icon, Linux's hicolor theme);
- `resources/icons/chibo.ico` (the Windows launcher, the installer and its shortcuts);
- `resources/installer/wizard.bmp` (the side panel of the installer's first and last pages);
- `src/chibo/resources/icons/pages/<page>-<N>.png` from `resources/icons/pages/<page>.svg`: the
  sidebar's icons, at 28 px and the sizes 125 %, 150 % and 200 % scaling ask for (PNG, so the
  window needs no SVG plugin loaded before its first paint).

16, 20 and 24 pixels come from `chibo-small.svg` (drawn to be read that small), every larger size
from `chibo.svg`. 20 and 40 pixels are what Windows asks for at 125 % scaling, common on the
communes' 1366×768 screens. Rendered with Qt's own SVG renderer (PySide6 is already chibo's), so
no other tool is needed; the outputs are committed and the app never runs this script.
"""

from __future__ import annotations

import os
import struct
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SOURCES = ROOT / "resources" / "icons"
PACKAGE_ICONS = ROOT / "src" / "chibo" / "resources" / "icons"
ICO = SOURCES / "chibo.ico"
WIZARD = ROOT / "resources" / "installer" / "wizard.bmp"
WIZARD_SIZE = (164, 314)  # what NSIS's Modern UI shows beside its welcome and finish pages

PNG_SIZES = (16, 24, 32, 48, 64, 128, 256)
PAGE_SOURCES = SOURCES / "pages"
PAGE_ICONS = PACKAGE_ICONS / "pages"
PAGE_SIZES = (28, 35, 42, 56)  # the sidebar's 28 px at 100, 125, 150 and 200 %
ICO_SIZES = (16, 20, 24, 32, 40, 48, 64, 256)
SMALL_UP_TO = 24  # sizes at or below this are drawn from chibo-small.svg
ICO_PNG_FROM = 64  # ICO entries this big are stored as PNG (smaller ones as bitmaps: every reader takes them)


def source_for(size: int) -> Path:
    return SOURCES / ("chibo-small.svg" if size <= SMALL_UP_TO else "chibo.svg")


def render(size: int, source: Path | None = None):
    """The icon (chibo's, or the SVG `source`) at `size`×`size` pixels as a QImage (ARGB32, not
    premultiplied)."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    source = source or source_for(size)
    renderer = QSvgRenderer(str(source))
    if not renderer.isValid():
        raise SystemExit(f"{source}: not an SVG Qt can draw")
    image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
    renderer.render(painter)
    painter.end()
    return image.convertToFormat(QImage.Format.Format_ARGB32)


def png_bytes(image) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice

    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


def bitmap_entry(image) -> bytes:
    """An ICO bitmap: BITMAPINFOHEADER, 32-bit BGRA rows bottom-up, then an all-clear AND mask
    (the alpha channel carries the shape)."""
    size = image.width()
    rows = [bytes(image.constScanLine(y))[: size * 4] for y in range(size)]  # ARGB32 is BGRA in memory
    mask_row = b"\0" * (((size + 31) // 32) * 4)
    header = struct.pack("<IiiHHIIiiII", 40, size, size * 2, 1, 32, 0, 0, 0, 0, 0, 0)
    return header + b"".join(reversed(rows)) + mask_row * size


def ico_bytes(images: dict[int, object]) -> bytes:
    entries = [(size, png_bytes(img) if size >= ICO_PNG_FROM else bitmap_entry(img)) for size, img in images.items()]
    offset = 6 + 16 * len(entries)
    directory, blobs = b"", b""
    for size, blob in entries:
        side = 0 if size >= 256 else size  # 0 means 256 in an ICO directory
        directory += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(blob), offset)
        offset += len(blob)
        blobs += blob
    return struct.pack("<HHH", 0, 1, len(entries)) + directory + blobs


def wizard_panel():
    """The icon on the red of the icon's own background, as a 24-bit bitmap (what NSIS reads)."""
    from PySide6.QtCore import QPointF, QRectF
    from PySide6.QtGui import QColor, QImage, QLinearGradient, QPainter

    width, height = WIZARD_SIZE
    image = QImage(width, height, QImage.Format.Format_RGB888)
    painter = QPainter(image)
    gradient = QLinearGradient(QPointF(0, 0), QPointF(0, height))
    gradient.setColorAt(0, QColor("#e0302a"))
    gradient.setColorAt(1, QColor("#b3161b"))
    painter.fillRect(QRectF(0, 0, width, height), gradient)
    painter.drawImage(QPointF((width - 128) / 2, 56), render(128))
    painter.end()
    return image


def main() -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841 (the renderer needs one)
    PACKAGE_ICONS.mkdir(parents=True, exist_ok=True)
    for size in PNG_SIZES:
        path = PACKAGE_ICONS / f"chibo-{size}.png"
        path.write_bytes(png_bytes(render(size)))
        print(f"{path.relative_to(ROOT)}  {path.stat().st_size} bytes")
    ICO.write_bytes(ico_bytes({size: render(size) for size in ICO_SIZES}))
    print(f"{ICO.relative_to(ROOT)}  {ICO.stat().st_size} bytes, sizes {', '.join(map(str, ICO_SIZES))}")
    wizard_panel().save(str(WIZARD), "BMP")
    print(f"{WIZARD.relative_to(ROOT)}  {WIZARD.stat().st_size} bytes")
    PAGE_ICONS.mkdir(parents=True, exist_ok=True)
    for source in sorted(PAGE_SOURCES.glob("*.svg")):
        for size in PAGE_SIZES:
            (PAGE_ICONS / f"{source.stem}-{size}.png").write_bytes(png_bytes(render(size, source)))
        print(f"{PAGE_ICONS.relative_to(ROOT)}/{source.stem}-{{{','.join(map(str, PAGE_SIZES))}}}.png")
    return 0


if __name__ == "__main__":
    sys.exit(main())
