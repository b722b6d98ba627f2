"""Kế hoạch hành động: a plan of the cell (for a document, or its own) or a member's individual
plan for the year, with its items: content, target, who, deadline, progress; overdue ones in red."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
)

from chibo.text import format_date, parse_date
from chibo.ui.editors.base import EditorDialog, choice_field, date_field
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.ui.operations import Kind, changes
from chibo.ui.widgets.screen import fit_to_screen
from chibo.ui.widgets.table import ColumnsModel, record_table
from chibo.ui.words import ITEM_STATUS, label, labels
from chibo.vocabulary import ItemStatus

ITEM_COLUMNS = (QT_TR_NOOP("Task"), QT_TR_NOOP("Target"), QT_TR_NOOP("Owner"), QT_TR_NOOP("Deadline"),
                QT_TR_NOOP("Progress"))
_OVERDUE = QColor("#fde7e9")
CELL_PLAN = ""  # the owner choice for a plan of the cell


@dataclass
class PlanDraft:
    plan: object | None
    items: list = field(default_factory=list)  # dicts: id, content, target, owner_id, owner_text, deadline, status
    members: list = field(default_factory=list)  # (id, name) on the roll today
    documents: list = field(default_factory=list)  # (id, "57-NQ/TW: title")
    owner_name: str = ""


def load_plan_form(db, plan_id: str | None) -> PlanDraft:
    from chibo.services.documents import list_documents
    from chibo.services.lookups import get_alive
    from chibo.services.members import list_members
    from chibo.services.plans import plan_items
    from chibo.store.models import ActionPlan
    from chibo.vocabulary import MemberStatus

    plan = get_alive(db, ActionPlan, plan_id) if plan_id else None
    rows = list_members(db)
    draft = PlanDraft(plan, members=[(r.member.id, r.member.full_name) for r in rows if r.status != MemberStatus.LEFT],
                      documents=[(d.id, f"{d.number_symbol}: {d.title}") for d in list_documents(db)])
    names = {r.member.id: r.member.full_name for r in rows}
    if plan is not None:
        draft.owner_name = names.get(plan.member_id, "") if plan.member_id else ""
        draft.items = [{"id": i.id, "content": i.content, "target": i.target, "owner_id": i.owner_id,
                        "owner_text": i.owner_text, "deadline": format_date(i.deadline), "status": i.status}
                       for i in plan_items(db, plan.id)]
    for item in draft.items:
        item["owner_name"] = names.get(item["owner_id"], "") if item["owner_id"] else item["owner_text"]
    return draft


def item_overdue(item: dict, today: date) -> bool:
    """The services' rule, on an item as typed in the dialog (the deadline still text)."""
    from types import SimpleNamespace

    from chibo.services.plans import is_overdue

    try:
        deadline = parse_date(item["deadline"])
    except ValueError:
        return False
    return is_overdue(SimpleNamespace(status=item["status"], deadline=deadline), today)


class ItemModel(ColumnsModel):
    """rows: the editor's item dicts, changed in place and then `refresh`ed."""

    def __init__(self, items: list, today: date | None = None):
        super().__init__(ITEM_COLUMNS, items)
        self.today = today or date.today()

    def data(self, index, role=Qt.DisplayRole):
        if not index.isValid():
            return None
        item = self.rows[index.row()]
        overdue = item_overdue(item, self.today)
        if role in (Qt.DisplayRole, Qt.ToolTipRole):
            status = label(item["status"], ITEM_STATUS) + (tr(" — overdue") if overdue else "")
            return (item["content"], item["target"], item["owner_name"], item["deadline"], status)[index.column()]
        if role == Qt.BackgroundRole and overdue:
            return QBrush(_OVERDUE)
        return None


class PlanEditor(EditorDialog):
    changes = changes(Kind.PLANS)

    def __init__(self, book, draft: PlanDraft, parent=None):
        plan = draft.plan
        super().__init__(book, tr("Edit action plan") if plan else tr("New action plan"), parent)
        self.draft, self.plan_id = draft, plan.id if plan else None
        self.removed: list[str] = []
        self.title = QLineEdit(plan.title if plan else "")
        self.title.setPlaceholderText(tr("For example: Programme of action to carry out Resolution 57-NQ/TW"))
        self.year = QSpinBox()
        self.year.setRange(2000, 2100)
        self.year.setValue(plan.year if plan else date.today().year)
        self.year.setMaximumWidth(100)
        members = dict(draft.members)
        self.owner = choice_field(members, None, empty=tr("The cell’s plan"))
        if plan is not None:
            self.owner.setCurrentIndex(max(self.owner.findData(plan.member_id or CELL_PLAN), 0))
            self.owner.setEnabled(False)  # whose plan it is does not change
        self.document = choice_field(dict(draft.documents), plan.document_id if plan else None,
                                     empty=tr("(no document)"))
        self.document.setEnabled(plan is None)  # edit_plan keeps the document a plan was made for
        self.adopted_on = date_field(format_date(plan.adopted_on) if plan else "")
        self.review = QPlainTextEdit(plan.review_note if plan else "")
        self.review.setPlaceholderText(tr("Review of how the plan was carried out"))
        self.review.setFixedHeight(50)
        self.review.setTabChangesFocus(True)
        head = QFormLayout()
        head.addRow(tr("&Plan title (*):"), self.title)
        head.addRow(tr("&Year:"), self.year)
        head.addRow(tr("&Of:"), self.owner)
        head.addRow(tr("Carries out &document:"), self.document)
        head.addRow(tr("&Issued on:"), self.adopted_on)
        self.model = ItemModel(draft.items)
        self.table = record_table(self.model)
        self.table.setWordWrap(False)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.Stretch)
        for column in range(1, len(ITEM_COLUMNS)):
            header.setSectionResizeMode(column, QHeaderView.ResizeToContents)
        self.table.selectionModel().selectionChanged.connect(self._pick)
        # The item form under the table.
        self.content = QLineEdit()
        self.content.setPlaceholderText(tr("Task"))
        self.target = QLineEdit()
        self.target.setPlaceholderText(tr("Target, outcome"))
        self.item_owner = choice_field(members, None, empty=tr("(written beside)"))
        self.item_owner_text = QLineEdit()
        self.item_owner_text.setPlaceholderText(tr("or: Chi ủy, Toàn chi bộ…"))
        self.deadline = date_field()
        self.status = choice_field(labels(ITEM_STATUS), ItemStatus.NOT_STARTED)
        self.item_problem = QLabel()
        self.item_problem.setStyleSheet("color: #b00020")
        add = QPushButton(tr("Add task"))
        update = QPushButton(tr("Update the selected task"))
        remove = QPushButton(tr("Drop the selected task"))
        add.clicked.connect(self.add_item)
        update.clicked.connect(self.update_item)
        remove.clicked.connect(self.remove_item)
        line1, line2, line3 = QHBoxLayout(), QHBoxLayout(), QHBoxLayout()
        line1.addWidget(self.content, 3)
        line1.addWidget(self.target, 2)
        for widget in (QLabel(tr("Owner:")), self.item_owner, self.item_owner_text, QLabel(tr("Deadline:")),
                       self.deadline, QLabel(tr("Progress:")), self.status):
            line2.addWidget(widget)
        for widget in (add, update, remove):
            line3.addWidget(widget)
        line3.addWidget(self.item_problem, 1)
        self.body.addLayout(head)
        self.body.addWidget(QLabel(tr("<b>Tasks</b> (red rows: overdue and not done)")))
        self.body.addWidget(self.table, 1)
        self.body.addLayout(line1)
        self.body.addLayout(line2)
        self.body.addLayout(line3)
        self.body.addWidget(QLabel(tr("Review:")))
        self.body.addWidget(self.review)
        self.watch(self.title, self.year, self.owner, self.document, self.adopted_on, self.review)
        fit_to_screen(self, 1100, 680)

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    def _pick(self) -> None:
        row = self._selected()
        if row is None:
            return
        item = self.model.rows[row]
        self.content.setText(item["content"])
        self.target.setText(item["target"])
        self.item_owner.setCurrentIndex(max(self.item_owner.findData(item["owner_id"] or ""), 0))
        self.item_owner_text.setText(item["owner_text"])
        self.deadline.setText(item["deadline"])
        self.status.setCurrentIndex(max(self.status.findData(item["status"]), 0))

    def _form_item(self) -> dict | None:
        content = self.content.text().strip()
        if not content:
            self.item_problem.setText(tr("Write what the task is."))
            return None
        try:
            parse_date(self.deadline.text())
        except ValueError as exc:
            self.item_problem.setText(tr("Deadline: {problem}.").format(problem=exc))
            return None
        self.item_problem.clear()
        owner_id = self.item_owner.currentData() or None
        return {"content": content, "target": self.target.text().strip(), "owner_id": owner_id,
                "owner_text": "" if owner_id else self.item_owner_text.text().strip(),
                "owner_name": self.item_owner.currentText() if owner_id else self.item_owner_text.text().strip(),
                "deadline": self.deadline.text().strip(), "status": self.status.currentData()}

    def add_item(self) -> None:
        item = self._form_item()
        if item is not None:
            self.model.rows.append({"id": None, **item})
            self.model.refresh()
            self.content.clear()
            self.target.clear()
            self.mark_dirty()

    def update_item(self) -> None:
        row = self._selected()
        if row is None:
            self.item_problem.setText(tr("Select a task in the table."))
            return
        item = self._form_item()
        if item is not None:
            self.model.rows[row].update(item)
            self.model.rows[row]["changed"] = True
            self.model.refresh()
            self.mark_dirty()

    def remove_item(self) -> None:
        row = self._selected()
        if row is None:
            return
        item = self.model.rows.pop(row)
        if item["id"]:
            self.removed.append(item["id"])
        self.model.refresh()
        self.mark_dirty()

    def values(self) -> dict:
        return {"plan": {"title": self.title.text(), "year": self.year.value(), "adopted_on": self.adopted_on.text(),
                         "document_id": self.document.currentData() or None},
                "member_id": self.owner.currentData() or None, "review_note": self.review.toPlainText(),
                "items": [dict(i) for i in self.model.rows], "removed": list(self.removed)}

    def write(self, db, values: dict):
        from chibo.services import plans

        fields = values["plan"]
        if self.plan_id is None:
            plan = plans.create_plan(db, member_id=values["member_id"], **fields)
            plans.edit_plan(db, plan.id, review_note=values["review_note"])
        else:
            plan = plans.edit_plan(db, self.plan_id, title=fields["title"], adopted_on=fields["adopted_on"],
                                   review_note=values["review_note"])
        for item_id in values["removed"]:
            plans.remove_item(db, item_id)
        for item in values["items"]:
            data = {k: item[k] for k in ("content", "target", "owner_id", "owner_text", "deadline", "status")}
            if item["id"] is None:
                plans.add_item(db, plan.id, **data)
            elif item.get("changed"):
                plans.update_item(db, item["id"], **data)
        return plan


def open_plan_editor(page, plan_id: str | None) -> None:
    """The plan's editor over `page` (the plans page, or the board's overdue task)."""
    from chibo.ui.pages.record_list import open_read

    open_read(page, lambda db: load_plan_form(db, plan_id), lambda draft: PlanEditor(page.book, draft, parent=page),
              tr("Could not open this plan."))
