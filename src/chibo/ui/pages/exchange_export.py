"""Writing a bundle to a USB stick: where (a drive found on the machine, or a folder chosen by
hand), and one button that writes, reads back and says where, how big and that it was checked. A
cell's report bundle is sealed to its superior's key; before that key is known the export is
refused, unless the secretary ticks "without sealing" and confirms it in a second question."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QCheckBox, QHBoxLayout, QLabel, QProgressBar, QPushButton, QVBoxLayout, QWidget

from chibo.text import format_count, format_size
from chibo.ui.i18n import tr
from chibo.ui.operations import BookOp, Kind, changes
from chibo.ui.widgets.drives import DestinationPicker
from chibo.ui.widgets.exchange_parts import show_failure
from chibo.ui.widgets.questions import go_ahead


class ExportPanel(QWidget):
    """One button that writes the next bundle and says where, how big, and that it was checked: a
    cell's report, a receiving level's plan for its cells, or (`forward`) a receiving level's
    bundle for its own superior with its cells' bundles in it."""

    exported = Signal(object)  # ExportResult or ForwardResult

    def __init__(self, book, plan: bool, forward: bool = False):
        super().__init__()
        self.book, self.plan, self.forward = book, plan, forward
        self.picker = DestinationPicker()
        self.full = QCheckBox(tr("Send everything again, not only what the level above has not confirmed") if forward
                              else tr("Send the whole book (when the level above asks to start again)"))
        self.full.setVisible(not plan)
        self.unsealed = QCheckBox(tr("Export without sealing, because the level above asked for it: anyone holding "
                                     "the USB stick can read the members’ personal data"))
        self.unsealed.hide()  # shown to a cell that has no key of its superior yet
        self.button = QPushButton(tr("Export a plan bundle") if plan else tr("Forward to the level above") if forward
                                  else tr("Export a report bundle"))
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
        row.addStretch(0)  # takes the room while the progress bar is hidden, so the button keeps its size
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.picker)
        layout.addWidget(self.full)
        layout.addWidget(self.unsealed)
        layout.addLayout(row)
        layout.addWidget(self.result)

    def set_sealing(self, superior_known: bool) -> None:
        """A cell without its superior's key may only export unsealed, on purpose."""
        self.unsealed.setVisible(not self.plan and not self.forward and not superior_known)
        if superior_known:
            self.unsealed.setChecked(False)

    def confirm_unsealed(self) -> bool:
        return go_ahead(self, tr("Export without sealing"),
                        tr("The bundle will not be sealed: anyone who holds the USB stick can read the members’ "
                           "names, dates of birth, phone numbers and card numbers.\n\nThe safe way is to import the "
                           "plan bundle of the level above first; then every bundle is sealed to its key. Export "
                           "without sealing only when the level above asked for it, and delete the file once it "
                           "was imported."), tr("Export without sealing"))

    def export(self) -> None:
        from chibo.sync.export import export_bundle, export_plan
        from chibo.sync.forward import export_forward

        destination = self.picker.chosen()
        if destination is None:
            return
        name, folder = destination
        book, plan, forward, full = self.book, self.plan, self.forward, self.full.isChecked()
        unsealed = self.unsealed.isVisible() and self.unsealed.isChecked()
        if unsealed and not self.confirm_unsealed():
            return
        self.button.setEnabled(False)
        self.progress.show()
        self.result.setText(tr("Writing the bundle and reading it back to check…"))

        def done(result):
            self.button.setEnabled(True)
            self.progress.hide()
            what = tr("plan bundle") if plan else tr("forward bundle") if forward else tr("bundle")
            text = tr("Wrote {what} no. {seq} to {where}, {size}, and checked it.").format(
                what=what, seq=result.seq, where=name, size=format_size(result.size))
            if forward:
                text += tr("\nFile: {file} ({bundles} bundles of {units} units below, each with its own signature; "
                           "{records} records of this unit).").format(
                    file=result.path.name, bundles=format_count(result.bundles), units=format_count(result.units),
                    records=format_count(result.records))
                text += "".join("\n" + reason for reason in result.skipped)
            else:
                text += tr("\nFile: {file} ({records} records).").format(file=result.path.name,
                                                                        records=format_count(result.records))
            if plan:
                text += tr("\nTake this bundle to the cells to import into their books.")
            elif not result.sealed:
                text += tr("\nThe bundle is NOT sealed: keep the USB stick safe and delete the file once the level "
                           "above has imported it.")
            self.result.setText(text)
            self.exported.emit(result)

        def failed(exc):
            self.button.setEnabled(True)
            self.progress.hide()
            self.result.setText("")
            show_failure(self, exc)

        def work():
            if plan:
                return export_plan(book, folder)
            if forward:
                return export_forward(book, folder, full=full)
            return export_bundle(book, folder, full=full, unsealed=unsealed)

        BookOp(self, book, work, changes(Kind.EXCHANGE), in_session=False).success(done).failure(failed).run()
