"""The demo cell's sessions: a regular meeting every month with its agenda items, speeches and
vote, the cell's documents studied as items of those meetings, and make-ups for who missed them.

Every session keeps the rules of a session: the chair (the secretary, or the deputy when the
secretary is away) and the minute-taker are present, speakers and presenters are present, and
the vote is cast by the voting members present (`figures.count_attendance`, the same count the
minutes print), so the demo's minutes all print.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from chibo.errors import ValidationError
from chibo.services import agenda, sessions
from chibo.services.figures import count_attendance
from chibo.services.lookups import local_unit
from chibo.services.roll import Roll
from chibo.services.session_save import AgendaItemInput, SessionInput, SpeechInput, save_session
from chibo.services.settings import load_rules
from chibo.store.models import Member
from chibo.text import body_date
from chibo.vocabulary import DOCUMENT_KIND_LABELS, REQUIRED_STATUSES, AttendanceState, SessionForm, SessionKind, label

ABSENCE_REASONS = ["Ốm", "Đi làm nương xa", "Đi viện chăm người nhà", "Đi tập huấn ở xã", "Đi làm ăn xa",
                   "Nhà có việc hiếu", "Đi họp ở xã"]
REPORTS = [
    "Báo cáo kết quả lãnh đạo thực hiện nhiệm vụ chính trị, công tác xây dựng Đảng tháng qua: bản hoàn thành "
    "việc phát quang đường liên bản, thu quỹ đảng phí đầy đủ; còn hai hộ chưa đăng ký trồng rừng.",
    "Báo cáo kết quả tháng qua: an ninh trật tự ổn định, các hộ đã gieo cấy xong lúa mùa; tỷ lệ học sinh đi học "
    "đầy đủ; còn tình trạng thả rông gia súc.",
    "Báo cáo kết quả tháng qua: chi bộ vận động được 12 hộ làm chuồng trại xa nhà, hoàn thành tiêm phòng cho đàn "
    "gia súc; việc vệ sinh môi trường ở nhóm 2 còn chậm.",
]
PLANS = [
    "Dự kiến phương hướng tháng tới là vận động bà con chăm sóc rừng trồng mới, làm đường bê tông nội bản, "
    "phòng chống rét cho gia súc.",
    "Dự kiến phương hướng tháng tới là đôn đốc thu hoạch vụ mùa, hướng dẫn các hộ đăng ký hỗ trợ giống cây, "
    "tuyên truyền phòng chống ma túy.",
]
SPEECHES = {  # what members say on each kind of item
    "report": [
        "Nhất trí với báo cáo của chi ủy. Đề nghị chi bộ quan tâm hơn đến việc hướng dẫn bà con chăm sóc rừng "
        "trồng mới, nhất là các hộ ở xa trung tâm bản.",
        "Việc thu quỹ đảng phí tháng này đã đầy đủ. Đề nghị các đồng chí đảng viên gương mẫu vận động gia đình "
        "tham gia làm đường liên bản.",
        "Tình hình an ninh trật tự trên địa bàn ổn định. Cần tiếp tục tuyên truyền để bà con không nghe theo kẻ "
        "xấu, không tham gia truyền đạo trái phép.",
        "Báo cáo cần nêu rõ hơn các hộ còn thả rông gia súc để chi bộ phân công đảng viên đến vận động.",
    ],
    "plan": [
        "Đề nghị chi bộ phân công đảng viên phụ trách từng nhóm hộ để nắm tình hình học sinh bỏ học.",
        "Về chương trình giảm nghèo, cần rà soát lại danh sách hộ nghèo, cận nghèo trước khi xã tổng hợp.",
        "Đề nghị giao cho chi đoàn thanh niên nhận làm đoạn đường vào khu sản xuất.",
    ],
    "study": [
        "Nhất trí với nội dung văn bản; tôi xin nhận trách nhiệm tuyên truyền cho các hộ ở nhóm 3.",
        "Đề nghị báo cáo viên nói rõ thêm những việc đảng viên ở bản cần làm ngay để thực hiện văn bản.",
        "Tôi sẽ phổ biến lại nội dung cho bà con bằng tiếng dân tộc trong buổi họp bản tới.",
    ],
}
CONCLUSIONS = [
    "Chi bộ thống nhất với báo cáo; giao các đồng chí chi ủy viên theo dõi, đôn đốc các nhóm hộ thực hiện.",
    "Chi bộ thống nhất phương hướng tháng tới; mỗi đảng viên nhận phụ trách nhóm hộ như đã phân công.",
]


def month_start(day: date, months_back: int) -> date:
    index = day.year * 12 + day.month - 1 - months_back
    return date(index // 12, index % 12 + 1, 1)


def _study_months(docs, start: date, months: int, today: date) -> dict[int, list]:
    """Which month's meeting studies which document: the first meeting 20 days after its issue,
    one document a month when they crowd."""
    by_month: dict[int, list] = {}
    for document in docs:
        ready = max(document.issued_on + timedelta(days=20), start)
        for offset in range(months):
            day = month_start(start, -offset) + timedelta(days=4)
            if day >= today:
                break
            if day >= ready and offset not in by_month:
                by_month[offset] = [document]
                break
    return by_month


def build_sessions(db, rng, ids, docs, presenters, start, today, months, say) -> int:
    """Every month's regular meeting, then make-ups for every study but the newest. Returns the count."""
    rules = load_rules(db)
    roll = Roll.load(db)
    names = {member_id: db.get(Member, member_id).full_name for member_id in ids["all"]}
    secretary, deputy, committee = (ids["officers"] + [None, None, None])[:3]
    place = f"Nhà văn hóa {local_unit(db).name.removeprefix('Chi bộ ').strip()}"
    studies = _study_months(docs, start, months, today)
    created, studied = 0, []
    for offset in range(months):
        day = month_start(start, -offset) + timedelta(days=4)
        if day >= today:
            break
        called = roll.on_roll(day)
        marks = _roll_call(rng, called, ids["all"], secretary, deputy, nobody_absent=offset == 2, secretary_away=offset == 4)
        present = [m for m in ids["all"] if marks.get(m, ("", ""))[0] == AttendanceState.PRESENT]
        chair = secretary if secretary in present else deputy
        minute_taker = next(m for m in (deputy, committee, *present) if m in present and m != chair)
        covered = studies.get(offset, [])
        items = _agenda(rng, day, present, chair, minute_taker, covered, presenters, offset)
        figures = count_attendance("", called, marks, names, rules)
        voters = figures.quorum.present
        votes = (voters, 0, 0) if rng.random() < 0.85 else (voters - 1, 0, 1)
        session = save_session(db, None, SessionInput(
            fields={"kind": SessionKind.REGULAR, "held_on": day, "form": SessionForm.COMBINED if covered else
                    SessionForm.IN_PERSON, "place": place, "start_time": time(19, 30), "end_time": time(21, 15),
                    "chair_id": chair, "secretary_id": minute_taker,
                    "presenter_id": presenters[offset % 2].id if covered else None,
                    "conclusion": "Chi bộ thống nhất ban hành nghị quyết tháng; giao chi ủy theo dõi, đôn đốc việc "
                                  "thực hiện.",
                    "minutes_approved": True},
            document_ids=[d.id for d in covered], marks=marks, items=items, votes=votes))
        created += 1
        if covered:
            studied.append(session)
        if offset % 12 == 11:
            say(f"Đã ghi {offset + 1}/{months} tháng sinh hoạt…")
    return created + _makeups(db, studied[:-1], secretary, deputy)


def _roll_call(rng, called, order, secretary, deputy, *, nobody_absent: bool, secretary_away: bool) -> dict:
    """Everyone present but one to four members (never the secretary and the deputy together), or
    nobody absent at all; exempt members and those attending elsewhere keep their own state.
    Members are drawn in `order` (the order they were made), not by id: ids are random, so a draw
    over ids gave another cell on every build of the same seed."""
    marks = {m: (sessions.default_state(status), "") for m, status in called.items()}
    if nobody_absent:
        return marks
    required = [m for m in order if called.get(m) in REQUIRED_STATUSES and m not in (secretary, deputy)]
    for member_id in rng.sample(required, min(len(required) - 2, rng.randint(1, 4))) if len(required) > 2 else []:
        if rng.random() < 0.75:
            marks[member_id] = (AttendanceState.ABSENT_EXCUSED, rng.choice(ABSENCE_REASONS))
        else:
            marks[member_id] = (AttendanceState.ABSENT_UNEXCUSED, "")
    if secretary_away and secretary in marks:
        marks[secretary] = (AttendanceState.ABSENT_EXCUSED, "Đi họp ở xã")
    return marks


def _agenda(rng, day, present, chair, minute_taker, covered, presenters, offset) -> list[AgendaItemInput]:
    last_month = month_start(day, 1)
    speakers = [m for m in present if m not in (chair, minute_taker)] or present

    def said(topic: str, count: int) -> list[SpeechInput]:
        count = min(count, len(speakers), len(SPEECHES[topic]))
        return [SpeechInput(text, member_id=member_id)
                for text, member_id in zip(rng.sample(SPEECHES[topic], count), rng.sample(speakers, count), strict=True)]

    items = [
        AgendaItemInput(f"Đánh giá kết quả thực hiện nhiệm vụ tháng {last_month.month}/{last_month.year}",
                        presented=rng.choice(REPORTS), conclusion=CONCLUSIONS[0], presenter_member_id=chair,
                        speeches=said("report", rng.randint(1, 3))),
        AgendaItemInput(f"Phương hướng, nhiệm vụ tháng {day.month}/{day.year}", presented=rng.choice(PLANS),
                        conclusion=CONCLUSIONS[1], presenter_member_id=minute_taker if offset % 2 else chair,
                        speeches=said("plan", rng.randint(0, 1))),
    ]
    for document in covered:
        deadline = day + timedelta(days=10)
        items.append(AgendaItemInput(
            _study_title(document),
            presented="Những nội dung cơ bản, điểm mới của văn bản; liên hệ với nhiệm vụ của chi bộ, của bản.",
            conclusion=f"Giao các đồng chí đảng viên viết bài thu hoạch, nộp chi ủy trước ngày {body_date(deadline)}; "
                       "chi ủy xây dựng chương trình hành động của chi bộ.",
            presenter_id=presenters[offset % 2].id, document_id=document.id, speeches=said("study", 1)))
    return items


def _study_title(document) -> str:
    # The demo's titles are subjects that start with "về" (services do not import the papers' wording).
    return f"Học tập, quán triệt {label(document.kind, DOCUMENT_KIND_LABELS)} số {document.number_symbol} {document.title}"


def _makeups(db, studies, secretary, deputy) -> int:
    """Make-ups for the studies given, ten days after each, run by the secretary (who presents the
    documents again) and the deputy; one member invited still misses the make-up."""
    created = 0
    for study in studies:
        try:
            makeup = sessions.create_makeup_session(
                db, study.id, study.held_on + timedelta(days=10), place="Nhà bí thư chi bộ", start_time=time(20, 0),
                end_time=time(21, 30), chair_id=secretary, secretary_id=deputy, minutes_approved=True)
        except ValidationError:
            continue  # nobody left to make up
        for document in sessions.session_documents(db, study.id):
            agenda.add_agenda_item(
                db, makeup.id, title=_study_title(document), document_id=document.id, presenter_member_id=secretary,
                presented="Truyền đạt lại những nội dung cơ bản, điểm mới của văn bản như buổi học chính.",
                conclusion="Các đồng chí học bù viết bài thu hoạch, nộp chi ủy trong 7 ngày.")
        invited = [a.member_id for a in sessions.attendance(db, makeup.id) if a.member_id not in (secretary, deputy)]
        if len(invited) > 1:
            sessions.record_attendance(db, makeup.id, invited[-1], AttendanceState.ABSENT_EXCUSED, "Đi làm ăn xa")
        created += 1
    return created
