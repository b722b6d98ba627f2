"""The receiving level's SQL aggregates (`services.aggregates`) equal, cell by cell, the figures the
Python services give in the cell's own book (`document_figures`, `Roll`): on random small cells
(statuses changing on any day, sessions with any marks, make-ups, essays, tombstones), and on
demo cells of different seeds carried to a commune in real bundles, with a document of the
commune studied in them."""

from __future__ import annotations

from collections import Counter
from contextlib import suppress
from datetime import date, timedelta

from hypothesis import HealthCheck, event, given, settings
from hypothesis import strategies as st
from sqlmodel import col

from chibo.errors import ValidationError
from chibo.services import documents, essays, members, outreach, plans, sessions
from chibo.services.aggregates import cell_totals, study_counts
from chibo.services.figures import document_figures
from chibo.services.lookups import alive
from chibo.services.roll import Roll
from chibo.services.units import update_unit
from chibo.store.models import ActionPlan, CellSession, Document, Member
from chibo.store.records import tombstone
from chibo.sync.export import export_bundle
from chibo.sync.importer import import_bundle
from chibo.sync.summary import consolidated
from chibo.vocabulary import AttendanceState, LeftReason, MemberStatus, OutreachKind, SessionForm, SessionKind
from conftest import DEMO_TODAY, _copy_book, fingerprint_of, link


def python_figures(db, as_of: date) -> dict:
    """The figures of the book's own cell as the Python services give them."""
    roll = Roll.load(db)
    statuses = Counter(str(s) for m in db.exec(alive(Member)) if (s := roll.status(m.id, as_of)) is not None)
    held = [s for s in db.exec(alive(CellSession)) if s.held_on <= as_of]
    year = {p.member_id for p in db.exec(alive(ActionPlan).where(ActionPlan.year == as_of.year,
                                                                  col(ActionPlan.member_id).is_not(None)))}
    documents_ = {}
    for document in db.exec(alive(Document)):
        f = document_figures(db, document.id, as_of, roll)
        linked = list(db.exec(alive(ActionPlan).where(ActionPlan.document_id == document.id)))
        documents_[document.id] = {
            "number_symbol": document.number_symbol, "required": f.required, "studied": f.studied_count,
            "in_makeup": f.studied_in_makeup, "sessions": len(f.sessions), "makeups": len(f.makeups),
            "forms": dict(Counter(s.form for s in f.sessions)),
            "grades": {g: n for g, n in f.essays_by_grade.items() if n and g},
            "essays_missing": f.essays_missing, "to_rewrite": f.essays_to_rewrite, "reached": f.non_members_reached,
            "cell_plans": sum(1 for p in linked if p.member_id is None),
            "individual_plans": sum(1 for p in linked if p.member_id is not None),
            "came_after": sum(1 for m in f.missing if m.reason.startswith("vào chi bộ ngày ")),
        }
    return {"statuses": dict(statuses), "on_roll": len(roll.on_roll(as_of)), "required": len(roll.required(as_of)),
            "sessions": len(held), "makeup_sessions": sum(1 for s in held if s.kind == SessionKind.MAKEUP),
            "year_plans": len(year & set(roll.required(as_of))), "documents": documents_}


def sql_figures(totals) -> dict:
    """The same shape from the aggregates of one cell."""
    return {"statuses": totals.statuses, "on_roll": totals.on_roll, "required": totals.required,
            "sessions": totals.sessions, "makeup_sessions": totals.makeup_sessions,
            "year_plans": totals.individual_plans_year,
            "documents": {d.document_id: {
                "number_symbol": d.number_symbol, "required": d.required, "studied": d.studied,
                "in_makeup": d.studied_in_makeup, "sessions": d.sessions, "makeups": d.makeups, "forms": d.forms,
                "grades": d.essays_by_grade, "essays_missing": d.essays_missing, "to_rewrite": d.essays_to_rewrite,
                "reached": d.non_members_reached, "cell_plans": d.cell_plans,
                "individual_plans": d.individual_plans, "came_after": d.came_after} for d in totals.documents}}


# Random small cells, written through the services as a secretary would, then compared in the book.
START = date(2025, 1, 1)
STATUSES = [MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED, MemberStatus.EXEMPT]
LATER = [MemberStatus.FULL, MemberStatus.EXEMPT, MemberStatus.AWAY, MemberStatus.LEFT]
MARKS = [AttendanceState.PRESENT, AttendanceState.PRESENT, AttendanceState.ABSENT_EXCUSED,
         AttendanceState.ABSENT_UNEXCUSED, None]
days = st.integers(0, 500)
rarely = st.sampled_from([False, False, False, True])  # a tombstone now and then

_member = st.tuples(st.sampled_from(STATUSES), st.integers(0, 250),
                    st.lists(st.tuples(st.sampled_from(LATER), days), max_size=2),
                    rarely)  # status, joined, changes, tombstoned later
_session = st.tuples(st.integers(100, 500), st.sampled_from([SessionKind.REGULAR, SessionKind.STUDY]),
                     st.sampled_from(list(SessionForm)), st.sets(st.integers(0, 2), min_size=1, max_size=2),
                     st.lists(st.sampled_from(MARKS), min_size=8, max_size=8), st.integers(0, 5), rarely)
_essay = st.tuples(st.integers(0, 7), st.integers(0, 1), st.sampled_from(["Tốt", "Khá", "", "Chưa đạt"]), st.booleans(),
                   st.booleans())
_cell = st.fixed_dictionaries({
    "members": st.lists(_member, min_size=2, max_size=8),
    "sessions": st.lists(_session, min_size=1, max_size=6),
    "essays": st.lists(_essay, max_size=6),
    "outreach": st.lists(st.tuples(st.integers(0, 1), days, st.integers(0, 300), st.booleans()), max_size=3),
    "plans": st.lists(st.tuples(st.integers(0, 1), st.one_of(st.none(), st.integers(0, 7)), st.booleans()), max_size=3),
    "as_of": st.lists(st.integers(150, 700), min_size=1, max_size=3),
})


def _write_cell(db, cell: dict) -> None:
    ids = []
    for index, (status, joined, changes, _gone) in enumerate(cell["members"]):
        member = members.add_member(db, full_name=f"Lò Văn Thử {index}", status=status,
                                    joined_on=START + timedelta(days=joined))
        ids.append(member.id)
        for later, day in changes:
            with suppress(ValidationError):  # before joining, the same status, after leaving: refused, as in the app
                members.change_status(db, member.id, later, START + timedelta(days=day),
                                      left_reason=LeftReason.TRANSFERRED if later == MemberStatus.LEFT else "")
    docs = [documents.add_document(db, number_symbol=f"0{i + 1}-NQ/TW", title=f"về thử nghiệm số {i + 1}",
                                   requires_essay=i == 0).id for i in range(2)]
    for day, kind, form, covered, marks, makeup_after, removed in cell["sessions"]:
        held = START + timedelta(days=day)
        session = sessions.create_session(db, kind=kind, form=form, held_on=held,  # 2: a meeting studying nothing
                                          document_ids=[docs[i] for i in sorted(covered - {2})])
        roll = Roll.load(db)
        marked = {m: (mark, "Ốm" if mark == AttendanceState.ABSENT_EXCUSED else "")
                  for m, mark in zip(ids, marks, strict=False) if mark is not None and roll.status(m, held) in (
                      MemberStatus.FULL, MemberStatus.PROBATIONARY, MemberStatus.ATTACHED, MemberStatus.EXEMPT)}
        sessions.mark_roll_call(db, session, marked)
        if covered - {2} and makeup_after:
            with suppress(ValidationError):  # nobody left to make up, or a chairless make-up refused by the rules
                sessions.create_makeup_session(db, session.id, held + timedelta(days=makeup_after * 7))
        if removed:
            with suppress(ValidationError):  # it has a make-up
                sessions.remove_session(db, session.id)
    for index, document, grade, rewrite, removed in cell["essays"]:
        if index < len(ids):
            try:
                essay = essays.record_essay(db, ids[index], docs[document], grade=grade)
            except ValidationError:
                continue
            essay.must_rewrite = rewrite
            db.add(essay)
            if removed:
                tombstone(db, essay)
    for document, day, audience, removed in cell["outreach"]:
        row = outreach.add_outreach(db, kind=OutreachKind.MEETING, held_on=START + timedelta(days=day),
                                    audience=audience, document_id=docs[document])
        if removed:
            tombstone(db, row)
    for document, member, removed in cell["plans"]:
        try:
            plan = plans.create_plan(db, title="Kế hoạch thử", year=2025, document_id=docs[document],
                                     member_id=ids[member] if member is not None and member < len(ids) else None)
        except ValidationError:
            continue
        if removed:
            tombstone(db, plan)
    for member_id, (_status, _joined, _changes, gone) in zip(ids, cell["members"], strict=True):
        if gone:
            members.remove_member(db, member_id)  # a member entered by mistake: tombstoned with the history
    db.flush()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(cell=_cell)
def test_the_sql_figures_of_a_random_cell_equal_the_python_figures(cell_template, tmp_path_factory, cell):
    book = _copy_book(cell_template, tmp_path_factory.mktemp("random") / "cell")
    try:
        with book.session() as db:
            try:
                _write_cell(db, cell)
            except ValidationError:
                db.rollback()  # a session rule refused a make-up as a whole: nothing to compare
                event("refused")
                return
        with book.session() as db:
            unit = book.local_unit_id
            for day in cell["as_of"]:
                as_of = START + timedelta(days=day)
                assert sql_figures(cell_totals(db, {unit: None}, as_of)[unit]) == python_figures(db, as_of)
                assert sql_figures(cell_totals(db, {unit: None}, as_of, unit_id=unit)[unit]) == python_figures(db, as_of)
                found = cell_totals(db, {unit: None}, as_of)[unit]
                event(f"studied {any(d.studied for d in found.documents)} makeup {found.makeup_sessions > 0} "
                      f"left {found.statuses.get('da_roi', 0) > 0}")
    finally:
        book.close()


def test_edge_cases_by_name(book):
    """One cell holding each edge by name: a member who left mid-year, an exempt member, a
    probationary member, a make-up, a session with nobody absent, tombstoned records."""
    with book.session() as db:
        full = [members.add_member(db, full_name=n, joined_on="01/01/2024").id
                for n in ("Lò Văn An", "Giàng A Páo", "Nguyễn Thị Hường", "Vàng A Dế")]
        members.add_member(db, full_name="Thào Thị Mỷ", joined_on="01/03/2026", status=MemberStatus.PROBATIONARY)
        exempt = members.add_member(db, full_name="Sùng Seo Dính", joined_on="01/01/2020", status=MemberStatus.EXEMPT).id
        left = members.add_member(db, full_name="Bàn Văn Sành", joined_on="01/01/2020").id
        members.leave(db, left, "15/03/2026", LeftReason.TRANSFERRED)
        mistaken = members.add_member(db, full_name="Lò Văn Nhầm", joined_on="01/01/2024").id
        members.remove_member(db, mistaken)
        doc = documents.add_document(db, number_symbol="57-NQ/TW", title="về khoa học, công nghệ").id
        study = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/02/2026", document_ids=[doc])
        sessions.mark_all_present(db, study.id)
        sessions.record_attendance(db, study.id, full[3], AttendanceState.ABSENT_EXCUSED, "Ốm")
        sessions.record_attendance(db, study.id, left, AttendanceState.ABSENT_UNEXCUSED)
        makeup = sessions.create_makeup_session(db, study.id, "20/02/2026", member_ids=[full[3]])
        nobody_absent = sessions.create_session(db, kind=SessionKind.REGULAR, held_on="05/04/2026", document_ids=[doc])
        sessions.mark_all_present(db, nobody_absent.id)
        gone = sessions.create_session(db, kind=SessionKind.STUDY, held_on="06/04/2026", document_ids=[doc])
        sessions.mark_all_present(db, gone.id)
        sessions.remove_session(db, gone.id)
        for member_id, grade in ((full[0], "Tốt"), (full[1], "Khá"), (full[3], "Tốt"), (exempt, "Tốt")):
            essays.record_essay(db, member_id, doc, grade=grade)
        tombstone(db, essays.record_essay(db, full[2], doc, grade="Đạt"))
        db.flush()
        unit = book.local_unit_id
        for as_of in (date(2026, 2, 15), date(2026, 3, 1), date(2026, 6, 20)):
            totals = cell_totals(db, {unit: None}, as_of)[unit]
            assert sql_figures(totals) == python_figures(db, as_of)
        figures = totals.documents[0]
        # On 20/06: 4 full and the probationary member required (the exempt and the one who left not);
        # all 5 studied: one in the make-up, the probationary member (joined 01/03) at the April meeting.
        assert (totals.on_roll, totals.required, totals.statuses[MemberStatus.LEFT]) == (6, 5, 1)
        assert (figures.required, figures.studied, figures.studied_in_makeup) == (5, 5, 1)
        assert (figures.sessions, figures.makeups, totals.sessions, totals.makeup_sessions) == (2, 1, 3, 1)
        assert figures.essays_by_grade == {"Tốt": 2, "Khá": 1}  # the exempt member's essay is not counted
        # Missing: the probationary member's, and the one whose essay was deleted (a tombstone).
        assert figures.essays_missing == 2 and makeup.kind == SessionKind.MAKEUP


def test_cells_carried_to_a_commune_equal_their_own_books(cell_a, cell_b, book, receiving, stick):
    """Two demo cells of different seeds and one built by hand, each with the commune's document
    (its plan bundle imported) studied its own way, carried in real bundles: at the commune the
    figures of each cell, cell by cell, equal those the cell's own book gives."""
    with receiving.session() as db:
        commune_doc = documents.add_document(db, number_symbol="03-NQ/ĐU", title="về chuyển đổi số ở thôn bản",
                                             issuing_level="dang_uy_xa").id
    with book.session() as db:
        update_unit(db, superior_name="Đảng bộ xã Sơn Cao")
        for name in ("Lò Văn An", "Giàng A Páo", "Vàng A Dế"):
            members.add_member(db, full_name=name, joined_on="01/01/2024")
        members.add_member(db, full_name="Sùng Seo Dính", joined_on="01/01/2020", status=MemberStatus.EXEMPT)
    for cell in (cell_a, cell_b, book):
        link(cell, receiving, stick)
    with cell_a.session() as db:  # studied by everyone present: nobody absent
        session = sessions.create_session(db, kind=SessionKind.STUDY, held_on="10/05/2026", document_ids=[commune_doc])
        sessions.mark_all_present(db, session.id)
        removed = db.exec(alive(CellSession).where(CellSession.kind == SessionKind.REGULAR)).first()
        for row in sessions.attendance(db, removed.id):
            tombstone(db, row)
        db.flush()
    with cell_b.session() as db:  # some absent, one made up
        session = sessions.create_session(db, kind=SessionKind.STUDY, held_on="12/05/2026", document_ids=[commune_doc],
                                          form=SessionForm.ONLINE)
        sessions.mark_all_present(db, session.id)
        absent = [a.member_id for a in sessions.attendance(db, session.id) if a.state == AttendanceState.PRESENT][-3:]
        for member_id in absent:
            sessions.record_attendance(db, session.id, member_id, AttendanceState.ABSENT_UNEXCUSED)
        sessions.create_makeup_session(db, session.id, "30/05/2026", member_ids=absent[:1])
    expected = {}
    for cell in (cell_a, cell_b, book):
        report = import_bundle(receiving, export_bundle(cell, stick).path, approve={fingerprint_of(cell)})
        assert report.outcome == "imported", report.reason
        with cell.session() as db:
            expected[cell.local_unit_id] = {day: python_figures(db, day) for day in (date(2026, 1, 10), DEMO_TODAY)}
    units = dict.fromkeys(expected, receiving.local_unit_id)
    with receiving.session() as db:
        for day in (date(2026, 1, 10), DEMO_TODAY):
            totals = cell_totals(db, units, day)
            for unit in units:
                assert sql_figures(totals[unit]) == expected[unit][day]
                assert sql_figures(cell_totals(db, units, day, unit_id=unit)[unit]) == expected[unit][day]
    studied = {unit: next(d.studied for d in totals[unit].documents if d.document_id == commune_doc) for unit in units}
    with receiving.session() as db:  # the light counts of the first screen and the documents page: the same sums
        light = study_counts(db, units, DEMO_TODAY)
    assert light.by_cell() == {u: (totals[u].studied, totals[u].must_study) for u in units}
    by_document: dict[str, list[int]] = {}
    for unit in units:
        for d in totals[unit].documents:
            pair = by_document.setdefault(d.document_id, [0, 0])
            pair[0], pair[1] = pair[0] + d.studied, pair[1] + d.required
    assert light.by_document() == {d: tuple(pair) for d, pair in by_document.items()}
    assert studied[cell_b.local_unit_id] == expected[cell_b.local_unit_id][DEMO_TODAY]["documents"][commune_doc][
        "required"] - 2  # three absent, one made up
    assert studied[book.local_unit_id] == 0  # the hand-built cell has the document and has not studied it

    # The consolidated figures are these, summed by number-symbol; the commune's own document counts
    # in every cell (a summary that took only each cell's own documents left it out).
    with receiving.session() as db:
        summaries, total = consolidated(db, DEMO_TODAY)
    assert {u.unit_id: (u.members, u.required, u.sessions) for u in summaries} == {
        unit: (figures[DEMO_TODAY]["on_roll"], figures[DEMO_TODAY]["required"], figures[DEMO_TODAY]["sessions"])
        for unit, figures in expected.items()}
    sums: dict[str, list[int]] = {}
    for figures in expected.values():
        for document in figures[DEMO_TODAY]["documents"].values():
            pair = sums.setdefault(document["number_symbol"], [0, 0, 0])
            pair[0] += document["required"]
            pair[1] += document["studied"]
            pair[2] += document["in_makeup"]
    assert {s: [d.required, d.studied, d.studied_in_makeup] for s, d in total.documents.items()} == sums
    with receiving.session() as db:  # the exchange page's lighter sums: the same members required and studied
        light_units, light_total = consolidated(db, DEMO_TODAY, light=True)
    assert {s: [d.required, d.studied] for s, d in light_total.documents.items()} == {s: p[:2] for s, p in sums.items()}
    assert [(u.unit_id, u.members, u.sessions) for u in light_units] == [(u.unit_id, u.members, u.sessions)
                                                                         for u in summaries]
    assert total.documents["03-NQ/ĐU"].required == sum(f[DEMO_TODAY]["required"] for f in expected.values())

