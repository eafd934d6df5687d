"""Login throttling: kept in the office database, per user name with a higher per-address
limit, and X-Forwarded-For believed only from configured proxies (issue #19, item 4)."""

from __future__ import annotations

import httpx
import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from starlette.requests import Request

from inspector_app.office.auth import hash_password
from inspector_app.office.cli import main as office_main
from inspector_app.office.client_address import client_address, parse_proxies
from inspector_app.office.login_throttle import CLIENT_FREE_FAILURES, LoginThrottle
from inspector_app.office.store import OfficeStore
from tests.sync.live import LiveOffice

PASSWORD = "correct horse 9"


class FakeClock:
    def __init__(self) -> None:
        self.now = 1_800_000_000.0

    def __call__(self) -> float:
        return self.now


def login(office, name, password=PASSWORD, **headers) -> httpx.Response:
    return httpx.post(f"{office.url}/api/v1/login", json={"name": name, "password": password},
                      headers=headers, timeout=10)


def with_users(office: LiveOffice) -> LiveOffice:
    office.store.add_user("boss", "admin", hash_password(PASSWORD))
    office.store.add_user("chaoyang", "supervisor", hash_password(PASSWORD), "朝阳区")
    return office


@pytest.fixture
def accounts(office) -> LiveOffice:
    return with_users(office)


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


def test_repeated_wrong_passwords_lock_out_with_growing_retry_after(accounts, clock):
    accounts.app.state.throttle = LoginThrottle(accounts.store, clock=clock)
    for _ in range(4):
        assert login(accounts, "boss", "guess").status_code == 401
    assert login(accounts, "boss", "guess").status_code == 401  # 5th: starts a 1 s lockout
    locked = login(accounts, "boss")  # even the right password waits
    assert locked.status_code == 429 and locked.headers["Retry-After"] == "1"
    assert "秒后再试" in locked.json()["reason_zh"] and "try again" in locked.json()["reason"]
    clock.now += 1
    assert login(accounts, "boss", "guess").status_code == 401  # 6th: 2 s
    assert login(accounts, "boss").headers["Retry-After"] == "2"
    clock.now += 2
    assert login(accounts, "boss", "guess").status_code == 401  # 7th: 4 s
    assert login(accounts, "boss").headers["Retry-After"] == "4"
    clock.now += 3.5
    assert login(accounts, "boss").status_code == 429
    clock.now += 0.5
    assert login(accounts, "boss").status_code == 200  # success clears the user's counter
    assert login(accounts, "boss", "guess").status_code == 401


def test_one_users_lockout_does_not_lock_the_others_behind_the_same_address(accounts, clock):
    accounts.app.state.throttle = LoginThrottle(accounts.store, clock=clock)
    for _ in range(6):
        login(accounts, "boss", "guess")
    assert login(accounts, "boss").status_code == 429
    assert login(accounts, "chaoyang").status_code == 200       # same address, other name


def test_the_address_counter_catches_guessing_across_names(accounts, clock):
    accounts.app.state.throttle = gate = LoginThrottle(accounts.store, clock=clock)
    for i in range(CLIENT_FREE_FAILURES):
        assert login(accounts, f"user{i}", "guess").status_code == 401
    assert gate.failures("client:127.0.0.1") == CLIENT_FREE_FAILURES
    assert login(accounts, "chaoyang").status_code == 429       # a fresh name, same address


def test_the_count_survives_an_office_restart(office_db, clock):
    db = office_db
    first = with_users(LiveOffice(db)).start()
    first.app.state.throttle = LoginThrottle(first.store, clock=clock)
    for _ in range(4):
        assert login(first, "boss", "guess").status_code == 401
    first.stop()
    second = LiveOffice(db).start()                              # a restart: same database
    try:
        second.app.state.throttle = LoginThrottle(second.store, clock=clock)
        assert login(second, "boss", "guess").status_code == 401   # the 5th, not a 1st
        assert login(second, "boss").status_code == 429
    finally:
        second.stop()


def test_a_forged_forwarded_for_from_an_untrusted_peer_is_ignored(accounts, clock):
    accounts.app.state.throttle = gate = LoginThrottle(accounts.store, clock=clock)
    for i in range(3):
        login(accounts, f"user{i}", "guess", **{"X-Forwarded-For": f"10.0.0.{i}"})
    assert gate.failures("client:127.0.0.1") == 3
    assert [gate.failures(f"client:10.0.0.{i}") for i in range(3)] == [0, 0, 0]


def test_a_trusted_proxys_forwarded_for_names_the_client(office_db, tmp_path, clock):
    office = with_users(LiveOffice(office_db, trusted_proxies=("127.0.0.0/8",)))
    office.start()
    try:
        office.app.state.throttle = gate = LoginThrottle(office.store, clock=clock)
        # the proxy appends the real peer; what the client wrote before it is not believed
        login(office, "x", "guess", **{"X-Forwarded-For": "6.6.6.6, 10.1.2.3"})
        login(office, "y", "guess", **{"X-Forwarded-For": "10.1.2.3, 127.0.0.1"})
        assert gate.failures("client:10.1.2.3") == 2
        assert gate.failures("client:6.6.6.6") == 0 and gate.failures("client:127.0.0.1") == 0
    finally:
        office.stop()


def test_serve_refuses_a_trusted_proxy_that_is_no_address(tmp_path, capsys):
    assert office_main(["--db", str(tmp_path / "o.sqlite3"), "--lang", "en", "serve",
                        "--trusted-proxy", "the-router"]) == 2
    assert "--trusted-proxy" in capsys.readouterr().err


def test_throttle_caps_the_lockout(office_db, tmp_path, clock):
    gate = LoginThrottle(OfficeStore(office_db), clock=clock, free_failures=1,
                         base_seconds=1, max_seconds=60)
    waits = [gate.failed("user:x") for _ in range(10)]
    assert waits[:7] == [1, 2, 4, 8, 16, 32, 60] and waits[-1] == 60
    assert gate.retry_after("user:x", "client:y") == 60


def test_quiet_time_forgives_and_success_keeps_the_client_count(office_db, tmp_path, clock):
    gate = LoginThrottle(OfficeStore(office_db), clock=clock, forget_after=1800)
    for _ in range(4):
        gate.failed("user:a", "client:x")
    gate.succeeded("user:a")
    assert gate.failures("user:a") == 0 and gate.failures("client:x") == 4
    clock.now += 1801
    gate.failed("client:x")
    assert gate.failures("client:x") == 1 and gate.retry_after("client:x") == 0
    assert gate.failures("user:a") == 0


class _App:
    def __init__(self, proxies: tuple[str, ...]) -> None:
        self.state = type("State", (), {"trusted_proxies": parse_proxies(proxies)})()


def _request(peer: str, forwarded: str | None, proxies: tuple[str, ...]) -> Request:
    headers = [(b"x-forwarded-for", forwarded.encode())] if forwarded is not None else []
    return Request({"type": "http", "client": (peer, 40000), "headers": headers,
                    "app": _App(proxies)})


hops = st.lists(st.ip_addresses(v=4).map(str) | st.sampled_from(["unknown", "", " "]),
                max_size=5).map(", ".join)


@given(peer=st.ip_addresses(v=4).map(str), forwarded=hops)
def test_an_untrusted_peer_is_itself_whatever_it_forwards(peer, forwarded):
    assume(not peer.startswith("192.0.2."))
    assert client_address(_request(peer, forwarded, ("192.0.2.0/24",))) == peer
    assert client_address(_request(peer, forwarded, ())) == peer


@given(forwarded=hops, real=st.ip_addresses(v=4).map(str))
def test_behind_a_trusted_proxy_the_hop_it_appended_counts(forwarded, real):
    assume(not real.startswith("192.0.2."))
    header = f"{forwarded}, {real}" if forwarded else real
    assert client_address(_request("192.0.2.7", header, ("192.0.2.0/24",))) == real
