"""The ticket's state machine under any sequence of events (hypothesis, rule-based).

Each step offers the ticket one generated event, well formed or not (unknown kind, no author,
a source that is none of ours, a time without a zone, a time before the complaint, missing or
wrong data), in any state. The test keeps its own model of what a dispatcher expects — the
transition table below, written from the issue, not read from the code — and checks after
every step that:
- the core accepted exactly what the model accepts, and a refused event changed nothing;
- replaying the accepted events gives the status reached by applying them one by one;
- the state is always one of STATES, and every accepted event is counted in the history;
- a final state (closed, cancelled) accepts no event of any kind;
- contact attempts, contacts and tested records add up to the accepted events.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import hypothesis.strategies as st
import pytest
from hypothesis import HealthCheck, settings
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule

from inspector_app.core.tickets import (
    CONTACT_METHODS,
    EVENT_KINDS,
    FINAL_STATES,
    OPEN_STATES,
    STATES,
    TicketError,
    TicketEvent,
    TicketStatus,
    apply,
    iso,
    replay,
)

CST = timezone(timedelta(hours=8))
COMPLAINT = datetime(2026, 12, 1, 8, 0, tzinfo=CST)
ZONES = [CST, UTC, timezone(timedelta(hours=-5))]

# Which states each event may leave, as the issue describes the ticket's life.
ALLOWED_FROM = {
    "revised": set(STATES) - set(FINAL_STATES),
    "assigned": {"received", "assigned", "contacted", "visit_agreed", "unreachable"},
    "contact_attempt": {"assigned", "contacted", "visit_agreed"},
    "contacted": {"assigned"},
    "visit_agreed": {"contacted", "visit_agreed"},
    "tested": {"assigned", "contacted", "visit_agreed", "tested"},
    "closed": {"tested", "unreachable"},
    "cancelled": set(OPEN_STATES) | {"unreachable"},
    "unreachable": {"assigned"},
}
# Events whose time may not precede the complaint (beyond the clock skew).
TIMED_AFTER_COMPLAINT = {"contact_attempt", "contacted", "visit_agreed", "tested"}
DEFECTS = ("none", "unknown_kind", "bad_source", "no_author", "naive_time", "early_time",
           "missing_data", "bad_data")


def expected_state(kind: str, state: str) -> str:
    if kind == "assigned":
        return "assigned" if state in ("received", "unreachable") else state
    if kind in ("revised", "contact_attempt"):
        return state
    return kind


@st.composite
def events(draw, state: str | None, attempts: int = 0) -> tuple[TicketEvent, str]:
    """(event, its defect): an event of any kind, well formed or broken in one way. Mostly the
    kind is one the table allows from `state` (None: not received yet), and one that moves
    the ticket on, so long lives are explored, not only refusals. `attempts` so far: an 'unreachable' may claim
    fewer, as many or more."""
    fitting = (["received"] if state is None
               else [k for k, states in ALLOWED_FROM.items() if state in states])
    onward = [k for k in fitting if k not in ("cancelled", "revised")]
    choice = draw(st.integers(0, 7))
    if onward and choice >= 3:
        kind = draw(st.sampled_from(onward))
    elif fitting and choice == 2:
        kind = draw(st.sampled_from(fitting))
    else:
        kind = draw(st.sampled_from(("received", *EVENT_KINDS)))
    defect = "none" if draw(st.integers(0, 9)) < 6 else draw(st.sampled_from(DEFECTS))
    zone = draw(st.sampled_from(ZONES))
    minutes = draw(st.integers(min_value=-4, max_value=3000))
    at = COMPLAINT + timedelta(minutes=minutes)
    claim = draw(st.sampled_from([None, 0, 1, max(attempts - 1, 0), attempts, attempts + 1]))
    data = {
        "received": {"complaint_at": iso(COMPLAINT), "digest": "d1"},
        "revised": {"complaint_at": iso(COMPLAINT + timedelta(
            minutes=draw(st.integers(min_value=-30, max_value=30)))), "digest": "d2"},
        "assigned": {"inspector": draw(st.sampled_from(["li", "wang"]))},
        "contact_attempt": {"method": draw(st.sampled_from(sorted(CONTACT_METHODS)))},
        "contacted": {"method": draw(st.sampled_from(sorted(CONTACT_METHODS)))},
        "visit_agreed": {"visit_at": iso(at + timedelta(hours=draw(st.integers(0, 48))))},
        "tested": {"record": f"dev/rec-{draw(st.integers(1, 99))}"},
        "closed": draw(st.sampled_from([{}, {"reason": "done"}])),
        "cancelled": {"reason": "the resident withdrew"},
        "unreachable": {"reason": "no answer", "attempts": claim} if claim is not None
        else {"reason": "no answer"},
    }[kind]
    source, by = draw(st.sampled_from(["office", "laptop", "hotline"])), "li"
    if defect == "unknown_kind":
        kind = draw(st.sampled_from(["reopened", "", "Assigned"]))
    elif defect == "bad_source":
        source = draw(st.sampled_from(["phone", "", "OFFICE"]))
    elif defect == "no_author":
        by = draw(st.sampled_from(["", "  "]))
    elif defect == "early_time":
        at = COMPLAINT - timedelta(minutes=draw(st.integers(min_value=40, max_value=600)))
    elif defect == "missing_data":
        data = {}
    elif defect == "bad_data":
        data = {**data, **{
            "received": {"complaint_at": "2026-12-01 08:00"},
            "revised": {"complaint_at": "yesterday"},
            "assigned": {"inspector": "   "},
            "contact_attempt": {"method": "pigeon"},
            "contacted": {"method": "telepathy"},
            "visit_agreed": {"visit_at": iso(COMPLAINT - timedelta(hours=3))},
            "tested": {"record": ""},
            "closed": {},
            "cancelled": {"reason": " "},
            "unreachable": {"attempts": -1},
        }[kind]}
    at_text = at.replace(tzinfo=None).isoformat() if defect == "naive_time" else iso(
        at.astimezone(zone))
    return TicketEvent(kind=kind, at=at_text, by=by, source=source, data=data), defect


class TicketLife(RuleBasedStateMachine):
    def __init__(self) -> None:
        super().__init__()
        self.status = TicketStatus()
        self.accepted: list[TicketEvent] = []
        self.complaint = COMPLAINT        # moved by revisions
        self.attempts = 0
        self.contacts: list[str] = []
        self.records: list[str] = []

    def model_accepts(self, event: TicketEvent, defect: str) -> bool:
        kind, state, data = event.kind, self.status.state, event.data
        if defect in ("unknown_kind", "bad_source", "no_author", "naive_time"):
            return False
        if kind == "received":
            return not self.accepted and defect in ("none", "early_time")
        if not self.accepted or state not in ALLOWED_FROM[kind]:
            return False
        at = datetime.fromisoformat(event.at)
        if kind in TIMED_AFTER_COMPLAINT and at < self.complaint - timedelta(minutes=5):
            return False
        if defect in ("missing_data", "bad_data"):
            return kind == "closed"            # only a closing reason is optional
        if kind == "unreachable":
            return data.get("attempts", self.attempts) >= 1
        return True

    def follow(self, event: TicketEvent) -> None:
        """The model's own bookkeeping of an accepted event."""
        if event.kind in ("received", "revised"):
            self.complaint = datetime.fromisoformat(event.data["complaint_at"])
        elif event.kind == "contact_attempt":
            self.attempts += 1
        elif event.kind == "unreachable":
            self.attempts = max(self.attempts, event.data.get("attempts", self.attempts))
        elif event.kind == "contacted":
            self.contacts.append(iso(datetime.fromisoformat(event.at)))
        elif event.kind == "tested":
            self.records.append(event.data["record"])

    @rule(data=st.data())
    def offer(self, data: st.DataObject) -> None:
        event, defect = data.draw(events(self.status.state if self.accepted else None,
                                         self.attempts))
        before = self.status
        expected = self.model_accepts(event, defect)
        try:
            after = apply(self.status, event)
        except TicketError as exc:
            assert not expected, f"refused {event} ({defect}): {exc.message_en}"
            assert exc.message_zh and exc.message_en
            assert self.status == before       # a refusal changes nothing
            return
        assert expected, f"accepted {event} ({defect}) from {before.state}"
        if event.kind != "received":
            assert after.state == expected_state(event.kind, before.state)
        self.status = after
        self.accepted.append(event)
        self.follow(event)

    @invariant()
    def replay_equals_step_by_step(self) -> None:
        assert replay(self.accepted) == self.status

    @invariant()
    def state_is_known(self) -> None:
        assert self.status.state in STATES

    @invariant()
    def history_is_complete(self) -> None:
        assert self.status.events == len(self.accepted)
        if self.accepted:
            assert self.accepted[0].kind == "received"
            assert self.status.last_at == iso(datetime.fromisoformat(self.accepted[-1].at))
            assert self.status.complaint_at == iso(self.complaint)

    @invariant()
    def counts_add_up(self) -> None:
        assert self.status.attempts == self.attempts
        assert self.status.records == tuple(self.records)
        assert len(self.contacts) <= 1             # contacted only from assigned, once
        assert self.status.contacted_at == (self.contacts[0] if self.contacts else None)
        if self.status.state == "unreachable":
            assert self.status.attempts >= 1

    @invariant()
    def final_states_accept_nothing(self) -> None:
        if self.status.state not in FINAL_STATES:
            return
        at = iso(datetime.fromisoformat(self.status.complaint_at) + timedelta(hours=1))
        good = {"received": {"complaint_at": at}, "revised": {"complaint_at": at},
                "assigned": {"inspector": "li"}, "contact_attempt": {"method": "phone"},
                "contacted": {"method": "sms"}, "visit_agreed": {"visit_at": at},
                "tested": {"record": "d/r"}, "closed": {}, "cancelled": {"reason": "x"},
                "unreachable": {"reason": "x", "attempts": 3}}
        for kind in EVENT_KINDS:
            with pytest.raises(TicketError):
                apply(self.status, TicketEvent(kind, at, "li", "office", good[kind]))


TicketLife.TestCase.settings = settings(
    max_examples=300, stateful_step_count=40, deadline=None,
    suppress_health_check=[HealthCheck.too_slow])
test_ticket_life = pytest.mark.slow(TicketLife.TestCase)   # 15-45 s on 2 shared cores


def test_a_long_happy_life_reaches_closed():
    """A guard that the machine above can reach the end: the usual path, step by step."""
    at = [iso(COMPLAINT + timedelta(minutes=m)) for m in range(0, 200, 10)]
    path = [TicketEvent("received", at[0], "hotline", "hotline", {"complaint_at": at[0]}),
            TicketEvent("assigned", at[1], "wang", "office", {"inspector": "li"}),
            TicketEvent("contact_attempt", at[2], "li", "laptop", {"method": "phone"}),
            TicketEvent("contacted", at[3], "li", "laptop", {"method": "phone"}),
            TicketEvent("visit_agreed", at[4], "li", "laptop", {"visit_at": at[9]}),
            TicketEvent("tested", at[10], "li", "laptop", {"record": "d/r1"}),
            TicketEvent("closed", at[11], "wang", "office", {})]
    status = replay(path)
    assert (status.state, status.attempts, status.records, status.events) == (
        "closed", 1, ("d/r1",), 7)
    assert status.minutes_to_contact() == 30.0 and status.contacted_within(30)

