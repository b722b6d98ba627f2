"""Deleting from the lists: it asks first, backs the book up just before, and what was deleted
comes back with a restore of that backup; a refusal of the services keeps the record."""

from __future__ import annotations

from sqlmodel import select

from chibo.services.lookups import alive
from chibo.services.plans import list_plans, plan_items
from chibo.services.sessions import list_sessions
from chibo.store.backup import list_backups
from chibo.store.models import CellSession, SessionDocument
from conftest import answer_next_dialog, show_page
from person import click_button

DELETE = {"sessions": "Xóa buổi sinh hoạt…", "documents": "Xóa văn bản…", "plans": "Xóa kế hoạch…"}


def delete_button(qtbot, window, page) -> None:
    """The page's own delete button, on screen."""
    window.show_page(page)
    name = next(name for name in DELETE if getattr(window, name) is page)
    click_button(qtbot, page, DELETE[name])


def _select(page, record_id: str) -> tuple:
    ids = [r[0] for r in page.model.rows]
    page.table.selectRow(ids.index(record_id))
    return page.model.rows[ids.index(record_id)][1]


def _delete(qtbot, window, page) -> None:
    """The page's delete button, then Yes in the question."""
    answer_next_dialog(qtbot, "Có")
    with qtbot.waitSignal(page.changed, timeout=10_000):
        delete_button(qtbot, window, page)


def test_a_session_deleted_by_mistake_comes_back_from_the_backup(qtbot, demo_window):
    window, book = demo_window, demo_window.book
    page = show_page(qtbot, window, "sessions")
    with book.session() as db:
        sessions = list_sessions(db)
        made_up = {m.makeup_of_id for m in sessions if m.makeup_of_id}
        target = next(m for m in sessions if m.id not in made_up and m.makeup_of_id is None)
        documents = len(db.exec(alive(SessionDocument).where(SessionDocument.session_id == target.id)).all())
    cells = _select(page, target.id)
    asked = []
    answer_next_dialog(qtbot, "Hủy", seen=asked)  # Hủy: nothing happens
    delete_button(qtbot, window, page)
    assert asked[0].startswith(f"Xóa buổi “{cells[1]}” ngày {cells[0]} cùng điểm danh")
    assert asked[0].endswith("chibo sao lưu sổ trước khi xóa: có thể lấy lại ở trang Cài đặt.")
    backups = [b.path for b in list_backups(book.backups)]
    count = page.model.rowCount()
    assert page.model.rowCount() == count
    _delete(qtbot, window, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == count - 1, timeout=10_000)
    with book.session() as db:
        assert target.id not in {m.id for m in list_sessions(db)}
        assert db.exec(alive(SessionDocument).where(SessionDocument.session_id == target.id)).all() == []
    made = [b for b in list_backups(book.backups) if b.path not in backups]
    assert len(made) == 1 and not made[0].automatic
    settings = show_page(qtbot, window, "settings")
    settings.tabs.setCurrentIndex(3)  # Sao lưu, khôi phục
    qtbot.waitUntil(lambda: made[0].path in [b.path for b in settings.backup_model.rows], timeout=10_000)
    settings.backup_table.selectRow([b.path for b in settings.backup_model.rows].index(made[0].path))
    answer_next_dialog(qtbot, "Có")
    with qtbot.waitSignal(settings.changed, timeout=20_000):
        click_button(qtbot, settings, "Khôi phục bản đã chọn…")
    with book.session() as db:
        assert db.exec(alive(CellSession).where(CellSession.id == target.id)).one().held_on == target.held_on
        assert len(db.exec(alive(SessionDocument).where(SessionDocument.session_id == target.id)).all()) == documents


def test_a_studied_document_is_not_deleted(qtbot, demo_window):
    page, book = show_page(qtbot, demo_window, "documents"), demo_window.book
    with book.session() as db:
        studied = db.exec(select(SessionDocument.document_id)).first()
    warnings = []
    symbol = _select(page, studied)[0]
    count = page.model.rowCount()
    answer_next_dialog(qtbot, "Có")
    delete_button(qtbot, demo_window, page)
    answer_next_dialog(qtbot, "OK", seen=warnings)  # the refusal, read and closed
    qtbot.waitUntil(lambda: bool(warnings), timeout=10_000)
    assert warnings == [f"Văn bản {symbol} đã được học trong các buổi sinh hoạt; hãy bỏ nó khỏi các buổi đó trước."]
    assert page.model.rowCount() == count


def test_a_plan_is_deleted_with_its_tasks(qtbot, demo_window):
    page, book = show_page(qtbot, demo_window, "plans"), demo_window.book
    with book.session() as db:
        plan = list_plans(db)[0]
        assert plan_items(db, plan.id)
    _select(page, plan.id)
    count = page.model.rowCount()
    _delete(qtbot, demo_window, page)
    qtbot.waitUntil(lambda: page.model.rowCount() == count - 1, timeout=10_000)
    with book.session() as db:
        assert plan.id not in {p.id for p in list_plans(db)}
        assert plan_items(db, plan.id) == []
