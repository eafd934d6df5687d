"""What the company event tests share: the rows of the event tables, to show a refusal
changed nothing, the worked heating period, and a district's stored record (whose profile is
the rules a penalty notice of the district is drafted under)."""

from __future__ import annotations

from datetime import date
from pathlib import Path
from typing import Any

from inspector_app.core.profile import load_profile
from tests.cases.homes import Laptop, store_envelopes

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


def record_in(store: Any, folder: Path, *, district: str = "朝阳区", day: date = date(2025, 12, 1),
              rules: str = "changchun", training: bool = False) -> None:
    """Seal a test of a household of `district` on `day` under `rules` on a laptop of its own
    (in `folder`) and store it at the office as an upload does."""
    laptop = Laptop(folder)
    store_envelopes(store, laptop.seal(day=day, district=district, rules=load_profile(rules),
                                       training=training))
