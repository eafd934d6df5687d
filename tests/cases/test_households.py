"""Households at the office, on both backends: records and tickets linked as they are stored,
revisions moving a ticket, rows of an office from before revision 0007 linked by the backfill,
and merges and splits (audited, refused across districts, undone exactly)."""

from __future__ import annotations

import json
from datetime import date

import pytest
from alembic import command

from inspector_app.core.household import key_of_address
from inspector_app.office import households, schema
from inspector_app.office.db import Database
from inspector_app.office.households import HouseholdRefusal, backfill
from inspector_app.office.ingest import incoming_from
from inspector_app.office.store import OfficeStore
from inspector_app.office.ticket_intake import content
from tests.cases.homes import Laptop, cases_of, snapshot, store_envelopes
from tests.office.ticket_helpers import ticket

HOME = key_of_address({"city": "长春市", "district": "朝阳区", "community": "幸福小区",
                       "building": "3", "unit": "2", "flat": "501"}).household_id


def test_one_home_written_three_ways_is_one_household_with_one_case(store, tmp_path):
    lap = Laptop(tmp_path / "laptop")
    days = 3 * 24 * 60
    store.save_tickets([ticket("A1", building="3号楼", flat="501室", minutes_ago=days),
                        ticket("A2", building="３栋", flat=" 501 ", minutes_ago=days)],
                       source="hotline", by="t")
    refs = store_envelopes(store, lap.seal(day=date(2026, 1, 5), temps=(15.0, 15.0)),
                           lap.seal(day=date(2026, 1, 8), temps=(18.5, 18.5)))
    assert {r[0] for r in store.query("SELECT household FROM tickets")} == {HOME}
    assert {r[0] for r in store.query("SELECT household FROM records")} == {HOME}
    assert store.scalar("SELECT count(*) FROM households") == 1
    assert store.scalar("SELECT district FROM households") == "朝阳区"
    # the raw address is kept beside the key: each ticket's and record's own parts as sent,
    # and the household's first address seen
    assert store.scalar("SELECT key FROM households") == "长春市|朝阳区|幸福小区|3|2|501"
    assert store.scalar("SELECT address FROM households").startswith("长春市朝阳区人民大街幸福小区3号楼")
    assert {json.loads(r[0])["building"] for r in store.query("SELECT data FROM tickets")} == {
        "3号楼", "３栋"}
    [case] = cases_of(store)
    assert (case["case_id"], case["state"], case["records"], case["tickets"]) == (
        f"{HOME}-2025-2026-1", "open", 2, 2)
    assert case["opened_kind"] == "ticket" and case["district"] == "朝阳区"
    assert case["last_test_at"] == "2026-01-08T01:00:00Z"
    assert store_envelopes(store) == [] and refs


def test_a_revision_moving_a_ticket_to_another_flat_moves_its_case(store):
    store.save_tickets([ticket("A1")], source="hotline", by="t")
    [before] = cases_of(store)
    store.save_tickets([ticket("A1", flat="502")], source="hotline", by="t")
    other = key_of_address({"city": "长春市", "district": "朝阳区", "community": "幸福小区",
                            "building": "3", "unit": "2", "flat": "502"}).household_id
    assert store.scalar("SELECT household FROM tickets") == other
    [after] = cases_of(store)
    assert after["household"] == other and after["tickets"] == 1
    assert store.scalar("SELECT count(*) FROM cases WHERE case_id=?", (before["case_id"],)) == 0
    store.save_tickets([ticket("A1", flat="502")], source="hotline", by="t")   # unchanged
    assert cases_of(store) == [after]


def test_a_records_case_is_regrouped_when_a_passing_retest_arrives_first(store, tmp_path):
    lap = Laptop(tmp_path / "laptop")
    failing = lap.seal(day=date(2026, 1, 5), temps=(15.0, 15.0))
    passing = lap.seal(day=date(2026, 1, 9), temps=(18.5, 18.5))
    store_envelopes(store, passing)
    assert cases_of(store) == []                       # a pass alone is no dispute
    store_envelopes(store, failing)
    [case] = cases_of(store)
    assert (case["records"], case["opened_kind"]) == (2, "record")


# -- an office from before 0007 ---------------------------------------------------------------

def _office_at_0006(target: str, envelopes: list[bytes]) -> None:
    db = Database(target)
    try:
        with db.write() as c:
            config = schema.alembic_config()
            config.attributes["connection"] = c.conn
            command.upgrade(config, "0006")
        with db.write() as c:
            for n, raw in enumerate(envelopes, start=1):
                item = incoming_from(json.loads(raw), raw)
                c.execute("INSERT INTO devices (device_id, public_key, label, enrolled_via,"
                          " enrolled_at) VALUES (?, 'k', 'laptop', 'code', 'now')"
                          " ON CONFLICT DO NOTHING", (item.device_id,))
                c.execute("INSERT INTO records (ref, record_id, device_id, seq, sha256,"
                          " envelope, envelope_size, received_at, received_via, sealed_at,"
                          " training, test_at, district, company, verdict, address,"
                          " profile_name, arrival) VALUES (?,?,?,?,?,?,?,?,'upload',?,0,?,?,?,"
                          "?,?,?,?)",
                          (item.ref, item.record_id, item.device_id, item.seq, item.sha256, raw,
                           len(raw), "2026-01-10T10:00:00+08:00", item.sealed_at, item.test_at,
                           item.district, item.company, item.verdict, item.address,
                           item.profile_name, n))
            for t in (ticket("A1", building="3号楼"), ticket("B7", flat="9")):
                columns = content(t, t.digest(), "changchun")[:-1]   # no household in 0006
                c.execute("INSERT INTO tickets (channel, ticket, revision, digest, data,"
                          " complaint_at, complaint_utc, deadline_utc, profile_name, city,"
                          " district, company, address, state, received_at, updated_at)"
                          " VALUES (?,?,1,?,?,?,?,?,?,?,?,?,?,'received','now','now')",
                          (t.channel, t.ticket, *columns))
    finally:
        db.close()


def test_an_office_from_before_cases_gets_households_and_cases_on_opening(office_db, tmp_path):
    lap = Laptop(tmp_path / "laptop")
    _office_at_0006(office_db, [lap.seal(day=date(2026, 1, 5), temps=(15.0, 15.0)),
                                lap.seal(day=date(2026, 1, 6), flat="777")])
    store = OfficeStore(office_db)        # upgraded to 0007 and backfilled
    try:
        assert store.revision == schema.head()
        assert store.scalar("SELECT count(*) FROM records WHERE household=''") == 0
        assert store.scalar("SELECT count(*) FROM tickets WHERE household=''") == 0
        assert store.scalar("SELECT count(*) FROM households") == 3   # 501, 777, 9
        by_home = {c["household"]: c for c in cases_of(store)}
        assert by_home[HOME]["records"] == 1 and by_home[HOME]["tickets"] == 1
        assert len(by_home) == 3
        before = snapshot(store)
        assert backfill(store.db) == 0                                 # idempotent
        assert snapshot(store) == before
    finally:
        store.close()


# -- merge and split --------------------------------------------------------------------------

def two_homes(store: OfficeStore, lap: Laptop) -> tuple[str, str]:
    """A ticket for flat 501 and a failing test of the same flat written "5-01": two
    households, two open cases."""
    store.save_tickets([ticket("A1")], source="hotline", by="t")
    store_envelopes(store, lap.seal(day=date(2026, 1, 5), temps=(15.0, 15.0), flat="5-01"))
    other = {r[0] for r in store.query("SELECT household FROM records")}.pop()
    return other, HOME


def test_a_merge_joins_the_cases_and_its_split_restores_them(store, tmp_path):
    other, home = two_homes(store, Laptop(tmp_path / "laptop"))
    before = {c["case_id"]: c for c in cases_of(store)}
    assert len(before) == 2

    change = households.merge(store, other, home, "王科长", "同一户：5-01 即 501")
    assert (change["kind"], change["household_id"], change["into_id"], change["by"]) == (
        "merge", other, home, "王科长")
    [merged] = cases_of(store)
    assert (merged["household"], merged["records"], merged["tickets"]) == (home, 1, 1)
    first = min(before.values(), key=lambda c: c["opened_at"])   # the test, before the call
    assert (merged["case_id"], merged["opened_at"]) == (first["case_id"], first["opened_at"])
    found = households.household(store, home)
    assert found["merged"] == [other] and [c["kind"] for c in found["changes"]] == ["merge"]
    assert households.household(store, other)["canonical"] == home

    undo = households.split(store, change["id"], "王科长", "合并错了")
    assert (undo["kind"], undo["undoes"], undo["household_id"]) == ("split", change["id"], other)
    after = {c["case_id"]: c for c in cases_of(store)}
    strip = ("updated_at",)
    assert {k: {n: v for n, v in c.items() if n not in strip} for k, c in after.items()} == \
        {k: {n: v for n, v in c.items() if n not in strip} for k, c in before.items()}
    assert store.scalar("SELECT count(*) FROM household_changes") == 2


def test_refused_merges_and_splits_change_nothing(store, tmp_path):
    lap = Laptop(tmp_path / "laptop")
    other, home = two_homes(store, lap)
    store_envelopes(store, lap.seal(day=date(2026, 1, 6), temps=(15.0, 15.0), district="南关区"))
    elsewhere = store.scalar("SELECT household FROM records WHERE district='南关区'")
    change = households.merge(store, other, home, "王科长", "同一户")
    before = snapshot(store)
    refusals = {
        "other_district": lambda: households.merge(store, elsewhere, home, "王", "x"),
        "same_household": lambda: households.merge(store, home, home, "王", "x"),
        "already_merged": lambda: households.merge(store, other, elsewhere, "王", "x"),
        "not_found": lambda: households.merge(store, "h" + "f" * 20, home, "王", "x"),
    }
    for code, attempt in refusals.items():
        with pytest.raises(HouseholdRefusal) as refused:
            attempt()
        assert refused.value.code == code and refused.value.zh and refused.value.en
    with pytest.raises(HouseholdRefusal) as refused:   # another district's supervisor
        households.merge(store, other, home, "王", "x", may_see=lambda d: d == "南关区")
    assert refused.value.status == 404
    assert snapshot(store) == before
    households.split(store, change["id"], "王科长", "错了")
    after_split = snapshot(store)
    for attempt, code in ((lambda: households.split(store, change["id"], "王", "x"),
                           "already_split"),
                          (lambda: households.split(store, change["id"] + 1, "王", "x"),
                           "not_a_merge"),
                          (lambda: households.split(store, 999, "王", "x"), "not_found")):
        with pytest.raises(HouseholdRefusal) as refused:
            attempt()
        assert refused.value.code == code
    assert snapshot(store) == after_split
    assert before != after_split


def test_a_record_failing_the_recheck_opens_no_case(store, tmp_path):
    lap = Laptop(tmp_path / "laptop")
    [ref] = store_envelopes(store, lap.seal(day=date(2026, 1, 5), temps=(15.0, 15.0)))
    [case] = cases_of(store)
    assert case["opened_ref"] == ref
    store.set_verification(ref, "failed")
    assert cases_of(store) == []
    store.set_verification(ref, "verified")
    assert [c["case_id"] for c in cases_of(store)] == [case["case_id"]]
