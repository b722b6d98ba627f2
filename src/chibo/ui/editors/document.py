"""Văn bản: the document's details, and per document who has studied it (where, when), who has not
and why, the essays with their grades, and a make-up session for those still missing."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit, QListWidget,
    QListWidgetItem, QMessageBox, QPlainTextEdit, QPushButton, QVBoxLayout,
)

from chibo.services.documents import ISSUING_BODIES
from chibo.text import format_date, format_percent
from chibo.ui.editors.base import EditorDialog, choice_field, date_field
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import message_of, run_in_background
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.widgets.table import ColumnsModel, record_table
from chibo.ui.words import DOCUMENT_KIND, ISSUING_LEVEL, labels
from chibo.vocabulary import DocumentKind, IssuingLevel

COVERAGE_COLUMNS = (QT_TR_NOOP("Full name"), QT_TR_NOOP("Studied"), QT_TR_NOOP("Studied at"), QT_TR_NOOP("Why not yet"),
                    QT_TR_NOOP("Essay"))
_MISSING = QColor("#fff4e5")


class DocumentEditor(EditorDialog):
    def __init__(self, book, document=None, parent=None):
        super().__init__(book, tr("Edit document") if document else tr("Add a document to study"), parent)
        self.document_id = document.id if document else None
        d = document
        self.number_symbol = QLineEdit(d.number_symbol if d else "")
        self.number_symbol.setPlaceholderText(tr("For example: 57-NQ/TW"))
        self.kind = choice_field(labels(DOCUMENT_KIND), d.kind if d else DocumentKind.NQ)
        self.title = QPlainTextEdit(d.title if d else "")  # titles run to two lines: read whole
        self.title.setPlaceholderText(
            tr("Summary of the content, for example: on breakthroughs in science and technology…"))
        self.title.setFixedHeight(54)
        self.title.setTabChangesFocus(True)
        self.stored_as = QLabel()  # the title as it is stored: without kind, number and issuing body
        self.stored_as.setWordWrap(True)
        self.stored_as.setStyleSheet("color: #555")
        self.level = choice_field(labels(ISSUING_LEVEL), d.issuing_level if d else IssuingLevel.CENTRAL)
        self.issuer = QComboBox()
        self.issuer.setEditable(True)
        self.issuer.addItems(["", *ISSUING_BODIES])
        self.issuer.setCurrentText(d.issuer if d else "")
        self.issuer.lineEdit().setPlaceholderText(tr("For example: Bộ Chính trị (empty: the issuing level)"))
        self.issued_on = date_field(format_date(d.issued_on) if d else "")
        self.deadline = date_field(format_date(d.deadline) if d else "")
        self.requires_essay = QCheckBox(tr("Members must write an essay"))
        self.requires_essay.setChecked(bool(d and d.requires_essay))
        self.note = QPlainTextEdit(d.note if d else "")
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        self.number_symbol.textEdited.connect(self._guess_kind)
        self.title.textChanged.connect(self._show_stored_title)
        self.kind.currentIndexChanged.connect(self._show_stored_title)
        form = QFormLayout()
        form.addRow(tr("&Number-symbol (*):"), self.number_symbol)
        form.addRow(tr("Document &kind:"), self.kind)
        form.addRow(tr("&Summary (*):"), self.title)
        form.addRow("", self.stored_as)
        form.addRow(tr("Issuing &level:"), self.level)
        form.addRow(tr("Issuing &body:"), self.issuer)
        form.addRow(tr("&Issued on:"), self.issued_on)
        form.addRow(tr("Stu&dy deadline:"), self.deadline)
        form.addRow("", self.requires_essay)
        form.addRow(tr("Notes:"), self.note)
        self.body.addLayout(form)
        self.watch(self.number_symbol, self.kind, self.title, self.level, self.issuer, self.issued_on, self.deadline,
                   self.requires_essay, self.note)
        self.issuer.editTextChanged.connect(self.mark_dirty)
        self._show_stored_title()
        fit_to_screen(self, 640, 0)

    def _guess_kind(self, text: str) -> None:
        """"12-CT/TW" names its kind: pick it, the user can still change it."""
        from chibo.services.documents import kind_from_symbol

        kind = kind_from_symbol(text)
        if kind:
            self.kind.setCurrentIndex(max(self.kind.findData(kind), 0))

    def _show_stored_title(self) -> None:
        """What the service will keep of the title typed: a title typed as it reads on the paper
        ("Nghị quyết số 57-NQ/TW của Bộ Chính trị về …") loses its kind, number and issuing body."""
        from chibo.services.documents import split_title

        typed = " ".join(self.title.toPlainText().split())
        parts = split_title(typed, self.kind.currentData())
        shown = parts.subject != typed or parts.issuer
        if parts.issuer and not self.issuer.currentText().strip():
            text = tr("Kept as: “{subject}”; issuing body: {issuer}.").format(subject=parts.subject,
                                                                               issuer=parts.issuer)
        else:
            text = tr("Kept as: “{subject}”.").format(subject=parts.subject)
        self.stored_as.setText(text if shown and parts.subject else "")
        self.stored_as.setVisible(bool(shown and parts.subject))

    def values(self) -> dict:
        return {"number_symbol": self.number_symbol.text(), "kind": self.kind.currentData(),
                "title": self.title.toPlainText(), "issuing_level": self.level.currentData(),
                "issuer": self.issuer.currentText(),
                "issued_on": self.issued_on.text(), "deadline": self.deadline.text(),
                "requires_essay": self.requires_essay.isChecked(), "note": self.note.toPlainText()}

    def write(self, db, values: dict):
        from chibo.services import documents

        if self.document_id is None:
            return documents.add_document(db, **values)
        return documents.edit_document(db, self.document_id, **values)


@dataclass
class Coverage:
    """One document's study as of today, read on a worker."""

    document: object
    figures: object
    essays: dict = field(default_factory=dict)  # member id -> Essay
    grades: tuple = ()
    session_names: dict = field(default_factory=dict)  # session id -> "12/10/2026 (make-up)"


def load_coverage(db, document_id: str, today: date | None = None) -> Coverage:
    from chibo.services.common import get_alive
    from chibo.services.essays import essays_for_document
    from chibo.services.figures import document_figures
    from chibo.services.settings import load_rules
    from chibo.store.models import Document

    document = get_alive(db, Document, document_id)
    figures = document_figures(db, document_id, today or date.today())
    names = {m.id: format_date(m.held_on) for m in figures.sessions}
    names.update({m.id: tr("{date} (make-up)").format(date=format_date(m.held_on)) for m in figures.makeups})
    return Coverage(document, figures, {e.member_id: e for e in essays_for_document(db, document_id)},
                    load_rules(db).essay_grades, names)


def coverage_summary(c: Coverage) -> str:
    f = c.figures
    text = tr("Studied by {studied}/{required} of the members who must study it").format(
        studied=f.studied_count, required=f.required)
    if f.percent is not None:
        text += f" ({format_percent(f.percent)})"
    text += tr("; {sessions} study sessions, {makeups} make-ups.").format(sessions=len(f.sessions),
                                                                          makeups=len(f.makeups))
    if c.document.deadline:
        late = c.document.deadline < f.as_of and f.missing
        text += tr(" Deadline: {date}").format(date=format_date(c.document.deadline))
        text += tr(" — overdue.") if late else "."
    if c.document.requires_essay:
        text += tr(" Essays not handed in: {missing}; to be rewritten: {rewrite}.").format(
            missing=f.essays_missing, rewrite=f.essays_to_rewrite)
    return text


class CoverageModel(ColumnsModel):
    """rows: (member id, cells, studied)."""

    def __init__(self):
        super().__init__(COVERAGE_COLUMNS)

    def set_coverage(self, c: Coverage) -> None:
        from chibo.text import name_sort_key

        rows = []
        for s in c.figures.studied:
            where = c.session_names.get(s.session_id, format_date(s.held_on))
            rows.append((s.member_id, s.full_name, tr("Studied"), where, "", True))
        for m in c.figures.missing:
            rows.append((m.member_id, m.full_name, tr("Not yet"), "", m.reason, False))
        rows.sort(key=lambda r: (r[5], name_sort_key(r[1])))  # who still has to study it comes first
        shown = []
        for member_id, name, state, where, reason, studied in rows:
            essay = c.essays.get(member_id)
            grade = ""
            if essay:
                grade = (essay.grade or tr("handed in")) + (tr(" — to be rewritten") if essay.must_rewrite else "")
            shown.append((member_id, (name, state, where, reason, grade), studied))
        self.set_rows(shown)

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        member_id, cells, studied = self.rows[index.row()]
        if role == Qt.DisplayRole:
            return cells[index.column()]
        if role == Qt.BackgroundRole and not studied:
            return QBrush(_MISSING)
        if role == Qt.UserRole:
            return member_id
        return None


class CoverageDialog(QDialog):
    """Who has studied the document; make-up and essays from here. `changed` after every write."""

    changed = Signal()

    def __init__(self, book, document_id: str, parent=None):
        super().__init__(parent)
        self.book, self.document_id = book, document_id
        self.coverage: Coverage | None = None
        self.last_dialog = None
        self.setWindowTitle(tr("Study of the document"))
        self.heading = QLabel(tr("Loading…"))
        self.heading.setStyleSheet("font-size: 13pt; font-weight: bold")
        self.heading.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = CoverageModel()
        self.table = record_table(self.model)
        self.table.setWordWrap(False)
        self.makeup_button = QPushButton(tr("Make-up session for those who have not studied…"))
        self.essay_button = QPushButton(tr("Record the selected member’s essay…"))
        self.makeup_button.clicked.connect(self.plan_makeup)
        self.essay_button.clicked.connect(self.record_essay)
        self.table.activated.connect(lambda _index: self.record_essay())
        close = QDialogButtonBox(QDialogButtonBox.Close)
        close.button(QDialogButtonBox.Close).setText(tr("Close"))
        close.rejected.connect(self.reject)
        buttons = QHBoxLayout()
        buttons.addWidget(self.makeup_button)
        buttons.addWidget(self.essay_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.table, 1)
        layout.addLayout(buttons)
        fit_to_screen(self, 1000, 640)

    def reload(self) -> None:
        book, document_id = self.book, self.document_id

        def read():
            with book.session() as db:
                return load_coverage(db, document_id)

        run_in_background(read, self._show,
                          lambda exc: self.summary.setText(message_of(exc, tr("Could not be read."))))

    def _show(self, c: Coverage) -> None:
        self.coverage = c
        self.heading.setText(f"{c.document.number_symbol}: {c.document.title}")
        self.summary.setText(coverage_summary(c))
        self.model.set_coverage(c)
        self.table.resizeColumnsToContents()
        self.table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.makeup_button.setEnabled(bool(c.figures.missing))
        self.essay_button.setEnabled(bool(self.model.rows))

    def _open(self, dialog) -> None:
        dialog.saved.connect(lambda _result: (self.reload(), self.changed.emit()))
        self.last_dialog = dialog
        dialog.open()

    def plan_makeup(self) -> None:
        c = self.coverage
        if c is None:
            return
        if not c.figures.sessions:
            QMessageBox.information(self, "chibo", tr(
                "This document has not been studied at any session yet. Record the study session on the Sessions "
                "page first; a make-up is for those who missed it."))
            return
        self._open(MakeupDialog(self.book, c, parent=self))

    def record_essay(self) -> None:
        c = self.coverage
        rows = self.table.selectionModel().selectedRows()
        if c is None or not rows:
            QMessageBox.information(self, "chibo", tr("Select a member in the list first."))
            return
        member_id, cells, _studied = self.model.rows[rows[0].row()]
        self._open(EssayDialog(self.book, c, member_id, cells[0], parent=self))


class MakeupDialog(EditorDialog):
    """A make-up (học bù) of the document's latest study session for the members still missing."""

    def __init__(self, book, c: Coverage, parent=None):
        super().__init__(book, tr("Make-up session"), parent)
        self.original_id = c.figures.sessions[-1].id
        self.held_on = date_field(format_date(date.today()))
        self.start_time = QLineEdit()
        self.start_time.setPlaceholderText(tr("hh:mm"))
        self.start_time.setMaximumWidth(100)
        self.place = QLineEdit()
        self.place.setPlaceholderText(tr("For example: the village hall"))
        self.invited = QListWidget()
        for m in c.figures.missing:
            item = QListWidgetItem(tr("{name} (not studied: {reason})").format(name=m.full_name, reason=m.reason))
            item.setData(Qt.UserRole, m.member_id)
            item.setFlags(item.flags() | Qt.ItemIsUserCheckable)
            item.setCheckState(Qt.Checked)
            self.invited.addItem(item)
        form = QFormLayout()
        form.addRow(QLabel(tr(
            "Make-up study of {document} (studied at the session of {date}). Those invited are recorded as present; "
            "correct the attendance on the Sessions page if someone is still absent.").format(
                document=c.document.number_symbol, date=format_date(c.figures.sessions[-1].held_on))))
        form.addRow(tr("Make-up &date (*):"), self.held_on)
        form.addRow(tr("&Starts at:"), self.start_time)
        form.addRow(tr("Pl&ace:"), self.place)
        form.addRow(tr("Invited:"), self.invited)
        form.itemAt(0, QFormLayout.SpanningRole).widget().setWordWrap(True)
        self.body.addLayout(form)
        self.save_button.setText(tr("Create the make-up session (Ctrl+S)"))
        self.watch(self.held_on, self.start_time, self.place)
        self.invited.itemChanged.connect(self.mark_dirty)
        fit_to_screen(self, 620, 480)

    def values(self) -> dict:
        chosen = [self.invited.item(i).data(Qt.UserRole) for i in range(self.invited.count())
                  if self.invited.item(i).checkState() == Qt.Checked]
        return {"held_on": self.held_on.text(), "start_time": self.start_time.text(), "place": self.place.text(),
                "member_ids": chosen}

    def write(self, db, values: dict):
        from chibo.errors import ValidationError
        from chibo.services.meetings import create_makeup_session

        if not values["member_ids"]:
            raise ValidationError(tr("Select at least one person to invite to the make-up."))
        return create_makeup_session(db, self.original_id, **values)


class EssayDialog(EditorDialog):
    def __init__(self, book, c: Coverage, member_id: str, name: str, parent=None):
        super().__init__(book, tr("Essay"), parent)
        self.member_id, self.document_id = member_id, c.document.id
        essay = c.essays.get(member_id)
        self.grade = choice_field({g: g for g in c.grades}, essay.grade if essay else None,
                                  empty=tr("(not graded)"))
        self.submitted_on = date_field(format_date(essay.submitted_on) if essay and essay.submitted_on
                                       else format_date(date.today()))
        self.note = QLineEdit(essay.note if essay else "")
        form = QFormLayout()
        form.addRow(tr("Member:"), QLabel(name))
        form.addRow(tr("Document:"), QLabel(c.document.number_symbol))
        form.addRow(tr("&Grade:"), self.grade)
        form.addRow(tr("&Handed in on:"), self.submitted_on)
        form.addRow(tr("Notes:"), self.note)
        self.body.addLayout(form)
        self.watch(self.grade, self.submitted_on, self.note)
        fit_to_screen(self, 460, 0)

    def values(self) -> dict:
        return {"grade": self.grade.currentData(), "submitted_on": self.submitted_on.text(), "note": self.note.text()}

    def write(self, db, values: dict):
        from chibo.services.essays import record_essay

        return record_essay(db, self.member_id, self.document_id, **values)


def open_document_editor(page, document_id: str | None) -> None:
    from chibo.services.common import get_alive
    from chibo.store.models import Document

    if document_id is None:
        page.show_dialog(DocumentEditor(page.book, parent=page))
        return
    page.open_read(lambda db: get_alive(db, Document, document_id),
                   lambda document: DocumentEditor(page.book, document, parent=page),
                   tr("Could not open this document."))


def open_coverage(page) -> None:
    document_id = page.selected_id()
    if document_id is None:
        QMessageBox.information(page, "chibo", page.nothing_selected)
        return
    dialog = CoverageDialog(page.book, document_id, parent=page)
    dialog.changed.connect(page.changed)
    page.last_dialog = dialog
    dialog.reload()
    dialog.open()
