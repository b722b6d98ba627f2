from datetime import date

import pytest

from chibo.errors import NotFoundError, ValidationError
from chibo.services import members
from chibo.services.lookups import resolve
from chibo.services.roll import Roll
from chibo.store.models import Member
from chibo.vocabulary import LeftReason, MemberStatus


def test_add_member_normalises_text_and_keeps_the_joining_status(db):
    m = members.add_member(db, full_name="  Nguye\u0302\u0303n   Thị  Hường ", birth_date="05/02/1980", sex="nữ",
                           joined_on="01/03/2019", status=MemberStatus.PROBATIONARY)
    assert m.full_name == "Nguyễn Thị Hường"
    assert m.birth_year == 1980 and m.sex == "Nữ"
    roll = Roll.load(db)
    assert roll.status(m.id, date(2019, 2, 28)) is None
    assert roll.status(m.id, date(2019, 3, 1)) == MemberStatus.PROBATIONARY


@pytest.mark.parametrize(
    "fields, message",
    [
        ({"full_name": ""}, "Chưa nhập họ và tên"),
        ({"full_name": "A", "sex": "khác"}, "Giới tính"),
        ({"full_name": "A", "birth_date": "31/02/1980"}, "Ngày sinh"),
        ({"full_name": "A", "admitted_on": "01/01/2010", "official_on": "01/01/2009"}, "trước ngày vào Đảng"),
        ({"full_name": "A", "birth_date": "01/01/2000", "admitted_on": "01/01/2005"}, "quá sớm"),
        ({"full_name": "A", "official_on": "01/01/2099"}, "tương lai"),
        ({"full_name": "A", "position": "chu_tich"}, "chức vụ"),
    ],
)
def test_bad_member_input_is_refused_and_nothing_is_written(book, fields, message):
    with pytest.raises(ValidationError, match=message), book.session() as db:
        members.add_member(db, **fields)
    with book.session() as db:
        assert members.list_members(db) == []


def test_status_changes_build_a_history_and_left_members_stay_in_it(db):
    m = members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2024", status=MemberStatus.PROBATIONARY,
                           admitted_on="01/01/2024")
    members.change_status(db, m.id, MemberStatus.FULL, "01/01/2025")
    assert m.official_on == date(2025, 1, 1)
    members.leave(db, m.id, "15/06/2026", LeftReason.TRANSFERRED, note="Chuyển về xã khác")
    history = [(c.effective_on, c.status) for c in members.status_history(db, m.id)]
    assert history == [(date(2024, 1, 1), "du_bi"), (date(2025, 1, 1), "chinh_thuc"), (date(2026, 6, 15), "da_roi")]
    rows = members.list_members(db)
    assert rows[0].status == MemberStatus.LEFT
    assert members.list_members(db, include_left=False) == []


def test_status_change_edges_are_refused(db):
    m = members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2024")
    with pytest.raises(ValidationError, match="trước ngày"):
        members.change_status(db, m.id, MemberStatus.EXEMPT, "01/01/2023")
    with pytest.raises(ValidationError, match="đã ở tình trạng này"):
        members.change_status(db, m.id, MemberStatus.FULL, "01/02/2024")
    with pytest.raises(ValidationError, match="lý do rời"):
        members.change_status(db, m.id, MemberStatus.LEFT, "01/02/2024")
    members.leave(db, m.id, "01/03/2024", LeftReason.DECEASED)
    with pytest.raises(ValidationError, match="đã rời chi bộ"):
        members.change_status(db, m.id, MemberStatus.EXEMPT, "01/04/2024")


def test_register_is_in_given_name_order_and_search_ignores_accents(db):
    for name in ["Nguyễn Thị Páo", "Nguyễn Thị Hường", "Giàng A Páo", "Lò Văn An", "Đặng Văn Đức"]:
        members.add_member(db, full_name=name, joined_on="01/01/2020")
    names = [r.member.full_name for r in members.list_members(db)]
    assert names == ["Lò Văn An", "Đặng Văn Đức", "Nguyễn Thị Hường", "Giàng A Páo", "Nguyễn Thị Páo"]
    assert [r.member.full_name for r in members.list_members(db, query="nguyen thi huong")] == ["Nguyễn Thị Hường"]
    assert [r.member.full_name for r in members.list_members(db, query="dang duc")] == ["Đặng Văn Đức"]
    assert [r.member.full_name for r in members.list_members(db, query="PAO")] == ["Giàng A Páo", "Nguyễn Thị Páo"]


def test_filter_by_status(db):
    a = members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020")
    members.add_member(db, full_name="Giàng A Páo", joined_on="01/01/2020", status=MemberStatus.EXEMPT)
    rows = members.list_members(db, statuses={"chinh_thuc"})
    assert [r.member.id for r in rows] == [a.id]


def test_removed_member_disappears_and_ids_resolve_by_prefix(db):
    a = members.add_member(db, full_name="Lò Văn An", joined_on="01/01/2020")
    assert resolve(db, Member, a.id[:6]).id == a.id
    with pytest.raises(NotFoundError, match="quá ngắn"):
        resolve(db, Member, a.id[:2])
    members.remove_member(db, a.id)
    assert members.list_members(db) == []
    with pytest.raises(NotFoundError, match="Không có đảng viên"):
        resolve(db, Member, a.id[:6])
