"""The residents' verification page over real HTTP (issue #13, item 8): what it tells for each
kind of id, what it never shows, the hash compared, the per-client limit, and no schema entry."""

from __future__ import annotations

import json

import httpx
import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.office.page_throttle import PageThrottle, decide
from inspector_app.office.public_page import PublicRecord, choose, normalise_hash
from inspector_app.office.public_page_view import PageView, render_page
from inspector_app.office.store import OfficeStore, record_ref
from inspector_app.seal.canonical import canonical_text
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import envelope_for
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncClient
from tests.office.uploaded import upload
from tests.sync.factory import laptop_db, seal_many
from tests.sync.live import Laptop, LiveOffice


@pytest.fixture
def held(office, laptop):
    """Two real records at the office: (record_id, sha256) of the failing one."""
    rid = upload(office, laptop, 2)[1]
    sha = office.store.scalar("SELECT sha256 FROM records WHERE record_id=?",
                                    (rid,))
    return rid, sha


def page(office, path: str, **params) -> httpx.Response:
    return httpx.get(f"{office.url}{path}", params=params or None, timeout=10)


def test_a_held_record_shows_date_verdict_rooms_district_and_place_only(office, held):
    rid, sha = held
    answer = page(office, f"/v/{rid}")
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("text/html")
    assert "script-src 'sha256-" in answer.headers["content-security-policy"]
    html = answer.text
    assert "本办公室存有这条检测记录" in html and '<html lang="zh-CN">' in html
    assert "2026-11-02" in html and "不合格" in html and "17.2 °C" in html
    assert "南关区" in html and "示范小区" in html and "2栋" in html
    assert " ".join(sha[i:i + 8] for i in range(0, 64, 8)) in html   # to compare by eye
    for private in ("李梅", "13800000000", "人民大街", "2单元", "1室"):
        assert private not in html


def test_the_hash_from_the_form_is_compared(office, held):
    rid, sha = held
    grouped = " ".join(sha[i:i + 8] for i in range(0, 64, 8)).upper()
    match = page(office, f"/v/{rid}", sha256=grouped)       # typed off the slip: groups, caps
    assert match.status_code == 200 and "✓ 一致" in match.text
    wrong = page(office, f"/v/{rid}", sha256="0" * 64)
    assert "✗ 不一致" in wrong.text and "✓" not in wrong.text
    bad = page(office, f"/v/{rid}", sha256="not a hash")
    assert "校验值应为 64 位" in bad.text
    english = page(office, f"/v/{rid}", sha256=sha, lang="en")
    assert "✓ Match" in english.text and '<html lang="en">' in english.text
    assert "不合格" not in english.text and "Fail" in english.text


@pytest.mark.parametrize("rid", ["no-such-record", "bad%20id", "x" * 200])
def test_an_unknown_id_is_answered_plainly(office, rid):
    answer = page(office, f"/v/{rid}")
    assert answer.status_code == 404 and "本办公室没有这条记录" in answer.text


def test_a_training_record_is_said_to_be_training(training_office, laptop):
    link = training_office.enroll_key(laptop.folder, laptop.key)
    [rid] = seal_many(laptop.db, laptop.key, 1, training=True)
    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == 1
    answer = page(training_office, f"/v/{rid}")
    assert answer.status_code == 200
    assert "这是培训记录，不是正式检测" in answer.text and "不合格" not in answer.text


def test_a_record_that_failed_a_recheck_is_not_vouched_for(office, held):
    rid, _sha = held
    office.store.set_verification(office.store.refs_for(rid)[0], "failed")
    assert "未通过办公室的核验" in page(office, f"/v/{rid}").text


def test_the_page_is_not_in_the_api_schema(office):
    schema = httpx.get(f"{office.url}/openapi.json", timeout=10).json()
    assert not any(path.startswith("/v/") for path in schema["paths"])


def test_each_client_is_limited_and_told_when_to_come_back(office, held):
    rid, _sha = held
    now = [0.0]
    office.app.state.page_throttle = PageThrottle(office.store, limit=3, window_s=60,
                                                  clock=lambda: now[0])
    assert [page(office, f"/v/{rid}").status_code for _ in range(3)] == [200] * 3
    slow = page(office, f"/v/{rid}")
    assert slow.status_code == 429 and slow.headers["retry-after"] == "60"
    assert "查询过于频繁" in slow.text
    now[0] = 61.0
    assert page(office, f"/v/{rid}").status_code == 200


def test_the_throttle_forgets_clients_whose_window_ended(office_db, tmp_path):
    """The counts are rows: windows that ended are deleted, so the table stays about one row
    per client of the last window, however many addresses came before."""
    now = [0.0]
    gate = PageThrottle(OfficeStore(office_db), limit=1, window_s=60,
                        clock=lambda: now[0], purge_every=1)
    for i in range(300):
        assert gate.admit(f"10.0.{i // 256}.{i % 256}") == 0
    assert gate.clients() == 300
    assert gate.admit("10.0.1.43") > 0            # within its window: still limited
    now[0] = 61.0
    assert gate.admit("10.0.9.9") == 0
    assert gate.clients() == 1


def test_two_office_processes_share_one_count(office_db):
    """Two offices over one database (two processes behind a balancer) count the same pages."""
    now = [0.0]
    first, second = (PageThrottle(OfficeStore(office_db), limit=3, window_s=60, clock=lambda: now[0])
                     for _ in range(2))
    assert [first.admit("a"), second.admit("a"), first.admit("a")] == [0, 0, 0]
    assert second.admit("a") == 60 and first.admit("a") == 60


def _public(sha: str) -> PublicRecord:
    return PublicRecord("r1", sha, False, True, "2026-11-26T09:15:00+08:00", "fail", "朝阳区",
                        "示范小区", "3", ())


def test_several_records_under_one_id_are_told_apart_by_the_hash():
    """Another device may send a record under the same public id: the page never shows one
    of them until the slip's hash picks it."""
    mine, squatter = _public("a" * 64), _public("b" * 64)
    assert choose([squatter, mine], "a" * 64) is mine
    assert choose([squatter, mine], "c" * 64) is None
    html = render_page(PageView("r1", "many"))
    assert "请输入测温记录单上印的校验值" in html and "示范小区" not in html
    html = render_page(PageView("r1", "mismatch", asked_hash="c" * 64))
    assert "✗ 不一致" in html and "示范小区" not in html


def _squatter_copy(victim: Laptop, squatter: Laptop, record_id: str) -> bytes:
    """The squatter's own, validly sealed record under the victim's public id, claiming a
    pass in another community."""
    record = json.loads(SealedStore(victim.db).envelope_text(record_id))["record"]
    visit = {**record["visit"], "address": {**record["visit"]["address"], "community": "假小区"}}
    record = {**record, "visit": visit, "result": {**record["result"], "verdict": "pass"},
              "device": squatter.key.device_dict(), "chain": {"seq": 1, "prev_sha256": None}}
    return canonical_text(envelope_for(record, squatter.key)).encode("utf-8")


def test_two_devices_under_one_id_each_hash_shows_its_own_record_never_the_squatters(
        office, laptop, tmp_path):
    """Records are keyed per device at the office (`records_by_public_id`): a squatter's
    record under the genuine slip's id is never shown for the genuine hash, before or after the
    genuine record arrives; each hash shows its own record, no hash asks for it."""
    squatter = Laptop(tmp_path / "squatter", laptop_db(tmp_path / "squatter"),
                      DeviceKey.generate())
    [rid] = seal_many(laptop.db, laptop.key, 1, temps=(18.4, 17.2))
    genuine = SealedStore(laptop.db).get(rid).sha256
    fake = _squatter_copy(laptop, squatter, rid)
    fake_sha = json.loads(fake)["sha256"]
    link = office.enroll_key(squatter.folder, squatter.key)
    put = httpx.put(f"{office.url}/api/v1/records/{rid}", content=fake, timeout=10,
                    headers={"Authorization": f"Bearer {link.token}",
                             "X-Device-Id": link.device_id, "Content-Type": "application/json"})
    assert put.status_code == 201

    only_squatter = page(office, f"/v/{rid}", sha256=genuine)        # genuine not yet synced
    assert "✗ 不一致" in only_squatter.text
    assert "假小区" not in only_squatter.text and "合格" not in only_squatter.text

    with SyncClient(laptop.db, office.enroll_key(laptop.folder, laptop.key)) as client:
        assert client.push_pending().sent == 1
    assert {h["ref"] for h in office.store.records_by_public_id(rid)} == {
        record_ref(laptop.key.device_id, rid), record_ref(squatter.key.device_id, rid)}

    mine = page(office, f"/v/{rid}", sha256=genuine)
    assert "✓ 一致" in mine.text and "示范小区" in mine.text and "不合格" in mine.text
    assert "假小区" not in mine.text
    theirs = page(office, f"/v/{rid}", sha256=fake_sha)
    assert "✓ 一致" in theirs.text and "假小区" in theirs.text and "示范小区" not in theirs.text
    neither = page(office, f"/v/{rid}")
    assert "请输入测温记录单上印的校验值" in neither.text
    assert "示范小区" not in neither.text and "假小区" not in neither.text


def test_the_page_limit_counts_the_client_a_trusted_proxy_names(tmp_path):
    """The page's limit uses the office's one client address: a forged X-Forwarded-For buys
    nothing from an untrusted peer; behind a trusted proxy each forwarded client counts."""
    for proxies, forwarded_clients_apart in (((), False), (("127.0.0.1",), True)):
        live = LiveOffice(tmp_path / f"o{len(proxies)}.sqlite3",
                          trusted_proxies=proxies).start()
        try:
            live.app.state.page_throttle = PageThrottle(live.store, limit=2, window_s=60,
                                                        clock=lambda: 0.0)
            codes = [page(live, "/v/r1").status_code]
            codes += [httpx.get(f"{live.url}/v/r1", timeout=10,
                                headers={"X-Forwarded-For": f"203.0.113.{i}"}).status_code
                      for i in range(3)]
            if forwarded_clients_apart:
                assert codes == [404, 404, 404, 404]
            else:
                assert codes == [404, 404, 429, 429]
        finally:
            live.stop()


@pytest.mark.parametrize(("text", "expected"), [
    ("A" * 64, "a" * 64), (" ".join(["0123abcd"] * 8), "0123abcd" * 8),
    ("a" * 63, None), ("g" * 64, None), ("", None)])
def test_a_hash_is_read_as_people_type_it(text, expected):
    assert normalise_hash(text) == expected


def test_supervisors_learn_the_public_address_for_their_rulings(office_db, tmp_path):
    from inspector_app.office.auth import hash_password
    from inspector_app.review.client import ReviewSession

    live = LiveOffice(office_db, public_url="https://heat.example.gov.cn").start()
    try:
        live.store.add_user("admin1", "admin", hash_password("password-1"), None)
        session = ReviewSession.login(live.url, "admin1", "password-1")
        assert session.public_url == "https://heat.example.gov.cn"
    finally:
        live.stop()


@given(st.lists(st.tuples(st.sampled_from(["a", "b", "c"]), st.floats(0, 5)), max_size=200))
def test_no_client_gets_more_than_the_limit_in_any_window(visits):
    """Whatever the order and spacing of requests, a client is admitted at most `limit` times
    within one window after its first admitted request of that window."""
    now = 0.0
    kept: dict[str, tuple[float, int]] = {}
    admitted: dict[str, list[float]] = {}
    for client, step in visits:
        now += step
        kept[client], wait = decide(kept.get(client), now, 3, 10)
        if wait == 0:
            admitted.setdefault(client, []).append(now)
    for client, times in admitted.items():
        windows: list[list[float]] = []
        for t in times:
            if not windows or t - windows[-1][0] >= 10:
                windows.append([t])
            else:
                windows[-1].append(t)
        assert all(len(w) <= 3 for w in windows), client


@given(st.text(alphabet="0123456789abcdefABCDEFg \t\n", max_size=90))
def test_normalising_a_hash_never_accepts_anything_but_64_hex(text):
    out = normalise_hash(text)
    flat = "".join(text.split()).lower()
    ok = len(flat) == 64 and "g" not in flat
    assert out == (flat if ok else None)
