"""The point registry on both backends: point_no given once, idempotent upserts, kept fields,
Chinese words, the household, removal and the audit trail."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from inspector_app.office.households import household_of_parts
from inspector_app.office.monitoring import points

NOW = datetime(2026, 12, 3, 2, 0, tzinfo=UTC)


def raw(point_id: str = "CC-1", **changes: object) -> dict[str, object]:
    values: dict[str, object] = {
        "point_id": point_id, "city": "长春市", "district": "朝阳区", "street": "",
        "community": "绿园小区", "building": "3", "unit": "2", "flat": "501",
        "room_kind": "客厅", "room_name": "客厅", "position": "顶层、边户",
        "company": "长春热力", "installed_on": "2026-10-01"}
    values.update(changes)
    return values


def register(store, *items: dict[str, object], at: datetime = NOW) -> list[str]:
    done = points.register(store, [points.registration(i) for i in items], "chief", at)
    return [o.outcome for o in done]


def row(store, point_id: str) -> dict:
    cols = ("point_no", "household", "room_kind", "position", "correction_c", "calibrated_on",
            "removed_on", "address", "updated_at")
    found = store.db.query_one(f"SELECT {', '.join(cols)} FROM monitoring_points"
                               " WHERE point_id=?", (point_id,))
    return dict(zip(cols, found, strict=True))


def test_point_no_is_given_once_never_reused_nor_changed(store):
    assert register(store, raw("A"), raw("B", flat="502")) == ["new", "new"]
    assert (row(store, "A")["point_no"], row(store, "B")["point_no"]) == (1, 2)
    assert register(store, raw("A", room_name="主卧", room_kind="bedroom")) == ["updated"]
    points.remove(store, "B", date(2026, 11, 1), "chief", NOW)
    assert register(store, raw("C", flat="503")) == ["new"]
    assert [row(store, p)["point_no"] for p in ("A", "B", "C")] == [1, 2, 3]


def test_the_same_values_again_change_nothing_and_a_change_is_audited(store):
    assert register(store, raw()) == ["new"]
    first = row(store, "CC-1")
    assert register(store, raw(), at=NOW + timedelta(hours=1)) == ["unchanged"]
    assert row(store, "CC-1") == first
    later = NOW + timedelta(hours=2)
    assert register(store, raw(company="长春新热力"), at=later) == ["updated"]
    assert row(store, "CC-1")["updated_at"] == "2026-12-03T04:00:00Z" != first["updated_at"]
    with store.db.reading() as c:
        trail = points.changes(c, "CC-1")
    assert [t["kind"] for t in trail] == ["registered", "updated"]
    assert trail[1]["changes"] == {"company": ["长春热力", "长春新热力"]}
    assert trail[1]["by"] == "chief"


def test_words_in_chinese_or_keys_are_stored_as_keys_in_a_fixed_order(store):
    register(store, raw("A", room_kind="起居室", position="悬空，顶层|end"),
             raw("B", flat="502", room_kind="Bedroom", position="ground; 顶层 "),
             raw("C", flat="503", room_kind="其他", position=""))
    assert [(row(store, p)["room_kind"], row(store, p)["position"]) for p in "ABC"] == [
        ("living_room", "top,end,overhang"), ("bedroom", "top,ground"), ("other", "")]


def test_fields_left_out_keep_what_is_stored(store):
    register(store, raw(correction_c="-0.30", calibrated_on="2026-09-20",
                        calibration_ref="JL-2026-17"))
    assert row(store, "CC-1")["correction_c"] == "-0.3"
    points.remove(store, "CC-1", date(2026, 11, 30), "chief", NOW, "moved out")
    assert register(store, raw(), raw(correction_c="", removed_on="")) == ["unchanged"]
    kept = row(store, "CC-1")
    assert (kept["correction_c"], kept["calibrated_on"], kept["removed_on"]) == (
        "-0.3", "2026-09-20", "2026-11-30")
    assert register(store, raw(correction_c="0.5")) == ["updated"]
    assert row(store, "CC-1")["correction_c"] == "0.5"


def test_the_household_is_the_address_key_and_its_row_is_there(store):
    register(store, raw(building="3号楼", flat="501室"))
    key = household_of_parts("长春市", "朝阳区", "", "绿园小区", "3", "2", "501")
    stored = row(store, "CC-1")
    assert stored["household"] == key.household_id
    assert stored["address"] == "长春市朝阳区绿园小区3号楼2单元501室"
    home = store.db.query_one("SELECT key, district FROM households WHERE household_id=?",
                              (key.household_id,))
    assert tuple(home) == (key.text, "朝阳区")
    assert register(store, raw(flat="502")) == ["updated"]          # moved to another flat
    moved = row(store, "CC-1")["household"]
    assert moved != key.household_id
    assert store.db.scalar("SELECT address FROM households WHERE household_id=?",
                           (moved,)) == "长春市朝阳区绿园小区3栋2单元502室"


@pytest.mark.parametrize(("changes", "field"), [
    ({"point_id": "CC 1"}, "point_id"),
    ({"point_id": "x" * 65}, "point_id"),
    ({"district": ""}, "district"),
    ({"community": "", "street": ""}, "community"),
    ({"room_kind": "厨房"}, "room_kind"),
    ({"position": "顶层、阳台"}, "position"),
    ({"company": " "}, "company"),
    ({"installed_on": "2026/10/01"}, "installed_on"),
    ({"installed_on": ""}, "installed_on"),
    ({"removed_on": "2026-09-30"}, "removed_on"),
    ({"correction_c": "12"}, "correction_c"),
    ({"correction_c": "abc"}, "correction_c"),
    ({"room_name": "客\x00厅"}, "room_name"),
])
def test_a_bad_field_is_named_in_both_languages(changes, field):
    with pytest.raises(points.PointRefusal) as refused:
        points.registration(raw(**changes))
    assert refused.value.field == field
    assert refused.value.message_zh and refused.value.message_en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in refused.value.message_en
                   if ch not in str(changes))


def test_removal_is_refused_before_installation_and_for_an_unknown_point(store):
    register(store, raw())
    with pytest.raises(points.PointRefusal) as early:
        points.remove(store, "CC-1", date(2026, 9, 1), "chief", NOW)
    assert early.value.status == 422
    with pytest.raises(points.PointRefusal) as unknown:
        points.remove(store, "CC-9", date(2026, 11, 1), "chief", NOW)
    assert unknown.value.status == 404
    assert row(store, "CC-1")["removed_on"] is None
    assert points.remove(store, "CC-1", date(2026, 11, 1), "chief", NOW, "broken") is True
    assert points.remove(store, "CC-1", date(2026, 11, 1), "chief", NOW) is False
    with store.db.reading() as c:
        trail = points.changes(c, "CC-1")
    assert [(t["kind"], t["reason"]) for t in trail] == [("registered", ""),
                                                         ("removed", "broken")]


def test_a_changed_correction_sends_the_point_s_days_back_to_the_aggregator(store):
    register(store, raw())
    with store.db.write() as c:
        c.executemany("INSERT INTO monitoring_daily (point_no, day, readings, valid, mean_c,"
                      " minutes_below, coverage, status, flags, digest, computed_at) VALUES"
                      " (1, ?, 72, 72, '18.0', 0, '1', 'non_compliant', '{}', 'd', 'x')",
                      [("2026-12-01",), ("2026-12-02",)])
    register(store, raw(room_name="主卧"))
    assert store.db.scalar("SELECT COUNT(*) FROM monitoring_dirty") == 0
    register(store, raw(correction_c="0.4"))
    assert [tuple(r) for r in store.db.query(
        "SELECT point_no, day FROM monitoring_dirty ORDER BY day")] == [
        (1, "2026-12-01"), (1, "2026-12-02")]
