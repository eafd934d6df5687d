"""Two office processes on different ports over one PostgreSQL database behave as one office.

Each office here is a real `inspector-office serve` process (`office_processes`): no state can
pass between the two but through the database. Uploads through both (in turn and at once), one
enrolment code raced through both, a session opened on one used and ended on the other, wrong
passwords on both (in turn and at once), the residents' page limit, 40 rulings issued at once
through both, one request key sent to both at once, reviews and rulings of one record at once,
and the faulty-network sync spread over both.
"""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.login_throttle import FREE_FAILURES
from inspector_app.office.page_throttle import PAGES_PER_WINDOW
from inspector_app.office.store import OfficeStore
from inspector_app.seal.device_key import DeviceKey
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncError, enroll
from inspector_app.sync.config import OfficeLink
from tests.office.office_processes import OfficeProcess, office_processes
from tests.office.test_review_races import assert_history_in_order
from tests.office.uploaded import confirm_refund
from tests.sync.factory import seal_many, shuffled
from tests.sync.live import Laptop
from tests.sync.test_fault_proxy import assert_each_arrived_once, push_through_faults

pytestmark = pytest.mark.slow   # each test starts two office processes (~5-15 s)

SEASON = "2026-2027"   # the factory's records are tested in November 2026
PASSWORD = "password-1"


@dataclass
class TwoOffices:
    """Two office processes over one database, and a store on it in the test process."""

    a: OfficeProcess
    b: OfficeProcess
    store: OfficeStore

    @property
    def both(self) -> tuple[OfficeProcess, OfficeProcess]:
        return self.a, self.b

    def enroll(self, laptop: Laptop, via: OfficeProcess) -> OfficeLink:
        code, _ = self.store.new_enrollment_code()
        return enroll(laptop.folder, via.url, code, laptop.key)

    def login(self, via: OfficeProcess, name: str, role: str = "admin",
              district: str | None = None) -> str:
        """A new account's session token, opened on `via`."""
        self.store.add_user(name, role, hash_password(PASSWORD), district)
        answer = httpx.post(f"{via.url}/api/v1/login", json={"name": name, "password": PASSWORD},
                            timeout=30)
        assert answer.status_code == 200, answer.text
        return answer.json()["token"]


@pytest.fixture
def two(pg_url: str, tmp_path: Path) -> Iterator[TwoOffices]:
    with office_processes(pg_url, 2, logs=tmp_path) as (a, b):
        store = OfficeStore(pg_url)
        try:
            yield TwoOffices(a, b, store)
        finally:
            store.close()


def put(client: httpx.Client, url: str, link: OfficeLink, laptop: Laptop,
        record_id: str) -> httpx.Response:
    body = SealedStore(laptop.db).envelope_text(record_id).encode("utf-8")
    return client.put(f"{url}/api/v1/records/{record_id}", content=body, timeout=30,
                      headers={"Authorization": f"Bearer {link.token}",
                               "X-Device-Id": link.device_id,
                               "Content-Type": "application/json"})


def stored(store: OfficeStore) -> list[tuple[str, str, str]]:
    return [tuple(r) for r in store.query(
        "SELECT record_id, verification, chain_state FROM records ORDER BY seq")]


def at_once(calls: Sequence[Callable[[], Any]]) -> list[Any]:
    """Run every call on its own thread, all released together; their results in order."""
    gate = threading.Barrier(len(calls))

    def run(call: Callable[[], Any]) -> Any:
        gate.wait()
        return call()

    with ThreadPoolExecutor(len(calls)) as pool:
        return list(pool.map(run, calls))


# -- records ---------------------------------------------------------------------------------


def test_uploads_through_both_in_turn_are_one_chain(two, laptop):
    ids = seal_many(laptop.db, laptop.key, 12)
    link = two.enroll(laptop, two.b)
    with httpx.Client() as client:
        answers = [put(client, two.both[i % 2].url, link, laptop, rid)
                   for i, rid in enumerate(ids)]
        assert [a.status_code for a in answers] == [201] * len(ids), answers[-1].text
        assert {a.json()["chain_state"] for a in answers} == {"ok"}
        again = [put(client, two.both[(i + 1) % 2].url, link, laptop, rid)
                 for i, rid in enumerate(ids)]
        assert {(a.status_code, a.json()["status"]) for a in again} == {(200, "already_present")}
    assert stored(two.store) == [(rid, "verified", "ok") for rid in ids]
    assert two.store.chain_problems() == []
    seen = two.store.device(link.device_id)
    assert seen is not None and seen.last_seen_at is not None


@pytest.mark.slow
def test_the_same_records_pushed_to_both_at_once_are_stored_once(two, laptop):
    """Two laptops' worth of pushes racing: one sends in order to A, the other in reverse to
    B (so B opens gaps that A's arrivals close), and a third pass shuffled through both."""
    ids = seal_many(laptop.db, laptop.key, 40)
    link = two.enroll(laptop, two.a)

    def push(office: OfficeProcess, order: list[str]) -> list[tuple[str, int]]:
        with httpx.Client() as client:
            return [(rid, put(client, office.url, link, laptop, rid).status_code)
                    for rid in order]

    mixed = shuffled(ids, 7)
    runs = at_once([lambda: push(two.a, ids), lambda: push(two.b, ids[::-1]),
                    lambda: push(two.a, mixed[:20]), lambda: push(two.b, mixed[20:])])
    answers: dict[str, Counter[int]] = {rid: Counter() for rid in ids}
    for run in runs:
        for rid, status in run:
            answers[rid][status] += 1
    assert all(c[201] == 1 and c[200] == 2 and sum(c.values()) == 3
               for c in answers.values()), answers   # created once, then "already present"
    assert stored(two.store) == [(rid, "verified", "ok") for rid in ids]
    assert two.store.chain_problems(open_only=True) == []


def test_one_code_sent_to_both_at_once_enrols_one_laptop(two, tmp_path):
    """Three codes, each raced by four laptops, two through each process."""
    for round_ in range(3):
        code, _ = two.store.new_enrollment_code()
        keys = [DeviceKey.generate() for _ in range(4)]

        def attempt(n: int, code: str = code, keys: list[DeviceKey] = keys,
                    round_: int = round_) -> str:
            try:
                enroll(tmp_path / f"laptop-{round_}-{n}", two.both[n % 2].url, code, keys[n])
            except SyncError as exc:
                return f"refused: {exc.message_en}"
            return "enrolled"

        outcomes = at_once([lambda n=n: attempt(n) for n in range(4)])
        assert sorted(outcomes) == ["enrolled"] + 3 * [
            "refused: enrolment refused: the enrolment code has already been used "
            "(one use each)"], outcomes
    assert len(two.store.devices()) == 3


# -- sessions and passwords ------------------------------------------------------------------


def test_a_session_opened_on_one_is_used_and_ended_on_the_other(two):
    token = two.login(two.a, "王科长")
    auth = {"Authorization": f"Bearer {token}"}
    for office in two.both:
        assert httpx.get(f"{office.url}/api/v1/records", headers=auth).status_code == 200
    assert httpx.post(f"{two.b.url}/api/v1/logout", headers=auth).status_code == 204
    for office in two.both:
        answer = httpx.get(f"{office.url}/api/v1/records", headers=auth)
        assert answer.status_code == 401 and answer.json()["error"] == "bad_credential"


def test_wrong_passwords_on_both_lock_the_name_out_on_both(two):
    two.store.add_user("李审核", "supervisor", hash_password(PASSWORD), "朝阳区")

    def login(office: OfficeProcess, password: str) -> httpx.Response:
        return httpx.post(f"{office.url}/api/v1/login", timeout=30,
                          json={"name": "李审核", "password": password})

    for n in range(FREE_FAILURES):
        answer = login(two.both[n % 2], f"wrong-{n}")
        assert answer.status_code == 401, (n, answer.text)
    for office in two.both:   # the last failure locked the name (1 s) in the shared table
        answer = login(office, PASSWORD)
        assert answer.status_code == 429, answer.text
        assert int(answer.headers["Retry-After"]) >= 1
        assert answer.json()["error"] == "too_many_attempts"


def test_wrong_passwords_at_once_on_both_are_each_counted(two):
    two.store.add_user("赵审核", "supervisor", hash_password(PASSWORD), "南关区")
    answers = at_once([lambda n=n: httpx.post(f"{two.both[n % 2].url}/api/v1/login", timeout=60,
                                              json={"name": "赵审核", "password": f"wrong-{n}"})
                       for n in range(12)])
    statuses = Counter(a.status_code for a in answers)
    assert set(statuses) <= {401, 429} and statuses[401] >= FREE_FAILURES, statuses
    failures = two.store.scalar("SELECT failures FROM login_failures WHERE key=?",
                                ("user:赵审核",))
    assert failures == statuses[401]   # none lost to a race between the processes
    for office in two.both:
        answer = httpx.post(f"{office.url}/api/v1/login", json={"name": "赵审核",
                                                                "password": PASSWORD})
        assert answer.status_code == 429


def test_the_residents_page_limit_counts_pages_on_both(two):
    """Forty pages asked at once, twenty of each process: the limit's thirty are shown."""
    answers = at_once([lambda n=n: httpx.get(f"{two.both[n % 2].url}/v/NOT-A-RECORD-{n}",
                                             timeout=60)
                       for n in range(PAGES_PER_WINDOW + 10)])
    assert Counter(a.status_code for a in answers) == {404: PAGES_PER_WINDOW, 429: 10}
    for office in two.both:
        answer = httpx.get(f"{office.url}/v/NOT-A-RECORD")
        assert answer.status_code == 429 and int(answer.headers["Retry-After"]) >= 1


# -- rulings ---------------------------------------------------------------------------------


@dataclass
class Ruled:
    ids: list[str]          # 4 failing records tested in November 2026 (season 2026-2027)
    earlier: str            # one tested in November 2025 (season 2025-2026)
    auth: dict[str, str]    # an admin's session, opened on A


@pytest.fixture
def ruled(two, laptop) -> Ruled:
    """Verified records of two seasons, the refund rules confirmed, and an admin's session."""
    ids = seal_many(laptop.db, laptop.key, 4, temps=(18.4, 17.2))
    [earlier] = seal_many(laptop.db, laptop.key, 1, start=4, temps=(18.4, 17.2),
                          day=date(2025, 11, 3))
    link = two.enroll(laptop, two.a)
    with httpx.Client() as client:
        assert {put(client, two.a.url, link, laptop, rid).status_code
                for rid in [*ids, earlier]} == {201}
    confirm_refund(two)
    return Ruled(ids, earlier, {"Authorization": f"Bearer {two.login(two.a, '张处长')}"})


def rule(office: OfficeProcess, auth: dict[str, str], record_id: str, days: int,
         key: str | None = None) -> httpx.Response:
    body: dict[str, Any] = {"daily_fee_per_m2": "0.25", "failing_days": days}
    if key:
        body["request_key"] = key
    return httpx.post(f"{office.url}/api/v1/records/{record_id}/rulings", json=body,
                      headers=auth, timeout=60)


@pytest.mark.slow
def test_forty_rulings_at_once_through_both_are_numbered_without_gaps(two, ruled):
    ids, auth = ruled.ids, ruled.auth
    calls = [lambda n=n: rule(two.both[n % 2], auth, ids[n % len(ids)], 1 + n)
             for n in range(40)]
    answers = at_once(calls)
    assert [a.status_code for a in answers] == [201] * 40, [a.text for a in answers
                                                            if a.status_code != 201][:1]
    numbers = sorted(a.json()["ruling_no"] for a in answers)
    assert numbers == [f"{SEASON}-{n:06d}" for n in range(1, 41)]
    times = [r[0] for r in two.store.query("SELECT issued_at FROM rulings ORDER BY ruling_no")]
    assert times == sorted(times)   # numbered in the order issued, whichever process issued
    for rid in ids:   # each record: one ruling in force, every other superseded by the next
        rows = two.store.query("SELECT ruling_no, superseded_by, issued_at FROM rulings"
                               " WHERE record_id=? ORDER BY ruling_no", (rid,))
        assert len(rows) == 10
        assert [r[1] for r in rows] == [r[0] for r in rows[1:]] + [None]
        assert [r[2] for r in rows] == sorted(r[2] for r in rows)   # issued in number order


def test_one_request_key_sent_to_both_at_once_issues_one_ruling(two, ruled):
    ids, auth = ruled.ids, ruled.auth
    for n in range(5):   # several rounds: each a fresh race on the key
        key = f"key-{n:02d}-0123456789"
        answers = at_once([lambda o=o, key=key: rule(o, auth, ids[0], 3, key) for o in two.both])
        assert sorted(a.status_code for a in answers) == [200, 201], [a.text for a in answers]
        assert answers[0].json() == answers[1].json()   # the replay is the ruling issued
        assert answers[0].json()["ruling_no"] == f"{SEASON}-{n + 1:06d}"   # no number lost
    assert two.store.scalar("SELECT count(*) FROM rulings") == 5
    in_force = two.store.query("SELECT ruling_no FROM rulings WHERE superseded_by IS NULL")
    assert [r[0] for r in in_force] == [f"{SEASON}-000005"]


def test_one_request_key_for_rulings_of_two_seasons_at_once_is_refused_once(two, ruled):
    """The key is the client's: reused at once for records of two seasons (whose numbers do
    not wait for each other), one ruling is issued and the other refused, not a server error."""
    for n in range(3):
        key = f"twice-{n:02d}-0123456789"
        answers = at_once([lambda key=key: rule(two.a, ruled.auth, ruled.ids[0], 3, key),
                           lambda key=key: rule(two.b, ruled.auth, ruled.earlier, 3, key)])
        assert sorted(a.status_code for a in answers) == [201, 409], [a.text for a in answers]
        refused = next(a for a in answers if a.status_code == 409).json()
        assert refused["error"] == "request_key_reused"
    assert two.store.scalar("SELECT count(*) FROM rulings") == 3
    numbers = sorted(r[0] for r in two.store.query("SELECT ruling_no FROM rulings"))
    seasons = Counter(number.rsplit("-", 1)[0] for number in numbers)
    assert all(number.endswith(f"-{k:06d}") for season in seasons for k, number in enumerate(
        (x for x in numbers if x.startswith(season)), start=1))   # no number lost in either


def test_reviews_and_rulings_at_once_through_both_keep_the_history_in_order(two, ruled):
    rid = ruled.ids[1]
    states = ("approved", "has_issues", "rejected")

    def review(n: int) -> httpx.Response:
        return httpx.put(f"{two.both[n % 2].url}/api/v1/records/{rid}/review", timeout=60,
                         headers=ruled.auth, json={"state": states[n % 3], "comment": f"#{n}"})

    calls = [lambda n=n: review(n) for n in range(10)]
    calls += [lambda n=n: rule(two.both[n % 2], ruled.auth, rid, 1 + n) for n in range(10)]
    answers = at_once(calls)
    assert sorted({a.status_code for a in answers}) == [200, 201]
    [ref] = two.store.refs_for(rid)
    lines = assert_history_in_order(two.store, ref)
    assert Counter(kind for kind, _ in lines) == {"state": 10, "ruling": 10}


# -- the faulty network ----------------------------------------------------------------------


@pytest.mark.slow
def test_two_hundred_records_through_a_faulty_link_to_both_arrive_once_each(two, laptop):
    ids = seal_many(laptop.db, laptop.key, 200)
    link = two.enroll(laptop, two.a)
    proxy, _rounds, _elapsed = push_through_faults(laptop, link, [two.a.port, two.b.port],
                                                   fresh_connections=True)
    assert proxy.stats[f"to_{two.a.port}"] >= 100 and proxy.stats[f"to_{two.b.port}"] >= 100
    assert_each_arrived_once(two.store, laptop, ids, proxy)
