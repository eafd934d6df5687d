"""The refund ruling PDF read back through pdfium, and the 大写 amount helper."""

from __future__ import annotations

import copy
import re
from dataclasses import replace
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from inspector_app.core.profile import load_profile
from inspector_app.core.ruling import Ruling, RulingInput, compute_ruling
from inspector_app.slip import SlipError
from inspector_app.slip.ruling_labels import yuan_capital
from inspector_app.slip.ruling_pdf import render_ruling
from tests.slip.envelopes import ADDRESS_LINE
from tests.slip.helpers import page_texts, squash

CC = load_profile("changchun")
FEE = Decimal("0.1607")
ISSUE = {"ruling_no": "朝供裁〔2026〕第0042号", "issued_by": "刘明", "issued_at": "2026-12-05",
         "office_name": "长春市朝阳区供热管理办公室"}


@pytest.fixture(scope="module")
def refund(resident_envelope) -> Ruling:
    # 主卧 14.2 m² at 17.2 °C and 次卧 10.8 m² at 16.4 °C, both in the 30 % band:
    # 0.1607 × 14.2 × 0.3 = 0.68, 0.1607 × 10.8 × 0.3 = 0.52 a day; × 10 days = 12.00.
    return compute_ruling(resident_envelope, CC, RulingInput(FEE, 10))


@pytest.fixture(scope="module")
def refund_pdf(resident_envelope, refund) -> bytes:
    return render_ruling(resident_envelope, refund, **ISSUE)


def text_of(pdf: bytes) -> str:
    return "".join(squash(t) for t in page_texts(pdf))


def test_refund_ruling_states_its_record_rule_rooms_and_amount(refund_pdf, refund,
                                                              resident_envelope):
    assert refund.amount_total == Decimal("12.00")
    texts = page_texts(refund_pdf)
    assert len(texts) == 1
    text = text_of(refund_pdf)
    record = resident_envelope["record"]
    visit = record["visit"]
    assert "供热室温检测退费裁定书" in text and "不退费" not in text
    assert "裁定书编号：朝供裁〔2026〕第0042号" in text
    assert "依据记录哈希(SHA-256)" in text
    assert resident_envelope["sha256"] in text          # all 64 hex digits, groups joined
    assert record["record_id"] in text
    assert "3f9a1c0de47b2a55·第7号" in text and "2026-11-2609:15" in text
    assert ADDRESS_LINE in text
    for value in (visit["resident_name"], visit["company"], visit["inspector"]):
        assert value in text
    assert "长春市（changchun，版本2026.1）" in text
    assert "退费规则依据本条规则数据尚未经主管部门确认" in text     # never the maintainers' note
    assert "室温标准依据《长春市城市供热管理条例》（吉建议〔2024〕12号答复所引）" in text
    assert "seed" not in text and "reported" not in text
    for room in ("主卧（卧室）", "客厅（起居室（厅））", "次卧（卧室）"):
        assert room in text
    assert "主卧（卧室）14.217.2不合格16.0–<18.0°C300.686.80" in text
    assert "次卧（卧室）10.816.4不合格16.0–<18.0°C300.525.20" in text
    assert "合计1.2012.00" in text
    assert "0.1607元/(m²·日)" in text and "不达标天数10日" in text
    assert "日单价×不达标房间面积×不达标天数×退费比例" in text
    assert "人民币12.00元" in text and "大写金额壹拾贰元整" in text
    assert "裁定：由供热企业向用户退还供热费人民币12.00元。" in text
    assert "签发人：刘明" in text and "签发日期：2026-12-05" in text
    assert "签字：" in text and "（公章）" in text
    assert "长春市朝阳区供热管理办公室" in text


def test_english_ruling(resident_envelope, refund):
    text = text_of(render_ruling(resident_envelope, refund, **ISSUE, lang="en"))
    assert "Refundruling" in text and "No-refund" not in text
    assert "Recordhash(SHA-256)" in text and resident_envelope["sha256"] in text
    assert "Rulingno.:朝供裁〔2026〕第0042号" in text
    assert "12.00yuan(RMB)" in text and "Issuedby:刘明" in text
    assert "主卧(Bedroom)" in text and "Fail" in text
    assert "大写" not in text and "壹" not in text


def test_no_refund_ruling_gives_the_reason(refusal_envelope):
    ruling = compute_ruling(refusal_envelope, CC, RulingInput(FEE, 10))
    assert ruling.reason_code == "resident_refused"
    zh = text_of(render_ruling(refusal_envelope, ruling, **ISSUE))
    assert "供热室温检测不退费裁定书" in zh and "裁定：不予退费。" in zh
    assert "理由：用户无正当理由拒绝配合检测或签字，按规定当日视为达标。" in zh
    assert "大写金额零元整" in zh and "用户拒绝签字（见记录），当日视为达标。" in zh
    en = text_of(render_ruling(refusal_envelope, ruling, **ISSUE, lang="en"))
    assert "No-refundruling" in en and "Ruling:norefund." in en
    assert "Reason:theresidentrefused" in en
    assert "用户拒绝签字规则依据" not in zh            # not cited: the office adds it when ruling


def test_a_ruling_resting_on_the_refusal_rule_prints_its_citation(refusal_envelope):
    """A ruling that counted the resident's refusal cites the `[refusal]` rule the office
    confirmed (`office.rulings.cite_rules`): the paper names that document in each language."""
    ruling = compute_ruling(refusal_envelope, CC, RulingInput(FEE, 10))
    held = {"section": "refusal", "status": "confirmed", "citation_zh": "《某市供热退费办法》（某建〔2020〕1号）",
            "citation_en": "Heating refund rules ([2020] No. 1)", "confirmed_by": "王科长",
            "confirmed_at": "2026-11-30T01:00:00Z"}
    cited = replace(ruling, citations={**ruling.citations, "refusal": held})
    zh = text_of(render_ruling(refusal_envelope, cited, **ISSUE))
    assert "用户拒绝签字规则依据《某市供热退费办法》（某建〔2020〕1号）" in zh
    en = text_of(render_ruling(refusal_envelope, cited, **ISSUE, lang="en"))
    assert "Ruleonaresident'srefusalHeatingrefundrules([2020]No.1)" in en


def test_below_standard_band_is_worded_in_english(resident_envelope):
    ruling = compute_ruling(resident_envelope, CC, RulingInput(FEE, 10))
    rooms = tuple(replace(r, band="低于标准 ≤2.0 °C") if r.band else r for r in ruling.rooms)
    odd = replace(ruling, rooms=rooms)
    assert "belowstandard≤2.0°C" in text_of(render_ruling(resident_envelope, odd, **ISSUE,
                                                         lang="en"))
    assert "低于标准≤2.0°C" in text_of(render_ruling(resident_envelope, odd, **ISSUE))


def test_newer_profile_version_is_shown_and_noted(resident_envelope):
    newer = replace(CC, version="2027.1")
    ruling = compute_ruling(resident_envelope, newer, RulingInput(FEE, 10))
    text = text_of(render_ruling(resident_envelope, ruling, **ISSUE, profile=newer))
    assert "版本2027.1）（检测时版本2026.1）" in text
    assert "检测时规则版本为2026.1，本裁定按现行版本2027.1计算。" in text


def test_same_input_same_bytes(resident_envelope, refund, refund_pdf):
    assert render_ruling(resident_envelope, refund, **ISSUE) == refund_pdf
    other = render_ruling(resident_envelope, refund, **{**ISSUE, "ruling_no": "X-2"})
    assert other != refund_pdf


def test_chinese_and_latin_glyphs_are_embedded_as_subsets(refund_pdf):
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+DroidSansFallback", refund_pdf)
    assert re.search(rb"/BaseFont\s*/[A-Z]{6}\+BitstreamVeraSans", refund_pdf)
    assert len(refund_pdf) < 200_000


def test_ruling_for_another_record_or_a_training_record_is_refused(resident_envelope, refund,
                                                                  training_envelope):
    other = copy.deepcopy(resident_envelope)
    other["sha256"] = "0" * 64
    with pytest.raises(SlipError) as info:
        render_ruling(other, refund, **ISSUE)
    assert info.value.field == "record_sha256"
    forged = replace(refund, record_id=training_envelope["record"]["record_id"],
                     record_sha256=training_envelope["sha256"])
    with pytest.raises(SlipError) as info:
        render_ruling(training_envelope, forged, **ISSUE)
    assert info.value.message_zh == "培训记录不能作为退费依据"


def test_a_practice_ruling_on_a_training_record_says_so_on_every_page(training_envelope):
    from inspector_app.core.profile import load_profile
    from inspector_app.core.ruling import RulingInput, compute_ruling

    profile = load_profile(training_envelope["record"]["profile"]["name"])
    ruling = compute_ruling(training_envelope, profile, RulingInput(Decimal("0.25"), 3),
                            training_office=True)
    text = text_of(render_ruling(training_envelope, ruling, **ISSUE))
    assert "仅供练习，不具任何效力" in text.replace("\n", "")
    assert "不具效力" in text and "TRAINING" in text
    english = text_of(render_ruling(training_envelope, ruling, **ISSUE, lang="en"))
    assert "ofnoeffect" in english.replace(" ", "") and "NOEFFECT" in english


# -- 大写金额 --------------------------------------------------------------------------------

@pytest.mark.parametrize("amount, words", [
    ("0", "零元整"),
    ("0.05", "伍分"),
    ("0.50", "伍角整"),
    ("1", "壹元整"),
    ("10.50", "壹拾元伍角整"),
    ("11.60", "壹拾壹元陆角整"),
    ("12.00", "壹拾贰元整"),
    ("105.05", "壹佰零伍元零伍分"),
    ("1005.5", "壹仟零伍元伍角整"),
    ("1050", "壹仟零伍拾元整"),
    ("100100", "壹拾万零壹佰元整"),
    ("1010000", "壹佰零壹万元整"),
    ("100000100", "壹亿零壹佰元整"),
    ("2.345", "贰元叁角伍分"),          # rounded half up to the fen
])
def test_capital_amounts(amount, words):
    assert yuan_capital(Decimal(amount)) == words


@pytest.mark.parametrize("amount", ["-0.01", "1000000000000"])
def test_capital_amount_out_of_range(amount):
    with pytest.raises(ValueError):
        yuan_capital(Decimal(amount))


DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
UNIT = {"拾": 10, "佰": 100, "仟": 1000}


def parse_capital(words: str) -> Decimal:
    """An independent reader of 大写 amounts, to check `yuan_capital` by round trip."""
    total, section, digit = 0, 0, 0
    body, _, cents = words.replace("整", "").partition("元")
    if not _:
        body, cents = "", words.replace("整", "")
    for ch in body:
        if ch in DIGIT:
            digit = DIGIT[ch]
        elif ch in UNIT:
            section += digit * UNIT[ch]
            digit = 0
        elif ch == "万":
            total += (section + digit) * 10_000
            section = digit = 0
        elif ch == "亿":
            total = (total + section + digit) * 100_000_000
            section = digit = 0
    fen = 0
    for d, unit in re.findall(r"([壹贰叁肆伍陆柒捌玖])([角分])", cents):
        fen += DIGIT[d] * (10 if unit == "角" else 1)
    return Decimal(total + section + digit) + Decimal(fen) / 100


@given(st.integers(min_value=0, max_value=10**14 - 1))
def test_capital_amount_reads_back(fen):
    amount = Decimal(fen) / 100
    words = yuan_capital(amount)
    assert parse_capital(words) == amount
    assert words.endswith("整") == (fen % 10 == 0)
    assert "零零" not in words and not words.endswith("零")


def test_the_office_utc_stamp_is_printed_in_the_record_s_local_time():
    from inspector_app.core.record_time import DEFAULT_ZONE, parse_offset
    from inspector_app.slip.ruling_pdf import local_time

    assert local_time("2026-11-26T07:24:43+00:00", DEFAULT_ZONE) == "2026-11-26 15:24"
    assert local_time("2026-11-26T23:30:00Z", DEFAULT_ZONE) == "2026-11-27 07:30"
    assert local_time("2026-11-26T23:30:00Z", parse_offset("+05:00")) == "2026-11-27 04:30"
    assert local_time("2026-12-05", DEFAULT_ZONE) == "2026-12-05"
