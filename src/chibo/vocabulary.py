"""The words of the domain: the values stored in the book and their Vietnamese labels.

Stored values are ASCII slugs of the Vietnamese terms, so a database read in any language reads
the same; labels are what papers, the command line and the Vietnamese interface show.
"""

from __future__ import annotations

from enum import StrEnum


class MemberStatus(StrEnum):
    FULL = "chinh_thuc"
    PROBATIONARY = "du_bi"
    ATTACHED = "sinh_hoat_tam"  # temporarily attached here from another cell
    AWAY = "sinh_hoat_tam_noi_khac"  # temporarily attending another cell
    EXEMPT = "mien_sinh_hoat"
    LEFT = "da_roi"


MEMBER_STATUS_LABELS = {
    MemberStatus.FULL: "Chính thức",
    MemberStatus.PROBATIONARY: "Dự bị",
    MemberStatus.ATTACHED: "Sinh hoạt tạm",
    MemberStatus.AWAY: "Sinh hoạt tạm nơi khác",
    MemberStatus.EXEMPT: "Miễn công tác và sinh hoạt",
    MemberStatus.LEFT: "Đã rời chi bộ",
}

# Members who must attend and study here; exempt members are welcome but not counted.
REQUIRED_STATUSES = frozenset({MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED})
# Members on the roll of the cell (everyone but those who left).
ON_ROLL_STATUSES = frozenset(set(MemberStatus) - {MemberStatus.LEFT})


class LeftReason(StrEnum):
    TRANSFERRED = "chuyen_sinh_hoat"
    DECEASED = "tu_tran"
    REMOVED = "xoa_ten"
    OTHER = "khac"


LEFT_REASON_LABELS = {
    LeftReason.TRANSFERRED: "Chuyển sinh hoạt",
    LeftReason.DECEASED: "Từ trần",
    LeftReason.REMOVED: "Xóa tên, khai trừ",
    LeftReason.OTHER: "Lý do khác",
}


class CellPosition(StrEnum):
    SECRETARY = "bi_thu"
    DEPUTY = "pho_bi_thu"
    COMMITTEE = "chi_uy_vien"
    MEMBER = "dang_vien"


CELL_POSITION_LABELS = {
    CellPosition.SECRETARY: "Bí thư",
    CellPosition.DEPUTY: "Phó Bí thư",
    CellPosition.COMMITTEE: "Chi ủy viên",
    CellPosition.MEMBER: "Đảng viên",
}


class DocumentKind(StrEnum):
    NQ = "NQ"
    CT = "CT"
    KL = "KL"
    QD = "QĐ"
    QDI = "QĐi"
    HD = "HD"
    KH = "KH"
    CTR = "CTr"
    BC = "BC"
    TB = "TB"
    BB = "BB"
    CV = "CV"


DOCUMENT_KIND_LABELS = {
    DocumentKind.NQ: "Nghị quyết",
    DocumentKind.CT: "Chỉ thị",
    DocumentKind.KL: "Kết luận",
    DocumentKind.QD: "Quyết định",
    DocumentKind.QDI: "Quy định",
    DocumentKind.HD: "Hướng dẫn",
    DocumentKind.KH: "Kế hoạch",
    DocumentKind.CTR: "Chương trình",
    DocumentKind.BC: "Báo cáo",
    DocumentKind.TB: "Thông báo",
    DocumentKind.BB: "Biên bản",
    DocumentKind.CV: "Công văn",
}


def canonical_kind(code: str) -> str:
    """ "CTR" -> "CTr": a document kind as the vocabulary spells it."""
    return next((kind.value for kind in DocumentKind if kind.value.upper() == code.upper()), code)


def kind_word(kind: str) -> str:
    """ "BB" -> "biên bản", as a sentence names the paper."""
    return label(canonical_kind(kind), DOCUMENT_KIND_LABELS).lower()


class IssuingLevel(StrEnum):
    CENTRAL = "trung_uong"
    PROVINCE = "tinh_uy"
    COMMUNE = "dang_uy_xa"
    CELL = "chi_bo"


ISSUING_LEVEL_LABELS = {
    IssuingLevel.CENTRAL: "Trung ương",
    IssuingLevel.PROVINCE: "Tỉnh ủy",
    IssuingLevel.COMMUNE: "Đảng ủy xã",
    IssuingLevel.CELL: "Chi bộ",
}


class SessionKind(StrEnum):
    REGULAR = "thuong_ky"
    TOPIC = "chuyen_de"
    STUDY = "hoc_tap"
    MAKEUP = "hoc_bu"


SESSION_KIND_LABELS = {
    SessionKind.REGULAR: "Sinh hoạt thường kỳ",
    SessionKind.TOPIC: "Sinh hoạt chuyên đề",
    SessionKind.STUDY: "Hội nghị học tập, quán triệt",
    SessionKind.MAKEUP: "Học bù",
}


class SessionForm(StrEnum):
    IN_PERSON = "truc_tiep"
    ONLINE = "truc_tuyen"
    COMBINED = "long_ghep"
    SELF_STUDY = "tu_nghien_cuu"


SESSION_FORM_LABELS = {
    SessionForm.IN_PERSON: "Trực tiếp",
    SessionForm.ONLINE: "Trực tuyến",
    SessionForm.COMBINED: "Lồng ghép sinh hoạt thường kỳ",
    SessionForm.SELF_STUDY: "Tự nghiên cứu",
}


class AttendanceState(StrEnum):
    PRESENT = "co_mat"
    ABSENT_EXCUSED = "vang_co_ly_do"
    ABSENT_UNEXCUSED = "vang_khong_ly_do"
    EXEMPT = "mien"
    ELSEWHERE = "sinh_hoat_noi_khac"


ATTENDANCE_STATE_LABELS = {
    AttendanceState.PRESENT: "Có mặt",
    AttendanceState.ABSENT_EXCUSED: "Vắng có lý do",
    AttendanceState.ABSENT_UNEXCUSED: "Vắng không lý do",
    AttendanceState.EXEMPT: "Miễn sinh hoạt",
    AttendanceState.ELSEWHERE: "Sinh hoạt tạm nơi khác",
}


class ItemStatus(StrEnum):
    NOT_STARTED = "chua_thuc_hien"
    IN_PROGRESS = "dang_thuc_hien"
    DONE = "hoan_thanh"
    DROPPED = "huy_bo"


ITEM_STATUS_LABELS = {
    ItemStatus.NOT_STARTED: "Chưa thực hiện",
    ItemStatus.IN_PROGRESS: "Đang thực hiện",
    ItemStatus.DONE: "Hoàn thành",
    ItemStatus.DROPPED: "Hủy bỏ",
}


class OutreachKind(StrEnum):
    MEETING = "hoi_nghi"
    NEWS = "tin_bai"
    BROADCAST = "loa_truyen_thanh"
    SOCIAL = "mang_xa_hoi"
    POSTER = "pa_no_khau_hieu"


OUTREACH_KIND_LABELS = {
    OutreachKind.MEETING: "Hội nghị tuyên truyền cho quần chúng",
    OutreachKind.NEWS: "Tin, bài",
    OutreachKind.BROADCAST: "Loa truyền thanh",
    OutreachKind.SOCIAL: "Nhóm Zalo, Facebook",
    OutreachKind.POSTER: "Pa nô, áp phích, khẩu hiệu",
}


class ReviewStatus(StrEnum):
    """A received bundle as the receiving level reviewed it."""

    RECEIVED = "received"
    NEEDS_MORE = "needs_more"
    APPROVED = "approved"


REVIEW_STATUS_LABELS = {
    ReviewStatus.RECEIVED: "Đã nhận",
    ReviewStatus.NEEDS_MORE: "Cần bổ sung",
    ReviewStatus.APPROVED: "Đã duyệt",
}


class Timeliness(StrEnum):
    """A cell's report for a month or a document (`sync.completeness`)."""

    ON_TIME = "on_time"
    LATE = "late"
    MISSING = "missing"
    NOT_DUE = "not_due"


TIMELINESS_LABELS = {
    Timeliness.ON_TIME: "Đúng hạn",
    Timeliness.LATE: "Muộn",
    Timeliness.MISSING: "Chưa nhận, quá hạn",
    Timeliness.NOT_DUE: "Chưa nhận, chưa đến hạn",
}


class UnitRole(StrEnum):
    CELL = "cell"
    RECEIVING = "receiving"


def label(value: str, labels: dict) -> str:
    """The Vietnamese label of a stored value, or the value itself when it is unknown."""
    try:
        return labels[value]
    except KeyError:
        return str(value)
