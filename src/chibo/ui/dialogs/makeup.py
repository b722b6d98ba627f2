"""A make-up (học bù) of a document's latest study session for the members who have not studied it
yet: the date, time and place, and who is invited (recorded as present)."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QListWidget, QListWidgetItem

from chibo.text import format_date
from chibo.ui.editors.base import EditorDialog, date_field
from chibo.ui.i18n import tr
from chibo.ui.operations import Kind, changes
from chibo.ui.widgets.screen import fit_to_screen

if TYPE_CHECKING:
    from chibo.ui.dialogs.coverage import Coverage


class MakeupDialog(EditorDialog):
    """A make-up (học bù) of the document's latest study session for the members still missing."""
    changes = changes(Kind.SESSIONS)


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
        from chibo.services.sessions import create_makeup_session

        if not values["member_ids"]:
            raise ValidationError(tr("Select at least one person to invite to the make-up."))
        return create_makeup_session(db, self.original_id, **values)
