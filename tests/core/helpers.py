"""Build measured visits directly, without an instrument, for rule tests."""

from __future__ import annotations

from inspector_app.core.model import Point, Room, Sample, Visit
from inspector_app.core.profile import Profile, points_for_area


def room(profile: Profile, kind: str, area: float, readings_per_point: list[list[float]],
         name: str = "") -> Room:
    r = Room(kind=kind, name=name or kind, area_m2=area)
    need = points_for_area(profile, area)
    assert len(readings_per_point) == need, f"{area} m² needs {need} points"
    for i, values in enumerate(readings_per_point, start=1):
        p = Point(index=i)
        for j, value in enumerate(values, start=1):
            p.samples.append(Sample(value_c=value, raw_c=value, t_offset_s=60.0 * j,
                                    t_wall="2026-11-26T10:00:00+08:00", captured=j))
        r.points.append(p)
    return r


def visit_with(profile: Profile, *rooms: Room) -> Visit:
    v = Visit(profile_name=profile.name, profile_version=profile.version)
    v.rooms = list(rooms)
    return v


def flat(profile: Profile, kind: str, area: float, value: float) -> Room:
    """A room whose every point reads `value` three times."""
    n = points_for_area(profile, area)
    return room(profile, kind, area, [[value] * profile.readings_per_point] * n)
