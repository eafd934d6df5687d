"""Server-side sorting of the review list: every sort, both directions, keyset and offset paging,
ticket and address-prefix filters, district scoping, and the query plans behind them."""

from __future__ import annotations

import pytest

from inspector_app.office.listing import SORTS, Ordering, RecordFilter, page_sql
from inspector_app.office.store import OfficeStore
from tests.office.uploaded import supervisor, upload

N = 24


@pytest.fixture
def filled(office, laptop):
    return upload(office, laptop, N)


def walk(client, limit: int = 5, **params) -> list[dict]:
    """Every item of the list by following next_cursor."""
    seen, cursor = [], None
    while True:
        query = {"limit": limit, **params, **({"cursor": cursor} if cursor else {})}
        answer = client.get("/api/v1/records", params=query)
        assert answer.status_code == 200, answer.text
        page = answer.json()
        seen += page["items"]
        cursor = page["next_cursor"]
        if cursor is None:
            return seen


def expected(items: list[dict], sort: str, order: str) -> list[str]:
    keys = Ordering(sort, order).keys
    ordered = sorted(items, key=lambda i: tuple(i[k] for k in keys), reverse=order == "desc")
    return [i["record_id"] for i in ordered]


def test_every_sort_both_ways_by_cursor_and_by_offset(office, filled):
    with office.admin() as admin:
        everything = admin.get("/api/v1/records", params={"limit": 500}).json()["items"]
        assert len(everything) == N
        for sort in SORTS:
            for order in ("asc", "desc"):
                got = [i["record_id"] for i in walk(admin, sort=sort, order=order)]
                assert got == expected(everything, sort, order), (sort, order)
                third = admin.get("/api/v1/records", params={
                    "sort": sort, "order": order, "limit": 5, "offset": 10}).json()
                assert [i["record_id"] for i in third["items"]] == got[10:15]
        # the default is still newest test first
        assert [i["record_id"] for i in everything] == expected(everything, "test_at", "desc")
        by_company = [i["company"] for i in walk(admin, sort="company", order="asc")]
        assert by_company == sorted(by_company) and len(set(by_company)) == 3


def test_bad_sort_order_and_foreign_cursor_are_refused_in_both_languages(office, filled):
    with office.admin() as admin:
        for params, code in (({"sort": "sha256"}, "bad_sort"), ({"order": "up"}, "bad_order")):
            answer = admin.get("/api/v1/records", params=params)
            assert answer.status_code == 422
            body = answer.json()
            assert body["error"] == code and body["reason"] and body["reason_zh"]
        cursor = admin.get("/api/v1/records", params={"sort": "company", "limit": 3}
                           ).json()["next_cursor"]
        assert admin.get("/api/v1/records", params={
            "sort": "company", "limit": 3, "cursor": cursor}).status_code == 200
        for other in ({"sort": "inspector"}, {"sort": "company", "order": "asc"}, {}):
            answer = admin.get("/api/v1/records", params={**other, "cursor": cursor})
            assert answer.status_code == 422, other
            assert answer.json()["error"] == "bad_cursor" and answer.json()["reason_zh"]


def test_ticket_and_address_prefix_filters(office, filled):
    with office.admin() as admin:
        everything = admin.get("/api/v1/records", params={"limit": 500}).json()["items"]
        one = everything[7]
        found = admin.get("/api/v1/records", params={"ticket": one["ticket"]}).json()
        assert [i["record_id"] for i in found["items"]] == [one["record_id"]]
        assert found["total"] == 1
        assert admin.get("/api/v1/records", params={"ticket": one["ticket"][:-1]}
                         ).json()["total"] == 0
        prefix = "长春市朝阳区"
        assert any(i["address"].startswith(prefix) for i in everything)
        want = {i["record_id"] for i in everything if i["address"].startswith(prefix)}
        got = walk(admin, address_prefix=prefix, sort="address", order="asc")
        assert {i["record_id"] for i in got} == want and 0 < len(want) < N
        assert [i["record_id"] for i in got] == expected(got, "address", "asc")
        assert walk(admin, address_prefix="长春市朝阳区人民大街示范小区9栋") != []
        assert walk(admin, address_prefix="北京市") == []


def test_a_supervisor_sorts_only_their_district(office, filled):
    with office.admin() as admin:
        everything = admin.get("/api/v1/records", params={"limit": 500}).json()["items"]
    mine = [i for i in everything if i["district"] == "南关区"]
    with supervisor(office, "nanguan", "南关区") as sup:
        for sort in ("company", "inspector", "received_at", "verdict"):
            for order in ("asc", "desc"):
                got = walk(sup, limit=2, sort=sort, order=order)
                assert [i["record_id"] for i in got] == expected(mine, sort, order)
        assert walk(sup, district="朝阳区", sort="company") == []


def plan(store: OfficeStore, filt: RecordFilter, ordering: Ordering, with_cursor: bool) -> str:
    key = ["x"] * len(ordering.keys) if with_cursor else None
    sql, params = page_sql("record_id, company, address", filt, ordering, key)
    return " | ".join(r[3] for r in store.query(
        f"EXPLAIN QUERY PLAN {sql} LIMIT 51", params))


def test_common_sorts_walk_an_index_without_sorting(tmp_path):
    store = OfficeStore(tmp_path / "o.sqlite3")
    district = RecordFilter(district="朝阳区")
    cases = [(district, "company", "records_district_company"),
             (district, "inspector", "records_district_inspector"),
             (district, "received_at", "records_district_received_at"),
             (district, "address", "records_district_address"),
             (RecordFilter(district="朝阳区", verdict="fail"), "test_at",
              "records_district_verdict"),
             (RecordFilter(), "received_at", "records_received_at"),
             (RecordFilter(), "address", "records_address"),
             (RecordFilter(address_prefix="长春市朝阳区"), "address", "records_address")]
    for filt, sort, index in cases:
        for order in ("asc", "desc"):
            for with_cursor in (False, True):
                text = plan(store, filt, Ordering(sort, order), with_cursor)
                assert index in text.replace("|", " ").split(), (sort, order, text)
                assert "TEMP B-TREE" not in text, (sort, order, text)
    for sort in SORTS:  # whatever a district's supervisor sorts by, nothing is sorted in memory
        text = plan(store, district, Ordering(sort, "desc"), True)
        assert "TEMP B-TREE" not in text and "SCAN records" not in text, (sort, text)
    clauses, params = RecordFilter(district="朝阳区", verdict="fail").where()
    count = " ".join(r[3] for r in store.query(
        f"EXPLAIN QUERY PLAN SELECT count(*) FROM records WHERE {' AND '.join(clauses)}", params))
    assert "COVERING INDEX records_district_verdict" in count
    ticket = " ".join(r[3] for r in store.query(
        "EXPLAIN QUERY PLAN SELECT record_id FROM records WHERE ticket=?", ["T-1"]))
    assert "records_ticket" in ticket
