"""Moving an office from its SQLite file to PostgreSQL (`inspector-office migrate-db`).

Why it works the way it does:
- The source is read in one SQLite read transaction, so every pass sees one snapshot even if
  something writes to the file meanwhile; rows written meanwhile would be left behind, so the
  counts are taken again after the copy and a difference refuses the move (stop the office).
  Opening it as an `OfficeStore` first brings an old file to the current schema, as the office
  itself would on starting; the target is opened the same way, so both are at one revision.
- Every table is copied, in foreign-key order, whole rows, bytes as they are; a column naming a
  row of its own table (`rulings.superseded_by`) is filled in once the table is complete. A
  table the schema fills itself (`ticket_feed_counter`'s one row) takes the source's rows in
  place of its own. The
  list of tables is fixed here (`TABLES`) and checked against the source: a table this module
  does not know stops the move before anything is written, so a future table is never silently
  left behind.
- Before anything is written, every real record is verified as the office verifies an upload
  (hash of the canonical record, Ed25519 signature under the key its device enrolled with) and
  every photo's hash is recomputed. A record the source still calls verified that fails stops
  the move, naming it; one the source already marked `failed` (`records --recheck`) is copied
  as failed, since the office's trail refers to it and dropping it would hide the problem.
  Synthetic rows (`synth`) are copied and counted apart: they are not evidence.
  Verifying happens once, on the source snapshot: canonicalising a record costs milliseconds,
  and the target's bytes are then proven equal to the verified ones (next point).
- What arrived is compared with what was sent: per table the row count and a digest over every
  column of every row (a sum of per-row SHA-256, so the order rows come back in, which differs
  between the two databases' collations, does not matter). Envelopes and photos are columns.
- Rows go in by COPY, PostgreSQL's bulk path (most of the time is the records table's indexes).
- Progress lives in the target (`migrate_db_runs`, `migrate_db_tables`): each batch and its
  progress mark are one transaction, so an interrupted move resumes after the last committed
  batch. A resume is allowed only for the same source content (the digests again); any other
  data in the target is refused. A session advisory lock keeps two moves out of one target.
- Rows keep their ids; afterwards each id sequence and `records_arrival_seq` are set past the
  largest copied value, or the office's next insert would collide.
"""

from __future__ import annotations

import hashlib
import json
import time
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import inspect

from inspector_app.core.monitoring_day import utc_text
from inspector_app.office import schema
from inspector_app.office.db import Database, Tx, describe, is_postgres, lock_id
from inspector_app.office.monitoring.partitions import ensure_partitions
from inspector_app.office.store import OfficeStore
from inspector_app.office.values import now_iso
from inspector_app.seal.verify import verify_envelope

# Every office table, parents before children (records before what cites them).
TABLES = ("devices", "enrollment_codes", "admin_tokens", "users", "sessions", "records",
          "chain_gaps", "review_events", "rulings", "ruling_sequences", "device_events",
          "reenrolment_allowances", "login_failures", "profile_confirmations", "photos",
          "record_photos", "page_hits", "tickets", "ticket_revisions", "ticket_events",
          "ticket_feed", "ticket_feed_counter", "office_keys", "households",
          "household_changes", "cases", "case_events", "cases_stale", "company_stops",
          "heating_periods", "penalty_notices", "monitoring_points", "monitoring_point_changes",
          "platform_keys", "monitoring_readings", "monitoring_conflicts", "monitoring_daily",
          "monitoring_dirty", "monitoring_quarantine", "monitoring_below")
# Tables whose rows the schema itself puts in (the condition picks rows that are more than
# that): they do not make a target "not empty", and the target's own rows give way to the
# source's when the table is copied.
SCHEMA_ROWS = {"ticket_feed_counter": "last_seq <> 0"}
# Each side has its own: the schema's revision, and the months PostgreSQL partitioned the
# readings by (made on the target before the readings go in; SQLite has none).
NOT_COPIED = ("alembic_version", "monitoring_partitions")
PROGRESS_TABLES = ("migrate_db_runs", "migrate_db_tables")
# Sequences not owned by a column: (table, column) they must stay above.
STANDALONE_SEQUENCES = {"records_arrival_seq": ("records", "arrival")}
BATCH_ROWS = 1000
BATCH_BYTES = 16 * 1024 * 1024
_RUN_LOCK = "office migrate-db"
_DIGEST_MOD = 1 << 256
MAX_NAMED = 10                             # failures named in a refusal


class MoveRefused(Exception):
    """The move cannot (or must not) go on; words for people in both languages."""

    def __init__(self, zh: str, en: str) -> None:
        super().__init__(en)
        self.zh, self.en = zh, en

    def message(self, lang: str) -> str:
        return self.zh if lang == "zh" else self.en


@dataclass
class TableCount:
    name: str
    source: int
    target: int


@dataclass
class MoveReport:
    """What `move_office` did, for the command's report."""

    source: str
    target: str
    upgraded_from: str | None               # the source's schema before opening, if older
    revision: str
    resumed: bool
    tables: list[TableCount] = field(default_factory=list)
    verified: int = 0
    marked_failed: int = 0
    synthetic: int = 0
    photos_checked: int = 0
    seconds: float = 0.0


@dataclass
class _Survey:
    """The source snapshot: per table (rows, digest), and the verification outcome."""

    tables: dict[str, tuple[int, int]]
    verified: int = 0
    marked_failed: int = 0
    synthetic: int = 0
    photos_checked: int = 0
    failures: list[tuple[str, str, str]] = field(default_factory=list)  # ref, zh, en

    def fingerprint(self) -> str:
        return json.dumps({t: [n, f"{d:064x}"] for t, (n, d) in self.tables.items()},
                          sort_keys=True)


@dataclass
class _Tables:
    """Per table: its columns, its primary key, and the columns naming a row of the same table
    (`rulings.superseded_by`): those are filled in once the whole table is there."""

    columns: dict[str, list[str]]
    keys: dict[str, list[str]]
    later: dict[str, list[str]]


Progress = Callable[[str, str, int, int], None]  # 'check' | 'copy', table, rows done, rows
AfterBatch = Callable[[str, int], None]         # table, batches committed in this run


def move_office(source_path: str | Path, target_url: str, *, batch_rows: int = BATCH_ROWS,
                progress: Progress | None = None,
                after_batch: AfterBatch | None = None) -> MoveReport:
    """Copy the SQLite office at `source_path` into the PostgreSQL database `target_url`.

    Raises MoveRefused when the target holds other data, the source has a table this module
    does not know, a record or photo fails verification, or what arrived differs from what was
    sent. `after_batch` is called after each committed batch (tests interrupt a move with it).
    """
    began = time.perf_counter()
    source_path = _check_places(source_path, target_url)
    upgraded_from = _schema_before(source_path)
    source = OfficeStore(source_path)
    target = OfficeStore(target_url)
    try:
        if source.revision != target.revision:
            raise MoveRefused(
                f"源与目标的数据库结构版本不同（{source.revision} 与 {target.revision}）",
                f"the source and target schemas differ ({source.revision} and "
                f"{target.revision})")
        report = MoveReport(describe(source_path), describe(target_url),
                            None if upgraded_from == source.revision else upgraded_from,
                            source.revision, resumed=False)
        with target.db.engine.connect() as lock_conn:
            _hold_run_lock(lock_conn, target_url)
            try:
                _move(source, target, report, batch_rows, progress, after_batch)
            finally:
                lock_conn.exec_driver_sql("SELECT pg_advisory_unlock(%s)", (lock_id(_RUN_LOCK),))
                lock_conn.commit()
    finally:
        source.close()
        target.close()
    report.seconds = time.perf_counter() - began
    return report


def _check_places(source_path: str | Path, target_url: str) -> Path:
    if is_postgres(source_path):
        raise MoveRefused("--from 须是办公室的 SQLite 数据库文件",
                          "--from must be the office's SQLite database file")
    if not is_postgres(target_url):
        raise MoveRefused("--to 须是 PostgreSQL 数据库地址（postgresql://用户@主机:端口/库名）",
                          "--to must be a PostgreSQL URL (postgresql://user@host:port/dbname)")
    path = Path(source_path)
    if not path.is_file():
        raise MoveRefused(f"找不到源数据库文件 {path}", f"no source database file {path}")
    return path


def _schema_before(path: Path) -> str:
    """The source's schema as found: an Alembic revision, or 'user_version N' before Alembic."""
    db = Database(path, pool_size=1, max_overflow=0)
    try:
        revision = schema.current(db)
        if revision is not None:
            return revision
        with db.reading() as c:
            tables = set(inspect(c.conn).get_table_names())
            version = c.execute("PRAGMA user_version").scalar()
    finally:
        db.close()
    if "records" not in tables:
        raise MoveRefused(f"{path} 不是办公室数据库（没有 records 表）",
                          f"{path} is not an office database (no records table)")
    return f"user_version {version}"


def _hold_run_lock(conn: Any, target_url: str) -> None:
    got = conn.exec_driver_sql("SELECT pg_try_advisory_lock(%s)", (lock_id(_RUN_LOCK),)).scalar()
    conn.commit()
    if not got:
        where = describe(target_url)
        raise MoveRefused(f"另一个 migrate-db 正在向 {where} 迁移", f"another migrate-db is "
                          f"moving an office into {where}")


def _move(source: OfficeStore, target: OfficeStore, report: MoveReport, batch_rows: int,
          progress: Progress | None, after_batch: AfterBatch | None) -> None:
    unfinished = _unfinished_run(target)
    with source.db.reading() as src:
        src.execute("BEGIN")                        # one snapshot for every pass
        tables = _source_tables(src, target)
        survey = _survey(src, tables.columns, progress)
        _refuse_failures(survey)
        report.verified, report.marked_failed = survey.verified, survey.marked_failed
        report.synthetic, report.photos_checked = survey.synthetic, survey.photos_checked
        report.resumed = _claim_target(target, survey, unfinished, describe(source.target))
        batches = 0

        def counted(table: str) -> None:
            nonlocal batches
            batches += 1
            if after_batch is not None:
                after_batch(table, batches)

        for table in TABLES:
            _copy_table(src, target, table, tables, survey.tables[table][0], batch_rows,
                        progress, counted)
    _refuse_later_writes(source, survey)
    arrived = _digests(target.db, tables.columns)
    report.tables = [TableCount(t, survey.tables[t][0], arrived[t][0]) for t in TABLES]
    differing = [t for t in TABLES if arrived[t] != survey.tables[t]]
    if differing:
        detail = ", ".join(f"{t} ({survey.tables[t][0]} → {arrived[t][0]})" for t in differing)
        raise MoveRefused(f"目标与源不一致：{detail}。目标不可用：请清空目标后重新运行",
                          f"the target differs from the source: {detail}. The target is not "
                          "usable: empty it and run again")
    _finish(target, tables)


def _refuse_later_writes(source: OfficeStore, survey: _Survey) -> None:
    """The copy is of the snapshot; rows written to the source since would be left behind."""
    grown = [t for t in TABLES
             if source.scalar(f'SELECT count(*) FROM "{t}"') != survey.tables[t][0]]
    if grown:
        listed = ", ".join(grown)
        raise MoveRefused(
            f"迁移期间源数据库有写入（{listed}），办公室服务可能仍在运行。请停止办公室服务，"
            "清空目标后重新运行",
            f"the source was written to during the move ({listed}): is the office still "
            "running? Stop it, empty the target and run again")


# -- the tables ------------------------------------------------------------------------------
def _source_tables(src: Tx, target: OfficeStore) -> _Tables:
    """Columns and primary keys per table; refuse unknown tables and differing columns."""
    found = inspect(src.conn)
    names = set(found.get_table_names()) - set(NOT_COPIED)
    unknown = sorted(names - set(TABLES))
    if unknown:
        listed = ", ".join(unknown)
        raise MoveRefused(f"源数据库有本程序不认识的表：{listed}。为免漏拷，迁移停止：请先更新程序",
                          f"the source has tables this program does not know: {listed}. The "
                          "move stops rather than leave them behind: update the program first")
    columns: dict[str, list[str]] = {}
    keys: dict[str, list[str]] = {}
    later: dict[str, list[str]] = {}
    with target.db.reading() as tc:
        there = inspect(tc.conn)
        for table in TABLES:
            columns[table] = [c["name"] for c in found.get_columns(table)]
            keys[table] = found.get_pk_constraint(table)["constrained_columns"]
            later[table] = [c for fk in found.get_foreign_keys(table)
                            if fk["referred_table"] == table for c in fk["constrained_columns"]]
            theirs = [c["name"] for c in there.get_columns(table)]
            if not keys[table]:
                raise MoveRefused(f"表 {table} 没有主键，无法分批续传",
                                  f"table {table} has no primary key to copy it by")
            if sorted(theirs) != sorted(columns[table]):
                raise MoveRefused(f"表 {table} 在源与目标中的列不同",
                                  f"table {table} has other columns in the target")
    return _Tables(columns, keys, later)


def _quoted(names: Iterable[str]) -> str:
    return ", ".join(f'"{n}"' for n in names)


def _select(table: str, columns: Sequence[str], key: Sequence[str],
            after: list[Any] | None = None) -> tuple[str, list[Any]]:
    sql = f'SELECT {_quoted(columns)} FROM "{table}"'
    if after is not None:
        sql += f" WHERE ({_quoted(key)}) > ({', '.join('?' * len(key))})"
    return sql + f" ORDER BY {_quoted(key)}", list(after or [])


# -- digests ---------------------------------------------------------------------------------
def _value_bytes(value: Any) -> bytes:
    """One value, typed and length-prefixed, the same from either database."""
    if value is None:
        return b"n;"
    if isinstance(value, datetime):                 # a reading's time: TEXT UTC on SQLite
        value = utc_text(value)
    if isinstance(value, Decimal):                  # a reading's value: TEXT as sent on SQLite
        value = format(value, "f")
    if isinstance(value, memoryview):
        value = bytes(value)
    if isinstance(value, bytes):
        return b"b%d:" % len(value) + value
    if isinstance(value, str):
        data = value.encode("utf-8", "surrogatepass")
        return b"s%d:" % len(data) + data
    if isinstance(value, float) and value.is_integer():
        value = int(value)                          # 10 in a REAL column reads 10.0 elsewhere
    if isinstance(value, bool | int):
        return b"i%d;" % int(value)
    if isinstance(value, float):
        return b"f" + repr(value).encode() + b";"
    raise TypeError(f"unexpected {type(value).__name__} in the office database")


def _row_digest(row: Sequence[Any]) -> int:
    h = hashlib.sha256()
    for value in row:
        h.update(_value_bytes(value))
    return int.from_bytes(h.digest(), "big")


def _digests(db: Database, columns: dict[str, list[str]]) -> dict[str, tuple[int, int]]:
    """(rows, digest) of every table of the target, read as a stream."""
    out = {}
    with db.reading() as c:
        streamed = Tx(c.conn.execution_options(stream_results=True, max_row_buffer=1000),
                      db.postgres)
        for table in TABLES:
            n, total = 0, 0
            for row in streamed.execute(f'SELECT {_quoted(sorted(columns[table]))}'
                                        f' FROM "{table}"'):
                n += 1
                total = (total + _row_digest(row)) % _DIGEST_MOD
            out[table] = (n, total)
    return out


# -- the survey: digests and verification of the source --------------------------------------
def _survey(src: Tx, columns: dict[str, list[str]], progress: Progress | None) -> _Survey:
    keys = {r[0]: r[1] for r in src.execute("SELECT device_id, public_key FROM devices")}
    survey = _Survey({})
    for table in TABLES:
        names = sorted(columns[table])
        check = {"records": _check_record, "photos": _check_photo}.get(table)
        rows = src.execute(f'SELECT count(*) FROM "{table}"').scalar()
        n, total = 0, 0
        for row in src.execute(f'SELECT {_quoted(names)} FROM "{table}"'):
            n += 1
            total = (total + _row_digest(row)) % _DIGEST_MOD
            if check is not None:
                check(survey, dict(zip(names, row, strict=True)), keys)
            if progress is not None and n % 1000 == 0:
                progress("check", table, n, rows)
        survey.tables[table] = (n, total)
    return survey


def _check_record(survey: _Survey, row: dict[str, Any], keys: dict[str, str]) -> None:
    """The upload's checks again, under the key the record's device enrolled with."""
    if row["synthetic"]:
        survey.synthetic += 1
        return
    raw = bytes(row["envelope"])
    problems: list[tuple[str, str]] = []
    try:
        env = json.loads(raw.decode("utf-8"))
    except ValueError as exc:
        problems.append(("不是 JSON", f"not JSON: {exc}"))
    else:
        problems += [(p.message_zh, p.message_en)
                     for p in verify_envelope(env, trusted_public_key_b64=keys.get(row["device_id"]))]
        record = env.get("record") if isinstance(env, dict) else None
        if not problems and isinstance(record, dict) and (
                env.get("sha256") != row["sha256"]
                or record.get("record_id") != row["record_id"]
                or (record.get("device") or {}).get("device_id") != row["device_id"]):
            problems.append(("记录内容与数据库中的编号或哈希不符",
                             "the envelope's id, device or hash is not the row's"))
    if row["envelope_size"] != len(raw):
        problems.append(("记录长度与登记的不符", "the envelope's size is not the recorded one"))
    if row["verification"] == "failed":
        survey.marked_failed += 1
    elif problems:
        survey.failures.append((row["ref"], "；".join(p[0] for p in problems),
                                "; ".join(p[1] for p in problems)))
    else:
        survey.verified += 1


def _check_photo(survey: _Survey, row: dict[str, Any], _keys: dict[str, str]) -> None:
    data = bytes(row["data"])
    if hashlib.sha256(data).hexdigest() != row["sha256"] or row["size"] != len(data):
        survey.failures.append((f"photo {row['sha256']}", "照片内容与其哈希不符",
                                "the photo's bytes do not match its hash"))
    else:
        survey.photos_checked += 1


def _refuse_failures(survey: _Survey) -> None:
    if not survey.failures:
        return
    named = survey.failures[:MAX_NAMED]
    more = len(survey.failures) - len(named)
    zh = "\n".join(f"  {ref}：{why}" for ref, why, _ in named) + (f"\n  另有 {more} 条" if more else "")
    en = "\n".join(f"  {ref}: {why}" for ref, _, why in named) + (f"\n  and {more} more" if more else "")
    raise MoveRefused(
        f"{len(survey.failures)} 条证据未通过校验，迁移停止（目标未写入任何内容）：\n{zh}\n"
        "核实后可先运行 inspector-office records --recheck --db 源文件 将其标为校验失败，"
        "标为失败的记录会照原样迁移",
        f"{len(survey.failures)} items of evidence fail verification; nothing was written to "
        f"the target:\n{en}\nAfter looking into them, `inspector-office records --recheck --db "
        "SOURCE` marks such records failed, and records marked failed are moved as they are")


# -- the target: claim, copy, finish ---------------------------------------------------------
def _unfinished_run(target: OfficeStore) -> tuple[str, str] | None:
    """(fingerprint, started_at) of an unfinished move into `target`, None if it is empty;
    refuses a target that holds anything else."""
    run = None
    if target.scalar("SELECT to_regclass('migrate_db_runs') IS NOT NULL"):
        run = target.query_one("SELECT source, fingerprint, started_at, finished_at"
                               " FROM migrate_db_runs")
    if run is not None and run[3] is not None:
        raise MoveRefused(f"目标已有办公室数据（{run[3]} 从 {run[0]} 迁入），拒绝写入",
                          f"the target already holds an office (moved from {run[0]} at "
                          f"{run[3]}); refused")
    if run is not None:
        return run[1], run[2]
    filled = [t for t in TABLES if target.scalar(
        f'SELECT EXISTS (SELECT 1 FROM "{t}" WHERE {SCHEMA_ROWS.get(t, "1=1")})')]
    if filled:
        listed = ", ".join(filled)
        raise MoveRefused(f"目标数据库不是空的（{listed} 中已有数据），拒绝写入",
                          f"the target database is not empty (rows in {listed}); refused")
    return None


def _claim_target(target: OfficeStore, survey: _Survey, unfinished: tuple[str, str] | None,
                  source_name: str) -> bool:
    """Start a move into the empty target (False), or resume this source's unfinished one."""
    if unfinished is not None:
        fingerprint, started_at = unfinished
        if fingerprint != survey.fingerprint():
            raise MoveRefused(
                f"目标中有 {started_at} 开始、未完成的迁移，但源数据库自那以后已有变化。"
                "请清空目标后重新运行",
                f"the target holds an unfinished move begun {started_at}, but the source has "
                "changed since. Empty the target and run again")
        return True
    with target.write() as c:
        c.execute("CREATE TABLE IF NOT EXISTS migrate_db_runs (id INTEGER PRIMARY KEY"
                  " CHECK (id = 1), source TEXT NOT NULL, fingerprint TEXT NOT NULL,"
                  " started_at TEXT NOT NULL, finished_at TEXT)")
        c.execute("CREATE TABLE IF NOT EXISTS migrate_db_tables (table_name TEXT PRIMARY KEY,"
                  " last_key TEXT, copied_rows BIGINT NOT NULL, done INTEGER NOT NULL)")
        c.execute("INSERT INTO migrate_db_runs (id, source, fingerprint, started_at)"
                  " VALUES (1, ?, ?, ?)", (source_name, survey.fingerprint(), now_iso()))
        c.executemany("INSERT INTO migrate_db_tables (table_name, copied_rows, done)"
                      " VALUES (?, 0, 0)", [(t,) for t in TABLES])
    return False


def _copy_table(src: Tx, target: OfficeStore, table: str, tables: _Tables, total: int,
                batch_rows: int, progress: Progress | None,
                after_batch: Callable[[str], None]) -> None:
    """Copy `table` after its last committed key, a batch and its progress mark at a time."""
    state = target.query_one("SELECT last_key, copied_rows, done FROM migrate_db_tables"
                             " WHERE table_name=?", (table,))
    assert state is not None
    if state[2]:
        return
    if table == "monitoring_readings":   # PostgreSQL keeps them in monthly partitions
        ensure_partitions(target.db, [datetime.fromisoformat(f"{m}-15T00:00:00+00:00") for (m,)
                                      in src.execute("SELECT DISTINCT substr(t, 1, 7)"
                                                     " FROM monitoring_readings")])
    copied = state[1]
    columns, key, later = tables.columns[table], tables.keys[table], tables.later[table]
    sql, params = _select(table, columns, key, json.loads(state[0]) if state[0] else None)
    at = [columns.index(k) for k in key]
    blank = [columns.index(c) for c in later]
    rows = src.execute(sql, params)
    batch: list[tuple[Any, ...]] = []
    size = 0
    while True:
        row = rows.fetchone()
        if row is not None:
            values = list(row)
            for i in blank:
                values[i] = None
            batch.append(tuple(values))
            size += sum(len(v) for v in values if isinstance(v, bytes | str))
        if batch and (row is None or len(batch) >= batch_rows or size >= BATCH_BYTES):
            copied += len(batch)
            last = json.dumps([batch[-1][i] for i in at])
            with target.write() as c:
                if table in SCHEMA_ROWS and copied == len(batch):   # the first batch
                    c.execute(f'DELETE FROM "{table}"')
                _insert_rows(c, table, columns, batch)
                c.execute("UPDATE migrate_db_tables SET last_key=?, copied_rows=?"
                          " WHERE table_name=?", (last, copied, table))
            batch, size = [], 0
            if progress is not None:
                progress("copy", table, copied, total)
            after_batch(table)
        if row is None:
            break
    with target.write() as c:
        for column in later:
            c.executemany(f'UPDATE "{table}" SET "{column}"=? WHERE {_key_match(key)}',
                          [tuple(r) for r in src.execute(
                              f'SELECT "{column}", {_quoted(key)} FROM "{table}"'
                              f' WHERE "{column}" IS NOT NULL')])
        c.execute("UPDATE migrate_db_tables SET done=1 WHERE table_name=?", (table,))


def _insert_rows(c: Tx, table: str, columns: Sequence[str],
                 rows: Sequence[Sequence[Any]]) -> None:
    """COPY the rows in (PostgreSQL's bulk path: several times an INSERT's speed)."""
    cursor = c.conn.connection.dbapi_connection.cursor()
    with cursor.copy(f'COPY "{table}" ({_quoted(columns)}) FROM STDIN') as copy:
        for row in rows:
            copy.write_row(row)


def _key_match(key: Sequence[str]) -> str:
    return " AND ".join(f'"{k}"=?' for k in key)


def _finish(target: OfficeStore, tables: _Tables) -> None:
    """Set every sequence past the copied values; mark the move finished."""
    with target.write() as c:
        owned = c.execute("SELECT c.relname FROM pg_class c WHERE c.relkind='S'"
                          " AND c.relnamespace = to_regnamespace(current_schema())"
                          " AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid=c.oid"
                          " AND d.deptype IN ('a', 'i'))").fetchall()
        unknown = sorted({r[0] for r in owned} - set(STANDALONE_SEQUENCES))
        if unknown:
            raise MoveRefused(f"目标有本程序不认识的序列：{', '.join(unknown)}",
                              f"the target has sequences this program does not know: "
                              f"{', '.join(unknown)}")
        pairs = [(seq, table, column) for seq, (table, column) in STANDALONE_SEQUENCES.items()]
        for table in TABLES:
            if len(tables.keys[table]) == 1:
                seq = c.execute("SELECT pg_get_serial_sequence(?, ?)",
                                (table, tables.keys[table][0])).scalar()
                if seq is not None:
                    pairs.append((seq, table, tables.keys[table][0]))
        for seq, table, column in pairs:
            assert column in tables.columns[table]
            c.execute(f'SELECT setval(CAST(? AS regclass), coalesce(max("{column}"), 1), max("{column}") IS NOT NULL)'
                      f' FROM "{table}"', (seq,))
        c.execute("UPDATE migrate_db_runs SET finished_at=? WHERE id=1", (now_iso(),))
