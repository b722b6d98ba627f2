"""Bundles in, at either role: files or a whole folder, checked and imported one at a time on the
write worker with a progress bar, and a row per bundle that says what it brought (new, updated,
duplicate, stale, conflicts) or why it was refused or held."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from chibo.text import format_count
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import EVERYTHING, BookOp
from chibo.ui.widgets.exchange_parts import fill_table, list_table, show_failure
from chibo.ui.words import label

OUTCOME_LABELS = {"imported": QT_TR_NOOP("Imported"), "pending": QT_TR_NOOP("Awaiting confirmation"),
                  "rejected": QT_TR_NOOP("Rejected")}
REPORT_COLUMNS = (QT_TR_NOOP("File"), QT_TR_NOOP("Sent by"), QT_TR_NOOP("Bundle no."), QT_TR_NOOP("Outcome"),
                  QT_TR_NOOP("New"), QT_TR_NOOP("Updated"), QT_TR_NOOP("Duplicate"), QT_TR_NOOP("Stale"),
                  QT_TR_NOOP("Conflicts"), QT_TR_NOOP("Reason"))


def report_row(report) -> tuple[str, tuple[str, ...]]:
    counts = report.counts
    return (report.file, (Path(report.file).name, report.sender_name, str(report.seq or ""),
                          label(report.outcome, OUTCOME_LABELS),
                          *(format_count(counts[k]) for k in ("new", "updated", "duplicate", "stale", "conflict")),
                          report.reason or _warned(report)))


def _warned(report) -> str:
    """An imported report bundle whose checks found something: where to read it."""
    warnings = getattr(report, "warnings", [])
    return tr("{count} warnings: see the tab “Review bundles”").format(count=len(warnings)) if warnings else ""


class _Progress(QObject):
    step = Signal(int, int, str)  # done, total, file name: emitted on the worker, shown on the GUI thread


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
        self.table, self.model = list_table(REPORT_COLUMNS, len(REPORT_COLUMNS) - 1)
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
            fill_table(self.table, self.model, [report_row(r) for r in reports])
            counts = {o: sum(r.outcome == o for r in reports) for o in OUTCOME_LABELS}
            self.status.setText(tr("{count} bundles done: {imported} imported, {pending} awaiting confirmation, "
                                   "{rejected} rejected.").format(count=len(reports), **counts))
            self.imported.emit(reports)

        def failed(exc):
            self._busy(False)
            show_failure(self, exc)

        # A plan bundle brings documents and the level above's key; report bundles bring any record.
        BookOp(self, book, work, EVERYTHING, in_session=False).success(done).failure(failed).run()

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
