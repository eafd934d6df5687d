"""The slip prints every time in the record's zone, whatever zone the laptop's clock ran in."""

from __future__ import annotations

import copy

from inspector_app.slip import build_content


def test_a_laptop_on_utc_prints_china_time(resident_envelope):
    utc = copy.deepcopy(resident_envelope)
    utc["record"]["visit"]["test_at"] = "2026-11-26T01:15:42+00:00"
    utc["record"]["sealed_at"] = "2026-11-26T02:05:00+00:00"
    content = build_content(utc)
    times = [f.value for f in content.times]
    seal = [f.value for f in content.seal]
    assert "2026-11-26 09:15" in times and "2026-11-26 01:15" not in times
    assert "2026-11-26 10:05" in seal
