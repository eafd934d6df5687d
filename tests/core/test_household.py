"""The household key: one home, however its address was typed."""

from __future__ import annotations

import unicodedata

from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.household import SEPARATOR, household_key, key_of_address


def key(building: str, unit: str, flat: str, community: str = "幸福小区", street: str = "人民大街",
        city: str = "长春市", district: str = "朝阳区") -> str:
    return household_key(city, district, street, community, building, unit, flat).text


def test_the_ways_a_flat_is_written_give_one_key() -> None:
    expected = "长春市|朝阳区|幸福小区|3|2|101"
    for building, unit, flat in [
        ("3", "2", "101"), ("3栋", "2单元", "101室"), ("3号楼", "2单元", "101号"),
        ("3幢", "二单元", "101户"), ("３栋", "２单元", "１０１室"), (" 3 栋", "2 单元", " 101 "),
        ("03", "02", "0101"), ("三号楼", "二", "101"), ("3楼", "2门", "101"),
    ]:
        assert key(building, unit, flat) == expected, (building, unit, flat)


def test_the_issue_s_addresses_written_two_ways_are_one_home() -> None:
    """'长春市朝阳区 红旗街道 幸福小区 ３号楼２单元５０１室' and '…幸福小区3栋2单元501', in their parts."""
    one = household_key("长春市", "朝阳区 ", " 红旗街道", " 幸福小区 ", "３号楼", "２单元", "５０１室")
    two = household_key("长春市", "朝阳区", "红旗街道", "幸福小区", "3栋", "2单元", "501")
    assert one == two and one.text == "长春市|朝阳区|幸福小区|3|2|501"
    for building, unit, flat in [("3幢", "2单元", "501号"), ("3\u3000号楼", "2\t单元", "501\xa0室"),
                                 ("3\u200b栋", "\ufeff2", "501"), ("3#", "2", "501"),
                                 ("3#楼", "第二单元", "501房"), ("第3栋", "2", "501"),
                                 ("3", "2", "3-2-501"), ("3", "2", "2-501"),
                                 ("3", "2", "2单元501室"), ("3", "2", "3\u20142\u2013501"),
                                 ("3", "2", "３－２－５０１")]:
        assert key(building, unit, flat, street="红旗街道") == one.text, (building, unit, flat)


def test_distinct_flats_never_share_a_key() -> None:
    """Each part is keyed on its own, so digits never slide across a boundary; a prefix is
    dropped from a flat only when it repeats the flat's own building and unit."""
    distinct = [("3", "5", "01"), ("3", "50", "1"), ("35", "", "01"), ("3", "", "501"),
                ("32", "", "501"), ("3", "", "2501"), ("3", "2", "5-01"), ("3", "2", "501"),
                ("3", "2", "2-1"), ("3", "2", "1"), ("3", "2", "1-501"), ("3", "2", "25-01"),
                ("3", "12", "2-501"), ("3", "12", "501"), ("3", "", "2-501"),
                ("13", "2", "501"), ("3", "2", "5010"), ("3", "2", "501A")]
    keys = [key(*flat) for flat in distinct]
    assert len(set(keys)) == len(keys), sorted(keys)


def test_spaces_and_width_in_names_do_not_matter_but_the_names_do() -> None:
    assert key("3", "2", "101", community="幸福 小区") == key("3", "2", "101")
    assert key("3", "2", "101", community="ＡＢＣ小区") == key("3", "2", "101",
                                                             community="abc小区")
    assert key("3", "2", "101", community="安康小区") != key("3", "2", "101")
    assert key("3", "2", "102") != key("3", "2", "101")
    assert key("13", "2", "101") != key("3", "2", "101")
    assert key("3", "2", "101", district="南关区") != key("3", "2", "101")


def test_the_street_stands_in_only_when_there_is_no_community() -> None:
    assert key("3", "2", "101", street="另一条路") == key("3", "2", "101")
    assert key("3", "2", "101", community="") == "长春市|朝阳区|人民大街|3|2|101"


def test_chinese_numerals_of_buildings_and_units() -> None:
    assert key("十二", "一", "1") == key("12", "1", "1")
    assert key("二十", "1", "1") == key("20", "1", "1")
    assert key("一百零五", "1", "1") == key("105", "1", "1")


def test_letters_and_dashes_keep_their_meaning() -> None:
    assert key("A座", "1", "3-201") == key("a", "1", "3-201")
    assert key("A座", "1", "3-201") != key("B座", "1", "3-201")
    assert key("3", "1", "3-0201") == key("3", "1", "3-201")


def test_the_id_is_stable_and_short() -> None:
    one = household_key("长春市", "朝阳区", "", "幸福小区", "3", "2", "101")
    assert len(one.household_id) == 21 and one.household_id.startswith("h")
    assert key_of_address({"city": "长春市", "district": "朝阳区", "community": "幸福小区",
                           "building": "3栋", "unit": "2单元", "flat": "101室"}) == one


parts = st.text(alphabet=st.sampled_from("0123456789一二三栋号楼单元室幢 ｜|ABab-幸福小区第#房—\u200b"),
                max_size=8)


@given(parts, parts, parts, parts)
def test_normalising_twice_changes_nothing_and_no_part_holds_the_separator(
        community: str, building: str, unit: str, flat: str) -> None:
    once = household_key("长春市", "朝阳区", "", community, building, unit, flat)
    twice = household_key(once.city, once.district, "", once.place, once.building, once.unit,
                          once.flat)
    assert twice == once
    assert once.text.count(SEPARATOR) == 5


@given(parts, parts, parts)
def test_full_width_digits_give_the_key_of_half_width_ones(building: str, unit: str,
                                                          flat: str) -> None:
    def wide(text: str) -> str:
        return "".join(chr(ord(c) + 0xFEE0) if c.isascii() and c.isdigit() else c for c in text)
    assert key(wide(building), wide(unit), wide(flat)) == key(building, unit, flat)
    assert unicodedata.is_normalized("NFKC", key(building, unit, flat))
