from datetime import date, datetime, timedelta

import pytest

from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.core.model import Address, Instrument, Visit
from inspector_app.core.procedure import VisitSession, response_check, within_test_hours
from inspector_app.core.profile import load_profile
from inspector_app.store.database import connect
from inspector_app.store.visits import VisitStore

CC = load_profile("changchun")
NOW = datetime.fromisoformat("2026-11-26T10:00:00+08:00")


class FakeClock:
    def __init__(self) -> None:
        self.t = 0.0

    def __call__(self) -> float:
        return self.t


def formal_visit(**kw) -> Visit:
    visit = Visit(
        profile_name="changchun", profile_version=CC.version, ticket="12345-0001",
        address=Address(city="长春市", district="朝阳区", street="人民大街", building="3", unit="2",
                        flat="501"),
        resident_name="王女士", resident_phone="13812345678", heated_area_m2=80,
        company="长春热力", complaint_at=NOW - timedelta(hours=2),
        contact_at=NOW - timedelta(hours=1, minutes=45), arrival_at=NOW - timedelta(minutes=40),
        test_at=NOW,
        instrument=Instrument(model="Center 309", serial="S1", certificate_no="C1",
                              certificate_expiry=date(2027, 6, 30), correction_c=-0.2),
        preconditions={c.key: True for c in CC.preconditions},
        closed_since=NOW - timedelta(minutes=45),
    )
    for key, value in kw.items():
        setattr(visit, key, value)
    return visit


@pytest.fixture
def store(tmp_path):
    return VisitStore(connect(tmp_path / "db.sqlite3"))


def session_for(store, visit, clock=None):
    store.create(visit)
    return VisitSession(visit, CC, store, clock=clock or FakeClock(), wall=lambda: NOW)


def test_expired_certificate_blocks_a_formal_test_but_not_training(store):
    expired = Instrument(model="Center 309", serial="S1", certificate_no="C1",
                         certificate_expiry=date(2026, 11, 25))
    session = session_for(store, formal_visit(instrument=expired))
    with pytest.raises(ProcedureError) as err:
        session.check_ready_to_measure()
    assert "过期" in err.value.message_zh
    training = session_for(store, formal_visit(instrument=expired, training=True))
    training.check_ready_to_measure()


def test_doors_closed_too_recently_blocks_the_test(store):
    session = session_for(store, formal_visit(closed_since=NOW - timedelta(minutes=10)))
    with pytest.raises(ProcedureError, match="closed for less than 30"):
        session.check_ready_to_measure()


def test_unchecked_precondition_blocks_unless_exempt(store):
    pre = {c.key: True for c in CC.preconditions} | {"no_sun_on_sensor": False}
    with pytest.raises(ProcedureError, match="No sun"):
        session_for(store, formal_visit(preconditions=pre)).check_ready_to_measure()
    session_for(store, formal_visit(preconditions=pre, exemptions=["outdoor_below_design"])) \
        .check_ready_to_measure()


def test_response_limit_met_and_missed():
    ok = response_check(CC, formal_visit(contact_at=NOW - timedelta(hours=1, minutes=30)))
    late = response_check(CC, formal_visit(contact_at=NOW - timedelta(hours=1, minutes=29)))
    assert ok.met is True and ok.contact_min == 30
    assert late.met is False and late.limit_min == 30


def test_tianjin_hours():
    tj = load_profile("tianjin")
    assert within_test_hours(tj, NOW)
    assert not within_test_hours(tj, NOW.replace(hour=22))
    assert within_test_hours(CC, NOW.replace(hour=3))


def test_whole_point_with_a_fake_clock_applies_the_correction(store):
    clock = FakeClock()
    visit = formal_visit()
    session = session_for(store, visit, clock)
    session.check_ready_to_measure()
    bedroom = session.add_room("bedroom", "主卧", 12)
    living = session.add_room("living_room", "客厅", 18)
    assert len(bedroom.points) == 1 and len(living.points) == 5
    session.begin_point(bedroom, bedroom.points[0])
    done = False
    while not done:
        clock.t += 20
        done = session.feed(17.6, flags=frozenset()).point_done
    assert clock.t == 740  # first sample at 20 s: stable at 620 s, readings at 620, 680, 740
    captured = bedroom.points[0].captured
    assert [s.value_c for s in captured] == [17.4, 17.4, 17.4]
    assert [s.raw_c for s in captured] == [17.6, 17.6, 17.6]
    reloaded = store.load(visit.id)
    assert [s.captured for s in reloaded.rooms[0].points[0].captured] == [1, 2, 3]
    assert len(reloaded.rooms[0].points[0].samples) == 37  # every reading, 20 s apart


def test_flagged_and_absurd_readings_are_refused_and_not_stored(store):
    visit = formal_visit()
    session = session_for(store, visit)
    room = session.add_room("bedroom", "次卧", 9)
    session.begin_point(room, room.points[0])
    fb = session.feed(18.0, flags=frozenset({"hold"}))
    assert not fb.accepted and "HOLD" in fb.message_zh
    assert not session.feed(None, flags=frozenset({"overload"})).accepted
    assert not session.feed(99.0).accepted
    assert store.load(visit.id).rooms[0].points[0].samples == []


def test_manual_entry_needs_a_reason_and_is_flagged(store):
    visit = formal_visit()
    session = session_for(store, visit)
    room = session.add_room("bedroom", "次卧", 9)
    session.begin_point(room, room.points[0])
    with pytest.raises(ValidationError):
        session.enter_manually([18.1, 18.2, 18.2], reason=" ")
    session.enter_manually([18.1, 18.2, 18.2], reason="温度计电池耗尽")
    point = store.load(visit.id).rooms[0].points[0]
    assert [s.manual for s in point.captured] == [True, True, True]
    assert {s.reason for s in point.captured} == {"温度计电池耗尽"}
    result = session.result()
    assert result.rooms[0].points[0].manual


def test_impossible_room_area_is_refused_and_nothing_stored(store):
    visit = formal_visit()
    session = session_for(store, visit)
    for area in (0, 600):
        with pytest.raises(ValidationError):
            session.add_room("bedroom", "卧室", area)
    assert store.load(visit.id).rooms == []
