"""The names a commune's papers are signed with: its book keeps no member register of its own, so
they are settings, set on the command line or in Cài đặt → Đơn vị, checked like any name."""

from __future__ import annotations

from PySide6.QtCore import Qt

from chibo.services.signers import load_signers
from conftest import book_rows, cli, open_main_window, show_page
from person import click, type_text


def test_signers_set_shown_and_checked_on_the_command_line(capsys, receiving):
    folder = receiving.folder
    receiving.close()
    code, out, err = cli(capsys, "--data-dir", folder, "signers")
    assert (code, err) == (0, "") and out == "Bí thư ký báo cáo tổng hợp: (chưa có)\nNgười lập danh sách: (chưa có)\n"
    code, out, _ = cli(capsys, "--data-dir", folder, "signers", "--secretary", "  Lò Văn Thanh ")
    assert code == 0 and out == "Bí thư ký báo cáo tổng hợp: Lò Văn Thanh\nNgười lập danh sách: (chưa có)\n"
    before = book_rows(folder / "chibo.sqlite")
    code, out, err = cli(capsys, "--data-dir", folder, "signers", "--compiler", "Vàng\u202eThị Mai")
    assert code == 1 and out == "" and "Tên người lập danh sách có ký tự ẩn" in err
    code, _, err = cli(capsys, "--data-dir", folder, "signers", "--secretary", "Lò Văn Thanh\nPhó")
    assert code == 1 and "chỉ viết trên một dòng" in err
    assert book_rows(folder / "chibo.sqlite") == before  # refused: nothing written
    code, out, _ = cli(capsys, "--data-dir", folder, "signers", "--secretary", "")
    assert out.startswith("Bí thư ký báo cáo tổng hợp: (chưa có)")


def test_a_cell_has_no_signers_to_set(capsys, demo_dir):
    code, out, err = cli(capsys, "--data-dir", demo_dir, "signers", "--secretary", "Giàng A Páo")
    assert code == 1 and out == "" and err.startswith("chibo: Tên người ký ở đây là của cấp nhận báo cáo (đảng ủy).")


def test_the_commune_types_its_signers_in_the_settings(qtbot, receiving):
    window = open_main_window(qtbot, receiving, page="settings")
    page = show_page(qtbot, window, "settings")
    qtbot.waitUntil(lambda: page.signer_secretary.isVisible(), timeout=10_000)
    assert page.signer_secretary_label.text() == "&Bí thư ký báo cáo:"
    page.signer_secretary.setFocus()
    type_text(page.signer_secretary, "Lò Văn Thanh")  # Vietnamese typed as an input method delivers it
    type_text(page.signer_compiler, "Vàng Thị Mai")
    assert page.status.text() == "Có thay đổi chưa lưu."
    click(qtbot, page.save_button)
    qtbot.waitUntil(lambda: page.status.text().startswith("Đã lưu"), timeout=10_000)
    with receiving.session() as db:
        assert load_signers(db).as_json() == {"secretary": "Lò Văn Thanh", "compiler": "Vàng Thị Mai"}
    assert page.tabs.tabText(1) == "Chỉ tiêu, thang xếp loại"  # a committee's tab: its cells keep the meeting rules
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, Qt.LeftButton, pos=bar.tabRect(1).center())  # the tab, clicked
    qtbot.waitUntil(lambda: page.tabs.currentIndex() == 1)
    assert page.target.isVisible() and page.grades.isVisible()
    assert not page.quorum.isVisible() and not page.guest_chair.isVisible() and not page.probation.isVisible()
