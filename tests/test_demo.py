from collections import Counter

from chibo.services import documents, meetings, members, outreach, plans
from chibo.services.figures import document_figures, session_figures
from chibo.services.roll import Roll
from conftest import DEMO_TODAY
from chibo.vocabulary import MemberStatus, SessionKind


def test_demo_cell_has_every_case_the_issue_asks_for(demo_book):
    with demo_book.session() as db:
        rows = members.list_members(db)
        statuses = Counter(r.status for r in rows)
        assert len(rows) == 35
        assert statuses[MemberStatus.PROBATIONARY] == 2
        assert statuses[MemberStatus.EXEMPT] == 2
        assert statuses[MemberStatus.ATTACHED] == 1
        assert statuses[MemberStatus.LEFT] == 1
        assert {r.member.ethnicity for r in rows} >= {"Hmông", "Dao", "Thái", "Tày", "Giáy", "Kinh"}
        sessions = meetings.list_sessions(db)
        regular = [s for s in sessions if s.kind == SessionKind.REGULAR]
        makeups = [s for s in sessions if s.kind == SessionKind.MAKEUP]
        assert len(regular) == 12 and makeups
        docs = documents.list_documents(db)
        assert 3 <= len(docs) <= 4
        roll = Roll.load(db)
        figures = [session_figures(db, s.id, roll) for s in regular]
        absences = [a for f in figures for a in f.absences]
        assert any(f.absences == [] for f in figures)
        assert {a.state for a in absences} == {"vang_co_ly_do", "vang_khong_ly_do"}
        studied = [document_figures(db, d.id, DEMO_TODAY, roll) for d in docs]
        assert any(f.studied_in_makeup for f in studied)
        assert any(f.missing for f in studied)
        assert sum(sum(f.essays_by_grade.values()) for f in studied) > 0
        assert plans.overdue_items(db, DEMO_TODAY)
        assert plans.list_plans(db, individual=True)
        assert sum(o.audience for o in outreach.list_outreach(db)) > 0
