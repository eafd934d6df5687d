"""Import the installers' list of monitoring points from a CSV file (UTF-8 or GBK).

Why it is shaped this way:
- The file is read twice. The first pass decodes and parses all of it and checks the header,
  so a file that is not text in the named encoding, not CSV, or without the required columns
  is refused whole before anything is stored (a GBK file read as UTF-8 would store garbled
  addresses). The second pass validates each row and registers them 1000 a transaction.
- A bad row is reported with its file line, the column and why (both languages) and the good
  rows are imported: the district fixes the row and imports the file again, which changes
  nothing for the rows already in (`points.register` answers `unchanged`).
- A point twice in one file is refused on its second line: which row was meant is the
  district's to say.
- Readings that arrived for a point before it was registered leave quarantine after its batch
  (`ingest.release_quarantined`).
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.office.monitoring import points
from inspector_app.office.monitoring.ingest import release_quarantined

COLUMNS = ("point_id", "city", "district", "street", "community", "building", "unit", "flat",
           "room_kind", "room_name", "position", "company", "installed_on")
OPTIONAL = points.KEPT
ENCODINGS = {"utf-8": "utf-8-sig", "gbk": "gb18030"}   # GB18030: GBK and its later characters
BATCH = 1000
ERRORS_KEPT = 1000
READ_CHUNK = 1 << 20


class FileRefused(InspectionError):
    """The whole file is refused before anything is stored."""


@dataclass(frozen=True)
class RowError:
    line: int
    column: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            return f"第 {self.line} 行" + (f"，列“{self.column}”" if self.column else "") + \
                f"：{self.zh}"
        return f"line {self.line}" + (f", column {self.column!r}" if self.column else "") + \
            f": {self.en}"

    def to_dict(self) -> dict[str, Any]:
        return {"line": self.line, "column": self.column, "reason": self.en,
                "reason_zh": self.zh}


@dataclass
class ImportSummary:
    """Every data row is one of new, updated, unchanged or refused."""

    rows: int = 0
    new: int = 0
    updated: int = 0
    unchanged: int = 0
    refused: int = 0
    released: int = 0
    errors: list[RowError] = field(default_factory=list)

    def refuse(self, error: RowError) -> None:
        self.refused += 1
        if len(self.errors) < ERRORS_KEPT:
            self.errors.append(error)

    def to_dict(self) -> dict[str, Any]:
        return {"rows": self.rows, "new": self.new, "updated": self.updated,
                "unchanged": self.unchanged, "refused": self.refused,
                "released": self.released, "errors": [e.to_dict() for e in self.errors],
                "errors_omitted": self.refused - len(self.errors)}


def import_points(store: Any, path: Path, by: str, now: datetime, encoding: str = "utf-8",
                  progress: Callable[[int], None] | None = None) -> ImportSummary:
    """Register the points of the CSV file at `path`; `FileRefused` before anything is
    stored when the file cannot be read as meant."""
    codec = ENCODINGS.get(encoding)
    if codec is None:
        raise FileRefused(f"未知的编码 {encoding}（可用：utf-8、gbk）",
                          f"unknown encoding {encoding!r} (utf-8 or gbk)")
    header = check_file(Path(path), codec)
    summary = ImportSummary()
    seen: dict[str, int] = {}
    batch: list[points.Registration] = []
    for line, values in _rows(Path(path), codec):
        summary.rows += 1
        item = _registration(line, header, values, seen, summary)
        if item is not None:
            batch.append(item)
        if len(batch) >= BATCH:
            _save(store, batch, by, now, summary)
            batch = []
            if progress is not None:
                progress(summary.rows)
    _save(store, batch, by, now, summary)
    return summary


def _registration(line: int, header: list[str], values: list[str], seen: dict[str, int],
                  summary: ImportSummary) -> points.Registration | None:
    if len(values) != len(header):
        summary.refuse(RowError(line, "", f"此行有 {len(values)} 个字段，标题行有 {len(header)} 个",
                                f"this row has {len(values)} fields, the header {len(header)}"))
        return None
    raw = dict(zip(header, values, strict=True))
    try:
        item = points.registration(raw)
    except points.PointRefusal as exc:
        summary.refuse(RowError(line, exc.field or "", exc.message_zh, exc.message_en))
        return None
    first = seen.setdefault(item.point_id, line)
    if first != line:
        summary.refuse(RowError(line, "point_id", f"监测点 {item.point_id} 已在第 {first} 行出现",
                                f"point {item.point_id} is already on line {first}"))
        return None
    return item


def _save(store: Any, batch: list[points.Registration], by: str, now: datetime,
          summary: ImportSummary) -> None:
    if not batch:
        return
    outcomes = points.register(store, batch, by, now)
    for o in outcomes:
        setattr(summary, o.outcome, getattr(summary, o.outcome) + 1)
    touched = [o.point_id for o in outcomes if o.outcome != "unchanged"]
    if touched:
        summary.released += release_quarantined(store, touched, now)


def check_file(path: Path, codec: str) -> list[str]:
    """Decode and parse the whole file once; the header's column names, else `FileRefused`."""
    if not path.is_file():
        raise FileRefused(f"{path} 不是可读取的文件（不存在，或是目录、管道）",
                          f"{path} is not a file that can be read (missing, a folder or a pipe)")
    if path.stat().st_size == 0:
        raise FileRefused(f"文件 {path} 是空的", f"the file {path} is empty")
    header: list[str] | None = None
    try:
        for line, values in _rows(path, codec, with_header=True):
            if header is None:
                header = _header(path, line, values)
    except UnicodeDecodeError as exc:
        name = "UTF-8" if codec.startswith("utf") else "GBK"
        other = "--encoding gbk" if name == "UTF-8" else "--encoding utf-8"
        raise FileRefused(
            f"文件 {path} 不能按 {name} 读取（{exc.reason}）：不是 {name} 编码的 CSV 文本。整个文件未导入；"
            f"若是另一种编码请用 {other}",
            f"the file {path} cannot be read as {name} ({exc.reason}): it is not CSV text in "
            f"{name}. Nothing was imported; if it is in the other encoding, use {other}"
        ) from None
    except OSError as exc:
        raise FileRefused(f"无法读取文件 {path}：{exc.strerror}",
                          f"cannot read the file {path}: {exc.strerror}") from None
    except csv.Error as exc:
        raise FileRefused(f"文件 {path} 不是有效的 CSV（{exc}）。整个文件未导入",
                          f"the file {path} is not valid CSV ({exc}). Nothing was imported") \
            from None
    if header is None:
        raise FileRefused(f"文件 {path} 没有标题行", f"the file {path} has no header row")
    return header


def _header(path: Path, line: int, values: list[str]) -> list[str]:
    header = [v.strip() for v in values]
    missing = [c for c in COLUMNS if c not in header]
    unknown = [h for h in header if h not in COLUMNS and h not in OPTIONAL]
    twice = sorted({h for h in header if header.count(h) > 1})
    if missing or unknown or twice:
        said_zh, said_en = [], []
        if missing:
            said_zh.append(f"缺少列：{'、'.join(missing)}")
            said_en.append(f"missing columns: {', '.join(missing)}")
        if unknown:
            said_zh.append(f"未知的列：{'、'.join(h[:40] for h in unknown[:10])}")
            said_en.append(f"unknown columns: {', '.join(h[:40] for h in unknown[:10])}")
        if twice:
            said_zh.append(f"重复的列：{'、'.join(twice)}")
            said_en.append(f"columns named twice: {', '.join(twice)}")
        raise FileRefused(
            f"文件 {path} 第 {line} 行的标题不对（{'；'.join(said_zh)}）。整个文件未导入。标题行应为："
            f"{','.join(COLUMNS)}，可另加 {','.join(OPTIONAL)}",
            f"the header on line {line} of {path} is not right ({'; '.join(said_en)}). Nothing "
            f"was imported. The header must be {','.join(COLUMNS)}, optionally with "
            f"{','.join(OPTIONAL)}")
    return header


def _rows(path: Path, codec: str, with_header: bool = False
          ) -> Iterator[tuple[int, list[str]]]:
    """(line where the row starts, its values) of each non-blank row; the header too when
    `with_header`. Decoding is strict: a byte not of `codec` raises UnicodeDecodeError."""
    with open(path, "rb") as raw:
        text = io.TextIOWrapper(raw, encoding=codec, errors="strict", newline="")
        reader = csv.reader(text, strict=True)
        line, first = 1, True
        for values in reader:
            start, line = line, reader.line_num + 1
            if not values or all(not v.strip() for v in values):
                continue
            if first:
                first = False
                if not with_header:
                    continue
            yield start, values

