"""Spreadsheet export of the review list: `GET /api/v1/records/export?format=csv|xlsx&lang=zh|en`.

Same filters, sort and district scoping as the list (`office.query.list_query`), so an export
is exactly what the supervisor sees, all pages of it.

Why it is shaped this way:
- CSV is streamed: rows are read by keyset `EXPORT_CHUNK` at a time and written out as they
  come, so exporting a district of 150 000 records never holds them all in memory. It starts
  with a UTF-8 BOM, without which Excel opens Chinese as mojibake.
- xlsx cannot be streamed (a zip with a directory at its end): openpyxl's write-only workbook
  writes it to a temporary file (rows are not kept in memory), which is then sent and deleted.
  A sheet holds at most 1 048 576 rows, the header included, so the matching records are
  counted exactly first and too many are refused (413) before any work.
- A text cell beginning with = + - @ would be run as a formula by Excel (CSV injection; the
  addresses and names come from laptops): such values get a leading apostrophe.
"""

from __future__ import annotations

import csv
import io
import os
import tempfile
from collections.abc import Iterator
from datetime import datetime
from typing import Annotated, Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.responses import FileResponse, Response, StreamingResponse
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter
from starlette.background import BackgroundTask

from inspector_app.core.record_time import DEFAULT_ZONE, iso_in_zone, zone_label
from inspector_app.office.auth import office_store
from inspector_app.office.query import ListQuery, list_query
from inspector_app.office.store import REVIEW_STATE_ZH, OfficeStore

EXPORT_CHUNK = 2000
MAX_XLSX_ROWS = 1_048_575  # Excel's 1 048 576 rows a sheet, less the header
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# (field, Chinese header, English header, width in characters)
COLUMNS = (("record_id", "记录编号", "record id", 38), ("test_at", "检测时间", "test time", 26),
           ("district", "区", "district", 10), ("company", "供热企业", "company", 14),
           ("inspector", "检测人员", "inspector", 10), ("address", "地址", "address", 44),
           ("ticket", "工单号", "ticket", 16), ("verdict", "结论", "verdict", 10),
           ("review_state", "审核状态", "review state", 18),
           ("reviewed_by", "审核人", "reviewed by", 12),
           ("reviewed_at", "审核时间", "reviewed at", 26),
           ("chain_state", "记录链", "chain state", 10),
           ("verification", "验证", "verification", 12), ("training", "培训", "training", 8),
           ("sha256", "SHA-256", "sha256", 66), ("received_at", "接收时间", "received at", 26),
           ("device_id", "设备编号", "device id", 18), ("seq", "序号", "seq", 8))
VALUES_ZH = {"verdict": {"pass": "合格", "fail": "不合格", "incomplete": "未完成"},
             "review_state": REVIEW_STATE_ZH,
             "chain_state": {"ok": "链完整", "gap": "缺少前序记录", "fork": "链分叉"},
             "verification": {"verified": "已验证", "failed": "校验失败"},
             "training": {True: "是", False: "否"}}
VALUES_EN = {"training": {True: "yes", False: "no"}}
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
TIME_COLUMNS = ("test_at", "reviewed_at", "received_at")
# The zone of the records: every shipped profile's (China Standard Time). A summary row does not
# carry its record's profile, and one export mixing zones would be the very fault it avoids.
EXPORT_ZONE = DEFAULT_ZONE

router = APIRouter(tags=["review"])


def header(lang: str) -> list[str]:
    """Column titles; a time column names its zone, e.g. 检测时间（UTC+08:00）."""
    zone = zone_label(EXPORT_ZONE)
    return [(zh if lang == "zh" else en)
            + ((f"（{zone}）" if lang == "zh" else f" ({zone})") if f in TIME_COLUMNS else "")
            for f, zh, en, _w in COLUMNS]


def values(item: dict[str, Any], lang: str) -> list[Any]:
    """One record's values in `lang` (codes translated for Chinese readers), as stored; every
    time in the records' zone (the laptops stamp their own offset, the office stamps UTC)."""
    names = VALUES_ZH if lang == "zh" else VALUES_EN
    out: list[Any] = []
    for field, *_ in COLUMNS:
        value = item[field]
        if field in TIME_COLUMNS:
            value = iso_in_zone(value, EXPORT_ZONE)
        value = names.get(field, {}).get(value, value)
        out.append("" if value is None else value)
    return out


def cells(item: dict[str, Any], lang: str) -> list[Any]:
    """A CSV row: text that a spreadsheet would run as a formula (addresses and names come from
    laptops) gets a leading apostrophe, the usual guard for CSV opened in Excel."""
    return ["'" + v if isinstance(v, str) and v.startswith(FORMULA_START) else v
            for v in values(item, lang)]


def xlsx_cells(ws: Any, item: dict[str, Any], lang: str) -> list[Any]:
    """An xlsx row: every text cell is typed as a string, so '=…' stays text exactly as
    recorded (no apostrophe needed), and characters XML cannot carry (control characters a
    laptop may have sent) are dropped instead of failing the whole export."""
    row: list[Any] = []
    for value in values(item, lang):
        if isinstance(value, str):
            cell = WriteOnlyCell(ws, value=ILLEGAL_CHARACTERS_RE.sub("", value))
            cell.data_type = "s"
            row.append(cell)
        else:
            row.append(value)
    return row


def _rows(store: OfficeStore, query: ListQuery) -> Iterator[dict[str, Any]]:
    if query.nothing:
        return iter(())
    return store.iter_summaries(query.filt, query.ordering, chunk=EXPORT_CHUNK)


def csv_chunks(store: OfficeStore, query: ListQuery, lang: str) -> Iterator[bytes]:
    """The CSV as byte chunks (BOM + header first), one chunk per `EXPORT_CHUNK` rows."""
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header(lang))
    yield "\ufeff".encode() + buf.getvalue().encode("utf-8")
    buf.seek(0)
    buf.truncate()
    for n, item in enumerate(_rows(store, query), start=1):
        writer.writerow(cells(item, lang))
        if n % EXPORT_CHUNK == 0:
            yield buf.getvalue().encode("utf-8")
            buf.seek(0)
            buf.truncate()
    if buf.tell():
        yield buf.getvalue().encode("utf-8")


def write_xlsx(path: str, store: OfficeStore, query: ListQuery, lang: str) -> None:
    """Write the workbook (bold, frozen header; set column widths) to `path`."""
    wb = Workbook(write_only=True)
    ws = wb.create_sheet("记录" if lang == "zh" else "records")
    for i, (*_names, width) in enumerate(COLUMNS, start=1):
        ws.column_dimensions[get_column_letter(i)].width = width
    ws.freeze_panes = "A2"
    bold = Font(bold=True)
    titles = []
    for text in header(lang):
        cell = WriteOnlyCell(ws, value=text)
        cell.font = bold
        titles.append(cell)
    ws.append(titles)
    for item in _rows(store, query):
        ws.append(xlsx_cells(ws, item, lang))
    wb.save(path)


def _filename(extension: str) -> str:
    return f"records-{datetime.now().strftime('%Y%m%d-%H%M%S')}.{extension}"


def _refuse(status: int, code: str, zh: str, en: str) -> HTTPException:
    return HTTPException(status, detail={"error": code, "reason": en, "reason_zh": zh})


@router.get("/api/v1/records/export", response_model=None, response_class=Response,
            responses={200: {"content": {"text/csv": {}, XLSX_TYPE: {}},
                             "description": "the whole filtered, sorted list as a spreadsheet"},
                       413: {"description": "more rows than one xlsx sheet holds"}})
def export_records(
    query: Annotated[ListQuery, Depends(list_query)],
    store: Annotated[OfficeStore, Depends(office_store)],
    fmt: Annotated[str, Query(alias="format", description="csv or xlsx")] = "csv",
    lang: Annotated[str, Query(description="zh or en: header and values")] = "zh",
) -> Response:
    if fmt not in ("csv", "xlsx"):
        raise _refuse(422, "bad_format", "导出格式只能是 csv 或 xlsx",
                      "format must be csv or xlsx")
    if lang not in ("zh", "en"):
        raise _refuse(422, "bad_lang", "语言只能是 zh 或 en", "lang must be zh or en")
    if fmt == "csv":
        name = _filename("csv")
        return StreamingResponse(csv_chunks(store, query, lang),
                                 media_type="text/csv; charset=utf-8",
                                 headers={"Content-Disposition": f'attachment; filename="{name}"'})
    count = 0 if query.nothing else store.count_records(query.filt)
    if count > MAX_XLSX_ROWS:
        raise _refuse(413, "too_many_rows",
                      f"共 {count} 条记录，超过 Excel 工作表上限 {MAX_XLSX_ROWS} 条："
                      "请缩小筛选范围，或导出 CSV",
                      f"{count} records are more than an Excel sheet holds ({MAX_XLSX_ROWS}):"
                      " narrow the filters or export CSV")
    handle, path = tempfile.mkstemp(prefix="office-export-", suffix=".xlsx")
    os.close(handle)
    try:
        write_xlsx(path, store, query, lang)
    except BaseException:
        os.unlink(path)
        raise
    return FileResponse(path, media_type=XLSX_TYPE, filename=_filename("xlsx"),
                        background=BackgroundTask(os.unlink, path))
