"""What the company event tests share: the rows of the event tables, to show a refusal
changed nothing, and the worked heating period."""

from __future__ import annotations

from typing import Any

TABLES = ("company_stops", "heating_periods", "penalty_notices")


def rows(store: Any) -> dict[str, list]:
    """Every row of the three event tables, in a stable order."""
    return {t: [tuple(r) for r in store.query(f"SELECT * FROM {t} ORDER BY 1")] for t in TABLES}


# 长春热力 heats 幸福小区 (12 000 m²) at 27 yuan/m² for the season, announced 20 Oct → 10 Apr.
PERIOD = {"season": "2025-2026", "company": "长春热力", "district": "朝阳区", "area": "幸福小区",
          "heated_area_m2": "12000", "fee_per_m2": "27", "announced_start": "2025-10-20",
          "announced_end": "2026-04-10"}
STOP = {"company": "长春热力", "district": "朝阳区",
        "scope": {"communities": ["幸福小区"], "buildings": []},
        "start_at": "2025-12-01T08:00:00+08:00", "end_at": "2025-12-04T08:00:00+08:00",
        "cause": "一次管网爆管", "evidence": "热力公司抢修单 2025-118"}
