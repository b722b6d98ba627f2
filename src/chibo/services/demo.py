"""A fictitious, realistic highland cell for trying chibo out and for tests and benchmarks.

Deterministic: the same seed and the same `today` give the same book. The names follow the
naming customs of the area's peoples; every figure shown later is computed from these rows.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, time, timedelta

from chibo.errors import ValidationError
from chibo.services import documents, essays, meetings, members, outreach, plans
from chibo.services.figures import document_figures, session_figures
from chibo.services.units import init_book, local_unit
from chibo.store.book import Book
from chibo.store.models import Presenter
from chibo.vocabulary import (
    AttendanceState,
    CellPosition,
    IssuingLevel,
    ItemStatus,
    LeftReason,
    MemberStatus,
    OutreachKind,
    SessionForm,
    SessionKind,
)

# (family names, male middle names, female middle names, male given names, female given names)
PEOPLES = {
    "Hmông": (["Giàng", "Sùng", "Vàng", "Thào", "Lầu", "Hạng", "Mùa"], ["A", "Seo", "Chá"], ["Thị", "Thị"],
              ["Páo", "Dính", "Chứ", "Sử", "Lử", "Dế", "Tủa", "Chía", "Sủng"], ["Mỷ", "Dợ", "Pằng", "Xúa", "Chở"]),
    "Dao": (["Triệu", "Bàn", "Đặng", "Chảo", "Phàn", "Lý"], ["Văn", "Tả", "Láo"], ["Thị", "Mùi"],
            ["Phù", "Sành", "Quẩy", "Chòi", "Ván", "Kiều"], ["Mẩy", "Tỷ", "Sinh", "Nái"]),
    "Thái": (["Lò", "Lường", "Tòng", "Quàng", "Cầm", "Điêu"], ["Văn"], ["Thị"],
             ["Ơn", "Xôm", "Khăm", "Pấng", "Hoan", "Lực"], ["Ỷ", "Thoa", "Ánh", "Ín", "Hặc"]),
    "Tày": (["Hoàng", "Nông", "Hà", "Lục", "Ma"], ["Văn", "Đức"], ["Thị"],
            ["Đức", "Lượng", "Sự", "Thắng"], ["Thủy", "Hằng", "Dung"]),
    "Giáy": (["Lù", "Vương", "Sần", "Hoàng"], ["Văn"], ["Thị"], ["Chẩn", "Dũng", "Phứ"], ["Liên", "Vỹ", "Ngọc"]),
    "Kinh": (["Nguyễn", "Trần", "Lê", "Phạm", "Đỗ", "Vũ"], ["Văn", "Đức", "Minh"], ["Thị", "Thu"],
             ["Hùng", "Dũng", "Tuấn", "Thắng", "Quyết"], ["Hường", "Hương", "Lan", "Quỳnh", "Yến"]),
}
PEOPLE_WEIGHTS = {"Hmông": 10, "Dao": 5, "Thái": 5, "Tày": 3, "Giáy": 3, "Kinh": 4}

ABSENCE_REASONS = ["Ốm", "Đi làm nương xa", "Đi viện chăm người nhà", "Đi tập huấn ở huyện", "Đi làm ăn xa",
                   "Nhà có việc hiếu", "Đi họp ở xã"]
SPEECHES = [
    "Nhất trí với báo cáo của chi ủy. Đề nghị chi bộ quan tâm hơn đến việc hướng dẫn bà con chăm sóc rừng "
    "trồng mới, nhất là các hộ ở xa trung tâm bản.",
    "Việc thu quỹ đảng phí tháng này đã đầy đủ. Đề nghị các đồng chí đảng viên gương mẫu vận động gia đình "
    "tham gia làm đường liên bản.",
    "Tình hình an ninh trật tự trên địa bàn ổn định. Cần tiếp tục tuyên truyền để bà con không nghe theo kẻ "
    "xấu, không tham gia truyền đạo trái phép.",
    "Đề nghị chi bộ phân công đảng viên phụ trách từng nhóm hộ để nắm tình hình học sinh bỏ học.",
    "Về chương trình giảm nghèo, cần rà soát lại danh sách hộ nghèo, cận nghèo trước khi xã tổng hợp.",
    "Nhất trí với nội dung nghị quyết; tôi xin nhận trách nhiệm tuyên truyền cho các hộ ở nhóm 3.",
]


@dataclass
class DemoSummary:
    members: int
    sessions: int
    documents: int


def _name(rng: random.Random, people: str, female: bool, taken: set[str]) -> str:
    families, male_mid, female_mid, male_given, female_given = PEOPLES[people]
    for _ in range(100):
        name = " ".join((rng.choice(families), rng.choice(female_mid if female else male_mid),
                         rng.choice(female_given if female else male_given)))
        if name not in taken:
            taken.add(name)
            return name
    raise RuntimeError("name pool exhausted")


def _month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def build_demo(book: Book, *, seed: int = 1, member_count: int = 35, months: int = 12, today: date | None = None,
               name: str = "Chi bộ bản Nà Khum") -> DemoSummary:
    """Fill an empty book with a demo cell named `name` (a village cell: "Chi bộ bản …")."""
    if member_count < 10:
        raise ValueError("a demo cell has at least 10 members")
    rng = random.Random(seed)
    today = today or date.today()
    start = _month_start(today, months)
    init_book(book, name=name, superior_name="Đảng bộ xã Sơn Cao", place_name="Sơn Cao")
    with book.session() as db:
        ids = _demo_members(db, rng, member_count, start, today, months)
        docs = _demo_documents(db, start, today, months)
        presenters = [
            Presenter(full_name="Lường Văn Khăm", title="Phó Bí thư Thường trực Đảng ủy xã", organisation="Đảng ủy xã Sơn Cao"),
            Presenter(full_name="Hoàng Thị Thủy", title="Trưởng Ban Tuyên giáo Đảng ủy xã", organisation="Đảng ủy xã Sơn Cao"),
        ]
        db.add_all(presenters)
        db.flush()
        count = _demo_sessions(db, rng, ids, docs, presenters, start, today, months)
        _demo_essays_and_plans(db, rng, ids, docs, start, today)
        _demo_outreach(db, rng, docs, start, today)
    return DemoSummary(member_count, count, len(docs))


def _demo_members(db, rng, count, start, today, months) -> dict[str, list[str]]:
    taken: set[str] = set()
    peoples = [p for p, w in PEOPLE_WEIGHTS.items() for _ in range(w)]
    ids: dict[str, list[str]] = {"all": [], "officers": [], "left": [], "probationary": []}
    long_before = start - timedelta(days=400)
    # The first names are fixed so tests and screenshots can rely on them.
    fixed = [("Giàng A Páo", "Hmông", False), ("Nguyễn Thị Hường", "Kinh", True), ("Lò Thị Ỷ", "Thái", True),
             ("Vương Thị Vỹ", "Giáy", True), ("Hà Văn Sự", "Tày", False)]
    taken.update(name for name, _, _ in fixed)
    for index in range(count):
        if index < len(fixed):
            name, people, female = fixed[index]
        else:
            people = rng.choice(peoples)
            female = rng.random() < 0.35
            name = _name(rng, people, female, taken)
        role = "full"
        if index in (5, 6):
            role = "exempt"
        elif index in (7, 8):
            role = "probationary"
        elif index == 9:
            role = "attached"
        elif index == 10:
            role = "left"
        born = rng.randint(1940, 1952) if role == "exempt" else rng.randint(1965, 2000)
        birth = date(born, rng.randint(1, 12), rng.randint(1, 28))
        admitted = date(max(born + 19, 1975) + rng.randint(0, 15), rng.randint(1, 12), rng.randint(1, 28))
        if role == "probationary":
            admitted = today - timedelta(days=rng.randint(90, 300))
        else:
            admitted = min(admitted, today - timedelta(days=2 * 365))
        position = {0: CellPosition.SECRETARY, 1: CellPosition.DEPUTY, 2: CellPosition.COMMITTEE}.get(index, CellPosition.MEMBER)
        joined = min(admitted, long_before) if role != "probationary" else admitted
        if role == "attached":
            joined = _month_start(today, max(1, months // 3))
        status = {"probationary": MemberStatus.PROBATIONARY, "attached": MemberStatus.ATTACHED}.get(role, MemberStatus.FULL)
        member = members.add_member(
            db,
            full_name=name,
            sex="Nữ" if female else "Nam",
            birth_date=birth,
            ethnicity=people,
            card_number=f"{rng.randint(10_000_000, 99_999_999)}" if role != "probationary" else "",
            admitted_on=admitted,
            official_on=None if role == "probationary" else admitted + timedelta(days=365),
            phone=f"09{rng.randint(10_000_000, 99_999_999)}",
            position=position,
            status=status,
            joined_on=joined,
        )
        if role == "exempt":
            members.change_status(db, member.id, MemberStatus.EXEMPT, start - timedelta(days=200), note="Tuổi cao, sức yếu")
        if role == "left":
            members.leave(db, member.id, _month_start(today, max(1, months // 2)) + timedelta(days=14),
                          LeftReason.TRANSFERRED, note="Chuyển sinh hoạt về Chi bộ bản Phiêng Lằn")
            ids["left"].append(member.id)
        if role == "probationary":
            ids["probationary"].append(member.id)
        if index < 3:
            ids["officers"].append(member.id)
        ids["all"].append(member.id)
    return ids


def _demo_documents(db, start, today, months) -> list:
    span = (today - start).days
    specs = [
        ("05-CT/TU", "Chỉ thị của Ban Thường vụ Tỉnh ủy về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, "
         "chống ma túy trên địa bàn tỉnh", IssuingLevel.PROVINCE, 0.05),
        ("57-NQ/TW", "Nghị quyết về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi số quốc gia",
         IssuingLevel.CENTRAL, 0.25),
        ("12-KH/ĐU", "Kế hoạch của Đảng ủy xã về phát triển kinh tế rừng gắn với giảm nghèo bền vững giai đoạn 2026–2030",
         IssuingLevel.COMMUNE, 0.5),
        ("18-KL/TW", "Kết luận về tiếp tục đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh",
         IssuingLevel.CENTRAL, 0.75),
    ]
    docs = []
    for symbol, title, level, at in specs:
        issued = start + timedelta(days=int(span * at))
        docs.append(documents.add_document(db, number_symbol=symbol, title=title, issuing_level=level,
                                           issued_on=issued, deadline=issued + timedelta(days=75)))
    return docs


def _demo_sessions(db, rng, ids, docs, presenters, start, today, months) -> int:
    chair, deputy = ids["officers"][0], ids["officers"][1]
    created = 0
    studies: list = []
    for offset in range(months):
        month = _month_start(start, -offset)
        day = month + timedelta(days=4)
        if day >= today:
            break
        covered = [d for d in docs if d.issued_on and month <= d.issued_on + timedelta(days=20) < _month_start(month, -1)]
        meeting = meetings.create_session(
            db, kind=SessionKind.REGULAR, held_on=day, form=SessionForm.COMBINED if covered else SessionForm.IN_PERSON,
            place=f"Nhà văn hóa {local_unit(db).name.removeprefix('Chi bộ ').strip()}", start_time=time(19, 30), end_time=time(21, 15), chair_id=chair,
            secretary_id=deputy, presenter_id=presenters[offset % 2].id if covered else None,
            document_ids=[d.id for d in covered],
            agenda="1. Đánh giá kết quả lãnh đạo thực hiện nhiệm vụ tháng trước.\n2. Phương hướng nhiệm vụ tháng tới."
            + ("\n3. Học tập, quán triệt văn bản của cấp trên." if covered else ""),
        )
        _attend(db, rng, meeting, nobody_absent=offset == 2)
        for speaker in rng.sample(ids["officers"] + ids["all"][11:20], 3):  # members present all year
            meetings.add_speech(db, meeting.id, rng.choice(SPEECHES), member_id=speaker)
        meeting.conclusion = ("Chi bộ thống nhất đánh giá kết quả tháng qua; giao các đồng chí chi ủy viên "
                              "theo dõi, đôn đốc thực hiện nhiệm vụ tháng tới.")
        meeting.minutes_approved = True
        meeting.number_symbol = f"{offset + 1:02d}-BB/CB"
        db.add(meeting)
        present = session_figures(db, meeting.id).present_total
        meetings.record_votes(db, meeting.id, present, 0, 0)
        created += 1
        if covered:
            studies.append(meeting)
    # Make-ups for every study but the newest, which still has members to catch up.
    for study in studies[:-1]:
        try:
            makeup = meetings.create_makeup_session(db, study.id, study.held_on + timedelta(days=10), place="Nhà bí thư chi bộ",
                                                    start_time=time(20, 0), end_time=time(21, 30), chair_id=chair, secretary_id=deputy)
        except ValidationError:
            continue  # nobody left to make up
        invited = [a for a in meetings.attendance(db, makeup.id)]
        if len(invited) > 1:  # one member still misses the make-up
            meetings.record_attendance(db, makeup.id, invited[-1].member_id, AttendanceState.ABSENT_EXCUSED, "Đi làm ăn xa")
        created += 1
    return created


def _attend(db, rng, meeting, *, nobody_absent: bool) -> None:
    meetings.mark_all_present(db, meeting.id)
    if nobody_absent:
        return
    called = [a for a in meetings.attendance(db, meeting.id) if a.state == AttendanceState.PRESENT]
    absent = {}
    for row in rng.sample(called, min(len(called), rng.randint(1, 4))):
        if rng.random() < 0.75:
            absent[row.member_id] = (AttendanceState.ABSENT_EXCUSED, rng.choice(ABSENCE_REASONS))
        else:
            absent[row.member_id] = (AttendanceState.ABSENT_UNEXCUSED, "")
    meetings.record_roll_call(db, meeting.id, absent)


def _demo_essays_and_plans(db, rng, ids, docs, start, today) -> None:
    grades = ["Tốt"] * 4 + ["Khá"] * 4 + ["Đạt"] * 2 + ["Chưa đạt"]
    for document in docs:
        figures = document_figures(db, document.id, today)
        for study in figures.studied:
            if rng.random() < 0.9:
                essays.record_essay(db, study.member_id, document.id, grade=rng.choice(grades),
                                    submitted_on=min(today, study.held_on + timedelta(days=7)))
    main = docs[1]
    plan = plans.create_plan(db, title=f"Chương trình hành động thực hiện Nghị quyết {main.number_symbol}",
                             year=main.issued_on.year, document_id=main.id, adopted_on=main.issued_on + timedelta(days=30),
                             number_symbol="01-CTr/CB")
    items = [
        ("Tổ chức học tập, quán triệt nghị quyết cho 100% đảng viên", "100% đảng viên", ItemStatus.DONE, 30),
        ("Hướng dẫn các hộ cài đặt và sử dụng ứng dụng dịch vụ công trên điện thoại", "60% số hộ", ItemStatus.IN_PROGRESS, 120),
        ("Lắp đặt điểm truy cập Internet tại nhà văn hóa bản", "1 điểm", ItemStatus.NOT_STARTED, 90),
        ("Đảng viên trẻ kèm cặp mỗi người 3 hộ dân về chuyển đổi số", "3 hộ/đảng viên", ItemStatus.IN_PROGRESS, 200),
        ("Sơ kết 6 tháng thực hiện chương trình", "Báo cáo sơ kết", ItemStatus.NOT_STARTED, 180),
        ("Đưa thông tin nông sản của bản lên sàn thương mại điện tử", "2 sản phẩm", ItemStatus.NOT_STARTED, 400),
    ]
    base = main.issued_on + timedelta(days=30)
    for content, target, status, days in items:
        plans.add_item(db, plan.id, content=content, target=target, owner_id=rng.choice(ids["officers"]),
                       deadline=base + timedelta(days=days), status=status)
    for member_id in ids["officers"]:
        personal = plans.create_plan(db, title="Kế hoạch hành động cá nhân", year=today.year, member_id=member_id,
                                     adopted_on=date(today.year, 1, 15))
        plans.add_item(db, personal.id, content="Tham gia đầy đủ sinh hoạt chi bộ và học tập nghị quyết", target="100% buổi",
                       deadline=date(today.year, 12, 31), status=ItemStatus.IN_PROGRESS)
        plans.add_item(db, personal.id, content="Phụ trách, vận động nhóm hộ thực hiện quy ước của bản", target="15 hộ",
                       deadline=date(today.year, 6, 30), status=rng.choice([ItemStatus.DONE, ItemStatus.IN_PROGRESS]))


def _demo_outreach(db, rng, docs, start, today) -> None:
    for document in docs:
        if document.issued_on + timedelta(days=30) >= today:
            continue
        outreach.add_outreach(db, kind=OutreachKind.MEETING, held_on=document.issued_on + timedelta(days=30),
                              audience=rng.randint(60, 140), document_id=document.id,
                              description=f"Hội nghị tuyên truyền {document.number_symbol} cho nhân dân trong bản")
        outreach.add_outreach(db, kind=OutreachKind.BROADCAST, held_on=document.issued_on + timedelta(days=25),
                              audience=rng.randint(200, 400), quantity=rng.randint(4, 10), document_id=document.id,
                              description="Phát trên loa của bản bằng tiếng Việt và tiếng Mông")
    outreach.add_outreach(db, kind=OutreachKind.SOCIAL, held_on=today - timedelta(days=20), audience=rng.randint(80, 150),
                          quantity=3, description="Đăng tin trên nhóm Zalo của bản")
    outreach.add_outreach(db, kind=OutreachKind.POSTER, held_on=start + timedelta(days=40), audience=0, quantity=2,
                          description="Pa nô tuyên truyền phòng, chống ma túy ở đầu bản")
