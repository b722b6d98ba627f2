"""A fictitious, realistic highland cell for trying chibo out and for tests and benchmarks.

Deterministic: the same seed and the same `today` give the same book. The names follow the
naming customs of the area's peoples (`demo_names`); every session keeps the rules of a session
(`demo_sessions`); every figure shown later is computed from these rows. The whole cell is written
in one transaction, and the originals of its papers are written outside the data folder until that
transaction is about to commit, so a demo stopped half-way (a power cut, a killed process) leaves
the folder as it was, and `chibo demo` can simply be run again.

The documents of the Party's centre are real, with their real numbers, dates and subjects; the
province's and the commune's are fictitious, like the cell, and say so in their note.
"""

from __future__ import annotations

import contextlib
import random
import shutil
import tempfile
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from chibo.errors import ChiboError, ValidationError
from chibo.services import documents, essays, members, outreach, plans
from chibo.services.demo_names import PEOPLE_WEIGHTS, NamePool
from chibo.services.demo_sessions import build_sessions, month_start
from chibo.services.figures import document_figures
from chibo.services.keys import unit_keys
from chibo.services.lookups import alive
from chibo.services.units import create_unit
from chibo.store.book import Book
from chibo.store.models import Presenter
from chibo.vocabulary import (
    DOCUMENT_KIND_LABELS,
    CellPosition,
    IssuingLevel,
    ItemStatus,
    LeftReason,
    MemberStatus,
    OutreachKind,
    label,
)

MIN_MEMBERS, MAX_MEMBERS = 5, 300
MAX_MONTHS = 120

# Documents of the Bộ Chính trị, as issued: number-symbol, date, subject (the title without kind and number).
REAL_DOCUMENTS = [
    ("01-KL/TW", date(2021, 5, 18), "về tiếp tục thực hiện Chỉ thị số 05-CT/TW của Bộ Chính trị khóa XII về "
     "“Đẩy mạnh học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh”"),
    ("34-KL/TW", date(2022, 4, 18), "về Chiến lược công tác kiểm tra, giám sát của Đảng đến năm 2030"),
    ("57-NQ/TW", date(2024, 12, 22), "về đột phá phát triển khoa học, công nghệ, đổi mới sáng tạo và chuyển đổi "
     "số quốc gia"),
    ("68-NQ/TW", date(2025, 5, 4), "về phát triển kinh tế tư nhân"),
]
FICTITIOUS_NOTE = "Văn bản hư cấu của chi bộ mẫu, không phải văn bản có thật."
EARLIEST_STUDY = 8  # months: a real document issued this long before the demo's first month is still studied in it

# Members past the first 35 take these statuses in turn, one in every 15 (a large cell has more of each).
LATER_ROLES = ("probationary", "exempt", "attached", "left", "away")


@dataclass
class DemoSummary:
    members: int
    sessions: int
    documents: int


def build_demo(book: Book, *, seed: int = 1, member_count: int = 35, months: int = 12, today: date | None = None,
               name: str = "Chi bộ bản Nà Khum", progress: Callable[[str], None] | None = None) -> DemoSummary:
    """Fill an empty book with a demo cell named `name` (a village cell: "Chi bộ bản …"), all or
    nothing. `progress` hears a sentence now and then while a large cell is written."""
    if not MIN_MEMBERS <= member_count <= MAX_MEMBERS:
        raise ValidationError(f"Chi bộ mẫu cần từ {MIN_MEMBERS} đến {MAX_MEMBERS} đảng viên "
                              f"(đã yêu cầu {member_count}).")
    if not 1 <= months <= MAX_MONTHS:
        raise ValidationError(f"Chi bộ mẫu ghi từ 1 đến {MAX_MONTHS} tháng sinh hoạt (đã yêu cầu {months}).")
    if book.local_unit_id:
        raise ChiboError(f"Thư mục {book.folder} đã có dữ liệu; chi bộ mẫu chỉ tạo trong thư mục trống. "
                         "Hãy dùng --data-dir với một thư mục mới.")
    say = progress or (lambda _message: None)
    rng = random.Random(seed)
    today = today or date.today()
    start = month_start(today, months)
    staging = Path(tempfile.mkdtemp(prefix="chibo-demo-"))  # the papers' originals until the commit
    placed: list[Path] = []
    try:
        with book.session() as db:  # one transaction: all of the cell or none of it
            unit = create_unit(db, name=name, superior_name="Đảng bộ xã Sơn Cao", place_name="Sơn Cao")
            unit_keys(db, book.folder)  # born with its keys, as `init_book` makes a unit
            ids = _demo_members(db, rng, member_count, start, today, months)
            say(f"Đã ghi {member_count} đảng viên; đang ghi các văn bản và buổi sinh hoạt…")
            docs = _demo_documents(db, start, today)
            presenters = [
                Presenter(full_name="Lường Văn Khăm", title="Phó Bí thư Thường trực Đảng ủy xã",
                          organisation="Đảng ủy xã Sơn Cao"),
                Presenter(full_name="Hoàng Thị Thủy", title="Trưởng Ban Tuyên giáo Đảng ủy xã",
                          organisation="Đảng ủy xã Sơn Cao"),
            ]
            db.add_all(presenters)
            db.flush()
            count = build_sessions(db, rng, ids, docs, presenters, start, today, months, say)
            _demo_essays_and_plans(db, rng, ids, docs, today)
            _demo_outreach(db, rng, docs, start, today)
            say("Đang cấp số và lưu bản gốc các biên bản, chương trình…")
            _demo_papers(db, staging)
            _place_originals(staging, book.folder, placed)  # last: stopped before, no file is left behind
    except BaseException:
        for path in placed:
            path.unlink(missing_ok=True)
        for path in [*sorted({p.parent for p in placed}), Path(book.folder) / "issued"]:
            with contextlib.suppress(OSError):
                path.rmdir()  # only folders the demo made and left empty
        raise
    finally:
        shutil.rmtree(staging, ignore_errors=True)
    book.local_unit_id = unit.id
    return DemoSummary(member_count, count, len(docs))


def _place_originals(staging: Path, folder: Path, placed: list[Path]) -> None:
    """Move the originals issued into `staging` to the archive of the data folder, each path in
    `placed` once written (so a failure before the commit can take them out again)."""
    from chibo.services.issuing import archive_folder, place_original

    source = archive_folder(staging)
    for original in sorted(source.rglob("*.pdf")):
        target = archive_folder(folder) / original.relative_to(source)
        place_original(folder, target, original.read_bytes())
        placed.append(target)


def _demo_papers(db, folder: Path) -> None:
    """The minutes of every session and the programme of the current term, issued as the cell
    would have issued them: in date order, each archived (under `folder`, a staging folder the
    originals leave only when the demo is about to commit), so the register holds their originals
    and a reprint is the original."""
    from chibo.reports.papers import build_paper
    from chibo.services.numbering import term_start
    from chibo.services.sessions import list_sessions
    from chibo.store.models import ActionPlan

    papers = [(m.held_on, "minutes", m.id) for m in list_sessions(db)]
    papers += [(p.adopted_on, "plan", p.id) for p in db.exec(alive(ActionPlan).where(ActionPlan.member_id.is_(None)))]
    start = term_start(db)  # the papers of an earlier term were numbered in that term's own register
    for _day, kind, record_id in sorted(p for p in papers if p[0] >= start):
        build_paper(db, folder, kind, record_id, issue=True)


def _role(index: int) -> str:
    fixed = {5: "exempt", 6: "exempt", 7: "probationary", 8: "probationary", 9: "attached", 10: "left"}
    if index in fixed:
        return fixed[index]
    if index >= 35 and index % 15 == 0:
        return LATER_ROLES[(index // 15) % len(LATER_ROLES)]
    return "full"


def _demo_members(db, rng, count, start, today, months) -> dict[str, list[str]]:
    names = NamePool(rng)
    peoples = [p for p, w in PEOPLE_WEIGHTS.items() for _ in range(w)]
    ids: dict[str, list[str]] = {"all": [], "officers": [], "left": [], "probationary": []}
    long_before = start - timedelta(days=400)
    # The first names are fixed so tests and screenshots can rely on them.
    fixed = [("Giàng A Páo", "Hmông", False), ("Nguyễn Thị Hường", "Kinh", True), ("Lò Thị Ỷ", "Thái", True),
             ("Vương Thị Vỹ", "Giáy", True), ("Hà Văn Sự", "Tày", False)]
    names.taken.update(name for name, _, _ in fixed)
    for index in range(count):
        if index < len(fixed):
            name, people, female = fixed[index]
        else:
            female = rng.random() < 0.35
            name, people = names.take(rng.choice(peoples), female)
        role = _role(index)
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
            joined = month_start(today, max(1, months // 3))
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
        if role == "away":
            members.change_status(db, member.id, MemberStatus.AWAY, month_start(today, max(1, months // 4)),
                                  note="Đi làm ăn xa, sinh hoạt tạm thời ở chi bộ nơi làm việc")
        if role == "left":
            members.leave(db, member.id, month_start(today, max(1, months // 2)) + timedelta(days=14),
                          LeftReason.TRANSFERRED, note="Chuyển sinh hoạt về Chi bộ bản Phiêng Lằn")
            ids["left"].append(member.id)
        if role == "probationary":
            ids["probationary"].append(member.id)
        if index < 3:
            ids["officers"].append(member.id)
        ids["all"].append(member.id)
    return ids


def _demo_documents(db, start: date, today: date) -> list:
    """The real documents of the centre the demo's months can study, and two fictitious local ones."""
    span = max((today - start).days, 1)
    earliest = month_start(start, EARLIEST_STUDY)
    specs = [(symbol, issued, title, IssuingLevel.CENTRAL, "", "Bộ Chính trị") for symbol, issued, title in REAL_DOCUMENTS
             if earliest <= issued <= today - timedelta(days=30)]
    province = start + timedelta(days=int(span * 0.05))
    commune = start + timedelta(days=int(span * 0.5))
    specs += [
        ("05-CT/TU", province, "về tăng cường sự lãnh đạo của Đảng đối với công tác phòng, chống ma túy trên địa "
         "bàn tỉnh", IssuingLevel.PROVINCE, FICTITIOUS_NOTE, "Ban Thường vụ Tỉnh ủy"),
        ("12-KH/ĐU", commune, f"về phát triển kinh tế rừng gắn với giảm nghèo bền vững giai đoạn {commune.year}–"
         f"{commune.year + 4}", IssuingLevel.COMMUNE, FICTITIOUS_NOTE, "Ban Chấp hành Đảng bộ xã"),
    ]
    docs = []
    for symbol, issued, title, level, note, issuer in sorted(specs, key=lambda spec: spec[1]):
        # The upper level's deadline for the cell: two months after the cell can first study it.
        ready = max(issued + timedelta(days=20), start)
        docs.append(documents.add_document(db, number_symbol=symbol, title=title, issuing_level=level, issuer=issuer,
                                           issued_on=issued, deadline=ready + timedelta(days=60), note=note))
    return docs


def _demo_essays_and_plans(db, rng, ids, docs, today) -> None:
    grades = ["Tốt"] * 4 + ["Khá"] * 4 + ["Đạt"] * 2 + ["Chưa đạt"]
    for document in docs:
        figures = document_figures(db, document.id, today)
        for study in figures.studied:
            if rng.random() < 0.9:
                essays.record_essay(db, study.member_id, document.id, grade=rng.choice(grades),
                                    submitted_on=min(today, study.held_on + timedelta(days=7)))
    main = next((d for d in docs if d.number_symbol == "57-NQ/TW"), docs[0])
    studied = [s.held_on for s in document_figures(db, main.id, today).studied]
    adopted = min(today, (min(studied) if studied else max(main.issued_on, today - timedelta(days=60)))
                  + timedelta(days=10))
    plan = plans.create_plan(db, title=f"Chương trình hành động thực hiện {label(main.kind, DOCUMENT_KIND_LABELS)} số "
                                   f"{main.number_symbol} của {main.issuer}",
                             year=adopted.year, document_id=main.id, adopted_on=adopted)
    items = [
        ("Tổ chức học tập, quán triệt nghị quyết cho 100% đảng viên", "100% đảng viên", ItemStatus.DONE, 30),
        ("Hướng dẫn các hộ cài đặt và sử dụng ứng dụng dịch vụ công trên điện thoại", "60% số hộ", ItemStatus.IN_PROGRESS, 120),
        ("Lắp đặt điểm truy cập Internet tại nhà văn hóa bản", "1 điểm", ItemStatus.NOT_STARTED, 90),
        ("Đảng viên trẻ kèm cặp mỗi người 3 hộ dân về chuyển đổi số", "3 hộ/đảng viên", ItemStatus.IN_PROGRESS, 200),
        ("Sơ kết 6 tháng thực hiện chương trình", "Báo cáo sơ kết", ItemStatus.NOT_STARTED, 180),
        ("Đưa thông tin nông sản của bản lên sàn thương mại điện tử", "2 sản phẩm", ItemStatus.NOT_STARTED, 400),
    ]
    for content, target, status, days in items:
        plans.add_item(db, plan.id, content=content, target=target, owner_id=rng.choice(ids["officers"]),
                       deadline=adopted + timedelta(days=days), status=status)
    for member_id in ids["officers"]:
        personal = plans.create_plan(db, title="Kế hoạch hành động cá nhân", year=today.year, member_id=member_id,
                                     adopted_on=date(today.year, 1, 15))
        plans.add_item(db, personal.id, content="Tham gia đầy đủ sinh hoạt chi bộ và học tập nghị quyết", target="100% buổi",
                       deadline=date(today.year, 12, 31), status=ItemStatus.IN_PROGRESS)
        plans.add_item(db, personal.id, content="Phụ trách, vận động nhóm hộ thực hiện quy ước của bản", target="15 hộ",
                       deadline=date(today.year, 6, 30), status=rng.choice([ItemStatus.DONE, ItemStatus.IN_PROGRESS]))


def _demo_outreach(db, rng, docs, start, today) -> None:
    for document in docs:
        held = max(document.issued_on, start) + timedelta(days=30)
        if held >= today:
            continue
        outreach.add_outreach(db, kind=OutreachKind.MEETING, held_on=held, audience=rng.randint(60, 140),
                              document_id=document.id,
                              description=f"Hội nghị tuyên truyền {document.number_symbol} cho nhân dân trong bản")
        outreach.add_outreach(db, kind=OutreachKind.BROADCAST, held_on=held - timedelta(days=5),
                              audience=rng.randint(200, 400), quantity=rng.randint(4, 10), document_id=document.id,
                              description="Phát trên loa của bản bằng tiếng Việt và tiếng Mông")
    outreach.add_outreach(db, kind=OutreachKind.SOCIAL, held_on=today - timedelta(days=20), audience=rng.randint(80, 150),
                          quantity=3, description="Đăng tin trên nhóm Zalo của bản")
    outreach.add_outreach(db, kind=OutreachKind.POSTER, held_on=start + timedelta(days=40), audience=0, quantity=2,
                          description="Pa nô tuyên truyền phòng, chống ma túy ở đầu bản")
