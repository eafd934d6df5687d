"""Importing the hotline's export: each bad input of the issue, on SQLite and PostgreSQL.

The store is the real one (`office_db`: both backends); the files are real files. A refused
file must leave the office exactly as it was; a bad row is reported with its file line and
column while the good rows are stored; importing again adds nothing.
"""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path

import pytest

from inspector_app.core.tickets import TicketData
from inspector_app.office.store import OfficeStore
from inspector_app.office.ticket_import import (
    ImportRefused,
    Mapping,
    import_tickets,
    load_mapping,
    mapping_from_dict,
    read_tickets,
)

ROOT = Path(__file__).resolve().parents[2]
CST = timezone(timedelta(hours=8))
HEADER = list(TicketData.field_names())


def complaint(minutes_ago: float = 60) -> str:
    return (datetime.now(UTC) - timedelta(minutes=minutes_ago)).astimezone(CST).isoformat(
        timespec="seconds")


def row(number: str, **changes: str) -> dict[str, str]:
    values = {"channel": "12345", "ticket": number, "complaint_at": complaint(),
              "resident_name": "张三", "resident_phone": "13800138000", "city": "长春市",
              "district": "朝阳区", "street": "人民大街", "community": "幸福小区", "building": "3",
              "unit": "2", "flat": "501", "company": "长春热力", "text": "暖气不热"}
    values.update(changes)
    return values


def write_csv(path: Path, rows: list[dict], header: list[str] = HEADER, *,
              encoding: str = "utf-8", bom: bool = False) -> Path:
    with open(path, "w", newline="", encoding=encoding) as handle:
        if bom:
            handle.write("\ufeff")
        writer = csv.writer(handle)
        writer.writerow(header)
        for r in rows:
            writer.writerow([r.get(h, "") for h in header])
    return path


def saver(store: OfficeStore, by: str = "dispatcher"):
    def save(batch):
        return store.save_tickets(batch, source="hotline", by=by, profile_name="changchun")
    return save


def counts(store: OfficeStore) -> tuple[int, int, int]:
    return tuple(store.db.scalar(f"SELECT count(*) FROM {t}")
                 for t in ("tickets", "ticket_revisions", "ticket_events"))


@pytest.fixture
def store(office_db):
    s = OfficeStore(office_db)
    yield s
    s.close()


def test_a_good_file_is_imported_and_importing_it_again_adds_nothing(store, tmp_path):
    path = write_csv(tmp_path / "t.csv", [row("A1"), row("A2"), row("A3", channel="96118")])
    first = import_tickets(path, saver(store))
    assert (first.rows, first.new, first.refused) == (3, 3, 0)
    assert counts(store) == (3, 3, 3)
    again = import_tickets(path, saver(store))
    assert (again.new, again.revised, again.unchanged, again.refused) == (0, 0, 3, 0)
    assert counts(store) == (3, 3, 3)
    detail = store.ticket_detail("96118", "A3")
    assert detail["state"] == "received" and detail["revisions"][0]["source"] == "hotline"
    assert detail["events"][0]["by"] == "dispatcher"


def test_a_changed_row_becomes_revision_2(store, tmp_path):
    at = complaint()   # once: the two files must differ only in A1's text, not in a second
    import_tickets(write_csv(tmp_path / "a.csv", [row("A1", complaint_at=at),
                                                  row("A2", complaint_at=at)]), saver(store))
    changed = import_tickets(write_csv(tmp_path / "b.csv", [
        row("A1", complaint_at=at, text="暖气不热，家里有老人"), row("A2", complaint_at=at)]),
        saver(store))
    assert (changed.new, changed.revised, changed.unchanged) == (0, 1, 1)
    detail = store.ticket_detail("12345", "A1")
    assert detail["revision"] == 2 and detail["data"]["text"] == "暖气不热，家里有老人"
    assert [r["data"]["text"] for r in detail["revisions"]] == ["暖气不热", "暖气不热，家里有老人"]
    assert [e["kind"] for e in detail["events"]] == ["received", "revised"]


def test_a_bad_row_among_good_ones_is_reported_with_line_and_column(store, tmp_path):
    rows = [row("A1", text="第一行\n第二行\n第三行"),          # one row over file lines 2-4
            row("A2"),                                          # line 5
            row("A3", resident_phone="12345"),                  # line 6: bad phone
            row("A4", complaint_at="2026-11-30 08:00:00"),      # line 7: no zone
            row("A5", complaint_at=(datetime.now(CST) + timedelta(days=2)).isoformat()),
            row("A6", channel="110"),                           # line 9: unknown channel
            row("A7", street=""),                               # line 10: no street
            row("A8")]                                          # line 11
    summary = import_tickets(write_csv(tmp_path / "t.csv", rows), saver(store))
    assert (summary.rows, summary.new, summary.refused) == (8, 3, 5)
    found = [(e.row, e.column, e.ticket) for e in summary.errors]
    assert found == [(6, "resident_phone", "A3"), (7, "complaint_at", "A4"),
                     (8, "complaint_at", "A5"), (9, "channel", "A6"), (10, "street", "A7")]
    messages = {e.row: (e.zh, e.en) for e in summary.errors}
    assert "时区" in messages[7][0] and "no time zone" in messages[7][1]
    assert "将来" in messages[8][0] and "future" in messages[8][1]
    assert summary.errors[0].message("en").startswith("line 6, column 'resident_phone': ")
    assert summary.errors[0].message("zh").startswith("第 6 行，列“resident_phone”：")
    assert sorted(t for _, t in store.ticket_keys("A1") + store.ticket_keys("A2")
                  + store.ticket_keys("A8")) == ["A1", "A2", "A8"]
    assert counts(store)[0] == 3


def test_a_gbk_file_is_refused_whole_even_when_its_first_rows_read(store, tmp_path):
    """Two full batches of plain ASCII rows, then Chinese in GBK: nothing may be stored."""
    path = tmp_path / "gbk.csv"
    ascii_rows = [row(f"A{i}", resident_name="Zhang San", city="Changchun", district="Chaoyang",
                      street="Renmin", community="", company="Heat Co", text="cold")
                  for i in range(2100)]
    write_csv(path, [*ascii_rows, row("B1")], encoding="gbk")
    with pytest.raises(ImportRefused) as refused:
        import_tickets(path, saver(store))
    assert "GBK" in refused.value.message_zh and "UTF-8" in refused.value.message_zh
    assert "not UTF-8" in refused.value.message_en and "line 2102" in refused.value.message_en
    assert "Nothing was imported" in refused.value.message_en
    assert counts(store) == (0, 0, 0)


def test_missing_columns_refuse_the_whole_file(store, tmp_path):
    header = [h for h in HEADER if h not in ("resident_phone", "flat")]
    path = write_csv(tmp_path / "t.csv", [row("A1")], header)
    with pytest.raises(ImportRefused) as refused:
        import_tickets(path, saver(store))
    assert "resident_phone" in refused.value.message_en and "flat" in refused.value.message_en
    assert "缺少必需的列" in refused.value.message_zh
    assert counts(store) == (0, 0, 0)
    # the optional ones may be absent
    optional = [h for h in HEADER if h not in ("community", "unit", "text", "city")]
    assert import_tickets(write_csv(tmp_path / "o.csv", [row("A1")], optional),
                          saver(store)).new == 1


def test_duplicate_numbers_in_one_file(store, tmp_path):
    """Identical rows count once; the same number with other content is refused, also when
    the two are in different batches (the check is on disk, not per batch)."""
    rows = [row("A1"), row("A2"), row("A1"), row("A3"), row("A1", resident_name="李四"),
            row("A2", channel="96118")]                     # another channel: another ticket
    summary = import_tickets(write_csv(tmp_path / "t.csv", rows), saver(store), batch_rows=2)
    assert (summary.rows, summary.new, summary.repeated, summary.refused) == (6, 4, 1, 1)
    [error] = summary.errors
    assert (error.row, error.column, error.ticket) == (6, "ticket", "A1")
    assert "line 2" in error.en and "duplicate" in error.en and "重复" in error.zh
    assert store.ticket_detail("12345", "A1")["data"]["resident_name"] == "张三"


MAPPING = """
# the platform's export of the 12345 hotline (its own headers, no channel or city column)
[columns]
ticket = "工单编号"
complaint_at = "来电时间"
resident_name = "联系人"
resident_phone = "联系电话"
district = "所属区"
street = "街路"
community = "小区"
building = "楼号"
unit = "单元"
flat = "房号"
company = "供热单位"
text = "诉求内容"

[constants]
channel = "12345"
city = "长春市"

[time]
zone = "+08:00"
"""


def test_a_mapping_file_with_other_headers_constants_and_a_zone(store, tmp_path):
    mapping = tmp_path / "map.toml"
    mapping.write_text(MAPPING, encoding="utf-8")
    naive = (datetime.now(CST) - timedelta(hours=2)).replace(tzinfo=None).isoformat(sep=" ",
                                                                                   timespec="seconds")
    header = ["工单编号", "来电时间", "联系人", "联系电话", "所属区", "街路", "小区", "楼号", "单元",
              "房号", "供热单位", "诉求内容", "坐席"]
    lines = [["2026120001", naive, "王五", "0431-88886666", "南关区", "解放大路", "", "12", "1",
              "302", "长春热力", "室温16度", "07"],
             ["2026120002", complaint(30), "赵六", "13900139000", "南关区", "解放大路", "", "12",
              "1", "303", "长春热力", "", "07"]]
    path = tmp_path / "export.csv"
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header, *lines])
    summary = import_tickets(path, saver(store), mapping=load_mapping(mapping))
    assert (summary.new, summary.refused) == (2, 0), summary.errors
    first = store.ticket_detail("12345", "2026120001")
    assert first["complaint_at"] == naive.replace(" ", "T") + "+08:00"
    assert first["data"]["city"] == "长春市" and first["district"] == "南关区"
    # a missing column is named as the platform calls it
    with open(path, "w", newline="", encoding="utf-8") as handle:
        csv.writer(handle).writerows([header[1:], *[r[1:] for r in lines]])
    with pytest.raises(ImportRefused) as refused:
        import_tickets(path, saver(store), mapping=load_mapping(mapping))
    assert "工单编号" in refused.value.message_en


def test_without_a_zone_in_the_mapping_a_naive_time_is_refused(tmp_path):
    path = write_csv(tmp_path / "t.csv", [row("A1", complaint_at="2026-11-30T08:00:00")])
    [(line, error)] = list(read_tickets(path, "csv", Mapping()))
    assert (line, error.column) == (2, "complaint_at") and "time zone" in error.en
    zoned = mapping_from_dict({"time": {"zone": "+08:00"}})
    [(_, ticket)] = list(read_tickets(path, "csv", zoned))
    assert ticket.complaint_at == "2026-11-30T08:00:00+08:00"


@pytest.mark.parametrize(("text", "said"), [
    ("[columns]\nphone = \"电话\"\n", "not a ticket field"),
    ("[columns]\nchannel = \"渠道\"\n[constants]\nchannel = \"12345\"\n", "both a column"),
    ("[columns]\nticket = \"号\"\nflat = \"号\"\n", "mapped to several fields"),
    ("[time]\nzone = \"Asia/Shanghai\"\n", "offset like +08:00"),
    ("[time]\nzone = \"+25:00\"\n", "offset like +08:00"),
    ("[time]\nformat = \"%Y\"\n", "takes only zone"),
    ("[colums]\n", "unknown sections"),
    ("[constants]\ncity = 5\n", "must be text"),
    ("[columns\n", "not valid TOML"),
])
def test_a_bad_mapping_file_is_refused(tmp_path, text, said):
    path = tmp_path / "map.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        load_mapping(path)
    assert said in refused.value.message_en
    assert refused.value.message_zh and refused.value.message_zh != refused.value.message_en


def test_a_file_with_a_bom_reads_its_header(store, tmp_path):
    path = write_csv(tmp_path / "excel.csv", [row("A1"), row("A2")], bom=True)
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")
    summary = import_tickets(path, saver(store))
    assert (summary.new, summary.refused) == (2, 0)


def test_json_lines(store, tmp_path):
    path = tmp_path / "t.jsonl"
    lines = [json.dumps(row("J1"), ensure_ascii=False),
             "",
             json.dumps({**row("J2"), "flat": 502, "building": 7}, ensure_ascii=False),
             "{not json",
             json.dumps([1, 2]),
             json.dumps({**row("J3"), "resident_name": ["张", "三"]}, ensure_ascii=False),
             json.dumps({**row("J4"), "note": "an extra key is ignored"}, ensure_ascii=False)]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    summary = import_tickets(path, saver(store))
    assert summary.format == "jsonl"
    assert (summary.rows, summary.new, summary.refused) == (6, 3, 3)
    assert [(e.row, e.column) for e in summary.errors] == [(4, ""), (5, ""),
                                                           (6, "resident_name")]
    assert store.ticket_detail("12345", "J2")["data"]["flat"] == "502"
    # the first object decides the columns: one without a required key refuses the file
    bad = tmp_path / "bad.ndjson"
    bad.write_text(json.dumps({k: v for k, v in row("K1").items() if k != "company"}) + "\n",
                   encoding="utf-8")
    with pytest.raises(ImportRefused) as refused:
        import_tickets(bad, saver(store))
    assert "company" in refused.value.message_en


def test_a_file_that_cannot_be_read_or_is_empty(tmp_path, store):
    with pytest.raises(ImportRefused) as refused:
        import_tickets(tmp_path / "nowhere.csv", saver(store))
    assert "cannot read" in refused.value.message_en
    (tmp_path / "empty.csv").write_bytes(b"")
    with pytest.raises(ImportRefused) as refused:
        import_tickets(tmp_path / "empty.csv", saver(store))
    assert "empty" in refused.value.message_en
    (tmp_path / "u16.csv").write_text(",".join(HEADER), encoding="utf-16")
    with pytest.raises(ImportRefused) as refused:
        import_tickets(tmp_path / "u16.csv", saver(store))
    assert "UTF-16" in refused.value.message_en
    assert counts(store) == (0, 0, 0)


def test_a_row_of_the_wrong_width_and_broken_quoting(store, tmp_path):
    path = tmp_path / "t.csv"
    good = ",".join(row("A1").values())
    path.write_text(",".join(HEADER) + "\n" + good + "\n" + "12345,A2,short\n"
                    + good.replace("A1", "A3") + ",,\n"        # trailing empty fields: fine
                    + '12345,"A4"x,' + ",".join(list(row("A4").values())[2:]) + "\n",
                    encoding="utf-8")
    summary = import_tickets(path, saver(store))
    assert (summary.new, summary.refused) == (2, 2)
    assert [e.row for e in summary.errors] == [3, 5]
    assert "3 fields" in summary.errors[0].en and "CSV" in summary.errors[1].en


def generate(path: Path, count: int) -> None:
    start = datetime(2026, 11, 1, 8, 0, tzinfo=CST)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(HEADER)
        for i in range(count):
            writer.writerow(["12345", f"T{i:07d}", (start + timedelta(seconds=7 * i)).isoformat(),
                             "张三", f"138{i:08d}", "长春市", "朝阳区", "人民大街", "幸福小区",
                             str(i % 40 + 1), "1", str(i % 30 + 101), "长春热力", "暖气不热"])


IMPORT_CLOCK = lambda: datetime(2026, 12, 1, tzinfo=UTC)   # noqa: E731 - after `generate`'s


def deferring(store: OfficeStore, seen: list | None = None, stop_after: int | None = None):
    """An import's save: cases left to regroup at the end; `seen` gets (cases rows, stale
    marks) after each batch; the batch after `stop_after` batches raises (a crash)."""
    def save(batch):
        if stop_after is not None and len(seen) == stop_after:
            raise RuntimeError("the office stopped")
        out = store.save_tickets(batch, source="hotline", by="dispatcher",
                                 profile_name="changchun", defer_cases=True)
        if seen is not None:
            seen.append((store.scalar("SELECT count(*) FROM cases"),
                         store.scalar("SELECT count(*) FROM cases_stale")))
        return out
    return save


def cases_rows(store: OfficeStore) -> list:
    return store.query("SELECT * FROM cases ORDER BY case_id")


def regrouped_again(store: OfficeStore) -> list:
    """The cases after regrouping every household's season at once (`refresh_for`)."""
    from inspector_app.office.cases import refresh_for
    with store.db.write() as c:
        refresh_for(c, set(map(tuple, c.execute("SELECT household, complaint_at FROM tickets"))))
    return cases_rows(store)


def test_an_import_marks_its_households_and_regroups_them_once_at_the_end(store, tmp_path):
    """300 tickets over 120 flats in batches of 100: no batch regroups (each marks the flats
    it touched, in its own transaction); the cases are whole when the import returns."""
    generate(tmp_path / "t.csv", 300)
    seen: list = []
    summary = import_tickets(tmp_path / "t.csv", deferring(store, seen), batch_rows=100,
                             clock=IMPORT_CLOCK, settle=store.regroup_stale_cases)
    assert summary.new == 300
    assert seen == [(0, 100), (0, 120), (0, 120)]
    assert store.scalar("SELECT count(*) FROM cases_stale") == 0
    rows = cases_rows(store)
    assert len(rows) == 120 and store.scalar("SELECT sum(tickets) FROM cases") == 300
    assert regrouped_again(store) == rows          # nothing left to change


def test_an_import_stopped_half_way_leaves_marks_the_next_import_regroups(store, tmp_path):
    generate(tmp_path / "t.csv", 300)
    seen: list = []
    with pytest.raises(RuntimeError):
        import_tickets(tmp_path / "t.csv", deferring(store, seen, stop_after=2),
                       batch_rows=100, clock=IMPORT_CLOCK, settle=store.regroup_stale_cases)
    assert store.scalar("SELECT count(*) FROM tickets") == 200
    assert (store.scalar("SELECT count(*) FROM cases"),
            store.scalar("SELECT count(*) FROM cases_stale")) == (0, 120)
    other = write_csv(tmp_path / "o.csv", [row("B1", flat="902", complaint_at="2026-11-20T09:00"
                                                                             ":00+08:00")])
    assert import_tickets(other, deferring(store), clock=IMPORT_CLOCK,
                          settle=store.regroup_stale_cases).new == 1
    assert store.scalar("SELECT count(*) FROM cases_stale") == 0
    assert (len(cases_rows(store)), store.scalar("SELECT sum(tickets) FROM cases")) == (121, 201)
    assert regrouped_again(store) == cases_rows(store)


def test_a_regrouping_clears_the_marks_it_read_but_not_one_marked_again(store):
    """A mark a writer set again after the regrouping read the marks (other evidence) stays;
    a single save regrouping the household at once clears its mark."""
    from inspector_app.office.cases import _clear_marks, _marks_of, mark_stale
    store.save_tickets([ticket_data("A1")], source="hotline", by="d", defer_cases=True)
    home, at = store.query("SELECT household, complaint_at FROM tickets")[0]
    with store.db.write() as c:
        marks = _marks_of(c, {(home, "2026-2027")})
        assert len(marks) == 1
        mark_stale(c, {(home, at)})            # another batch marks it again
        _clear_marks(c, marks)
    assert store.scalar("SELECT count(*) FROM cases_stale") == 1
    store.save_tickets([ticket_data("A2")], source="hotline", by="d")
    assert store.scalar("SELECT count(*) FROM cases_stale") == 0
    assert store.scalar("SELECT sum(tickets) FROM cases") == 2


def ticket_data(number: str) -> TicketData:
    return TicketData.validated(row(number, complaint_at="2026-11-20T09:00:00+08:00"),
                                datetime(2026, 12, 1, tzinfo=UTC))


@pytest.mark.slow
def test_100000_rows_in_bounded_memory_with_progress(tmp_path):
    """The real CLI in a child process, 10,000 rows then 100,000: its peak memory does not
    grow with the rows (the 100,000-row file alone is 16 MB; its rows held as objects would
    be well over 100 MB)."""
    small, big = tmp_path / "small.csv", tmp_path / "big.csv"
    generate(small, 10_000)
    generate(big, 100_000)
    peaks = {}
    for name, source in (("small", small), ("big", big)):
        result, peaks[name] = _run_measured(tmp_path / f"{name}.sqlite3", source)
        assert result.returncode == 0, result.stderr
        summary = json.loads(result.stdout)
        assert summary["new"] == summary["rows"] == (10_000 if name == "small" else 100_000)
    progress = [line for line in result.stderr.splitlines() if line.endswith("rows…")]
    assert progress == [f"{n} rows…" for n in range(10_000, 100_001, 10_000)]
    assert peaks["big"] - peaks["small"] < 20_000, peaks          # KB
    store = OfficeStore(tmp_path / "big.sqlite3")
    assert counts(store) == (100_000, 100_000, 100_000)
    store.close()


def _run_measured(db: Path, source: Path) -> tuple[subprocess.CompletedProcess, int]:
    """The CLI in a child whose own peak RSS (KB) is read from its rusage when reaped."""
    proc = subprocess.Popen([sys.executable, "-m", "inspector_app.office.cli", "--db", str(db),
                             "--lang", "en", "tickets", "import", str(source), "--json"],
                            cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    out = proc.stdout.read()
    err = proc.stderr.read()
    _pid, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    return subprocess.CompletedProcess(proc.args, proc.returncode, out.decode(),
                                       err.decode()), usage.ru_maxrss
