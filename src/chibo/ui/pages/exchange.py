"""Trao đổi dữ liệu: bundles on a USB stick. A cell writes its report bundle and takes its
superior's plan bundle; the receiving level takes its cells' report bundles (files or a whole
folder), approves new units by their key fingerprint, sends the plan bundle and sums the figures.
Every bundle is read and written on the write worker; this page only shows what came back."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QGroupBox, QLabel, QPushButton, QScrollArea, QTabWidget, QVBoxLayout, QWidget
from sqlmodel import col, select

from chibo.services.lookups import local_unit
from chibo.store.book import get_setting
from chibo.store.models import BundleLog, KnownUnit
from chibo.text import format_count, format_date, format_percent
from chibo.ui.dialogs.key_approval import PendingPanel
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind
from chibo.ui.pages.exchange_export import ExportPanel
from chibo.ui.pages.exchange_import import OUTCOME_LABELS, ImportPanel, report_row
from chibo.ui.widgets.exchange_parts import fill_table, list_table
from chibo.ui.words import label
from chibo.vocabulary import UnitRole

LOG_OUTCOME_LABELS = {**OUTCOME_LABELS, "reimported": QT_TR_NOOP("Held, imported again once confirmed")}
LOG_COLUMNS = (QT_TR_NOOP("Received on"), QT_TR_NOOP("File"), QT_TR_NOOP("Sent by"), QT_TR_NOOP("Bundle kind"),
               QT_TR_NOOP("Bundle no."), QT_TR_NOOP("Outcome"), QT_TR_NOOP("Reason"))
UNIT_COLUMNS = (QT_TR_NOOP("Unit"), QT_TR_NOOP("Key fingerprint"), QT_TR_NOOP("Last bundle"), QT_TR_NOOP("Received on"),
                QT_TR_NOOP("Members"), QT_TR_NOOP("Sessions held"))
DOCUMENT_COLUMNS = (QT_TR_NOOP("Document"), QT_TR_NOOP("Must study"), QT_TR_NOOP("Studied"), QT_TR_NOOP("Rate"))


@dataclass
class ExchangeData:
    role: str
    unit_name: str
    identity: object  # UnitIdentity: this unit's fingerprint, and at a cell its superior's
    last_seq: int  # of this book's last bundle: a report bundle at a cell, a plan bundle at the receiving level
    recipient: dict | None
    pending: list = field(default_factory=list)  # PendingKey
    log: list = field(default_factory=list)  # (id, cells)
    units: list = field(default_factory=list)  # (id, cells), receiving role
    documents: list = field(default_factory=list)  # (id, cells), receiving role
    forwarded: int = 0  # receiving role with a superior: forward bundles written
    summaries: list = field(default_factory=list)  # UnitSummary per unit, receiving role (the chart's bars)
    study_target: float = 95.0
    completeness: object = None  # CompletenessReport of the month before, receiving role
    reviews: list = field(default_factory=list)  # Review, newest first, receiving role


def load_exchange(db, folder: Path, today: date | None = None) -> ExchangeData:
    """Computed on a worker."""
    from chibo.sync.export import PLAN_SEQ_SETTING, RECIPIENT_SETTING, SEQ_SETTING
    from chibo.sync.identity import unit_identity
    from chibo.sync.trust import pending_keys

    unit = local_unit(db)
    receiving = unit.role == UnitRole.RECEIVING
    data = ExchangeData(unit.role, unit.name, unit_identity(db, folder),
                        int(get_setting(db, PLAN_SEQ_SETTING if receiving else SEQ_SETTING, 0)),
                        get_setting(db, RECIPIENT_SETTING), pending_keys(db),
                        forwarded=int(get_setting(db, SEQ_SETTING, 0)) if receiving else 0)
    names = {k.unit_id: k.name for k in db.exec(select(KnownUnit))}
    for entry in db.exec(select(BundleLog).order_by(col(BundleLog.received_at).desc()).limit(200)):
        data.log.append((entry.id, (format_date(entry.received_at), entry.file_name,
                                    names.get(entry.sender_unit_id, ""),
                                    tr("plan") if entry.kind == "plan" else tr("report"),
                                    str(entry.seq or ""), label(entry.outcome, LOG_OUTCOME_LABELS),
                                    entry.reason)))
    if receiving:
        from chibo.services.settings import load_rules
        from chibo.sync.completeness import completeness
        from chibo.sync.review import list_reviews
        from chibo.sync.summary import consolidated

        units, total = consolidated(db, today, light=True)  # members required and studied: all the page shows
        data.summaries, data.study_target = units, load_rules(db).study_target_percent
        data.completeness = completeness(db, today=today)
        data.reviews = list_reviews(db, limit=500)
        for summary in [*units, total]:
            data.units.append((summary.unit_id, (summary.label, summary.fingerprint,
                                                 str(summary.last_seq) if summary.unit_id else "",
                                                 (summary.last_bundle_at and format_date(date.fromisoformat(
                                                     summary.last_bundle_at))) or "",
                                                 format_count(summary.members), format_count(summary.sessions))))
        for document in sorted(total.documents.values(), key=lambda d: d.number_symbol):
            data.documents.append((document.number_symbol, (
                document.number_symbol, format_count(document.required), format_count(document.studied),
                format_percent(document.percent) if document.percent is not None else "")))
    return data


def _section(title: str, *widgets: QWidget, stretch_last: bool = False) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    for index, widget in enumerate(widgets):
        layout.addWidget(widget, 1 if stretch_last and index == len(widgets) - 1 else 0)
    return box


def fetch_exchange(book) -> ExchangeData:
    with book.session() as db:
        return load_exchange(db, book.folder)


class ExchangePage(QWidget):
    """Tabs by role, built once the book's role is known. Imports, approvals and exports announce
    what they changed themselves (`operations.BookOp`): the window reloads this page then."""

    kinds = frozenset({Kind.EXCHANGE, Kind.SETTINGS})
    fetch = staticmethod(fetch_exchange)

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
        self.pending = PendingPanel(self.book, receiving)
        self.export_panel = ExportPanel(self.book, plan=receiving)
        self.state = QLabel("")
        self.state.setWordWrap(True)
        self.log_table, self.log_model = list_table(LOG_COLUMNS, len(LOG_COLUMNS) - 1)
        self.pending.decided.connect(self._decided)
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
            self.units_table, self.units_model = list_table(UNIT_COLUMNS, 0)
            self.documents_table, self.documents_model = list_table(DOCUMENT_COLUMNS, 0)
            self.restore_button = QPushButton(tr("Restore bundle for the selected cell…"))
            self.restore_button.setToolTip(tr("For a cell that lost its computer: its book from the copy kept here, "
                                              "sealed to the cell’s key."))
            self.restore_button.setEnabled(False)
            self.restore_button.clicked.connect(self.open_restore)
            self.units_table.selectionModel().selectionChanged.connect(lambda *_: self.restore_button.setEnabled(
                self._selected_unit() is not None))
            self.forward_panel = ExportPanel(self.book, plan=False, forward=True)
            self.forward_state = QLabel("")
            self.forward_state.setWordWrap(True)
            self.forward_tab = QWidget()
            forward_layout = QVBoxLayout(self.forward_tab)
            forward_layout.addWidget(self.forward_state)
            forward_layout.addWidget(self.forward_panel)
            forward_layout.addStretch(1)
            totals = QWidget()
            totals_layout = QVBoxLayout(totals)
            for table in (self.units_table, self.documents_table):
                table.setMinimumHeight(140)  # a small window scrolls the tab rather than squash its tables
            units_box = _section(tr("By unit"), self.units_table, self.restore_button)
            units_box.layout().setAlignment(self.restore_button, Qt.AlignLeft)
            totals_layout.addWidget(units_box)
            totals_layout.addWidget(_section(tr("Study of documents (all units summed)"), self.documents_table))
            from chibo.ui.pages.exchange_report import ConsolidatedBar

            self.report_bar = ConsolidatedBar(self.book)  # an issued report announces the papers' change itself
            totals_layout.addWidget(self.report_bar)
            self.totals_tab = QScrollArea()
            self.totals_tab.setWidget(totals)
            self.totals_tab.setWidgetResizable(True)
            self.totals_tab.setFrameShape(QScrollArea.NoFrame)
            from chibo.ui.pages.exchange_chart import ChartPanel
            from chibo.ui.pages.exchange_desk import CompletenessPanel
            from chibo.ui.pages.exchange_review import ReviewPanel

            self.review_panel = ReviewPanel(self.book)
            self.completeness_panel = CompletenessPanel(self.book)
            self.chart_panel = ChartPanel()  # the review and the closing of a month announce their changes
            self.tabs.addTab(receive, tr("Receive report bundles"))
            self.tabs.addTab(self.review_panel, tr("Review bundles"))
            self.tabs.addTab(self.completeness_panel, tr("Who has reported"))
            self.tabs.addTab(self.totals_tab, tr("Summed figures"))
            self.tabs.addTab(self.chart_panel, tr("Study rates chart"))
            self.tabs.addTab(send, tr("Send a plan bundle"))
        else:
            self.tabs.addTab(send, tr("Send a report to the level above"))
            self.tabs.addTab(receive, tr("Receive a plan bundle"))
        self.tabs.addTab(_section(tr("Every bundle received, newest first"), self.log_table), tr("Log"))

    def _selected_unit(self) -> tuple[str, str, str] | None:
        """(unit id, name, fingerprint) of the unit chosen in the table of units; None for the total."""
        rows = self.units_table.selectionModel().selectedRows()
        if not rows:
            return None
        unit_id, cells = self.units_model.rows[rows[0].row()]
        return (unit_id, cells[0], cells[1]) if unit_id else None

    def open_restore(self) -> None:
        from chibo.ui.dialogs.restore_bundle import RestoreBundleDialog

        chosen = self._selected_unit()
        if chosen is not None:
            self.restore_dialog = RestoreBundleDialog(self.book, *chosen, parent=self)
            self.restore_dialog.open()

    def _show_forwarding(self, recipient: dict | None, forwarded: int) -> None:
        """A receiving level with its own superior forwards its cells' bundles there: a tab of its own,
        shown once the superior's plan bundle was approved."""
        index = self.tabs.indexOf(self.forward_tab)
        if recipient and index < 0:
            self.tabs.insertTab(self.tabs.count() - 1, self.forward_tab, tr("Forward to the level above"))
        elif not recipient and index >= 0:
            self.tabs.removeTab(index)
        if recipient:
            self.forward_state.setText(tr("The level above: {name}. One bundle carries the cells’ bundles, each with "
                                          "the cell’s own signature, and this unit’s records; it is sealed to the key "
                                          "of the level above and carries what it has not yet confirmed receiving. "
                                          "{count} bundles forwarded so far.").format(name=recipient["name"],
                                                                                    count=forwarded))

    def _decided(self, reports) -> None:
        if reports:
            fill_table(self.imports.table, self.imports.model, [report_row(r) for r in reports])
            self.imports.status.setText(tr("Confirmed; the {count} bundles waiting were imported again.").format(
                count=len(reports)))

    def show_data(self, data: ExchangeData) -> None:
        if self.role is None:
            self._build(data.role)
        identity = data.identity
        if identity.fingerprint:
            key = tr("{unit}. The unit’s key fingerprint: <b>{fingerprint}</b> (read it out for the other unit to "
                     "compare)").format(unit=data.unit_name, fingerprint=identity.fingerprint)
        elif identity.keys_lost:
            key = tr("{unit}. This computer has no key of the unit (the key sent out was {fingerprint}): make new keys "
                     "under Settings → Unit, then read the new fingerprint out to the other unit.").format(
                unit=data.unit_name, fingerprint=identity.published_fingerprint)
        else:
            key = tr("{unit}. The unit’s key is made when the first bundle is exported.").format(unit=data.unit_name)
        self.key_line.setText(key)
        self.export_panel.set_sealing(data.recipient is not None)
        if data.role == UnitRole.RECEIVING:
            self._show_forwarding(data.recipient, data.forwarded)
            self.state.setText(tr("The plan bundle sent to the cells: the committee’s key, the documents to study "
                                  "with their deadlines, and the last bundle received from each cell. {count} plan "
                                  "bundles exported so far.").format(count=data.last_seq))
            fill_table(self.units_table, self.units_model, data.units)
            fill_table(self.documents_table, self.documents_model, data.documents)
            self.review_panel.show_reviews(data.reviews)
            shown = self.completeness_panel.wanted
            if shown is None or shown == data.completeness.period.key:
                self.completeness_panel.wanted = data.completeness.period.key
                self.completeness_panel.show_report(data.completeness)
            else:  # the officer is looking at another month: read it again, changed or not
                self.completeness_panel.load(shown)
            symbols = [cells[0] for _symbol, cells in data.documents]
            self.chart_panel.show_units(data.summaries, symbols, data.study_target)
            self.report_bar.show_documents(symbols)
        elif data.recipient:
            text = tr("The level above: {name} (key fingerprint {fingerprint}). Report bundles are sealed: only the "
                      "level above can open them. {count} bundles sent; each carries every change the level above "
                      "has not yet confirmed receiving.").format(
                name=data.recipient["name"], fingerprint=identity.superior["fingerprint"], count=data.last_seq)
            for waiting in (p for p in data.pending if p.unit_id == data.recipient.get("unit_id")
                            and p.previous_fingerprint):
                text += "\n\n" + tr(
                    "The level above sent a new key ({new}, in place of {old}); it waits for your confirmation under "
                    "“Keys awaiting confirmation” on the tab “Receive a plan bundle”. Until it is confirmed, report "
                    "bundles are still sealed to the old key {old}: phone the level above, compare the new "
                    "fingerprint, confirm it, then send.").format(new=waiting.fingerprint,
                                                                   old=waiting.previous_fingerprint)
            self.state.setText(text)
        else:
            self.state.setText(tr("No plan bundle from the level above imported yet, so a report bundle cannot be "
                                  "sealed and is not written: import the plan bundle of the level above first (tab "
                                  "“Receive a plan bundle”). {count} bundles sent.").format(count=data.last_seq))
        self.pending.show_units(data.pending)
        fill_table(self.log_table, self.log_model, data.log)

