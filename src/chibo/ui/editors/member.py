"""Thêm / sửa đảng viên, and a change of status (with the history of the member's statuses)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from chibo.errors import ValidationError
from chibo.services import members
from chibo.text import format_date
from chibo.ui.editors.base import EditorDialog, choice_field, date_field
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind, changes
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.words import CELL_POSITION, LEFT_REASON, MEMBER_STATUS, label, labels
from chibo.vocabulary import CellPosition, MemberStatus

SEX_CHOICES = {"Nam": QT_TR_NOOP("Male"), "Nữ": QT_TR_NOOP("Female")}  # stored as written on the member's papers


class MemberEditor(EditorDialog):
    """A new member (with the status held from a day) when `row` is None, else the member's details."""
    changes = changes(Kind.MEMBERS)


    def __init__(self, book, row=None, parent=None):
        super().__init__(book, tr("Edit member") if row else tr("Add member"), parent)
        self.member_id = row.member.id if row else None
        m = row.member if row else None
        self.full_name = QLineEdit(m.full_name if m else "")
        self.full_name.setPlaceholderText(tr("Full name, with diacritics"))
        self.sex = choice_field(labels(SEX_CHOICES), m.sex if m else "", empty="")
        self.birth_date = date_field(format_date(m.birth_date) if m else "")
        self.birth_year = QLineEdit(str(m.birth_year or "") if m else "")
        self.birth_year.setMaximumWidth(80)
        self.birth_year.setToolTip(tr("Only when the birth date is not known."))
        self.ethnicity = QLineEdit(m.ethnicity if m else "")
        self.card_number = QLineEdit(m.card_number if m else "")
        self.admitted_on = date_field(format_date(m.admitted_on) if m else "")
        self.official_on = date_field(format_date(m.official_on) if m else "")
        self.phone = QLineEdit(m.phone if m else "")
        self.position = choice_field(labels(CELL_POSITION), m.position if m else CellPosition.MEMBER)
        self.note = QPlainTextEdit(m.note if m else "")
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow(tr("&Full name (*):"), self.full_name)
        form.addRow(tr("&Sex:"), self.sex)
        form.addRow(tr("&Birth date:"), self.birth_date)
        form.addRow(tr("Birth year (if the date is not known):"), self.birth_year)
        form.addRow(tr("&Ethnicity:"), self.ethnicity)
        form.addRow(tr("Party &card no.:"), self.card_number)
        form.addRow(tr("&Admitted on:"), self.admitted_on)
        form.addRow(tr("Full member since:"), self.official_on)
        form.addRow(tr("Phone:"), self.phone)
        form.addRow(tr("&Position in the cell:"), self.position)
        fields = [self.full_name, self.sex, self.birth_date, self.birth_year, self.ethnicity, self.card_number,
                  self.admitted_on, self.official_on, self.phone, self.position, self.note]
        if row is None:
            self.status = choice_field(labels(MEMBER_STATUS, leave_out={MemberStatus.LEFT}), MemberStatus.FULL)
            self.joined_on = date_field(format_date(date.today()))
            form.addRow(tr("Sta&tus:"), self.status)
            form.addRow(tr("In the cell since:"), self.joined_on)
            fields += [self.status, self.joined_on]
        else:
            status = tr("{status} (changed with the button “Change status, transfer…”)").format(
                status=label(row.status, MEMBER_STATUS)) if row.status else ""
            form.addRow(tr("Status:"), QLabel(status))
        form.addRow(tr("Notes:"), self.note)
        self.body.addLayout(form)
        self.watch(*fields)
        fit_to_screen(self, 560, 0)

    def values(self) -> dict:
        values = {
            "full_name": self.full_name.text(), "sex": self.sex.currentData(), "birth_date": self.birth_date.text(),
            "birth_year": self.birth_year.text(), "ethnicity": self.ethnicity.text(),
            "card_number": self.card_number.text(), "admitted_on": self.admitted_on.text(),
            "official_on": self.official_on.text(), "phone": self.phone.text(),
            "position": self.position.currentData(), "note": self.note.toPlainText(),
        }
        if self.member_id is None:
            values.update(status=self.status.currentData(), joined_on=self.joined_on.text())
        return values

    def write(self, db, values: dict):
        if self.member_id is None:
            return members.add_member(db, **values)
        return members.edit_member(db, self.member_id, **values)


def proposed_status(history: list) -> MemberStatus:
    """The change a member's record most likely takes next, never the status held now: a
    probationary member is made official; one exempt, attending elsewhere or gone comes back to
    the status held before; a full or temporarily attached member moves away (the reason for
    leaving is left for the person to choose, so nobody leaves by one keystroke)."""
    statuses = [MemberStatus(h.status) for h in history]
    current = statuses[-1] if statuses else None
    if current == MemberStatus.PROBATIONARY:
        return MemberStatus.FULL
    if current in (MemberStatus.EXEMPT, MemberStatus.AWAY, MemberStatus.LEFT):
        before = [s for s in statuses if s in (MemberStatus.FULL, MemberStatus.PROBATIONARY)]
        return before[-1] if before else MemberStatus.FULL
    if current in (MemberStatus.FULL, MemberStatus.ATTACHED):
        return MemberStatus.LEFT
    return MemberStatus.FULL


class StatusDialog(EditorDialog):
    """A new line in the member's status history: from a day, a status (and why, when leaving)."""
    changes = changes(Kind.MEMBERS)


    def __init__(self, book, row, history: list, parent=None):
        super().__init__(book, tr("Change status: {name}").format(name=row.member.full_name), parent)
        self.member_id = row.member.id
        lines = [f"{format_date(h.effective_on)}: {label(h.status, MEMBER_STATUS)}"
                 + (f" ({label(h.left_reason, LEFT_REASON)})" if h.left_reason else "")
                 + (f"; {h.note}" if h.note else "") for h in history]
        past = QLabel(tr("<b>History:</b><br>") + "<br>".join(lines) if lines else tr("No history yet."))
        past.setWordWrap(True)
        self.status = choice_field(labels(MEMBER_STATUS, leave_out={row.status}), proposed_status(history))
        self.effective_on = date_field(format_date(date.today()))
        self.reason = choice_field(labels(LEFT_REASON), empty="")
        self.note = QLineEdit()
        self.note.setPlaceholderText(tr("for example: decision number, where they moved to"))
        form = QFormLayout()
        form.addRow(tr("&New status:"), self.status)
        form.addRow(tr("&From:"), self.effective_on)
        form.addRow(tr("&Reason for leaving:"), self.reason)
        form.addRow(tr("N&otes:"), self.note)
        self.body.addWidget(past)
        self.body.addLayout(form)
        self.status.currentIndexChanged.connect(self._reason_enabled)
        self._reason_enabled()
        self.watch(self.status, self.effective_on, self.reason, self.note)
        fit_to_screen(self, 520, 0)

    def _reason_enabled(self) -> None:
        leaving = self.status.currentData() == MemberStatus.LEFT
        self.reason.setEnabled(leaving)
        if not leaving:
            self.reason.setCurrentIndex(0)

    def values(self) -> dict:
        return {"status": self.status.currentData(), "effective_on": self.effective_on.text(),
                "left_reason": self.reason.currentData(), "note": self.note.text()}

    def write(self, db, values: dict):
        if values["status"] == MemberStatus.LEFT and not values["left_reason"]:
            raise ValidationError(tr("Choose the reason for leaving the cell."))
        return members.change_status(db, self.member_id, values["status"], values["effective_on"],
                                     left_reason=values["left_reason"], note=values["note"])
