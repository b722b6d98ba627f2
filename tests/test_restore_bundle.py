"""A cell that lost its computer gets its book back from the commune's copy: the new computer asks
(its keys), the commune approves the new key by fingerprint and writes a restore bundle sealed to
it, the new computer imports it. The figures equal those before the loss, the numbering continues
and the commune counts nothing twice; every refusal leaves the books as they were."""

from __future__ import annotations

import json
import zipfile
from pathlib import Path

from sqlmodel import select

from chibo.services.keys import load_keys, make_new_keys
from chibo.services.numbering import set_term_start
from chibo.store.book import Book
from chibo.store.models import KnownKey, KnownUnit
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from chibo.sync.restore_bundle import export_restore, write_restore_request
from conftest import book_rows, cli, fingerprint_of, key_files, link
from test_sync import _state


def _json(capsys, folder, *argv):
    code, out, err = cli(capsys, "--data-dir", folder, *argv, "--json")
    assert code == 0, err
    return json.loads(out)


def _figures(capsys, folder) -> dict:
    """What the secretary sees: members, documents with their rates, essays by grade and outreach,
    sessions whole (attendance, agenda items, speeches, votes), plans, the outgoing register."""
    figures = {name: _json(capsys, folder, *argv) for name, argv in {
        "members": ("members", "list"), "documents": ("documents", "list"), "sessions": ("sessions", "list"),
        "plans": ("plans", "list"), "papers": ("papers", "list", "--all")}.items()}
    for document in figures["documents"]:
        figures[f"document {document['id']}"] = _json(capsys, folder, "documents", "show", document["id"])
    for session in figures["sessions"]:
        figures[f"session {session['id']}"] = _json(capsys, folder, "sessions", "show", session["id"])
    return figures


def _issue_two_reports(capsys, folder, tmp_path) -> list[str]:
    """Two study reports printed; returns the reports' numbers archived with their PDF (the demo's
    own minutes and programme are in the register too, archived when it was built)."""
    documents = _json(capsys, folder, "documents", "list")
    for index in (0, 1):
        code, _out, err = cli(capsys, "--data-dir", folder, "print", "report", documents[index]["id"], "--out",
                              tmp_path / f"report-{index}.pdf")
        assert code == 0, err
    return [row["number_symbol"] for row in _json(capsys, folder, "papers", "list", "--all")
            if row["archive"] == "ok" and row["kind"] == "BC"]


def test_a_lost_computer_gets_its_book_back_with_equal_figures_and_numbering_that_continues(
        capsys, cell_a, receiving, stick, tmp_path):
    link(cell_a, receiving, stick)
    with cell_a.session() as db:
        set_term_start(db, __import__("datetime").date(2026, 1, 1))  # a term of its own: it must survive
    old_fp, commune_fp, unit_id = fingerprint_of(cell_a), fingerprint_of(receiving), cell_a.local_unit_id
    old_pc, commune = cell_a.folder, receiving.folder
    cell_a.close(), receiving.close()
    assert _issue_two_reports(capsys, old_pc, tmp_path) == ["01-BC/CB", "02-BC/CB"]
    code, out, _ = cli(capsys, "--data-dir", old_pc, "export", "--to", stick)
    assert code == 0 and cli(capsys, "--data-dir", commune, "import", out.strip(), "--approve", old_fp)[0] == 0
    code, out, _ = cli(capsys, "--data-dir", old_pc, "export", "--to", stick)  # a second bundle: seq 2
    assert code == 0 and cli(capsys, "--data-dir", commune, "import", out.strip())[0] == 0
    before = _figures(capsys, old_pc)
    with Book.open(old_pc) as book:
        rows_before = _state(book, unit_id)

    # The computer is lost. On the new one, an empty data folder: the request and its fingerprint.
    new_pc = tmp_path / "may-moi"
    code, out, _ = cli(capsys, "--data-dir", new_pc, "restore-request", "--name", "Chi bộ bản Nà Khum", "--to", stick)
    new_fp = load_keys(new_pc).fingerprint
    request = Path(out.splitlines()[-1])
    assert code == 0 and out.splitlines()[0] == f"Đã ghi yêu cầu lấy lại sổ. Mã khóa của máy này: {new_fp}"
    assert request.name.startswith("BANNAKHUM-YEUCAU-") and new_fp != old_fp
    code, out, _ = cli(capsys, "--data-dir", new_pc, "restore-request", "--name", "Chi bộ bản Nà Khum", "--to", stick)
    assert load_keys(new_pc).fingerprint == new_fp  # asked twice: the same key

    # The commune sees both fingerprints and writes nothing until the new one is approved.
    commune_rows, on_stick = book_rows(commune / "chibo.sqlite"), sorted(p.name for p in stick.iterdir())
    code, out, err = cli(capsys, "--data-dir", commune, "restore-bundle", "nà khum", "--key", request, "--to", stick)
    assert code == 1 and err == (
        f"chibo: “Chi bộ bản Nà Khum”: mã khóa đã xác nhận {old_fp}; máy mới (khai tên “Chi bộ bản Nà Khum”) xin lấy "
        f"lại sổ với mã khóa {new_fp}. Hãy gọi điện cho bí thư chi bộ, đối chiếu mã khóa mới với mã hiện trên máy mới, "
        f"rồi ghi lại với --approve {new_fp}. Chưa ghi gì, chưa xác nhận gì.\n")
    assert book_rows(commune / "chibo.sqlite") == commune_rows and sorted(p.name for p in stick.iterdir()) == on_stick
    code, out, _ = cli(capsys, "--data-dir", commune, "restore-bundle", "BANNAKHUM", "--key", request, "--approve",
                       new_fp.lower(), "--to", stick)
    restore = Path(out.splitlines()[-1])
    assert code == 0 and out.splitlines()[0] == (
        f"Đã xác nhận mã khóa mới của “Chi bộ bản Nà Khum”: {new_fp} (mã khóa cũ {old_fp} không còn dùng được cho gói "
        "sau gói số 2).")
    assert restore.name.startswith("BANNAKHUM-KHOIPHUC-")
    assert json.loads(zipfile.ZipFile(restore).read("manifest.json"))["recipient_key_id"] == new_fp
    assert "Nà Khum".encode() not in zipfile.ZipFile(restore).read("payload")  # sealed
    with Book.open(commune) as book, book.session() as db:
        history = {k.fingerprint: (k.status, k.until_seq) for k in db.exec(select(KnownKey).where(
            KnownKey.unit_id == unit_id))}
    assert history == {old_fp: ("retired", 3), new_fp: ("approved", None)}

    # The new computer: the commune's fingerprint compared first, then the book comes back.
    code, out, _ = cli(capsys, "--data-dir", new_pc, "import", restore)
    assert code == 0 and f"do “Đảng ủy xã Sơn Cao” ghi, mã khóa {commune_fp}" in out and f"--approve {commune_fp}" in out
    code, _, err = cli(capsys, "--data-dir", new_pc, "members", "list")
    assert code == 1 and "chưa có sổ nào" in err  # nothing written before the approval
    code, out, _ = cli(capsys, "--data-dir", new_pc, "import", restore, "--approve", commune_fp)
    assert code == 0 and out.splitlines()[0].startswith(f"{restore.name}: Đảng ủy xã Sơn Cao gói khôi phục số 1 — mới ")
    assert ("    Sổ của “Chi bộ bản Nà Khum” đã được dựng lại từ bản của “Đảng ủy xã Sơn Cao” (gói báo cáo cuối cấp trên "
            "nhận: số 2); gói báo cáo tiếp theo là gói số 3.") in out
    numbers = len(before["papers"])
    assert (f"    Sổ đăng ký văn bản đi giữ nguyên {numbers} số đã cấp, không cấp lại số nào; giấy mới nhận số tiếp theo. "
            f"Bản gốc PDF của {numbers} giấy đã lưu ở máy cũ không có trong bản của cấp trên: sổ ghi “Mất tệp bản lưu” và "
            "không in lại được; hãy dùng bản giấy đã ký lưu ở chi bộ.") in out
    assert "    Cài đặt riêng của máy cũ (quy tắc biểu quyết" in out

    after = _figures(capsys, new_pc)
    archived = [p.pop("archive") for p in before["papers"]]
    assert archived.count("ok") == len(archived) > 2  # the two reports, and the demo's minutes and programme
    # The PDFs stayed on the old computer: the register says so; every number is kept.
    assert [p.pop("archive") for p in after["papers"]] == [{"ok": "missing"}.get(a, a) for a in archived]
    assert after == before
    with Book.open(new_pc) as book:
        assert _state(book, unit_id) == rows_before
    code, out, _ = cli(capsys, "--data-dir", new_pc, "info")
    assert f"Mã khóa: {new_fp}" in out and f"Cấp trên đã xác nhận: Đảng ủy xã Sơn Cao, mã khóa {commune_fp}" in out
    code, _, err = cli(capsys, "--data-dir", new_pc, "print", "report", after["documents"][0]["id"], "--out",
                       tmp_path / "again.pdf")
    assert code == 1 and "Không tìm thấy bản gốc của báo cáo số 01-BC/CB" in err
    code, _, err = cli(capsys, "--data-dir", new_pc, "print", "report", after["documents"][2]["id"], "--out",
                       tmp_path / "next.pdf")  # the next number of the same term, never 01 again
    assert code == 0 and [p["number_symbol"] for p in _json(capsys, new_pc, "papers", "list", "--all")
                          if p["kind"] == "BC"] == ["01-BC/CB", "02-BC/CB", "03-BC/CB"]

    # Its next bundle continues the numbers; the commune counts nothing twice.
    with Book.open(commune) as book, book.session() as db:
        counted = _state(book, unit_id)
    code, out, _ = cli(capsys, "--data-dir", new_pc, "export", "--to", stick)
    bundle = Path(out.strip())
    manifest = json.loads(zipfile.ZipFile(bundle).read("manifest.json"))
    assert code == 0 and manifest["seq"] == 3 and manifest["after_rev"] > 0
    code, out, _ = cli(capsys, "--data-dir", commune, "import", bundle)
    # Only what changed since: the new paper's register row, and the unit record with its new keys.
    assert code == 0 and out.endswith("gói số 3 — mới 1, cập nhật 1, trùng 0, cũ 0, xung đột 0\n")
    with Book.open(commune) as book:
        assert len(_state(book, unit_id)) == len(counted) + 1
    # The lost computer (whoever has it now) can no longer sign for the cell.
    code, out, _ = cli(capsys, "--data-dir", old_pc, "export", "--to", tmp_path)
    code, _, err = cli(capsys, "--data-dir", commune, "import", out.strip())
    assert code == 1 and f"ký bằng khóa cũ {old_fp}, đã được thay bằng khóa {new_fp} từ gói số 3" in err


def _commune_with_cell(cell, commune, stick) -> None:
    link(cell, commune, stick)
    assert import_bundle(commune, export_bundle(cell, stick).path, approve={fingerprint_of(cell)}).outcome == "imported"


def test_restore_bundle_refusals_write_nothing(capsys, cell_a, cell_b, receiving, stick, tmp_path):
    from chibo.services.units import init_book

    for cell in (cell_a, cell_b):
        _commune_with_cell(cell, receiving, stick)
    new_pc = Book.open(tmp_path / "may-moi")
    request, new_fp = write_restore_request(new_pc, "Chi bộ bản Nà Khum", stick)
    new_pc.close()
    commune, cell, commune_fp = receiving.folder, cell_a.folder, fingerprint_of(receiving)
    receiving.close(), cell_a.close()
    rows, on_stick = book_rows(commune / "chibo.sqlite"), sorted(p.name for p in stick.iterdir())

    def refused(expected: str, *argv, to=stick) -> None:
        code, out, err = cli(capsys, "--data-dir", commune, "restore-bundle", *argv, "--to", to)
        assert code == 1 and out == "" and expected in err, err
        assert book_rows(commune / "chibo.sqlite") == rows and sorted(p.name for p in stick.iterdir()) == on_stick

    code, _, err = cli(capsys, "--data-dir", commune, "import", request)  # a request is not imported
    assert code == 1 and "Đây là yêu cầu lấy lại sổ của một máy mới (chibo restore-request)" in err
    rows = book_rows(commune / "chibo.sqlite")
    refused("Không thấy đơn vị “Mường Tè” trong các đơn vị gửi báo cáo cho sổ này", "Mường Tè")
    refused("“chi bộ bản” khớp với nhiều đơn vị: Chi bộ bản Nà Khum (mã BANNAKHUM, mã khóa", "chi bộ bản")
    refused("Mã khóa AAAA-AAAA-AAAA-AAAA-AAAA không khớp với mã khóa trong yêu cầu.", "Nà Khum", "--key", request,
            "--approve", "AAAA-AAAA-AAAA-AAAA-AAAA")
    refused("Mã khóa “12” không đúng dạng", "Nà Khum", "--key", request, "--approve", "12")
    refused("Tệp “BANNAKHUM-", "Nà Khum", "--key", next(stick.glob("BANNAKHUM-1-*.chibo")))  # a report, not a request
    refused(f"Không thấy thư mục “{stick / 'E'}”", "Nà Khum", "--key", request, "--approve", new_fp, to=stick / "E")
    code, _, err = cli(capsys, "--data-dir", cell, "restore-bundle", "Nà Khum", "--to", stick)
    assert code == 1 and "Chỉ cấp nhận báo cáo (đảng ủy) mới ghi gói khôi phục" in err

    # A new key waiting for approval: never sealed to the old one (the lost computer's).
    with Book.open(cell) as book:
        make_new_keys(book)
        waiting = export_bundle(book, tmp_path).path
    assert cli(capsys, "--data-dir", commune, "import", waiting)[0] == 0  # held, both fingerprints
    rows = book_rows(commune / "chibo.sqlite")
    refused("“Chi bộ bản Nà Khum” có khóa mới đang chờ xác nhận (mã khóa", "BANNAKHUM")
    # A key the commune replaced already cannot come back through a request.
    code, _, _ = cli(capsys, "--data-dir", commune, "restore-bundle", "Nà Khum", "--key", request, "--approve", new_fp,
                     "--to", stick)
    assert code == 0
    with Book.open(commune) as book, book.session() as db:
        assert db.get(KnownUnit, cell_a.local_unit_id).fingerprint == new_fp
        declined = {k.fingerprint: k.status for k in db.exec(select(KnownKey).where(
            KnownKey.unit_id == cell_a.local_unit_id))}
    assert sorted(declined.values()) == ["approved", "rejected", "retired"]  # the waiting key is declined

    # At the new computer: a folder holding another unit's book, a bundle sealed to another key.
    other = tmp_path / "khac"
    with Book.open(other) as book:
        init_book(book, name="Chi bộ bản Phìn Hồ")
    restore = next(stick.glob("BANNAKHUM-KHOIPHUC-*.chibo"))
    before = book_rows(other / "chibo.sqlite")
    code, _, err = cli(capsys, "--data-dir", other, "import", restore)
    assert code == 1 and ("Gói khôi phục này là sổ của “Chi bộ bản Nà Khum”, còn thư mục này đã có sổ của “Chi bộ "
                          "bản Phìn Hồ”; không nhập.") in err
    assert [r for r in book_rows(other / "chibo.sqlite") if '"bundle_log"' not in r] == before
    stranger = tmp_path / "may-la"
    with Book.open(stranger) as book:
        _path, stranger_fp = write_restore_request(book, "Chi bộ bản Nà Khum", tmp_path)
    code, _, err = cli(capsys, "--data-dir", stranger, "import", restore, "--approve", commune_fp)
    assert code == 1 and (f"Gói khôi phục được niêm phong cho mã khóa {new_fp}, khóa của máy này là {stranger_fp}."
                          in err)
    code, _, err = cli(capsys, "--data-dir", stranger, "members", "list")
    assert code == 1 and "chưa có sổ nào" in err  # still no book
    damaged = tmp_path / "hong.chibo"
    data = restore.read_bytes()
    damaged.write_bytes(data[: len(data) // 2])
    code, _, err = cli(capsys, "--data-dir", stranger, "import", damaged)
    assert code == 1 and "không phải gói dữ liệu chibo hoặc đã bị hỏng" in err
    code, _, err = cli(capsys, "--data-dir", stranger, "import", next(stick.glob("BANNAKHUM-1-*.chibo")))
    assert code == 1 and "Thư mục dữ liệu này chưa có sổ nào." in err and "chibo restore-request" in err
    keys = key_files(other)  # made with its unit
    code, _, err = cli(capsys, "--data-dir", other, "restore-request", "--name", "Chi bộ bản Phìn Hồ", "--to", stick)
    assert code == 1 and "đã có sổ của “Chi bộ bản Phìn Hồ”" in err and key_files(other) == keys != {}


def test_a_book_restored_from_an_old_backup_takes_the_newer_records_from_the_commune(capsys, cell_a, receiving, stick,
                                                                                     tmp_path):
    """The README's path with a backup: the backup is older than what the commune holds; the
    restore bundle brings the rest, from the superior the restored book already knows."""
    from chibo.services.members import edit_member, list_members

    _commune_with_cell(cell_a, receiving, stick)
    unit_id, cell = cell_a.local_unit_id, cell_a.folder
    backup = tmp_path / "backup"
    backup.mkdir()
    cell_a.close()
    assert cli(capsys, "--data-dir", cell, "backup", "--to", backup)[0] == 0
    with Book.open(cell) as book:
        with book.session() as db:
            member = next(r.member for r in list_members(db) if r.member.full_name == "Lò Thị Ỷ")
            edit_member(db, member.id, phone="0912 345 678")
        assert import_bundle(receiving, export_bundle(book, stick).path).counts["updated"] == 1
    new_pc = tmp_path / "may-moi"
    assert cli(capsys, "--data-dir", new_pc, "restore", next(backup.glob("*.sqlite")))[0] == 0
    assert cli(capsys, "--data-dir", new_pc, "keys", "new", "--yes")[0] == 0
    code, out, _ = cli(capsys, "--data-dir", new_pc, "export", "--to", stick)
    new_fp = load_keys(new_pc).fingerprint
    assert import_bundle(receiving, Path(out.strip()), approve={new_fp}).outcome == "imported"
    result = export_restore(receiving, "BANNAKHUM", stick)  # the new key came by its bundle: no request needed
    assert result.fingerprint == new_fp and result.previous_fingerprint == ""
    code, out, _ = cli(capsys, "--data-dir", new_pc, "import", result.path)  # its superior is known already
    assert code == 0 and "Sổ đã nhận thêm bản của “Đảng ủy xã Sơn Cao”" in out and "cập nhật 1" in out
    with Book.open(new_pc) as book:
        assert _state(book, unit_id) == _state(receiving, unit_id)
        with book.session() as db:
            assert next(r.member for r in list_members(db) if r.member.id == member.id).phone == "0912 345 678"
