"""When is a point's temperature settled enough to read, and which readings count.

The rule (profile data): the display must change by no more than `tolerance` over `window_s`
seconds; then `readings` values are taken `spacing_s` apart and their mean is the point value.
If the air moves out of tolerance while readings are being taken, they are discarded and the
wait starts again, so every official reading was taken in a settled state.

Time is whatever the caller says it is (seconds on a monotonic clock), so tests and the demo can
run a ten-minute window in milliseconds.
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, field
from decimal import Decimal

from inspector_app.core.decimal_math import dec

SETTLING, CAPTURING, DONE = "settling", "capturing", "done"


@dataclass(frozen=True)
class StabilityRule:
    window_s: float = 600.0
    tolerance_c: Decimal = Decimal("0.2")
    readings: int = 3
    spacing_s: float = 60.0

    @classmethod
    def from_profile(cls, profile) -> StabilityRule:  # noqa: ANN001 - avoids an import cycle
        return cls(profile.stability_window_s, profile.stability_tolerance_c,
                   profile.readings_per_point, profile.reading_spacing_s)


@dataclass
class StabilityStatus:
    state: str
    progress: float                 # 0..1 towards the end of the window, then of the captures
    span_c: Decimal | None          # max − min over the trailing window
    window_covered_s: float        # how long the air has stayed within tolerance
    captured: list[tuple[float, Decimal]] = field(default_factory=list)
    restarted: bool = False         # captures were thrown away on this sample


class StabilityTracker:
    """Feed (t, value) pairs in time order; read `status` after each."""

    def __init__(self, rule: StabilityRule, start_t: float | None = None) -> None:
        self.rule = rule
        self._window: deque[tuple[float, Decimal]] = deque()
        self._captured: list[tuple[float, Decimal]] = []
        self._stable_at: float | None = None
        self._start_t = start_t
        self.status = StabilityStatus(SETTLING, 0.0, None, 0.0)

    @property
    def stable_at(self) -> float | None:
        return self._stable_at

    def feed(self, t: float, value: float | Decimal) -> StabilityStatus:
        if self.status.state == DONE:
            return self.status
        if self._start_t is None:
            self._start_t = t
        if self._window and t < self._window[-1][0]:
            raise ValueError("samples must arrive in time order")
        val = dec(value)
        self._window.append((t, val))
        # keep exactly the samples inside [t - window, t], plus the one just before as anchor
        while len(self._window) > 1 and self._window[1][0] <= t - self.rule.window_s:
            self._window.popleft()
        covered = t - self._settled_since(t)
        values = [x for _, x in self._window]
        span = max(values) - min(values)
        settled = covered >= self.rule.window_s
        restarted = False
        if not settled and self._stable_at is not None:
            self._captured.clear()
            self._stable_at = None
            restarted = True
        if settled and self._stable_at is None:
            self._stable_at = t
        if self._stable_at is not None:
            due = self._stable_at + len(self._captured) * self.rule.spacing_s
            if t >= due:
                self._captured.append((t, val))
        n = self.rule.readings
        if len(self._captured) >= n:
            state, progress = DONE, 1.0
        elif self._stable_at is not None:
            state = CAPTURING
            progress = 0.5 + 0.5 * len(self._captured) / n
        else:
            state = SETTLING
            progress = 0.5 * min(covered / self.rule.window_s, 1.0)
        self.status = StabilityStatus(state, progress, span, covered, list(self._captured), restarted)
        return self.status

    def _settled_since(self, now: float) -> float:
        """Start of the trailing run of samples that all lie within the tolerance of each other."""
        lo = hi = self._window[-1][1]
        since = self._window[-1][0]
        for t, x in reversed(self._window):
            lo, hi = min(lo, x), max(hi, x)
            if hi - lo > self.rule.tolerance_c:
                break
            since = t
        else:
            since = max(since, self._start_t)
        return min(since, now)
