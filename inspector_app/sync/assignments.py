"""The two-way ticket sync: pull this inspector's assignments, push the contacts logged.

Same rules as the records' upload (`sync.client`), because the same network carries them:
- each request is retried a few times within the run (`RetryPolicy.delay`, full jitter); an
  event still unsent is `failed_retrying` with a persistent back-off (`next_attempt_at`);
- 401: the office no longer accepts this device; the run stops, events stay queued;
- what the office refuses (`refused` in its answer, or a 4xx for a single event) is `rejected`
  with the office's reason in both languages, and never retried by itself;
- every answer is read bounded in size, time and nesting (`sync.answers`); a page of
  assignments may be large (a complaint text is up to 20,000 characters), so the pull halves
  its page size when an answer exceeds the cap instead of failing for ever;
- nothing is stored from an answer that is not the office's (a portal page, a cut answer).

Exactly once: the pull stores each page together with the cursor that follows it (a lost answer
is asked for again and stored again, by primary key); the push sends event ids the office stores
once (a lost answer makes the next try 'duplicate', which counts as sent). Events are sent in
the order logged, and an event waits while an earlier one of its ticket is still on its way.

A run pushes before it pulls, so the pulled states already hold what was just sent.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

import httpx

from inspector_app.core.tickets import TicketData, TicketError, ticket_digest
from inspector_app.seal.ticket_signature import ticket_signature_valid
from inspector_app.store import assignments as store
from inspector_app.store import ticket_outbox
from inspector_app.sync.answers import answer_json, office_words, send_capped
from inspector_app.sync.retry_in_run import retry_in_run

if TYPE_CHECKING:
    from inspector_app.sync.client import SyncClient

PULL_PATH = "/api/v1/assignments"
PUSH_PATH = "/api/v1/ticket-events"
PULL_LIMIT = 100
PUSH_BATCH = 100
MAX_PULL_BYTES = 8 * 1024 * 1024   # 100 tickets with long complaint texts fit; more halves the page
MAX_PUSH_ANSWER_BYTES = 1024 * 1024
MAX_PAGES_PER_RUN = 1000
REFUSED_STATUSES = (400, 409, 413, 422)


@dataclass
class EventResult:
    event_id: str
    key: str
    kind: str
    state: str
    status: int | None
    reason_zh: str
    reason_en: str
    attempts: int


@dataclass
class TicketSyncReport:
    """What a run did with assignments and ticket events."""

    pulled: int = 0                 # assignments received (new or changed)
    removed: int = 0                # taken back by the office
    flagged: int = 0                # ... of which a visit had been started (kept, flagged)
    pages: int = 0
    pull_done: bool = False         # the office said there is no more
    events_total: int = 0
    events_sent: int = 0            # stored or already there ('duplicate')
    events_duplicate: int = 0
    events_rejected: int = 0
    events_retrying: int = 0
    events_not_tried: int = 0
    retries: int = 0
    transient_failures: int = 0
    note_zh: str = ""               # e.g. an office without tickets yet; no inspector linked
    note_en: str = ""
    problem_zh: str = ""            # the pull could not finish (network, changed office key)
    problem_en: str = ""
    stopped_zh: str = ""            # the device is refused, the deadline, a cancel
    stopped_en: str = ""
    results: list[EventResult] = field(default_factory=list)

    @property
    def stopped(self) -> bool:
        return bool(self.stopped_en)

    @property
    def ok(self) -> bool:
        return not self.stopped and not self.problem_en

    def summary(self, lang: str = "zh") -> str:
        zh = lang.startswith("zh")
        if zh:
            text = (f"派单：收到 {self.pulled} 条，撤回 {self.removed} 条"
                    + (f"（其中 {self.flagged} 条已开始检测，保留并标记）" if self.flagged else "")
                    + f"；工单事件：已发送 {self.events_sent} 条，被拒收 {self.events_rejected} 条，"
                    f"稍后重试 {self.events_retrying + self.events_not_tried} 条")
        else:
            text = (f"assignments: {self.pulled} pulled, {self.removed} taken back"
                    + (f" ({self.flagged} with a visit started: kept, flagged)" if self.flagged
                       else "")
                    + f"; ticket events: {self.events_sent} sent, {self.events_rejected} "
                    f"rejected, {self.events_retrying + self.events_not_tried} to retry")
        for words_zh, words_en in ((self.note_zh, self.note_en),
                                   (self.problem_zh, self.problem_en)):
            if words_en or words_zh:
                text += f"（{words_zh}）" if zh else f" ({words_en})"
        return text


@dataclass
class _Answer:
    kind: str              # 'ok' | 'refused' | 'transient' | 'device_refused' | 'missing' | 'oversized'
    status: int | None
    body: Any = None
    zh: str = ""
    en: str = ""
    code: str = ""


Shape = Callable[[Any], bool]


def _classify(response: httpx.Response, max_bytes: int, shape: Shape) -> _Answer:
    status = response.status_code
    if status == 200:
        if len(response.content) > max_bytes:
            return _Answer("oversized", status, None, "办公室的答复超过上限", "the answer exceeds the cap")
        body = answer_json(response, max_bytes=max_bytes, max_depth=10)
        if shape(body):
            return _Answer("ok", status, body)
        return _Answer("transient", status, None, "收到的答复不是办公室的（可能是无线网络登录页）",
                       "the answer was not the office's (a Wi-Fi login page?)")
    words = office_words(response)
    zh, en, code = words if words else (f"办公室返回 HTTP {status}", f"the office answered HTTP "
                                        f"{status}", "")
    if status == 401:
        return _Answer("device_refused", status, None, zh, en, code)
    if status == 404 and not code:
        return _Answer("missing", status, None, zh, en)
    if status in REFUSED_STATUSES:
        return _Answer("refused", status, None, zh, en, code)
    return _Answer("transient", status, None, zh, en, code)


def _request(client: SyncClient, method: str, path: str, *, shape: Shape, max_bytes: int,
             report: TicketSyncReport, deadline: float | None, params: dict | None = None,
             content: bytes | None = None) -> tuple[_Answer, int]:
    """One request with the in-run retries; returns the last answer and how many tries."""
    def try_once() -> _Answer:
        try:
            response = send_capped(client.http, method, path, content=content,
                                   content_type="application/json" if content else None,
                                   timeout=client.timeout, clock=client.clock, deadline=deadline,
                                   params=params, max_bytes=max_bytes)
        except httpx.TransportError as exc:
            return _Answer("transient", None, None, f"网络错误：{type(exc).__name__}",
                           f"network error: {type(exc).__name__}: {exc}")
        return _classify(response, max_bytes, shape)

    return retry_in_run(client, report, deadline, try_once, untried=_Answer("transient", None))


def _past(client: SyncClient, deadline: float | None) -> bool:
    return deadline is not None and client.clock() >= deadline


def _device_refused(report: TicketSyncReport, answer: _Answer) -> None:
    report.stopped_zh = f"办公室不接受本设备：{answer.zh}"
    report.stopped_en = f"the office does not accept this device: {answer.en}"


def _deadline(report: TicketSyncReport, client: SyncClient) -> None:
    limit = f"{client.deadline_s:g}" if client.deadline_s is not None else "?"
    report.stopped_zh = f"已到同步时限（{limit} 秒），其余留待下次"
    report.stopped_en = f"the sync deadline ({limit} s) was reached; the rest wait for the next run"


# -- pull ------------------------------------------------------------------------------------
def _is_key(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= 200


def _pull_shape(body: Any) -> bool:
    """An answer of `GET /api/v1/assignments` whose every assignment the store can read."""
    if not isinstance(body, dict) or not isinstance(body.get("assignments"), list) \
            or not isinstance(body.get("removed"), list) \
            or not isinstance(body.get("more"), bool) \
            or not isinstance(body.get("cursor"), str | None):
        return False
    for item in body["assignments"]:
        if not isinstance(item, dict) or not _is_key(item.get("channel")) \
                or not _is_key(item.get("ticket")) or not isinstance(item.get("data"), dict):
            return False
        try:
            store.status_of_item(item)
        except TicketError:
            return False
    return all(isinstance(g, dict) and _is_key(g.get("channel")) and _is_key(g.get("ticket"))
               for g in body["removed"])


def pull_assignments(client: SyncClient, *, deadline: float | None = None,
                     report: TicketSyncReport | None = None,
                     page_size: int = PULL_LIMIT) -> TicketSyncReport:
    """Bring this laptop's assignments up to date from its cursor, page by page.

    A page that brought changes is acknowledged at once: the cursor stored with it is sent back
    in one more pull (usually an empty answer), so the office learns the dispatch reached this
    laptop now (`office.delivery`), not at the next sync run."""
    report = report or TicketSyncReport()
    db, limit, reset, acknowledged = client.db, page_size, False, False
    for _ in range(MAX_PAGES_PER_RUN):
        if _past(client, deadline):
            _deadline(report, client)
            return report
        before = store.cursor(db)
        params: dict[str, Any] = {"limit": limit}
        if before:
            params["cursor"] = before
        answer, _tries = _request(client, "GET", PULL_PATH, shape=_pull_shape,
                                  max_bytes=MAX_PULL_BYTES, report=report, deadline=deadline,
                                  params=params)
        if answer.kind == "oversized" and limit > 1:
            limit = max(1, limit // 2)
            continue
        if answer.kind == "refused" and answer.code == "bad_cursor" and before and not reset:
            store.reset_cursor(db)  # the office no longer knows it (a new office database?)
            reset = True
            continue
        if answer.kind != "ok":
            _pull_failed(report, answer)
            return report
        body = answer.body
        unsigned = _badly_signed(body)
        if unsigned:
            report.problem_zh = f"派单 {unsigned} 的办公室签名无效，派单未更新"
            report.problem_en = (f"the office's signature on assignment {unsigned} is not valid; "
                                 "assignments were not updated")
            return report
        try:
            counts = store.save_pull(db, body, datetime.fromtimestamp(client.clock(), UTC))
        except store.OfficeKeyChanged as exc:
            report.problem_zh, report.problem_en = exc.message_zh, exc.message_en
            return report
        report.pages += 1
        report.pulled += counts.pulled
        report.removed += counts.removed
        report.flagged += counts.flagged
        if isinstance(body.get("note"), str) and body["note"]:
            report.note_en = body["note"][:300]
            note_zh = body.get("note_zh")
            report.note_zh = note_zh[:300] if isinstance(note_zh, str) and note_zh \
                else report.note_en
        changed = bool(counts.pulled or counts.removed)
        if not body["more"] and (acknowledged or not changed or not body.get("cursor")):
            report.pull_done = True
            return report
        if not body["more"]:
            acknowledged = True   # one more pull: the receipt for what was just stored
            continue
        if body.get("cursor") == before:
            report.problem_zh = "办公室的派单游标没有前进，已停止拉取"
            report.problem_en = "the office's assignment cursor did not move; the pull stopped"
            return report
    return report


def _badly_signed(body: dict[str, Any]) -> str | None:
    """The key of the first assignment not signed by the answer's office key (which
    `save_pull` holds to the key pinned on this laptop), or whose words (address, resident,
    complaint) are not the content its signed digest names; None when all are sound. The
    list the inspector works from is then the office's, not only the visit started from it."""
    key = body.get("office_key") if isinstance(body.get("office_key"), dict) else {}
    for item in body["assignments"]:
        signature = item.get("signature") if isinstance(item.get("signature"), dict) else {}
        if signature.get("key_id") != key.get("key_id") or not ticket_signature_valid(
                key.get("public_key"), signature.get("value"), item["channel"], item["ticket"],
                item.get("revision"), item.get("digest"), item.get("complaint_at")) \
                or not _content_is_digest(item):
            return f"{item['channel']}/{item['ticket']}"
    return None


def _content_is_digest(item: dict[str, Any]) -> bool:
    data = item.get("data")
    try:
        return isinstance(data, dict) and ticket_digest(
            {k: data[k] for k in TicketData.field_names()}) == item.get("digest")
    except (KeyError, TypeError):
        return False


def _pull_failed(report: TicketSyncReport, answer: _Answer) -> None:
    if answer.kind == "device_refused":
        _device_refused(report, answer)
    elif answer.kind == "missing":
        report.note_zh = "办公室尚未提供派单（版本较旧）"
        report.note_en = "the office does not offer assignments (an older version)"
    else:
        report.problem_zh = f"派单未能更新：{answer.zh}"
        report.problem_en = f"assignments could not be updated: {answer.en}"


# -- push ------------------------------------------------------------------------------------
def _push_shape(body: Any) -> bool:
    return isinstance(body, dict) and isinstance(body.get("results"), list) and all(
        isinstance(r, dict) and isinstance(r.get("event_id"), str) for r in body["results"])


def push_ticket_events(client: SyncClient, *, include_not_due: bool = False,
                       deadline: float | None = None,
                       should_stop: Callable[[], bool] | None = None,
                       report: TicketSyncReport | None = None,
                       batch_size: int = PUSH_BATCH) -> TicketSyncReport:
    """Send the queued ticket events in batches, in the order they were logged."""
    report = report or TicketSyncReport()
    db = client.db
    started = client.clock()
    ticket_outbox.recover_interrupted(db, now=started)
    todo = ticket_outbox.sendable(db, now=started, include_not_due=include_not_due)
    report.events_total = len(todo)
    held: set[tuple[str, str]] = set()  # tickets with an event left waiting in this run
    unreachable = 0
    while todo:
        if should_stop and should_stop():
            report.stopped_zh, report.stopped_en = "已取消", "cancelled"
            break
        if _past(client, deadline):
            _deadline(report, client)
            break
        batch, later = [], []
        for e in todo:
            if (e.channel, e.ticket) in held:
                report.events_not_tried += 1
            elif len(batch) < batch_size:
                batch.append(e)
            else:
                later.append(e)
        todo = later
        claimed = ticket_outbox.claim_many(db, [e.event_id for e in batch],
                                           client.policy.lease_s, now=client.clock())
        report.events_not_tried += len(batch) - len(claimed)
        batch = [e for e in batch if e.event_id in claimed]
        if not batch:
            continue
        outcomes, refused_device, reached = _send_batch(client, batch, report, deadline)
        sent_ids = {o.key for o in outcomes}
        ticket_outbox.settle(db, outcomes, give_back={k: v for k, v in claimed.items()
                                                       if k not in sent_ids})
        _count(report, batch, outcomes)
        retrying = {o.key for o in outcomes if o.state == ticket_outbox.FAILED_RETRYING}
        held |= {(e.channel, e.ticket) for e in batch if e.event_id in retrying}
        if refused_device is not None:
            report.events_not_tried += len(batch) - len(outcomes)
            _device_refused(report, refused_device)
            break
        unreachable = 0 if reached else unreachable + 1
        if unreachable >= client.policy.max_unreachable:
            report.problem_zh = "连续多次无法连接办公室，工单事件稍后再发"
            report.problem_en = "the office could not be reached several times in a row; " \
                                "ticket events wait for the next run"
            break
    report.events_not_tried += len(todo)
    return report


def _count(report: TicketSyncReport, batch: list[ticket_outbox.EventEntry],
           outcomes: list[ticket_outbox.EventOutcome]) -> None:
    by_id = {e.event_id: e for e in batch}
    for o in outcomes:
        e = by_id[o.key]
        if o.state == ticket_outbox.SENT:
            report.events_sent += 1
        elif o.state == ticket_outbox.REJECTED:
            report.events_rejected += 1
        else:
            report.events_retrying += 1
        report.results.append(EventResult(o.key, f"{e.channel}/{e.ticket}", e.kind, o.state,
                                          o.status, o.reason_zh, o.reason_en, o.attempts))


def _send_batch(client: SyncClient, batch: list[ticket_outbox.EventEntry],
                report: TicketSyncReport, deadline: float | None,
                ) -> tuple[list[ticket_outbox.EventOutcome], _Answer | None, bool]:
    """POST one batch; (outcomes in batch order, the 401 answer if any, whether the office
    answered at all). A whole batch the office refuses is split, so that one bad event does
    not take the others with it."""
    content = json.dumps({"events": [e.wire() for e in batch]}, ensure_ascii=False).encode()
    answer, tries = _request(client, "POST", PUSH_PATH, shape=_push_shape,
                             max_bytes=MAX_PUSH_ANSWER_BYTES, report=report, deadline=deadline,
                             content=content)
    if answer.kind == "device_refused":
        return [], answer, True
    if answer.kind == "refused" and len(batch) > 1:
        half = len(batch) // 2
        first, refused, reached = _send_batch(client, batch[:half], report, deadline)
        if refused is not None:
            return first, refused, reached
        second, refused, reached2 = _send_batch(client, batch[half:], report, deadline)
        return first + second, refused, reached or reached2
    if answer.kind == "refused":
        e = batch[0]
        return [ticket_outbox.EventOutcome(e.event_id, ticket_outbox.REJECTED, tries,
                                           answer.status, answer.zh, answer.en)], None, True
    if answer.kind == "ok":
        return [_event_outcome(client, e, answer, tries) for e in batch], None, True
    if answer.kind == "missing":
        answer.zh, answer.en = ("办公室尚未接收工单事件（版本较旧）",
                                "the office does not take ticket events (an older version)")
    return [_retry(client, e, answer, tries) for e in batch], None, answer.status is not None


def _event_outcome(client: SyncClient, e: ticket_outbox.EventEntry, answer: _Answer,
                   tries: int) -> ticket_outbox.EventOutcome:
    result = next((r for r in answer.body["results"] if r.get("event_id") == e.event_id), None)
    outcome = result.get("outcome") if result else None
    state = result.get("state") if result and isinstance(result.get("state"), str) else None
    if outcome in ("stored", "duplicate"):
        return ticket_outbox.EventOutcome(e.event_id, ticket_outbox.SENT, tries, answer.status,
                                          office_state=state)
    if outcome == "refused":
        error = result.get("error") if isinstance(result.get("error"), dict) else {}
        en = str(error.get("reason") or error.get("error") or "refused")[:2000]
        zh = str(error.get("reason_zh") or en)[:2000]
        return ticket_outbox.EventOutcome(e.event_id, ticket_outbox.REJECTED, tries,
                                          answer.status, zh, en, office_state=state)
    return _retry(client, e, _Answer("transient", answer.status, None,
                                     "办公室的答复中没有这条事件的结果",
                                     "the office's answer did not say what became of this event"),
                  tries)


def _retry(client: SyncClient, e: ticket_outbox.EventEntry, answer: _Answer,
           tries: int) -> ticket_outbox.EventOutcome:
    wait = client.policy.next_try_in(e.failed_runs + 1, client.rng)
    return ticket_outbox.EventOutcome(e.event_id, ticket_outbox.FAILED_RETRYING, tries,
                                      answer.status, answer.zh, answer.en,
                                      next_attempt_at=client.clock() + wait)


def sync_tickets(client: SyncClient, *, include_not_due: bool = False,
                 deadline: float | None = None,
                 should_stop: Callable[[], bool] | None = None) -> TicketSyncReport:
    """Push the events, then pull (the pulled states then hold what was just sent)."""
    report = push_ticket_events(client, include_not_due=include_not_due, deadline=deadline,
                                should_stop=should_stop)
    if report.stopped:
        return report
    return pull_assignments(client, deadline=deadline, report=report)
