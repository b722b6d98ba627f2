"""The desktop app has no terminal (chibo.exe on Windows, a launcher icon on Linux): a failure that
stops it before or instead of its window is said in a box, in Vietnamese, not only on stderr."""

from __future__ import annotations

import sys

from chibo.cli.main import main
from chibo.errors import ChiboError
from conftest import answer_next_dialog


def test_a_refusal_before_the_window_is_shown_in_a_box(qtbot, tmp_path, monkeypatch, capsys):
    def refused(folder, smoke=False):
        raise ChiboError(f"“{folder}” là một tệp, không phải thư mục dữ liệu.")

    monkeypatch.setattr("chibo.ui.app.run_app", refused)
    seen = []
    answer_next_dialog(qtbot, "OK", seen=seen)
    assert main(["--data-dir", str(tmp_path / "so")]) == 1
    assert seen == [f"“{tmp_path / 'so'}” là một tệp, không phải thư mục dữ liệu."]
    assert capsys.readouterr().err == f"chibo: “{tmp_path / 'so'}” là một tệp, không phải thư mục dữ liệu.\n"


def test_on_windows_an_unexpected_failure_uses_windows_own_box_without_qt(tmp_path, monkeypatch, capsys):
    """On Windows the box needs nothing of Qt (PySide6's DLLs may be what failed to load); with no
    console, stderr is None there and nothing is printed."""
    import ctypes

    shown = []

    class User32:
        @staticmethod
        def MessageBoxW(owner, text, title, flags):  # Windows' own name
            shown.append((owner, text, title, flags))
            return 1

    class WinDLL:
        user32 = User32()

    def broken(folder, smoke=False):
        raise ImportError("DLL load failed while importing QtWidgets")

    monkeypatch.setattr("chibo.ui.app.run_app", broken)
    monkeypatch.setattr(sys, "platform", "win32")
    monkeypatch.setattr(ctypes, "windll", WinDLL(), raising=False)
    monkeypatch.setattr(sys, "stderr", None)
    assert main(["--data-dir", str(tmp_path / "so")]) == 1
    logs = tmp_path / "so" / "logs"
    assert shown == [(None, "đã xảy ra lỗi ngoài dự kiến; dữ liệu không bị thay đổi. Chi tiết được ghi trong nhật "
                            f"ký ở {logs}.", "chibo", 0x10)]
    assert "DLL load failed while importing QtWidgets" in "".join(p.read_text() for p in logs.glob("*.log"))


def test_a_command_or_the_smoke_run_shows_no_box(tmp_path, monkeypatch, capsys):
    boxes = []
    monkeypatch.setattr("chibo.cli.main.show_failure_box", boxes.append)

    def refused(folder, smoke=False):
        raise ChiboError("Sổ bị khóa.")

    monkeypatch.setattr("chibo.ui.app.run_app", refused)
    assert main(["--data-dir", str(tmp_path / "so"), "--smoke"]) == 1
    assert main(["--data-dir", str(tmp_path / "so"), "members", "list"]) == 1
    assert boxes == [] and capsys.readouterr().err.startswith("chibo: Sổ bị khóa.\nchibo: Thư mục")
