"""An outreach activity (tuyên truyền) to non-members: its form, date, content, the document it
explained, how many times and how many people it reached."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLineEdit, QSpinBox

from chibo.text import format_date
from chibo.ui.editors.base import EditorDialog, choice_field, date_field
from chibo.ui.i18n import tr
from chibo.ui.operations import Kind, changes
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.words import OUTREACH_KIND, labels
from chibo.vocabulary import OutreachKind


class OutreachEditor(EditorDialog):
    changes = changes(Kind.OUTREACH)

    def __init__(self, book, documents: list, parent=None):
        super().__init__(book, tr("Record outreach"), parent)
        self.kind = choice_field(labels(OUTREACH_KIND), OutreachKind.MEETING)
        self.held_on = date_field(format_date(date.today()))
        self.description = QLineEdit()
        self.description.setPlaceholderText(tr("For example: Resolution 57 explained to the villagers of Nà Khum"))
        self.document = choice_field(dict(documents), None, empty=tr("(no document)"))
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 100_000)
        self.quantity.setValue(1)
        self.audience = QSpinBox()
        self.audience.setRange(0, 10_000_000)
        for spin in (self.quantity, self.audience):
            spin.setMaximumWidth(140)
        form = QFormLayout()
        form.addRow(tr("&Form:"), self.kind)
        form.addRow(tr("&Date:"), self.held_on)
        form.addRow(tr("&Content:"), self.description)
        form.addRow(tr("D&ocument:"), self.document)
        form.addRow(tr("Cou&nt (meetings, articles, banners…):"), self.quantity)
        form.addRow(tr("&People reached:"), self.audience)
        self.body.addLayout(form)
        self.watch(self.kind, self.held_on, self.description, self.document, self.quantity, self.audience)
        fit_to_screen(self, 620, 0)

    def values(self) -> dict:
        return {"kind": self.kind.currentData(), "held_on": self.held_on.text(),
                "description": self.description.text(), "document_id": self.document.currentData() or None,
                "quantity": self.quantity.value(), "audience": self.audience.value()}

    def write(self, db, values: dict):
        from chibo.services.outreach import add_outreach

        return add_outreach(db, **values)
