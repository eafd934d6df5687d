"""Points registered straight into the table, for tests that are not about the registry."""

from __future__ import annotations

from inspector_app.office.households import household_of_parts


def add_point(store, point_id: str, *, company: str = "长春热力", district: str = "朝阳区",
              community: str = "绿园小区", building: str = "3", unit: str = "2",
              flat: str = "501", room_kind: str = "living_room", installed_on: str = "2026-10-01",
              removed_on: str | None = None, correction_c: str = "0") -> str:
    """Register `point_id` in a flat of `community`; returns the household id."""
    key = household_of_parts("长春市", district, "", community, building, unit, flat)
    household = key.household_id
    with store.db.write() as c:
        no = c.execute("SELECT COALESCE(MAX(point_no), 0) + 1 FROM monitoring_points"
                       ).fetchone()[0]
        c.execute("INSERT INTO monitoring_points (point_id, point_no, household, city, district,"
                  " community, building, unit, flat, address, room_kind, room_name, company,"
                  " installed_on, removed_on, correction_c, created_at, updated_at) VALUES"
                  " (?, ?, ?, '长春市', ?, ?, ?, ?, ?, ?, ?, '客厅', ?, ?, ?, ?, ?, ?)",
                  (point_id, no, household, district, community, building, unit, flat,
                   f"长春市{district}{community}{building}栋{unit}单元{flat}室", room_kind,
                   company, installed_on, removed_on, correction_c, "2026-10-01T00:00:00Z",
                   "2026-10-01T00:00:00Z"))
    return household
