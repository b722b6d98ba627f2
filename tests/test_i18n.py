"""The interface's language: every English string of the UI has its Vietnamese, placeholders and
shortcuts survive translation (TagStudio's test_translations), the shipped .qm is the .ts
compiled, the domain's words read as on the printed papers, and the language can be chosen."""

from __future__ import annotations

import ast
import functools
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

import chibo.vocabulary as vocabulary
from chibo.services import settings as cell_settings

UI = Path(__file__).resolve().parents[1] / "src" / "chibo" / "ui"
TS = UI / "locale" / "chibo_vi.ts"
QM = UI / "locale" / "chibo_vi.qm"
VIETNAMESE = re.compile(r"[À-ỹĐđ]")
PLACEHOLDER = re.compile(r"\{[a-z_]*\}|%[vmn0-9]")
TAG = re.compile(r"</?[a-z]+[^>]*>")
# Vietnamese that is not interface text: stored values, each language's own name, console output.
NOT_INTERFACE = {"Nữ", "Tiếng Việt", "chibo: sổ chưa được khởi tạo; hãy chạy “chibo demo” trước khi đo"}


def _messages() -> dict[str, ET.Element]:
    return {m.findtext("source"): m.find("translation") for m in ET.parse(TS).getroot().iter("message")}


@functools.cache
def _ui_trees() -> tuple[tuple[Path, ast.Module], ...]:
    """Every module of the UI parsed once for the tests that read its strings."""
    return tuple((path, ast.parse(path.read_text(encoding="utf-8"))) for path in sorted(UI.rglob("*.py")))


def _ui_literals():
    """(file, line, text, wrapped) for every string literal of the UI's code, docstrings aside."""
    for path, tree in _ui_trees():
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        for node in ast.walk(tree):
            if not (isinstance(node, ast.Constant) and isinstance(node.value, str)):
                continue
            parent = parents.get(node)
            if isinstance(parent, (ast.Expr, ast.JoinedStr)):  # docstrings; f-strings are checked apart
                continue
            wrapped = (isinstance(parent, ast.Call) and isinstance(parent.func, ast.Name)
                       and parent.func.id in ("tr", "QT_TR_NOOP") and parent.args and parent.args[0] is node)
            yield str(path.relative_to(UI)), node.lineno, node.value, wrapped


def test_every_interface_string_has_its_vietnamese():
    messages = _messages()
    wrapped = [(f, n, text) for f, n, text, w in _ui_literals() if w]
    assert len(wrapped) > 500
    missing = [(f, n, text) for f, n, text in wrapped if text not in messages]
    assert missing == []
    unfinished = [source for source, translation in messages.items()
                  if translation.get("type") == "unfinished" or not (translation.text or "").strip()]
    assert unfinished == []


def test_no_vietnamese_left_outside_tr():
    """The source strings are English: Vietnamese in the UI's code is a string someone forgot to wrap."""
    left = [(f, n, text) for f, n, text, w in _ui_literals()
            if not w and VIETNAMESE.search(text) and text not in NOT_INTERFACE]
    assert left == []
    for path, tree in _ui_trees():  # f-strings are not literals: none may hold Vietnamese either
        for node in ast.walk(tree):
            if isinstance(node, ast.JoinedStr):
                parts = "".join(v.value for v in node.values if isinstance(v, ast.Constant))
                assert not VIETNAMESE.search(parts) or "chibo:" in parts, (str(path.relative_to(UI)), node.lineno, parts)


def test_placeholders_shortcuts_and_markup_survive_translation():
    for source, translation in _messages().items():
        text = translation.text or ""
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), source
        assert TAG.findall(source) == TAG.findall(text), source
        assert source.count("&") - 2 * source.count("&&") == text.count("&") - 2 * text.count("&&"), source
        assert source.endswith("…") == text.endswith("…"), source
        assert source.endswith(":") == text.endswith(":"), source
        if "Ctrl+" in source:
            assert re.findall(r"Ctrl\+\w", source) == re.findall(r"Ctrl\+\w", text), source


def _mnemonic_groups(book):
    """(dialog, texts) for each set of widgets whose Alt+letters are live together: a dialog, or
    one page of its tabs. Labels (with a buddy) and buttons both take Alt+letter."""
    from PySide6.QtWidgets import QAbstractButton, QLabel, QStackedWidget

    from chibo.ui.dialogs.issued_papers import OutgoingRegisterDialog
    from chibo.ui.editors.document import DocumentEditor
    from chibo.ui.editors.member import MemberEditor
    from chibo.ui.editors.outreach import OutreachEditor
    from chibo.ui.editors.plan import PlanEditor, load_plan_form
    from chibo.ui.editors.session import SessionEditor, load_session_form
    from chibo.ui.pages.settings import SettingsPage

    with book.session() as db:
        session_draft, plan_draft = load_session_form(db, None), load_plan_form(db, None)
    for widget in (MemberEditor(book), DocumentEditor(book), OutreachEditor(book, []),
                   SessionEditor(book, session_draft), PlanEditor(book, plan_draft), SettingsPage(book),
                   OutgoingRegisterDialog(None, book, [])):
        groups: dict = {}
        for child in widget.findChildren(QLabel) + widget.findChildren(QAbstractButton):
            if "&" not in child.text().replace("&&", "") or child.text().startswith("<"):
                continue
            page, parent = None, child
            while parent is not None and parent is not widget:
                if isinstance(parent.parentWidget(), QStackedWidget):
                    page = parent
                parent = parent.parentWidget()
            groups.setdefault(id(page), []).append(child.text())
        outside = groups.pop(id(None), [])  # live whichever tab is shown
        for texts in groups.values() or [[]]:
            yield type(widget).__name__, texts + outside
        widget.deleteLater()


def _clashes(texts: list[str]) -> list[str]:
    letters = [text.replace("&&", "").split("&")[1][0].lower() for text in texts]
    return sorted({letter for letter in letters if letters.count(letter) > 1})


def test_shortcut_letters_are_unique_within_a_dialog(qapp, book):
    """Two labels or buttons with the same &-letter make Alt+letter reach the first only."""
    from chibo.ui.i18n import install_translations, remove_translations

    clashes = [(name, _clashes(texts), texts) for name, texts in _mnemonic_groups(book) if _clashes(texts)]
    assert clashes == []
    remove_translations(qapp, qapp.chibo_translators)
    try:
        clashes = [(name, _clashes(texts), texts) for name, texts in _mnemonic_groups(book) if _clashes(texts)]
        assert clashes == []
    finally:
        qapp.chibo_translators = install_translations(qapp, "vi")


def test_the_shipped_qm_is_the_ts_compiled(tmp_path):
    result = subprocess.run([sys.executable, str(UI.parents[2] / "scripts" / "translations.py"), "--check"],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    lrelease = Path(sys.executable).with_name("pyside6-lrelease")
    subprocess.run([str(lrelease), "-removeidentical", str(TS), "-qm", str(tmp_path / "x.qm")], check=True,
                   capture_output=True)
    assert (tmp_path / "x.qm").read_bytes() == QM.read_bytes()


@pytest.mark.parametrize("name", ["MEMBER_STATUS", "LEFT_REASON", "CELL_POSITION", "DOCUMENT_KIND", "ISSUING_LEVEL",
                                  "SESSION_KIND", "SESSION_FORM", "ATTENDANCE_STATE", "ITEM_STATUS", "OUTREACH_KIND",
                                  "REVIEW_STATUS", "TIMELINESS"])
def test_the_domain_words_read_as_on_the_papers(qapp, name):
    from chibo.ui import words

    table, printed = getattr(words, name), getattr(vocabulary, f"{name}_LABELS")
    assert set(table) == set(printed)
    for value in printed:
        assert words.label(value, table) == printed[value]
    assert words.label("gia_tri_la", table) == "gia_tri_la"


def test_the_quorum_rules_read_as_the_services_name_them(qapp):
    from chibo.ui import words

    assert words.labels(words.QUORUM_RULE) == cell_settings.QUORUM_RULE_LABELS


def test_session_titles_match_the_papers(qapp):
    from datetime import date
    from types import SimpleNamespace

    from chibo.services.sessions import default_title
    from chibo.ui.words import session_title
    from chibo.vocabulary import SessionKind

    for kind in SessionKind:
        session = SimpleNamespace(title="", kind=kind, held_on=date(2026, 11, 5))
        assert session_title(session) == default_title(session)
    assert session_title(SimpleNamespace(title="Hội nghị riêng", kind=SessionKind.TOPIC,
                                         held_on=date(2026, 11, 5))) == "Hội nghị riêng"


def test_language_is_vietnamese_unless_english_was_chosen(tmp_path):
    from chibo.ui.i18n import SETTINGS_FILE, read_language, write_language

    assert read_language(tmp_path) == "vi"
    write_language(tmp_path, "en")
    assert read_language(tmp_path) == "en"
    assert (tmp_path / SETTINGS_FILE).read_text() == "[giao_dien]\nlanguage = en\n\n"
    assert not (tmp_path / (SETTINGS_FILE + ".tmp")).exists()
    (tmp_path / SETTINGS_FILE).write_text("[giao_dien]\nlanguage = fr\n")
    assert read_language(tmp_path) == "vi"
    (tmp_path / SETTINGS_FILE).write_bytes(b"\xff\xfe\x00garbage")
    assert read_language(tmp_path) == "vi"
    (tmp_path / SETTINGS_FILE).write_text("language=en\n")  # no section: not chibo's file
    assert read_language(tmp_path) == "vi"
    with pytest.raises(ValueError):
        write_language(tmp_path, "fr")


def test_english_is_the_source_and_vietnamese_the_default(qapp, qtbot, book):
    from chibo.ui.i18n import install_translations, remove_translations, tr
    from chibo.ui.main_window import MainWindow

    assert tr("Overview") == "Tổng quan"
    assert len(qapp.chibo_translators) == 2  # Qt's own qtbase_vi and chibo's
    remove_translations(qapp, qapp.chibo_translators)
    try:
        assert install_translations(qapp, "en") == []
        window = MainWindow(book)
        qtbot.addWidget(window)
        titles = [window.navigation.item(i).text() for i in range(window.navigation.count())]
        assert titles == ["Overview", "Members", "Documents", "Sessions", "Action plans", "Outreach",
                          "Data exchange", "Settings"]
        assert window.register.add_button.text() == "Add member (Ctrl+N)"
    finally:
        qapp.chibo_translators = install_translations(qapp, "vi")
    window = MainWindow(book)
    qtbot.addWidget(window)
    assert window.navigation.item(0).text() == "Tổng quan"
    assert window.register.add_button.text() == "Thêm đảng viên (Ctrl+N)"


def test_qt_own_buttons_and_menus_are_vietnamese(qapp):
    """Qt has no Vietnamese of its own: chibo's qtbase_vi covers the buttons of its message boxes."""
    from PySide6.QtWidgets import QDialogButtonBox

    box = QDialogButtonBox(QDialogButtonBox.Yes | QDialogButtonBox.No | QDialogButtonBox.Cancel
                           | QDialogButtonBox.Discard | QDialogButtonBox.Close)
    assert sorted(b.text() for b in box.buttons()) == sorted(["&Có", "&Không", "Hủy", "Không lưu", "Đóng"])
    from PySide6.QtCore import QCoreApplication

    assert QCoreApplication.translate("QLineEdit", "Select All") == "Chọn tất cả"
    assert QCoreApplication.translate("QFileDialog", "Files of type:") == "Loại tệp:"
