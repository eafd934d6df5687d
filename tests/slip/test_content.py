"""The slip's wording, worked out from the envelope before layout."""

from __future__ import annotations

import copy
import string

import pytest

from inspector_app.slip import SlipError, build_content
from inspector_app.slip.content import fmt_time, hash_groups, slip_lang
from inspector_app.slip.labels import TEXT


def test_contact_within_the_limit_and_late(resident_envelope):
    content = build_content(resident_envelope)
    assert any(f.value == "投诉后 12 分钟联系用户，符合“30 分钟内联系”的要求" for f in content.times)
    late = copy.deepcopy(resident_envelope)
    late["record"]["visit"]["contact_at"] = "2026-11-26T08:30:20+08:00"
    line = next(f.value for f in build_content(late).times if f.label == "联系时限")
    assert line == "投诉后 31 分钟联系用户，超过“30 分钟内联系”的要求"


def test_rooms_keep_the_record_means_and_round_point_means(resident_envelope):
    content = build_content(resident_envelope)
    result = resident_envelope["record"]["result"]
    assert [r.mean for r in content.rooms] == [f"{r['mean']} °C" for r in result["rooms"]]
    assert [r.verdict_label for r in content.rooms] == ["不合格", "合格", "不合格"]
    assert [r.lowest for r in content.rooms] == [False, False, True]
    living = content.rooms[1]
    assert living.kind == "起居室（厅）" and living.points_required == 5
    assert [p.mean for p in living.points] == ["18.6", "18.4", "18.8", "18.2", "18.5"]
    assert content.rooms[0].points[0].manual


def test_no_refund_line_when_every_room_passes(resident_envelope):
    passing = copy.deepcopy(resident_envelope)
    result = passing["record"]["result"]
    result["verdict"], result["refund_per_day"] = "pass", "0"
    assert build_content(passing).verdict_label == "合格"
    assert not any(line.startswith("退费估算") for line in build_content(passing).conclusion)


def test_supersedes_and_position_and_times(resident_envelope):
    corrected = copy.deepcopy(resident_envelope)
    corrected["record"]["supersedes"] = {"record_id": "old-id", "reason": "房间面积填错"}
    content = build_content(corrected)
    assert content.notes[0] == "本记录更正并替代记录 old-id，原因：房间面积填错"
    assert any(f.value == "顶层、边户" for f in content.basics)
    assert fmt_time("2026-11-26T09:15:42+08:00") == "2026-11-26 09:15"
    assert fmt_time(None) == "—"


def test_hash_groups_cover_the_whole_digest():
    digest = "0123456789abcdef" * 4
    lines = hash_groups(digest)
    assert lines == ["01234567 89abcdef 01234567 89abcdef"] * 2
    assert "".join(lines).replace(" ", "") == digest


def test_unknown_profile_falls_back_to_plain_labels(resident_envelope):
    odd = copy.deepcopy(resident_envelope)
    odd["record"]["profile"]["name"] = "atlantis"
    content = build_content(odd)
    assert ("heating_running", True) in content.preconditions
    assert content.title.startswith("长春市")


def test_english_wording_with_recorded_text_as_recorded(resident_envelope):
    content = build_content(resident_envelope, lang="en")
    visit = resident_envelope["record"]["visit"]
    assert content.lang == "en" and content.title == "Changchun Indoor Heating Temperature Test Slip"
    assert [r.verdict_label for r in content.rooms] == ["Fail", "Pass", "Fail"]
    assert content.verdict_label == "Fail"
    assert [r.kind for r in content.rooms] == ["Bedroom", "Living room", "Bedroom"]
    assert [r.name for r in content.rooms] == ["主卧", "客厅", "次卧"]          # the inspector's names
    fields = {f.label: f.value for f in content.header + content.basics + content.times}
    assert fields["Channel"] == "12345 hotline"
    assert fields["Position"] == "Top floor, End wall"
    assert fields["Resident"] == visit["resident_name"] and fields["Phone"] == "13800001234"
    assert fields["Contact limit"] == ("Resident contacted 12 min after the complaint: "
                                       "within the required 30 min")
    assert ("No sun on the sensor", False) in content.preconditions      # the profile's English
    assert content.conclusion[0] == "Lowest room: 次卧 (Bedroom) 16.4 °C"
    assert content.inspector.role == "Inspector" and content.inspector.title == "Inspector's signature"
    assert content.inspector.statement == "本人确认以上检测过程和结果属实。"   # as signed
    assert content.notes[-1] == f"Notes: {visit['notes']}"
    assert content.rules[0] == "Regional rules: Changchun changchun 2026.1"


def test_language_codes_and_refusal():
    assert [slip_lang(x) for x in ("zh", "zh_CN", "zh-Hans", None, "en", "en_GB", "EN")] == \
        ["zh", "zh", "zh", "zh", "en", "en", "en"]
    with pytest.raises(SlipError) as err:
        slip_lang("fr")
    assert err.value.field == "lang"


def test_every_label_has_both_languages_and_valid_fields():
    for key, (zh, en) in TEXT.items():
        assert zh and en, key
        fields_zh = {f for _, f, _, _ in string.Formatter().parse(zh) if f}
        fields_en = {f for _, f, _, _ in string.Formatter().parse(en) if f}
        assert fields_zh == fields_en, key


def test_the_refund_line_adds_up_room_by_room(resident_envelope):
    """Each failing room's term shows area × daily fee × band share = per day, so the slip's
    arithmetic can be checked by hand (before, the band was missing and the sum did not add up)."""
    result = resident_envelope["record"]["result"]
    conclusion = build_content(resident_envelope).conclusion
    assert f"退费估算：每日 {result['refund_per_day']} 元，按不合格天数累计，以主管部门裁定为准" \
        in conclusion
    failing = [r for r in result["rooms"] if r["verdict"] == "fail" and float(r["band_share"])]
    assert failing
    for room in failing:
        share = f"{float(room['band_share']) * 100:g}"
        line = next(line for line in conclusion if line.startswith(room["name"] + "："))
        assert f" × {share} % = {room['refund_per_day']} 元/日" in line
        assert f"{result['daily_fee_per_m2']} 元/(m²·日)" in line
    english = build_content(resident_envelope, lang="en").conclusion
    assert any("yuan/(m²·day) ×" in line for line in english)
    assert not any("元" in line for line in english)
