"""`inspector-office tickets ...`, inspector accounts and their enrolment codes, through the
office CLI's real entry point, on SQLite and PostgreSQL.

Every refusal: exit status 2, words in the chosen language, no traceback, nothing written.
"""

from __future__ import annotations

import csv
import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from inspector_app.core.tickets import TicketData
from inspector_app.office.auth import check_password
from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore
from inspector_app.seal.enrolment_proof import sign_enrolment

CST = timezone(timedelta(hours=8))
HEADER = list(TicketData.field_names())


def run(db, *argv, lang: str = "en"):
    return office_main(["--db", str(db), "--lang", lang, *argv])


def refused(capsys, code: int) -> str:
    """The refusal's words (stderr), after checking it was one and said without a traceback."""
    out = capsys.readouterr()
    assert code == 2, out
    assert "Traceback" not in out.err and out.err.strip()
    return out.err


def row(number: str, channel: str = "12345", district: str = "朝阳区", minutes_ago: int = 90,
        **changes: str) -> list[str]:
    values = {"channel": channel, "ticket": number,
              "complaint_at": (datetime.now(UTC) - timedelta(minutes=minutes_ago)).astimezone(
                  CST).isoformat(timespec="seconds"),
              "resident_name": "张三", "resident_phone": "13800138000", "city": "长春市",
              "district": district, "street": "人民大街", "community": "幸福小区",
              "building": "3", "unit": "2", "flat": "501", "company": "长春热力",
              "text": "暖气不热"}
    values.update(changes)
    return [values[h] for h in HEADER]


def write(path, rows, encoding="utf-8"):
    with open(path, "w", newline="", encoding=encoding) as handle:
        csv.writer(handle).writerows([HEADER, *rows])
    return path


def events(db) -> int:
    store = OfficeStore(db)
    try:
        return store.db.scalar("SELECT count(*) FROM ticket_events")
    finally:
        store.close()


def test_import_exit_status_summary_and_json(office_db, tmp_path, capsys):
    good = write(tmp_path / "good.csv", [row("A1"), row("A2")])
    assert run(office_db, "tickets", "import", str(good)) == 0
    out = capsys.readouterr().out
    assert "2 rows: 2 new, 0 revised, 0 unchanged, 0 repeated in the file, 0 refused" in out
    assert run(office_db, "tickets", "import", str(good), lang="zh") == 0
    assert "共 2 行：新增 0，更新（新版本）0，未变 2" in capsys.readouterr().out
    mixed = write(tmp_path / "mixed.csv", [row("A1", text="又不热了"), row("A3"),
                                          row("A4", resident_phone="1")])
    assert run(office_db, "tickets", "import", str(mixed), "--json", "--by", "王调度") == 2
    summary = json.loads(capsys.readouterr().out)
    assert {k: summary[k] for k in ("rows", "new", "revised", "unchanged", "refused")} == {
        "rows": 4 - 1, "new": 1, "revised": 1, "unchanged": 0, "refused": 1}
    assert summary["errors"] == [{
        "row": 4, "column": "resident_phone", "field": "resident_phone", "ticket": "A4",
        "reason": summary["errors"][0]["reason"], "reason_zh": summary["errors"][0]["reason_zh"]}]
    assert "phone" in summary["errors"][0]["reason"] and "电话" in summary["errors"][0]["reason_zh"]
    assert run(office_db, "tickets", "import", str(mixed), lang="zh") == 2
    out = capsys.readouterr().out
    assert "第 4 行，列“resident_phone”：电话号码“1”无效" in out
    assert run(office_db, "tickets", "show", "12345/A1", "--json") == 0
    detail = json.loads(capsys.readouterr().out)
    assert detail["revision"] == 2 and detail["revisions"][1]["by"] == "王调度"


def test_a_refused_file_writes_nothing_and_says_why(office_db, tmp_path, capsys):
    gbk = write(tmp_path / "gbk.csv", [row("A1"), row("A2")], encoding="gbk")
    err = refused(capsys, run(office_db, "tickets", "import", str(gbk), lang="zh"))
    assert "不是 UTF-8 编码" in err and "GBK" in err and "整个文件未导入" in err
    err = refused(capsys, run(office_db, "tickets", "import", str(gbk)))
    assert "is not UTF-8" in err and "Nothing was imported" in err
    assert run(office_db, "tickets", "import", str(gbk), "--json") == 2
    answer = json.loads(capsys.readouterr().out)
    assert answer["error"] == "file_refused" and "GBK" in answer["reason_zh"]
    missing = tmp_path / "missing.csv"
    with open(missing, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([HEADER[1:], row("A1")[1:]])
    assert "lacks required columns: channel" in refused(
        capsys, run(office_db, "tickets", "import", str(missing)))
    mapping = tmp_path / "map.toml"
    mapping.write_text("[columns]\nphone = \"电话\"\n", encoding="utf-8")
    good = write(tmp_path / "good.csv", [row("A1")])
    assert "not a ticket field" in refused(capsys, run(
        office_db, "tickets", "import", str(good), "--mapping", str(mapping)))
    assert "对照文件" in refused(capsys, run(
        office_db, "tickets", "import", str(good), "--mapping", str(tmp_path / "none.toml"),
        lang="zh"))
    assert "nosuch" in refused(capsys, run(office_db, "tickets", "import", str(good),
                                           "--profile", "nosuch"))
    assert events(office_db) == 0


def test_jsonl_by_extension_and_by_format(office_db, tmp_path, capsys):
    lines = [json.dumps(dict(zip(HEADER, row(n), strict=True)), ensure_ascii=False)
             for n in ("J1", "J2")]
    by_name = tmp_path / "t.ndjson"
    by_name.write_text("\n".join(lines), encoding="utf-8")
    assert run(office_db, "tickets", "import", str(by_name), "--json") == 0
    assert json.loads(capsys.readouterr().out)["new"] == 2
    other = tmp_path / "export.txt"
    other.write_text(lines[0].replace("J1", "J3"), encoding="utf-8")
    assert run(office_db, "tickets", "import", str(other), "--format", "jsonl", "--json") == 0
    assert json.loads(capsys.readouterr().out)["new"] == 1


def add_inspector(db, name, district, capsys):
    assert run(db, "add-user", name, "--role", "inspector", "--district", district) == 0
    assert f"inspector account {name} created ({district})" in capsys.readouterr().out


def enrol(db, laptop, capsys, *extra):
    assert run(db, "enrollment-code", *extra) == 0
    code = capsys.readouterr().out.strip()
    store = OfficeStore(db)
    try:
        store.enroll(code, laptop.key.device_id, laptop.key.public_key_b64,
                     sign_enrolment(laptop.key, code), "car 3")
    finally:
        store.close()


def test_inspector_accounts_and_their_enrolment_codes(office_db, capsys, laptop, monkeypatch):
    db = office_db
    monkeypatch.setattr("sys.stdin", None)        # an inspector is never asked for a password
    add_inspector(db, "li", "朝阳区", capsys)
    store = OfficeStore(db)
    assert store.user("li")["role"] == "inspector" and store.user("li")["district"] == "朝阳区"
    assert check_password(store, "li", "") is None and check_password(store, "li", "!") is None
    store.close()
    assert "needs --district" in refused(capsys, run(db, "add-user", "wang", "--role",
                                                     "inspector"))
    assert "检测员账号需要 --district" in refused(capsys, run(
        db, "add-user", "wang", "--role", "inspector", "--district", " ", lang="zh"))
    assert "has no password" in refused(capsys, run(
        db, "add-user", "wang", "--role", "inspector", "--district", "朝阳区", "--password-stdin"))
    assert "already exists" in refused(capsys, run(
        db, "add-user", "li", "--role", "inspector", "--district", "朝阳区"))
    # a code for someone who is not an inspector is refused, and none is made
    assert "no inspector account zhao" in refused(capsys, run(
        db, "enrollment-code", "--inspector", "zhao"))
    assert "没有检测员账号 zhao" in refused(capsys, run(
        db, "enrollment-code", "--inspector", "zhao", lang="zh"))
    store = OfficeStore(db)
    assert store.db.scalar("SELECT count(*) FROM enrollment_codes") == 0
    store.close()
    assert run(db, "enrollment-code", "--inspector", "li") == 0
    captured = capsys.readouterr()
    assert "a laptop of inspector li" in captured.err
    store = OfficeStore(db)
    store.enroll(captured.out.strip(), laptop.key.device_id, laptop.key.public_key_b64,
                 sign_enrolment(laptop.key, captured.out.strip()), "car 3")
    assert store.device(laptop.key.device_id).inspector == "li"
    store.close()
    assert run(db, "devices", "--json") == 0
    [device] = json.loads(capsys.readouterr().out)
    assert device["inspector"] == "li"
    assert run(db, "devices") == 0
    assert f"{laptop.key.device_id}  active  li  code" in capsys.readouterr().out


def test_a_plain_code_keeps_a_re_enrolled_laptops_inspector(office_db, capsys, laptop):
    add_inspector(office_db, "li", "朝阳区", capsys)
    enrol(office_db, laptop, capsys, "--inspector", "li")
    store = OfficeStore(office_db)
    store.allow_reenrolment(laptop.key.device_id, "admin", "new disk")
    store.close()
    enrol(office_db, laptop, capsys)
    assert run(office_db, "devices", "--json") == 0
    assert json.loads(capsys.readouterr().out)[0]["inspector"] == "li"


@pytest.fixture
def dispatched(office_db, tmp_path, capsys, laptop):
    """Tickets A1 (12345 and 96118: ambiguous), B1 (朝阳区, overdue), C1 (南关区, fresh); an
    inspector li of 朝阳区 with an enrolled laptop, wang without one."""
    path = write(tmp_path / "t.csv", [row("A1", minutes_ago=100), row("A1", channel="96118", minutes_ago=95),
                                      row("B1"),
                                      row("C1", district="南关区", minutes_ago=5)])
    assert run(office_db, "tickets", "import", str(path)) == 0
    add_inspector(office_db, "li", "朝阳区", capsys)
    add_inspector(office_db, "wang", "朝阳区", capsys)
    add_inspector(office_db, "zhou", "南关区", capsys)
    enrol(office_db, laptop, capsys, "--inspector", "li")
    return office_db


def test_list_and_show(dispatched, capsys):
    db = dispatched
    assert run(db, "tickets", "list", "--json") == 0
    items = json.loads(capsys.readouterr().out)
    assert [i["key"] for i in items] == ["12345/A1", "96118/A1", "12345/B1", "12345/C1"]
    assert run(db, "tickets", "list", "--overdue", "--district", "朝阳区", "--json") == 0
    assert [i["key"] for i in json.loads(capsys.readouterr().out)] == [
        "12345/A1", "96118/A1", "12345/B1"]
    assert run(db, "tickets", "list", "--district", "南关区") == 0
    out = capsys.readouterr().out
    assert "12345/C1  received  " in out and "(unassigned)" in out and "OVERDUE" not in out
    assert run(db, "tickets", "list", "--state", "assigned") == 0
    assert "no tickets" in capsys.readouterr().out
    assert run(db, "tickets", "list", "--limit", "2", lang="zh") == 0
    out = capsys.readouterr().out
    assert "【超时未联系】" in out and "仅列出前 2 张" in out
    assert run(db, "tickets", "show", "B1") == 0
    out = capsys.readouterr().out
    assert "12345/B1" in out and "contact within 30 min" in out and "received" in out
    err = refused(capsys, run(db, "tickets", "show", "A1"))
    assert "several channels: 12345, 96118" in err and "12345/A1" in err
    assert "多个渠道" in refused(capsys, run(db, "tickets", "show", "A1", lang="zh"))
    assert "no ticket numbered Z9" in refused(capsys, run(db, "tickets", "show", "Z9"))
    assert "no ticket 12319/A1" in refused(capsys, run(db, "tickets", "show", "12319/A1"))
    assert "--limit" in refused(capsys, run(db, "tickets", "list", "--limit", "0"))


def test_assign_cancel_close(dispatched, capsys):
    db = dispatched
    before = events(db)
    assert "no enrolled, unrevoked laptop" in refused(
        capsys, run(db, "tickets", "assign", "B1", "--inspector", "wang"))
    assert "no enabled inspector account named nobody" in refused(
        capsys, run(db, "tickets", "assign", "B1", "--inspector", "nobody"))
    assert "works in 南关区" in refused(
        capsys, run(db, "tickets", "assign", "B1", "--inspector", "zhou"))
    assert "several channels" in refused(
        capsys, run(db, "tickets", "assign", "A1", "--inspector", "li"))
    assert events(db) == before                    # nothing half-written
    assert run(db, "tickets", "assign", "12345/A1", "--inspector", "li", "--by", "王调度") == 0
    assert "ticket 12345/A1 assigned to li" in capsys.readouterr().out
    assert run(db, "tickets", "list", "--inspector", "li", "--json") == 0
    [mine] = json.loads(capsys.readouterr().out)
    assert (mine["key"], mine["state"], mine["inspector"]) == ("12345/A1", "assigned", "li")
    # close needs a tested (or unreachable) ticket; cancel needs a reason
    assert "cannot apply 'closed'" in refused(capsys, run(db, "tickets", "close", "B1"))
    assert "不能执行“办结”" in refused(capsys, run(db, "tickets", "close", "B1", lang="zh"))
    assert "needs a --reason" in refused(capsys, run(db, "tickets", "cancel", "B1",
                                                     "--reason", "  "))
    with pytest.raises(SystemExit) as usage:
        run(db, "tickets", "cancel", "B1")
    assert usage.value.code == 2
    capsys.readouterr()
    middle = events(db)
    assert run(db, "tickets", "cancel", "B1", "--reason", "居民撤诉", "--by", "王调度",
               lang="zh") == 0
    assert "已撤销工单 12345/B1" in capsys.readouterr().out
    assert events(db) == middle + 1
    assert "cannot apply 'cancelled'" in refused(capsys, run(db, "tickets", "cancel", "B1",
                                                             "--reason", "again"))
    assert run(db, "tickets", "show", "12345/B1", "--json") == 0
    detail = json.loads(capsys.readouterr().out)
    assert (detail["state"], detail["reason"]) == ("cancelled", "居民撤诉")
    assert detail["events"][-1]["by"] == "王调度" and detail["events"][-1]["source"] == "office"
    assert events(db) == middle + 1


def test_a_folder_or_a_pipe_is_refused_in_words(office_db, tmp_path, capsys):
    """The import reads the file twice (UTF-8 first): a pipe cannot be, a folder is no file."""
    for source in (tmp_path, "/dev/stdin"):
        for lang, words in (("en", "is not a file that can be read"), ("zh", "不是可读取的文件")):
            assert words in refused(capsys, run(office_db, "tickets", "import", str(source),
                                                "--format", "csv", lang=lang))
    assert events(office_db) == 0


def test_show_speaks_one_language(office_db, tmp_path, capsys):
    assert run(office_db, "tickets", "import", str(write(tmp_path / "t.csv", [row("A1")]))) == 0
    assert run(office_db, "tickets", "cancel", "A1", "--reason", "重复工单") == 0
    capsys.readouterr()
    assert run(office_db, "tickets", "show", "A1", lang="zh") == 0
    shown = capsys.readouterr().out
    assert "撤销" in shown and "热线" in shown and "原因：重复工单" in shown
    assert not any(word in shown for word in ("cancelled", "hotline", "office", "reason",
                                              "complaint_at", "digest"))
    assert "+08:00）" in shown.split("截止")[1].splitlines()[0]   # the deadline in the zone


def test_show_says_whether_the_inspectors_laptop_has_it(dispatched, capsys):
    db = dispatched
    assert run(db, "tickets", "assign", "B1", "--inspector", "li") == 0
    capsys.readouterr()
    assert run(db, "tickets", "show", "B1", lang="zh") == 0
    assert "未送达" in capsys.readouterr().out
    store = OfficeStore(db)
    try:
        with store.write() as c:   # as a laptop's receipt leaves it (office.delivery)
            c.execute("UPDATE tickets SET delivered_at='2026-12-02T10:00:00+08:00'"
                      " WHERE ticket='B1'")
    finally:
        store.close()
    assert run(db, "tickets", "show", "B1") == 0
    assert "delivered to the inspector's laptop: 2026-12-02T10:00+08:00" in \
        capsys.readouterr().out
    assert run(db, "tickets", "show", "C1") == 0
    assert "delivered" not in capsys.readouterr().out   # nobody holds it
