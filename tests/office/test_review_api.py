"""Review API: supervisor login, filters, keyset and offset paging, detail, review state."""

from __future__ import annotations

from datetime import date

import httpx
import pytest

from inspector_app.office.listing import FILTER_COLUMNS, RecordFilter
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncClient
from tests.sync.factory import seal_many

N = 24


@pytest.fixture
def filled(office, laptop):
    """24 records: days 1..24 of Nov 2026, four districts, three companies, every 3rd passes."""
    link = office.enroll_key(laptop.folder, laptop.key)
    ids = []
    for i in range(N):
        temps = (18.4, 18.6) if i % 3 == 0 else (18.4, 17.2)
        ids += seal_many(laptop.db, laptop.key, 1, start=i, temps=temps)
    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == N
    return ids


def test_review_endpoints_need_a_supervisor(office, filled):
    assert httpx.get(f"{office.url}/api/v1/records").status_code == 401
    bad = httpx.get(f"{office.url}/api/v1/records", headers={"Authorization": "Bearer nope"})
    assert bad.status_code == 401 and bad.json()["reason_zh"]
    rid = filled[0]
    assert httpx.get(f"{office.url}/api/v1/records/{rid}").status_code == 401
    assert httpx.put(f"{office.url}/api/v1/records/{rid}/review",
                     json={"state": "approved"}).status_code == 401


def test_keyset_paging_visits_every_record_once_newest_first(office, filled):
    seen, cursor, totals = [], None, set()
    with office.admin() as admin:
        while True:
            params = {"limit": 7, **({"cursor": cursor} if cursor else {})}
            page = admin.get("/api/v1/records", params=params).json()
            totals.add(page["total"])
            seen += page["items"]
            cursor = page["next_cursor"]
            if cursor is None:
                break
        assert totals == {N} and len(seen) == N
        assert sorted(i["record_id"] for i in seen) == sorted(filled)
        keys = [(i["test_at"], i["record_id"]) for i in seen]
        assert keys == sorted(keys, reverse=True)
        second = admin.get("/api/v1/records", params={"limit": 7, "offset": 7}).json()
        assert [i["record_id"] for i in second["items"]] == [i["record_id"] for i in seen[7:14]]
        assert admin.get("/api/v1/records", params={"cursor": "%%%"}).status_code == 422
        assert page["total_exact"] is True


def test_total_is_capped_unless_asked_for_exactly(office, filled):
    capped = office.store.list_records(RecordFilter(), limit=5, count_cap=10)
    assert (capped.total, capped.total_exact, len(capped.items)) == (10, False, 5)
    with office.admin() as admin:
        exact = admin.get("/api/v1/records", params={"limit": 5, "exact_total": "true"}).json()
        assert (exact["total"], exact["total_exact"]) == (N, True)


def test_filters_each_narrow_the_list_and_the_total(office, filled):
    with office.admin() as admin:
        def ids(**params):
            page = admin.get("/api/v1/records", params={"limit": 500, **params}).json()
            assert page["total"] == len(page["items"])
            return {i["record_id"] for i in page["items"]}

        everything = ids()
        by_district = ids(district="朝阳区")
        assert by_district and by_district < everything
        assert all(admin.get(f"/api/v1/records/{r}").json()["district"] == "朝阳区"
                   for r in by_district)
        assert len(ids(company="长春热力")) == N // 3
        assert len(ids(inspector="李四")) == N // 3
        assert len(ids(verdict="pass")) == N // 3 and len(ids(verdict="fail")) == 2 * N // 3
        assert len(ids(date_from="2026-11-05", date_to="2026-11-08")) == 4  # inclusive ends
        assert ids(date_from="2026-11-24") == {filled[-1]}
        assert ids(training="true") == set()
        both = ids(district="朝阳区", verdict="pass")
        assert both == by_district & ids(verdict="pass")


def test_detail_review_state_and_history(office, laptop, filled):
    rid = filled[5]
    with office.admin() as admin:
        detail = admin.get(f"/api/v1/records/{rid}").json()
        assert detail["review_state"] == "received" and detail["verification"] == "verified"
        assert detail["envelope"]["record"]["record_id"] == rid
        assert detail["review_history"] == []
        answer = admin.put(f"/api/v1/records/{rid}/review",
                           json={"state": "has_issues", "comment": "缺少室外温度照片"})
        assert answer.status_code == 200
        answer = admin.put(f"/api/v1/records/{rid}/review",
                           json={"state": "approved", "comment": "已补充"})
        body = answer.json()
        assert body["review_state"] == "approved" and body["review_comment"] == "已补充"
        assert [(h["state"], h["by"]) for h in body["review_history"]] == \
            [("has_issues", "tester"), ("approved", "tester")]
        listed = admin.get("/api/v1/records", params={"review_state": "approved"}).json()
        assert [i["record_id"] for i in listed["items"]] == [rid]
        assert admin.put(f"/api/v1/records/{rid}/review",
                         json={"state": "maybe"}).status_code == 422
        assert admin.put("/api/v1/records/nope/review",
                         json={"state": "approved"}).status_code == 404
        raw = admin.get(f"/api/v1/records/{rid}/envelope")
        assert raw.content == SealedStore(laptop.db).envelope_text(rid).encode()
        assert raw.headers["x-record-sha256"] == detail["sha256"]


def test_devices_listed_and_revoked_through_the_api(office, laptop, filled):
    with office.admin() as admin:
        [device] = admin.get("/api/v1/devices").json()
        assert device["device_id"] == laptop.key.device_id and device["can_upload"]
        assert device["last_seen_at"]
        revoked = admin.post(f"/api/v1/devices/{device['device_id']}/revoke",
                             json={"reason": "lost"}).json()
        assert revoked["revoked_at"] and revoked["revoked_reason"] == "lost"
        assert not revoked["can_upload"]


def test_every_filter_reads_an_index_in_sort_order(tmp_path):
    """Over a million records the list must not scan or sort: check the query plans."""
    from inspector_app.office.store import OfficeStore
    store = OfficeStore(tmp_path / "o.sqlite3")
    for name in FILTER_COLUMNS:
        value = True if name == "training" else "x"
        clauses, params = RecordFilter(**{name: value}).where()
        plan = " ".join(r[3] for r in store.query(
            "EXPLAIN QUERY PLAN SELECT record_id FROM records WHERE "
            + " AND ".join([*clauses, "test_at >= ?", "(test_at, ref) < (?, ?)"])
            + " ORDER BY test_at DESC, ref DESC LIMIT 50",
            [*params, "2026-11-01", "2026-12-01", "z"]))
        assert f"INDEX records_{name}" in plan, plan
        assert "TEMP B-TREE" not in plan, plan
    plan = " ".join(r[3] for r in store.query(
        "EXPLAIN QUERY PLAN SELECT record_id FROM records WHERE test_at >= ? AND test_at < ?"
        " ORDER BY test_at DESC, ref DESC LIMIT 50", ["2026-11-01", "2026-12-01"]))
    assert "records_test_at" in plan and "TEMP B-TREE" not in plan
    assert RecordFilter(date_to=date(2026, 11, 30)).where() == (["test_at < ?"], ["2026-12-01"])


def test_a_malformed_request_is_refused_in_the_office_s_shape(office, filled):
    """Pydantic's own 422 would reach the supervisor as 'not the office's answer'."""
    with office.admin() as admin:
        long = admin.post(f"/api/v1/records/{filled[0]}/comments", json={"comment": "x" * 4001})
        wrong_type = admin.post(f"/api/v1/records/{filled[0]}/rulings",
                                json={"daily_fee_per_m2": "0.2", "failing_days": "many"})
        bad_limit = admin.get("/api/v1/records", params={"limit": 0})
    for answer in (long, wrong_type, bad_limit):
        body = answer.json()
        assert answer.status_code == 422 and body["error"] == "invalid_request"
        assert body["reason_zh"].startswith("请求内容不符合要求") and body["reason"]
    assert "comment" in long.json()["reason"] and "failing_days" in wrong_type.json()["reason"]


def test_only_an_admin_lists_the_devices(office, filled):
    from tests.office.uploaded import supervisor

    with supervisor(office, "nanguan", "南关区") as sup:
        answer = sup.get("/api/v1/devices")
        assert answer.status_code == 403 and answer.json()["reason_zh"]
    with office.admin() as admin:
        assert admin.get("/api/v1/devices").status_code == 200
