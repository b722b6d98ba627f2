"""The part of Qt that chibo loads, and nothing else (PySide6-Essentials unpacks to about 200 MB on
Windows and 270 MB on Linux; chibo uses five of its modules).

What stays: the Python modules chibo imports, the plugins it needs on each system, and every Qt
library those load, found by reading their import tables (binaries.closure), never by a list of
names that a new Qt could make wrong. What goes: QML and Quick, Designer, the tools, type stubs,
headers, Qt's translations (none is Vietnamese: chibo ships its own qtbase_vi), the software
OpenGL renderer, WebEngine's ICU data."""

from __future__ import annotations

import shutil
from pathlib import Path

from binaries import closure, is_binary

MODULES = ("QtCore", "QtGui", "QtWidgets", "QtNetwork", "QtPrintSupport")  # QtNetwork: the single-instance socket

PLUGINS = {
    "windows": (
        "platforms/qwindows.dll",
        "platforms/qoffscreen.dll",  # `chibo --smoke` on a machine without a screen, and CI
        "styles/qmodernwindowsstyle.dll",  # the Windows 10/11 look; without it Qt falls back to Fusion
    ),
    "debian": (
        "platforms/libqxcb.so",
        "platforms/libqoffscreen.so",
        "xcbglintegrations/libqxcb-glx-integration.so",
        "xcbglintegrations/libqxcb-egl-integration.so",
        "platforminputcontexts/libcomposeplatforminputcontextplugin.so",
        "platforminputcontexts/libibusplatforminputcontextplugin.so",  # Vietnamese typing (ibus-unikey, ibus-bamboo)
        "platformthemes/libqxdgdesktopportal.so",  # the desktop's own file dialogs
        "printsupport/libcupsprintersupport.so",  # the list of printers
    ),
}

DROPPED_FOLDERS = ("qml", "translations", "resources", "metatypes", "typesystems", "include", "glue", "doc",
                   "scripts", "Qt/qml", "Qt/translations", "Qt/metatypes", "Qt/libexec", "Qt/resources")
DROPPED_SUFFIXES = (".pyi", ".exe", ".lib")


def _plugins_folder(pyside: Path) -> Path:
    return pyside / "plugins" if (pyside / "plugins").is_dir() else pyside / "Qt" / "plugins"


def _module_file(pyside: Path, module: str, system: str) -> Path:
    return pyside / (f"{module}.pyd" if system == "windows" else f"{module}.abi3.so")


def trim(site: Path, system: str) -> dict[str, int]:
    """Removes from the unpacked PySide6 in `site` what chibo never loads; returns the bytes removed
    by kind (for the size report)."""
    pyside = site / "PySide6"
    removed: dict[str, int] = {}

    def drop(path: Path, kind: str) -> None:
        size = sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) if path.is_dir() else path.stat().st_size
        removed[kind] = removed.get(kind, 0) + size
        shutil.rmtree(path) if path.is_dir() else path.unlink()

    for folder in DROPPED_FOLDERS:
        if (pyside / folder).is_dir():
            drop(pyside / folder, f"PySide6/{folder}")
    for path in list(pyside.rglob("*")):
        if path.is_file() and path.suffix in DROPPED_SUFFIXES:
            drop(path, "tools, type stubs, import libraries")
    for path in list(pyside.iterdir()):  # Linux's tools have no suffix: lupdate, designer, qmlls, …
        if path.is_file() and not path.suffix and path.open("rb").read(4) == b"\x7fELF":
            drop(path, "tools, type stubs, import libraries")

    wanted_modules = {_module_file(pyside, module, system) for module in MODULES}
    missing = [p for p in wanted_modules if not p.is_file()]
    if missing:
        raise SystemExit(f"PySide6 lacks {', '.join(p.name for p in missing)}")
    for path in list(pyside.glob("Qt*.pyd")) + list(pyside.glob("Qt*.abi3.so")):
        if path not in wanted_modules:
            drop(path, "Python modules chibo does not import")

    plugins = _plugins_folder(pyside)
    wanted_plugins = {plugins / name for name in PLUGINS[system]}
    missing = [p for p in wanted_plugins if not p.is_file()]
    if missing:
        raise SystemExit(f"PySide6 lacks the plugins {', '.join(str(p.relative_to(plugins)) for p in missing)}")
    for path in list(plugins.rglob("*")):
        if path.is_file() and path not in wanted_plugins:
            drop(path, "Qt plugins chibo does not load")
    for folder in sorted((p for p in plugins.rglob("*") if p.is_dir()), reverse=True):
        if not any(folder.iterdir()):
            folder.rmdir()

    libraries = [p for p in pyside.rglob("*") if is_binary(p)] + [p for p in (site / "shiboken6").rglob("*")
                                                                  if is_binary(p)]
    by_name = {(p.name.lower() if system == "windows" else p.name): p for p in libraries}
    keep = closure(sorted(wanted_modules | wanted_plugins), by_name)
    for path in libraries:
        if path not in keep and path.parent.name != "shiboken6":
            drop(path, "Qt libraries nothing loads (Quick, QML, Designer, OpenGL, …)")
    return removed
