"""Cài đặt: the unit's details, the cell's rules (quorum, essay grades, probation, study target),
the text size, and the backups (list, make now, restore with the current book saved first)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication, QComboBox, QDoubleSpinBox, QFileDialog, QFormLayout, QHBoxLayout, QHeaderView, QLabel, QLineEdit,
    QMessageBox, QPushButton, QSpinBox, QTabWidget, QVBoxLayout, QWidget,
)

from chibo.text import format_date, format_size
from chibo.ui.editor import date_field
from chibo.ui.operations import message_of, run_write, wait_for_jobs
from chibo.ui.table import ColumnsModel, record_table

TEXT_SIZE_SETTING = "text_size"
TEXT_SIZES = {"normal": ("Bình thường", 0), "large": ("Lớn (dễ đọc hơn)", 2), "larger": ("Rất lớn", 4)}
BACKUP_COLUMNS = ("Thời điểm", "Loại", "Dung lượng", "Tệp")
_base_point_size: float | None = None


def apply_text_size(key: str) -> None:
    """Larger text for older eyes: the application font grows by 2 or 4 points over the system's."""
    global _base_point_size
    app = QApplication.instance()
    font = app.font()
    if _base_point_size is None:
        _base_point_size = font.pointSizeF() if font.pointSizeF() > 0 else 10.0
    font.setPointSizeF(_base_point_size + TEXT_SIZES.get(key, TEXT_SIZES["normal"])[1])
    app.setFont(font)


@dataclass
class SettingsData:
    unit: object
    term_start: date
    suffix: str
    rules: object
    text_size: str
    fingerprint: str
    backups: list = field(default_factory=list)


def load_settings(db, folder: Path) -> SettingsData:
    from chibo import paths
    from chibo.services.numbering import symbol_suffix, term_start
    from chibo.services.settings import load_rules
    from chibo.services.units import local_unit
    from chibo.store.backup import list_backups
    from chibo.store.book import get_setting
    from chibo.sync.keys import load_keys

    keys = load_keys(folder)
    return SettingsData(local_unit(db), term_start(db), symbol_suffix(db), load_rules(db),
                        get_setting(db, TEXT_SIZE_SETTING, "normal"), keys.fingerprint if keys else "",
                        list_backups(paths.backup_dir(folder)))


def save_settings(db, values: dict) -> None:
    """One transaction: a refusal anywhere leaves every setting as it was."""
    from dataclasses import replace

    from chibo.services.common import clean_date
    from chibo.services.numbering import set_symbol_suffix, set_term_start
    from chibo.services.settings import load_rules, save_rules
    from chibo.services.units import update_unit
    from chibo.store.book import set_setting

    update_unit(db, **values["unit"])
    set_term_start(db, clean_date(values["term_start"], "ngày bắt đầu nhiệm kỳ", required=True))
    set_symbol_suffix(db, values["suffix"])
    save_rules(db, replace(load_rules(db), **values["rules"]))
    set_setting(db, TEXT_SIZE_SETTING, values["text_size"] if values["text_size"] in TEXT_SIZES else "normal")


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
            size = "(không đọc được)"
        return (f"{format_date(b.made_at.date())} {b.made_at:%H:%M}", "Tự động hằng ngày" if b.automatic else "Sao lưu tay",
                size, b.path.name)[index.column()]


class SettingsPage(QWidget):
    changed = Signal()  # saved or restored: the window reloads everything

    def __init__(self, book):
        super().__init__()
        self.book = book
        self.data: SettingsData | None = None
        self.dirty = False
        heading = QLabel("Cài đặt")
        heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.tabs = QTabWidget()
        self.tabs.addTab(self._unit_tab(), "Đơn vị")
        self.tabs.addTab(self._rules_tab(), "Quy tắc của chi bộ")
        self.tabs.addTab(self._display_tab(), "Cỡ chữ")
        self.tabs.addTab(self._backup_tab(), "Sao lưu, khôi phục")
        self.error = QLabel()
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020")
        self.save_button = QPushButton("Lưu thay đổi (Ctrl+S)")
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
        for widget in (self.name, self.superior, self.place, self.term_start, self.suffix, self.grades, self.failing):
            widget.textEdited.connect(self._mark_dirty)
        for widget in (self.quorum, self.text_size):
            widget.activated.connect(self._mark_dirty)
        for widget in (self.probation, self.target):
            widget.valueChanged.connect(lambda *_: self._mark_dirty() if self.data is not None else None)

    def _unit_tab(self) -> QWidget:
        tab = QWidget()
        self.name, self.superior, self.place = QLineEdit(), QLineEdit(), QLineEdit()
        self.role, self.code, self.fingerprint = QLabel(), QLabel(), QLabel()
        self.fingerprint.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.fingerprint.setStyleSheet("font-family: monospace; font-size: 12pt")
        self.term_start = date_field()
        self.suffix = QLineEdit()
        self.suffix.setMaximumWidth(80)
        form = QFormLayout(tab)
        form.addRow("&Tên đơn vị (*):", self.name)
        form.addRow("&Cấp ủy cấp trên:", self.superior)
        form.addRow("Đị&a danh:", self.place)
        form.addRow("Vai trò:", self.role)
        form.addRow("Mã đơn vị (tên gói dữ liệu):", self.code)
        form.addRow("Mã khóa dữ liệu:", self.fingerprint)
        form.addRow("Ngày bắt đầu &nhiệm kỳ:", self.term_start)
        form.addRow("&Ký hiệu đơn vị trên văn bản:", self.suffix)
        hint = QLabel("Số văn bản chi bộ ban hành (biên bản, kế hoạch, báo cáo) đánh lại từ 01 khi bắt đầu nhiệm kỳ mới; "
                      "ký hiệu đứng sau dấu gạch chéo, ví dụ 05-BB/CB.")
        hint.setWordWrap(True)
        form.addRow("", hint)
        return tab

    def _rules_tab(self) -> QWidget:
        from chibo.services.settings import QUORUM_RULE_LABELS

        tab = QWidget()
        self.quorum = QComboBox()
        self.quorum.setSizeAdjustPolicy(QComboBox.AdjustToMinimumContentsLengthWithIcon)  # long rules: no wide window
        self.quorum.setMinimumContentsLength(30)
        for key, text in QUORUM_RULE_LABELS.items():
            self.quorum.addItem(text, key)
        self.grades = QLineEdit()
        self.grades.setPlaceholderText("Tốt; Khá; Đạt; Chưa đạt")
        self.failing = QLineEdit()
        self.probation = QSpinBox()
        self.probation.setRange(1, 36)
        self.probation.setSuffix(" tháng")
        self.target = QDoubleSpinBox()
        self.target.setRange(1, 100)
        self.target.setDecimals(0)
        self.target.setSuffix(" %")
        for spin in (self.probation, self.target):
            spin.setMaximumWidth(140)
        form = QFormLayout(tab)
        form.addRow("Đủ số lượng để &biểu quyết khi:", self.quorum)
        form.addRow("Thang xếp loại &bài thu hoạch:", self.grades)
        form.addRow("Mức phải &viết lại:", self.failing)
        form.addRow("Thời gian &dự bị:", self.probation)
        form.addRow("Chỉ tiêu tỷ lệ &học tập:", self.target)
        hint = QLabel("Các mức cách nhau bằng dấu chấm phẩy. Quy tắc đủ số lượng mặc định theo Quy định 24-QĐ/TW: "
                      "quá nửa số đảng viên chính thức, trừ người đi sinh hoạt nơi khác, miễn sinh hoạt mà vắng, "
                      "vắng có lý do.")
        hint.setWordWrap(True)
        form.addRow("", hint)
        return tab

    def _display_tab(self) -> QWidget:
        tab = QWidget()
        self.text_size = QComboBox()
        for key, (text, _points) in TEXT_SIZES.items():
            self.text_size.addItem(text, key)
        form = QFormLayout(tab)
        form.addRow("Cỡ &chữ trên màn hình:", self.text_size)
        hint = QLabel("Chữ lớn hơn dễ đọc hơn; cỡ chữ trên giấy in không đổi. Áp dụng ngay khi bấm Lưu thay đổi.")
        hint.setWordWrap(True)
        form.addRow("", hint)
        return tab

    def _backup_tab(self) -> QWidget:
        tab = QWidget()
        self.backup_folder = QLabel()
        self.backup_folder.setWordWrap(True)
        self.backup_folder.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.backup_model = BackupModel()
        self.backup_table = record_table(self.backup_model)
        self.backup_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        make = QPushButton("Sao lưu ngay")
        restore = QPushButton("Khôi phục bản đã chọn…")
        restore_file = QPushButton("Khôi phục từ tệp khác…")
        make.clicked.connect(self.make_backup)
        restore.clicked.connect(self.restore_selected)
        restore_file.clicked.connect(self._pick_restore)
        buttons = QHBoxLayout()
        for button in (make, restore, restore_file):
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout = QVBoxLayout(tab)
        note = QLabel("chibo tự sao lưu sổ mỗi ngày khi mở (giữ 7 bản hằng ngày, 4 bản hằng tuần, 12 bản hằng tháng). "
                      "Khi khôi phục, sổ hiện tại được sao lưu trước nên có thể quay lại.")
        note.setWordWrap(True)
        layout.addWidget(note)
        layout.addWidget(self.backup_folder)
        layout.addWidget(self.backup_table, 1)
        layout.addLayout(buttons)
        return tab

    def _mark_dirty(self, *_args) -> None:
        self.dirty = True
        self.status.setText("Có thay đổi chưa lưu.")

    def show_data(self, data: SettingsData) -> None:
        """Fill the fields; kept as typed while there are unsaved changes."""
        from chibo.vocabulary import UnitRole

        if self.dirty:
            self.backup_model.set_rows(data.backups)
            return
        self.data = data
        u = data.unit
        self.name.setText(u.name)
        self.superior.setText(u.superior_name)
        self.place.setText(u.place_name)
        self.role.setText("Chi bộ (gửi báo cáo lên cấp trên)" if u.role == UnitRole.CELL else
                          "Cấp nhận báo cáo (cộng số liệu các chi bộ)")
        self.code.setText(u.code)
        self.fingerprint.setText(data.fingerprint or "(chưa có; được tạo khi gửi gói đầu tiên)")
        self.term_start.setText(format_date(data.term_start))
        self.suffix.setText(data.suffix)
        r = data.rules
        self.quorum.setCurrentIndex(max(self.quorum.findData(r.quorum_rule), 0))
        self.grades.setText("; ".join(r.essay_grades))
        self.failing.setText("; ".join(r.failing_grades))
        self.probation.setValue(r.probation_months)
        self.target.setValue(r.study_target_percent)
        self.text_size.setCurrentIndex(max(self.text_size.findData(data.text_size), 0))
        self.backup_folder.setText(f"Thư mục sao lưu: {self.book.backups}")
        self.backup_model.set_rows(data.backups)
        self.backup_table.resizeColumnsToContents()
        self.backup_table.horizontalHeader().setSectionResizeMode(3, QHeaderView.Stretch)
        self.dirty = False

    def values(self) -> dict:
        return {
            "unit": {"name": self.name.text(), "superior_name": self.superior.text(), "place_name": self.place.text()},
            "term_start": self.term_start.text(), "suffix": self.suffix.text(),
            "rules": {"quorum_rule": self.quorum.currentData(), "essay_grades": split_grades(self.grades.text()),
                      "failing_grades": split_grades(self.failing.text()), "probation_months": self.probation.value(),
                      "study_target_percent": float(self.target.value())},
            "text_size": self.text_size.currentData(),
        }

    def save(self) -> None:
        values, book = self.values(), self.book
        self.save_button.setEnabled(False)

        def work():
            with book.session() as db:
                save_settings(db, values)

        def saved(_result):
            self.save_button.setEnabled(True)
            self.error.clear()
            self.dirty = False
            self.status.setText("Đã lưu.")
            apply_text_size(values["text_size"])
            self.changed.emit()

        def refused(exc):
            self.save_button.setEnabled(True)
            self.error.setText(message_of(
                exc, "Không lưu được. Chi tiết được ghi trong nhật ký; cài đặt không bị thay đổi."))

        run_write(work, saved, refused)

    def make_backup(self) -> None:
        from chibo.store.backup import make_backup

        book = self.book
        run_write(lambda: make_backup(book.database, book.backups),
                  lambda made: (self.status.setText(f"Đã sao lưu: {made.path.name}"), self.changed.emit()),
                  lambda exc: self.error.setText(message_of(exc, f"Không sao lưu được: {exc}")))

    def restore_selected(self) -> None:
        rows = self.backup_table.selectionModel().selectedRows()
        if not rows:
            QMessageBox.information(self, "chibo", "Hãy chọn một bản sao lưu trong danh sách trước.")
            return
        backup = self.backup_model.rows[rows[0].row()]
        self.restore(backup.path, f"bản sao lưu lúc {backup.made_at:%H:%M} ngày {format_date(backup.made_at.date())}")

    def _pick_restore(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, "Chọn tệp sao lưu", str(self.book.backups),
                                              "Sổ chibo (*.sqlite);;Mọi tệp (*)")
        if path:
            self.restore(Path(path), f"tệp {Path(path).name}")

    def confirm_restore(self, what: str) -> bool:
        """Tests replace it."""
        answer = QMessageBox.question(
            self, "Khôi phục sổ",
            f"Thay toàn bộ sổ hiện tại bằng {what}?\n\nNhững gì ghi sau thời điểm đó sẽ không còn trong sổ. "
            "Sổ hiện tại được sao lưu trước, nên có thể khôi phục lại nếu nhầm.",
            QMessageBox.Yes | QMessageBox.Cancel, QMessageBox.Cancel)
        return answer == QMessageBox.Yes

    def restore(self, path: Path, what: str) -> None:
        if not self.confirm_restore(what):
            return
        wait_for_jobs()  # no read may hold the book while it is replaced
        book = self.book

        def done(safety):
            self.dirty = False
            kept = f" Sổ trước khi khôi phục được lưu ở {safety.path.name}." if safety else ""
            self.status.setText("Đã khôi phục." + kept)
            self.changed.emit()

        run_write(lambda: book.restore_from(path), done,
                  lambda exc: QMessageBox.warning(self, "chibo", message_of(
                      exc, "Không khôi phục được; sổ vẫn như trước. Chi tiết ở nhật ký.")))

