"""Who has studied a document (where, when), who has not and why, the essays with their grades;
from here a make-up session for those still missing (`makeup`) and an essay recorded (`essay`)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from chibo.text import format_date, format_percent
from chibo.ui.dialogs.essay import EssayDialog
from chibo.ui.dialogs.makeup import MakeupDialog
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import QueryOp
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.widgets.table import ColumnsModel, fit_columns, record_table

COVERAGE_COLUMNS = (QT_TR_NOOP("Full name"), QT_TR_NOOP("Studied"), QT_TR_NOOP("Studied at"), QT_TR_NOOP("Why not yet"),
                    QT_TR_NOOP("Essay"))
_MISSING = QColor("#fff4e5")


@dataclass
class Coverage:
    """One document's study as of today, read on a worker."""

    document: object
    figures: object
    essays: dict = field(default_factory=dict)  # member id -> Essay
    grades: tuple = ()
    session_names: dict = field(default_factory=dict)  # session id -> "12/10/2026 (make-up)"


def load_coverage(db, document_id: str, today: date | None = None) -> Coverage:
    from chibo.services.essays import essays_for_document
    from chibo.services.figures import document_figures
    from chibo.services.lookups import get_alive
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
    """Who has studied the document; make-up and essays from here (it reads itself again after each)."""

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
        document_id = self.document_id
        QueryOp(self, self.book, lambda db: load_coverage(db, document_id), self._show,
                failure_text=tr("Could not read who has studied this document.")).run()

    def _show(self, c: Coverage) -> None:
        self.coverage = c
        self.heading.setText(f"{c.document.number_symbol}: {c.document.title}")
        self.summary.setText(coverage_summary(c))
        self.model.set_coverage(c)
        fit_columns(self.table, 3)
        self.makeup_button.setEnabled(bool(c.figures.missing))
        self.essay_button.setEnabled(bool(self.model.rows))

    def _open(self, dialog) -> None:
        dialog.saved.connect(lambda _result: self.reload())
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


def open_coverage(host, document_id: str | None) -> None:
    """Who has studied the document, over `host` (the documents page, or the board)."""
    if document_id is None:
        QMessageBox.information(host, "chibo", host.nothing_selected)
        return
    dialog = CoverageDialog(host.book, document_id, parent=host)
    host.last_dialog = dialog
    dialog.reload()
    dialog.open()


def open_makeup(host, document_id: str) -> None:
    """Straight to a make-up of the document's latest study session (the board's button)."""
    def show(c: Coverage) -> None:
        if not c.figures.sessions or not c.figures.missing:  # changed since the board was read
            QMessageBox.information(host, "chibo", tr("Nobody needs a make-up of {document} any more.").format(
                document=c.document.number_symbol))
            return
        host.show_dialog(MakeupDialog(host.book, c, parent=host))

    QueryOp(host, host.book, lambda db: load_coverage(db, document_id), show,
            failure_text=tr("Could not read who has studied this document.")).run()
