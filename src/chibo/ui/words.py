"""The domain's words as the interface shows them: each vocabulary table of `chibo.vocabulary`
with an English source label, translated where it is shown.

The Vietnamese translation of each label is the vocabulary's own label (a test holds them equal),
so the screens and the printed papers use the same words."""

from __future__ import annotations

from chibo.services.settings import CONFIRM_BY_DEPUTY, CONFIRM_BY_SUPERIOR, QUORUM_ALL_SUMMONED, QUORUM_FULL_MEMBERS
from chibo.text import format_date
from chibo.ui.i18n import QT_TR_NOOP, tr
from chibo.vocabulary import (
    AttendanceState,
    CellPosition,
    DocumentKind,
    IssuingLevel,
    ItemStatus,
    LeftReason,
    MemberStatus,
    OutreachKind,
    ReviewStatus,
    SessionForm,
    SessionKind,
    Timeliness,
)

MEMBER_STATUS = {
    MemberStatus.FULL: QT_TR_NOOP("Full member"),
    MemberStatus.PROBATIONARY: QT_TR_NOOP("Probationary"),
    MemberStatus.ATTACHED: QT_TR_NOOP("Temporarily attached"),
    MemberStatus.AWAY: QT_TR_NOOP("Temporarily attending elsewhere"),
    MemberStatus.EXEMPT: QT_TR_NOOP("Exempt from work and meetings"),
    MemberStatus.LEFT: QT_TR_NOOP("Left the cell"),
}

LEFT_REASON = {
    LeftReason.TRANSFERRED: QT_TR_NOOP("Transferred"),
    LeftReason.DECEASED: QT_TR_NOOP("Deceased"),
    LeftReason.REMOVED: QT_TR_NOOP("Struck off, expelled"),
    LeftReason.OTHER: QT_TR_NOOP("Other reason"),
}

CELL_POSITION = {
    CellPosition.SECRETARY: QT_TR_NOOP("Secretary"),
    CellPosition.DEPUTY: QT_TR_NOOP("Deputy Secretary"),
    CellPosition.COMMITTEE: QT_TR_NOOP("Cell committee member"),
    CellPosition.MEMBER: QT_TR_NOOP("Party member"),
}

DOCUMENT_KIND = {
    DocumentKind.NQ: QT_TR_NOOP("Resolution"),
    DocumentKind.CT: QT_TR_NOOP("Directive"),
    DocumentKind.KL: QT_TR_NOOP("Conclusion"),
    DocumentKind.QD: QT_TR_NOOP("Decision"),
    DocumentKind.QDI: QT_TR_NOOP("Regulation"),
    DocumentKind.HD: QT_TR_NOOP("Guidance"),
    DocumentKind.KH: QT_TR_NOOP("Plan"),
    DocumentKind.CTR: QT_TR_NOOP("Programme"),
    DocumentKind.BC: QT_TR_NOOP("Report"),
    DocumentKind.TB: QT_TR_NOOP("Notice"),
    DocumentKind.BB: QT_TR_NOOP("Minutes"),
    DocumentKind.CV: QT_TR_NOOP("Official letter"),
}

ISSUING_LEVEL = {
    IssuingLevel.CENTRAL: QT_TR_NOOP("Central"),
    IssuingLevel.PROVINCE: QT_TR_NOOP("Provincial Party committee"),
    IssuingLevel.COMMUNE: QT_TR_NOOP("Commune Party committee"),
    IssuingLevel.CELL: QT_TR_NOOP("Party cell"),
}

SESSION_KIND = {
    SessionKind.REGULAR: QT_TR_NOOP("Regular monthly meeting"),
    SessionKind.TOPIC: QT_TR_NOOP("Topical meeting"),
    SessionKind.STUDY: QT_TR_NOOP("Study conference"),
    SessionKind.MAKEUP: QT_TR_NOOP("Make-up study"),
}

SESSION_FORM = {
    SessionForm.IN_PERSON: QT_TR_NOOP("In person"),
    SessionForm.ONLINE: QT_TR_NOOP("Online"),
    SessionForm.COMBINED: QT_TR_NOOP("Within the regular meeting"),
    SessionForm.SELF_STUDY: QT_TR_NOOP("Self-study"),
}

ATTENDANCE_STATE = {
    AttendanceState.PRESENT: QT_TR_NOOP("Present"),
    AttendanceState.ABSENT_EXCUSED: QT_TR_NOOP("Absent with reason"),
    AttendanceState.ABSENT_UNEXCUSED: QT_TR_NOOP("Absent without reason"),
    AttendanceState.EXEMPT: QT_TR_NOOP("Exempt"),
    AttendanceState.ELSEWHERE: QT_TR_NOOP("Attending elsewhere"),
}

ITEM_STATUS = {
    ItemStatus.NOT_STARTED: QT_TR_NOOP("Not started"),
    ItemStatus.IN_PROGRESS: QT_TR_NOOP("In progress"),
    ItemStatus.DONE: QT_TR_NOOP("Done"),
    ItemStatus.DROPPED: QT_TR_NOOP("Dropped"),
}

OUTREACH_KIND = {
    OutreachKind.MEETING: QT_TR_NOOP("Outreach meeting for non-members"),
    OutreachKind.NEWS: QT_TR_NOOP("News, articles"),
    OutreachKind.BROADCAST: QT_TR_NOOP("Loudspeaker broadcast"),
    OutreachKind.SOCIAL: QT_TR_NOOP("Zalo, Facebook groups"),
    OutreachKind.POSTER: QT_TR_NOOP("Banners, posters, slogans"),
}

QUORUM_RULE = {
    QUORUM_FULL_MEMBERS: QT_TR_NOOP("More than half of the full members (not counting those attending elsewhere, "
                                    "those exempt who are absent, and those absent with a reason)"),
    QUORUM_ALL_SUMMONED: QT_TR_NOOP("More than half of the members summoned who may vote (those absent with a reason "
                                    "included)"),
}

PLAN_CONFIRMER = {
    CONFIRM_BY_DEPUTY: QT_TR_NOOP("The cell’s deputy secretary"),
    CONFIRM_BY_SUPERIOR: QT_TR_NOOP("The committee above"),
}


REVIEW_STATUS = {
    ReviewStatus.RECEIVED: QT_TR_NOOP("Received"),
    ReviewStatus.NEEDS_MORE: QT_TR_NOOP("Needs more"),
    ReviewStatus.APPROVED: QT_TR_NOOP("Approved"),
}

TIMELINESS = {
    Timeliness.ON_TIME: QT_TR_NOOP("On time"),
    Timeliness.LATE: QT_TR_NOOP("Late"),
    Timeliness.MISSING: QT_TR_NOOP("Not received, overdue"),
    Timeliness.NOT_DUE: QT_TR_NOOP("Not received, not yet due"),
}


def label(value, table: dict) -> str:
    """The shown label of a stored value, or the value itself when it is unknown."""
    try:
        return tr(table[value])
    except KeyError:
        return str(value)


def labels(table: dict, *, leave_out=()) -> dict:
    """{value: shown label} in the table's order, for a choice field."""
    return {value: tr(text) for value, text in table.items() if value not in leave_out}


def session_title(session) -> str:
    """The session's own title, or one made of its kind and date (in Vietnamese, the same as
    `services.sessions.default_title`, which the papers print)."""
    if session.title:
        return session.title
    kind = label(session.kind, SESSION_KIND)
    if session.kind == SessionKind.REGULAR:
        return tr("{kind} of {month}/{year}").format(kind=kind, month=session.held_on.month,
                                                     year=session.held_on.year)
    return tr("{kind} on {date}").format(kind=kind, date=format_date(session.held_on))
