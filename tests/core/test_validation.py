from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core import validation as v
from inspector_app.core.errors import ValidationError
from inspector_app.core.model import Address, Visit

CST = timezone(timedelta(hours=8))


@pytest.mark.parametrize("area", [0, -3, 500.01, 1e6, float("nan"), "abc", None])
def test_impossible_areas_are_refused(area):
    with pytest.raises(ValidationError) as err:
        v.check_area(area)
    assert "面积" in err.value.message_zh and "area" in err.value.message_en


@given(st.floats(min_value=0.01, max_value=500))
def test_possible_areas_pass(area):
    assert v.check_area(area) == area


@given(st.floats(allow_nan=True))
def test_readings_outside_range_are_refused(value):
    if -40 <= value <= 60:
        assert v.check_reading(value) == value
    else:
        with pytest.raises(ValidationError):
            v.check_reading(value)


@pytest.mark.parametrize(("raw", "expected"), [
    ("13812345678", "13812345678"), ("138 1234 5678", "13812345678"),
    ("+86 13812345678", "13812345678"), ("0431-88889999", "0431-88889999"),
    ("043188889999", "043188889999"),
])
def test_phone_numbers_accepted(raw, expected):
    assert v.normalise_phone(raw) == expected


@pytest.mark.parametrize("raw", ["", "12345", "1381234567", "23812345678", "hello", "138123456789"])
def test_phone_numbers_refused(raw):
    with pytest.raises(ValidationError) as err:
        v.normalise_phone(raw)
    assert "电话" in err.value.message_zh


def _visit(**kw) -> Visit:
    base = dict(profile_name="changchun", profile_version="1", ticket="T-1",
                address=Address(street="人民大街", building="3", flat="501"), resident_name="王",
                resident_phone="13812345678", heated_area_m2=80, company="热力公司",
                complaint_at=datetime(2026, 11, 26, 9, 0, tzinfo=CST))
    base.update(kw)
    return Visit(**base)


def test_a_test_before_the_complaint_is_refused():
    visit = _visit(test_at=datetime(2026, 11, 26, 8, 59, tzinfo=CST))
    with pytest.raises(ValidationError) as err:
        visit.validate_details()
    assert err.value.field == "test_at"
    assert "早于" in err.value.message_zh


def test_a_complete_visit_validates_and_normalises_the_phone():
    visit = _visit(resident_phone="138 1234 5678",
                   contact_at=datetime(2026, 11, 26, 9, 10, tzinfo=CST),
                   arrival_at=datetime(2026, 11, 26, 9, 40, tzinfo=CST),
                   test_at=datetime(2026, 11, 26, 10, 0, tzinfo=CST))
    visit.validate_details()
    assert visit.resident_phone == "13812345678"


@pytest.mark.parametrize(("field", "value"), [
    ("heated_area_m2", 0), ("ticket", " "), ("resident_phone", "123"), ("position", ["attic"]),
    ("channel", "fax"),
])
def test_bad_details_are_refused_with_the_field_named(field, value):
    visit = _visit(**{field: value})
    with pytest.raises(ValidationError) as err:
        visit.validate_details()
    assert err.value.field == field


def test_visit_round_trips_through_a_dict():
    visit = _visit(position=["top", "edge"], outdoor_temp_c=-20.5)
    again = Visit.from_dict(visit.to_dict())
    assert again.to_dict() == visit.to_dict()
