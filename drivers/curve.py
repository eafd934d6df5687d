"""A scripted temperature curve: settling, drift and noise, as a probe placed in a room shows.

Used by the `simulated` driver and by every emulator, so demos and training show the same
behaviour the stability detection will meet in the field: a probe carried in from the cold
settles exponentially, a heating system drifts slowly, and the last digit flickers.
"""

from __future__ import annotations

import math
import random

# `settle_s` is the time to come within 1 % of the step: exp(-settle_s / tau) = 0.01.
_SETTLE_FRACTION = math.log(100.0)


class Curve:
    """Temperature in °C as a function of time since the probe was placed.

    With a `seed`, `value_at(t)` is a pure function of `t` (the noise is derived from the seed
    and the time), so tests and replays are reproducible.
    """

    def __init__(
        self,
        target: float,
        start: float | None = None,
        settle_s: float = 120.0,
        drift_per_h: float = 0.0,
        noise: float = 0.03,
        seed: int | None = None,
    ) -> None:
        if settle_s < 0 or noise < 0:
            raise ValueError("settle_s and noise must not be negative")
        self.target = float(target)
        self.start = float(target if start is None else start)
        self.settle_s = float(settle_s)
        self.drift_per_h = float(drift_per_h)
        self.noise = float(noise)
        self.seed = seed
        self._rng = random.Random()

    def __repr__(self) -> str:
        return (
            f"Curve(target={self.target}, start={self.start}, settle_s={self.settle_s}, "
            f"drift_per_h={self.drift_per_h}, noise={self.noise}, seed={self.seed})"
        )

    def true_value_at(self, t_seconds: float) -> float:
        """The noise-free value, unrounded (what an ideal probe would read)."""
        t = max(0.0, t_seconds)
        value = self.target + self.drift_per_h * t / 3600.0
        if self.settle_s > 0 and self.start != self.target:
            value += (self.start - self.target) * math.exp(-t * _SETTLE_FRACTION / self.settle_s)
        return value

    def value_at(self, t_seconds: float) -> float:
        """The displayed value: true value plus gaussian noise, rounded to 0.1 like a meter."""
        value = self.true_value_at(t_seconds)
        if self.noise > 0:
            seeded = self.seed is not None
            rng = random.Random(f"{self.seed}:{t_seconds:.6f}") if seeded else self._rng
            value += rng.gauss(0.0, self.noise)
        return round(value, 1) + 0.0  # + 0.0 turns -0.0 into 0.0

    def with_noise(self, noise: float) -> Curve:
        """A copy with another noise level."""
        return Curve(self.target, self.start, self.settle_s, self.drift_per_h, noise, self.seed)
