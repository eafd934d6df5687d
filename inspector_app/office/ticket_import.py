"""Import complaint tickets from a hotline platform's export: CSV or JSON lines, streamed.

Why it is shaped this way:
- A district's export can hold 100,000 tickets, so nothing here keeps the file, the rows or
  the tickets in memory: rows are read one at a time, validated by the core
  (`TicketData.validated`, the same rules as `POST /api/v1/tickets`) and handed to the store in
  batches of 1000 (`save_tickets`, one transaction a batch). Only the duplicates check needs
  to remember every ticket of the file; it does so in a throwaway SQLite file on disk, not in
  a dict that would grow with the file.
- A file is refused whole, before anything is stored, when it cannot be read as meant: not
  UTF-8 (a GBK export is the usual case: every Chinese name would be garbled), a header
  without the required columns, a bad mapping file. A bad *row* is reported with its file
  line and column and the good rows are imported, since a dispatcher can fix and re-import
  one row, and re-importing the file adds nothing (the store answers 'unchanged').
- Platforms name their columns differently: a small TOML mapping file (`docs/tickets.md`)
  says which header holds which field, gives constants (a platform that exports one hotline
  only has no channel column) and, only if the district decides so, the zone of times that
  come without one. Without it a time without a zone is refused, never guessed.
"""

from __future__ import annotations

import codecs
import csv
import json
import re
import sqlite3
import tempfile
import tomllib
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.core.tickets import TicketData, TicketError

FIELDS = TicketData.field_names()
# A file without one of these (as a column or a mapping constant) is refused whole: no row of
# it could make a ticket a dispatcher can act on. The others may be absent (then empty).
REQUIRED = ("channel", "ticket", "complaint_at", "resident_name", "resident_phone", "district",
            "street", "building", "flat", "company")
OPTIONAL = tuple(f for f in FIELDS if f not in REQUIRED)
BATCH_ROWS = 1000
PROGRESS_EVERY = 10_000
ERRORS_KEPT = 1000          # row errors kept for the report; more are counted, not kept
READ_CHUNK = 1 << 20
FORMATS = ("csv", "jsonl")
JSONL_SUFFIXES = (".jsonl", ".ndjson")
_ZONE = re.compile(r"^([+-])(\d{2}):(\d{2})$")


class ImportRefused(InspectionError):
    """The whole file (or the mapping file) is refused before anything is stored."""


@dataclass(frozen=True)
class Mapping:
    """Which of the file's columns holds each ticket field, constants, and the zone of naive
    times (None: such a time is refused)."""

    columns: dict[str, str] = field(default_factory=lambda: {f: f for f in FIELDS})
    constants: dict[str, str] = field(default_factory=dict)
    zone: timezone | None = None

    def column_of(self, name: str) -> str:
        """How the file calls our field `name` (for row errors)."""
        if name in self.constants:
            return f"[constants] {name}"
        return self.columns.get(name, name)


def load_mapping(path: Path) -> Mapping:
    """Read a mapping file; `ImportRefused` says what is wrong with it."""
    try:
        raw = tomllib.loads(Path(path).read_text(encoding="utf-8-sig"))
    except OSError as exc:
        raise ImportRefused(f"无法读取对照文件 {path}：{exc.strerror}",
                            f"cannot read the mapping file {path}: {exc.strerror}") from None
    except UnicodeDecodeError:
        raise ImportRefused(f"对照文件 {path} 不是 UTF-8 编码",
                            f"the mapping file {path} is not UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ImportRefused(f"对照文件 {path} 不是有效的 TOML：{exc}",
                            f"the mapping file {path} is not valid TOML: {exc}") from None
    return mapping_from_dict(raw, str(path))


def mapping_from_dict(raw: dict[str, Any], where: str = "mapping") -> Mapping:
    unknown = sorted(set(raw) - {"columns", "constants", "time"})
    if unknown:
        raise ImportRefused(f"对照文件 {where} 有未知的节：{'、'.join(unknown)}（可用：columns、"
                            "constants、time）",
                            f"the mapping file {where} has unknown sections: "
                            f"{', '.join(unknown)} (known: columns, constants, time)")
    sections = {}
    for name in ("columns", "constants", "time"):
        section = raw.get(name, {})
        if not isinstance(section, dict):
            raise ImportRefused(f"对照文件 {where} 的 [{name}] 应为一节",
                                f"[{name}] in the mapping file {where} must be a table")
        sections[name] = section
    for name in ("columns", "constants"):
        for key, value in sections[name].items():
            if key not in FIELDS:
                raise ImportRefused(
                    f"对照文件 {where} 的 [{name}] 中 {key} 不是工单字段（可用：{'、'.join(FIELDS)}）",
                    f"{key!r} in [{name}] of the mapping file {where} is not a ticket field "
                    f"(one of {', '.join(FIELDS)})")
            if not isinstance(value, str) or (name == "columns" and not value.strip()):
                raise ImportRefused(f"对照文件 {where} 的 [{name}] {key} 应为文字",
                                    f"[{name}] {key} in the mapping file {where} must be text")
    both = sorted(set(sections["columns"]) & set(sections["constants"]))
    if both:
        raise ImportRefused(f"对照文件 {where} 中 {'、'.join(both)} 既是列又是常量：只能选一种",
                            f"{', '.join(both)} in the mapping file {where} is both a column "
                            "and a constant: choose one")
    headers = [v.strip() for v in sections["columns"].values()]
    twice = sorted({h for h in headers if headers.count(h) > 1})
    if twice:
        raise ImportRefused(f"对照文件 {where} 中列名 {'、'.join(twice)} 对应了多个字段",
                            f"the column {', '.join(twice)} is mapped to several fields in "
                            f"{where}")
    unknown = sorted(set(sections["time"]) - {"zone"})
    if unknown:
        raise ImportRefused(f"对照文件 {where} 的 [time] 只能有 zone", f"[time] in the mapping "
                            f"file {where} takes only zone (not {', '.join(unknown)})")
    zone = None
    if "zone" in sections["time"]:
        zone = parse_zone(sections["time"]["zone"], where)
    columns = {f: f for f in FIELDS if f not in sections["constants"]}
    columns.update({k: v.strip() for k, v in sections["columns"].items()})
    return Mapping(columns=columns, constants=dict(sections["constants"]), zone=zone)


def parse_zone(text: object, where: str = "mapping") -> timezone:
    """`+08:00` style offsets only: a zone name could change with the law, an offset cannot."""
    match = _ZONE.match(text.strip()) if isinstance(text, str) else None
    if match is None or int(match[2]) > 14 or int(match[3]) > 59:
        raise ImportRefused(f"对照文件 {where} 的 [time] zone 应写成 +08:00 这样的时差",
                            f"[time] zone in the mapping file {where} must be an offset like "
                            f"+08:00 (got {str(text)[:20]!r})")
    minutes = int(match[2]) * 60 + int(match[3])
    return timezone(timedelta(minutes=-minutes if match[1] == "-" else minutes))


@dataclass(frozen=True)
class RowError:
    """One refused row: its line in the file, the column (the file's name for it), why."""

    row: int
    column: str
    field: str
    ticket: str
    zh: str
    en: str

    def message(self, lang: str = "zh") -> str:
        where_zh = f"第 {self.row} 行" + (f"，列“{self.column}”" if self.column else "")
        where_en = f"line {self.row}" + (f", column {self.column!r}" if self.column else "")
        return f"{where_zh}：{self.zh}" if lang.startswith("zh") else f"{where_en}: {self.en}"

    def to_dict(self) -> dict[str, Any]:
        return {"row": self.row, "column": self.column, "field": self.field,
                "ticket": self.ticket, "reason": self.en, "reason_zh": self.zh}


@dataclass
class ImportSummary:
    """What an import did. `rows` counts data rows read; every one is exactly one of new,
    revised, unchanged, repeated (identical to an earlier row of the file) or refused."""

    file: str
    format: str
    rows: int = 0
    new: int = 0
    revised: int = 0
    unchanged: int = 0
    repeated: int = 0
    refused: int = 0
    errors: list[RowError] = field(default_factory=list)

    @property
    def errors_omitted(self) -> int:
        return self.refused - len(self.errors)

    def refuse(self, error: RowError) -> None:
        self.refused += 1
        if len(self.errors) < ERRORS_KEPT:
            self.errors.append(error)

    def to_dict(self) -> dict[str, Any]:
        return {"file": self.file, "format": self.format, "rows": self.rows, "new": self.new,
                "revised": self.revised, "unchanged": self.unchanged,
                "repeated": self.repeated, "refused": self.refused,
                "errors": [e.to_dict() for e in self.errors],
                "errors_omitted": self.errors_omitted}


# -- reading ---------------------------------------------------------------------------------

def detect_format(path: Path, given: str | None = None) -> str:
    if given:
        if given not in FORMATS:
            raise ImportRefused(f"未知的文件格式 {given}（可用：csv、jsonl）",
                                f"unknown format {given!r} (csv or jsonl)")
        return given
    return "jsonl" if Path(path).suffix.lower() in JSONL_SUFFIXES else "csv"


def check_utf8(path: Path) -> None:
    """Read the file once, in chunks, as UTF-8; refuse it whole at the first byte that is not.

    Done before any row is stored, so a GBK export (often valid UTF-8 for its first rows of
    digits) is never half imported.
    """
    decoder = codecs.getincrementaldecoder("utf-8")("strict")
    line, offset = 1, 0
    try:
        handle = open(path, "rb")  # noqa: SIM115 - closed below; errors are said in words
    except OSError as exc:
        raise ImportRefused(f"无法读取文件 {path}：{exc.strerror}",
                            f"cannot read the file {path}: {exc.strerror}") from None
    with handle:
        first = handle.read(4)
        if first[:2] in (b"\xff\xfe", b"\xfe\xff"):
            raise _not_utf8(path, 1, "UTF-16", "UTF-16")
        handle.seek(0)
        sample = b""
        while chunk := handle.read(READ_CHUNK):
            if not sample:
                sample = chunk[:65536]
            try:
                decoder.decode(chunk)
            except UnicodeDecodeError as exc:
                bad_line = line + chunk.count(b"\n", 0, max(exc.start, 0))
                raise _not_utf8(path, bad_line, *_guess(sample)) from None
            line += chunk.count(b"\n")
            offset += len(chunk)
        try:
            decoder.decode(b"", final=True)
        except UnicodeDecodeError:
            raise _not_utf8(path, line, *_guess(sample)) from None
    if offset == 0:
        raise ImportRefused(f"文件 {path} 是空的", f"the file {path} is empty")


def _guess(sample: bytes) -> tuple[str, str]:
    """Name the likely encoding when a sample reads as GB18030 (GBK's superset)."""
    try:
        sample.decode("gb18030")
    except UnicodeDecodeError:
        return "", ""
    return "，看起来是 GBK/GB18030 编码", " (it looks like GBK/GB18030)"


def _not_utf8(path: Path, line: int, zh: str, en: str) -> ImportRefused:
    if zh == "UTF-16":
        zh, en = "，而是 UTF-16 编码", " but UTF-16"
    return ImportRefused(
        f"文件 {path} 不是 UTF-8 编码{zh}（第 {line} 行起无法按 UTF-8 读取）。整个文件未导入：请在导出时"
        "选择 UTF-8，或用文本编辑器另存为 UTF-8 后再导入",
        f"the file {path} is not UTF-8{en} (line {line} cannot be read as UTF-8). Nothing was "
        "imported: export it as UTF-8, or save it as UTF-8 in a text editor, and import again")


def _missing_refusal(path: Path, missing: Sequence[str], mapping: Mapping) -> ImportRefused:
    names = [mapping.columns.get(m, m) for m in missing]
    return ImportRefused(
        f"文件 {path} 缺少必需的列：{'、'.join(names)}。整个文件未导入（列名不同时请用 --mapping "
        "对照文件，见 docs/tickets.md）",
        f"the file {path} lacks required columns: {', '.join(names)}. Nothing was imported "
        "(if the platform names them differently, give a --mapping file: see docs/tickets.md)")


def read_raw(path: Path, fmt: str, mapping: Mapping) -> Iterator[tuple[int, dict | RowError]]:
    """(file line, {field: value}) for each data row, or (line, RowError) for an unreadable
    one. The header (CSV) or the first object (JSON lines) is checked for the required
    columns first: `ImportRefused` before any row is given out."""
    if fmt == "csv":
        yield from _read_csv(path, mapping)
    else:
        yield from _read_jsonl(path, mapping)


def _needed(mapping: Mapping) -> list[str]:
    return [f for f in REQUIRED if f not in mapping.constants]


def _read_csv(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict | RowError]]:
    with open(path, encoding="utf-8-sig", newline="") as handle:
        reader = csv.reader(handle, strict=True)
        try:
            header = next(reader, None)
        except csv.Error as exc:
            raise ImportRefused(f"文件 {path} 的标题行无法读取：{exc}",
                                f"the header row of {path} cannot be read: {exc}") from None
        if not header or not any(h.strip() for h in header):
            raise ImportRefused(f"文件 {path} 没有标题行", f"the file {path} has no header row")
        header = [h.strip() for h in header]
        twice = sorted({h for h in header if h and header.count(h) > 1})
        wanted = {mapping.columns[f] for f in FIELDS if f in mapping.columns}
        if twice and set(twice) & wanted:
            raise ImportRefused(f"文件 {path} 的标题行中 {'、'.join(twice)} 出现了不止一次",
                                f"the header of {path} names {', '.join(twice)} more than once")
        position = {h: i for i, h in enumerate(header)}
        missing = [f for f in _needed(mapping) if mapping.columns[f] not in position]
        if missing:
            raise _missing_refusal(path, missing, mapping)
        take = [(f, position[mapping.columns[f]]) for f in FIELDS
                if f in mapping.columns and mapping.columns[f] in position]
        width = len(header)
        line = reader.line_num + 1
        while True:
            try:
                values = next(reader)
            except StopIteration:
                return
            except csv.Error as exc:
                yield line, RowError(line, "", "", "", f"此行无法按 CSV 读取（{exc}），文件其余部分未读",
                                     f"this row cannot be read as CSV ({exc}); the rest of the "
                                     "file was not read")
                return
            start, line = line, reader.line_num + 1
            if not values or (len(values) == 1 and not values[0].strip()):
                continue
            if len(values) < width or any(v.strip() for v in values[width:]):
                yield start, RowError(start, "", "", "",
                                      f"此行有 {len(values)} 个字段，标题行有 {width} 个",
                                      f"this row has {len(values)} fields, the header {width}")
                continue
            row = {f: values[i] for f, i in take}
            row.update(mapping.constants)
            yield start, row


def _read_jsonl(path: Path, mapping: Mapping) -> Iterator[tuple[int, dict | RowError]]:
    first = True
    with open(path, encoding="utf-8-sig") as handle:
        for line, text in enumerate(handle, start=1):
            if not text.strip():
                continue
            try:
                obj = json.loads(text)
            except ValueError as exc:
                yield line, RowError(line, "", "", "", f"此行不是有效的 JSON（{exc.args[0][:60]}）",
                                     f"this line is not valid JSON ({exc.args[0][:60]})")
                continue
            if not isinstance(obj, dict):
                yield line, RowError(line, "", "", "", "此行应为一个 JSON 对象",
                                     "this line must be one JSON object")
                continue
            if first:
                first = False
                missing = [f for f in _needed(mapping) if mapping.columns[f] not in obj]
                if missing:
                    raise _missing_refusal(path, missing, mapping)
            row: dict[str, Any] = {}
            for name, key in mapping.columns.items():
                value = obj.get(key)
                if isinstance(value, int) and not isinstance(value, bool):
                    value = str(value)   # ticket, phone or flat numbers exported as numbers
                row[name] = value
            row.update(mapping.constants)
            yield line, row


def _with_zone(raw: dict, zone: timezone | None) -> dict:
    """Give a time without a zone the mapping's zone (only when the district said so)."""
    if zone is None:
        return raw
    text = raw.get("complaint_at")
    if not isinstance(text, str) or not text.strip():
        return raw
    try:
        moment = datetime.fromisoformat(text.strip())
    except ValueError:
        return raw
    if moment.tzinfo is None:
        raw = {**raw, "complaint_at": moment.replace(tzinfo=zone).isoformat()}
    return raw


def _row_error(line: int, raw: dict, exc: TicketError, mapping: Mapping) -> RowError:
    name = (exc.field or "").removeprefix("address.")
    ticket = raw.get("ticket") if isinstance(raw.get("ticket"), str) else ""
    return RowError(line, mapping.column_of(name) if name else "", name, (ticket or "")[:64],
                    exc.message_zh, exc.message_en)


def read_tickets(path: Path, fmt: str, mapping: Mapping,
                 clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                 ) -> Iterator[tuple[int, TicketData | RowError]]:
    """Each data row as (line, TicketData) or (line, RowError), streamed.

    `clock` is read every `BATCH_ROWS` rows (a long import keeps an honest "now" for the
    future-time check without a clock call per row).
    """
    now = clock()
    for count, (line, raw) in enumerate(read_raw(path, fmt, mapping), start=1):
        if count % BATCH_ROWS == 0:
            now = clock()
        if isinstance(raw, RowError):
            yield line, raw
            continue
        try:
            ticket = TicketData.validated(_with_zone(raw, mapping.zone), now)
        except TicketError as exc:
            yield line, _row_error(line, raw, exc, mapping)
            continue
        if not ticket.district:
            yield line, RowError(line, mapping.column_of("district"), "district", ticket.ticket,
                                 "请填写所在区（按区派单）",
                                 "district is required (tickets are dispatched by district)")
            continue
        yield line, ticket


# -- the duplicates check, on disk -----------------------------------------------------------

class SeenInFile:
    """The tickets met so far in this file: key → (digest, first line), in a temporary SQLite
    file, so a 100,000-row file costs disk, not memory."""

    def __init__(self) -> None:
        self._folder = tempfile.TemporaryDirectory(prefix="ticket-import-")
        self._db = sqlite3.connect(Path(self._folder.name) / "seen.sqlite3")
        self._db.execute("PRAGMA journal_mode=OFF")
        self._db.execute("PRAGMA synchronous=OFF")
        self._db.execute("PRAGMA cache_size=-2000")   # 2 MB
        self._db.execute("CREATE TABLE seen (key TEXT PRIMARY KEY, digest TEXT NOT NULL,"
                         " line INTEGER NOT NULL) WITHOUT ROWID")

    def sort(self, batch: list[tuple[int, TicketData]]
             ) -> tuple[list[tuple[int, TicketData]], list[tuple[int, TicketData, int]], int]:
        """(first sightings, duplicates with other content (line, ticket, first line), number
        of exact repeats); the first sightings are remembered."""
        digests = [(line, t, t.digest()) for line, t in batch]
        keys = sorted({t.key for _, t, _ in digests})
        known: dict[str, tuple[str, int]] = {}
        for i in range(0, len(keys), 500):
            part = keys[i:i + 500]
            known.update((k, (d, n)) for k, d, n in self._db.execute(
                f"SELECT key, digest, line FROM seen WHERE key IN ({','.join('?' * len(part))})",
                part))
        fresh, clashes, repeats = [], [], 0
        for line, ticket, digest in digests:
            seen = known.get(ticket.key)
            if seen is None:
                known[ticket.key] = (digest, line)
                fresh.append((line, ticket))
            elif seen[0] == digest:
                repeats += 1
            else:
                clashes.append((line, ticket, seen[1]))
        self._db.executemany("INSERT INTO seen (key, digest, line) VALUES (?,?,?)",
                             [(t.key, known[t.key][0], line) for line, t in fresh])
        return fresh, clashes, repeats

    def close(self) -> None:
        self._db.close()
        self._folder.cleanup()


# -- the import ------------------------------------------------------------------------------

SaveBatch = Callable[[list[TicketData]], Sequence[Any]]


def import_tickets(path: Path, save: SaveBatch, *, fmt: str | None = None,
                   mapping: Mapping | None = None,
                   progress: Callable[[int], None] | None = None,
                   clock: Callable[[], datetime] = lambda: datetime.now(UTC),
                   batch_rows: int = BATCH_ROWS,
                   settle: Callable[[], Any] | None = None) -> ImportSummary:
    """Import `path`, handing validated tickets to `save` (e.g. a bound
    `store.save_tickets(..., source='hotline', by=..., profile_name=...)`) in batches.

    `save` answers one outcome per ticket (`.outcome` 'new' | 'revised' | 'unchanged'). If it
    refuses a batch (`TicketError`), the batch is retried row by row so only the refused rows
    are reported. `ImportRefused`: the whole file, before anything was stored.

    `settle`: called once after the last batch, when `save` leaves the cases to regroup
    (`store.save_tickets(..., defer_cases=True)` with `store.regroup_stale_cases`): the cases
    are as the tickets make them when this returns.
    """
    path = Path(path)
    mapping = mapping or Mapping()
    fmt = detect_format(path, fmt)
    check_utf8(path)
    summary = ImportSummary(file=str(path), format=fmt)
    seen = SeenInFile()
    batch: list[tuple[int, TicketData]] = []
    try:
        for line, item in read_tickets(path, fmt, mapping, clock):
            summary.rows += 1
            if isinstance(item, RowError):
                summary.refuse(item)
            else:
                batch.append((line, item))
                if len(batch) >= batch_rows:
                    _flush(batch, seen, save, summary, mapping)
                    batch = []
            if progress is not None and summary.rows % PROGRESS_EVERY == 0:
                progress(summary.rows)
        _flush(batch, seen, save, summary, mapping)
        if settle is not None:
            settle()
    finally:
        seen.close()
    summary.errors.sort(key=lambda e: e.row)   # a duplicate is found when its batch is stored
    return summary


def _flush(batch: list[tuple[int, TicketData]], seen: SeenInFile, save: SaveBatch,
           summary: ImportSummary, mapping: Mapping) -> None:
    if not batch:
        return
    fresh, clashes, repeats = seen.sort(batch)
    summary.repeated += repeats
    for line, ticket, first in clashes:
        summary.refuse(RowError(
            line, mapping.column_of("ticket"), "ticket", ticket.ticket,
            f"工单 {ticket.key} 在本文件第 {first} 行已出现，内容不同：重复的工单号，此行未导入",
            f"ticket {ticket.key} already appears on line {first} of this file with other "
            "content: a duplicate number, this row was not imported"))
    if not fresh:
        return
    try:
        outcomes = save([t for _, t in fresh])
    except TicketError:
        outcomes = []
        for line, ticket in fresh:
            try:
                outcomes.extend(save([ticket]))
            except TicketError as exc:
                summary.refuse(_row_error(line, ticket.to_dict(), exc, mapping))
    for outcome in outcomes:
        name = outcome.outcome if isinstance(outcome.outcome, str) else ""
        if name in ("new", "revised", "unchanged"):
            setattr(summary, name, getattr(summary, name) + 1)
