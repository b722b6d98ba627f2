"""Forwarding upward: cell → commune → province with the cells' own signatures. The province
checks both levels, counts each record once whatever road it came by, sums by level; a record
altered at the commune is refused with a sentence and the province's book stays as it was."""

from __future__ import annotations

import base64
import gzip
import hashlib
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from sqlmodel import select

from chibo.services.keys import load_keys, make_new_keys, unb64
from chibo.services.units import init_book
from chibo.store.book import Book
from chibo.store.models import KnownKey, KnownUnit, Member
from chibo.sync.bundle import canonical_json, gzip_bytes
from chibo.sync.export import export_bundle, export_plan
from chibo.sync.forward import export_forward
from chibo.sync.importer import import_bundle, verify_bundle
from chibo.sync.payload import content_hash
from chibo.sync.summary import consolidated
from conftest import DEMO_TODAY, _copy_book, book_rows, chain, cli, fingerprint_of, link
from test_sync import _state


@pytest.fixture(scope="module")
def chain_templates(tmp_path_factory, demo_template, second_cell_template):
    """Cell(s) → commune → province as `chain` leaves them, built once per module for each set of
    cells ("a", "b" or both) and kept as folders (the books, their keys, the stick)."""
    built: dict[tuple[str, ...], Path] = {}

    def template(names: tuple[str, ...]) -> Path:
        if names not in built:
            root = tmp_path_factory.mktemp("chain-" + "".join(names))
            (root / "usb").mkdir()
            books = {"a": _copy_book(demo_template, root / "a"), "b": _copy_book(second_cell_template, root / "b"),
                     "commune": Book.open(root / "commune"), "province": Book.open(root / "province")}
            try:
                init_book(books["commune"], name="Đảng ủy xã Sơn Cao", role="receiving")
                init_book(books["province"], name="Tỉnh ủy Lai Châu", role="receiving")
                chain([books[n] for n in names], books["commune"], books["province"], root / "usb")
            finally:
                for book in books.values():
                    book.close()
            built[names] = root
        return built[names]

    return template


@pytest.fixture
def chained(chain_templates, tmp_path):
    """`chained("a", "b")`: (cell_a, cell_b, receiving, province, stick), a copy of the chain of the
    named cells for this test alone; the other cell is a copy of its template, not linked."""
    opened = []

    def make(*names: str):
        root = tmp_path / "chain"
        shutil.copytree(chain_templates(names), root)
        opened.extend(Book.open(root / name) for name in ("a", "b", "commune", "province"))
        return (*opened, root / "usb")

    yield make
    for book in opened:
        book.close()


def _manifest(path) -> dict:
    with zipfile.ZipFile(path) as archive:
        return json.loads(archive.read("manifest.json"))


def _figures(book) -> dict:
    """Each unit's figures as the summary gives them, by name, and the total."""
    with book.session() as db:
        units, total = consolidated(db, DEMO_TODAY)
    figures = {u.name: {k: v for k, v in u.as_json().items() if k in ("members", "sessions", "documents")}
               for u in units}
    figures["total"] = {k: v for k, v in total.as_json().items() if k in ("members", "sessions", "documents")}
    return figures


def test_three_levels_end_to_end_counted_once_and_summed_by_level(capsys, chained):
    cell_a, cell_b, receiving, province, stick = chained("a", "b")
    records = {cell.local_unit_id: len(_state(receiving, cell.local_unit_id)) for cell in (cell_a, cell_b)}
    cell_fps = {cell.local_unit_id: fingerprint_of(cell) for cell in (cell_a, cell_b)}
    commune_fp, province_fp = fingerprint_of(receiving), fingerprint_of(province)
    commune, top = receiving.folder, province.folder
    receiving.close(), province.close(), cell_a.close(), cell_b.close()  # as the officers type it

    code, out, _ = cli(capsys, "--data-dir", commune, "info")
    assert f"Cấp trên đã xác nhận: Tỉnh ủy Lai Châu, mã khóa {province_fp}" in out
    code, out, err = cli(capsys, "--data-dir", commune, "forward", "--to", stick)
    assert code == 0 and err == ""
    assert out.splitlines()[0] == ("Gói chuyển lên số 1: 2 gói của 2 đơn vị cấp dưới, 1 bản ghi của đơn vị; niêm "
                                   "phong cho cấp trên.")
    forward = Path(out.splitlines()[-1])
    assert forward.name.startswith("XASONCAO-1-") and _manifest(forward)["kind"] == "forward"
    assert _manifest(forward)["recipient_key_id"] == province_fp and _manifest(forward)["forwarded"] == 2
    assert "Nà Khum".encode() not in forward.read_bytes()  # sealed: no record readable on the stick

    code, out, _ = cli(capsys, "--data-dir", top, "verify", forward)
    assert code == 0 and (f"Gói nguyên vẹn, chữ ký đúng: Đảng ủy xã Sơn Cao, gói số 1, "
                          f"{1 + sum(records.values())} bản ghi; mã khóa {commune_fp}.") in out
    code, out, _ = cli(capsys, "--data-dir", top, "import", forward)
    assert code == 0 and f"Đơn vị mới “Đảng ủy xã Sơn Cao” chờ xác nhận mã khóa {commune_fp}" in out
    code, out, _ = cli(capsys, "--data-dir", top, "import", forward, "--approve", commune_fp)
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (f"{forward.name}: Đảng ủy xã Sơn Cao gói chuyển lên số 1 (đã xác nhận mã khóa {commune_fp}) — "
                        f"mới {1 + sum(records.values())}, cập nhật 0, trùng 0, cũ 0, xung đột 0")
    assert lines[1:] == [
        f"    Chi bộ bản Nà Khum gói số 1 (qua Đảng ủy xã Sơn Cao) — mới {records[cell_a.local_unit_id]}, cập nhật 0, "
        "trùng 0, cũ 0, xung đột 0",
        f"    Chi bộ bản Phìn Hồ gói số 1 (qua Đảng ủy xã Sơn Cao) — mới {records[cell_b.local_unit_id]}, cập nhật 0, "
        "trùng 0, cũ 0, xung đột 0"]

    with Book.open(top) as book, Book.open(commune) as middle:
        for cell in (cell_a, cell_b):  # every record as the cell holds it, at both levels
            assert _state(book, cell.local_unit_id) == _state(middle, cell.local_unit_id)
            with Book.open(cell.folder) as own:
                assert _state(own, cell.local_unit_id) == _state(book, cell.local_unit_id)
        with book.session() as db:
            pinned = {k.name: (k.approval, k.vouched_by, k.fingerprint) for k in db.exec(select(KnownUnit))}
        below = _figures(middle)
        above = _figures(book)
    assert pinned == {"Đảng ủy xã Sơn Cao": ("approved", None, commune_fp),
                      "Chi bộ bản Nà Khum": ("approved", middle.local_unit_id, cell_fps[cell_a.local_unit_id]),
                      "Chi bộ bản Phìn Hồ": ("approved", middle.local_unit_id, cell_fps[cell_b.local_unit_id])}
    assert above["Chi bộ bản Nà Khum"] == below["Chi bộ bản Nà Khum"]
    assert above["total"] == below["total"] and above["total"]["members"] == 68

    code, out, _ = cli(capsys, "--data-dir", top, "summary", "--json")
    summary = json.loads(out)
    [commune_node] = summary["levels"]
    assert commune_node["name"] == "Đảng ủy xã Sơn Cao" and commune_node["members"] == 0
    assert [u["name"] for u in commune_node["units"]] == ["Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ"]
    assert [u["members"] for u in commune_node["units"]] == [34, 34]
    assert commune_node["subtotal"] == {k: summary["total"][k] for k in ("members", "sessions", "documents")}
    assert all(u["units"] == [] for u in commune_node["units"])
    code, out, _ = cli(capsys, "--data-dir", top, "summary")
    heads = [line for line in out.splitlines() if "đảng viên" in line]
    assert heads[0].startswith("Đảng ủy xã Sơn Cao (cộng 2 đơn vị cấp dưới): 68 đảng viên, ")
    assert heads[1].startswith("    Chi bộ bản Nà Khum: 34 đảng viên, ") and heads[3].startswith("Tổng cộng: 68 đảng viên")
    # The commune sums its cells, never its own superior.
    code, out, _ = cli(capsys, "--data-dir", commune, "summary", "--json")
    assert [u["name"] for u in json.loads(out)["units"]] == ["Chi bộ bản Nà Khum", "Chi bộ bản Phìn Hồ"]


def _rows_but_log(book) -> list[str]:
    """The book's rows but the log, the review of each bundle received (a forward bundle sent again
    is another bundle to review) and the known units' last bundle numbers (which a replay moves)."""
    return [line for line in book_rows(book)
            if '"bundle_log"' not in line and '"known_unit"' not in line and '"bundle_review"' not in line]


def test_incremental_a_bundle_forwarded_twice_counts_once_and_full_carries_all(chained):
    from chibo.services.members import edit_member, list_members

    cell_a, cell_b, receiving, province, stick = chained("a", "b")
    sizes = {cell.local_unit_id: len(_state(receiving, cell.local_unit_id)) for cell in (cell_a, cell_b)}
    first = export_forward(receiving, stick)
    assert import_bundle(province, first.path, approve={fingerprint_of(receiving)}).outcome == "imported"
    before = _rows_but_log(province)
    again = export_forward(receiving, stick)  # not acknowledged yet: the same bundles again
    assert (again.seq, again.bundles, again.records) == (2, 2, 1)
    report = import_bundle(province, again.path)
    assert report.counts == {"new": 0, "updated": 0, "duplicate": 1 + sum(sizes.values()), "stale": 0, "conflict": 0}
    assert _rows_but_log(province) == before

    plan = export_plan(province, stick)
    assert _manifest(plan.path)["acks"][receiving.local_unit_id] == 2
    assert import_bundle(receiving, plan.path).outcome == "imported"
    quiet = export_forward(receiving, stick)
    assert (quiet.seq, quiet.bundles, quiet.records) == (3, 0, 0)
    assert import_bundle(province, quiet.path).counts == {"new": 0, "updated": 0, "duplicate": 0, "stale": 0,
                                                         "conflict": 0}

    with cell_a.session() as db:
        member = next(r.member for r in list_members(db) if r.member.full_name == "Lò Thị Ỷ")
        edit_member(db, member.id, phone="0912 345 678")
    assert import_bundle(receiving, export_bundle(cell_a, stick).path).counts["updated"] == 1
    news = export_forward(receiving, stick)
    assert (news.seq, news.bundles, news.records) == (4, 1, 0)
    report = import_bundle(province, news.path)
    assert [(n.sender_name, n.seq, n.counts) for n in report.nested] == [
        ("Chi bộ bản Nà Khum", 2, {"new": 0, "updated": 1, "duplicate": sizes[cell_a.local_unit_id] - 1, "stale": 0,
                                   "conflict": 0})]
    with province.session() as db:
        assert db.get(Member, member.id).phone == "0912 345 678"
        assert db.get(KnownUnit, cell_a.local_unit_id).last_seq == 2

    everything = export_forward(receiving, stick, full=True)
    assert (everything.bundles, everything.records) == (3, 1)
    before = _rows_but_log(province)
    report = import_bundle(province, everything.path)
    # Bundle 1 holds the phone as it was (an older rev): stale, never taken over the newer one.
    assert report.counts == {"new": 0, "updated": 0, "stale": 1, "conflict": 0,
                             "duplicate": 1 + 2 * sizes[cell_a.local_unit_id] - 1 + sizes[cell_b.local_unit_id]}
    assert _rows_but_log(province) == before
    with province.session() as db:
        assert db.get(Member, member.id).phone == "0912 345 678"


def test_a_bundle_arriving_directly_and_forwarded_counts_once(chained):
    cell_a, cell_b, receiving, province, stick = chained("a", "b")
    assert import_bundle(province, export_forward(receiving, stick).path,
                         approve={fingerprint_of(receiving)}).outcome == "imported"
    size_b = len(_state(receiving, cell_b.local_unit_id))
    # Cell B now reports to the province itself: it approves the province's plan (its one superior
    # changes, a second word since it declared the commune) and sends its whole book there. Its key is
    # pinned already (the commune vouched for it).
    plan = export_plan(province, stick)
    assert import_bundle(cell_b, plan.path, approve={fingerprint_of(province)},
                         other_superior=True).outcome == "imported"
    direct = export_bundle(cell_b, stick)
    assert direct.seq == 2 and _manifest(direct.path)["recipient_key_id"] == fingerprint_of(province)
    report = import_bundle(province, direct.path)
    assert report.outcome == "imported" and not report.approved
    assert report.counts == {"new": 0, "updated": 0, "duplicate": size_b, "stale": 0, "conflict": 0}
    # The commune forwards B's old bundle once more (not yet acknowledged): duplicates again, and B
    # stays where its newest bundle came from.
    again = import_bundle(province, export_forward(receiving, stick).path)
    assert [(n.sender_name, n.counts["duplicate"], n.counts["new"]) for n in again.nested] == [
        ("Chi bộ bản Nà Khum", len(_state(receiving, cell_a.local_unit_id)), 0), ("Chi bộ bản Phìn Hồ", size_b, 0)]
    figures = _figures(province)
    assert figures["Chi bộ bản Phìn Hồ"]["members"] == 34 and figures["total"]["members"] == 68
    from chibo.sync.levels import by_level

    with province.session() as db:
        tree = {node.unit.name: [child.unit.name for child in node.units] for node in by_level(db, consolidated(
            db, DEMO_TODAY)[0])}
    assert tree == {"Chi bộ bản Phìn Hồ": [], "Đảng ủy xã Sơn Cao": ["Chi bộ bản Nà Khum"]}


def test_a_cells_new_key_goes_up_as_its_commune_approved_it(chained):
    cell_a, _cell_b, receiving, province, stick = chained("a")
    first = export_forward(receiving, stick)
    assert import_bundle(province, first.path, approve={fingerprint_of(receiving)}).outcome == "imported"
    old = fingerprint_of(cell_a)
    keys, _previous = make_new_keys(cell_a)  # the cell's computer was replaced
    held = import_bundle(receiving, export_bundle(cell_a, stick).path)
    assert held.outcome == "pending" and held.previous_fingerprint == old
    assert import_bundle(receiving, Path(held.file), approve={keys.fingerprint}).outcome == "imported"

    second = export_forward(receiving, stick)
    assert second.bundles == 2  # bundle 1 (old key, before the change) and bundle 2 (new key)
    report = import_bundle(province, second.path)
    assert report.outcome == "imported", report.reason
    assert [(n.seq, n.counts["updated"]) for n in report.nested] == [(1, 0), (2, 1)]  # the unit record's new keys
    with province.session() as db:
        assert db.get(KnownUnit, cell_a.local_unit_id).fingerprint == keys.fingerprint
        history = {k.fingerprint: (k.status, k.until_seq) for k in db.exec(select(KnownKey).where(
            KnownKey.unit_id == cell_a.local_unit_id))}
    assert history == {old: ("retired", 2), keys.fingerprint: ("approved", None)}
    # A forward written before the change still imports: what it says of the old key changes nothing.
    replay = import_bundle(province, first.path)
    assert replay.outcome == "imported" and replay.counts["new"] == 0
    with province.session() as db:
        assert db.get(KnownUnit, cell_a.local_unit_id).fingerprint == keys.fingerprint


# --- what a commune could do to what it forwards ------------------------------------------------

def _opened(path: Path, province) -> tuple[dict, list[dict]]:
    from nacl.public import SealedBox

    with zipfile.ZipFile(path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        payload = SealedBox(load_keys(province.folder).private_key).decrypt(archive.read("payload"))
    return manifest, [json.loads(line) for line in gzip.decompress(payload).splitlines()]


def _resigned(commune, manifest: dict, lines: list[dict], target: Path) -> Path:
    """A forward bundle re-made and signed with the commune's own key: what whoever holds that key
    could write."""
    from nacl.public import PublicKey, SealedBox

    records = b"".join(canonical_json(line) + b"\n" for line in lines)
    payload = SealedBox(PublicKey(unb64(manifest["recipient_key"]))).encrypt(gzip_bytes(records))
    manifest = {**manifest, "payload_sha256": hashlib.sha256(payload).hexdigest(), "payload_size": len(payload),
                "records_sha256": hashlib.sha256(records).hexdigest()}
    data = json.dumps(manifest).encode()
    with zipfile.ZipFile(target, "w") as archive:
        archive.writestr("manifest.json", data)
        archive.writestr("manifest.sig", load_keys(commune.folder).signing_key.sign(data).signature)
        archive.writestr("payload", payload)
    return target


def _nested(lines: list[dict], name: str) -> dict:
    return next(line["bundle"] for line in lines if "bundle" in line and json.loads(
        unb64(line["bundle"]["manifest"]))["sender_name"] == name)


def test_a_record_altered_at_the_commune_is_refused_at_the_province(tmp_path, chained):
    cell_a, _cell_b, receiving, province, stick = chained("a", "b")
    genuine = export_forward(receiving, stick)
    manifest, lines = _opened(genuine.path, province)
    approve = {fingerprint_of(receiving)}

    def refused(path: Path, expected: str) -> None:
        before = book_rows(province)
        report = import_bundle(province, path, approve=approve)
        assert report.outcome == "rejected" and expected in report.reason, report.reason
        assert report.reason.endswith("Không nhập gì từ tệp này.") or "của đơn vị khác" in report.reason
        assert _rows_but_log(province) == [r for r in before if '"bundle_log"' not in r and '"known_unit"' not in r]
        assert not any('"known_unit"' in r for r in book_rows(province))  # not even the commune's approval
        assert verify_bundle(province, path).outcome == "rejected"

    # A phone number changed in a cell's forwarded records, its record's own hash made to fit.
    altered = json.loads(json.dumps(lines))
    entry = _nested(altered, "Chi bộ bản Nà Khum")
    records = [json.loads(line) for line in entry["records"].splitlines()]
    member = next(r for r in records if r["table"] == "member")
    member["fields"]["phone"] = "0999 999 999"
    member["hash"] = content_hash(member["fields"])
    entry["records"] = "".join(canonical_json(r).decode() + "\n" for r in records)
    refused(_resigned(receiving, manifest, altered, tmp_path / "altered.chibo"),
            "Gói số 1 của “Chi bộ bản Nà Khum” trong gói chuyển lên của “Đảng ủy xã Sơn Cao”: các bản ghi không khớp với "
            "chữ ký của “Chi bộ bản Nà Khum”, đã bị sửa sau khi đơn vị ký. Hãy báo “Đảng ủy xã Sơn Cao” chuyển lên lại "
            "từ gói gốc của đơn vị.")

    # The cell's manifest changed (a count), so its signature no longer fits.
    edited = json.loads(json.dumps(lines))
    entry = _nested(edited, "Chi bộ bản Phìn Hồ")
    cell_manifest = json.loads(unb64(entry["manifest"]))
    cell_manifest["counts"]["member"] -= 1
    entry["manifest"] = base64.b64encode(json.dumps(cell_manifest).encode()).decode()
    refused(_resigned(receiving, manifest, edited, tmp_path / "edited.chibo"),
            "chữ ký của “Chi bộ bản Phìn Hồ” không khớp; phần mô tả đã bị sửa sau khi đơn vị ký")

    # The commune signs a cell's bundle with its own key, as if it were the cell's.
    forged = json.loads(json.dumps(lines))
    entry = _nested(forged, "Chi bộ bản Nà Khum")
    cell_manifest = json.loads(unb64(entry["manifest"]))
    commune_keys = load_keys(receiving.folder)
    cell_manifest["signer_key"] = base64.b64encode(commune_keys.signing_public).decode()
    cell_manifest["signer_key_id"] = commune_keys.fingerprint
    data = json.dumps(cell_manifest).encode()
    entry["manifest"] = base64.b64encode(data).decode()
    entry["signature"] = base64.b64encode(commune_keys.signing_key.sign(data).signature).decode()
    refused(_resigned(receiving, manifest, forged, tmp_path / "forged.chibo"),
            f"ký bằng mã khóa {commune_keys.fingerprint}, không phải khóa đã được xác nhận cho đơn vị ấy ở số gói này")

    # A cell's record passed off as the commune's own.
    slipped = json.loads(json.dumps(lines))
    entry = _nested(slipped, "Chi bộ bản Nà Khum")
    slipped.append(json.loads(entry["records"].splitlines()[1]))
    refused(_resigned(receiving, manifest, slipped, tmp_path / "slipped.chibo"), "ghi là của đơn vị khác")

    # Once the genuine forward is in, the commune vouches for a cell a key of its own making, without
    # the key the cell really has: refused, since a key change retires the key it replaces.
    from nacl.signing import SigningKey

    from chibo.services.keys import fingerprint

    assert import_bundle(province, genuine.path, approve=approve).outcome == "imported"
    fake = SigningKey.generate()
    vouched = json.loads(json.dumps(lines))
    vouch = next(line["vouch"] for line in vouched if "vouch" in line and line["vouch"]["name"] == "Chi bộ bản Nà Khum")
    vouch["keys"] = [{"signing_key": base64.b64encode(bytes(fake.verify_key)).decode(), "status": "approved",
                      "first_seq": 2, "until_seq": None}]
    before = _rows_but_log(province)
    report = import_bundle(province, _resigned(receiving, manifest, vouched, tmp_path / "vouched.chibo"))
    assert report.outcome == "rejected" and report.reason.startswith(
        f"“Đảng ủy xã Sơn Cao” xác nhận cho “Chi bộ bản Nà Khum” mã khóa {fingerprint(bytes(fake.verify_key))}, khác "
        f"với mã khóa {fingerprint_of(cell_a)} đã được “Đảng ủy xã Sơn Cao” xác nhận cho đơn vị ấy.")
    assert _rows_but_log(province) == before


def _two_communes(cell, commune, province, stick, tmp_path) -> Book:
    """The cell's commune forwarded to the province; a second commune (returned open) has approved
    the province's plan and forwarded once, approved there by fingerprint; `cell` comes chained."""
    assert import_bundle(province, export_forward(commune, stick).path,
                         approve={fingerprint_of(commune)}).outcome == "imported"
    other = Book.open(tmp_path / "other-commune")
    init_book(other, name="Đảng ủy xã Mường Khương", role="receiving", superior_name="Tỉnh ủy Lai Châu")
    assert import_bundle(other, export_plan(province, stick).path,
                         approve={fingerprint_of(province)}).outcome == "imported"
    assert import_bundle(province, export_forward(other, stick).path,
                         approve={fingerprint_of(other)}).outcome == "imported"
    return other


def test_no_commune_signs_for_another_communes_cell(tmp_path, chained):
    """A second commune vouches a key of its own making for a cell the first commune vouched for."""
    import base64

    from nacl.signing import SigningKey

    from chibo.services.keys import fingerprint

    cell_a, _cell_b, receiving, province, stick = chained("a")
    other = _two_communes(cell_a, receiving, province, stick, tmp_path)
    try:
        manifest, lines = _opened(export_forward(other, stick).path, province)
        fake = SigningKey.generate()
        lines.insert(0, {"vouch": {"unit_id": cell_a.local_unit_id, "name": "Chi bộ bản Nà Khum", "superior_name": "",
                                   "keys": [{"signing_key": base64.b64encode(bytes(fake.verify_key)).decode(),
                                             "status": "approved", "first_seq": None, "until_seq": None}]}})
        before = _rows_but_log(province)
        report = import_bundle(province, _resigned(other, manifest, lines, tmp_path / "claim.chibo"))
    finally:
        other.close()
    assert report.outcome == "rejected"
    assert report.reason == (
        f"“Đảng ủy xã Mường Khương” xác nhận cho “Chi bộ bản Nà Khum” mã khóa {fingerprint(bytes(fake.verify_key))}, "
        f"khác với mã khóa {fingerprint_of(cell_a)} đã được “Đảng ủy xã Sơn Cao” xác nhận cho đơn vị ấy. Hãy hỏi “Chi "
        "bộ bản Nà Khum” (qua điện thoại) mã khóa hiện nay và cấp trên trực tiếp của họ, rồi báo cho đơn vị đã chuyển "
        "gói lên. Không nhập gì từ tệp này.")
    assert _rows_but_log(province) == before


def test_forward_refused_at_a_cell_and_before_the_provinces_key_writing_nothing(capsys, cell_a, receiving, stick):
    link(cell_a, receiving, stick)
    assert import_bundle(receiving, export_bundle(cell_a, stick).path,
                         approve={fingerprint_of(cell_a)}).outcome == "imported"
    on_stick = sorted(p.name for p in stick.iterdir())
    commune, cell = receiving.folder, cell_a.folder
    receiving.close(), cell_a.close()
    before = book_rows(commune / "chibo.sqlite")
    code, out, err = cli(capsys, "--data-dir", commune, "forward", "--to", stick)
    assert code == 1 and out == "" and err == (
        "chibo: Chưa có khóa của cấp trên nên chưa chuyển lên được: gói chuyển lên mang dữ liệu cá nhân của đảng viên "
        "các chi bộ, phải niêm phong cho cấp trên. Hãy nhập gói kế hoạch của cấp trên trước (chibo import "
        "TỆP-KẾ-HOẠCH --approve MÃ-KHÓA-CẤP-TRÊN, hoặc trang Trao đổi dữ liệu), rồi chuyển lên lại. Chưa ghi gì.\n")
    assert book_rows(commune / "chibo.sqlite") == before and sorted(p.name for p in stick.iterdir()) == on_stick
    code, _, err = cli(capsys, "--data-dir", commune, "forward", "--to", stick / "E")  # a stick not plugged in
    assert code == 1 and f"Không thấy thư mục “{stick / 'E'}” (USB chưa cắm" in err and not (stick / "E").exists()
    before = book_rows(cell / "chibo.sqlite")
    code, _, err = cli(capsys, "--data-dir", cell, "forward", "--to", stick)
    assert code == 1 and "Chỉ sổ của cấp nhận báo cáo (đảng ủy) mới chuyển gói" in err
    assert book_rows(cell / "chibo.sqlite") == before and sorted(p.name for p in stick.iterdir()) == on_stick


def test_a_bundle_taken_to_the_wrong_level_is_refused(chained):
    cell_a, _cell_b, receiving, province, stick = chained("a")
    assert import_bundle(province, export_forward(receiving, stick).path,
                         approve={fingerprint_of(receiving)}).outcome == "imported"
    before = _rows_but_log(province)
    # The commune's plan for its cells, carried to the province by mistake: the province would
    # otherwise take its own child for its superior.
    report = import_bundle(province, export_plan(receiving, stick).path)
    assert report.reason == ("“Đảng ủy xã Sơn Cao” là đơn vị cấp dưới của sổ này; gói kế hoạch “Đảng ủy xã Sơn Cao” "
                             "gửi các đơn vị cấp dưới của họ không nhập ở đây.")
    assert _rows_but_log(province) == before
    # A forward bundle at a cell.
    rows = book_rows(cell_a)
    report = import_bundle(cell_a, export_forward(receiving, stick).path)
    assert report.reason == ("Đây là gói một đảng ủy chuyển lên cấp trên của mình; sổ của chi bộ chỉ nhập gói kế hoạch "
                             "của cấp trên.")
    assert [r for r in book_rows(cell_a) if '"bundle_log"' not in r] == [r for r in rows if '"bundle_log"' not in r]


def test_a_bundle_from_an_older_chibo_is_named_not_forwarded(capsys, tmp_path, chained):
    """A cell bundle made before the signature covered the records cannot go up with it."""
    cell_a, _cell_b, receiving, province, stick = chained("b")
    link(cell_a, receiving, stick)
    made = export_bundle(cell_a, tmp_path)
    with zipfile.ZipFile(made.path) as archive:
        manifest = json.loads(archive.read("manifest.json"))
        payload = archive.read("payload")
    del manifest["records_sha256"]
    data = json.dumps(manifest).encode()
    old = stick / "BANNAKHUM-1-old.chibo"
    with zipfile.ZipFile(old, "w") as archive:
        archive.writestr("manifest.json", data)
        archive.writestr("manifest.sig", load_keys(cell_a.folder).signing_key.sign(data).signature)
        archive.writestr("payload", payload)
    assert import_bundle(receiving, old, approve={fingerprint_of(cell_a)}).outcome == "imported"
    commune, commune_fp = receiving.folder, fingerprint_of(receiving)
    receiving.close()
    code, out, err = cli(capsys, "--data-dir", commune, "forward", "--to", stick)
    assert code == 0 and out.startswith("Gói chuyển lên số 1: 1 gói của 2 đơn vị cấp dưới")
    assert err == ("chibo: lưu ý: Gói số 1 của “Chi bộ bản Nà Khum”: gói làm bằng chibo bản cũ, bản ghi không mang chữ "
                   "ký của đơn vị. Nếu cấp trên thiếu số liệu của “Chi bộ bản Nà Khum”, hãy đề nghị đơn vị xuất gói đầy "
                   "đủ (chibo export --full) rồi chuyển lên lại.\n")
    report = import_bundle(province, Path(out.splitlines()[-1]), approve={commune_fp})
    assert [n.sender_name for n in report.nested] == ["Chi bộ bản Phìn Hồ"]


def test_a_province_forwards_to_the_level_above_four_levels_deep(tmp_path, chained):
    """The chain has any depth: the province forwards its communes' forward bundles, nested again."""
    cell_a, _cell_b, receiving, province, stick = chained("a")
    assert import_bundle(province, export_forward(receiving, stick).path,
                         approve={fingerprint_of(receiving)}).outcome == "imported"
    top = Book.open(tmp_path / "centre")
    init_book(top, name="Ban Tổ chức Trung ương", role="receiving")
    try:
        assert import_bundle(province, export_plan(top, stick).path, approve={fingerprint_of(top)}).outcome == "imported"
        up = export_forward(province, stick)
        assert (up.bundles, up.units) == (1, 1)  # the commune's forward, nesting the cell's bundle
        report = import_bundle(top, up.path, approve={fingerprint_of(province)})
        assert report.outcome == "imported", report.reason
        assert [(n.sender_name, n.kind) for n in report.nested] == [("Đảng ủy xã Sơn Cao", "forward"),
                                                                   ("Chi bộ bản Nà Khum", "report")]
        assert _state(top, cell_a.local_unit_id) == _state(cell_a, cell_a.local_unit_id)
        from chibo.sync.levels import by_level

        with top.session() as db:
            [root] = by_level(db, consolidated(db, DEMO_TODAY)[0])
        assert (root.unit.name, root.units[0].unit.name, root.units[0].units[0].unit.name) == (
            "Tỉnh ủy Lai Châu", "Đảng ủy xã Sơn Cao", "Chi bộ bản Nà Khum")
        assert root.subtotal.members == 34
    finally:
        top.close()
    # The province holds the cell's records too, but the cell's restore comes from its own commune.
    from chibo.errors import ChiboError
    from chibo.sync.restore_bundle import export_restore

    rows = book_rows(province)
    with pytest.raises(ChiboError, match=r"“Chi bộ bản Nà Khum” gửi báo cáo qua “Đảng ủy xã Sơn Cao”: gói khôi phục do "
                                         r"chính cấp trên trực tiếp ấy ghi. Chưa ghi gì."):
        export_restore(province, "Nà Khum", stick)
    assert book_rows(province) == rows and not list(stick.glob("*KHOIPHUC*"))


def test_another_commune_cannot_slip_a_key_into_a_cells_history(tmp_path, chained):
    """A cell's public key is in every manifest: a second commune vouches for the cell with that very
    key plus a "replaced" key of its own making, and nests a bundle signed with it. Refused: only the
    commune that vouched for the cell adds to its keys."""
    import base64

    from nacl.signing import SigningKey

    from chibo.sync.bundle import canonical_json

    cell_a, _cell_b, receiving, province, stick = chained("a")
    other = _two_communes(cell_a, receiving, province, stick, tmp_path)
    try:
        manifest, lines = _opened(export_forward(other, stick).path, province)
        _genuine, genuine_lines = _opened(export_forward(receiving, stick).path, province)
    finally:
        other.close()
    fake = SigningKey.generate()
    fake_b64 = base64.b64encode(bytes(fake.verify_key)).decode()
    real = base64.b64encode(load_keys(cell_a.folder).signing_public).decode()
    lines.insert(0, {"vouch": {"unit_id": cell_a.local_unit_id, "name": "Chi bộ bản Nà Khum", "superior_name": "",
                               "keys": [{"signing_key": real, "status": "approved", "first_seq": 1, "until_seq": None},
                                        {"signing_key": fake_b64, "status": "retired", "first_seq": 1,
                                         "until_seq": 1000}]}})
    cell_bundle = _nested(genuine_lines, "Chi bộ bản Nà Khum")
    cell_manifest = json.loads(unb64(cell_bundle["manifest"]))
    records = [json.loads(line) for line in cell_bundle["records"].splitlines()]
    member = next(r for r in records if r["table"] == "member")
    member["fields"]["phone"] = "0999 999 999"
    member["hash"] = content_hash(member["fields"])
    text = "".join(canonical_json(r).decode() + "\n" for r in records)
    cell_manifest.update(seq=5, signer_key=fake_b64, records_sha256=hashlib.sha256(text.encode()).hexdigest())
    data = json.dumps(cell_manifest).encode()
    lines.append({"bundle": {"manifest": base64.b64encode(data).decode(),
                             "signature": base64.b64encode(fake.sign(data).signature).decode(), "records": text}})
    manifest["forwarded"] = 1
    before = _rows_but_log(province)
    report = import_bundle(province, _resigned(other, manifest, lines, tmp_path / "slipped-key.chibo"))  # its key
    assert report.outcome == "rejected" and "Gói số 5 của “Chi bộ bản Nà Khum” trong gói chuyển lên của “Đảng ủy xã " \
        "Mường Khương” ký bằng mã khóa" in report.reason and "không phải khóa đã được xác nhận" in report.reason
    assert _rows_but_log(province) == before
    with province.session() as db:
        assert {k.fingerprint for k in db.exec(select(KnownKey).where(KnownKey.unit_id == cell_a.local_unit_id))} == {
            fingerprint_of(cell_a)}
