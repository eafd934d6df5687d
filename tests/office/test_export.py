"""Export of the review list as CSV (streamed, BOM, translated) and xlsx, read back and checked."""

from __future__ import annotations

import csv
import io
import re

import pytest
from openpyxl import load_workbook

from inspector_app.office import export
from inspector_app.office.store import Incoming
from tests.office.uploaded import supervisor, upload

N = 12


@pytest.fixture
def filled(office, laptop):
    return upload(office, laptop, N)


def read_csv(answer) -> list[list[str]]:
    assert answer.status_code == 200, answer.text
    assert answer.headers["content-type"].startswith("text/csv")
    assert answer.content.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(answer.content.decode("utf-8-sig"))))


def listed(client, **params) -> list[dict]:
    return client.get("/api/v1/records", params={"limit": 500, **params}).json()["items"]


def test_csv_has_every_row_in_the_list_order_translated(office, filled, monkeypatch):
    monkeypatch.setattr(export, "EXPORT_CHUNK", 5)  # three keyset chunks for 12 rows
    with office.admin() as admin:
        answer = admin.get("/api/v1/records/export", params={"sort": "company", "order": "asc"})
        rows = read_csv(answer)
        disposition = answer.headers["content-disposition"]
        assert re.fullmatch(r'attachment; filename="records-\d{8}-\d{6}\.csv"', disposition)
        header, body = rows[0], rows[1:]
        assert header[:3] == ["记录编号", "检测时间（UTC+08:00）", "区"] and len(header) == 18
        items = listed(admin, sort="company", order="asc")
        assert [r[0] for r in body] == [i["record_id"] for i in items] and len(body) == N
        col = {name: header.index(name) for name in ("结论", "审核状态", "培训", "序号", "地址")}
        assert {r[col["结论"]] for r in body} == {"合格", "不合格"}
        assert sum(r[col["结论"]] == "合格" for r in body) == N // 3
        assert {r[col["审核状态"]] for r in body} == {"待审核"}
        assert {r[col["培训"]] for r in body} == {"否"}
        assert sorted(int(r[col["序号"]]) for r in body) == list(range(1, N + 1))
        assert [r[col["地址"]] for r in body] == [i["address"] for i in items]

        english = read_csv(admin.get("/api/v1/records/export", params={
            "lang": "en", "verdict": "fail", "sort": "inspector"}))
        assert english[0][:3] == ["record id", "test time (UTC+08:00)", "district"]
        assert [r[0] for r in english[1:]] == [
            i["record_id"] for i in listed(admin, verdict="fail", sort="inspector")]
        assert {r[english[0].index("verdict")] for r in english[1:]} == {"fail"}


def test_csv_of_a_supervisor_holds_their_district_only(office, filled):
    with supervisor(office, "nanguan", "南关区") as sup:
        rows = read_csv(sup.get("/api/v1/records/export", params={"sort": "received_at"}))
        mine = listed(sup, sort="received_at")
        assert 0 < len(mine) < N and {i["district"] for i in mine} == {"南关区"}
        assert [r[0] for r in rows[1:]] == [i["record_id"] for i in mine]
        other = read_csv(sup.get("/api/v1/records/export", params={"district": "朝阳区"}))
        assert other == [rows[0]]  # the header, nothing else
    with office.admin() as admin:
        assert admin.get("/api/v1/records/export", params={"format": "pdf"}).status_code == 422
        bad = admin.get("/api/v1/records/export", params={"sort": "nope"})
        assert bad.status_code == 422 and bad.json()["reason_zh"]


def test_a_formula_in_a_field_is_not_run_by_excel(office):
    office.store.admit_device("dev1", "key1")
    office.store.store_records([Incoming(
        record_id="R1", device_id="dev1", seq=1, sha256="h1", prev_sha256=None, envelope=b"{}",
        sealed_at="2026-11-01T09:00:00+08:00", training=False,
        test_at="2026-11-01T09:00:00+08:00", district="朝阳区",
        address='=HYPERLINK("http://x","点我")', company="+1", inspector="王\x0b五")], "bundle")
    with office.admin() as admin:
        rows = read_csv(admin.get("/api/v1/records/export"))
        assert rows[1][rows[0].index("地址")] == "'=HYPERLINK(\"http://x\",\"点我\")"
        assert rows[1][rows[0].index("供热企业")] == "'+1"
        book = admin.get("/api/v1/records/export", params={"format": "xlsx"})
    # xlsx: the text exactly as recorded, typed as text (not a formula); a control character
    # that XML cannot carry is dropped instead of failing the export
    assert book.status_code == 200, book.text
    import io

    import openpyxl

    sheet = openpyxl.load_workbook(io.BytesIO(book.content)).active
    head = [c.value for c in sheet[1]]
    row = sheet[2]
    address = row[head.index("地址")]
    assert address.value == '=HYPERLINK("http://x","点我")' and address.data_type == "s"
    assert row[head.index("供热企业")].value == "+1"
    assert row[head.index("检测人员")].value == "王五"


def test_xlsx_header_and_values(office, filled, tmp_path):
    with office.admin() as admin:
        answer = admin.get("/api/v1/records/export",
                           params={"format": "xlsx", "sort": "inspector", "order": "desc"})
        assert answer.status_code == 200, answer.text
        assert re.search(r'filename="records-\d{8}-\d{6}\.xlsx"',
                         answer.headers["content-disposition"])
        items = listed(admin, sort="inspector", order="desc")
        english = admin.get("/api/v1/records/export", params={"format": "xlsx", "lang": "en"})
    path = tmp_path / "r.xlsx"
    path.write_bytes(answer.content)
    book = load_workbook(path)
    assert book.sheetnames == ["记录"]
    sheet = book["记录"]
    assert sheet.freeze_panes == "A2"
    header = [c.value for c in sheet[1]]
    assert header[:6] == ["记录编号", "检测时间（UTC+08:00）", "区", "供热企业", "检测人员", "地址"]
    assert all(c.font.bold for c in sheet[1]) and not sheet["A2"].font.bold
    assert sheet.column_dimensions["A"].width == 38
    rows = [[c.value for c in r] for r in sheet.iter_rows(min_row=2)]
    assert [r[0] for r in rows] == [i["record_id"] for i in items]
    verdict, seq = header.index("结论"), header.index("序号")
    assert [r[verdict] for r in rows] == [
        "合格" if i["verdict"] == "pass" else "不合格" for i in items]
    assert [r[seq] for r in rows] == [i["seq"] for i in items]  # numbers stay numbers
    path.write_bytes(english.content)
    assert load_workbook(path).sheetnames == ["records"]


def test_xlsx_over_the_sheet_limit_is_refused_before_building(office, filled, monkeypatch):
    monkeypatch.setattr(export, "MAX_XLSX_ROWS", N - 1)
    built = []
    monkeypatch.setattr(export, "write_xlsx", lambda *a: built.append(a))
    with office.admin() as admin:
        answer = admin.get("/api/v1/records/export", params={"format": "xlsx"})
        assert answer.status_code == 413
        body = answer.json()
        assert body["error"] == "too_many_rows" and f"{N} " in body["reason"]
        assert "Excel" in body["reason_zh"] and str(N) in body["reason_zh"]
        assert built == []
        csv_answer = admin.get("/api/v1/records/export", params={"format": "csv"})
        assert len(read_csv(csv_answer)) == N + 1  # CSV has no such limit
    monkeypatch.setattr(export, "MAX_XLSX_ROWS", N)
    with office.admin() as admin:
        assert admin.get("/api/v1/records/export", params={"format": "xlsx"}).status_code == 200
    assert len(built) == 1
