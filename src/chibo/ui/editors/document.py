"""Văn bản: a document's details (number, kind, issuer, deadline, whether an essay is due). Who has
studied it is `dialogs.coverage`."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QComboBox, QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from chibo.services.documents import ISSUING_BODIES
from chibo.text import format_date
from chibo.ui.editors.base import EditorDialog, choice_field, date_field
from chibo.ui.i18n import tr
from chibo.ui.operations import Kind, changes
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.words import DOCUMENT_KIND, ISSUING_LEVEL, labels
from chibo.vocabulary import DocumentKind, IssuingLevel


class DocumentEditor(EditorDialog):
    changes = changes(Kind.DOCUMENTS)

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


def open_document_editor(page, document_id: str | None) -> None:
    from chibo.services.lookups import get_alive
    from chibo.store.models import Document
    from chibo.ui.pages.record_list import open_read

    if document_id is None:
        page.show_dialog(DocumentEditor(page.book, parent=page))
        return
    open_read(page, lambda db: get_alive(db, Document, document_id),
              lambda document: DocumentEditor(page.book, document, parent=page), tr("Could not open this document."))
