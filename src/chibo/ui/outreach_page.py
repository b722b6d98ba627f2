"""Tuyên truyền: outreach to non-members (meetings, news, broadcasts, posts, posters), with the
people reached and the totals of the year by kind."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QFormLayout, QLabel, QLineEdit, QMessageBox, QPushButton, QSpinBox

from chibo.text import format_date
from chibo.ui.editor import EditorDialog, choice_field, date_field
from chibo.ui.screen import fit_to_screen
from chibo.ui.operations import message_of, run_write
from chibo.ui.record_list import RecordListPage
from chibo.vocabulary import OUTREACH_KIND_LABELS, OutreachKind, label

OUTREACH_COLUMNS = ("Ngày", "Hình thức", "Nội dung", "Văn bản", "Số lượng", "Số người")


def load_outreach(db, today: date | None = None) -> dict:
    from chibo.services.documents import list_documents
    from chibo.services.outreach import list_outreach, outreach_totals

    today = today or date.today()
    documents = list_documents(db)
    symbols = {d.id: d.number_symbol for d in documents}
    rows = [(e.id, (format_date(e.held_on), label(e.kind, OUTREACH_KIND_LABELS), e.description,
                    symbols.get(e.document_id, ""), str(e.quantity), str(e.audience))) for e in list_outreach(db)]
    totals = outreach_totals(db, year=today.year)
    return {"rows": rows, "totals": totals, "year": today.year,
            "documents": [(d.id, f"{d.number_symbol}: {d.title}") for d in documents]}


def totals_text(data: dict) -> str:
    totals = data["totals"]
    if not totals:
        return f"Năm {data['year']} chưa ghi hoạt động tuyên truyền nào."
    people = sum(t["audience"] for t in totals.values())
    parts = [f"{label(kind, OUTREACH_KIND_LABELS)}: {t['entries']} lần" + (f", {t['audience']} người" if t["audience"] else "")
             for kind, t in totals.items()]
    return f"Năm {data['year']}: " + "; ".join(parts) + f". Tổng số người được tuyên truyền: {people}."


class OutreachEditor(EditorDialog):
    def __init__(self, book, documents: list, parent=None):
        super().__init__(book, "Ghi hoạt động tuyên truyền", parent)
        self.kind = choice_field(OUTREACH_KIND_LABELS, OutreachKind.MEETING)
        self.held_on = date_field(format_date(date.today()))
        self.description = QLineEdit()
        self.description.setPlaceholderText("Ví dụ: Tuyên truyền Nghị quyết 57 cho bà con bản Nà Khum")
        self.document = choice_field(dict(documents), None, empty="(không gắn văn bản)")
        self.quantity = QSpinBox()
        self.quantity.setRange(0, 100_000)
        self.quantity.setValue(1)
        self.audience = QSpinBox()
        self.audience.setRange(0, 10_000_000)
        for spin in (self.quantity, self.audience):
            spin.setMaximumWidth(140)
        form = QFormLayout()
        form.addRow("&Hình thức:", self.kind)
        form.addRow("&Ngày:", self.held_on)
        form.addRow("Nội &dung:", self.description)
        form.addRow("&Văn bản:", self.document)
        form.addRow("Số &lượng (buổi, tin bài, pa nô…):", self.quantity)
        form.addRow("Số &người được tuyên truyền:", self.audience)
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


class OutreachPage(RecordListPage):
    def __init__(self, book):
        super().__init__(book, "outreach", "Tuyên truyền cho quần chúng", OUTREACH_COLUMNS, 2, [],
                         "Hãy chọn một hoạt động trong danh sách.", "{count} hoạt động tuyên truyền.")
        self.documents: list = []
        self.open_editor = lambda page, _record_id: page.show_dialog(OutreachEditor(page.book, page.documents, page))
        new_button, delete_button = QPushButton("Ghi hoạt động mới (Ctrl+N)"), QPushButton("Xóa hoạt động đã chọn…")
        new_button.clicked.connect(self.new_record)
        delete_button.clicked.connect(self.remove_selected)
        self.actions.addWidget(new_button)
        self.actions.addWidget(delete_button)
        self.actions.addStretch(1)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.layout().insertWidget(self.layout().indexOf(self.count) + 1, self.totals)
        self.papers.hide()  # no paper of its own: the totals go into the study-result report

    def show_data(self, data: dict) -> None:
        self.documents = data["documents"]
        self.show_rows(data["rows"])
        self.totals.setText(totals_text(data))

    def confirm_remove(self, cells: tuple) -> bool:
        """Tests replace it."""
        return QMessageBox.question(
            self, "Xóa hoạt động tuyên truyền",
            f"Xóa hoạt động ngày {cells[0]} ({cells[1]})? Có thể lấy lại từ bản sao lưu tự động ở trang Cài đặt.",
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel) == QMessageBox.Yes

    def remove_selected(self) -> None:
        from chibo.services.outreach import remove_outreach

        record_id = self.selected_id()
        if record_id is None:
            QMessageBox.information(self, "chibo", self.nothing_selected)
            return
        cells = next(c for rid, c in self.model.rows if rid == record_id)
        if not self.confirm_remove(cells):
            return
        book = self.book

        def work():
            with book.session() as db:
                remove_outreach(db, record_id)

        run_write(work, lambda _r: self.changed.emit(),
                  lambda exc: QMessageBox.warning(
                      self, "chibo", message_of(exc, "Không xóa được; sổ không bị thay đổi.")))
