"""A member's essay (bài thu hoạch) on a document: handed in on, the grade, a note."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit

from chibo.text import format_date
from chibo.ui.editors.base import EditorDialog, choice_field, date_field
from chibo.ui.i18n import tr
from chibo.ui.operations import Kind, changes
from chibo.ui.widgets.screen import fit_to_screen

if TYPE_CHECKING:
    from chibo.ui.dialogs.coverage import Coverage


class EssayDialog(EditorDialog):
    changes = changes(Kind.ESSAYS)

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
