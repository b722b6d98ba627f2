"""Render every main screen with demo data at 1366×768 into PNGs (for looking at, not testing).

    .venv/bin/python scripts/screenshots.py [OUT_DIR]

Runs offscreen; under xvfb-run it renders through a real X server instead. With
QT_SCALE_FACTOR=1.25 (Windows' 125%) the windows get the logical size that fills 1366×768 pixels
at that scale, so the PNGs show what the commune PC shows at 125%. CHIBO_LANGUAGE=en renders the
English interface.
"""

from __future__ import annotations

import os
import sys
import tempfile
from datetime import UTC, date
from pathlib import Path

# Offscreen, the screen is a 1366×768 one (Qt's default is 800×800), so dialogs fit it as they would.
_SCREEN = Path(tempfile.gettempdir()) / "chibo-screen-1366x768.json"
_SCREEN.write_text('{"screens": [{"name": "commune-pc", "x": 0, "y": 0, "width": 1366, "height": 768, '
                   '"logicalDpi": 96, "logicalBaseDpi": 96, "dpr": 1}]}')
os.environ.setdefault("QT_QPA_PLATFORM", f"offscreen:configfile={_SCREEN}")
SCALE = float(os.environ.get("QT_SCALE_FACTOR", "1") or 1)
WIDTH, HEIGHT = round(1366 / SCALE), round(768 / SCALE)  # logical size of a 1366×768 screen

from PySide6.QtCore import QThreadPool  # noqa: E402
from PySide6.QtTest import QTest  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402

from chibo.services.demo import build_demo  # noqa: E402
from chibo.services.keys import ensure_keys  # noqa: E402
from chibo.services.units import init_book  # noqa: E402
from chibo.store.book import Book  # noqa: E402
from chibo.sync.export import export_bundle, export_plan  # noqa: E402
from chibo.sync.importer import import_bundle  # noqa: E402
from chibo.ui.i18n import install_translations  # noqa: E402
from chibo.ui.main_window import MainWindow  # noqa: E402
from chibo.ui.operations import wait_for_jobs  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from sheets import hand_kept_xlsx  # noqa: E402  (the hand-kept member sheet of the importer's tests)


def settle(app) -> None:
    wait_for_jobs()
    QThreadPool.globalInstance().waitForDone()
    app.processEvents()
    wait_for_jobs()
    app.processEvents()


def open_window(app, book) -> MainWindow:
    window = MainWindow(book)
    window.resize(WIDTH, HEIGHT)
    window.show()
    window.load()
    settle(app)
    return window


def save(widget, path: Path) -> None:
    widget.grab().save(str(path))
    print(path)


def receiving_screens(app, out: Path, folder: Path) -> None:
    """The receiving level: one cell's bundle imported; a second cell new and waiting; the first
    cell's bundle after it restored its book on a new computer, held with both fingerprints."""
    from chibo.services.keys import make_new_keys
    from chibo.sync.trust import pending_keys
    from chibo.ui.dialogs.key_approval import KeyApprovalDialog

    stick = folder / "usb"
    stick.mkdir()
    with Book.open(folder / "commune") as commune:
        init_book(commune, name="Đảng ủy xã Sơn Cao", role="receiving", superior_name="Đảng bộ tỉnh Sơn La")
        bundles, cells = [], []
        for index, name in enumerate(("Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ")):
            cell = Book.open(folder / f"cell{index}")
            build_demo(cell, seed=3 + index, today=date.today(), name=name)
            link(cell, commune, stick)
            bundles.append(export_bundle(cell, stick).path)
            cells.append(cell)
        import_bundle(commune, bundles[0], approve={ensure_keys(cells[0]).fingerprint})
        make_new_keys(cells[0])
        bundles.append(export_bundle(cells[0], stick).path)
        for cell in cells:
            cell.close()
        window = open_window(app, commune)
        window.show_page(window.exchange)
        settle(app)  # the page is read when first shown
        window.exchange.imports.import_files(bundles)
        settle(app)
        window.exchange.pending.table.selectRow(1)
        page = window.exchange
        for tab, name in ((page.imports.parentWidget(), "11-cap-tren-nhan-goi"), (page.totals_tab, "12-cap-tren-tong-hop"),
                          (page.export_panel.parentWidget(), "13-cap-tren-gui-ke-hoach"),
                          (page.log_table.parentWidget(), "14-cap-tren-nhat-ky")):
            page.tabs.setCurrentIndex(page.tabs.indexOf(tab))
            app.processEvents()
            save(window, out / f"{name}.png")
        with commune.session() as db:
            changed = next(p for p in pending_keys(db) if p.previous_fingerprint)
        dialog = KeyApprovalDialog(changed, True, window)
        dialog.show()
        app.processEvents()
        save(dialog, out / "15b-xac-nhan-khoa-moi.png")
        dialog.close()
        settle(app)
        window.close()


def commune_screens(app, out: Path, folder: Path) -> None:
    """A commune holding three cells, each of which studied the commune's own resolution: its board
    (one row per cell, the total), and each cell page as a read-only drill-down into one cell."""
    from chibo.services import documents, sessions
    from chibo.vocabulary import SessionKind

    stick = folder / "usb"
    stick.mkdir()
    with Book.open(folder / "commune") as commune:
        init_book(commune, name="Đảng ủy xã Sơn Cao", role="receiving", superior_name="Đảng bộ tỉnh Lai Châu",
                  place_name="Sơn Cao")
        with commune.session() as db:
            documents.add_document(db, number_symbol="03-NQ/ĐU", title="về chuyển đổi số ở thôn, bản giai đoạn "
                                   "2026–2030", issuing_level="dang_uy_xa", issued_on=date(2026, 3, 2))
        for index, name in enumerate(("Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ", "Chi bộ bản Sin Chải")):
            with Book.open(folder / f"cell{index}") as cell:
                build_demo(cell, seed=3 + index, today=date.today(), name=name, member_count=30 + 7 * index)
                link(cell, commune, stick)
                with cell.session() as db:
                    shared = next(d for d in documents.list_documents(db) if d.number_symbol == "03-NQ/ĐU")
                    study = sessions.create_session(db, kind=SessionKind.STUDY, held_on=date(2026, 4, 10 + index),
                                                    document_ids=[shared.id])
                    sessions.mark_all_present(db, study.id)
                import_bundle(commune, export_bundle(cell, stick).path, approve={ensure_keys(cell).fingerprint})
        window = open_window(app, commune)
        settle(app)  # the board's second read: each cell's study
        save(window, out / "31-xa-tong-quan.png")
        board = window.overview.receiving
        board.table.selectRow(1)
        board.open_button.click()
        settle(app)
        save(window, out / "32-xa-dang-vien-mot-chi-bo.png")
        for row, name in ((2, "van-ban"), (3, "sinh-hoat"), (4, "ke-hoach"), (5, "tuyen-truyen")):
            window.navigation.setCurrentRow(row)
            settle(app)
            save(window, out / f"3{row + 1}-xa-{name}.png")
        window.navigation.setCurrentRow(3)
        settle(app)
        bar = window.sessions.cell_bar
        bar.combo.setFocus()
        bar.combo.lineEdit().selectAll()
        QTest.keyClicks(bar.combo.lineEdit(), "sin")  # accents aside: "Sìn", "Sin" alike
        app.processEvents()
        path = out / "37-xa-chon-chi-bo.png"
        app.primaryScreen().grabWindow(0).save(str(path))  # the list that drops down is a window of its own
        print(path)
        bar.combo.completer().popup().hide()
        window.close()


def forwarding_screens(app, out: Path, folder: Path) -> None:
    """Cell → commune → province: the commune's forward tab after forwarding, its table of units with
    a cell chosen and the restore dialog comparing a new computer's key; the new computer's
    first-run page after writing its request; the province's figures by unit."""
    from chibo.sync.restore_bundle import write_restore_request
    from chibo.ui.dialogs.first_run import FirstRunWizard

    stick = folder / "usb"
    stick.mkdir()
    with Book.open(folder / "commune") as commune, Book.open(folder / "province") as province:
        init_book(commune, name="Đảng ủy xã Sơn Cao", role="receiving", superior_name="Đảng bộ tỉnh Lai Châu")
        init_book(province, name="Tỉnh ủy Lai Châu", role="receiving")
        for index, name in enumerate(("Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ")):
            with Book.open(folder / f"cell{index}") as cell:
                build_demo(cell, seed=5 + index, months=3, today=date.today(), name=name)
                link(cell, commune, stick)
                import_bundle(commune, export_bundle(cell, stick).path, approve={ensure_keys(cell).fingerprint})
        link(commune, province, stick)
        with Book.open(folder / "may-moi") as new_pc:
            request, _fingerprint = write_restore_request(new_pc, "Chi bộ bản Nà Khum", folder)
        window = open_window(app, commune)
        window.show_page(window.exchange)
        settle(app)  # the page is read when first shown
        page = window.exchange
        page.tabs.setCurrentIndex(page.tabs.indexOf(page.forward_tab))
        page.forward_panel.picker.set_folder(stick)
        page.forward_panel.export()
        settle(app)
        save(window, out / "15c-cap-tren-chuyen-len.png")
        page.tabs.setCurrentIndex(page.tabs.indexOf(page.totals_tab))
        page.units_table.selectRow(0)
        app.processEvents()
        save(window, out / "15d-cap-tren-chon-chi-bo.png")
        page.open_restore()
        dialog = page.restore_dialog
        dialog.read_request(request)
        dialog.picker.set_folder(stick)
        settle(app)
        save(dialog, out / "15e-goi-khoi-phuc.png")
        dialog.close()
        window.close()
        settle(app)
        import_bundle(province, next(stick.glob("XASONCAO-1-*.chibo")), approve={ensure_keys(commune).fingerprint})
        window = open_window(app, province)
        window.show_page(window.exchange)
        settle(app)  # the page is read when first shown
        window.exchange.tabs.setCurrentIndex(window.exchange.tabs.indexOf(window.exchange.totals_tab))
        app.processEvents()
        save(window, out / "15f-tinh-so-lieu-tong-hop.png")
        window.close()
        settle(app)
    with Book.open(folder / "may-moi-2") as book:
        wizard = FirstRunWizard(book)
        wizard.show()
        _choose(wizard.welcome.group, "restore")
        app.processEvents()
        save(wizard, out / "20c-khoi-tao-lay-lai-so.png")
        wizard.next()
        wizard.recover.name.setText("Chi bộ bản Nà Khum")
        wizard.recover.picker.set_folder(stick)
        wizard.recover.write_request()
        settle(app)
        save(wizard, out / "24-lay-lai-so-tu-cap-tren.png")
        wizard.reject()
        settle(app)


def desk_screens(app, out: Path, folder: Path) -> None:
    """The commune's desk at the start of a month: four demo cells, the previous month's report of
    one on time, one late, two not yet in; a bundle asked to add something and one approved; the
    list of cells not yet reported; the note on the cell's overview; the grace days in Cài đặt."""
    from datetime import datetime, time, timedelta

    from chibo.sync.periods import period_bounds, previous_period
    from chibo.sync.review import find_review, mark_review

    today = date.today()
    due = period_bounds(previous_period(today))[1] + timedelta(days=5)

    def moment(day):  # 10:00 in Vietnam
        return datetime.combine(day, time(3, 0), tzinfo=UTC)

    stick = folder / "usb"
    stick.mkdir()
    plan_days = {"Chi bộ bản Nà Khum": (today, due - timedelta(days=2)), "Chi bộ bản Phìn Hồ": (today, due + timedelta(days=1)),
                 "Chi bộ bản Nậm Cáy": (today - timedelta(days=45), today - timedelta(days=40)),
                 "Chi bộ bản Sin Chải": (today - timedelta(days=75), today - timedelta(days=70))}
    with Book.open(folder / "commune") as commune:
        init_book(commune, name="Đảng ủy xã Sơn Cao", role="receiving", superior_name="Đảng bộ tỉnh Lai Châu",
                  place_name="Sơn Cao")
        cells = {}
        for index, (name, (built, sent)) in enumerate(plan_days.items()):
            cell = Book.open(folder / f"cell{index}")
            build_demo(cell, seed=11 + index, months=14, today=min(built, sent), name=name)
            link(cell, commune, stick)
            import_bundle(commune, export_bundle(cell, stick).path, approve={ensure_keys(cell).fingerprint},
                          now=moment(sent))
            cells[name] = cell
        with commune.session() as db:
            mark_review(db, find_review(db, cells["Chi bộ bản Phìn Hồ"].local_unit_id, 1).id, "needs_more",
                        "Thiếu biên bản sinh hoạt thường kỳ tháng trước và danh sách đảng viên vắng có lý do; đề "
                        "nghị chi bộ gửi bổ sung trước ngày 15.")
            mark_review(db, find_review(db, cells["Chi bộ bản Nà Khum"].local_unit_id, 1).id, "approved")
        plan = export_plan(commune, stick)
        import_bundle(cells["Chi bộ bản Phìn Hồ"], plan.path)
        window = open_window(app, commune)
        window.show_page(window.exchange)
        settle(app)  # the page is read when first shown
        page = window.exchange
        page.tabs.setCurrentIndex(page.tabs.indexOf(page.review_panel))
        page.review_panel.table.selectRow(0)
        app.processEvents()
        save(window, out / "41-ban-lam-viec-duyet-goi.png")
        page.review_panel.ask_more()
        app.processEvents()
        save(page.review_panel.note_dialog, out / "42-ghi-chu-can-bo-sung.png")
        page.review_panel.note_dialog.reject()
        page.tabs.setCurrentIndex(page.tabs.indexOf(page.completeness_panel))
        app.processEvents()
        save(window, out / "43-tinh-hinh-bao-cao.png")
        page.completeness_panel.print_missing()
        settle(app)
        dialog = page.completeness_panel.last_dialog
        dialog.resize(min(1000, WIDTH), HEIGHT - 28)
        app.processEvents()
        save(dialog, out / "44-danh-sach-chua-bao-cao.png")
        dialog.close()
        page.tabs.setCurrentIndex(page.tabs.indexOf(page.chart_panel))
        app.processEvents()
        save(window, out / "45-bieu-do-ty-le-hoc-tap.png")
        page.tabs.setCurrentIndex(page.tabs.indexOf(page.totals_tab))
        app.processEvents()
        save(window, out / "46-so-lieu-tong-hop.png")
        window.show_page(window.settings)
        settle(app)
        save(window, out / "47-cai-dat-gia-han.png")
        window.close()
        settle(app)
        _desk_papers(commune, out)
        window = open_window(app, cells["Chi bộ bản Phìn Hồ"])
        window.navigation.setCurrentRow(0)
        settle(app)  # the board is read when first shown
        save(window, out / "48-tong-quan-ghi-chu-cap-tren.png")
        window.close()
        settle(app)
        for cell in cells.values():
            cell.close()


def _desk_papers(commune, out: Path) -> None:
    """The papers of the desk, to look at with `pdftoppm -png -r 60`: the consolidated report on
    every document (a draft, nothing issued), its Excel file, and the list of cells not reported."""
    from chibo.reports.consolidated import build_consolidated
    from chibo.reports.consolidated_xlsx import build_consolidated_xlsx
    from chibo.reports.missing_cells import build_missing_list
    from chibo.sync.completeness import completeness
    from chibo.sync.summary import consolidated

    with commune.session() as db:
        units, total = consolidated(db)
        papers = {"49-bao-cao-tong-hop.pdf": build_consolidated(db, units, total, number="......-BC/ĐU"),
                  "49-bieu-tong-hop.xlsx": build_consolidated_xlsx(db, units, total),
                  "50-danh-sach-chua-bao-cao.pdf": build_missing_list(db, completeness(db))}
    for name, data in papers.items():
        (out / name).write_bytes(data)
        print(out / name)


def _choose(group, key: str) -> None:
    next(b for b in group.buttons() if b.property("choice") == key).setChecked(True)
def link(cell, commune, stick: Path) -> None:
    """The cell takes its superior's plan bundle, its key approved: its bundles are sealed from then on."""
    plan = export_plan(commune, stick)
    import_bundle(cell, plan.path, approve={ensure_keys(commune).fingerprint})


def unlinked_cell_screen(app, out: Path, folder: Path) -> None:
    """A cell that has not imported its superior's plan yet: nothing is written unsealed unless asked."""
    with Book.open(folder / "chua-co-khoa") as book:
        build_demo(book, seed=4, months=2, today=date.today())
        window = open_window(app, book)
        window.show_page(window.exchange)
        settle(app)  # the page is read when first shown
        app.processEvents()
        save(window, out / "07b-trao-doi-chua-co-khoa-cap-tren.png")
        window.close()
        settle(app)


def recovery_screen(app, out: Path, folder: Path) -> None:
    """A book whose pages were damaged: the restore offered at start-up instead of quitting."""
    from datetime import datetime, timedelta

    from chibo.errors import DamagedBookError
    from chibo.store.backup import checked_backups, make_backup
    from chibo.ui.dialogs.recovery import RecoveryDialog

    with Book.open(folder / "hong") as book:
        build_demo(book, seed=2, months=2, today=date.today())
    database = folder / "hong" / "chibo.sqlite"
    for days, automatic in ((9, True), (2, False), (1, True)):
        make_backup(database, database.parent / "backups", automatic=automatic,
                    now=datetime.now().replace(hour=7, minute=45) - timedelta(days=days))
    (database.parent / "backups" / "tu-dong-20250101-080000.sqlite").write_bytes(b"\0" * 4096)  # a damaged one
    data = bytearray(database.read_bytes())
    data[:100] = b"\0" * 100
    database.write_bytes(bytes(data))
    try:
        Book.open(folder / "hong")
    except DamagedBookError as refused:
        dialog = RecoveryDialog(refused.message, checked_backups(folder / "hong" / "backups"))
        dialog.show()
        app.processEvents()
        save(dialog, out / "31-khong-mo-duoc-so.png")
        dialog.close()


def wizard_screens(app, out: Path, folder: Path) -> None:
    """The first run on an empty book: each page, each choice that ends the wizard (Hoàn tất shown),
    the import page with a file that has errors and with a hand-kept sheet read whole."""
    from chibo.ui.dialogs.first_run import FirstRunWizard

    sheet = folder / "danh-sach-dang-vien.csv"
    sheet.write_text("STT,Họ và tên,Ngày sinh,Giới tính,Dân tộc,Ngày vào Đảng,Ngày chính thức,Tình trạng\n"
                     "1,Lò Văn Páo,12/03/1975,Nam,Thái,05/06/2001,05/06/2002,chính thức\n"
                     "2,Nguyễn Thị Hường,31/02/1980,Nữ,Kinh,02/09/2010,02/09/2011,chính thức\n"
                     "3,Giàng A Chứ,1990,Nam,Mông,19/05/2024,,dự bị\n"
                     "4,Lò Văn Páo,12/03/1975,Nam,Thái,05/06/2001,05/06/2002,chính thức\n"
                     "5,Vàng Thị Dợ,20/10/1948,Nữ,Mông,03/02/1975,03/02/1976,miễn sinh hoạt\n", encoding="utf-8")
    with Book.open(folder / "empty") as book:
        wizard = FirstRunWizard(book)
        wizard.show()
        app.processEvents()
        save(wizard, out / "20-khoi-tao-chao-mung.png")
        _choose(wizard.welcome.group, "demo")
        app.processEvents()
        save(wizard, out / "20b-khoi-tao-chi-bo-mau.png")
        _choose(wizard.welcome.group, "real")
        wizard.next()
        wizard.unit.name.setText("Chi bộ bản Nậm Cáy")
        wizard.unit.superior.setText("Đảng bộ xã Sơn Cao")
        wizard.unit.place.setText("Sơn Cao")
        app.processEvents()
        save(wizard, out / "21-khoi-tao-don-vi.png")
        wizard.unit.receiving.setChecked(True)
        app.processEvents()
        save(wizard, out / "21b-khoi-tao-cap-nhan-bao-cao.png")
        wizard.unit.cell.setChecked(True)
        wizard.next()
        app.processEvents()
        save(wizard, out / "22-khoi-tao-danh-sach.png")
        _choose(wizard.start.group, "hand")
        app.processEvents()
        save(wizard, out / "22b-khoi-tao-nhap-tay.png")
        _choose(wizard.start.group, "file")
        wizard.next()
        wizard.importing.panel.load_file(sheet)
        settle(app)
        save(wizard, out / "23-khoi-tao-nhap-tep-co-loi.png")
        wizard.importing.panel.load_file(hand_kept_xlsx(folder / "danh-sach-chi-bo.xlsx"))
        settle(app)
        save(wizard, out / "23b-khoi-tao-nhap-danh-sach-viet-tay.png")
        wizard.reject()
        settle(app)


def empty_book_screens(app, out: Path, folder: Path) -> None:
    """A cell just set up: the empty register says what to do."""
    with Book.open(folder / "new") as book:
        init_book(book, name="Chi bộ bản Nậm Cáy", superior_name="Đảng bộ xã Sơn Cao", place_name="Sơn Cao")
        window = open_window(app, book)
        for row, name in ((1, "dang-vien"), (3, "sinh-hoat")):
            window.navigation.setCurrentRow(row)
            settle(app)  # the page is read when first shown
            app.processEvents()
            save(window, out / f"26-so-moi-{name}.png")
        window.close()
        settle(app)


def import_screens(app, window: MainWindow, out: Path, folder: Path) -> None:
    """Đảng viên → Nhập từ tệp Excel…, with a hand-kept sheet: statuses read from the notes."""
    window.navigation.setCurrentRow(1)
    settle(app)  # the page is read when first shown
    window.register.import_members()
    dialog = window.register.last_dialog
    dialog.panel.load_file(hand_kept_xlsx(folder / "danh-sach-nhap.xlsx"))
    settle(app)
    save(dialog, out / "25-nhap-danh-sach.png")
    dialog.reject()


def editor_screens(app, window: MainWindow, out: Path) -> None:
    """The editors as they open: a new member, a change of status, a session with its roll call."""
    window.navigation.setCurrentRow(1)
    settle(app)  # the page is read when first shown
    register = window.register
    register.add_member()
    app.processEvents()
    save(register.last_dialog, out / "09-them-dang-vien.png")
    register.last_dialog.dirty = False
    register.last_dialog.reject()
    register.table.selectRow(2)
    register.change_status()
    settle(app)
    save(register.last_dialog, out / "09b-doi-tinh-trang.png")
    register.last_dialog.reject()
    window.navigation.setCurrentRow(3)
    settle(app)  # the page is read when first shown
    sessions = window.sessions
    sessions.table.selectRow(1)  # the latest held session: row 0 is today's, made by register_screens, no chair yet
    sessions.edit_record()
    settle(app)
    editor = sessions.last_dialog
    editor.resize(WIDTH, HEIGHT - 28)
    app.processEvents()
    save(editor, out / "10-sua-buoi-sinh-hoat.png")
    editor.tabs.setCurrentIndex(1)
    editor.agenda.list.setCurrentRow(1)
    app.processEvents()
    save(editor, out / "10b-noi-dung-y-kien.png")
    editor.tabs.setCurrentIndex(2)
    app.processEvents()
    save(editor, out / "10c-bieu-quyet.png")
    # The chair marked absent: the editor says which rule, before Lưu is pressed.
    editor.tabs.setCurrentIndex(0)
    chair = editor.chair.currentData()
    row = next(i for i, r in enumerate(editor.roll.rows) if r[0] == chair)
    editor.roll.mark([row], "vang_khong_ly_do")
    editor.roll_view.selectRow(row)
    app.processEvents()
    save(editor, out / "10d-trai-quy-tac.png")
    editor.dirty = False
    editor.reject()
    document_screens(app, window, out)
    window.navigation.setCurrentRow(4)
    settle(app)  # the page is read when first shown
    plans = window.plans
    plans.table.selectRow(0)
    plans.edit_record()
    settle(app)
    save(plans.last_dialog, out / "24-sua-ke-hoach.png")
    plans.last_dialog.dirty = False
    plans.last_dialog.reject()


def register_screens(app, window: MainWindow, book, out: Path) -> None:
    """The outgoing register after a study report was issued, and the preview of a paper not yet
    issued (the draft of a new session's minutes, with the number it would take)."""
    from chibo.reports.papers import build_paper
    from chibo.services.documents import list_documents
    from chibo.services.sessions import create_session, mark_all_present
    from chibo.vocabulary import SessionKind

    with book.session() as db:
        build_paper(db, book.folder, "report", list_documents(db)[0].id, issue=True)
        session = create_session(db, kind=SessionKind.REGULAR, held_on=date.today(), place="Nhà văn hóa bản")
        mark_all_present(db, session.id)
    window.load()
    settle(app)
    window.navigation.setCurrentRow(3)
    settle(app)  # the page is read when first shown
    bar = window.sessions.papers
    window.sessions.table.selectRow(0)
    bar.make("preview")
    settle(app)
    bar.last_dialog.resize(min(1000, WIDTH), HEIGHT - 28)
    app.processEvents()
    save(bar.last_dialog, out / "19b-xem-truoc-chua-cap-so.png")
    bar.last_dialog.close()
    bar.open_register()
    settle(app)
    save(bar.register_dialog, out / "19c-so-van-ban-di.png")
    bar.register_dialog.close()
    settle(app)


def settings_screens(app, window: MainWindow, out: Path) -> None:
    window.show_page(window.settings)
    settle(app)  # the page is read when first shown
    window.settings.make_backup()
    settle(app)
    for tab, name in ((0, "don-vi"), (1, "quy-tac"), (2, "giao-dien"), (3, "sao-luu")):
        window.settings.tabs.setCurrentIndex(tab)
        app.processEvents()
        save(window, out / f"30-cai-dat-{name}.png")


def document_screens(app, window: MainWindow, out: Path) -> None:
    """Văn bản: the editor, who has studied a document, a make-up and an essay."""
    from chibo.ui.dialogs.coverage import open_coverage

    window.navigation.setCurrentRow(2)
    settle(app)  # the page is read when first shown
    page = window.documents
    page.table.selectRow(1)
    page.edit_record()
    settle(app)
    save(page.last_dialog, out / "15-sua-van-ban.png")
    page.last_dialog.reject()
    open_coverage(page, page.selected_id())
    settle(app)
    coverage = page.last_dialog
    save(coverage, out / "16-tinh-hinh-hoc-tap.png")
    coverage.plan_makeup()
    app.processEvents()
    if coverage.last_dialog is not None:
        save(coverage.last_dialog, out / "17-tao-buoi-hoc-bu.png")
        coverage.last_dialog.reject()
    coverage.table.selectRow(0)
    coverage.record_essay()
    app.processEvents()
    save(coverage.last_dialog, out / "18-bai-thu-hoach.png")
    coverage.last_dialog.reject()
    coverage.reject()


def board_screens(app, window: MainWindow, out: Path) -> None:
    """Tổng quan's "record this month's meeting": the editor it opens on this month's usual day
    with the roll of that day (closed unsaved: the screens after it show the demo as it is)."""
    window.show_page("overview")
    settle(app)
    board = window.overview
    if board.record_button is None:  # this month's meeting is in the demo already
        return
    board.record_button.click()
    settle(app)
    save(board.last_dialog, out / "01b-ghi-buoi-thang-nay.png")
    board.last_dialog.reject()
    settle(app)


def main() -> int:
    out = Path(sys.argv[1] if len(sys.argv) > 1 else "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    app = QApplication.instance() or QApplication([])
    install_translations(app, os.environ.get("CHIBO_LANGUAGE", "vi"))  # as the app does before its first widget
    if os.environ.get("CHIBO_SCREENS") == "commune":  # the commune's screens alone
        with tempfile.TemporaryDirectory() as folder:
            commune_screens(app, out, Path(folder))
        return 0
    with tempfile.TemporaryDirectory() as folder:
        commune_screens(app, out, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        desk_screens(app, out, Path(folder))
    if os.environ.get("CHIBO_SCREENS") == "desk":  # the commune's desk alone
        return 0
    with tempfile.TemporaryDirectory() as folder:
        wizard_screens(app, out, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        empty_book_screens(app, out, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        receiving_screens(app, out, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        forwarding_screens(app, out, Path(folder))
    with tempfile.TemporaryDirectory() as folder:
        recovery_screen(app, out, Path(folder))
        unlinked_cell_screen(app, out, Path(folder))
    with tempfile.TemporaryDirectory() as folder, Book.open(Path(folder)) as book:
        build_demo(book, seed=1, today=date.today())
        stick = Path(folder) / "usb"
        stick.mkdir()
        with Book.open(Path(folder) / "commune") as commune:  # the cell has its superior's key: bundles sealed
            init_book(commune, name="Đảng ủy xã Sơn Cao", role="receiving")
            link(book, commune, stick)
        window = open_window(app, book)
        names = ("tong-quan", "dang-vien", "van-ban", "sinh-hoat", "ke-hoach", "tuyen-truyen", "trao-doi", "cai-dat")
        window.show_page("exchange")  # its panels are built with its first data
        settle(app)
        window.exchange.export_panel.picker.set_folder(stick)
        window.exchange.export_panel.export()
        settle(app)
        for row, name in enumerate(names):
            window.navigation.setCurrentRow(row)
            settle(app)  # each page is read when first shown
            save(window, out / f"{row + 1:02d}-{name}.png")
        # The preview of the minutes of the latest session, as the secretary sees it.
        window.navigation.setCurrentRow(names.index("sinh-hoat"))
        settle(app)  # the page is read when first shown
        bar = window.sessions.papers
        bar.make("preview")
        wait_for_jobs()
        app.processEvents()
        dialog = bar.last_dialog
        dialog.resize(min(1000, WIDTH), HEIGHT - 28)
        app.processEvents()
        path = out / "19-xem-truoc-bien-ban.png"
        dialog.grab().save(str(path))
        print(path)
        dialog.close()
        settle(app)  # the refresh after printing reads the book: let it finish before the book closes
        board_screens(app, window, out)
        register_screens(app, window, book, out)
        editor_screens(app, window, out)
        import_screens(app, window, out, Path(folder))
        settings_screens(app, window, out)
        # By now register_screens recorded a session for today: this month's meeting is on the board.
        window.show_page("overview")
        settle(app)
        save(window, out / "01c-tong-quan-da-ghi-buoi-thang.png")
        window.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
