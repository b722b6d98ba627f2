"""Merging checked records into the book (upsert by id and rev), and what a plan bundle changes at
a cell: its one superior's keys, the acknowledgement of what the superior received, and the
cell's own numbering continued after what the superior already holds."""

from __future__ import annotations

import json
from pathlib import Path

from chibo.services.lookups import local_unit, rows_by_ids
from chibo.store.book import get_setting, set_setting
from chibo.store.files import private_folder, write_atomically
from chibo.store.models import SYNCED_TABLES, KnownUnit, RevCounter, Unit
from chibo.sync.export import ACKED_REV_SETTING, ACKED_SEQ_SETTING, SENT_SETTING, SEQ_SETTING
from chibo.sync.keyring import RECIPIENT_SETTING, current_superior
from chibo.sync.payload import TABLES, content_hash, record_fields

_ORDER = {model.__tablename__: index for index, model in enumerate(SYNCED_TABLES)}
_inserts: dict[type, tuple[str, list]] = {}


def _insert_rows(db, model, rows: list[dict]) -> None:
    """New rows straight to the driver's executemany, each value through its column type's own
    bind processor (what SQLAlchemy's insert would do, without its per-row bookkeeping)."""
    connection = db.connection()
    statement = _inserts.get(model)
    if statement is None:
        columns = list(model.__table__.columns)
        dialect = connection.dialect
        processors = [(c.name, c.type.dialect_impl(dialect).bind_processor(dialect)) for c in columns]
        names = ", ".join('"' + c.name + '"' for c in columns)
        sql = f'INSERT INTO "{model.__tablename__}" ({names}) VALUES ({", ".join("?" * len(columns))})'
        statement = _inserts[model] = (sql, processors)
    sql, processors = statement
    connection.exec_driver_sql(sql, [tuple(process(row[name]) if process else row[name] for name, process in processors)
                                     for row in rows])


def upsert(db, records: list, sender: str, report, quarantine: Path) -> None:
    """Per table, parents first: one query finds the rows already here; new rows go in with one
    Core insert (no ORM objects), the others are compared by rev and content hash. Conflicts are
    counted in `report` and their records kept in `quarantine` (readable by the owner only)."""
    held = []
    by_table: dict[str, list] = {}
    for record in records:
        by_table.setdefault(record["table"], []).append(record)
    for table in sorted(by_table, key=_ORDER.__getitem__):
        model, batch = TABLES[table], by_table[table]
        existing = rows_by_ids(db, model, [r["id"] for r in batch], alive_only=False)
        fresh = []
        for record in batch:
            row = existing.get(record["id"])
            if row is None:
                fresh.append(record["values"])
                outcome = "new"
            elif row.unit_id != sender or (row.rev == record["rev"] and content_hash(record_fields(row)) != record["hash"]):
                outcome = "conflict"
            elif row.rev == record["rev"]:
                outcome = "duplicate"
            elif row.rev > record["rev"]:
                outcome = "stale"
            else:
                for name, value in record["values"].items():
                    setattr(row, name, value)
                db.add(row)
                outcome = "updated"
            report.counts[outcome] += 1
            if outcome == "conflict":
                report.conflicts.append({"table": table, "id": record["id"], "rev": record["rev"]})
                held.append({"table": table, "id": record["id"], "rev": record["rev"], "hash": record["hash"],
                             "fields": {k: (v.isoformat() if hasattr(v, "isoformat") else v)
                                        for k, v in record["values"].items()}})
        db.flush()  # updates of parents before the children that point at them
        if fresh:
            _insert_rows(db, model, fresh)
    if held:
        private_folder(quarantine.parent)
        write_atomically(quarantine, "".join(json.dumps(h, ensure_ascii=False) + "\n" for h in held).encode("utf-8"),
                         private=True)


def apply_plan(db, manifest: dict, sender: KnownUnit) -> None:
    """At a cell: the plan's sender is (or, once a person approved it, becomes) the one superior.
    Its keys are taken from its newest plan, compared by seq within that superior only (a replayed
    older plan changes nothing; a new key, once approved, is taken whatever its seq). A new superior
    starts with nothing acknowledged, so the next bundle carries the whole book. Only the
    superior's acknowledgements count."""
    recipient = current_superior(db)
    signer = manifest["signer_key"]
    switching = bool(recipient) and recipient.get("unit_id") != sender.unit_id
    superior = db.get(Unit, sender.unit_id)
    encryption = manifest.get("sender_encryption_key") or (superior.encryption_key if superior else None)
    newer = (not recipient or switching or manifest["seq"] >= recipient.get("plan_seq", 0)
             or recipient.get("signing_key") != signer)
    if encryption and signer == sender.signing_key and newer:
        if switching:
            former = db.get(KnownUnit, recipient["unit_id"])
            if former is not None and former.approval == "approved":
                former.approval = "former"
                db.add(former)
            set_setting(db, ACKED_REV_SETTING, 0)
            set_setting(db, ACKED_SEQ_SETTING, 0)
            set_setting(db, SENT_SETTING, {})
        sender.encryption_key = encryption
        recipient = {"unit_id": sender.unit_id, "name": manifest["sender_name"], "plan_seq": manifest["seq"],
                     "signing_key": signer, "encryption_key": encryption}
        set_setting(db, RECIPIENT_SETTING, recipient)
    if recipient.get("unit_id") == sender.unit_id:
        _acknowledge(db, manifest)


def _acknowledge(db, manifest: dict) -> None:
    """The last seq the superior received moves the acknowledged rev forward, never back. A book
    restored from an older backup learns here how far the superior got: its bundle numbers and revs
    continue after those, so nothing it sends is taken for something already received."""
    local_id = local_unit(db).id
    acked_seq = manifest["acks"].get(local_id)
    sent = {int(seq): rev for seq, rev in (get_setting(db, SENT_SETTING) or {}).items()}
    if acked_seq in sent:
        acked_rev = max(int(get_setting(db, ACKED_REV_SETTING, 0)), sent[acked_seq])
        set_setting(db, ACKED_REV_SETTING, acked_rev)
        set_setting(db, SENT_SETTING, {str(seq): rev for seq, rev in sent.items() if seq > acked_seq})
    if acked_seq and acked_seq > int(get_setting(db, SEQ_SETTING, 0)):
        set_setting(db, SEQ_SETTING, acked_seq)
    if acked_seq and acked_seq > int(get_setting(db, ACKED_SEQ_SETTING, 0)):
        set_setting(db, ACKED_SEQ_SETTING, acked_seq)
    held_rev = manifest.get("ack_revs", {}).get(local_id, 0)
    counter = db.get(RevCounter, local_id)
    if held_rev and (counter is None or counter.last_rev < held_rev):
        counter = counter or RevCounter(unit_id=local_id)
        counter.last_rev = held_rev
        db.add(counter)
