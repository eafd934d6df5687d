"""The case ruling PDF, read back as text: every record with its full hash and chain position,
used and superseded both shown, the tickets, the stop, the chart's legend, the sums day by day and
room by room, the amount in figures and capitals, the rules; one language a document; same bytes
twice."""

from __future__ import annotations

import re
from decimal import Decimal

import pytest

from inspector_app.core.profile import load_profile
from inspector_app.slip import SlipError
from inspector_app.slip.case_ruling_pdf import day_runs, render_case_ruling
from tests.case_rulings.paper import DEVICE, SHA, B, detail, ruling
from tests.slip.helpers import page_texts, squash

CC = load_profile("changchun")
ISSUE = {"number": "2026-2027-000007", "issued_at": "2026-12-10T02:00:00Z",
         "issued_by": "刘明"}


@pytest.fixture(scope="module")
def zh_pdf() -> bytes:
    return render_case_ruling(ruling(), detail(), CC, **ISSUE)


@pytest.fixture(scope="module")
def en_pdf() -> bytes:
    return render_case_ruling(ruling(), detail(), CC, "en", **ISSUE)


def text_of(pdf: bytes) -> str:
    return "".join(squash(t) for t in page_texts(pdf))


def test_every_record_with_its_hash_chain_position_and_use(zh_pdf):
    text = text_of(zh_pdf)
    for ref, sha in SHA.items():
        assert sha in text, ref                  # all 64 hex digits
        assert f"rec-{ref}" in text
    for seq in (11, 12, 13, 14):
        assert f"{DEVICE}·{seq}" in text
    assert "已被第2行的更正替代，未采用" in text   # the corrected record, shown, not used
    assert text.count("采用") - text.count("未采用") >= 3


def test_chinese_paper_states_the_case_sums_and_rules(zh_pdf):
    text = text_of(zh_pdf)
    assert "供热室温退费裁定书（按户案件）" in text and "不退费" not in text
    assert "裁定书编号：2026-2027-000007" in text
    assert "长春市朝阳区人民大街示范小区1栋2单元301室" in text and "长春热力" in text
    assert "2026-12-01至2026-12-08（裁定日2026-12-10）" in text
    assert "12345/T-00042" in text and "2026-12-0107:30" in text          # the ticket
    assert "stop-0001" in text and "管网抢修" in text                    # the stop
    # the legend of the chart
    assert "不达标" in text and "企业停热" in text
    # the day runs: count × per day = subtotal, their total the amount
    assert "2026-12-01至2026-12-044不达标rec-A2601.164.64" in text
    assert "2026-12-051不达标rec-B300.580.58" in text
    assert "2026-12-06至2026-12-083企业停热stop-00013027.8083.40" in text
    assert "合计888.62" in text
    # the room lines of each failing run, and the stop's raise
    assert "卧室1（卧室）12.015.0601.16" in text
    assert "卧室1（卧室）12.016.5300.58" in text
    assert "2×日单价×供热面积86.5m²=27.80元" in text and "SHA-256：" in text
    assert "人民币88.62元" in text and "大写金额捌拾捌元陆角贰分" in text
    assert "裁定：由供热企业向用户退还供热费人民币88.62元。" in text
    assert "长城乡联规〔2020〕2号" in text and "王科长" in text           # the rules cited
    assert "签发人：刘明" in text and "签发日期：2026-12-1010:00" in text
    assert "案件h0123456789abcdef0123-2026-2027-1" in text                # the footer


def test_english_paper_has_no_chinese_fixed_words(en_pdf):
    text = text_of(en_pdf)
    assert "Refundrulingonahousehold'scase" in text
    for sha in SHA.values():
        assert sha in text
    assert "supersededbyno.2,notused" in text
    assert "88.62yuan(RMB)" in text and "failing" in text and "companystop" in text
    assert "大写" not in text and "捌" not in text and "裁定" not in text
    assert "不达标" not in text and "采用" not in text
    # recorded words (address, names, the stop's cause) are printed as recorded
    fixed = re.sub("长春市朝阳区人民大街示范小区1栋2单元301室|长春热力|管网抢修|卧室1|客厅|刘明|王科长|朝阳区"
                   "|（|）|〔|〕", "", text)
    assert not re.search(r"[\u4e00-\u9fff]", fixed), re.findall(r"[\u4e00-\u9fff]+", fixed)


def test_same_input_same_bytes(zh_pdf, en_pdf):
    assert render_case_ruling(ruling(), detail(), CC, **ISSUE) == zh_pdf
    assert render_case_ruling(ruling(), detail(), CC, "en", **ISSUE) == en_pdf
    assert render_case_ruling(ruling(), detail(), CC,
                              **{**ISSUE, "number": "X"}) != zh_pdf


def test_unconfirmed_rule_says_so_and_no_refund_gives_the_reason():
    odd = ruling()
    odd.update(decision="no_refund", reason_code="no_failing_days", amount_total="0.00",
               days=[], start=None, end=None, failing_days=0, stop_days=0, citations={})
    text = text_of(render_case_ruling(odd, detail(), CC, **ISSUE))
    assert "供热室温不退费裁定书（按户案件）" in text and "裁定：不予退费。" in text
    assert "计算期间内没有不达标日。" in text and "无不达标期间" in text
    assert "本条规则数据尚未经主管部门确认" in text       # Changchun's refund rule as shipped
    assert "大写金额零元整" in text


def test_room_lines_are_left_out_when_they_do_not_add_up():
    odd = ruling()
    for d in odd["days"][:4]:
        d["amount"] = "1.17"          # not what the rooms give: only the day is printed
    odd["amount_total"] = "88.66"
    text = text_of(render_case_ruling(odd, detail(), CC, **ISSUE))
    assert "2026-12-01至2026-12-044不达标rec-A2601.174.68" in text
    assert "卧室1（卧室）12.015.0601.16" not in text
    assert "卧室1（卧室）12.016.5300.58" in text


def test_a_long_case_fits_its_chart_and_pages():
    long = ruling()
    long["days"] = [{"day": f"2026-{m:02d}-{d:02d}", "status": "fail", "basis": long["tests"][1]
                     ["ref"], "share": "0.60", "amount": "1.16"}
                    for m, last in ((11, 30), (12, 31), (1, 31), (2, 28), (3, 31))
                    for d in range(1, last + 1)]
    for d in long["days"]:
        if d["day"].startswith("2026-01") or d["day"].startswith("2026-02") or \
                d["day"].startswith("2026-03"):
            d["day"] = "2027" + d["day"][4:]
    pdf = render_case_ruling(long, detail(), CC, **ISSUE)
    assert len(page_texts(pdf)) <= 4
    assert "2026-11-01至2026-11-3030" in text_of(pdf)


def test_day_runs_split_at_a_change_a_gap_or_a_month():
    days = [{"day": d, "status": "fail", "basis": "x", "share": "0.3", "amount": "0.58"}
            for d in ("2026-11-29", "2026-11-30", "2026-12-01", "2026-12-03")]
    runs = day_runs(reversed(days))
    assert [(r.first.isoformat(), r.count, r.subtotal) for r in runs] == [
        ("2026-11-29", 2, Decimal("1.16")), ("2026-12-01", 1, Decimal("0.58")),
        ("2026-12-03", 1, Decimal("0.58"))]


def test_an_unknown_language_is_refused():
    with pytest.raises(SlipError):
        render_case_ruling(ruling(), detail(), CC, "fr", **ISSUE)


def test_month_mean_room_lines_use_the_month_s_tests():
    """Changchun bases the band on the month's mean: the bedroom's December tests 15.0, 16.5 and
    18.6 °C average 16.7 °C → 30 %: 0.1607 × 12.0 × 0.30 = 0.58 a day on every failing day."""
    month = ruling()
    month["band_basis"] = "month_mean"
    for d in month["days"][:5]:
        d.update(share="0.30", amount="0.58")
    text = text_of(render_case_ruling(month, detail(), CC, **ISSUE))
    assert "按当月各次检测的房间平均温度的平均值定档" in text
    assert "2026-12-01至2026-12-044不达标rec-A2300.582.32" in text
    assert text.count("卧室1（卧室）12.016.7300.58") == 1    # the month's days share one block
    assert "2026-12-01至2026-12-05：各室按当月各次检测平均温度的平均值定档" in text
    assert "15.0601.16" not in text


def test_notes_and_refused_tests_are_worded():
    odd = ruling()
    odd["notes"] = ["profile_version_differs:" + odd["tests"][2]["ref"] + ":2025.1→2026.1",
                    "stop_too_short:stop-0002", "capped_at_season_fee", "something_new"]
    odd["tests"][2]["refused"] = True
    text = text_of(render_case_ruling(odd, detail(), CC, **ISSUE))
    assert "记录rec-B检测时规则版本为2025.1，本裁定按现行版本2026.1计算。" in text
    assert "停热stop-0002不足48小时，不加计。" in text
    assert "退费以不达标面积一个供暖期的供热费为限。" in text and "something_new" in text
    assert "采用（用户拒绝签字）" in text


def two_runs() -> dict:
    """The paper ruling with a passing day between two failing runs: 1–4 Dec on record A2 (60 %,
    1.16 a day: 4.64), 5 Dec passing, 6–8 Dec on record B (30 %, 0.58 a day: 1.74); 6.38."""
    odd = ruling()
    odd["days"] = odd["days"][:4] + [
        {"day": "2026-12-05", "status": "pass", "basis": B, "share": "0", "amount": "0.00"}] + [
        {"day": f"2026-12-0{d}", "status": "fail", "basis": B, "share": "0.30", "amount": "0.58"}
        for d in (6, 7, 8)]
    odd.update(runs=[["2026-12-01", "2026-12-04"], ["2026-12-06", "2026-12-08"]], stops=[],
               stop_days=0, failing_days=7, amount_total="6.38")
    return odd


ZH_ONLY = re.compile(r"[\u4e00-\u9fff]")
EN_WORDS = ("failing", "passing", "Total", "Period", "ruling date", "days", "yuan", "Record",
            "Ruling", "Basis", "Count")


def test_each_failing_run_is_printed_with_its_days_and_basis_in_both_languages():
    zh = [squash(p) for p in page_texts(render_case_ruling(two_runs(), detail(), CC, **ISSUE))]
    text = "".join(zh)
    # the case's failing runs, each with its length, not one period over the passing day
    assert "计算期间2026-12-01至2026-12-04（4天）；2026-12-06至2026-12-08（3天）（裁定日2026-12-10）" \
        in text
    # each run in the day table: from, to, days, the basis record, its share, per day, subtotal
    assert "2026-12-01至2026-12-044不达标rec-A2601.164.64" in text
    assert "2026-12-051达标rec-B00.000.00" in text
    assert "2026-12-06至2026-12-083不达标rec-B300.581.74" in text
    assert "人民币6.38元" in text
    en = [squash(p) for p in page_texts(render_case_ruling(two_runs(), detail(), CC, "en",
                                                           **ISSUE))]
    text = "".join(en)
    assert "Periodruled2026-12-01to2026-12-04(4days);2026-12-06to2026-12-08(3days)(rulingdate" \
           "2026-12-10)" in text
    assert "2026-12-01–2026-12-044failingrec-A2601.164.64" in text
    assert "2026-12-06–2026-12-083failingrec-B300.581.74" in text
    # one language a page: no English label on a Chinese page, no Chinese word on an English
    # one but the recorded address, names and rooms
    for page in zh:
        assert not [w for w in EN_WORDS if w.replace(" ", "") in page], page
    for page in en:
        fixed = re.sub("长春市朝阳区人民大街示范小区1栋2单元301室|长春热力|卧室1|客厅|刘明|王科长|朝阳区"
                       "|（|）|〔|〕", "", page)
        assert not ZH_ONLY.search(fixed), ZH_ONLY.findall(fixed)
