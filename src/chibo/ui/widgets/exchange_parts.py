"""Pieces the data exchange page's panels share: a list table, filling it, showing a failure."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QTableView, QWidget

from chibo.ui.i18n import tr
from chibo.ui.operations import message_of
from chibo.ui.pages.record_list import RecordListModel
from chibo.ui.widgets.table import fit_columns, record_table


def list_table(columns: tuple[str, ...], stretch: int) -> tuple[QTableView, RecordListModel]:
    model = RecordListModel(columns)
    view = record_table(model)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.setProperty("stretch", stretch)
    return view, model


def fill_table(view: QTableView, model: RecordListModel, rows) -> None:
    model.set_rows(rows)
    fit_columns(view, view.property("stretch"))


def show_failure(parent: QWidget, exc: Exception) -> None:
    message = message_of(exc, tr("The data exchange could not be finished. The details are in the log; "
                                 "the book was not changed."))
    QMessageBox.warning(parent, "chibo", message)
