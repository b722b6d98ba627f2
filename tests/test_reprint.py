"""A paper printed again from the command line is its archived original, found with sqlite3 alone
(`reports.reprint`): the same bytes, file name and sentence as the usual way (`build_paper`), also
while the desktop app has the book open; anything but the plain case goes the usual way."""

from __future__ import annotations

import sys

from sqlmodel import select

from chibo.reports.papers import PaperState, build_paper
from chibo.reports.reprint import archived_original
from chibo.store.models import IssuedPaper
from chibo.store.reader import open_reader
from conftest import cli


def issued(book) -> list[IssuedPaper]:
    with book.session() as db:
        return list(db.exec(select(IssuedPaper).where(IssuedPaper.file_name != "")))


def test_every_archived_paper_of_the_demo_is_found_as_the_usual_way_gives_it(demo_book):
    rows = issued(demo_book)
    assert {r.paper for r in rows} >= {"minutes", "plan"} and len(rows) > 10
    with open_reader(demo_book.database) as reader:
        plain = {r.id: archived_original(reader, demo_book.folder, r.paper, r.record_id[:6]) for r in rows}
    for row in rows:
        with demo_book.session() as db:
            usual = build_paper(db, demo_book.folder, row.paper, row.record_id, issue=True)
        latest = max((r for r in rows if r.record_id == row.record_id), key=lambda r: (r.issued_on, r.number))
        if row is not latest:
            continue
        assert usual.state == PaperState.REPRINT
        assert (plain[row.id].pdf, plain[row.id].file_name, plain[row.id].note) == (usual.pdf, usual.file_name,
                                                                                      usual.note)


def test_what_is_not_the_plain_case_goes_the_usual_way(demo_book):
    row = next(r for r in issued(demo_book) if r.paper == "minutes")
    with open_reader(demo_book.database) as reader:
        folder = demo_book.folder
        assert archived_original(reader, folder, "minutes", row.record_id[:3]) is None  # too short to be sure
        assert archived_original(reader, folder, "minutes", "%") is None
        assert archived_original(reader, folder, "report", row.record_id) is None  # no such document
        original = folder / "issued" / row.file_name
        data = original.read_bytes()
        original.write_bytes(data[:-1] + b"x")  # altered: the usual way says so
        assert archived_original(reader, folder, "minutes", row.record_id) is None
        original.write_bytes(data)
        assert archived_original(reader, folder, "minutes", row.record_id).pdf == data


def test_the_cli_prints_again_while_the_app_has_the_book_and_says_an_altered_original(demo_book, tmp_path, capsys):
    row = next(r for r in issued(demo_book) if r.paper == "minutes")
    original = demo_book.folder / "issued" / row.file_name
    # demo_book holds the folder's lock, as the open app does: printing again only reads.
    code, out, err = cli(capsys, "--data-dir", demo_book.folder, "print", "minutes", row.record_id[:8],
                         "--out", tmp_path / "again")
    assert code == 0 and (tmp_path / "again.pdf").read_bytes() == original.read_bytes()
    assert out.strip() == str(tmp_path / "again.pdf") and err.startswith("chibo: Bản gốc đã lưu của biên bản số ")
    original.write_bytes(original.read_bytes() + b"%")
    code, out, err = cli(capsys, "--data-dir", demo_book.folder, "print", "minutes", row.record_id[:8],
                         "--out", tmp_path / "altered")
    assert code == 1 and not (tmp_path / "altered.pdf").exists()
    assert err == "chibo: Chibo đang mở sổ này ở một cửa sổ hoặc lệnh khác. Hãy đóng cửa sổ đó rồi thử lại.\n"
    demo_book.close()  # the app closed: the usual way now says what is wrong with the original
    code, out, err = cli(capsys, "--data-dir", demo_book.folder, "print", "minutes", row.record_id[:8],
                         "--out", tmp_path / "altered")
    assert code == 1 and "đã bị thay đổi: mã kiểm tra không khớp" in err and not (tmp_path / "altered.pdf").exists()


def test_printing_again_imports_neither_sqlalchemy_nor_reportlab(demo_book, tmp_path):
    import subprocess

    row = next(r for r in issued(demo_book) if r.paper == "minutes")
    demo_book.close()
    script = ("import sys\nfrom chibo.cli.main import main\n"
              f"code = main(['--data-dir', {str(demo_book.folder)!r}, 'print', 'minutes', {row.record_id[:8]!r},"
              f" '--out', {str(tmp_path / 'm.pdf')!r}])\n"
              "print(code, sorted(m for m in ('sqlalchemy', 'sqlmodel', 'reportlab') if m in sys.modules))\n")
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True).stdout
    assert out.splitlines()[-1] == "0 []"
