"""What the level above said of the bundles this unit sent (its review: Cần bổ sung with a note, Đã
duyệt), as its latest plan bundle brought it (`sync.review_notes` opens and checks it). Read from a
book session or from the plain sqlite3 reader of the month's board alike (both have the setting)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from chibo.vocabulary import REVIEW_STATUS_LABELS, ReviewStatus, label

SUPERIOR_NOTES_SETTING = "superior_reviews"


@dataclass(frozen=True)
class SuperiorNote:
    seq: int  # the number of the bundle this unit sent
    status: str  # received / needs_more / approved
    note: str
    reviewed_on: date | None
    superior: str  # who reviewed it: "Đảng ủy xã Sơn Cao"

    @property
    def status_label(self) -> str:
        return label(self.status, REVIEW_STATUS_LABELS)

    @property
    def needs_more(self) -> bool:
        return self.status == ReviewStatus.NEEDS_MORE


def superior_notes(db) -> list[SuperiorNote]:
    """The reviews of this unit's bundles the superior's latest plan bundle carried, newest bundle
    first; empty when it carried none. `db` is a book session or a `store.reader.Reader`."""
    if hasattr(db, "setting"):  # the board's reader: no SQLAlchemy before the first screen
        return notes_from(db.setting(SUPERIOR_NOTES_SETTING))
    from chibo.store.book import get_setting

    return notes_from(get_setting(db, SUPERIOR_NOTES_SETTING))


def notes_from(kept: dict | None) -> list[SuperiorNote]:
    """The notes as the setting keeps them."""
    kept = kept or {}
    return [SuperiorNote(r["seq"], r["status"], r["note"],
                         date.fromisoformat(r["reviewed_on"]) if r.get("reviewed_on") else None, kept.get("from", ""))
            for r in sorted(kept.get("reviews", []), key=lambda r: -r["seq"])]


def keep_superior_notes(db, superior_id: str, superior_name: str, plan_seq: int, reviews: list[dict]) -> None:
    """The reviews a plan bundle of the superior brought (checked), in place of those its earlier
    plans brought; a replayed older plan changes nothing."""
    from chibo.store.book import get_setting, set_setting

    kept = get_setting(db, SUPERIOR_NOTES_SETTING) or {}
    if kept.get("from_id") == superior_id and kept.get("plan_seq", 0) > plan_seq:
        return
    set_setting(db, SUPERIOR_NOTES_SETTING, {"from_id": superior_id, "from": superior_name, "plan_seq": plan_seq,
                                             "reviews": reviews})
