"""Pushing the outbox to the office over HTTP(S), and enrolling the laptop.

What counts as success: only 201 or 200 whose JSON body echoes the record id *and* the sha256 we
sent. A captive Wi-Fi portal, a proxy error page or a half-delivered answer is therefore a
transient failure, never "sent" (the record would otherwise be marked synced and never arrive).

How failures are treated:
- 409, 413, 422: the office refused *this record*; retrying cannot help. Outbox `rejected`, with
  the office's reason in words, and the run goes on with the next record.
- network errors, timeouts, 5xx, 408/429, non-office answers: transient. Each record is retried a
  few times within the run with exponential back-off and full jitter; if it still fails it is
  `failed_retrying` with a persistent back-off (`next_attempt_at`) for the next background run.
- 401: the office does not accept this *device* (revoked, or not enrolled): no other record can
  succeed either, so the run stops and says so; the records stay queued, not rejected.
- If `max_unreachable` records in a row exhaust their retries on network faults, the office is
  taken as unreachable and the run stops early instead of hammering a dead link 200 times.
- Time is bounded: each request by `timeout` per step and by the run's deadline as a whole
  (`deadline_s`); an office that accepts connections and never answers once made `sync` take
  187 s for 3 records. What the deadline leaves is counted (`SyncReport.left`) and stays queued.
- One run per data folder (`run_lock`); answers are read as bounded JSON, at most 64 KiB.

Time is injectable (`clock`, `sleep`, `rng`) so tests of back-off run in milliseconds.
`SyncClient.push_pending(progress)` is the UI's entry point; call it on a worker thread with a
database connection of that thread (`SyncClient.for_data_dir` opens one).

Photos (`sync.photo_upload`): a record that cites photos is sent first; the office answers with
the photos it still lacks, those are PUT by hash, and the record is sent once more. It is `sent`
only when the office confirms that nothing it cites is missing.
"""

from __future__ import annotations

import base64
import hashlib
import json
import random
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import sqlite_utils

from inspector_app import __version__
from inspector_app.core.errors import InspectionError
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.enrolment_proof import sign_enrolment
from inspector_app.seal.photo_refs import cited_hashes
from inspector_app.store import outbox
from inspector_app.store.assignments import enrolled_for, pin_enrolment_key
from inspector_app.store.database import DB_FILENAME, connect
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.answers import (
    answer_json,
    office_reason,
    read_capped,
    send_capped,
)
from inspector_app.sync.assignments import TicketSyncReport, sync_tickets
from inspector_app.sync.bookkeeping import OutboxWindows
from inspector_app.sync.config import OfficeLink, load_link, save_link
from inspector_app.sync.photo_upload import send_photos
from inspector_app.sync.retry_in_run import retry_in_run
from inspector_app.sync.run_lock import sync_lock

Progress = Callable[[int, int, str], None]
DEVICE_HEADER = "X-Device-Id"
ENROL_DEADLINE_TIMEOUTS = 4  # an answer trickling in may take this many `timeout`s in all
USER_AGENT = f"inspector-app/{__version__}"


class SyncError(InspectionError):
    """A sync or enrolment problem the user can act on."""


@dataclass
class RetryPolicy:
    """Back-off numbers: in-run retries are short, the persistent back-off grows to an hour."""

    attempts_per_run: int = 4
    base_delay_s: float = 0.5
    max_delay_s: float = 8.0
    persistent_base_s: float = 30.0
    persistent_max_s: float = 3600.0
    max_unreachable: int = 3
    lease_s: float = 300.0

    def delay(self, attempt: int, rng: random.Random) -> float:
        """Full jitter: uniform in [0, min(max, base·2^attempt)] (attempt counts from 0)."""
        return rng.uniform(0, min(self.max_delay_s, self.base_delay_s * 2 ** min(attempt, 30)))

    def next_try_in(self, failed_runs: int, rng: random.Random) -> float:
        """Seconds until the next run may try a record that failed in `failed_runs` runs in a row.

        Equal jitter: between half and all of base·2^(runs-1), capped; many laptops coming back
        online together do not all knock at the same second.
        """
        ceiling = min(self.persistent_max_s,
                      self.persistent_base_s * 2 ** min(max(failed_runs - 1, 0), 30))
        return ceiling / 2 + rng.uniform(0, ceiling / 2)


@dataclass
class Attempt:
    """The outcome of sending one record once."""

    kind: str                      # 'sent' | 'rejected' | 'transient' | 'device_refused'
    status: int | None
    zh: str
    en: str
    already_present: bool = False
    photos_sent: int = 0
    awaiting_photos: bool = False  # the office holds the record, not yet all its photos
    answer: dict[str, Any] = field(default_factory=dict, repr=False)  # the office's confirmation


@dataclass
class RecordResult:
    record_id: str
    state: str
    status: int | None
    reason_zh: str
    reason_en: str
    attempts: int


@dataclass
class SyncReport:
    """What one run did; `results` has one line per record tried."""

    total: int = 0
    sent: int = 0
    already_present: int = 0
    rejected: int = 0
    retrying: int = 0
    not_tried: int = 0
    retries: int = 0
    transient_failures: int = 0
    photos_sent: int = 0
    awaiting_photos: int = 0
    stopped_zh: str = ""
    stopped_en: str = ""
    elapsed_s: float = 0.0
    results: list[RecordResult] = field(default_factory=list)
    tickets: TicketSyncReport | None = None  # assignments and ticket events (`sync_all`)

    @property
    def stopped(self) -> bool:
        return bool(self.stopped_en)

    @property
    def left(self) -> int:
        """Records of this run still to send: to retry later (those the office holds but whose
        photos it still lacks among them, `awaiting_photos`), or not tried at all."""
        return self.retrying + self.not_tried

    def summary(self, lang: str = "zh") -> str:
        if lang.startswith("zh"):
            text = (f"共 {self.total} 条：已上传 {self.sent}（其中办公室已有 {self.already_present}），"
                    f"被拒收 {self.rejected}，稍后重试 {self.retrying}，未尝试 {self.not_tried}，"
                    f"还剩 {self.left} 条待上传")
            text += f"；上传照片 {self.photos_sent} 张" if self.photos_sent else ""
            text += f"；{self.tickets.summary(lang)}" if self.tickets else ""
            return text + (f"。已停止：{self.stopped_zh}" if self.stopped else "")
        text = (f"{self.total} records: sent {self.sent} (already at the office "
                f"{self.already_present}), rejected {self.rejected}, retry later {self.retrying}, "
                f"not tried {self.not_tried}, {self.left} left to send")
        text += f"; photos sent {self.photos_sent}" if self.photos_sent else ""
        text += f"; {self.tickets.summary(lang)}" if self.tickets else ""
        return text + (f". Stopped: {self.stopped_en}" if self.stopped else "")


class SyncClient:
    """Sends queued records to the office named by the laptop's link."""

    def __init__(self, db: sqlite_utils.Database, link: OfficeLink, *,
                 verify: Any = True, timeout: float = 15.0,
                 policy: RetryPolicy | None = None,
                 clock: Callable[[], float] = time.time,
                 sleep: Callable[[float], None] = time.sleep,
                 rng: random.Random | None = None,
                 transport: httpx.BaseTransport | None = None,
                 deadline_s: float | None = None) -> None:
        self.db = db
        self.timeout = timeout
        self.deadline_s = deadline_s
        self.link = link
        self.policy = policy or RetryPolicy()
        self.clock, self.sleep = clock, sleep
        self.rng = rng or random.Random()
        self.sealed = SealedStore(db)
        self.http = httpx.Client(
            base_url=link.office_url.rstrip("/"), verify=verify, timeout=timeout,
            transport=transport, follow_redirects=False,
            headers={"Authorization": f"Bearer {link.token}", DEVICE_HEADER: link.device_id,
                     "User-Agent": USER_AGENT})

    @classmethod
    def for_data_dir(cls, folder: Path, **kwargs: Any) -> SyncClient:
        """A client with its own database connection: safe to build on a worker thread."""
        from inspector_app.store.database import DB_FILENAME, connect

        link = load_link(folder)
        return cls(connect(Path(folder) / DB_FILENAME), link, verify=link.verify_for(folder),
                   **kwargs)

    def close(self) -> None:
        self.http.close()

    def __enter__(self) -> SyncClient:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- one request ---------------------------------------------------------------------------
    def send_once(self, record_id: str, deadline: float | None = None) -> Attempt:
        """PUT the stored envelope (and any photos the office lacks); classify the outcome.

        Every request gets at most `timeout` seconds for each step (connect, send, each read)
        and none runs past `deadline` (on `clock`), photos included: an office that accepts the
        connection and never answers, or trickles its answer, costs a bounded time. Answers are
        read up to MAX_ANSWER_BYTES only.
        """
        text, sha256 = self.sealed.envelope_and_sha256(record_id)
        body = text.encode("utf-8")
        first = self._put_record(record_id, body, sha256, deadline)
        cited = cited_hashes(json.loads(body).get("record") or {})
        if first.kind != "sent" or not cited:
            return first
        missing = first.answer.get("photos_missing")
        if not isinstance(missing, list):
            return Attempt("rejected", first.status, "办公室未确认记录的照片（办公室版本过旧？）",
                           "the office did not confirm the record's photos (an older office?)")
        photos_sent = 0
        if missing:
            outcome = send_photos(self.http, self.db, [m for m in missing if m in cited],
                                  timeout=self.timeout, clock=self.clock, deadline=deadline)
            photos_sent = outcome.sent
            if outcome.failure is not None:
                kind, status, zh, en = outcome.failure
                return Attempt(kind, status, zh, en, photos_sent=photos_sent,
                               awaiting_photos=kind == "transient")
            again = self._put_record(record_id, body, sha256, deadline)
            if again.kind != "sent":
                again.photos_sent = photos_sent
                return again
            if again.answer.get("photos_missing"):
                return Attempt("transient", again.status, "照片上传后办公室仍显示缺少照片",
                               "the office still lacks photos after they were sent",
                               photos_sent=photos_sent, awaiting_photos=True)
        return Attempt("sent", first.status, "", "", already_present=first.already_present,
                       photos_sent=photos_sent)

    def _put_record(self, record_id: str, body: bytes, sha256: str,
                    deadline: float | None) -> Attempt:
        """PUT the envelope once; a `sent` answer keeps the office's JSON for the photo check."""
        try:
            response = send_capped(self.http, "PUT", f"/api/v1/records/{record_id}",
                                   content=body, content_type="application/json",
                                   timeout=self.timeout, clock=self.clock, deadline=deadline)
        except httpx.TransportError as exc:
            return Attempt("transient", None, f"网络错误：{type(exc).__name__}",
                           f"network error: {type(exc).__name__}: {exc}")
        status = response.status_code
        if status in (200, 201):
            answer = answer_json(response)
            if isinstance(answer, dict) and answer.get("record_id") == record_id \
                    and answer.get("sha256") == sha256:
                return Attempt("sent", status, "", "", already_present=status == 200,
                               answer=answer)
            return Attempt("transient", status, "收到的答复不是办公室的确认（可能是无线网络登录页）",
                           "the answer was not the office's confirmation (a Wi-Fi login page?)")
        zh, en = office_reason(response)
        if status in (409, 413, 422):
            return Attempt("rejected", status, zh, en)
        if status == 401:
            return Attempt("device_refused", status, zh, en)
        return Attempt("transient", status, zh, en)

    # -- the run -------------------------------------------------------------------------------
    def push_pending(self, progress: Progress | None = None, *, include_not_due: bool = False,
                     should_stop: Callable[[], bool] | None = None) -> SyncReport:
        """Send every due record once through the retry loop; returns counts and reasons.

        `progress(done, total, text)` is called before each record (text: its id) and once at
        the end (text empty).
        `include_not_due` ignores the persistent back-off (an explicit "sync now").
        `should_stop` lets the UI cancel between records. The run holds the data folder's
        sync lock (`run_lock.SyncBusy` if another run has it) and stops at `deadline_s`,
        leaving the rest queued and counted as not tried.
        """
        folder = self._db_folder()
        if folder is None:  # an in-memory database: nobody else can share its outbox
            return self._run(progress, include_not_due, should_stop)
        with sync_lock(folder):
            return self._run(progress, include_not_due, should_stop)

    def sync_all(self, progress: Progress | None = None, *, include_not_due: bool = False,
                 should_stop: Callable[[], bool] | None = None) -> SyncReport:
        """The whole run of `inspector-app sync` and the background sync: the records first
        (`push_pending`'s rules), then the ticket events and the assignments
        (`sync.assignments`), under one sync lock and one deadline. The tickets are skipped
        when the records' run stopped (device refused, office unreachable, deadline, cancel).
        """
        folder = self._db_folder()
        if folder is None:
            return self._run_all(progress, include_not_due, should_stop)
        with sync_lock(folder):
            return self._run_all(progress, include_not_due, should_stop)

    def sync_tickets(self, *, include_not_due: bool = True) -> TicketSyncReport:
        """Only the ticket part (`inspector-app assignments`): push events, pull assignments."""
        deadline = None if self.deadline_s is None else self.clock() + self.deadline_s
        folder = self._db_folder()
        if folder is None:
            return sync_tickets(self, include_not_due=include_not_due, deadline=deadline)
        with sync_lock(folder):
            return sync_tickets(self, include_not_due=include_not_due, deadline=deadline)

    def _run_all(self, progress: Progress | None, include_not_due: bool,
                 should_stop: Callable[[], bool] | None) -> SyncReport:
        started = self.clock()
        report = self._run(progress, include_not_due, should_stop)
        if report.stopped:
            return report
        deadline = None if self.deadline_s is None else started + self.deadline_s
        report.tickets = sync_tickets(self, include_not_due=include_not_due, deadline=deadline,
                                      should_stop=should_stop)
        if report.tickets.stopped:
            report.stopped_zh, report.stopped_en = (report.tickets.stopped_zh,
                                                    report.tickets.stopped_en)
        report.elapsed_s = self.clock() - started
        return report

    def _db_folder(self) -> Path | None:
        file = self.db.conn.execute("PRAGMA database_list").fetchone()[2]
        return Path(file).parent if file else None

    def _run(self, progress: Progress | None, include_not_due: bool,
             should_stop: Callable[[], bool] | None) -> SyncReport:
        started = self.clock()
        deadline = None if self.deadline_s is None else started + self.deadline_s
        report = SyncReport()
        outbox.enqueue_missing(self.db)
        outbox.recover_interrupted(self.db, now=started)
        todo = outbox.due(self.db, now=started, include_not_due=include_not_due)
        report.total = len(todo)
        windows = OutboxWindows(self.db, self.policy.lease_s, self.clock)
        try:
            self._push_all(todo, windows, report, progress, should_stop, deadline)
        finally:  # also on an exception: what the office confirmed is written down
            windows.close()
        report.elapsed_s = self.clock() - started
        if progress:  # the last call counts only: the report says the rest in the reader's words
            progress(report.total - report.not_tried, report.total, "")
        return report

    def _push_all(self, todo: list[str], windows: OutboxWindows, report: SyncReport,
                  progress: Progress | None, should_stop: Callable[[], bool] | None,
                  deadline: float | None) -> None:
        unreachable = 0
        for done, record_id in enumerate(todo):
            if progress:
                progress(done, report.total, record_id)
            if should_stop and should_stop():
                report.not_tried = report.total - done
                report.stopped_zh, report.stopped_en = "已取消", "cancelled"
                return
            if deadline is not None and self.clock() >= deadline:
                report.not_tried = report.total - done
                report.stopped_zh = f"已到同步时限（{self.deadline_s:g} 秒），其余记录留待下次"
                report.stopped_en = (f"the sync deadline ({self.deadline_s:g} s) was reached; "
                                     "the rest wait for the next run")
                return
            if not windows.claim(record_id, todo[done:]):
                report.not_tried += 1  # another run holds it or finished it meanwhile
                continue
            result, attempt, outcome = self._push_one(record_id, report, deadline)
            windows.done(outcome)
            report.results.append(result)
            if attempt.kind == "device_refused":
                report.not_tried = report.total - done - 1
                report.stopped_zh = f"办公室不接受本设备：{attempt.zh}"
                report.stopped_en = f"the office does not accept this device: {attempt.en}"
                return
            unreachable = unreachable + 1 if attempt.kind == "transient" \
                and attempt.status is None else 0
            if unreachable >= self.policy.max_unreachable and done + 1 < report.total:
                report.not_tried = report.total - done - 1
                report.stopped_zh = "连续多条记录无法连接办公室，稍后再试"
                report.stopped_en = "the office could not be reached for several records in a row"
                return

    def _push_one(self, record_id: str, report: SyncReport, deadline: float | None = None,
                  ) -> tuple[RecordResult, Attempt, outbox.Outcome]:
        def try_once() -> Attempt:
            attempt = self.send_once(record_id, deadline)
            report.photos_sent += attempt.photos_sent
            return attempt

        attempt, tries = retry_in_run(self, report, deadline, try_once,
                                      untried=Attempt("transient", None, "", ""))
        if attempt.kind == "sent":
            outcome = outbox.Outcome(record_id, outbox.SENT, tries, attempt.status or 0,
                                     office_url=self.link.office_url)
            report.sent += 1
            report.already_present += attempt.already_present
        elif attempt.kind == "rejected":
            outcome = outbox.Outcome(record_id, outbox.REJECTED, tries, attempt.status or 0,
                                     attempt.zh, attempt.en)
            report.rejected += 1
        else:
            previous = outbox.entry(self.db, record_id)
            failed_runs = (previous.failed_runs if previous else 0) + 1
            outcome = outbox.Outcome(
                record_id, outbox.FAILED_RETRYING, tries, attempt.status, attempt.zh, attempt.en,
                next_attempt_at=self.clock() + self.policy.next_try_in(failed_runs, self.rng))
            report.retrying += 1
            report.awaiting_photos += attempt.awaiting_photos
        return RecordResult(record_id, outcome.state, attempt.status, attempt.zh, attempt.en,
                            tries), attempt, outcome


# ----------------------------------------------------------------------------------------------
def enroll(folder: Path, office_url: str, code: str, key: DeviceKey, *, label: str = "",
           cert_pem: Path | None = None, timeout: float = 15.0,
           transport: httpx.BaseTransport | None = None) -> OfficeLink:
    """Register this laptop's public key with the office; save the returned credential (0600).

    The request is signed with the device key (`seal.enrolment_proof`): the office enrols only a
    laptop that holds the private key, not anyone who copied the public key from a record."""
    verify: Any = True
    if cert_pem is not None:
        import ssl
        verify = ssl.create_default_context(cafile=str(cert_pem))
    body = {"code": code, "device_id": key.device_id, "public_key": key.public_key_b64,
            "proof": sign_enrolment(key, code), "label": label}
    started = time.time()
    try:
        with httpx.Client(verify=verify, timeout=timeout, transport=transport,
                          headers={"User-Agent": USER_AGENT}) as http, \
                http.stream("POST", f"{office_url.rstrip('/')}/api/v1/enrollments",
                            json=body) as streamed:
            response = httpx.Response(streamed.status_code, content=read_capped(
                streamed, time.time, started + ENROL_DEADLINE_TIMEOUTS * timeout))
    except httpx.TransportError as exc:
        raise SyncError(f"无法连接办公室 {office_url}：{exc}",
                        f"cannot reach the office at {office_url}: {exc}", field="office") from exc
    if response.status_code != 201:
        zh, en = office_reason(response)
        raise SyncError(f"注册失败：{zh}", f"enrolment refused: {en}", field="code")
    answer = answer_json(response)
    try:
        if not isinstance(answer, dict) or not isinstance(answer.get("token"), str) \
                or not 0 < len(answer["token"]) <= 200:
            raise ValueError("no token")
        token = answer["token"]
        if answer.get("device_id") != key.device_id:
            raise ValueError("device id not echoed")
        office = answer.get("office")
        public_url = str(office.get("public_url") or "") if isinstance(office, dict) else ""
        ticket_key = enrolment_ticket_key(office)
        inspector = enrolment_inspector(office)
    except (ValueError, KeyError, TypeError) as exc:
        raise SyncError("办公室的答复无法识别（地址是否正确？）",
                        "the answer was not an office enrolment (is the address right?)",
                        field="office") from exc
    link = OfficeLink(office_url=office_url.rstrip("/"), device_id=key.device_id, token=token,
                      enrolled_at=datetime.now().astimezone().isoformat(timespec="seconds"),
                      label=label, public_url=public_url)
    save_link(folder, link, cert_pem)
    if ticket_key is not None or inspector is not False:
        laptop_db = connect(folder / DB_FILENAME)
        try:
            if ticket_key is not None:  # an office from before tickets sends none: a pull pins
                pin_enrolment_key(laptop_db, *ticket_key)
            if inspector is not False:  # the previous inspector's assignments leave the list
                enrolled_for(laptop_db, inspector, datetime.now(UTC))
        finally:
            laptop_db.close()
    return link


def enrolment_inspector(office: object) -> str | None | bool:
    """The inspector named in the enrolment answer (`office.inspector`; None: enrolled for
    nobody), or False when the office does not say (one from before tickets).
    ValueError when it is neither a name nor null."""
    if not isinstance(office, dict) or "inspector" not in office:
        return False
    name = office["inspector"]
    if name is not None and (not isinstance(name, str) or not 0 < len(name) <= 200):
        raise ValueError("inspector is not a name")
    return name


def enrolment_ticket_key(office: object) -> tuple[str, str] | None:
    """(key_id, public_key) of `office.ticket_key` in the enrolment answer; None when absent.
    ValueError when present but not an Ed25519 public key with its own key id."""
    key = office.get("ticket_key") if isinstance(office, dict) else None
    if key is None:
        return None
    if not isinstance(key, dict):
        raise ValueError("ticket_key is not an object")
    key_id, public = key.get("key_id"), key.get("public_key")
    if not isinstance(key_id, str) or not isinstance(public, str) or len(public) != 44:
        raise ValueError("ticket_key incomplete")
    raw = base64.b64decode(public, validate=True)
    if len(raw) != 32 or hashlib.sha256(raw).hexdigest()[:16] != key_id:
        raise ValueError("ticket_key id does not match the key")
    return key_id, public
