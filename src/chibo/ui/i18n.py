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

from pathlib import Path

from PySide6.QtCore import (
    QT_TR_NOOP,
    QCoreApplication,
    QLibraryInfo,
    QLocale,
    QSettings,
    QTranslator,
)

__all__ = ["LANGUAGES", "QT_TR_NOOP", "install_translations", "read_language", "tr", "write_language"]

LOCALE_DIR = Path(__file__).with_name("locale")
LANGUAGES = {"vi": "Tiếng Việt", "en": "English"}  # each in its own language, so either can find it
DEFAULT_LANGUAGE = "vi"
SETTINGS_FILE = "giao-dien.ini"
_LANGUAGE_KEY = "language"


def tr(text: str, disambiguation: str | None = None) -> str:
    """The text in the interface's language (English when no translator is installed)."""
    return QCoreApplication.translate("", text, disambiguation)


def read_language(folder: Path) -> str:
    """The language chosen for this data folder; Vietnamese when none was, or the file is unreadable."""
    path = Path(folder) / SETTINGS_FILE
    if not path.is_file():
        return DEFAULT_LANGUAGE
    value = QSettings(str(path), QSettings.IniFormat).value(_LANGUAGE_KEY, DEFAULT_LANGUAGE)
    return value if value in LANGUAGES else DEFAULT_LANGUAGE


def write_language(folder: Path, language: str) -> None:
    if language not in LANGUAGES:
        raise ValueError(f"unknown language {language!r}")
    settings = QSettings(str(Path(folder) / SETTINGS_FILE), QSettings.IniFormat)
    settings.setValue(_LANGUAGE_KEY, language)
    settings.sync()
    if settings.status() != QSettings.NoError:
        raise OSError(f"could not write {settings.fileName()}")


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
