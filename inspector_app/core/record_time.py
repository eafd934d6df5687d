"""Times shown in the record's zone: the zone of the place the rules are for (the profile's).

A laptop whose clock runs in UTC stamps "+00:00"; the office stamps UTC; a supervisor's PC may
be set to anything. Printed side by side those read "接收于 04:06" next to "10:05 签封". Every
time the product shows, in the app, on paper and in exports, is therefore converted to the
record's zone (China Standard Time for every shipped profile); a time in any other zone is
labelled with its offset.
"""

from __future__ import annotations

import re
from datetime import datetime, timedelta, timezone
from typing import Any

DEFAULT_OFFSET = "+08:00"
_OFFSET = re.compile(r"^([+-])(\d{2}):(\d{2})$")
SHOWN = "%Y-%m-%d %H:%M"


def parse_offset(text: str) -> timezone:
    """'+08:00' → UTC+08:00; ValueError for anything else."""
    match = _OFFSET.match(text.strip())
    if not match or int(match[2]) > 14 or int(match[3]) >= 60:
        raise ValueError(f"not a UTC offset like +08:00: {text!r}")
    sign = -1 if match[1] == "-" else 1
    return timezone(sign * timedelta(hours=int(match[2]), minutes=int(match[3])))


DEFAULT_ZONE = parse_offset(DEFAULT_OFFSET)


def zone_label(zone: timezone) -> str:
    """'UTC+08:00'."""
    minutes = int(zone.utcoffset(None).total_seconds() // 60)
    sign = "-" if minutes < 0 else "+"
    return f"UTC{sign}{abs(minutes) // 60:02d}:{abs(minutes) % 60:02d}"


def moment(value: Any) -> datetime | None:
    """A timezone-aware datetime from an ISO string ('Z' allowed) or a datetime; None if not."""
    if isinstance(value, datetime):
        return value
    if not value or "T" not in str(value) and " " not in str(value):
        return None
    try:
        return datetime.fromisoformat(str(value).replace("Z", "+00:00"))
    except ValueError:
        return None


def in_zone(value: Any, zone: timezone) -> datetime | None:
    """The moment in `zone` (a naive time is taken as already in it)."""
    when = moment(value)
    if when is None:
        return None
    return when.replace(tzinfo=zone) if when.tzinfo is None else when.astimezone(zone)


def shown_time(value: Any, zone: timezone, fmt: str = SHOWN, *, missing: str = "—") -> str:
    """'2026-11-26 10:05' in `zone`; a date alone or unreadable text as given."""
    if value is None or value == "":
        return missing
    when = in_zone(value, zone)
    return when.strftime(fmt) if when is not None else str(value)


def iso_in_zone(value: Any, zone: timezone) -> Any:
    """An ISO timestamp re-expressed in `zone` (for exports); anything else unchanged."""
    when = in_zone(value, zone)
    return when.isoformat(timespec="seconds") if when is not None else value
