"""Thêm / sửa đảng viên, and a change of status (with the history of the member's statuses)."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QPlainTextEdit

from chibo.errors import ValidationError
from chibo.services import members
from chibo.text import format_date
from chibo.ui.editor import EditorDialog, choice_field, date_field
from chibo.ui.screen import fit_to_screen
from chibo.vocabulary import (
    CELL_POSITION_LABELS, LEFT_REASON_LABELS, MEMBER_STATUS_LABELS, CellPosition, MemberStatus, label,
)

SEX_CHOICES = {"Nam": "Nam", "Nữ": "Nữ"}


class MemberEditor(EditorDialog):
    """A new member (with the status held from a day) when `row` is None, else the member's details."""

    def __init__(self, book, row=None, parent=None):
        super().__init__(book, "Sửa thông tin đảng viên" if row else "Thêm đảng viên", parent)
        self.member_id = row.member.id if row else None
        m = row.member if row else None
        self.full_name = QLineEdit(m.full_name if m else "")
        self.full_name.setPlaceholderText("Họ và tên đầy đủ, có dấu")
        self.sex = choice_field(SEX_CHOICES, m.sex if m else "", empty="")
        self.birth_date = date_field(format_date(m.birth_date) if m else "")
        self.birth_year = QLineEdit(str(m.birth_year or "") if m else "")
        self.birth_year.setMaximumWidth(80)
        self.birth_year.setToolTip("Chỉ điền khi không biết ngày sinh.")
        self.ethnicity = QLineEdit(m.ethnicity if m else "")
        self.card_number = QLineEdit(m.card_number if m else "")
        self.admitted_on = date_field(format_date(m.admitted_on) if m else "")
        self.official_on = date_field(format_date(m.official_on) if m else "")
        self.phone = QLineEdit(m.phone if m else "")
        self.position = choice_field(CELL_POSITION_LABELS, m.position if m else CellPosition.MEMBER)
        self.note = QPlainTextEdit(m.note if m else "")
        self.note.setFixedHeight(60)
        self.note.setTabChangesFocus(True)
        form = QFormLayout()
        form.addRow("&Họ và tên (*):", self.full_name)
        form.addRow("&Giới tính:", self.sex)
        form.addRow("&Ngày sinh:", self.birth_date)
        form.addRow("Năm sinh (nếu không rõ ngày):", self.birth_year)
        form.addRow("&Dân tộc:", self.ethnicity)
        form.addRow("Số &thẻ đảng viên:", self.card_number)
        form.addRow("Ngày &vào Đảng:", self.admitted_on)
        form.addRow("Ngày chính thức:", self.official_on)
        form.addRow("Điện thoại:", self.phone)
        form.addRow("&Chức vụ trong chi bộ:", self.position)
        fields = [self.full_name, self.sex, self.birth_date, self.birth_year, self.ethnicity, self.card_number,
                  self.admitted_on, self.official_on, self.phone, self.position, self.note]
        if row is None:
            statuses = {k: v for k, v in MEMBER_STATUS_LABELS.items() if k != MemberStatus.LEFT}
            self.status = choice_field(statuses, MemberStatus.FULL)
            self.joined_on = date_field(format_date(date.today()))
            form.addRow("Tình t&rạng:", self.status)
            form.addRow("Sinh hoạt ở chi bộ từ ngày:", self.joined_on)
            fields += [self.status, self.joined_on]
        else:
            form.addRow("Tình trạng:", QLabel(f"{label(row.status, MEMBER_STATUS_LABELS)} (đổi bằng nút "
                                             "“Đổi tình trạng…”)" if row.status else ""))
        form.addRow("Ghi chú:", self.note)
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


class StatusDialog(EditorDialog):
    """A new line in the member's status history: from a day, a status (and why, when leaving)."""

    def __init__(self, book, row, history: list, parent=None):
        super().__init__(book, f"Đổi tình trạng: {row.member.full_name}", parent)
        self.member_id = row.member.id
        lines = [f"{format_date(h.effective_on)}: {label(h.status, MEMBER_STATUS_LABELS)}"
                 + (f" ({label(h.left_reason, LEFT_REASON_LABELS)})" if h.left_reason else "")
                 + (f"; {h.note}" if h.note else "") for h in history]
        past = QLabel("<b>Quá trình:</b><br>" + "<br>".join(lines) if lines else "Chưa có quá trình.")
        past.setWordWrap(True)
        choices = {k: v for k, v in MEMBER_STATUS_LABELS.items() if k != row.status}
        self.status = choice_field(choices)
        self.effective_on = date_field(format_date(date.today()))
        self.reason = choice_field(LEFT_REASON_LABELS, empty="")
        self.note = QLineEdit()
        self.note.setPlaceholderText("ví dụ: số quyết định, nơi chuyển đến")
        form = QFormLayout()
        form.addRow("&Tình trạng mới:", self.status)
        form.addRow("Từ &ngày:", self.effective_on)
        form.addRow("&Lý do rời chi bộ:", self.reason)
        form.addRow("&Ghi chú:", self.note)
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
            raise ValidationError("Hãy chọn lý do rời chi bộ.")
        return members.change_status(db, self.member_id, values["status"], values["effective_on"],
                                     left_reason=values["left_reason"], note=values["note"])
