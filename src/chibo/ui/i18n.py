"""The interface's language (CONVENTIONS.md: English source strings, Qt `.ts` compiled to `.qm`).

Every string the interface shows is written in English in the code and wrapped in `tr` (or marked
with `QT_TR_NOOP` where it is defined before a translator can be installed, and passed to `tr`
where it is shown). `locale/chibo_vi.ts` holds the Vietnamese; `scripts/translations.py` updates
it with `pyside6-lupdate` and compiles it to the `chibo_vi.qm` shipped in the package.
`locale/qtbase_vi.ts` is Vietnamese for Qt's own dialogs (Yes/No, file and print dialogs), which
Qt does not translate into Vietnamese.

Vietnamese is the default whatever the system's locale; the choice is kept per data folder in a
small settings file that is read before the first window is built (the book opens later, on a
worker), so it applies at the next start.

All strings share one context, the empty one: `lupdate` files a bare `tr("…")` there, inside a
class or not. (`self.tr` would take the context from the object's runtime class, which misses in
subclasses.)"""

from __future__ import annotations

import configparser
import os
from pathlib import Path

from PySide6.QtCore import QT_TR_NOOP, QCoreApplication, QLibraryInfo, QLocale, QTranslator

__all__ = ["LANGUAGES", "QT_TR_NOOP", "install_translations", "read_language", "remove_translations", "tr",
           "write_language"]

LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, so either can find it
DEFAULT_LANGUAGE = "vi"
SETTINGS_FILE = "giao-dien.ini"
_SECTION, _LANGUAGE_KEY = "giao_dien", "language"


def tr(text: str, disambiguation: str | None = None) -> str:
    """The text in the interface's language (English when no translator is installed)."""
    return QCoreApplication.translate("", text, disambiguation)


def read_language(folder: Path) -> str:
    """The language chosen for this data folder; Vietnamese when none was, or the file is unreadable."""
    parser = configparser.ConfigParser()
    try:
        parser.read(Path(folder) / SETTINGS_FILE, encoding="utf-8")
    except (configparser.Error, UnicodeDecodeError, OSError):
        return DEFAULT_LANGUAGE
    value = parser.get(_SECTION, _LANGUAGE_KEY, fallback=DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def write_language(folder: Path, language: str) -> None:
    """Written whole to a temporary file, then renamed over the old one: a power cut leaves the
    old choice or the new one, never half a file."""
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    path = Path(folder) / SETTINGS_FILE
    parser = configparser.ConfigParser()
    parser[_SECTION] = {_LANGUAGE_KEY: language}
    temporary = path.with_name(path.name + ".tmp")
    with open(temporary, "w", encoding="utf-8") as file:
        parser.write(file)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)


def install_translations(app, language: str = DEFAULT_LANGUAGE) -> list[QTranslator]:
    """Install chibo's and Qt's own translations (Yes/No, file pickers) for `language`; before the
    first widget is built. English needs none: it is the source language."""
    if language != "vi":
        QLocale.setDefault(QLocale(QLocale.English, QLocale.UnitedKingdom))
        return []
    QLocale.setDefault(QLocale(QLocale.Vietnamese, QLocale.Vietnam))
    installed = []
    # Qt ships no Vietnamese for its dialogs; chibo's own qtbase_vi is used unless a Qt build has one.
    for name, folders in (("qtbase_vi", (QLibraryInfo.path(QLibraryInfo.TranslationsPath), str(LOCALE_DIR))),
                          ("chibo_vi", (str(LOCALE_DIR),))):
        translator = QTranslator(app)
        if any(translator.load(name, folder) for folder in folders):
            app.installTranslator(translator)
            installed.append(translator)
    return installed


def remove_translations(app, translators: list[QTranslator]) -> None:
    for translator in translators:
        app.removeTranslator(translator)
