"""Each point's current run below the standard, kept as its days are recomputed.

"Below standard now" must answer at 290,000 points in well under a second, so it cannot look
at readings: 290,000 points × the last N hours is millions of rows, and their flags (a spike
is only a spike once the values fall back) need each point's series around them. The
aggregator already loads and flags every point's recent series when new readings make its
days dirty (`aggregates.refresh`, every 30 s in the server); from that same series this module
takes the trailing run of valid readings below the standard and stores it, one small row a
point (`monitoring_below`, revision 0009). The dispatcher's list then reads the index of
`below_since` and the few points that are below; no reading is read when it is asked.

The run is judged on valid readings only (quality flags excluded, as the days are): it starts
at the first valid reading of the unbroken stretch of valid readings below the standard that
ends with the newest one, and a stretch is unbroken while its readings are no more than
`gap_minutes` apart (a gap is unknown, not below). A run longer than the loaded window (the
day's context, at least 13 hours) is carried on from the stored row when the two join.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from inspector_app.core.monitoring_day import utc_text
from inspector_app.core.monitoring_quality import Reading
from inspector_app.core.profile import Profile
from inspector_app.office.db import Tx
from inspector_app.office.values import now_iso

if TYPE_CHECKING:
    from inspector_app.office.monitoring.aggregates import Point


@dataclass(frozen=True)
class Run:
    """The newest valid reading of a window and the run below the standard ending with it."""

    last_t: datetime
    last_c: Decimal               # corrected
    since: datetime | None        # None: the newest valid reading is not below
    from_window_start: bool       # the run starts with the window's first valid reading


def trailing_run(series: Sequence[Reading], flags: Sequence[frozenset[str]],
                 standard_c: Decimal, correction_c: Decimal, gap: timedelta) -> Run | None:
    """The run below `standard_c` ending with the newest valid reading of `series`; None when
    no reading is valid."""
    valid = [r for r, f in zip(series, flags, strict=True) if not f]
    if not valid:
        return None
    below_c = standard_c - correction_c
    last = valid[-1]
    if last.value_c >= below_c:
        return Run(last.t, last.value_c + correction_c, None, False)
    i = len(valid) - 1
    while i > 0 and valid[i - 1].value_c < below_c and valid[i].t - valid[i - 1].t <= gap:
        i -= 1
    return Run(last.t, last.value_c + correction_c, valid[i].t, i == 0)


def _utc(text: str) -> datetime:
    return datetime.fromisoformat(text.replace("Z", "+00:00")).astimezone(UTC)


def follow(c: Tx, point: Point, profile: Profile, series: Sequence[Reading],
           flags: Sequence[frozenset[str]]) -> None:
    """Store the point's run from a freshly flagged `series`, unless the window ends before
    the stored newest valid reading (late readings of a past day recomputed): the stored row
    then stays."""
    gap = timedelta(minutes=profile.monitoring.gap_minutes)
    run = trailing_run(series, flags, profile.min_temp_c, point.correction_c, gap)
    if run is None:
        return
    held = c.execute("SELECT last_valid_t, below_since FROM monitoring_below WHERE point_no=?",
                     (point.point_no,)).fetchone()
    since = run.since
    if held is not None:
        held_t, held_since = _utc(held[0]), held[1]
        if held_t > series[-1].t:
            return
        if (since is not None and run.from_window_start and held_since is not None
                and since - held_t <= gap):
            since = min(since, _utc(held_since))
    c.execute("INSERT INTO monitoring_below (point_no, last_valid_t, last_valid_c, below_since,"
              " computed_at) VALUES (?, ?, ?, ?, ?) ON CONFLICT (point_no) DO UPDATE SET"
              " last_valid_t=excluded.last_valid_t, last_valid_c=excluded.last_valid_c,"
              " below_since=excluded.below_since, computed_at=excluded.computed_at",
              (point.point_no, utc_text(run.last_t), format(run.last_c, "f"),
               None if since is None else utc_text(since), now_iso()))
