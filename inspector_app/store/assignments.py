"""The inspector's assignments on the laptop: what the office dispatched, and what was logged.

Why the status is replayed here and not just read from the pulled ticket: a contact logged in a
cellar without network must count at once (the list shows "contacted", the next step offered is
"visit agreed"), and a step the core would refuse must be refused *now*, at the laptop, not
hours later by the office. So `Assignment.status` is the office's last state plus the local
events it has not confirmed yet (`ticket_event_outbox` rows not rejected and not folded into a
later pull), and `log_event` checks the new event with `core.tickets.apply` against that status
inside the transaction that queues it.

Every function commits its own short transaction.
"""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

import sqlite_utils

from inspector_app.core.tickets import (
    CLOCK_SKEW,
    STATES,
    TicketError,
    TicketEvent,
    TicketStatus,
    apply,
    iso,
    parse_time,
)

LAPTOP_KINDS = ("contact_attempt", "contacted", "visit_agreed", "unreachable")
PENDING = ("queued", "sending", "failed_retrying")
REMOVED_ZH = {"reassigned": "已改派给其他检测员", "cancelled": "工单已撤销", "closed": "工单已办结",
              "reenrolled": "本机已改为其他检测员注册"}
REMOVED_EN = {"reassigned": "reassigned to another inspector", "cancelled": "ticket cancelled",
              "closed": "ticket closed",
              "reenrolled": "this laptop was enrolled for another inspector"}


class OfficeKeyChanged(TicketError):
    """The office signed with another key than the one pinned on this laptop."""


def _utc(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Assignment:
    """One dispatched ticket as this laptop knows it."""

    channel: str
    ticket: str
    item: dict[str, Any]
    pulled_at: str
    removed_at: str | None
    removed_reason: str
    visit_id: str | None
    flagged: bool
    status: TicketStatus
    pending_events: int = 0
    signature: dict[str, Any] = field(default_factory=dict)

    @property
    def key(self) -> str:
        return f"{self.channel}/{self.ticket}"

    @property
    def removed(self) -> bool:
        return self.removed_at is not None

    def removed_words(self, lang: str = "zh") -> str:
        words = REMOVED_ZH if lang.startswith("zh") else REMOVED_EN
        return words.get(self.removed_reason, self.removed_reason)

    def to_dict(self) -> dict[str, Any]:
        """For `--json` and the UI: the pulled ticket, with the local state on top."""
        s = self.status
        return {**self.item, "key": self.key, "local": {
            "state": s.state, "contacted_at": s.contacted_at, "contact_method": s.contact_method,
            "attempts": s.attempts, "visit_at": s.visit_at, "reason": s.reason,
            "pending_events": self.pending_events}, "pulled_at": self.pulled_at,
            "removed_at": self.removed_at, "removed_reason": self.removed_reason,
            "visit_id": self.visit_id, "flagged": self.flagged}


def status_of_item(item: dict[str, Any]) -> TicketStatus:
    """The office's state of a pulled ticket as a core status (one event deep: it exists)."""
    state = item.get("state")
    if state not in STATES:
        raise TicketError(f"派单状态未知：{str(state)[:30]}", f"unknown assignment state {state!r}",
                          field="state")
    complaint = iso(parse_time(item.get("complaint_at"), "complaint_at", "投诉时间"))
    records = item.get("records") or ()
    attempts = item.get("attempts") or 0
    return TicketStatus(
        state=state, complaint_at=complaint, inspector=item.get("inspector"),
        contacted_at=item.get("contacted_at"), contact_method=item.get("contact_method"),
        attempts=attempts if isinstance(attempts, int) else 0, visit_at=item.get("visit_at"),
        records=tuple(str(r) for r in records) if isinstance(records, list) else (),
        reason=str(item.get("reason") or ""), events=1, last_at=str(item.get("updated_at") or ""))


def _event_of(row: tuple, by: str) -> TicketEvent:
    kind, at, data, note = row
    return TicketEvent(kind=kind, at=at, by=by or "laptop", source="laptop",
                       data=json.loads(data), note=note)


def _unconfirmed(db: sqlite_utils.Database, channel: str, ticket: str) -> list[tuple]:
    return db.conn.execute(
        "SELECT kind, at, data, note FROM ticket_event_outbox WHERE channel=? AND ticket=?"
        " AND state != 'rejected' AND folded = 0 ORDER BY position", (channel, ticket)).fetchall()


def _local_status(db: sqlite_utils.Database, item: dict[str, Any], channel: str,
                  ticket: str) -> tuple[TicketStatus, int]:
    """The pulled state plus the events the office has not confirmed (an event the office's
    state already holds, or no longer admits, is skipped: the office has the last word)."""
    status = status_of_item(item)
    pending = _unconfirmed(db, channel, ticket)
    for row in pending:
        try:
            status = apply(status, _event_of(row, status.inspector or ""))
        except TicketError:
            continue
    return status, len(pending)


_COLUMNS = "channel, ticket, item, pulled_at, removed_at, removed_reason, visit_id, flagged"


def _assignment(db: sqlite_utils.Database, row: tuple) -> Assignment:
    channel, ticket, item_json, pulled_at, removed_at, reason, visit_id, flagged = row
    item = json.loads(item_json)
    status, pending = _local_status(db, item, channel, ticket)
    signature = item.get("signature") if isinstance(item.get("signature"), dict) else {}
    return Assignment(channel, ticket, item, pulled_at, removed_at, reason, visit_id,
                      bool(flagged), status, pending, signature)


def assignments(db: sqlite_utils.Database, *, include_removed: bool = False) -> list[Assignment]:
    """The inspector's list, oldest complaint first. A ticket the office took back is left out
    unless a visit was started on it (then it stays, `flagged`) or `include_removed`."""
    sql = f"SELECT {_COLUMNS} FROM assignments"
    if not include_removed:
        sql += " WHERE removed_at IS NULL OR flagged = 1"
    rows = db.conn.execute(sql + " ORDER BY json_extract(item, '$.complaint_at'), channel, ticket"
                           ).fetchall()
    return [_assignment(db, r) for r in rows]


def assignment(db: sqlite_utils.Database, channel: str, ticket: str) -> Assignment | None:
    row = db.conn.execute(f"SELECT {_COLUMNS} FROM assignments WHERE channel=? AND ticket=?",
                          (channel, ticket)).fetchone()
    return _assignment(db, row) if row else None


def find_keys(db: sqlite_utils.Database, number: str) -> list[tuple[str, str]]:
    """(channel, ticket) of the local assignments with this bare ticket number."""
    return [(c, t) for c, t in db.conn.execute(
        "SELECT channel, ticket FROM assignments WHERE ticket=? ORDER BY channel", (number,))]


# -- the pull --------------------------------------------------------------------------------
@dataclass
class PullCounts:
    pulled: int = 0
    removed: int = 0
    flagged: int = 0


def save_pull(db: sqlite_utils.Database, answer: dict[str, Any], now: datetime) -> PullCounts:
    """Store one page of the office's answer and its cursor in one transaction.

    A crash before the commit leaves the old cursor, so the page is asked for again; storing it
    twice changes nothing (the assignment's key is its primary key). Raises `OfficeKeyChanged`
    (nothing stored) when the office's key is not the one pinned at enrolment.
    """
    counts = PullCounts()
    pulled_at = _utc(now)
    key = answer.get("office_key") if isinstance(answer.get("office_key"), dict) else None
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        if key is not None:
            _pin_office_key(db, key)
        for item in answer.get("assignments", []):
            channel, ticket = item["channel"], item["ticket"]
            db.conn.execute(
                "INSERT INTO assignments (channel, ticket, item, pulled_at) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (channel, ticket) DO UPDATE SET item=excluded.item,"
                " pulled_at=excluded.pulled_at, removed_at=NULL, removed_reason='', flagged=0",
                (channel, ticket, json.dumps(item, ensure_ascii=False), pulled_at))
            # the events sent so far are in the state the office just gave (it applied them
            # before answering this request, which was made after they were confirmed)
            db.conn.execute("UPDATE ticket_event_outbox SET folded=1 WHERE channel=? AND ticket=?"
                            " AND state='sent'", (channel, ticket))
            counts.pulled += 1
        for gone in answer.get("removed", []):
            cur = db.conn.execute(
                "UPDATE assignments SET removed_at=?, removed_reason=?,"
                " flagged=(visit_id IS NOT NULL) WHERE channel=? AND ticket=?"
                " AND removed_at IS NULL RETURNING flagged",
                (pulled_at, str(gone.get("reason") or ""), gone["channel"], gone["ticket"]))
            for (flagged,) in cur.fetchall():
                counts.removed += 1
                counts.flagged += int(flagged)
        db.conn.execute("INSERT INTO assignment_sync (id, cursor, last_pull_at) VALUES (1, ?, ?)"
                        " ON CONFLICT (id) DO UPDATE SET cursor=excluded.cursor,"
                        " last_pull_at=excluded.last_pull_at", (answer.get("cursor"), pulled_at))
    return counts


def enrolled_for(db: sqlite_utils.Database, inspector: str | None, now: datetime) -> int:
    """The laptop was (re-)enrolled for `inspector` (None: for nobody): the assignments of
    anyone else leave the list as removed 'reenrolled' (one with a started visit stays,
    flagged, so the visit is not orphaned), and the feed cursor is forgotten, so the next pull
    brings the new inspector's list from the start. Returns how many assignments left.

    Why here and not left to the office: the office refuses the old cursor (it was sealed for
    the previous inspector) and the laptop then pulls the new list, but that list never names
    the previous inspector's tickets, so without this they would stay on the new inspector's
    list for ever, as if dispatched to them."""
    stamp = _utc(now)
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        cur = db.conn.execute(
            "UPDATE assignments SET removed_at=?, removed_reason='reenrolled',"
            " flagged=(visit_id IS NOT NULL) WHERE removed_at IS NULL"
            " AND json_extract(item, '$.inspector') IS NOT ?", (stamp, inspector))
        db.conn.execute("UPDATE assignment_sync SET cursor=NULL WHERE id=1")
    return cur.rowcount


def pin_enrolment_key(db: sqlite_utils.Database, key_id: str, public_key: str) -> None:
    """Pin the office's ticket key given in the enrolment answer (`office.ticket_key`).

    Why at enrolment: the enrolment is the one moment the laptop talks to the office with a
    one-time code the inspector got in person, so the key learnt there is the office's. A key
    first learnt from a pull would trust whoever answered that pull. A new enrolment (also a
    re-enrolment) pins the key it is given, replacing an earlier one."""
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        db.conn.execute("INSERT INTO assignment_sync (id, office_key_id, office_public_key)"
                        " VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        " office_key_id=excluded.office_key_id,"
                        " office_public_key=excluded.office_public_key", (key_id, public_key))


def _pin_office_key(db: sqlite_utils.Database, key: dict[str, Any]) -> None:
    """Check the pull's office key against the pinned one (`OfficeKeyChanged` if it differs).

    Normally the key was pinned at enrolment (`pin_enrolment_key`). A laptop enrolled before
    the enrolment answer carried the key (or with an office that did not send it) has none
    pinned yet: for it, and only for it, the first pull pins the key (trust on first use)."""
    key_id, public = str(key.get("key_id") or ""), str(key.get("public_key") or "")
    if not key_id or not public:
        return
    row = _sync_row(db)
    if row[2] is None:
        db.conn.execute("INSERT INTO assignment_sync (id, office_key_id, office_public_key)"
                        " VALUES (1, ?, ?) ON CONFLICT (id) DO UPDATE SET"
                        " office_key_id=excluded.office_key_id,"
                        " office_public_key=excluded.office_public_key", (key_id, public))
    elif (row[2], row[3]) != (key_id, public):
        raise OfficeKeyChanged(
            f"办公室的签名密钥与本机记录的不同（{row[2]} → {key_id}），派单未更新；请联系办公室核实",
            f"the office signs with another key than the one this laptop knows ({row[2]} → "
            f"{key_id}); assignments were not updated: ask the office", field="office_key")


def _sync_row(db: sqlite_utils.Database) -> tuple:
    """(cursor, last_pull_at, office_key_id, office_public_key); all None before a pull."""
    row = db.conn.execute("SELECT cursor, last_pull_at, office_key_id, office_public_key"
                          " FROM assignment_sync WHERE id=1").fetchone()
    return tuple(row) if row else (None, None, None, None)


def cursor(db: sqlite_utils.Database) -> str | None:
    return _sync_row(db)[0]


def reset_cursor(db: sqlite_utils.Database) -> None:
    """Pull from the start next time (the office no longer knows our cursor)."""
    with db.conn:
        db.conn.execute("UPDATE assignment_sync SET cursor=NULL WHERE id=1")


def last_pull(db: sqlite_utils.Database) -> datetime | None:
    """When the office last answered a pull (aware, UTC); None if it never did."""
    value = _sync_row(db)[1]
    return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None


def office_key(db: sqlite_utils.Database) -> dict[str, str] | None:
    """The office's ticket signing key pinned at enrolment (or, on a laptop enrolled before
    enrolment carried it, by the first pull): {"key_id", "public_key"}."""
    row = _sync_row(db)
    return {"key_id": row[2], "public_key": row[3]} if row[2] else None


# -- the inspector's steps -------------------------------------------------------------------
def log_event(db: sqlite_utils.Database, channel: str, ticket: str, kind: str,
              at: str | datetime, data: dict[str, Any] | None = None, note: str = "", *,
              now: datetime | None = None) -> str:
    """Queue a contact, attempt, agreed visit or "unreachable" for the office; returns its id.

    Refused with `TicketError` (both languages; nothing queued) when the ticket is not this
    laptop's (any more), the kind is not one a laptop logs, the time is in the future, or the
    core does not allow the step after the local status (e.g. "visit agreed" before "contacted").
    """
    if kind not in LAPTOP_KINDS:
        raise TicketError(f"本机不能记录这一步：{str(kind)[:30]}",
                          f"a laptop cannot log {kind!r} (one of {', '.join(LAPTOP_KINDS)})",
                          field="kind")
    moment = parse_time(at, "at", "时间")
    now = now or datetime.now(UTC)
    if moment > now + CLOCK_SKEW:
        raise TicketError(f"时间在将来：{iso(moment)}", f"the time is in the future: {iso(moment)}",
                          field="at")
    data = dict(data or {})
    if kind == "visit_agreed" and data.get("visit_at"):
        data["visit_at"] = iso(parse_time(data["visit_at"], "visit_at", "约定上门时间"))
    if len(note) > 2000:
        raise TicketError("备注超过 2000 个字符", "the note is longer than 2000 characters",
                          field="note")
    event_id = uuid.uuid4().hex
    stamp = _utc(now)
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")  # the check and the queueing see the same status
        current = assignment(db, channel, ticket)
        if current is None or (current.removed and not current.flagged):
            raise TicketError(f"工单 {channel}/{ticket} 不在本机的派单中",
                              f"ticket {channel}/{ticket} is not assigned to this laptop",
                              field="ticket")
        if current.removed:
            raise TicketError(f"工单 {channel}/{ticket} 已不再派给您（{current.removed_words('zh')}）",
                              f"ticket {channel}/{ticket} is no longer yours "
                              f"({current.removed_words('en')})", field="ticket")
        event = TicketEvent(kind=kind, at=iso(moment), by=current.status.inspector or "laptop",
                            source="laptop", data=data, note=note)
        apply(current.status, event)  # raises TicketError: nothing is queued
        position = db.conn.execute("SELECT coalesce(max(position), 0) + 1 FROM"
                                   " ticket_event_outbox").fetchone()[0]
        db.conn.execute(
            "INSERT INTO ticket_event_outbox (event_id, position, channel, ticket, kind, at,"
            " data, note, created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            (event_id, position, channel, ticket, kind, event.at,
             json.dumps(data, ensure_ascii=False), note, stamp, stamp))
    return event_id


def live_visit(db: sqlite_utils.Database, channel: str, ticket: str) -> str | None:
    """The visit already started from this assignment and not discarded, if any (a link to a
    visit never stored, or discarded as a draft, leaves the assignment free)."""
    row = db.conn.execute(
        "SELECT a.visit_id FROM assignments a JOIN visits v ON v.id = a.visit_id"
        " WHERE a.channel=? AND a.ticket=? AND v.state != 'abandoned'",
        (channel, ticket)).fetchone()
    return row[0] if row else None


def one_visit_only(channel: str, ticket: str, visit_id: str) -> TicketError:
    return TicketError(
        f"工单 {channel}/{ticket} 已有检测记录 {visit_id}：一张派单只能做一次检测"
        "（请继续那次检测；已签封的记录如需修改，请做更正）",
        f"ticket {channel}/{ticket} already has visit {visit_id}: one assignment, one visit "
        "(resume that visit; a sealed record is changed by a correction)", field="ticket")


def mark_visit_started(db: sqlite_utils.Database, channel: str, ticket: str,
                       visit_id: str) -> None:
    """Link a visit to its assignment: if the office takes the ticket back later, the
    assignment stays on the list, flagged, instead of vanishing under the visit.

    One assignment, one visit: a second visit is refused (`TicketError`) while the first one
    is not discarded — two records answering one complaint would make the office's figures
    count one complaint twice. A correction of the sealed record supersedes it and does not
    come through here."""
    with db.conn:
        db.conn.execute("BEGIN IMMEDIATE")
        earlier = live_visit(db, channel, ticket)
        if earlier is not None and earlier != visit_id:
            raise one_visit_only(channel, ticket, earlier)
        cur = db.conn.execute("UPDATE assignments SET visit_id=? WHERE channel=? AND ticket=?"
                              " AND (removed_at IS NULL OR flagged = 1)",
                              (visit_id, channel, ticket))
    if cur.rowcount != 1:
        raise TicketError(f"工单 {channel}/{ticket} 不在本机的派单中",
                          f"ticket {channel}/{ticket} is not assigned to this laptop",
                          field="ticket")
