"""Sealed or nothing, and one superior at a time: before its superior's key is known a cell writes
no bundle (no file, no number spent) unless it says --unsealed; a plan from another receiving unit
is held with both units named, used once approved (whatever its seq), gets the whole book, and an
older plan of the previous superior never switches sealing back."""

from __future__ import annotations

import gzip
import json
import zipfile

from sqlmodel import func, select

from chibo.store.book import Book, get_setting
from chibo.store.models import Member
from chibo.sync.export import NOT_SEALED, export_bundle, export_plan
from chibo.sync.importer import import_bundle
from chibo.sync.keyring import RECIPIENT_SETTING
from chibo.sync.trust import pending_keys
from conftest import book_rows, cli, fingerprint_of, key_files, link


def _manifest(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def test_before_any_plan_export_is_refused_with_no_file_and_no_number(capsys, cell_a, stick):
    folder = cell_a.folder
    cell_a.close()
    before, keys = book_rows(folder / "chibo.sqlite"), key_files(folder)
    code, out, err = cli(capsys, "--data-dir", folder, "export", "--to", stick)
    assert code == 1 and out == "" and err == f"chibo: {NOT_SEALED}\n"
    assert list(stick.iterdir()) == [] and key_files(folder) == keys != {}  # the unit's keys, made with it, untouched
    assert book_rows(folder / "chibo.sqlite") == before  # row for row: no number spent, no key made

    code, out, err = cli(capsys, "--data-dir", folder, "export", "--to", stick, "--unsealed")
    assert code == 0 and "gói này KHÔNG niêm phong (--unsealed)" in err
    bundle = stick / out.strip().split("/")[-1]
    with zipfile.ZipFile(bundle) as archive:
        payload = gzip.decompress(archive.read("payload")).decode("utf-8")
    assert _manifest(bundle)["recipient_key"] is None and "Lò Thị Ỷ" in payload  # what --unsealed means


def test_a_recreated_superior_is_held_then_used_once_approved_and_gets_the_whole_book(cell_a, receiving, stick,
                                                                                      tmp_path):
    link(cell_a, receiving, stick)
    export_plan(receiving, stick)  # the old commune got to plan 2
    assert import_bundle(receiving, export_bundle(cell_a, stick).path,
                         approve={fingerprint_of(cell_a)}).outcome == "imported"
    old_plan = export_plan(receiving, stick)  # plan 3 acknowledges the cell's bundle 1
    assert import_bundle(cell_a, old_plan.path).outcome == "imported"
    with cell_a.session() as db:
        members = db.exec(select(func.count()).select_from(Member)).one()

    # The commune lost its PC and set up a new book: another unit, the same name, plans from 1.
    with Book.open(tmp_path / "commune-moi") as new_commune:
        from chibo.services.units import init_book

        init_book(new_commune, name="Đảng ủy xã Sơn Cao", role="receiving")
        new_plan = export_plan(new_commune, tmp_path)
        assert new_plan.seq == 1
        new_fp = fingerprint_of(new_commune)
        rows = book_rows(cell_a)
        held = import_bundle(cell_a, new_plan.path)
        assert held.outcome == "pending"
        assert "Cấp trên hiện tại của chi bộ là “Đảng ủy xã Sơn Cao”; chi bộ chỉ có một cấp trên: xác nhận sẽ đổi " \
               "cấp trên sang “Đảng ủy xã Sơn Cao”, và gói báo cáo sau sẽ gửi toàn bộ sổ" in held.reason
        assert [r for r in book_rows(cell_a) if not _sync_log(r)] == [r for r in rows if not _sync_log(r)]
        assert import_bundle(cell_a, new_plan.path, approve={new_fp}).outcome == "imported"
        with cell_a.session() as db:
            recipient = get_setting(db, RECIPIENT_SETTING)
            assert (recipient["unit_id"], recipient["plan_seq"]) == (new_commune.local_unit_id, 1)
        whole = export_bundle(cell_a, stick)
        manifest = _manifest(whole.path)
        assert manifest["recipient_key_id"] == new_fp and manifest["after_rev"] == 0  # the whole book
        assert whole.counts["member"] == members and whole.records > 600
        report = import_bundle(new_commune, whole.path, approve={fingerprint_of(cell_a)})
        assert report.outcome == "imported" and report.counts["new"] == whole.records

        # The previous superior's plan, replayed, is held: sealing never switches back.
        again = import_bundle(cell_a, old_plan.path)
        assert again.outcome == "pending" and "Cấp trên hiện tại" in again.reason
        with cell_a.session() as db:
            assert get_setting(db, RECIPIENT_SETTING)["unit_id"] == new_commune.local_unit_id
            assert [p.name for p in pending_keys(db)] == ["Đảng ủy xã Sơn Cao"]
        assert _manifest(export_bundle(cell_a, stick).path)["recipient_key_id"] == new_fp


def _sync_log(line: str) -> bool:
    return any(table in line for table in ('"bundle_log"', '"known_unit"', '"known_key"'))


def test_a_plan_from_another_committee_than_the_declared_one_needs_a_second_word(cell_template, receiving, stick,
                                                                                 tmp_path):
    from conftest import _copy_book

    cell = _copy_book(cell_template, tmp_path / "cell")  # declares "Đảng bộ xã Nậm Xe"; the plan is Sơn Cao's
    try:
        plan = export_plan(receiving, stick)
        fp = fingerprint_of(receiving)
        held = import_bundle(cell, plan.path, approve={fp})
        assert held.outcome == "pending" and held.flag.startswith(
            "Lưu ý: sổ này khai cấp trên là “Đảng bộ xã Nậm Xe”, còn gói kế hoạch do “Đảng ủy xã Sơn Cao” gửi.")
        with cell.session() as db:
            assert get_setting(db, RECIPIENT_SETTING) is None
        assert import_bundle(cell, plan.path, approve={fp}, other_superior=True).outcome == "imported"
    finally:
        cell.close()


def test_approving_the_held_plan_from_the_list_switches_the_superior(cell_a, receiving, stick, tmp_path):
    """What the exchange page's "Xác nhận mã khóa…" does at a cell: approve, then the held plan is
    imported again and the cell seals to its new superior."""
    from chibo.services.units import init_book
    from chibo.sync.trust import approve_pending, reject_pending

    link(cell_a, receiving, stick)
    with Book.open(tmp_path / "commune-moi") as new_commune:
        init_book(new_commune, name="Đảng ủy xã Sơn Cao", role="receiving")
        plan = export_plan(new_commune, tmp_path)
        assert import_bundle(cell_a, plan.path).outcome == "pending"
        with cell_a.session() as db:
            [held] = pending_keys(db)
        assert (held.unit_id, held.fingerprint, held.previous_fingerprint) == (
            new_commune.local_unit_id, fingerprint_of(new_commune), "")
        reports = approve_pending(cell_a, held.unit_id, held.fingerprint)
        assert [r.outcome for r in reports] == ["imported"]
        with cell_a.session() as db:
            assert get_setting(db, RECIPIENT_SETTING)["unit_id"] == new_commune.local_unit_id
            assert pending_keys(db) == []

        old_plan = export_plan(receiving, stick)  # the previous superior asks again: refused this time
        assert import_bundle(cell_a, old_plan.path).outcome == "pending"
        with cell_a.session() as db:
            [again] = pending_keys(db)
        reject_pending(cell_a, again.unit_id, again.fingerprint)
        with cell_a.session() as db:
            assert get_setting(db, RECIPIENT_SETTING)["unit_id"] == new_commune.local_unit_id
            assert pending_keys(db) == []
