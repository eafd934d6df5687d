"""Complaint tickets: what a hotline ticket holds, its states, and the events that move it.

Why here, in the Qt- and database-free core: the office (import, API, dispatch), the laptop
(assignments, contact log) and the statistics all apply the same rules, so none of them can let
a ticket skip a state or lose an event. A ticket's state is never stored alone: it is the
`replay` of its events, so the history is complete by construction.

States: received → assigned → contacted → visit_agreed → tested → closed; or cancelled (from any
open state, with a reason) or unreachable (from assigned, with a reason and at least one failed
contact attempt). A reassignment keeps the state (a contact already made still counts for the
30-minute clock) and changes who holds the ticket.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from functools import cache
from json.encoder import encode_basestring
from typing import Any

from inspector_app.core import validation as v
from inspector_app.core.errors import InspectionError, ValidationError
from inspector_app.core.model import CHANNELS, Address

TICKET_CHANNELS = tuple(k for k in CHANNELS if k != "walk_in")
STATES = ("received", "assigned", "contacted", "visit_agreed", "tested", "closed", "cancelled",
          "unreachable")
OPEN_STATES = ("received", "assigned", "contacted", "visit_agreed")
FINAL_STATES = ("closed", "cancelled")
STATE_ZH = {"received": "已接收", "assigned": "已派单", "contacted": "已联系",
            "visit_agreed": "已约定上门", "tested": "已检测", "closed": "已办结",
            "cancelled": "已撤销", "unreachable": "联系不上"}
STATE_EN = {"received": "received", "assigned": "assigned", "contacted": "contacted",
            "visit_agreed": "visit agreed", "tested": "tested", "closed": "closed",
            "cancelled": "cancelled", "unreachable": "resident unreachable"}
CONTACT_METHODS = {"phone": ("电话", "phone"), "sms": ("短信", "SMS"),
                   "in_person": ("当面", "in person")}
SOURCES = ("office", "laptop", "hotline")
EVENT_KINDS = ("received", "revised", "assigned", "contact_attempt", "contacted", "visit_agreed",
               "tested", "closed", "cancelled", "unreachable")
CLOCK_SKEW = timedelta(minutes=5)   # a laptop's clock may run this far ahead of the hotline's
TICKET_NUMBER_MAX = 64
TEXT_MAX = 20_000
DIGEST_DOMAIN = "heating-inspector-ticket/1"


class TicketError(InspectionError):
    """A ticket or a ticket event that cannot be accepted (both languages, with the field)."""


def parse_time(text: object, field_name: str, zh: str) -> datetime:
    """An RFC 3339 time *with* its zone; a time without one is refused, never guessed."""
    if isinstance(text, datetime):
        moment = text
    else:
        if not isinstance(text, str) or not text.strip():
            raise TicketError(f"{zh}为空", f"{field_name} is empty", field=field_name)
        try:
            moment = datetime.fromisoformat(text.strip().replace("Z", "+00:00")
                                            .replace("z", "+00:00"))
        except ValueError:
            raise TicketError(f"{zh}不是有效的时间：{str(text)[:40]}",
                              f"{field_name} is not a valid time: {str(text)[:40]!r}",
                              field=field_name) from None
    if moment.tzinfo is None or moment.utcoffset() is None:
        raise TicketError(f"{zh}缺少时区（例如 +08:00）：{str(text)[:40]}",
                          f"{field_name} has no time zone (e.g. +08:00): {str(text)[:40]!r}",
                          field=field_name)
    return moment


def iso(moment: datetime) -> str:
    return moment.isoformat(timespec="seconds")


@dataclass(frozen=True)
class TicketData:
    """A ticket as the hotline sent it. `digest()` names this exact content."""

    channel: str
    ticket: str
    complaint_at: str          # RFC 3339 with zone, as normalised by `validated`
    resident_name: str
    resident_phone: str
    city: str
    district: str
    street: str
    community: str
    building: str
    unit: str
    flat: str
    company: str
    text: str = ""

    @classmethod
    def field_names(cls) -> tuple[str, ...]:
        return _field_names(cls)

    @classmethod
    def validated(cls, raw: dict[str, Any], now: datetime) -> TicketData:
        """Check and normalise one ticket; `TicketError` names the first wrong field.

        `now` (aware) is the office's clock: a complaint more than `CLOCK_SKEW` in the future
        is refused.

        An import validates 100,000 of these, so a well-formed ticket (the usual case) takes a
        fast path of exact, cheaper equivalents of the checks below; anything it is not sure
        of, it hands to `_checked`, the rules as written, which then refuses or accepts. The
        fast path never accepts what `_checked` refuses, nor normalises differently (the tests
        hold the two together).
        """
        fast = cls._fast(raw, now)
        return fast if fast is not None else cls._checked(raw, now)

    @classmethod
    def _fast(cls, raw: dict[str, Any], now: datetime) -> TicketData | None:
        """The ticket if every check passes the cheap way, else None (`_checked` decides)."""
        get = raw.get
        values = ["" if x is None else x for x in map(get, _FIELDS)]
        try:
            joined = "".join(values)       # TypeError: a value that is not text
        except TypeError:
            return None
        if "\x00" in joined:
            return None
        text = values[13]
        (channel, number, when, name, phone, city, district, street, community, building,
         unit, flat, company) = [s.strip() for s in values[:13]]
        if (channel not in _CHANNEL_SET or not number or len(number) > TICKET_NUMBER_MAX
                or "/" in number or " " in number or not number.isprintable()
                or number in (".", "..")):
            # isprintable() is False for every whitespace character but the ASCII space
            return None
        try:
            complaint = parse_time(when, "complaint_at", "投诉时间")
        except TicketError:
            return None
        if complaint > now + CLOCK_SKEW:
            return None
        if not (name and street and building and flat and company):
            return None
        if not (len(phone) == 11 and phone.isascii() and phone.isdigit() and phone[0] == "1"
                and phone[1] in "3456789"):
            try:
                phone = v.normalise_phone(phone)
            except ValidationError:
                return None
        normalised = (channel, number, iso(complaint), name, phone, city, district, street,
                      community, building, unit, flat, company)
        if max(map(len, normalised)) > 200 or len(text) > TEXT_MAX:
            return None
        made = object.__new__(cls)        # the frozen dataclass's fields, set without its
        made.__dict__.update(zip(_FIELDS, (*normalised, text)))   # per-field __setattr__
        return made

    @classmethod
    def _checked(cls, raw: dict[str, Any], now: datetime) -> TicketData:
        """The rules as written, one after the other: the first wrong field is refused."""
        values = {k: raw.get(k) for k in cls.field_names()}
        for name, value in values.items():
            if value is None:
                values[name] = ""
            elif not isinstance(value, str):
                raise TicketError(f"字段 {name} 应为文本", f"{name} must be text", field=name)
            elif "\x00" in value:
                raise TicketError(f"字段 {name} 含有空字符", f"{name} holds a NUL character",
                                  field=name)
        values = {k: (s.strip() if k != "text" else s) for k, s in values.items()}
        if values["channel"] not in TICKET_CHANNELS:
            raise TicketError(f"未知投诉渠道：{values['channel'][:20]}（可用：{'、'.join(TICKET_CHANNELS)}）",
                              f"unknown channel {values['channel'][:20]!r} (one of "
                              f"{', '.join(TICKET_CHANNELS)})", field="channel")
        number = values["ticket"]
        if not number:
            raise TicketError("工单号为空", "the ticket number is empty", field="ticket")
        # "." and "..": dot segments in a URL path, so no client could address the ticket
        if (len(number) > TICKET_NUMBER_MAX or "/" in number or number in (".", "..")
                or any(not ch.isprintable() or ch.isspace() for ch in number)):
            raise TicketError(f"工单号只能是不含空格和“/”的文字（不能只是“.”或“..”），"
                              f"最多 {TICKET_NUMBER_MAX} 个字符",
                              f"a ticket number is at most {TICKET_NUMBER_MAX} characters with "
                              "no spaces or '/' (and not '.' or '..')", field="ticket")
        complaint = parse_time(values["complaint_at"], "complaint_at", "投诉时间")
        if complaint > now + CLOCK_SKEW:
            raise TicketError(f"投诉时间在将来：{iso(complaint)}",
                              f"the complaint time is in the future: {iso(complaint)}",
                              field="complaint_at")
        values["complaint_at"] = iso(complaint)
        try:
            v.require_text(values["resident_name"], "resident_name", "用户姓名")
            values["resident_phone"] = v.normalise_phone(values["resident_phone"])
            Address(**{k: values[k] for k in ("city", "district", "street", "community",
                                             "building", "unit", "flat")}).validate()
            v.require_text(values["company"], "company", "供热企业")
        except ValidationError as exc:
            raise TicketError(exc.message_zh, exc.message_en, field=exc.field) from None
        for name in cls.field_names():
            limit = TEXT_MAX if name == "text" else 200
            if len(values[name]) > limit:
                raise TicketError(f"字段 {name} 超过 {limit} 个字符",
                                  f"{name} is longer than {limit} characters", field=name)
        return cls(**values)

    def to_dict(self) -> dict[str, str]:
        return {k: getattr(self, k) for k in self.field_names()}

    def address(self) -> Address:
        return Address(city=self.city, district=self.district, street=self.street,
                       community=self.community, building=self.building, unit=self.unit,
                       flat=self.flat)

    def canonical_json(self) -> str:
        """The fields as JSON with sorted keys, no spaces, not ASCII-escaped: what `digest()`
        hashes and what the office stores as the ticket's `data` (one serialisation for both).

        Built by hand from the standard library's own string encoder (`json.dumps` makes the
        same text, three times slower); kept on the (frozen) instance once made."""
        made = self.__dict__.get("_json")
        if made is None:
            made = "{" + ",".join([key + _encode(getattr(self, name))
                                   for name, key in _SORTED_KEYS]) + "}"
            object.__setattr__(self, "_json", made)
        return made

    def digest(self) -> str:
        """sha256 (hex) of the domain line and the canonical JSON of the fields.

        Kept on the (frozen) instance once made: an import asks for it in its duplicates check
        and again when storing."""
        made = self.__dict__.get("_digest")
        if made is None:
            made = hashlib.sha256(
                f"{DIGEST_DOMAIN}\n{self.canonical_json()}".encode()).hexdigest()
            object.__setattr__(self, "_digest", made)
        return made

    @property
    def key(self) -> str:
        return f"{self.channel}/{self.ticket}"


@cache
def _field_names(cls: type) -> tuple[str, ...]:
    """Read once: an import asks for them several times a row."""
    return tuple(f.name for f in fields(cls))


_FIELDS = TicketData.field_names()
_CHANNEL_SET = frozenset(TICKET_CHANNELS)
# (field, '"field":') in sorted order: the canonical JSON's keys (plain names: no escaping)
_SORTED_KEYS = tuple((name, f'"{name}":') for name in sorted(_FIELDS))
_encode = encode_basestring     # the encoder json.dumps(ensure_ascii=False) uses for a string


def ticket_digest(data: dict[str, str]) -> str:
    """The digest of a ticket given as a dict (the same as `TicketData.digest()`)."""
    body = json.dumps({k: data[k] for k in TicketData.field_names()}, ensure_ascii=False,
                      sort_keys=True, separators=(",", ":"))
    return hashlib.sha256(f"{DIGEST_DOMAIN}\n{body}".encode()).hexdigest()


@dataclass(frozen=True)
class TicketEvent:
    """One change: `kind`, when it happened (`at`, aware), who did it, from where, and its data.

    data by kind: received {"complaint_at", "digest"}; revised {"complaint_at", "digest",
    "withdrawn"?: the inspector it took the ticket from, when it moved it to another district}; assigned {"inspector"}; contact_attempt and
    contacted {"method"}; visit_agreed {"visit_at"}; tested {"record"}; closed {"reason"?};
    cancelled {"reason"}; unreachable {"reason", "attempts"}. `note` is free text.
    """

    kind: str
    at: str
    by: str
    source: str
    data: dict[str, Any] = field(default_factory=dict)
    note: str = ""


@dataclass(frozen=True)
class TicketStatus:
    """Where a ticket stands: the result of replaying its events."""

    state: str = "received"
    complaint_at: str = ""
    inspector: str | None = None
    contacted_at: str | None = None
    contact_method: str | None = None
    attempts: int = 0
    visit_at: str | None = None
    records: tuple[str, ...] = ()
    reason: str = ""
    events: int = 0
    last_at: str = ""

    def minutes_to_contact(self) -> float | None:
        if not self.contacted_at or not self.complaint_at:
            return None
        delta = datetime.fromisoformat(self.contacted_at) - datetime.fromisoformat(
            self.complaint_at)
        return round(delta.total_seconds() / 60, 1)

    def contacted_within(self, limit_min: int) -> bool | None:
        """True/False once contacted; None while not (see `overdue`)."""
        minutes = self.minutes_to_contact()
        return None if minutes is None else minutes <= limit_min

    def overdue(self, limit_min: int, now: datetime) -> bool:
        """Not contacted, still open, and the limit after the complaint has passed."""
        if self.contacted_at or self.state not in ("received", "assigned"):
            return False
        return now > datetime.fromisoformat(self.complaint_at) + timedelta(minutes=limit_min)

    def minutes_since_complaint(self, now: datetime) -> float:
        return round((now - datetime.fromisoformat(self.complaint_at)).total_seconds() / 60, 1)


_ALLOWED = {
    "revised": set(STATES) - set(FINAL_STATES),
    "assigned": {"received", "assigned", "contacted", "visit_agreed", "unreachable"},
    "contact_attempt": {"assigned", "contacted", "visit_agreed"},
    "contacted": {"assigned"},
    "visit_agreed": {"contacted", "visit_agreed"},
    "tested": {"assigned", "contacted", "visit_agreed", "tested"},
    "closed": {"tested", "unreachable"},
    "cancelled": set(OPEN_STATES) | {"unreachable"},
    "unreachable": {"assigned"},
}


def _refuse(event: TicketEvent, status: TicketStatus) -> TicketError:
    return TicketError(
        f"工单当前为“{STATE_ZH[status.state]}”，不能执行“{EVENT_ZH.get(event.kind, event.kind)}”",
        f"the ticket is {STATE_EN[status.state]}: cannot apply {event.kind!r}", field="kind")


EVENT_ZH = {"received": "接收", "revised": "工单内容更新", "assigned": "派单",
            "contact_attempt": "联系未成功", "contacted": "已联系", "visit_agreed": "约定上门",
            "tested": "检测", "closed": "办结", "cancelled": "撤销", "unreachable": "联系不上"}


def _need(event: TicketEvent, key: str, zh: str) -> Any:
    value = event.data.get(key)
    if value is None or (isinstance(value, str) and not value.strip()):
        raise TicketError(f"“{EVENT_ZH[event.kind]}”需要填写{zh}",
                          f"{event.kind!r} needs {key}", field=key)
    return value


def apply(status: TicketStatus, event: TicketEvent) -> TicketStatus:
    """The status after `event`; `TicketError` (nothing changes) if the event is not allowed."""
    if event.kind not in EVENT_KINDS:
        raise TicketError(f"未知的工单事件：{event.kind[:30]}", f"unknown ticket event {event.kind!r}",
                          field="kind")
    if event.source not in SOURCES:
        raise TicketError(f"未知的事件来源：{event.source[:30]}", f"unknown source {event.source!r}",
                          field="source")
    if not event.by.strip():
        raise TicketError("事件缺少操作人", "the event does not say who", field="by")
    at = parse_time(event.at, "at", "事件时间")
    counted = replace(status, events=status.events + 1, last_at=iso(at))
    if event.kind == "received":
        if status.events:
            raise TicketError("工单已经接收过", "the ticket was already received", field="kind")
        complaint = parse_time(_need(event, "complaint_at", "投诉时间"), "complaint_at", "投诉时间")
        return replace(counted, state="received", complaint_at=iso(complaint))
    if not status.events:
        raise TicketError("工单尚未接收", "the ticket has not been received", field="kind")
    if status.state not in _ALLOWED[event.kind]:
        raise _refuse(event, status)
    complaint = datetime.fromisoformat(status.complaint_at)
    if event.kind in ("contact_attempt", "contacted", "visit_agreed", "tested") and (
            at < complaint - CLOCK_SKEW):
        raise TicketError("事件时间早于投诉时间", "the event is dated before the complaint",
                          field="at")
    kind = event.kind
    if kind == "revised":
        revised = replace(counted, complaint_at=iso(parse_time(
            _need(event, "complaint_at", "投诉时间"), "complaint_at", "投诉时间")))
        if not event.data.get("withdrawn"):
            return revised
        # the revision moved the ticket out of its inspector's district: it is nobody's until
        # the new district gives it to one of its own (a contact made still counts)
        return replace(revised, inspector=None,
                       state="received" if status.state == "assigned" else status.state)
    if kind == "assigned":
        inspector = str(_need(event, "inspector", "检测员")).strip()
        state = "assigned" if status.state in ("received", "unreachable") else status.state
        return replace(counted, state=state, inspector=inspector,
                       reason="" if state == "assigned" else status.reason)
    if kind in ("contact_attempt", "contacted"):
        method = _need(event, "method", "联系方式")
        if not isinstance(method, str) or method not in CONTACT_METHODS:
            raise TicketError(f"未知联系方式：{str(method)[:20]}", f"unknown contact method {method!r}",
                              field="method")
        if kind == "contact_attempt":
            return replace(counted, attempts=status.attempts + 1)
        return replace(counted, state="contacted", contacted_at=iso(at), contact_method=method)
    if kind == "visit_agreed":
        visit = parse_time(_need(event, "visit_at", "约定上门时间"), "visit_at", "约定上门时间")
        if visit < complaint - CLOCK_SKEW:
            raise TicketError("约定上门时间早于投诉时间", "the agreed visit is before the complaint",
                              field="visit_at")
        return replace(counted, state="visit_agreed", visit_at=iso(visit))
    if kind == "tested":
        record = str(_need(event, "record", "检测记录"))
        return replace(counted, state="tested", records=(*status.records, record))
    if kind == "closed":
        return replace(counted, state="closed", reason=str(event.data.get("reason") or ""))
    if kind == "cancelled":
        return replace(counted, state="cancelled", reason=str(_need(event, "reason", "撤销原因")))
    # unreachable
    reason = str(_need(event, "reason", "原因"))
    attempts = event.data.get("attempts", status.attempts)
    if not isinstance(attempts, int) or isinstance(attempts, bool) or attempts < 1:
        raise TicketError("“联系不上”需要至少一次联系尝试", "'unreachable' needs at least one attempt",
                          field="attempts")
    return replace(counted, state="unreachable", reason=reason,
                   attempts=max(attempts, status.attempts))


def replay(events: list[TicketEvent]) -> TicketStatus:
    """The status after all `events` in order (raises on the first that is not allowed)."""
    status = TicketStatus()
    for event in events:
        status = apply(status, event)
    return status


def split_ticket_key(text: str) -> tuple[str | None, str]:
    """`CHANNEL/TICKET` → (channel, ticket); a bare `TICKET` → (None, ticket)."""
    channel, slash, number = text.strip().partition("/")
    return (channel, number) if slash else (None, channel)
