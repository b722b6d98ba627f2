"""What one bundle's import came to: imported, held for a person's word, or rejected with the
reason; per outcome how many records were new, updated, duplicate, stale or in conflict. Every
kind of import (`importer`, `restore_import`) returns one, and the GUI and `--json` show it."""

from __future__ import annotations

from dataclasses import dataclass, field

OUTCOMES = ("new", "updated", "duplicate", "stale", "conflict")


@dataclass
class ImportReport:
    file: str
    outcome: str  # imported / pending / rejected (verify: verified)
    reason: str = ""
    sender_name: str = ""
    sender_unit_id: str | None = None
    fingerprint: str = ""
    seq: int | None = None
    counts: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))
    conflicts: list[dict] = field(default_factory=list)
    previous_fingerprint: str = ""  # pending on a key change: the key approved before
    flag: str = ""  # the sender's declared superior is not this unit: approval needs a second word
    approved: bool = False  # this import approved the sender's key
    kind: str = ""  # the bundle's kind, once its manifest was read
    nested: list = field(default_factory=list)  # a forward bundle: a NestedReport per child's bundle
    notes: list[str] = field(default_factory=list)  # what the operator should know besides the counts
    warnings: list[str] = field(default_factory=list)  # the checks on what a report brought (`checks`)
    reviews: list | None = field(default=None, repr=False)  # a plan: the superior's reviews of our bundles

    def as_json(self) -> dict:
        return {"file": self.file, "outcome": self.outcome, "reason": self.reason, "sender_name": self.sender_name,
                "sender_unit_id": self.sender_unit_id, "fingerprint": self.fingerprint,
                "previous_fingerprint": self.previous_fingerprint or None, "seq": self.seq, "kind": self.kind or None,
                "counts": self.counts, "conflicts": self.conflicts, "forwarded": [n.as_json() for n in self.nested],
                "notes": self.notes, "warnings": self.warnings}
