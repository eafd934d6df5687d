from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.core.errors import ProfileError
from inspector_app.core.profile import (
    available_profiles,
    load_profile,
    points_for_area,
    profiles_dir,
)

ALL = ["changchun", "harbin", "heilongjiang-2021", "jinan", "shenyang", "tianjin"]


def test_every_profile_is_available_and_valid():
    assert available_profiles() == sorted(ALL)
    for name in ALL:
        profile = load_profile(name)
        assert profile.name == name
        assert set(profile.sources) >= {"standard", "refund", "points", "stability", "slip"}
        assert all(profile.sources.values())


def test_changchun_defaults_follow_the_jilin_reply():
    p = load_profile()
    assert p.name == "changchun"
    assert p.min_temp_c == Decimal("18.0")
    assert p.rooms_tested == ("bedroom", "living_room")
    assert p.contact_within_min == 30
    assert [c.key for c in p.slip_copies] == ["resident", "tester", "archive_1", "archive_2"]
    assert (p.stability_window_s, p.stability_tolerance_c, p.readings_per_point,
            p.reading_spacing_s) == (600, Decimal("0.2"), 3, 60)
    assert p.height_m == 1.4 and p.outer_wall_min_m == 1.5 and p.inner_wall_min_m == 1.0


@pytest.mark.parametrize("name", ALL)
@pytest.mark.parametrize(("area", "points"), [(12, 1), (16, 1), (16.1, 5), (35, 5)])
def test_points_by_area(name, area, points):
    assert points_for_area(load_profile(name), area) == points


def test_heilongjiang_uses_twenty_degrees_and_tianjin_has_hours():
    assert load_profile("heilongjiang-2021").min_temp_c == Decimal("20.0")
    tianjin = load_profile("tianjin")
    assert tianjin.test_hours == (("08:00", "21:00"),)
    assert tianjin.max_tests_per_day == 2
    assert tianjin.max_error_c == 0.3


def test_unknown_profile_is_refused_in_both_languages():
    with pytest.raises(ProfileError) as err:
        load_profile("atlantis")
    assert "atlantis" in err.value.message_en and "changchun" in err.value.message_en
    assert "未知" in err.value.message_zh


def _copy_profiles(tmp_path: Path) -> Path:
    folder = tmp_path / "profiles"
    folder.mkdir()
    for f in profiles_dir().glob("*.toml"):
        (folder / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    return folder


HLJ, BASE = "heilongjiang-2021.toml", "_base-db11t745.toml"


@pytest.mark.parametrize(("filename", "replace", "key"), [
    (HLJ, ("min_temp_c = 20.0", 'min_temp_c = "warm"'), "standard.min_temp_c"),
    (BASE, ("{ max_area_m2 = 16.0, points = 1 },", "{ max_area_m2 = 16.0, points = 0 },"),
     "points.rules[0]"),
    (HLJ, ('basis = "measured"', 'basis = "vibes"'), "refund.basis"),
    (HLJ, ('source = "Heilongjiang 2021 (reported): 20 °C', 'origin = "x'), "standard.source"),
    (HLJ, ("season_days = 183", "season_days = 0"), "refund.season_days"),
])
def test_a_broken_profile_names_file_and_key(tmp_path, filename, replace, key):
    folder = _copy_profiles(tmp_path)
    path = folder / filename
    text = path.read_text(encoding="utf-8")
    old, new = replace
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(ProfileError) as err:
        load_profile("heilongjiang-2021", folder)
    assert filename in err.value.message_en
    assert key in err.value.message_en and key in err.value.message_zh
    assert err.value.field == key


def test_invalid_toml_is_refused(tmp_path):
    folder = _copy_profiles(tmp_path)
    (folder / "jinan.toml").write_text("[refund\nbroken", encoding="utf-8")
    with pytest.raises(ProfileError, match="jinan.toml"):
        load_profile("jinan", folder)
