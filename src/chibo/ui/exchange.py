"""Trao đổi dữ liệu: bundles on a USB stick. A cell writes its report bundle and takes its
superior's plan bundle; the receiving level takes its cells' report bundles (files or a whole
folder), approves new units by their key fingerprint, sends the plan bundle and sums the figures.
Every bundle is read and written on the write worker; this page only shows what came back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox, QComboBox, QFileDialog, QGroupBox, QHBoxLayout, QHeaderView, QLabel, QMessageBox,
    QProgressBar, QPushButton, QTableView, QTabWidget, QVBoxLayout, QWidget,
)
from sqlmodel import col, select

from chibo.services.units import local_unit
from chibo.store.book import get_setting
from chibo.store.models import BundleLog, KnownUnit
from chibo.text import format_count, format_date, format_percent, format_size
from chibo.ui.drives import removable_drives
from chibo.ui.operations import message_of, run_write
from chibo.ui.record_list import RecordListModel
from chibo.ui.table import record_table
from chibo.vocabulary import UnitRole

OUTCOME_LABELS = {"imported": "Đã nhập", "pending": "Chờ xác nhận", "rejected": "Bị từ chối"}
REPORT_COLUMNS = ("Tệp", "Đơn vị gửi", "Gói số", "Kết quả", "Mới", "Cập nhật", "Trùng", "Cũ", "Xung đột", "Lý do")
LOG_COLUMNS = ("Ngày nhận", "Tệp", "Đơn vị gửi", "Loại gói", "Gói số", "Kết quả", "Lý do")
PENDING_COLUMNS = ("Đơn vị", "Mã khóa cần đối chiếu", "Gói đang chờ", "Nhận lần đầu")
UNIT_COLUMNS = ("Đơn vị", "Mã khóa", "Gói cuối", "Ngày nhận", "Đảng viên", "Buổi sinh hoạt")
DOCUMENT_COLUMNS = ("Văn bản", "Phải học", "Đã học", "Tỷ lệ")


@dataclass
class ExchangeData:
    role: str
    unit_name: str
    fingerprint: str
    last_seq: int  # of this book's last bundle: a report bundle at a cell, a plan bundle at the receiving level
    recipient: dict | None
    pending: list = field(default_factory=list)  # PendingUnit
    log: list = field(default_factory=list)  # (id, cells)
    units: list = field(default_factory=list)  # (id, cells), receiving role
    documents: list = field(default_factory=list)  # (id, cells), receiving role


def report_row(report) -> tuple[str, tuple[str, ...]]:
    counts = report.counts
    return (report.file, (Path(report.file).name, report.sender_name, str(report.seq or ""),
                          OUTCOME_LABELS.get(report.outcome, report.outcome),
                          *(format_count(counts[k]) for k in ("new", "updated", "duplicate", "stale", "conflict")),
                          report.reason))


def load_exchange(db, today: date | None = None) -> ExchangeData:
    """Computed on a worker."""
    from chibo.sync.export import RECIPIENT_SETTING, SEQ_SETTING, PLAN_SEQ_SETTING
    from chibo.sync.keys import key_fingerprint
    from chibo.sync.trust import pending_units

    unit = local_unit(db)
    receiving = unit.role == UnitRole.RECEIVING
    data = ExchangeData(unit.role, unit.name, key_fingerprint(unit.signing_key) if unit.signing_key else "",
                        int(get_setting(db, PLAN_SEQ_SETTING if receiving else SEQ_SETTING, 0)),
                        get_setting(db, RECIPIENT_SETTING), pending_units(db))
    names = {k.unit_id: k.name for k in db.exec(select(KnownUnit))}
    for entry in db.exec(select(BundleLog).order_by(col(BundleLog.received_at).desc()).limit(200)):
        data.log.append((entry.id, (format_date(entry.received_at), entry.file_name,
                                    names.get(entry.sender_unit_id, ""), "kế hoạch" if entry.kind == "plan" else "báo cáo",
                                    str(entry.seq or ""), OUTCOME_LABELS.get(entry.outcome, entry.outcome),
                                    entry.reason)))
    if receiving:
        from chibo.sync.summary import consolidated

        units, total = consolidated(db, today)
        for summary in [*units, total]:
            data.units.append((summary.unit_id, (summary.name, summary.fingerprint,
                                                 str(summary.last_seq) if summary.unit_id else "",
                                                 summary.last_bundle_at and format_date(date.fromisoformat(
                                                     summary.last_bundle_at)) or "",
                                                 format_count(summary.members), format_count(summary.sessions))))
        for document in sorted(total.documents.values(), key=lambda d: d.number_symbol):
            data.documents.append((document.number_symbol, (
                document.number_symbol, format_count(document.required), format_count(document.studied),
                format_percent(document.percent) if document.percent is not None else "")))
    return data


def _table(columns: tuple[str, ...], stretch: int) -> tuple[QTableView, RecordListModel]:
    model = RecordListModel(columns)
    view = record_table(model)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setProperty("stretch", stretch)
    return view, model


def _fill(view: QTableView, model: RecordListModel, rows) -> None:
    model.set_rows(rows)
    view.resizeColumnsToContents()
    view.horizontalHeader().setSectionResizeMode(view.property("stretch"), QHeaderView.Stretch)


def _show_failure(parent: QWidget, exc: Exception) -> None:
    message = message_of(exc, "Việc trao đổi dữ liệu không làm xong được. Chi tiết được ghi trong nhật ký; "
                              "sổ không bị thay đổi.")
    QMessageBox.warning(parent, "chibo", message)


class _Progress(QObject):
    step = Signal(int, int, str)  # done, total, file name: emitted on the worker, shown on the GUI thread


class DestinationPicker(QWidget):
    """Where to write: a removable drive found on the machine, or a folder chosen by hand."""

    def __init__(self):
        super().__init__()
        self.combo = QComboBox()
        self.combo.setMinimumWidth(420)
        label = QLabel("Ghi vào:")
        label.setBuddy(self.combo)
        refresh = QPushButton("Tìm lại ổ USB")
        refresh.setToolTip("Cắm USB rồi bấm nút này để chibo thấy ổ mới.")
        choose = QPushButton("Chọn thư mục…")
        refresh.clicked.connect(self.refresh)
        choose.clicked.connect(self.choose_folder)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(label)
        layout.addWidget(self.combo, 1)
        layout.addWidget(refresh)
        layout.addWidget(choose)
        self.folders: list[Path] = []  # chosen by hand; kept across a new search for drives
        self.refresh()

    def refresh(self) -> None:
        self.combo.clear()
        for drive in removable_drives():
            self.combo.addItem(drive.label, (drive.name, str(drive.path)))
        for folder in self.folders:
            self.combo.addItem(f"Thư mục {folder}", (f"thư mục {folder}", str(folder)))
        if self.combo.count() == 0:
            self.combo.addItem("Chưa thấy ổ USB nào: hãy cắm USB rồi bấm “Tìm lại ổ USB”, hoặc chọn thư mục", None)

    def set_folder(self, folder: Path) -> None:
        self.folders.append(folder)
        self.refresh()
        self.combo.setCurrentIndex(self.combo.count() - 1)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục ghi gói dữ liệu")
        if folder:
            self.set_folder(Path(folder))

    def destination(self) -> tuple[str, Path] | None:
        data = self.combo.currentData()
        return (data[0], Path(data[1])) if data else None


class ImportPanel(QWidget):
    """Files or a whole folder in, one bundle at a time on the write worker, a row per bundle."""

    imported = Signal(list)  # the ImportReports

    def __init__(self, book, what: str):
        super().__init__()
        self.book = book
        self.files_button = QPushButton(f"Nhập {what}…")
        self.folder_button = QPushButton("Nhập cả thư mục…")
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.progress = QProgressBar()
        self.progress.setFormat("%v/%m gói")
        self.progress.hide()
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.table, self.model = _table(REPORT_COLUMNS, len(REPORT_COLUMNS) - 1)
        buttons = QHBoxLayout()
        buttons.addWidget(self.files_button)
        buttons.addWidget(self.folder_button)
        buttons.addWidget(self.progress, 1)
        buttons.addStretch(0)  # takes the room while the progress bar is hidden, so buttons keep their size
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(buttons)
        layout.addWidget(self.status)
        layout.addWidget(self.table, 1)

    def choose_files(self) -> None:
        files, _ = QFileDialog.getOpenFileNames(self, "Chọn gói dữ liệu", "", "Gói dữ liệu chibo (*.chibo);;Mọi tệp (*)")
        if files:
            self.import_files([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Chọn thư mục có các gói dữ liệu")
        if folder:
            files = sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix == ".chibo")
            if not files:
                QMessageBox.information(self, "chibo", f"Thư mục “{folder}” không có tệp .chibo nào.")
                return
            self.import_files(files)

    def import_files(self, files: list[Path]) -> None:
        from chibo.sync.importer import import_bundle

        book, progress = self.book, _Progress(self)
        progress.step.connect(self._step)
        self._busy(True, len(files))

        def work():
            reports = []
            for index, path in enumerate(files):
                progress.step.emit(index, len(files), path.name)
                reports.append(import_bundle(book, path))
            progress.step.emit(len(files), len(files), "")
            return reports

        def done(reports):
            self._busy(False)
            _fill(self.table, self.model, [report_row(r) for r in reports])
            counts = {o: sum(r.outcome == o for r in reports) for o in OUTCOME_LABELS}
            self.status.setText(f"Đã xử lý {len(reports)} gói: nhập {counts['imported']}, chờ xác nhận "
                                f"{counts['pending']}, bị từ chối {counts['rejected']}.")
            self.imported.emit(reports)

        def failed(exc):
            self._busy(False)
            _show_failure(self, exc)

        run_write(work, done, failed)

    def _step(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.status.setText(f"Đang kiểm tra và nhập {name}…" if name else "")

    def _busy(self, busy: bool, total: int = 0) -> None:
        self.files_button.setEnabled(not busy)
        self.folder_button.setEnabled(not busy)
        self.progress.setVisible(busy)
        if busy:
            self.progress.setRange(0, total)
            self.progress.setValue(0)


class PendingPanel(QGroupBox):
    """New senders held until their fingerprint is compared with the one on their paper."""

    decided = Signal(list)  # ImportReports of the bundles imported on approval

    def __init__(self, book, who: str):
        super().__init__("Đơn vị chờ xác nhận mã khóa")
        self.book, self.who = book, who
        self.units: list = []
        self.table, self.model = _table(PENDING_COLUMNS, 0)
        self.table.setMaximumHeight(130)
        self.approve_button = QPushButton("Xác nhận mã khóa…")
        self.reject_button = QPushButton("Từ chối đơn vị…")
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        hint = QLabel(f"Gói đầu tiên của {who} mới được giữ lại, chưa tính vào số liệu. Hãy đối chiếu mã khóa "
                      "với mã in trên báo cáo của đơn vị đó (hoặc đọc qua điện thoại) rồi mới xác nhận.")
        hint.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.addWidget(self.approve_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(buttons)

    def show_units(self, units) -> None:
        self.units = list(units)
        _fill(self.table, self.model, [(u.unit_id, (u.name, u.fingerprint, str(u.bundles), format_date(u.first_seen_at)))
                                       for u in self.units])
        self.setVisible(bool(self.units))
        if self.units:
            self.table.selectRow(0)

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.units[rows[0].row()] if rows else None

    def confirm(self, unit) -> bool:
        """The operator compares the fingerprint before anything of this unit is counted."""
        box = QMessageBox(QMessageBox.Question, "Xác nhận mã khóa",
                          f"Đối chiếu mã khóa của “{unit.name}”:\n\n{unit.fingerprint}\n\nvới mã in ở cuối báo cáo "
                          "của đơn vị (hoặc do đơn vị đọc qua điện thoại). Chỉ xác nhận khi hai mã giống hệt nhau.",
                          parent=self)
        confirm = box.addButton("Hai mã giống nhau, xác nhận", QMessageBox.AcceptRole)
        cancel = box.addButton("Hủy", QMessageBox.RejectRole)
        box.setDefaultButton(cancel)
        box.exec()
        return box.clickedButton() is confirm

    def approve(self) -> None:
        from chibo.sync.trust import approve_unit

        unit = self._selected()
        if unit is None or not self.confirm(unit):
            return
        book = self.book
        run_write(lambda: approve_unit(book, unit.unit_id, unit.fingerprint), self.decided.emit,
                  lambda exc: _show_failure(self, exc))

    def reject(self) -> None:
        from chibo.sync.trust import reject_unit

        unit = self._selected()
        if unit is None:
            return
        answer = QMessageBox.question(
            self, "Từ chối đơn vị",
            f"Từ chối “{unit.name}” (mã khóa {unit.fingerprint})? Mọi gói có mã khóa này sẽ bị từ chối từ nay về sau.",
            QMessageBox.Yes | QMessageBox.No, QMessageBox.No)
        if answer != QMessageBox.Yes:
            return
        book = self.book
        run_write(lambda: reject_unit(book, unit.unit_id, unit.fingerprint), lambda _: self.decided.emit([]),
                  lambda exc: _show_failure(self, exc))


class ExportPanel(QWidget):
    """One button that writes the next bundle and says where, how big, and that it was checked."""

    exported = Signal(object)  # ExportResult

    def __init__(self, book, plan: bool):
        super().__init__()
        self.book, self.plan = book, plan
        self.picker = DestinationPicker()
        self.full = QCheckBox("Gửi toàn bộ sổ (khi cấp trên đề nghị gửi lại từ đầu)")
        self.full.setVisible(not plan)
        self.button = QPushButton("Xuất gói kế hoạch" if plan else "Xuất gói báo cáo")
        self.button.setDefault(True)
        self.button.clicked.connect(self.export)
        self.progress = QProgressBar()
        self.progress.setRange(0, 0)  # one step: a busy bar while the bundle is written and read back
        self.progress.hide()
        self.result = QLabel("")
        self.result.setWordWrap(True)
        self.result.setTextInteractionFlags(Qt.TextSelectableByMouse)
        row = QHBoxLayout()
        row.addWidget(self.button)
        row.addWidget(self.progress, 1)
        row.addStretch(0)  # as above
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addWidget(self.full)
        layout.addLayout(row)
        layout.addWidget(self.result)

    def export(self) -> None:
        from chibo.sync.export import export_bundle, export_plan

        destination = self.picker.destination()
        if destination is None:
            QMessageBox.information(self, "chibo", "Hãy cắm USB rồi bấm “Tìm lại ổ USB”, hoặc bấm “Chọn thư mục…”.")
            return
        name, folder = destination
        book, plan, full = self.book, self.plan, self.full.isChecked()
        self.button.setEnabled(False)
        self.progress.show()
        self.result.setText("Đang ghi gói và đọc lại để kiểm tra…")

        def done(result):
            self.button.setEnabled(True)
            self.progress.hide()
            what = "gói kế hoạch" if plan else "gói"
            text = f"Đã ghi {what} số {result.seq} vào {name}, {format_size(result.size)}, đã kiểm tra."
            text += f"\nTệp: {result.path.name} ({format_count(result.records)} bản ghi)."
            if plan:
                text += "\nMang gói này đến các chi bộ để nhập vào sổ của chi bộ."
            elif not result.sealed:
                text += ("\nGói chỉ được ký, chưa được niêm phong, vì chi bộ chưa nhập gói kế hoạch của cấp trên. "
                         "Hãy giữ USB cẩn thận.")
            self.result.setText(text)
            self.exported.emit(result)

        def failed(exc):
            self.button.setEnabled(True)
            self.progress.hide()
            self.result.setText("")
            _show_failure(self, exc)

        run_write(lambda: export_plan(book, folder) if plan else export_bundle(book, folder, full=full), done, failed)


def _section(title: str, *widgets: QWidget, stretch_last: bool = False) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_last and index == len(widgets) - 1 else 0)
    return box


class ExchangePage(QWidget):
    """Tabs by role, built once the book's role is known."""

    changed = Signal()  # something was imported, approved or exported: the window reloads

    def __init__(self, book):
        super().__init__()
        self.book = book
        self.role: str | None = None
        heading = QLabel("Trao đổi dữ liệu")
        heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.key_line = QLabel("Đang tải…")
        self.key_line.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.key_line)
        layout.addWidget(self.tabs, 1)

    def _build(self, role: str) -> None:
        self.role = role
        receiving = role == UnitRole.RECEIVING
        self.imports = ImportPanel(self.book, "gói báo cáo" if receiving else "gói kế hoạch")
        self.pending = PendingPanel(self.book, "một chi bộ" if receiving else "cấp trên")
        self.export_panel = ExportPanel(self.book, plan=receiving)
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.log_table, self.log_model = _table(LOG_COLUMNS, len(LOG_COLUMNS) - 1)
        self.imports.imported.connect(lambda _reports: self.changed.emit())
        self.pending.decided.connect(self._decided)
        self.export_panel.exported.connect(lambda _result: self.changed.emit())
        receive = QWidget()
        receive_layout = QVBoxLayout(receive)
        receive_layout.addWidget(self.pending)
        receive_layout.addWidget(self.imports, 1)
        send = QWidget()
        send_layout = QVBoxLayout(send)
        send_layout.addWidget(self.state)
        send_layout.addWidget(self.export_panel)
        send_layout.addStretch(1)
        if receiving:
            self.units_table, self.units_model = _table(UNIT_COLUMNS, 0)
            self.documents_table, self.documents_model = _table(DOCUMENT_COLUMNS, 0)
            totals = QWidget()
            totals_layout = QVBoxLayout(totals)
            totals_layout.addWidget(_section("Theo đơn vị", self.units_table))
            totals_layout.addWidget(_section("Học tập, quán triệt văn bản (cộng các đơn vị)", self.documents_table))
            self.tabs.addTab(receive, "Nhận gói báo cáo")
            self.tabs.addTab(totals, "Số liệu tổng hợp")
            self.tabs.addTab(send, "Gửi gói kế hoạch")
        else:
            self.tabs.addTab(send, "Gửi báo cáo lên cấp trên")
            self.tabs.addTab(receive, "Nhận gói kế hoạch")
        self.tabs.addTab(_section("Mọi gói đã nhận, mới nhất trước", self.log_table), "Nhật ký")

    def _decided(self, reports) -> None:
        if reports:
            _fill(self.imports.table, self.imports.model, [report_row(r) for r in reports])
            self.imports.status.setText(f"Đã xác nhận; nhập lại {len(reports)} gói đang chờ.")
        self.changed.emit()

    def show_data(self, data: ExchangeData) -> None:
        if self.role is None:
            self._build(data.role)
        self.key_line.setText(
            f"{data.unit_name}. Mã khóa của đơn vị: <b>{data.fingerprint}</b> (đọc cho đơn vị kia đối chiếu)"
            if data.fingerprint else f"{data.unit_name}. Mã khóa của đơn vị sẽ được tạo khi xuất gói lần đầu.")
        if data.role == UnitRole.RECEIVING:
            self.state.setText(f"Gói kế hoạch gửi các chi bộ: khóa của đảng ủy, các văn bản cần học tập và thời hạn, "
                               f"và gói cuối cùng đã nhận của mỗi chi bộ. Đã xuất {data.last_seq} gói kế hoạch.")
            _fill(self.units_table, self.units_model, data.units)
            _fill(self.documents_table, self.documents_model, data.documents)
        elif data.recipient:
            self.state.setText(f"Cấp trên: {data.recipient['name']}. Gói báo cáo được niêm phong, chỉ cấp trên mở được. "
                               f"Đã gửi {data.last_seq} gói; mỗi gói mang mọi thay đổi cấp trên chưa xác nhận đã nhận.")
        else:
            self.state.setText("Chưa nhập gói kế hoạch của cấp trên: gói báo cáo chỉ được ký, chưa được niêm phong. "
                               f"Đã gửi {data.last_seq} gói.")
        self.pending.show_units(data.pending)
        _fill(self.log_table, self.log_model, data.log)

