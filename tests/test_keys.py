"""Keys approved by a person: the recovery path of the README end to end (backup, restore on a new
computer, new keys on purpose, held with both fingerprints, approved, counted once), a superior's
new key at a cell, a lost key never remade silently, approval by fingerprint only, a cell of
another committee, cells with the same name."""

from __future__ import annotations

import json
import re
import shutil
import zipfile
from pathlib import Path

from sqlmodel import func, select

from chibo.services.keys import load_keys, make_new_keys
from chibo.store.book import Book
from chibo.store.models import KnownKey, KnownUnit, Member, Unit
from chibo.sync.export import export_bundle, export_plan
from chibo.sync.importer import import_bundle
from chibo.sync.trust import pending_keys, reject_pending
from conftest import book_rows, cli, fingerprint_of, link


def _manifest(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def _members(folder) -> int:
    with Book.open(folder) as book, book.session() as db:
        return db.exec(select(func.count()).select_from(Member).where(Member.deleted_at.is_(None))).one()


def test_restore_on_a_new_computer_new_keys_held_with_both_fingerprints_approved_counted_once(
        capsys, cell_a, receiving, stick, tmp_path, monkeypatch):
    link(cell_a, receiving, stick)
    old = fingerprint_of(cell_a)
    first = export_bundle(cell_a, stick)
    assert import_bundle(receiving, first.path, approve={old}).outcome == "imported"
    cell, commune, unit_id = cell_a.folder, receiving.folder, cell_a.local_unit_id
    cell_a.close(), receiving.close()  # from here on, as the secretary and the commune officer type it
    (tmp_path / "backup-usb").mkdir()
    assert cli(capsys, "--data-dir", cell, "backup", "--to", tmp_path / "backup-usb")[0] == 0
    saved = next((tmp_path / "backup-usb").glob("sao-luu-*.sqlite"))
    assert not list((tmp_path / "backup-usb").glob("*.key"))  # the private keys are not in the backup

    new_pc = tmp_path / "may-moi"
    monkeypatch.chdir(saved.parent)  # a relative path, as typed in the folder of the stick
    code, out, _ = cli(capsys, "--data-dir", new_pc, "restore", f"./{saved.name}")
    assert code == 0 and "Đã khôi phục" in out
    before = book_rows(new_pc / "chibo.sqlite")
    code, _, err = cli(capsys, "--data-dir", new_pc, "export", "--to", stick)
    assert code == 1 and f"trong khi mã khóa {old} đã gửi cho cấp trên" in err and "chibo keys new --yes" in err
    assert book_rows(new_pc / "chibo.sqlite") == before and not (new_pc / "keys").exists()
    assert sorted(p.name for p in stick.glob("BANNAKHUM-*")) == [first.path.name]  # nothing written
    code, _, err = cli(capsys, "--data-dir", new_pc, "keys", "new")
    assert code == 1 and "Nếu chắc chắn, chạy lại: chibo keys new --yes" in err and not (new_pc / "keys").exists()
    code, out, _ = cli(capsys, "--data-dir", new_pc, "keys", "new", "--yes")
    new = load_keys(new_pc).fingerprint
    assert code == 0 and f"Mã khóa mới: {new}" in out and f"Mã khóa cũ: {old}" in out and new != old

    code, out, _ = cli(capsys, "--data-dir", new_pc, "export", "--to", stick)
    again = stick / out.strip().splitlines()[-1].split("/")[-1]
    assert code == 0 and _manifest(again)["seq"] == 2 and _manifest(again)["recipient_key_id"] == fingerprint_of(
        Book.open(commune, lock=False))
    counted = _members(commune)
    code, out, _ = cli(capsys, "--data-dir", commune, "import", again)
    assert code == 0 and f"mã khóa cũ {old}, mã khóa mới {new}" in out and f"--approve {new}" in out
    assert _members(commune) == counted  # held: nothing counted
    code, out, _ = cli(capsys, "--data-dir", commune, "import", again, "--approve", new.lower().replace("-", ""))
    assert code == 0 and f"(đã xác nhận mã khóa {new})" in out
    with Book.open(commune) as book, book.session() as db:
        assert _unit_rows(db, unit_id) == 1 and db.get(KnownUnit, unit_id).fingerprint == new
        history = {k.fingerprint: (k.status, k.until_seq) for k in db.exec(select(KnownKey).where(
            KnownKey.unit_id == unit_id))}
        assert history == {old: ("retired", 2), new: ("approved", None)}
        members = db.exec(select(func.count()).select_from(Member).where(Member.unit_id == unit_id,
                                                                         Member.deleted_at.is_(None))).one()
    assert members == counted == _members(new_pc)  # counted once: same unit id, no duplicate rows

    # The old computer, still holding the old key, wrote bundle 2 after the change: refused. Its
    # bundle 1, made before the change, still imports (all duplicates now).
    with Book.open(cell) as old_pc:
        late = export_bundle(old_pc, tmp_path, full=True)
    code, _, err = cli(capsys, "--data-dir", commune, "import", late.path)
    assert code == 1 and f"ký bằng khóa cũ {old}, đã được thay bằng khóa {new} từ gói số 2" in err
    code, out, _ = cli(capsys, "--data-dir", commune, "import", first.path)
    assert code == 0 and "trùng" in out and "mới 0" in out

    # The commune's next plan tells the restored book how far it got: its numbers continue.
    with Book.open(commune) as book:
        plan = export_plan(book, stick)
    with Book.open(new_pc) as book:
        assert import_bundle(book, plan.path).outcome == "imported"
        assert export_bundle(book, stick).seq == 3


def _unit_rows(db, unit_id) -> int:
    return db.exec(select(func.count()).select_from(Unit).where(Unit.id == unit_id)).one()


def test_a_superiors_new_key_is_held_at_the_cell_and_old_sealed_bundles_still_open(cell_a, receiving, stick, tmp_path):
    from chibo.store.book import get_setting
    from chibo.sync.keyring import RECIPIENT_SETTING

    link(cell_a, receiving, stick)
    old = fingerprint_of(receiving)
    sealed_to_old = export_bundle(cell_a, tmp_path)  # written before the cell learns of the new key
    keys, previous = make_new_keys(receiving)
    assert previous == old
    plan = export_plan(receiving, stick)
    with cell_a.session() as db:
        recipient = get_setting(db, RECIPIENT_SETTING)
    rows = book_rows(cell_a)
    held = import_bundle(cell_a, plan.path)
    assert held.outcome == "pending" and held.previous_fingerprint == old and held.fingerprint == keys.fingerprint
    assert f"mã khóa cũ {old}, mã khóa mới {keys.fingerprint}" in held.reason
    assert [line for line in book_rows(cell_a) if "bundle_log" not in line and "known_" not in line] == \
        [line for line in rows if "bundle_log" not in line and "known_" not in line]
    with cell_a.session() as db:
        assert get_setting(db, RECIPIENT_SETTING) == recipient  # still sealing to the key approved before
        assert [(p.previous_fingerprint, p.fingerprint) for p in pending_keys(db)] == [(old, keys.fingerprint)]
    assert import_bundle(cell_a, plan.path, approve={keys.fingerprint}).outcome == "imported"
    fresh = export_bundle(cell_a, stick)
    assert _manifest(fresh.path)["recipient_key_id"] == keys.fingerprint
    for path in (sealed_to_old.path, fresh.path):  # the old private key was kept: both open
        assert import_bundle(receiving, path, approve={fingerprint_of(cell_a)}).outcome == "imported"


def test_a_lost_receiving_key_never_makes_new_keys_silently(capsys, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    folder = receiving.folder
    published = fingerprint_of(receiving)
    receiving.close()
    shutil.rmtree(folder / "keys")
    before = book_rows(folder / "chibo.sqlite")
    code, _, err = cli(capsys, "--data-dir", folder, "plan", "export", "--to", stick)
    assert code == 1 and f"mã khóa {published} đã gửi cho các chi bộ" in err and "chibo keys new --yes" in err
    assert not (folder / "keys").exists() and len(list(stick.glob("*-KH-*"))) == 1
    assert book_rows(folder / "chibo.sqlite") == before  # no number spent
    code, out, _ = cli(capsys, "--data-dir", folder, "info")
    assert f"máy này không có khóa của đơn vị (mã đã gửi đi: {published})" in out


def test_info_prints_what_another_unit_compares(capsys, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    cell_fp, commune_fp = fingerprint_of(cell_a), fingerprint_of(receiving)
    cell_a.close()
    code, out, _ = cli(capsys, "--data-dir", cell_a.folder, "info", "--json")
    assert code == 0 and json.loads(out) == {
        "name": "Chi bộ bản Nà Khum", "role": "cell", "parent": "Đảng bộ xã Sơn Cao", "code": "BANNAKHUM",
        "fingerprint": cell_fp, "published_fingerprint": cell_fp, "keys_on_this_computer": True,
        "superior": {"name": "Đảng ủy xã Sơn Cao", "fingerprint": commune_fp}, "data_dir": str(cell_a.folder)}
    code, out, _ = cli(capsys, "--data-dir", cell_a.folder, "info")
    assert out.splitlines()[:4] == [
        "Đơn vị: Chi bộ bản Nà Khum (mã BANNAKHUM), chi bộ", "Cấp trên khai báo: Đảng bộ xã Sơn Cao",
        f"Mã khóa: {cell_fp}", f"Cấp trên đã xác nhận: Đảng ủy xã Sơn Cao, mã khóa {commune_fp}"]


def test_approval_is_by_fingerprint_only(capsys, cell_a, cell_b, receiving, stick):
    for cell in (cell_a, cell_b):
        link(cell, receiving, stick)
    bundles = [export_bundle(cell, stick).path for cell in (cell_a, cell_b)]
    fp_a, fp_b = fingerprint_of(cell_a), fingerprint_of(cell_b)
    folder = receiving.folder
    receiving.close()
    before = book_rows(folder / "chibo.sqlite")
    code, _, err = cli(capsys, "--data-dir", folder, "import", *bundles, "--approve-new")
    assert code == 2 and "--approve-new không còn dùng" in err and "--approve MÃ-KHÓA" in err
    code, _, err = cli(capsys, "--data-dir", folder, "import", *bundles, "--approve", "K7QF-0ZPA")
    assert code == 1 and "Mã khóa “K7QF-0ZPA” không đúng dạng" in err
    assert book_rows(folder / "chibo.sqlite") == before
    typo = fp_a[:-1] + ("A" if fp_a[-1] != "A" else "B")
    code, out, err = cli(capsys, "--data-dir", folder, "import", *bundles, "--approve", typo)
    assert code == 1 and f"mã khóa {typo} không khớp với gói nào" in err
    assert out.count("chờ xác nhận mã khóa") == 2  # both still held
    code, out, _ = cli(capsys, "--data-dir", folder, "import", *bundles, "--approve", fp_b)
    assert code == 0 and f"(đã xác nhận mã khóa {fp_b})" in out and f"chờ xác nhận mã khóa {fp_a}" in out
    with Book.open(folder) as book, book.session() as db:
        approval = {k.name: k.approval for k in db.exec(select(KnownUnit))}
    assert approval == {"Chi bộ bản Nà Khum": "pending", "Chi bộ bản Phìn Hồ": "approved"}


def test_a_cell_of_another_committee_needs_a_second_explicit_word(capsys, cell_a, receiving, stick):
    from chibo.services.units import update_unit

    link(cell_a, receiving, stick)
    with cell_a.session() as db:
        update_unit(db, superior_name="Đảng bộ xã Mường Khương")
    bundle = export_bundle(cell_a, stick).path
    fp = fingerprint_of(cell_a)
    folder = receiving.folder
    receiving.close(), cell_a.close()
    code, out, err = cli(capsys, "--data-dir", folder, "import", bundle, "--approve", fp)
    assert err == f"chibo: {bundle.name}: chưa nhập, vẫn chờ xác nhận (xem dòng trên).\n"
    assert code == 1 and "khai cấp trên là “Đảng bộ xã Mường Khương”, không phải “Đảng ủy xã Sơn Cao”" in out
    assert "thêm --accept-other-superior" in out
    assert _members(folder) == 0
    code, out, _ = cli(capsys, "--data-dir", folder, "import", bundle, "--approve", fp, "--accept-other-superior")
    assert code == 0 and out.count(f"(đã xác nhận mã khóa {fp})") == 1 and len(out.splitlines()) == 1
    assert _members(folder) == _members(cell_a.folder)


def test_cells_with_the_same_name_are_told_apart_in_the_summary(capsys, tmp_path, receiving, stick):
    from chibo.services.members import add_member
    from chibo.services.units import init_book

    cells = []
    for index in range(2):
        book = Book.open(tmp_path / f"cell{index}")
        init_book(book, name="Chi bộ bản Nà Khum", superior_name="Đảng bộ xã Sơn Cao")
        with book.session() as db:
            for number in range(index + 1):
                add_member(db, full_name=f"Lò Văn Số{number}", joined_on="01/01/2024")
        link(book, receiving, stick)
        assert import_bundle(receiving, export_bundle(book, stick).path,
                             approve={fingerprint_of(book)}).outcome == "imported"
        cells.append((fingerprint_of(book), book))
    folder = receiving.folder
    receiving.close()
    _code, out, _ = cli(capsys, "--data-dir", folder, "summary")
    heads = sorted(line for line in out.splitlines() if line.startswith("Chi bộ"))
    assert heads == sorted(f"Chi bộ bản Nà Khum (mã khóa {fp}): {index + 1} đảng viên, 0 buổi sinh hoạt; gói cuối số 1 "
                           f"({heads[0].split('(')[-1][:10]})" for index, (fp, _book) in enumerate(cells))
    assert re.fullmatch(r"\d\d/\d\d/\d{4}", heads[0].split("(")[-1][:10])  # the day as the app writes it
    _code, out, _ = cli(capsys, "--data-dir", folder, "summary", "--json")
    units = json.loads(out)["units"]
    assert {u["code"] for u in units} == {"BANNAKHUM"} and len({u["label"] for u in units}) == 2
    for _fp, book in cells:
        book.close()


def test_a_rejected_new_key_is_refused_and_the_approved_one_kept(cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    old = fingerprint_of(cell_a)
    assert import_bundle(receiving, export_bundle(cell_a, stick).path, approve={old}).outcome == "imported"
    keys, _ = make_new_keys(cell_a)  # e.g. someone else made keys on the cell's stolen computer
    suspect = export_bundle(cell_a, stick)
    assert import_bundle(receiving, suspect.path).outcome == "pending"
    reject_pending(receiving, cell_a.local_unit_id, keys.fingerprint)
    rows = book_rows(receiving)
    refused = import_bundle(receiving, suspect.path)
    assert refused.outcome == "rejected" and f"Khóa {keys.fingerprint} của “Chi bộ bản Nà Khum” đã bị từ chối" in \
        refused.reason
    assert [r for r in book_rows(receiving) if "bundle_log" not in r] == [r for r in rows if "bundle_log" not in r]
    with receiving.session() as db:
        known = db.get(KnownUnit, cell_a.local_unit_id)
        assert (known.approval, known.fingerprint) == ("approved", old) and pending_keys(db) == []


def test_the_communes_own_plan_on_the_stick_is_passed_over_not_an_error(capsys, cell_a, receiving, stick):
    """The commune carries one stick to its cells and back: its own plan bundle lies beside the
    cells' bundles. Importing or verifying the folder passes over it with a line and exits 0; named
    by itself it is still refused."""
    link(cell_a, receiving, stick)  # the commune's plan bundle is on the stick now
    own = next(stick.glob("*-KH-*.chibo"))
    bundle = export_bundle(cell_a, stick).path
    fp = fingerprint_of(cell_a)
    folder = receiving.folder
    receiving.close(), cell_a.close()
    code, out, err = cli(capsys, "--data-dir", folder, "verify", stick)
    assert code == 0 and err == "" and f"{own.name}: gói do chính sổ này xuất ra, bỏ qua." in out
    assert f"{bundle.name}: Gói nguyên vẹn, chữ ký đúng: Chi bộ bản Nà Khum" in out
    code, out, err = cli(capsys, "--data-dir", folder, "import", stick, "--approve", fp)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == f"{own.name}: gói do chính sổ này xuất ra, bỏ qua."
    assert f"(đã xác nhận mã khóa {fp})" in out and _members(folder) == _members(cell_a.folder)
    code, _, err = cli(capsys, "--data-dir", folder, "import", own)
    assert code == 1 and "Đây là gói do chính sổ này xuất ra; không nhập lại vào đây." in err


def test_export_says_what_the_bundle_holds_and_when_it_holds_nothing_new(capsys, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    first = export_bundle(cell_a, stick)
    assert import_bundle(receiving, first.path, approve={fingerprint_of(cell_a)}).outcome == "imported"
    assert import_bundle(cell_a, export_plan(receiving, stick).path).outcome == "imported"  # it confirms bundle 1
    folder = cell_a.folder
    cell_a.close(), receiving.close()
    code, out, err = cli(capsys, "--data-dir", folder, "export", "--to", stick)
    assert code == 0 and out.strip().endswith(".chibo") and Path(out.strip()).exists()
    assert err == ("chibo: gói số 2, 0 bản ghi, đã đọc lại để kiểm tra. Gói không mang thay đổi nào: cấp trên đã xác "
                   "nhận có mọi bản ghi của sổ; gói chỉ cho biết chi bộ vẫn gửi báo cáo.\n")
