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
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import message_of, run_write
from chibo.ui.record_list import RecordListModel
from chibo.ui.table import record_table
from chibo.ui.words import label
from chibo.vocabulary import UnitRole

OUTCOME_LABELS = {"imported": QT_TR_NOOP("Imported"), "pending": QT_TR_NOOP("Awaiting confirmation"),
                  "rejected": QT_TR_NOOP("Rejected")}
REPORT_COLUMNS = (QT_TR_NOOP("File"), QT_TR_NOOP("Sent by"), QT_TR_NOOP("Bundle no."), QT_TR_NOOP("Outcome"),
                  QT_TR_NOOP("New"), QT_TR_NOOP("Updated"), QT_TR_NOOP("Duplicate"), QT_TR_NOOP("Stale"),
                  QT_TR_NOOP("Conflicts"), QT_TR_NOOP("Reason"))
LOG_COLUMNS = (QT_TR_NOOP("Received on"), QT_TR_NOOP("File"), QT_TR_NOOP("Sent by"), QT_TR_NOOP("Bundle kind"),
               QT_TR_NOOP("Bundle no."), QT_TR_NOOP("Outcome"), QT_TR_NOOP("Reason"))
PENDING_COLUMNS = (QT_TR_NOOP("Unit"), QT_TR_NOOP("Key fingerprint to compare"), QT_TR_NOOP("Bundles waiting"),
                   QT_TR_NOOP("First received"))
UNIT_COLUMNS = (QT_TR_NOOP("Unit"), QT_TR_NOOP("Key fingerprint"), QT_TR_NOOP("Last bundle"), QT_TR_NOOP("Received on"),
                QT_TR_NOOP("Members"), QT_TR_NOOP("Sessions held"))
DOCUMENT_COLUMNS = (QT_TR_NOOP("Document"), QT_TR_NOOP("Must study"), QT_TR_NOOP("Studied"), QT_TR_NOOP("Rate"))



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
                          label(report.outcome, OUTCOME_LABELS),
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
                                    names.get(entry.sender_unit_id, ""),
                                    tr("plan") if entry.kind == "plan" else tr("report"),
                                    str(entry.seq or ""), label(entry.outcome, OUTCOME_LABELS),
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
    message = message_of(exc, tr("The data exchange could not be finished. The details are in the log; "
                                 "the book was not changed."))
    QMessageBox.warning(parent, "chibo", message)


class _Progress(QObject):
    step = Signal(int, int, str)  # done, total, file name: emitted on the worker, shown on the GUI thread


class DestinationPicker(QWidget):
    """Where to write: a removable drive found on the machine, or a folder chosen by hand."""

    def __init__(self):
        super().__init__()
        self.combo = QComboBox()
        self.combo.setMinimumWidth(420)
        label = QLabel(tr("Write to:"))
        label.setBuddy(self.combo)
        refresh = QPushButton(tr("Look for USB drives again"))
        refresh.setToolTip(tr("Plug in the USB stick, then press this button so that chibo sees the new drive."))
        choose = QPushButton(tr("Choose a folder…"))
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
            self.combo.addItem(tr("Folder {folder}").format(folder=folder),
                               (tr("the folder {folder}").format(folder=folder), str(folder)))
        if self.combo.count() == 0:
            self.combo.addItem(tr("No USB drive found: plug in a USB stick and press “Look for USB drives again”, "
                                  "or choose a folder"), None)

    def set_folder(self, folder: Path) -> None:
        self.folders.append(folder)
        self.refresh()
        self.combo.setCurrentIndex(self.combo.count() - 1)

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the folder to write the bundle to"))
        if folder:
            self.set_folder(Path(folder))

    def destination(self) -> tuple[str, Path] | None:
        data = self.combo.currentData()
        return (data[0], Path(data[1])) if data else None


class ImportPanel(QWidget):
    """Files or a whole folder in, one bundle at a time on the write worker, a row per bundle."""

    imported = Signal(list)  # the ImportReports

    def __init__(self, book, button_text: str):
        super().__init__()
        self.book = book
        self.files_button = QPushButton(button_text)
        self.folder_button = QPushButton(tr("Import a whole folder…"))
        self.files_button.clicked.connect(self.choose_files)
        self.folder_button.clicked.connect(self.choose_folder)
        self.progress = QProgressBar()
        self.progress.setFormat(tr("%v/%m bundles"))
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
        files, _ = QFileDialog.getOpenFileNames(self, tr("Choose data bundles"), "",
                                                tr("chibo data bundles (*.chibo);;All files (*)"))
        if files:
            self.import_files([Path(f) for f in files])

    def choose_folder(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, tr("Choose the folder that holds the bundles"))
        if folder:
            files = sorted(p for p in Path(folder).iterdir() if p.is_file() and p.suffix == ".chibo")
            if not files:
                QMessageBox.information(self, "chibo", tr("The folder “{folder}” holds no .chibo file.").format(
                    folder=folder))
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
            self.status.setText(tr("{count} bundles done: {imported} imported, {pending} awaiting confirmation, "
                                   "{rejected} rejected.").format(count=len(reports), **counts))
            self.imported.emit(reports)

        def failed(exc):
            self._busy(False)
            _show_failure(self, exc)

        run_write(work, done, failed)

    def _step(self, done: int, total: int, name: str) -> None:
        self.progress.setMaximum(total)
        self.progress.setValue(done)
        self.status.setText(tr("Checking and importing {file}…").format(file=name) if name else "")

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
        super().__init__(tr("Units awaiting key confirmation"))
        self.book, self.who = book, who
        self.units: list = []
        self.table, self.model = _table(PENDING_COLUMNS, 0)
        self.table.setMaximumHeight(130)
        self.approve_button = QPushButton(tr("Confirm the key…"))
        self.reject_button = QPushButton(tr("Reject the unit…"))
        self.approve_button.clicked.connect(self.approve)
        self.reject_button.clicked.connect(self.reject)
        hint = QLabel(tr("The first bundle of {who} is held back and not counted yet. Compare the key fingerprint "
                         "with the one printed on that unit’s report (or read out over the phone) before you "
                         "confirm it.").format(who=who))
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
        _fill(self.table, self.model, [(u.unit_id, (u.name, u.fingerprint, str(u.bundles),
                                                    format_date(u.first_seen_at))) for u in self.units])
        self.setVisible(bool(self.units))
        if self.units:
            self.table.selectRow(0)

    def _selected(self):
        rows = self.table.selectionModel().selectedRows()
        return self.units[rows[0].row()] if rows else None

    def confirm(self, unit) -> bool:
        """The operator compares the fingerprint before anything of this unit is counted."""
        box = QMessageBox(QMessageBox.Question, tr("Confirm the key"),
                          tr("Compare the key fingerprint of “{name}”:\n\n{fingerprint}\n\nwith the one printed at "
                             "the end of the unit’s report (or read out by the unit over the phone). Confirm only "
                             "when the two are exactly the same.").format(name=unit.name, fingerprint=unit.fingerprint),
                          parent=self)
        confirm = box.addButton(tr("Both are the same: confirm"), QMessageBox.AcceptRole)
        cancel = box.addButton(tr("Cancel"), QMessageBox.RejectRole)
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
            self, tr("Reject the unit"),
            tr("Reject “{name}” (key fingerprint {fingerprint})? Every bundle with this key will be rejected from "
               "now on.").format(name=unit.name, fingerprint=unit.fingerprint),
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
        self.full = QCheckBox(tr("Send the whole book (when the level above asks to start again)"))
        self.full.setVisible(not plan)
        self.button = QPushButton(tr("Export a plan bundle") if plan else tr("Export a report bundle"))
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
            QMessageBox.information(self, "chibo", tr("Plug in a USB stick and press “Look for USB drives again”, "
                                                      "or press “Choose a folder…”."))
            return
        name, folder = destination
        book, plan, full = self.book, self.plan, self.full.isChecked()
        self.button.setEnabled(False)
        self.progress.show()
        self.result.setText(tr("Writing the bundle and reading it back to check…"))

        def done(result):
            self.button.setEnabled(True)
            self.progress.hide()
            what = tr("plan bundle") if plan else tr("bundle")
            text = tr("Wrote {what} no. {seq} to {where}, {size}, and checked it.").format(
                what=what, seq=result.seq, where=name, size=format_size(result.size))
            text += tr("\nFile: {file} ({records} records).").format(file=result.path.name,
                                                                    records=format_count(result.records))
            if plan:
                text += tr("\nTake this bundle to the cells to import into their books.")
            elif not result.sealed:
                text += tr("\nThe bundle is signed but not sealed, because the cell has not imported a plan bundle "
                           "from the level above yet. Keep the USB stick safe.")
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
        heading = QLabel(tr("Data exchange"))
        heading.setStyleSheet("font-size: 14pt; font-weight: bold")
        self.key_line = QLabel(tr("Loading…"))
        self.key_line.setTextInteractionFlags(Qt.TextSelectableByMouse)
        self.tabs = QTabWidget()
        layout = QVBoxLayout(self)
        layout.addWidget(heading)
        layout.addWidget(self.key_line)
        layout.addWidget(self.tabs, 1)

    def _build(self, role: str) -> None:
        self.role = role
        receiving = role == UnitRole.RECEIVING
        self.imports = ImportPanel(self.book,
                                   tr("Import report bundles…") if receiving else tr("Import a plan bundle…"))
        self.pending = PendingPanel(self.book, tr("a cell") if receiving else tr("the level above"))
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
            totals_layout.addWidget(_section(tr("By unit"), self.units_table))
            totals_layout.addWidget(_section(tr("Study of documents (all units summed)"), self.documents_table))
            self.tabs.addTab(receive, tr("Receive report bundles"))
            self.tabs.addTab(totals, tr("Summed figures"))
            self.tabs.addTab(send, tr("Send a plan bundle"))
        else:
            self.tabs.addTab(send, tr("Send a report to the level above"))
            self.tabs.addTab(receive, tr("Receive a plan bundle"))
        self.tabs.addTab(_section(tr("Every bundle received, newest first"), self.log_table), tr("Log"))

    def _decided(self, reports) -> None:
        if reports:
            _fill(self.imports.table, self.imports.model, [report_row(r) for r in reports])
            self.imports.status.setText(tr("Confirmed; the {count} bundles waiting were imported again.").format(
                count=len(reports)))
        self.changed.emit()

    def show_data(self, data: ExchangeData) -> None:
        if self.role is None:
            self._build(data.role)
        if data.fingerprint:
            key = tr("{unit}. The unit’s key fingerprint: <b>{fingerprint}</b> (read it out for the other unit to "
                     "compare)").format(unit=data.unit_name, fingerprint=data.fingerprint)
        else:
            key = tr("{unit}. The unit’s key is made when the first bundle is exported.").format(unit=data.unit_name)
        self.key_line.setText(key)
        if data.role == UnitRole.RECEIVING:
            self.state.setText(tr("The plan bundle sent to the cells: the committee’s key, the documents to study "
                                  "with their deadlines, and the last bundle received from each cell. {count} plan "
                                  "bundles exported so far.").format(count=data.last_seq))
            _fill(self.units_table, self.units_model, data.units)
            _fill(self.documents_table, self.documents_model, data.documents)
        elif data.recipient:
            self.state.setText(tr("The level above: {name}. Report bundles are sealed: only the level above can "
                                  "open them. {count} bundles sent; each carries every change the level above has "
                                  "not yet confirmed receiving.").format(name=data.recipient["name"],
                                                                         count=data.last_seq))
        else:
            self.state.setText(tr("No plan bundle from the level above imported yet: report bundles are signed but "
                                  "not sealed. {count} bundles sent.").format(count=data.last_seq))
        self.pending.show_units(data.pending)
        _fill(self.log_table, self.log_model, data.log)

