"""The roll call of a session in its editor: every member called, marked by mouse or by keyboard
(C có mặt, V vắng có lý do, K vắng không lý do), with the figures recounted on every mark by the
same function as the saved ones."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from chibo.services import sessions
from chibo.text import format_percent, name_sort_key
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.widgets.table import ColumnsModel
from chibo.ui.words import ATTENDANCE_STATE, MEMBER_STATUS, label
from chibo.vocabulary import AttendanceState

ROLL_COLUMNS = (QT_TR_NOOP("Full name"), QT_TR_NOOP("Status"), QT_TR_NOOP("Attendance"),
                QT_TR_NOOP("Reason for absence"))
KEYS = {Qt.Key_C: AttendanceState.PRESENT, Qt.Key_V: AttendanceState.ABSENT_EXCUSED,
        Qt.Key_K: AttendanceState.ABSENT_UNEXCUSED}


class RollModel(ColumnsModel):
    """One row per member called: [member id, name, status, state or None, reason]. The state and
    the reason are edited here, saved with the session."""

    marked = Signal()

    def __init__(self):
        super().__init__(ROLL_COLUMNS)

    def set_roll(self, called: dict, names: dict, marks: dict) -> None:
        self.set_rows([[m, names[m], status, *marks.get(m, (None, ""))]
                       for m, status in sorted(called.items(), key=lambda item: name_sort_key(names[item[0]]))])
        self.marked.emit()

    def marks(self) -> dict:
        return {row[0]: (row[3], row[4]) for row in self.rows if row[3] is not None}

    def flags(self, index):
        flags = super().flags(index)
        return flags | Qt.ItemIsEditable if index.column() == 3 else flags

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        row = self.rows[index.row()]
        if role in (Qt.DisplayRole, Qt.EditRole):
            if index.column() == 0:
                return row[1]
            if index.column() == 1:
                return label(row[2], MEMBER_STATUS)
            if index.column() == 2:
                return label(row[3], ATTENDANCE_STATE) if row[3] else tr("not marked")
            return row[4]
        if role == Qt.ForegroundRole and index.column() == 2 and row[3] is None:
            return Qt.gray
        return None

    def setData(self, index, value, role=Qt.EditRole):
        if role != Qt.EditRole or index.column() != 3:
            return False
        row = self.rows[index.row()]
        row[4] = str(value).strip()
        if row[4] and row[3] in (None, AttendanceState.PRESENT, AttendanceState.ABSENT_UNEXCUSED):
            row[3] = AttendanceState.ABSENT_EXCUSED  # a reason typed means an excused absence
        self.dataChanged.emit(self.index(index.row(), 0), self.index(index.row(), 3))
        self.marked.emit()
        return True

    def mark(self, rows: list[int], state: AttendanceState) -> None:
        for r in rows:
            self.rows[r][3] = state
            if state == AttendanceState.PRESENT:
                self.rows[r][4] = ""
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), 3))
            self.marked.emit()

    def mark_all_present(self) -> None:
        """Every member not yet marked: present (exempt members and those attending elsewhere keep
        their own state); absences already marked stay."""
        for row in self.rows:
            if row[3] is None:
                row[3] = sessions.default_state(row[2])
        if self.rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.rows) - 1, 3))
            self.marked.emit()


class RollView(QTableView):
    """C, V, K mark the selected rows; V then opens the reason for typing."""

    def keyPressEvent(self, event) -> None:
        state = KEYS.get(event.key())
        if state is not None and event.modifiers() in (Qt.NoModifier, Qt.ShiftModifier) and \
                self.state() != QAbstractItemView.EditingState:
            rows = sorted({i.row() for i in self.selectionModel().selectedRows()})
            self.model().mark(rows, state)
            if state == AttendanceState.ABSENT_EXCUSED and len(rows) == 1:
                self.edit(self.model().index(rows[0], 3))
            elif len(rows) == 1 and rows[0] + 1 < self.model().rowCount():
                self.selectRow(rows[0] + 1)  # on to the next member
            return
        super().keyPressEvent(event)


def figures_text(figures) -> str:
    by_status = ", ".join(f"{label(s, MEMBER_STATUS).lower()} {figures.present[s]}/{n}"
                          for s, n in figures.summoned.items() if n)
    rate = format_percent(figures.attendance_percent) if figures.attendance_percent is not None else "—"
    text = tr("<b>Present {present}/{summoned}</b> ({by_status}); rate {rate}; absent {absent}").format(
        present=figures.present_required, summoned=figures.summoned_total, by_status=by_status, rate=rate,
        absent=len(figures.absences))
    if figures.exempt:
        text += tr("; exempt {exempt} ({came} came)").format(exempt=figures.exempt, came=figures.exempt_present)
    if figures.unrecorded:
        text += "; <span style='color:#b00020'>" + tr("not marked {count}").format(count=len(figures.unrecorded))
        text += "</span>"
    quorum = figures.quorum
    if quorum is not None:
        text += (tr("<br><span style='color:#1b5e20'>✔ Quorum reached for voting</span>") if quorum.reached else
                 tr("<br><span style='color:#b00020'>✘ No quorum for voting</span>"))
        text += tr(" ({present} present who may vote, at least {needed} of {base} needed)").format(
            present=quorum.present, needed=quorum.needed, base=quorum.base)
    return text


class RollPanel(QWidget):
    """The roll call with its buttons, the keyboard hint and the figures under it."""

    def __init__(self, parent=None):
        super().__init__(parent)
        self.model = RollModel()
        self.view = RollView()
        self.view.setModel(self.model)
        self.view.verticalHeader().hide()
        self.view.setSelectionBehavior(QAbstractItemView.SelectRows)
        self.view.setEditTriggers(QAbstractItemView.DoubleClicked | QAbstractItemView.EditKeyPressed |
                                  QAbstractItemView.AnyKeyPressed)
        self.view.setWordWrap(False)
        header = self.view.horizontalHeader()
        for column in range(3):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        header.setSectionResizeMode(3, QHeaderView.Stretch)
        self.all_present = QPushButton(tr("All &present"))
        self.all_present.clicked.connect(self.model.mark_all_present)
        buttons = QHBoxLayout()
        buttons.addWidget(self.all_present)
        for key, state in (("C", AttendanceState.PRESENT), ("V", AttendanceState.ABSENT_EXCUSED),
                           ("K", AttendanceState.ABSENT_UNEXCUSED)):
            button = QPushButton(f"{label(state, ATTENDANCE_STATE)} ({key})")
            button.clicked.connect(lambda _=False, s=state: self.mark_selected(s))
            buttons.addWidget(button)
        buttons.addStretch(1)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        hint = QLabel(tr("Select a person, then press C (present), V (absent with a reason, then type it) or K "
                         "(absent without reason)."))
        hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(tr("<b>Attendance</b>")))
        layout.addWidget(hint)
        layout.addLayout(buttons)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.figures)

    def mark_selected(self, state: AttendanceState) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        self.model.mark(rows, state)
