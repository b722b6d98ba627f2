"""Tuyên truyền: outreach to non-members (meetings, news, broadcasts, posts, posters), with the
people reached and the totals of the year by kind."""

from __future__ import annotations

from datetime import date

from PySide6.QtWidgets import QLabel, QPushButton

from chibo.text import format_date
from chibo.ui.editors.outreach import OutreachEditor
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind
from chibo.ui.pages.record_list import RecordListPage
from chibo.ui.words import OUTREACH_KIND, label

OUTREACH_COLUMNS = (QT_TR_NOOP("Date"), QT_TR_NOOP("Form"), QT_TR_NOOP("Content"), QT_TR_NOOP("Document"),
                    QT_TR_NOOP("Count"), QT_TR_NOOP("People"))


def load_outreach(db, today: date | None = None) -> dict:
    from chibo.services.documents import list_documents
    from chibo.services.outreach import list_outreach, outreach_totals

    today = today or date.today()
    documents = list_documents(db)
    symbols = {d.id: d.number_symbol for d in documents}
    rows = [(e.id, (format_date(e.held_on), label(e.kind, OUTREACH_KIND), e.description,
                    symbols.get(e.document_id, ""), str(e.quantity), str(e.audience))) for e in list_outreach(db)]
    totals = outreach_totals(db, year=today.year)
    return {"rows": rows, "totals": totals, "year": today.year,
            "documents": [(d.id, f"{d.number_symbol}: {d.title}") for d in documents]}


def totals_text(data: dict) -> str:
    totals = data["totals"]
    if not totals:
        return tr("No outreach recorded in {year} yet.").format(year=data["year"])
    people = sum(t["audience"] for t in totals.values())
    parts = []
    for kind, t in totals.items():
        part = tr("{kind}: {times} times").format(kind=label(kind, OUTREACH_KIND), times=t["entries"])
        if t["audience"]:
            part += tr(", {people} people").format(people=t["audience"])
        parts.append(part)
    return (tr("{year}: ").format(year=data["year"]) + "; ".join(parts)
            + tr(". People reached in all: {people}.").format(people=people))


def _remove_outreach(db, record_id: str) -> None:
    from chibo.services.outreach import remove_outreach

    remove_outreach(db, record_id)


class OutreachPage(RecordListPage):
    def __init__(self, book):
        super().__init__(book, "outreach", tr("Outreach to non-members"), OUTREACH_COLUMNS, 2, [],
                         tr("Select an activity in the list."), tr("{count} outreach activities."),
                         kinds={Kind.OUTREACH, Kind.DOCUMENTS, Kind.EXCHANGE}, removes=Kind.OUTREACH)
        from chibo.ui.pages.drill_down import viewed_fetch

        self.fetch = viewed_fetch(self, load_outreach)
        self.documents: list = []
        self.open_editor = lambda page, _record_id: page.show_dialog(OutreachEditor(page.book, page.documents, page))
        new_button = QPushButton(tr("New activity (Ctrl+N)"))
        new_button.clicked.connect(self.new_record)
        self.actions.addWidget(new_button)
        self.actions.addStretch(1)
        self.empty_hint.setText(tr("No outreach recorded yet. Press “New activity” after a meeting with the "
                                   "villagers, a loudspeaker broadcast, a news item or a poster."))
        self.add_remover(tr("Delete the selected activity…"), lambda cells: tr(
            "Delete the activity of {date} ({kind})?").format(date=cells[0], kind=cells[1]), _remove_outreach)
        self.totals = QLabel()
        self.totals.setWordWrap(True)
        self.layout().insertWidget(self.layout().indexOf(self.count) + 1, self.totals)
        self.papers.hide()  # no paper of its own: the totals go into the study-result report

    def show_data(self, data: dict) -> None:
        from chibo.ui.pages.drill_down import unwrap

        data = unwrap(self, data)
        if data is None:  # a receiving level with no cell yet
            self.show_rows([])
            self.totals.setText("")
            return
        self.documents = data["documents"]
        self.show_rows(data["rows"])
        self.totals.setText(totals_text(data))
