"""Below standard now: the households a dispatcher should send someone to, and the ticket.

The list reads `monitoring_below` (each point's current run below its district's standard,
kept by the aggregator, see `below_state`) through its `below_since` index and joins the few
points found to the registry: at 290,000 points it reads the points that are below, never the
readings (`benchmarks/below_standard.py` measures it). Before answering it recomputes at most
one batch of pending point-days (`aggregates.refresh`), so readings that just arrived count
without waiting for the aggregator's thread.

"Continuously below for more than N hours up to now" means: the run started more than N hours
before now and the newest valid reading is below and no older than the profile's
`gap_minutes` (2 h): after a longer silence the temperature is unknown, not below, and the
point leaves the list until it reports again. A household shows once, with its point that has
been below longest; merged households count as the one they joined.

The ticket is a complaint ticket like a hotline's (channel `monitoring`, stored by
`ticket_intake.save_batch`): the complaint time is now, the address and company the point's,
the resident's name and phone those of the household's newest ticket unless given. It is
opened under a per-household lock after checking that no ticket of the household is open, so
a double click opens one ticket and the second answers 409 `ticket_open`.
"""

from __future__ import annotations

import json
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from functools import cache
from typing import Any

from inspector_app.core.monitoring_day import utc_text
from inspector_app.core.profile import DEFAULT_PROFILE, load_profile
from inspector_app.core.tickets import OPEN_STATES, TicketData, TicketError
from inspector_app.office.auth import Supervisor
from inspector_app.office.db import Tx
from inspector_app.office.households import (
    ADDRESS_PARTS,
    canonical,
    canonical_many,
    household_of_parts,
    members,
    members_many,
)
from inspector_app.office.monitoring.aggregates import Profiles, refresh, refresh_points
from inspector_app.office.ticket_intake import save_batch
from inspector_app.office.values import utc_iso

MAX_HOURS = 72
MAX_ITEMS = 1000
PROFILES_FOR = 300.0      # seconds a district's profile is reused by the list
CHANNEL = "monitoring"
CONTACT = ("resident_name", "resident_phone", "street")
COLS = ("point_id", "household", "address", "district", "company", "room_kind", "room_name",
        "city", "street", "community", "building", "unit", "flat", "below_since",
        "last_valid_t", "last_valid_c")
SELECT = (f"SELECT {', '.join('p.' + c for c in COLS[:13])}, b.below_since, b.last_valid_t,"
          " b.last_valid_c FROM monitoring_below b JOIN monitoring_points p"
          " ON p.point_no = b.point_no")


class Refused(Exception):
    """A refusal of this module: status, code and the reason in both languages."""

    def __init__(self, status: int, code: str, zh: str, en: str, **extra: Any) -> None:
        super().__init__(en)
        self.status, self.code, self.zh, self.en, self.extra = status, code, zh, en, extra

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "reason": self.en, "reason_zh": self.zh, **self.extra}


@dataclass(frozen=True)
class Below:
    """One point in a run below the standard, as the list shows it."""

    row: dict[str, Any]
    since: datetime
    last_t: datetime

    def hours(self, now: datetime) -> float:
        return round((now - self.since).total_seconds() / 3600, 1)


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def _current(c: Tx, rows: list[Any], now: datetime, profiles: Profiles) -> list[Below]:
    """The rows whose newest valid reading is recent enough to say the run goes on now."""
    out = []
    for r in rows:
        row = dict(zip(COLS, r, strict=True))
        gap = timedelta(minutes=profiles.of(c, row["district"]).monitoring.gap_minutes)
        last = _utc(row["last_valid_t"])
        if now - gap <= last <= now + gap:
            out.append(Below(row, _utc(row["below_since"]), last))
    return out


_profiles: dict[str, tuple[float, Profiles]] = {}


def _recent_profiles(store: Any) -> Profiles:
    """The districts' profiles of `store`, read again every `PROFILES_FOR` seconds: loading a
    profile takes tens of milliseconds, and the list is asked for again and again."""
    where = str(store.db.target)
    held = _profiles.get(where)
    if held is None or time.monotonic() - held[0] > PROFILES_FOR:
        held = _profiles[where] = (time.monotonic(), Profiles())
    return held[1]


@cache
def _default_gap() -> timedelta:
    return timedelta(minutes=load_profile(DEFAULT_PROFILE).monitoring.gap_minutes)


def _fresh_after(now: datetime) -> str:
    """The oldest newest-reading the SQL keeps (the default `gap_minutes`; each district's
    own is checked after)."""
    return utc_text(now - _default_gap())


def below_now(store: Any, now: datetime, *, hours: int, district: str | None,
              company: str | None, limit: int) -> list[dict[str, Any]]:
    """The households below the standard for more than `hours` up to `now`, worst first."""
    refresh(store, rounds=1)
    where = ["b.below_since IS NOT NULL", "b.below_since < ?", "b.last_valid_t >= ?",
             "p.removed_on IS NULL"]
    params: list[Any] = [utc_text(now - timedelta(hours=hours)), _fresh_after(now)]
    for column, value in (("district", district), ("company", company)):
        if value is not None:
            where.append(f"p.{column} = ?")
            params.append(value)
    profiles = _recent_profiles(store)
    sql = f"{SELECT} WHERE {' AND '.join(where)}"
    with store.db.reading() as c:
        worst = _worst_points(c, sql, params, now, profiles, limit)
        ranked = sorted(worst.items(), key=lambda kv: (
            kv[1].since, Decimal(kv[1].row["last_valid_c"]), kv[0]))[:limit]
        homes = [home for home, _b in ranked]
        count = _points_below(c, where, params, homes)
        tickets = open_tickets(c, homes)
    return [_item(home, b, now, count.get(home, 1), tickets.get(home)) for home, b in ranked]


def _worst_points(c: Tx, sql: str, params: list[Any], now: datetime, profiles: Profiles,
                  limit: int) -> dict[str, Below]:
    """Each household's point below longest, read in pages oldest run first until `limit`
    households are found and every point tied with the last of them is in: the list costs
    what it shows, not what is below."""
    page = max(2 * limit, 200)
    worst: dict[str, Below] = {}
    homes: dict[str, str] = {}
    for offset in range(0, 10**9, page):
        rows = c.execute(f"{sql} ORDER BY b.below_since, p.point_id LIMIT ? OFFSET ?",
                         [*params, page, offset]).fetchall()
        found = _current(c, rows, now, profiles)
        homes.update(canonical_many(c, sorted({b.row["household"] for b in found} - set(homes))))
        for b in found:     # oldest run first: a household's first is its worst point
            worst.setdefault(homes[b.row["household"]], b)
        if len(rows) < page:
            break
        if len(worst) >= limit:
            boundary = sorted(b.since for b in worst.values())[limit - 1]
            if _utc(rows[-1][COLS.index("below_since")]) > boundary:
                break
    return worst


def _points_below(c: Tx, where: list[str], params: list[Any], homes: list[str]
                  ) -> dict[str, int]:
    """How many points of each of `homes` (and the households merged into them) are below."""
    group = members_many(c, homes)
    owner = {m: home for home, ms in group.items() for m in ms}
    out: dict[str, int] = {}
    ids = sorted(owner)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for household, n in c.execute(
                "SELECT p.household, COUNT(*) FROM monitoring_below b JOIN monitoring_points p"
                f" ON p.point_no = b.point_no WHERE {' AND '.join(where)} AND p.household IN"
                f" ({', '.join('?' * len(part))}) GROUP BY p.household", [*params, *part]):
            out[owner[household]] = out.get(owner[household], 0) + int(n)
    return out


def _item(home: str, b: Below, now: datetime, points: int, ticket: str | None
          ) -> dict[str, Any]:
    r = b.row
    return {"household": home, "address": r["address"], "district": r["district"],
            "company": r["company"], "point_id": r["point_id"], "room_kind": r["room_kind"],
            "room_name": r["room_name"], "since": utc_text(b.since),
            "hours_below": b.hours(now), "latest_c": r["last_valid_c"],
            "latest_t": utc_text(b.last_t), "points_below": points, "open_ticket": ticket}


def open_tickets(c: Tx, homes: list[str]) -> dict[str, str]:
    """The newest open ticket (`channel/ticket`) of each of `homes` (canonical households),
    counting the households merged into them."""
    group = members_many(c, homes)
    owner = {m: home for home, ms in group.items() for m in ms}
    found: dict[str, tuple[str, str]] = {}
    ids = sorted(owner)
    states = ", ".join(f"'{s}'" for s in OPEN_STATES)
    for start in range(0, len(ids), 500):
        part = ids[start:start + 500]
        for household, channel, ticket, at in c.execute(
                "SELECT household, channel, ticket, complaint_utc FROM tickets WHERE household"
                f" IN ({', '.join('?' * len(part))}) AND state IN ({states})", part):
            home = owner[household]
            if home not in found or at > found[home][0]:
                found[home] = (at, f"{channel}/{ticket}")
    return {home: key for home, (_at, key) in found.items()}


def open_ticket(store: Any, household: str, who: Supervisor, now: datetime,
                given: dict[str, str | None]) -> tuple[str, str]:
    """Open a monitoring ticket for `household` (its canonical one); (channel, ticket).
    `given`: the resident's name and phone and the street, when the dispatcher gives them.
    Raises `Refused`."""
    profiles = Profiles()
    with store.db.write() as c:
        home = canonical(c, household)
        c.lock(f"monitoring ticket {home}")
        group = members(c, home)
        marks = ", ".join("?" * len(group))
        points = c.execute("SELECT point_no, district FROM monitoring_points WHERE household"
                           f" IN ({marks}) AND removed_on IS NULL", group).fetchall()
        if not points or not who.may_see(points[0][1]):
            raise Refused(404, "not_found", f"住户 {household} 没有固定监测点",
                          f"household {household} has no monitoring point")
        refresh_points(c, [no for no, _d in points], profiles)
        rows = c.execute(f"{SELECT} WHERE p.household IN ({marks}) AND p.removed_on IS NULL"
                         " AND b.below_since IS NOT NULL ORDER BY p.point_id", group).fetchall()
        held = open_tickets(c, [home]).get(home)
        if held is not None:
            number = held.rpartition("/")[2]    # the channel's code is no Chinese word
            raise Refused(409, "ticket_open", f"该住户已有未办结的工单（编号 {number}）",
                          f"the household already has an open ticket, {held}", ticket=held)
        below = sorted(_current(c, rows, now, profiles), key=lambda b: b.since)
        if not below:
            raise Refused(409, "not_below", "该住户的监测点现在没有低于标准",
                          "the household's points are not below the standard now")
        worst = below[0]
        profile = profiles.of(c, worst.row["district"])
        contact = _contact(given, _newest_ticket(c, group))
        data = _ticket(worst, now, profile.min_temp_c, profile.zone, contact)
        key = household_of_parts(*(getattr(data, k) for k in ADDRESS_PARTS))
        if key is None or key.household_id not in group:
            raise Refused(422, "address_mismatch", "工单地址与监测点的住户不一致，请手工建单",
                          "the ticket's address names another household than the point's;"
                          " open the ticket by hand")
        save_batch(c, [data], source="office", by=who.name, profile_name=profile.name)
    return data.channel, data.ticket


def _newest_ticket(c: Tx, group: list[str]) -> dict[str, Any]:
    """The content of the household's newest ticket ({} when it has none)."""
    row = c.execute("SELECT data FROM tickets WHERE household IN"
                    f" ({', '.join('?' * len(group))}) ORDER BY complaint_utc DESC LIMIT 1",
                    group).fetchone()
    return json.loads(row[0]) if row else {}


def _contact(given: dict[str, str | None], known: dict[str, Any]) -> dict[str, str]:
    """The resident's name and phone and the street: as given, else the newest ticket's."""
    out = {k: given.get(k) or str(known.get(k) or "") for k in CONTACT}
    if not (out["resident_name"] and out["resident_phone"]):
        raise Refused(422, "no_resident_contact",
                      "不知道该住户的姓名和电话（没有以前的工单）：请在请求中给出 resident_name 和"
                      " resident_phone",
                      "the resident's name and phone are not known (no earlier ticket): give"
                      " resident_name and resident_phone")
    return out


def _ticket(worst: Below, now: datetime, standard: Any, zone: Any, contact: dict[str, str]
            ) -> TicketData:
    r, local = worst.row, now.astimezone(zone)
    since = worst.since.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    room = r["room_name"] or r["room_kind"]
    text = (f"固定监测点 {r['point_id']}（{room}）自 {since} 起连续低于 {standard} °C，"
            f"已 {worst.hours(now)} 小时，最新 {r['last_valid_c']} °C"
            f"（{worst.last_t.astimezone(zone).strftime('%H:%M')}）")
    raw = {"channel": CHANNEL, "ticket": f"JC{local:%Y%m%d%H%M%S}-{r['household'][1:9]}",
           "complaint_at": utc_iso(now), "resident_name": contact["resident_name"],
           "resident_phone": contact["resident_phone"], "city": r["city"],
           "district": r["district"], "street": r["street"] or contact["street"],
           "community": r["community"], "building": r["building"], "unit": r["unit"],
           "flat": r["flat"], "company": r["company"], "text": text}
    try:
        return TicketData.validated(raw, now)
    except TicketError as exc:
        raise Refused(422, "bad_ticket", exc.message_zh, exc.message_en,
                      field=exc.field) from exc
