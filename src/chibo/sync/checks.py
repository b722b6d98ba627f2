"""Checks on what a bundle brought, run at the receiving level as it is imported: figures that cannot
be right, listed with the bundle as warnings for the officer to ask the cell about. Nothing is
refused for them: the cell's records are the cell's, and only the cell can correct them.

Each check looks at the sessions and documents the bundle touched, as the book holds them once the
bundle is merged (a warning stays while the cell has not corrected it):

- rate over 100%: a session with more members marked present than the cell had on its roll that
  day (someone marked present who had not joined yet or had left, or a member of another cell);
- studied without a session: members marked present at a session the cell has deleted, or essays
  on a document the cell has held no study session of;
- more essays than studiers: on a document, more members with an essay than members who studied it
  (present at one of its sessions or make-ups)."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from sqlalchemy import bindparam, text

from chibo.text import format_date
from chibo.vocabulary import SESSION_KIND_LABELS, AttendanceState, MemberStatus, label

_PRESENT = AttendanceState.PRESENT.value

# Per session: members marked present, and members on the roll that day (their latest status on or
# before the day is not "left"; a member with no status yet had not joined).
_OVER_FULL = text(f"""
SELECT s.id, s.held_on, s.kind,
  (SELECT COUNT(*) FROM attendance a WHERE a.session_id = s.id AND a.deleted_at IS NULL AND a.state = '{_PRESENT}'),
  (SELECT COUNT(*) FROM member m WHERE m.unit_id = s.unit_id AND m.deleted_at IS NULL AND
     (SELECT c.status FROM member_status_change c WHERE c.member_id = m.id AND c.deleted_at IS NULL
        AND c.effective_on <= s.held_on ORDER BY c.effective_on DESC, c.rev DESC LIMIT 1) != '{MemberStatus.LEFT.value}')
FROM session s WHERE s.unit_id = :unit AND s.deleted_at IS NULL AND s.id IN :ids
ORDER BY s.held_on""").bindparams(bindparam("ids", expanding=True))

_ON_DELETED = text(f"""
SELECT s.held_on, s.kind, COUNT(*) FROM session s JOIN attendance a ON a.session_id = s.id
WHERE s.unit_id = :unit AND s.deleted_at IS NOT NULL AND a.deleted_at IS NULL AND a.state = '{_PRESENT}'
  AND s.id IN :ids
GROUP BY s.id ORDER BY s.held_on""").bindparams(bindparam("ids", expanding=True))

# Per document the cell holds figures on: members with an essay, study sessions held, members who studied.
_ESSAYS = text(f"""
SELECT d.id, d.number_symbol,
  (SELECT COUNT(DISTINCT e.member_id) FROM essay e JOIN member m ON m.id = e.member_id
     WHERE e.document_id = d.id AND e.unit_id = :unit AND e.deleted_at IS NULL AND m.deleted_at IS NULL),
  (SELECT COUNT(*) FROM session_document sd JOIN session s ON s.id = sd.session_id
     WHERE sd.document_id = d.id AND s.unit_id = :unit AND sd.deleted_at IS NULL AND s.deleted_at IS NULL),
  (SELECT COUNT(DISTINCT a.member_id) FROM session_document sd JOIN session s ON s.id = sd.session_id
     JOIN attendance a ON a.session_id = s.id
     WHERE sd.document_id = d.id AND s.unit_id = :unit AND sd.deleted_at IS NULL AND s.deleted_at IS NULL
       AND a.deleted_at IS NULL AND a.state = '{_PRESENT}')
FROM document d WHERE d.id IN :ids ORDER BY d.number_symbol""").bindparams(bindparam("ids", expanding=True))


def _session(held_on, kind: str) -> str:
    day = held_on if isinstance(held_on, date) else date.fromisoformat(str(held_on))
    return f"{label(kind, SESSION_KIND_LABELS).lower()} ngày {format_date(day)}"


def bundle_warnings(db, unit_id: str, session_ids: Iterable[str], document_ids: Iterable[str]) -> list[str]:
    """The warnings on the sessions and documents of `unit_id` a bundle touched, as sentences."""
    sessions, documents = sorted(set(session_ids)), sorted(set(document_ids))
    connection = db.connection()
    warnings = []
    if sessions:
        for _id, held_on, kind, present, on_roll in connection.execute(_OVER_FULL, {"unit": unit_id, "ids": sessions}):
            if present > on_roll:
                warnings.append(f"Tỷ lệ trên 100%: buổi {_session(held_on, kind)} ghi {present} người có mặt, nhiều "
                                f"hơn {on_roll} đảng viên trong danh sách chi bộ hôm ấy (có người chưa vào, đã rời "
                                "chi bộ hoặc không thuộc chi bộ được điểm danh).")
        for held_on, kind, present in connection.execute(_ON_DELETED, {"unit": unit_id, "ids": sessions}):
            warnings.append(f"Học mà không có buổi: {present} đảng viên được ghi có mặt ở buổi "
                            f"{_session(held_on, kind)}, nhưng buổi ấy đã bị xóa.")
    if documents:
        for _id, symbol, essays, held, studied in connection.execute(_ESSAYS, {"unit": unit_id, "ids": documents}):
            if essays and not held:
                warnings.append(f"Học mà không có buổi: văn bản {symbol} có {essays} bài thu hoạch nhưng chi bộ "
                                "chưa có buổi học tập nào về văn bản này.")
            elif essays > studied:
                warnings.append(f"Văn bản {symbol}: {essays} đảng viên có bài thu hoạch, nhiều hơn {studied} đảng "
                                "viên đã học tập văn bản.")
    return warnings
