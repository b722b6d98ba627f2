"""Cài đặt: the unit's details, the cell's rules (quorum, essay grades, probation, study target, who
votes and who may chair a session), the text size, and the backups (list, make now, restore with
the current book saved first)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from chibo.text import format_date, format_size
from chibo.ui.editors.base import date_field
from chibo.ui.i18n import LANGUAGES, QT_TR_NOOP, read_language, tr, write_language
from chibo.ui.operations import EVERYTHING, BookOp, Kind, changes, message_of, wait_for_jobs
from chibo.ui.text_size import TEXT_SIZE_SETTING, TEXT_SIZES, apply_text_size
from chibo.ui.widgets.table import ColumnsModel, fit_columns, record_table

BACKUP_COLUMNS = (QT_TR_NOOP("Made at"), QT_TR_NOOP("Kind"), QT_TR_NOOP("Size"), QT_TR_NOOP("File"))


@dataclass
class SettingsData:
    unit: object
    term_start: date
    suffix: str
    rules: object
    text_size: str
    identity: object  # UnitIdentity: the key fingerprint others compare, and a cell's superior
    backups: list = field(default_factory=list)
    grace_days: int = 5  # receiving role: days after a month's end (or a deadline) before a report is late
    signers: object = None  # receiving role: services.signers.Signers, the names its papers are signed with


def load_settings(db, folder: Path) -> SettingsData:
    from chibo import paths
    from chibo.services.lookups import local_unit
    from chibo.services.numbering import symbol_suffix, term_start
    from chibo.services.settings import load_rules
    from chibo.services.signers import load_signers
    from chibo.store.backup import list_backups
    from chibo.store.book import get_setting
    from chibo.sync.completeness import grace_days
    from chibo.sync.identity import unit_identity

    return SettingsData(local_unit(db), term_start(db), symbol_suffix(db), load_rules(db),
                        get_setting(db, TEXT_SIZE_SETTING, "normal"), unit_identity(db, folder),
                        list_backups(paths.backup_dir(folder)), grace_days(db), load_signers(db))


def save_settings(db, values: dict) -> None:
    """One transaction: a refusal anywhere leaves every setting as it was."""
    from dataclasses import replace

    from chibo.services.cleaning import clean_date
    from chibo.services.numbering import set_symbol_suffix, set_term_start
    from chibo.services.settings import load_rules, save_rules
    from chibo.services.units import update_unit
    from chibo.store.book import set_setting

    update_unit(db, **values["unit"])
    set_term_start(db, clean_date(values["term_start"], tr("the term’s start"), required=True))
    set_symbol_suffix(db, values["suffix"])
    save_rules(db, replace(load_rules(db), **values["rules"]))
    set_setting(db, TEXT_SIZE_SETTING, values["text_size"] if values["text_size"] in TEXT_SIZES else "normal")
    if values.get("grace_days") is not None:
        from chibo.services.lookups import local_unit
        from chibo.sync.completeness import set_grace_days
        from chibo.vocabulary import UnitRole

        if local_unit(db).role == UnitRole.RECEIVING:
            set_grace_days(db, values["grace_days"])
            if values.get("signers") is not None:
                from chibo.services.signers import save_signers

                save_signers(db, **values["signers"])


def split_grades(text: str) -> tuple[str, ...]:
    """"Tốt; Khá; Đạt" (commas too) -> ("Tốt", "Khá", "Đạt")."""
    return tuple(part.strip() for part in text.replace(",", ";").split(";") if part.strip())


class BackupModel(ColumnsModel):
    """rows: BackupFile, newest first."""

    def __init__(self):
        super().__init__(BACKUP_COLUMNS)

    def data(self, index, role=Qt.DisplayRole):
        if role != Qt.DisplayRole or not index.isValid():
            return None
        b = self.rows[index.row()]
        try:
            size = format_size(b.size)
        except OSError:
            size = tr("(unreadable)")
        return (f"{format_date(b.made_at.date())} {b.made_at:%H:%M}",
                tr("Daily, automatic") if b.automatic else tr("By hand"), size, b.path.name)[index.column()]


def fetch_settings(book) -> SettingsData:
    with book.session() as db:
        return load_settings(db, book.folder)


class SettingsPage(QWidget):
    changed = Signal()  # saved, backed up or restored here (the window hears it from the write itself)
    kinds = frozenset({Kind.SETTINGS, Kind.EXCHANGE, Kind.BACKUPS})
    fetch = staticmethod(fetch_settings)

    def __init__(self, book, language_folder: Path | None = None):
        super().__init__()
        self.book = book
        self.language_folder = language_folder or book.folder  # where chibo was started: see i18n.read_language
        self.data: SettingsData | None = None
        self.dirty = False
        self._shown_values: dict | None = None  # the fields as last filled from the book
        heading = QLabel(tr("Settings"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._unit_tab(), tr("Unit"))
        self.tabs.addTab(self._rules_tab(), tr("Rules of the cell"))
        self.tabs.addTab(self._display_tab(), tr("Display, language"))
        self.tabs.addTab(self._backup_tab(), tr("Backup, restore"))
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.save_button = QPushButton(tr("Save changes (Ctrl+S)"))
        self.save_button.clicked.connect(self.save)
        self.status = QLabel()
        bottom = QHBoxLayout()
        bottom.addWidget(self.error, 1)
        bottom.addWidget(self.status)
        bottom.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(bottom)
        shortcut = QShortcut(QKeySequence.Save, self, activated=self.save)
        shortcut.setContext(Qt.WidgetWithChildrenShortcut)
        for widget in (self.name, self.superior, self.place, self.term_start, self.suffix, self.grades, self.failing,
                       self.signer_secretary, self.signer_compiler):
            widget.textEdited.connect(self._mark_dirty)
        for widget in (self.quorum, self.plan_confirmer, self.text_size, self.language):
            widget.activated.connect(self._mark_dirty)
        for widget in (self.probation, self.target, self.grace):
            widget.valueChanged.connect(lambda *_: self._mark_dirty() if self.data is not None else None)
        for widget in (self.attached_vote, self.guest_chair):
            widget.clicked.connect(self._mark_dirty)

    def _unit_tab(self) -> QWidget:
        tab = QWidget()
        self.name, self.superior, self.place = QLineEdit(), QLineEdit(), QLineEdit()
        from chibo.ui.pages.unit_keys import UnitKeyRows

        self.role, self.code = QLabel(), QLabel()
        self.keys = UnitKeyRows(self.book, self)
        self.keys.made.connect(lambda sentence: self.status.setText(sentence))  # `status` is made after the tabs
        self.term_start = date_field()
        self.suffix = QLineEdit()
        self.suffix.setMaximumWidth(80)
        form = QFormLayout(tab)
        form.addRow(tr("&Unit name (*):"), self.name)
        form.addRow(tr("&Superior body:"), self.superior)
        form.addRow(tr("Pl&ace name:"), self.place)
        form.addRow(tr("Role:"), self.role)
        form.addRow(tr("Unit code (names the bundles):"), self.code)
        form.addRow(tr("Key fingerprint:"), self.keys.key_row)
        form.addRow(tr("Level above confirmed:"), self.keys.superior)
        form.addRow(tr("&Term started on:"), self.term_start)
        form.addRow(tr("Unit s&ymbol on papers:"), self.suffix)
        hint = QLabel(tr("The numbers of the papers the unit issues (minutes, plans, reports) start again from 01 "
                         "with each new term; the symbol comes after the slash, for example 05-BB/CB at a cell, "
                         "01-BC/ĐU at the committee."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.grace = QSpinBox()
        self.grace.setRange(0, 60)
        self.grace.setSuffix(tr(" days"))
        self.grace.setMaximumWidth(140)
        self.grace_label = QLabel(tr("&Grace for the cells’ reports:"))
        self.grace_label.setBuddy(self.grace)
        self.grace_hint = QLabel(tr("A cell’s report of a month is on time when it arrives by the month’s last day plus "
                                    "these days; a report on a document, by its deadline plus these days."))
        self.grace_hint.setWordWrap(True)
        form.addRow(self.grace_label, self.grace)
        form.addRow("", self.grace_hint)
        # A commune's book keeps no member register of its own: its papers' signers are named here.
        self.signer_secretary, self.signer_compiler = QLineEdit(), QLineEdit()
        self.signer_secretary_label = QLabel(tr("Secretary who signs the re&ports:"))
        self.signer_secretary_label.setBuddy(self.signer_secretary)
        self.signer_compiler_label = QLabel(tr("Who draws up the &lists:"))
        self.signer_compiler_label.setBuddy(self.signer_compiler)
        self.signers_hint = QLabel(tr("The committee’s book keeps no member list of its own: these names are printed "
                                      "under the signature of the consolidated report and of the list of cells not yet "
                                      "reported."))
        self.signers_hint.setWordWrap(True)
        form.addRow(self.signer_secretary_label, self.signer_secretary)
        form.addRow(self.signer_compiler_label, self.signer_compiler)
        form.addRow("", self.signers_hint)
        return tab

    def _rules_tab(self) -> QWidget:
        from chibo.ui.words import PLAN_CONFIRMER, QUORUM_RULE, labels

        tab = QWidget()
        self.quorum = QComboBox()
        self.quorum.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # long rules: no wide window
        self.quorum.setMinimumContentsLength(30)
        for key, text in labels(QUORUM_RULE).items():
            self.quorum.addItem(text, key)
        self.plan_confirmer = QComboBox()
        for key, text in labels(PLAN_CONFIRMER).items():
            self.plan_confirmer.addItem(text, key)
        self.grades = QLineEdit()
        self.grades.setPlaceholderText(tr("Tốt; Khá; Đạt; Chưa đạt"))
        self.failing = QLineEdit()
        self.probation = QSpinBox()
        self.probation.setRange(1, 36)
        self.probation.setSuffix(tr(" months"))
        self.target = QDoubleSpinBox()
        self.target.setRange(1, 100)
        self.target.setDecimals(0)
        self.target.setSuffix(" %")
        for spin in (self.probation, self.target):
            spin.setMaximumWidth(140)
        form = QFormLayout(tab)
        form.addRow(tr("&Quorum for voting:"), self.quorum)
        form.addRow(tr("&Essay grades:"), self.grades)
        form.addRow(tr("Grades to &rewrite:"), self.failing)
        form.addRow(tr("&Probation:"), self.probation)
        form.addRow(tr("Study &target:"), self.target)
        form.addRow(tr("Secretary’s own plan &confirmed by:"), self.plan_confirmer)
        hint = QLabel(tr("Grades are separated by semicolons. The default quorum rule follows Regulation 24-QĐ/TW: "
                         "more than half of the full members, not counting those attending elsewhere, those exempt "
                         "who are absent, and those absent with a reason."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.rules_form, self.quorum_hint = form, hint
        self.attached_vote = QCheckBox(tr("Members &attached from another cell vote here"))
        self.guest_chair = QCheckBox(tr("A guest of the upper level may c&hair a session"))
        form.addRow(tr("Sessions:"), self.attached_vote)
        form.addRow("", self.guest_chair)
        hint = QLabel(tr("Probationary members never vote (Party Statute, Article 3). Members attached from another "
                         "cell vote in their home cell unless the cell decides otherwise. The chair and the "
                         "minute-taker are members present; a guest chairs only where the cell’s rules allow it."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        self.votes_hint = hint
        return tab

    def _display_tab(self) -> QWidget:
        tab = QWidget()
        self.text_size = QComboBox()
        for key, (text, _points) in TEXT_SIZES.items():
            self.text_size.addItem(tr(text), key)
        self.language = QComboBox()
        for code, name in LANGUAGES.items():
            self.language.addItem(name, code)
        self.saved_language = read_language(self.language_folder)
        self.language.setCurrentIndex(max(self.language.findData(self.saved_language), 0))
        form = QFormLayout(tab)
        form.addRow(tr("&Text size on screen:"), self.text_size)
        hint = QLabel(tr("Larger text is easier to read; printed papers do not change. It applies as soon as you "
                         "press Save changes."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        form.addRow(tr("&Language (Ngôn ngữ):"), self.language)
        hint = QLabel(tr("The language of the screens changes the next time chibo opens. Printed papers and the "
                         "messages about the data are always in Vietnamese."))
        hint.setWordWrap(True)
        form.addRow("", hint)
        return tab

    def _backup_tab(self) -> QWidget:
        tab = QWidget()
        self.backup_folder = QLabel()
        self.backup_folder.setWordWrap(True)
        self.backup_warning = QLabel()
        self.backup_warning.setWordWrap(True)
        self.backup_warning.setStyleSheet("color: #b00020")
        self.backup_folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.backup_model = BackupModel()
        self.backup_table = record_table(self.backup_model)
        self.backup_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        make = QPushButton(tr("Back up now"))
        restore = QPushButton(tr("Restore the selected backup…"))
        restore_file = QPushButton(tr("Restore from another file…"))
        make.clicked.connect(self.make_backup)
        restore.clicked.connect(self.restore_selected)
        restore_file.clicked.connect(self._pick_restore)
        buttons = QHBoxLayout()
        for button in (make, restore, restore_file):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        note = QLabel(tr("chibo backs the book up every day when it opens (keeping 7 daily, 4 weekly and 12 monthly "
                         "copies). A restore backs up the current book first, so it can be undone."))
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.backup_warning)
        layout.addWidget(self.backup_folder)
        layout.addWidget(self.backup_table, 1)
        layout.addLayout(buttons)
        return tab

    def _mark_dirty(self, *_args) -> None:
        """Unsaved only when a field differs from what the book holds: filling the fields from the
        book (their change signals fire then too) or typing the old value back is no change."""
        if self._shown_values is None:
            return
        self.dirty = self.values() != self._shown_values
        self.status.setText(tr("There are unsaved changes.") if self.dirty else "")

    def show_data(self, data: SettingsData) -> None:
        """Fill the fields; kept as typed while there are unsaved changes."""
        from chibo.vocabulary import UnitRole

        if self.dirty:
            self.backup_model.set_rows(data.backups)
            return
        self._shown_values = None
        self.data = data
        u = data.unit
        self.name.setText(u.name)
        self.superior.setText(u.superior_name)
        self.place.setText(u.place_name)
        self.role.setText(tr("Cell (sends reports to the level above)") if u.role == UnitRole.CELL else
                          tr("Receiving level (sums the cells’ figures)"))
        self.code.setText(u.code)
        self.keys.show(data.identity, u.role == UnitRole.RECEIVING)
        for widget in (self.grace_label, self.grace, self.grace_hint, self.signer_secretary_label,
                       self.signer_secretary, self.signer_compiler_label, self.signer_compiler,
                       self.signers_hint):  # the receiving level's own settings
            widget.setVisible(u.role == UnitRole.RECEIVING)
        self.grace.setValue(data.grace_days)
        # A committee keeps the study target and the essays' scale here; the meeting rules are its cells'.
        receiving = u.role == UnitRole.RECEIVING
        self.tabs.setTabText(1, tr("Targets and scales") if receiving else tr("Rules of the cell"))
        for widget in (self.quorum, self.probation, self.plan_confirmer, self.quorum_hint, self.attached_vote,
                       self.guest_chair, self.votes_hint):
            self.rules_form.setRowVisible(widget, not receiving)
        if data.signers is not None:
            self.signer_secretary.setText(data.signers.secretary)
            self.signer_compiler.setText(data.signers.compiler)
        self.term_start.setText(format_date(data.term_start))
        self.suffix.setText(data.suffix)
        r = data.rules
        self.quorum.setCurrentIndex(max(self.quorum.findData(r.quorum_rule), 0))
        self.grades.setText("; ".join(r.essay_grades))
        self.failing.setText("; ".join(r.failing_grades))
        self.probation.setValue(r.probation_months)
        self.target.setValue(r.study_target_percent)
        self.attached_vote.setChecked(r.attached_members_vote)
        self.guest_chair.setChecked(r.guest_may_chair)
        self.plan_confirmer.setCurrentIndex(max(self.plan_confirmer.findData(r.secretary_plan_confirmed_by), 0))
        self.text_size.setCurrentIndex(max(self.text_size.findData(data.text_size), 0))
        self.backup_folder.setText(tr("Backup folder: {folder}").format(folder=self.book.backups))
        self.backup_warning.setText("\n".join(self.book.warnings))
        self.backup_warning.setVisible(bool(self.book.warnings))
        self.backup_model.set_rows(data.backups)
        fit_columns(self.backup_table, 3)
        self.dirty = False
        self._shown_values = self.values()

    def values(self) -> dict:
        return {
            "unit": {"name": self.name.text(), "superior_name": self.superior.text(), "place_name": self.place.text()},
            "term_start": self.term_start.text(), "suffix": self.suffix.text(),
            "rules": {"quorum_rule": self.quorum.currentData(), "essay_grades": split_grades(self.grades.text()),
                      "failing_grades": split_grades(self.failing.text()), "probation_months": self.probation.value(),
                      "study_target_percent": float(self.target.value()),
                      "attached_members_vote": self.attached_vote.isChecked(),
                      "guest_may_chair": self.guest_chair.isChecked(),
                      "secretary_plan_confirmed_by": self.plan_confirmer.currentData()},
            "text_size": self.text_size.currentData(),
            "language": self.language.currentData(),
            "grace_days": self.grace.value() if self.data is not None and self.data.unit.role == "receiving" else None,
            "signers": ({"secretary": self.signer_secretary.text(), "compiler": self.signer_compiler.text()}
                        if self.data is not None and self.data.unit.role == "receiving" else None),
        }

    def save(self) -> None:
        values, book = self.values(), self.book
        self.save_button.setEnabled(False)

        def saved(_result):
            self.save_button.setEnabled(True)
            self.error.clear()
            self.dirty = False
            self.status.setText(tr("Saved."))
            apply_text_size(values["text_size"])
            if values["language"] != self.saved_language:
                try:
                    write_language(self.language_folder, values["language"])
                except OSError:
                    self.error.setText(tr("Could not save the language choice; the other settings were saved."))
                else:
                    self.saved_language = values["language"]
                    self.status.setText(tr("Saved. The new language is used from the next start of chibo."))
            self.changed.emit()

        def refused(exc):
            self.save_button.setEnabled(True)
            self.error.setText(message_of(
                exc, tr("Could not save. The details are in the log; the settings were not changed.")))

        BookOp(self, book, lambda db: save_settings(db, values), changes(Kind.SETTINGS)).success(saved).failure(
            refused).run()

    def make_backup(self) -> None:
        from chibo.store.backup import make_backup

        book = self.book
        BookOp(self, book, lambda: make_backup(book.database, book.backups), changes(Kind.BACKUPS),
               in_session=False).success(
            lambda made: (self.status.setText(tr("Backed up: {file}").format(file=made.path.name)),
                          self.changed.emit())).failure(
            lambda exc: self.error.setText(message_of(exc, tr("Could not back up: {problem}").format(problem=exc)))).run()

    def restore_selected(self) -> None:
        rows = self.backup_table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "chibo", tr("Select a backup in the list first."))
            return
        backup = self.backup_model.rows[rows[0].row()]
        self.restore(backup.path, tr("the backup made at {time} on {date}").format(
            time=f"{backup.made_at:%H:%M}", date=format_date(backup.made_at.date())))

    def _pick_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, tr("Choose a backup file"), str(self.book.backups),
                                              tr("chibo books (*.sqlite);;All files (*)"))
        if path:
            self.restore(Path(path), tr("the file {file}").format(file=Path(path).name))

    def confirm_restore(self, what: str) -> bool:
        """Yes or Cancel in a question box, Cancel by default."""
        answer = QMessageBox.question(
            self, tr("Restore the book"),
            tr("Replace the whole current book with {what}?\n\nWhat was written after that moment will no longer be "
               "in the book. The current book is backed up first, so it can be restored if this is a mistake.").format(
                what=what),
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Yes

    def restore(self, path: Path, what: str) -> None:
        if not self.confirm_restore(what):
            return
        wait_for_jobs()  # no read may hold the book while it is replaced
        book = self.book

        def done(safety):
            self.dirty = False
            kept = tr(" The book as it was before the restore is kept in {file}.").format(
                file=safety.path.name) if safety else ""
            self.status.setText(tr("Restored.") + kept)
            self.changed.emit()

        BookOp(self, book, lambda: book.restore_from(path), EVERYTHING, in_session=False,
               failure_text=tr("Could not restore; the book is as it was. The details are in the log.")).success(
            done).run()

