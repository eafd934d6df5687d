"""Monitoring points and their readings at a live office, filed the way a platform files them
(POST /api/v1/monitoring/readings with its company's key), for the monitoring tab's tests and
the window tour.

幸福小区 3-2-501 (朝阳区) has a living-room point warm until the day before yesterday and
below 18 °C since (36 hours by `NOW`), with one spike three days ago, and a bedroom point warm
throughout; 3-2-502 has a point that stopped reporting two days ago; a 南关区 flat (another
district, another company) has one warm point. The tests fix the office's clock at `NOW`; the
window tour files the same days before its own now."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from typing import Any

import httpx

from inspector_app.office.monitoring import aggregates
from inspector_app.office.monitoring.platform_keys import create_key
from tests.monitoring.registered import add_point

CST = timezone(timedelta(hours=8))
NOW = datetime(2026, 12, 3, 12, 0, tzinfo=CST)
FIRST = datetime(2026, 11, 28, tzinfo=CST)
COLD_FROM = datetime(2026, 12, 2, tzinfo=CST)
SPIKE_AT = datetime(2026, 11, 30, 14, 0, tzinfo=CST)
STREET = "人民大街"
WORDS = (STREET, "长春热力", "吉林热电", "朝阳区", "南关区", "绿园小区", "幸福小区", "客厅", "长春市")


def series(point: str, first: datetime, end: datetime, value_at: Any) -> list[dict[str, Any]]:
    """A reading every 20 minutes from `first` until `end`."""
    rows, t = [], first
    while t < end:
        rows.append({"point_id": point, "t": t.isoformat(), "value_c": value_at(t)})
        t += timedelta(minutes=20)
    return rows


def wiggle(t: datetime) -> float:
    """±0.2 °C from one reading to the next: a live sensor never repeats itself for long (a
    value held for 12 hours is flagged as a flat line)."""
    return ((t.hour * 3 + t.minute // 20) % 5 - 2) / 10


def warm(base: float) -> Any:
    return lambda t: round(base + wiggle(t), 1)


def living(now: datetime) -> Any:
    """The cold living room's value at each time: below 18 °C from the day before yesterday."""
    cold_from, spike = now - (NOW - COLD_FROM), now - (NOW - SPIKE_AT)

    def value(t: datetime) -> float:
        if t == spike:
            return 31.5
        return round((16.4 if t >= cold_from else 20.4) + wiggle(t), 1)
    return value


def post(url: str, key: str, rows: list[dict[str, Any]]) -> None:
    with httpx.Client(base_url=url, timeout=60,
                      headers={"Authorization": f"Bearer {key}"}) as client:
        answer = client.post("/api/v1/monitoring/readings", json=rows)
    assert answer.status_code == 200, answer.text


def seed(office: Any, now: datetime | None = None) -> dict[str, str]:
    """Register the points and file their readings up to `now` (default: the office's clock
    fixed at NOW, and 3-2-502's readings filed two days before it, so that point is silent).
    Returns {name: household id} of the two flats of 幸福小区."""
    fixed = now is None
    now = now or NOW
    first = now - (NOW - FIRST)
    store = office.store
    cold = add_point(store, "CY-0001", community="幸福小区")
    add_point(store, "CY-0002", community="幸福小区", room_kind="bedroom")
    quiet = add_point(store, "CY-0003", community="幸福小区", flat="502")
    add_point(store, "NG-0001", company="吉林热电", district="南关区", community="幸福小区")
    with store.db.write() as c:   # as the registry's import gives it
        c.execute("UPDATE monitoring_points SET street = ?", (STREET,))
    key = create_key(store, "长春热力", by="test").key
    quiet_end = now - timedelta(days=2)
    if fixed:
        office.app.state.clock = lambda: quiet_end
    post(office.url, key, series("CY-0003", first, quiet_end, warm(20.0)))
    if fixed:
        office.app.state.clock = lambda: NOW
    post(office.url, key, series("CY-0001", first, now, living(now))
         + series("CY-0002", first, now, warm(19.6)))
    post(office.url, create_key(store, "吉林热电", by="test").key,
         series("NG-0001", first, now, warm(21.0)))
    while aggregates.refresh(store):
        pass   # every day computed: the states and counts are the same at every request
    return {"cold": cold, "quiet": quiet}
