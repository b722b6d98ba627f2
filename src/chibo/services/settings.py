"""The rules DOMAIN.md marks *(check)*: settings with a stated default, never hard-coded truths."""

from __future__ import annotations

from dataclasses import dataclass

from chibo.errors import ValidationError

# Quorum rules a cell can choose.
QUORUM_FULL_MEMBERS = "dang_vien_chinh_thuc"  # Quy định 24-QĐ/TW 9.3.2 (DOMAIN.md)
QUORUM_ALL_SUMMONED = "tat_ca_trieu_tap"  # more than half of everyone summoned

# Who confirms the secretary's own action plan (DOMAIN.md *(check)*): nobody confirms their own.
CONFIRM_BY_DEPUTY = "pho_bi_thu"
CONFIRM_BY_SUPERIOR = "cap_uy_cap_tren"
PLAN_CONFIRMER_LABELS = {
    CONFIRM_BY_DEPUTY: "Phó Bí thư chi bộ",
    CONFIRM_BY_SUPERIOR: "Cấp ủy cấp trên",
}

QUORUM_RULE_LABELS = {
    QUORUM_FULL_MEMBERS: "Quá nửa số đảng viên chính thức (trừ người đi sinh hoạt nơi khác, "
    "miễn sinh hoạt vắng mặt, vắng có lý do)",
    QUORUM_ALL_SUMMONED: "Quá nửa số đảng viên có quyền biểu quyết được triệu tập (kể cả người vắng có lý do)",
}


@dataclass(frozen=True)
class CellRules:
    quorum_rule: str = QUORUM_FULL_MEMBERS
    essay_grades: tuple[str, ...] = ("Tốt", "Khá", "Đạt", "Chưa đạt")
    failing_grades: tuple[str, ...] = ("Chưa đạt",)  # an essay so graded must be rewritten
    probation_months: int = 12
    study_target_percent: float = 95.0
    # Members attached here from another cell vote in their home cell (DOMAIN.md, check).
    attached_members_vote: bool = False
    # The chair is a member present (DOMAIN.md: usually the secretary, else the deputy); a cell whose
    # rules let a guest of the upper level chair a session turns this on.
    guest_may_chair: bool = False
    secretary_plan_confirmed_by: str = CONFIRM_BY_DEPUTY


def load_rules(db) -> CellRules:
    from chibo.store.book import get_setting  # the constants above are read by screens before SQLModel is imported

    return rules_from(lambda key, default: get_setting(db, key, default))


def rules_from(get) -> CellRules:
    """The rules from `get(key, default)`: a database session's settings, or the plain reader's."""
    default = CellRules()
    return CellRules(
        quorum_rule=get("quorum_rule", default.quorum_rule),
        essay_grades=tuple(get("essay_grades", list(default.essay_grades))),
        failing_grades=tuple(get("failing_grades", list(default.failing_grades))),
        probation_months=int(get("probation_months", default.probation_months)),
        study_target_percent=float(get("study_target_percent", default.study_target_percent)),
        attached_members_vote=bool(get("attached_members_vote", default.attached_members_vote)),
        guest_may_chair=bool(get("guest_may_chair", default.guest_may_chair)),
        secretary_plan_confirmed_by=get("secretary_plan_confirmed_by", default.secretary_plan_confirmed_by),
    )


def save_rules(db, rules: CellRules) -> None:
    from chibo.store.book import set_setting

    if rules.quorum_rule not in QUORUM_RULE_LABELS:
        raise ValidationError("Quy tắc tính đủ số lượng biểu quyết không hợp lệ.")
    grades = [g.strip() for g in rules.essay_grades if g.strip()]
    if not grades or len(set(grades)) != len(grades):
        raise ValidationError("Thang xếp loại bài thu hoạch cần ít nhất một mức, không trùng nhau.")
    if any(g not in grades for g in rules.failing_grades):
        raise ValidationError("Mức “phải viết lại” phải nằm trong thang xếp loại.")
    if not 1 <= rules.probation_months <= 36:
        raise ValidationError("Thời gian dự bị phải từ 1 đến 36 tháng.")
    if not 0 < rules.study_target_percent <= 100:
        raise ValidationError("Chỉ tiêu tỷ lệ học tập phải trong khoảng 0–100%.")
    if rules.secretary_plan_confirmed_by not in PLAN_CONFIRMER_LABELS:
        raise ValidationError("Người xác nhận kế hoạch hành động cá nhân của bí thư không hợp lệ.")
    set_setting(db, "quorum_rule", rules.quorum_rule)
    set_setting(db, "essay_grades", grades)
    set_setting(db, "failing_grades", list(rules.failing_grades))
    set_setting(db, "probation_months", rules.probation_months)
    set_setting(db, "study_target_percent", rules.study_target_percent)
    set_setting(db, "attached_members_vote", bool(rules.attached_members_vote))
    set_setting(db, "guest_may_chair", bool(rules.guest_may_chair))
    set_setting(db, "secretary_plan_confirmed_by", rules.secretary_plan_confirmed_by)
