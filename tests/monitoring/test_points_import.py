"""`inspector-office points ...` and `platform-key`, through the office CLI's real entry point,
on SQLite and PostgreSQL: idempotent imports, row errors, GBK, refused files, keys."""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta

from inspector_app.office.cli import main as office_main
from inspector_app.office.monitoring.ingest import ingest
from inspector_app.office.monitoring.platform_keys import company_of_key
from inspector_app.office.monitoring.points_csv import COLUMNS
from inspector_app.office.store import OfficeStore


def run(db, *argv, lang: str = "en") -> int:
    return office_main(["--db", str(db), "--lang", lang, *argv])


def point(point_id: str, flat: str = "501", **changes: str) -> dict[str, str]:
    values = {"point_id": point_id, "city": "长春市", "district": "朝阳区", "street": "人民大街",
              "community": "绿园小区", "building": "3", "unit": "2", "flat": flat,
              "room_kind": "客厅", "room_name": "客厅", "position": "顶层、边户",
              "company": "长春热力", "installed_on": "2026-10-01"}
    values.update(changes)
    return values


def write(path, rows: list[dict[str, str]], encoding: str = "utf-8",
          header: tuple[str, ...] = COLUMNS):
    with open(path, "w", encoding=encoding, newline="") as handle:
        out = csv.writer(handle)
        out.writerow(header)
        for r in rows:
            out.writerow([r.get(h, "") for h in header])
    return path


def stored(db) -> dict[str, tuple]:
    store = OfficeStore(db)
    try:
        return {r[0]: tuple(r[1:]) for r in store.db.query(
            "SELECT point_id, point_no, room_kind, position, updated_at FROM monitoring_points")}
    finally:
        store.close()


def test_importing_the_same_file_again_changes_nothing_and_says_so(office_db, tmp_path, capsys):
    path = write(tmp_path / "points.csv", [point(f"CC-{n:04d}", flat=str(500 + n))
                                           for n in range(1, 41)])
    assert run(office_db, "points", "import", str(path)) == 0
    assert "40 rows: 40 new, 0 updated, 0 unchanged, 0 refused" in capsys.readouterr().out
    first = stored(office_db)
    assert sorted(no for no, *_ in first.values()) == list(range(1, 41))
    assert first["CC-0001"][1:3] == ("living_room", "top,end")
    assert run(office_db, "points", "import", str(path)) == 0
    out = capsys.readouterr().out
    assert "40 rows: 0 new, 0 updated, 40 unchanged, 0 refused" in out
    assert "nothing in the registry changed" in out
    assert stored(office_db) == first                      # point_no and updated_at as they were
    assert run(office_db, "points", "import", str(path), lang="zh") == 0
    assert "未变 40" in capsys.readouterr().out


def test_bad_rows_are_reported_by_line_and_column_and_the_good_ones_imported(
        office_db, tmp_path, capsys):
    path = write(tmp_path / "points.csv", [
        point("CC-1"),
        point("CC-2", flat="502", room_kind="厨房"),
        point("CC-3", flat="503", installed_on="2026-13-01"),
        point("CC 4", flat="504"),
        point("CC-1", flat="505"),
        point("CC-6", flat="506", position="顶层、阳台"),
        point("CC-7", flat="507", position="底层 悬空", room_kind="起居室"),
    ])
    assert run(office_db, "points", "import", str(path)) == 2
    out = capsys.readouterr().out
    assert "line 3, column 'room_kind'" in out
    assert "line 4, column 'installed_on'" in out
    assert "line 5, column 'point_id'" in out
    assert "line 6, column 'point_id': point CC-1 is already on line 2" in out
    assert "line 7, column 'position'" in out
    assert "7 rows: 2 new, 0 updated, 0 unchanged, 5 refused" in out
    held = stored(office_db)
    assert sorted(held) == ["CC-1", "CC-7"]
    assert held["CC-7"][1:3] == ("living_room", "ground,overhang")
    assert run(office_db, "points", "import", str(path), "--json") == 2
    summary = json.loads(capsys.readouterr().out)
    assert (summary["new"], summary["unchanged"], summary["refused"]) == (0, 2, 5)
    assert summary["errors"][0]["line"] == 3 and summary["errors"][0]["reason_zh"]
    assert run(office_db, "points", "import", str(path), lang="zh") == 2
    assert "第 3 行，列“room_kind”：房间类型只能是" in capsys.readouterr().out


def test_a_gbk_file_is_read_with_encoding_gbk_and_refused_whole_without(
        office_db, tmp_path, capsys):
    path = write(tmp_path / "gbk.csv", [point("CC-1"), point("CC-2", flat="502")]
                 + [point(f"CC-{n}", flat=str(n)) for n in range(3, 300)], encoding="gbk")
    assert run(office_db, "points", "import", str(path)) == 2
    err = capsys.readouterr().err
    assert "cannot be read as UTF-8" in err and "--encoding gbk" in err
    assert stored(office_db) == {}
    assert run(office_db, "points", "import", str(path), "--encoding", "gbk") == 0
    assert len(stored(office_db)) == 299
    store = OfficeStore(office_db)
    try:
        row = store.db.query_one("SELECT address, company FROM monitoring_points"
                                 " WHERE point_id='CC-1'")
    finally:
        store.close()
    assert tuple(row) == ("长春市朝阳区人民大街绿园小区3栋2单元501室", "长春热力")


def test_a_file_that_is_not_a_points_csv_is_refused_whole(office_db, tmp_path, capsys):
    cases = {
        "header.csv": write(tmp_path / "header.csv", [point("CC-1")],
                            header=tuple(c for c in COLUMNS if c != "company") + ("comapny",)),
        "twice.csv": write(tmp_path / "twice.csv", [point("CC-1")], header=(*COLUMNS, "city")),
        "zip.xlsx": tmp_path / "zip.xlsx",
        "quote.csv": tmp_path / "quote.csv",
        "empty.csv": tmp_path / "empty.csv",
        "missing.csv": tmp_path / "missing.csv",
        "folder": tmp_path,
    }
    cases["zip.xlsx"].write_bytes(b"PK\x03\x04\x14\x00\x06\x00\x08\x00\x00\x00!\x00\xeb\x92\xff")
    good = ",".join(point("CC-1").values())
    cases["quote.csv"].write_text(",".join(COLUMNS) + "\n" + good + "\n" + good.replace(
        "CC-1", '"CC-2') + "\n", encoding="utf-8")
    cases["empty.csv"].write_bytes(b"")
    for name, path in cases.items():
        assert run(office_db, "points", "import", str(path)) == 2, name
        out = capsys.readouterr()
        assert out.err.strip() and "Traceback" not in out.err, name
        assert "Nothing was imported" in out.err or "is not a file" in out.err \
            or "is empty" in out.err, (name, out.err)
    assert stored(office_db) == {}
    assert run(office_db, "points", "import", str(cases["header.csv"]), lang="zh") == 2
    assert "缺少列：company" in capsys.readouterr().err


def test_readings_that_came_before_the_registration_leave_quarantine(office_db, tmp_path,
                                                                      capsys):
    store = OfficeStore(office_db)
    try:
        now = datetime.now(UTC)
        early = ingest(store, [{"point_id": "CC-1", "t": (now - timedelta(hours=1)).isoformat(),
                                "value_c": 19.5}], company=None, source="http", now=now)
        assert early.quarantined == 1
        assert run(office_db, "points", "import",
                   str(write(tmp_path / "p.csv", [point("CC-1")]))) == 0
        assert "1 readings that arrived earlier left quarantine" in capsys.readouterr().out
        assert store.db.scalar("SELECT COUNT(*) FROM monitoring_readings") == 1
    finally:
        store.close()


def test_points_list_and_remove(office_db, tmp_path, capsys):
    write(tmp_path / "p.csv", [point("CC-1"), point("CC-2", flat="502", district="南关区")])
    assert run(office_db, "points", "import", str(tmp_path / "p.csv")) == 0
    capsys.readouterr()
    assert run(office_db, "points", "remove", "CC-1", "--on", "2026-11-02") == 0
    assert "removed on 2026-11-02" in capsys.readouterr().out
    assert run(office_db, "points", "remove", "CC-1", "--on", "2026-11-02") == 0
    assert "nothing changed" in capsys.readouterr().out
    assert run(office_db, "points", "remove", "CC-9", "--on", "2026-11-02") == 2
    assert "no monitoring point CC-9" in capsys.readouterr().err
    assert run(office_db, "points", "remove", "CC-2", "--on", "2026-09-02") == 2
    assert "before the installation" in capsys.readouterr().err
    assert run(office_db, "points", "remove", "CC-2", "--on", "02.11.2026") == 2
    capsys.readouterr()
    assert run(office_db, "points", "list", "--json") == 0
    assert {p["point_id"]: p["state"] for p in json.loads(capsys.readouterr().out)} == {
        "CC-1": "removed", "CC-2": "silent"}
    assert run(office_db, "points", "list", "--district", "南关区", lang="zh") == 0
    listed = capsys.readouterr().out
    assert "CC-2  未上报  南关区" in listed and "CC-1" not in listed


def test_a_platform_key_printed_once_authenticates_until_revoked(office_db, capsys):
    assert run(office_db, "platform-key", "--company", "长春热力", "--label", "平台A") == 0
    said, key = capsys.readouterr().out.strip().splitlines()
    key_id = said.split()[2]
    assert key_id.startswith("pk_") and key.startswith("hpk_")
    store = OfficeStore(office_db)
    try:
        assert company_of_key(store, key) == "长春热力"
        assert run(office_db, "platform-key", "--list") == 0
        listed = capsys.readouterr().out
        assert key_id in listed and "live" in listed and key not in listed
        assert run(office_db, "platform-key", "--revoke", key_id) == 0
        assert company_of_key(store, key) is None
        assert run(office_db, "platform-key", "--list") == 0
        assert "revoked" in capsys.readouterr().out
    finally:
        store.close()
    assert run(office_db, "platform-key", "--revoke", "pk_nothing") == 2
    assert "there is no platform key pk_nothing" in capsys.readouterr().err
    assert run(office_db, "platform-key", "--company", " ", lang="zh") == 2
    assert "须写明供热企业名称" in capsys.readouterr().err
