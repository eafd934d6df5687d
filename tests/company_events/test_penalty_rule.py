"""The Art. 33 fine on worked numbers, written out (`core.penalty`), and what it refuses."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from inspector_app.core.penalty import (
    EARLY_STOP,
    LATE_START,
    HeatingPeriod,
    PenaltyError,
    compute_penalty,
    parse_multiple,
    penalty_rule,
)
from inspector_app.core.profile import load_profile, profiles_dir

PERIOD = HeatingPeriod(announced_start=date(2025, 10, 20), announced_end=date(2026, 4, 10),
                       actual_start=date(2025, 10, 23), actual_end=date(2026, 4, 5),
                       heated_area_m2=Decimal("12000"), fee_per_m2=Decimal("27"))


def rule():
    return penalty_rule(load_profile("changchun"))


def test_changchun_cites_article_33_as_the_jilin_reply_quotes_it():
    r = rule()
    assert (r.multiple_min, r.multiple_max) == (2, 10)
    assert r.provenance.status == "cited" and r.provenance.settled
    assert "《吉林省城市供热条例》第三十三条" in r.provenance.citation_zh
    assert "吉建议〔2024〕12号" in r.provenance.citation_zh
    assert "二倍以上十倍以下" in r.provenance.citation_zh
    # the article word for word as the reply quotes it (domain file 000_aeb095e229521438.txt),
    # the deciding authority included: a quotation does not drop a clause without saying so
    assert ("推迟开始供热或者提前停止供热的，由县级以上人民政府城市供热主管部门处以应当供热而未供热期间"
            "热费总额二倍以上十倍以下的罚款") in r.provenance.citation_zh
    assert "heating authority" in r.provenance.citation_en
    assert "Art. 33" in r.provenance.citation_en and "Ji Jian Yi [2024] No. 12" in \
        r.provenance.citation_en


def test_a_late_start_of_three_days():
    # announced 20 Oct 2025 → 10 Apr 2026: 12 + 30 + 31 + 31 + 28 + 31 + 10 = 173 days heated
    # announced 20 Oct, started 23 Oct: 20, 21, 22 Oct not heated → 3 days
    # fee = 27 yuan/m² × 12 000 m² × 3 ÷ 173 = 972 000 ÷ 173 = 5618.497… → 5618.50 yuan
    # range 2 × 5618.50 = 11 237.00 to 10 × 5618.50 = 56 185.00; chosen 3 × → 16 855.50
    p = compute_penalty(LATE_START, PERIOD, rule(), Decimal("3"), "首次推迟，已整改")
    assert (p.unheated_from, p.unheated_to, p.days) == (date(2025, 10, 20),
                                                        date(2025, 10, 23), 3)
    assert p.period_days == 173
    assert p.fee == Decimal("5618.50")
    assert (p.fine_min, p.fine_max) == (Decimal("11237.00"), Decimal("56185.00"))
    assert p.fine == Decimal("16855.50") and p.reason == "首次推迟，已整改"


def test_an_early_stop_of_five_days_with_a_fractional_multiple():
    # announced end 10 Apr, stopped 5 Apr → 5 days
    # fee = 27 × 12 000 × 5 ÷ 173 = 1 620 000 ÷ 173 = 9364.161… → 9364.16 yuan
    # 2.5 × 9364.16 = 23 410.40
    p = compute_penalty(EARLY_STOP, PERIOD, rule(), Decimal("2.5"), "reason")
    assert (p.days, p.fee, p.fine) == (5, Decimal("9364.16"), Decimal("23410.40"))
    assert (p.fine_min, p.fine_max) == (Decimal("18728.32"), Decimal("93641.60"))
    assert p.to_dict()["fee"] == "9364.16" and p.to_dict()["period_days"] == 173
    assert p.to_dict()["provenance"]["status"] == "cited"


def test_the_fee_is_divided_by_the_days_announced_not_by_the_profiles_season():
    # the same 3 days late, but the company announced 1 Nov 2025 → 31 Mar 2026: 151 days
    # fee = 27 × 12 000 × 3 ÷ 151 = 972 000 ÷ 151 = 6437.086… → 6437.09 (÷ 168 would be 5785.71)
    short = replace(PERIOD, announced_start=date(2025, 11, 1), announced_end=date(2026, 3, 31),
                    actual_start=date(2025, 11, 4))
    p = compute_penalty(LATE_START, short, rule(), Decimal("3"), "r")
    assert (p.days, p.period_days, p.fee, p.fine) == (3, 151, Decimal("6437.09"),
                                                      Decimal("19311.27"))


def test_an_announced_period_of_a_whole_leap_season_is_the_longest_allowed():
    year = replace(PERIOD, announced_start=date(2027, 7, 1), announced_end=date(2028, 6, 30),
                   actual_start=date(2027, 7, 2), actual_end=None)
    assert compute_penalty(LATE_START, year, rule(), Decimal("2"), "r").period_days == 366
    with pytest.raises(PenaltyError) as err:
        compute_penalty(LATE_START, replace(year, announced_end=date(2028, 7, 1)), rule(),
                        Decimal("2"), "r")
    assert err.value.field == "announced_end" and "366" in err.value.message_zh


def test_a_start_after_the_announced_period_counts_that_period_and_no_more():
    # announced 20 Oct → 30 Nov 2025: 12 + 30 = 42 days; heating began only on 5 Dec
    # not heated: the whole 42 days announced (not 5 Dec − 20 Oct = 46)
    # fee = 27 × 12 000 × 42 ÷ 42 = 324 000.00 yuan, the whole period's fee for the area
    short = replace(PERIOD, announced_end=date(2025, 11, 30), actual_start=date(2025, 12, 5),
                    actual_end=date(2026, 3, 1))
    p = compute_penalty(LATE_START, short, rule(), Decimal("2"), "r")
    assert (p.days, p.period_days, p.fee) == (42, 42, Decimal("324000.00"))
    assert (p.unheated_from, p.unheated_to) == (date(2025, 10, 20), date(2025, 12, 1))


def test_a_stop_before_the_announced_period_counts_that_period_and_no_more():
    # announced 1 Nov 2025 → 31 Mar 2026: 151 days; heated 10 Oct to 25 Oct only
    # not heated: the whole 151 days (not 31 Mar − 25 Oct = 157); fee = 27 × 12 000
    late = replace(PERIOD, announced_start=date(2025, 11, 1), announced_end=date(2026, 3, 31),
                   actual_start=date(2025, 10, 10), actual_end=date(2025, 10, 25))
    p = compute_penalty(EARLY_STOP, late, rule(), Decimal("2"), "r")
    assert (p.days, p.period_days, p.fee) == (151, 151, Decimal("324000.00"))


@pytest.mark.parametrize("multiple", ["2", "10"])
def test_the_ends_of_the_range_are_allowed(multiple):
    assert compute_penalty(LATE_START, PERIOD, rule(), Decimal(multiple), "r").multiple == \
        Decimal(multiple)


@pytest.mark.parametrize(("kind", "period", "multiple", "reason", "field"), [
    (LATE_START, PERIOD, "1.99", "r", "multiple"),
    (LATE_START, PERIOD, "10.01", "r", "multiple"),
    (LATE_START, PERIOD, "3", "  ", "reason"),
    (LATE_START, replace(PERIOD, actual_start=None), "3", "r", "actual_start"),
    (LATE_START, replace(PERIOD, actual_start=date(2025, 10, 20)), "3", "r", "kind"),
    (LATE_START, replace(PERIOD, actual_start=date(2025, 10, 18)), "3", "r", "kind"),
    (EARLY_STOP, replace(PERIOD, actual_end=None), "3", "r", "actual_end"),
    (EARLY_STOP, replace(PERIOD, actual_end=date(2026, 4, 10)), "3", "r", "kind"),
    ("late", PERIOD, "3", "r", "kind"),
    (LATE_START, replace(PERIOD, heated_area_m2=Decimal(0)), "3", "r", "heated_area_m2"),
    (LATE_START, replace(PERIOD, announced_end=date(2025, 10, 19)), "3", "r", "announced_end"),
    (EARLY_STOP, replace(PERIOD, announced_start=date(2025, 4, 9)), "3", "r", "announced_end"),
])
def test_refusals_name_what_is_wrong_in_both_languages(kind, period, multiple, reason, field):
    with pytest.raises(PenaltyError) as err:
        compute_penalty(kind, period, rule(), Decimal(multiple), reason)
    assert err.value.field == field
    assert err.value.message_zh != err.value.message_en


@pytest.mark.parametrize("text", ["abc", "NaN", "Infinity", "1e999", "3.333", "101", ""])
def test_a_multiple_that_is_not_a_plain_number_is_refused(text):
    with pytest.raises(PenaltyError) as err:
        parse_multiple(text)
    assert err.value.field == "multiple"


def test_a_profile_without_a_penalty_section_refuses_with_a_clear_message():
    with pytest.raises(PenaltyError) as err:
        penalty_rule(load_profile("harbin"))
    assert "[penalty]" in err.value.message_zh and "no fine for a late start" in \
        err.value.message_en


def test_a_penalty_section_that_does_not_add_up_is_refused(tmp_path: Path):
    for f in profiles_dir().glob("*.toml"):
        (tmp_path / f.name).write_text(f.read_text(encoding="utf-8"), encoding="utf-8")
    (tmp_path / "yanji.toml").write_text(
        'extends = "changchun"\n[profile]\nname = "yanji"\nsource = "test"\n'
        '[penalty]\nmultiple_min = 10\nmultiple_max = 2\nsource = "a draft"\n',
        encoding="utf-8")
    with pytest.raises(PenaltyError):
        penalty_rule(load_profile("yanji", tmp_path))
    (tmp_path / "yanji.toml").write_text(
        'extends = "changchun"\n[profile]\nname = "yanji"\nsource = "test"\n'
        '[penalty]\nmultiple_min = 2\nmultiple_max = 5\nsource = "a draft"\n',
        encoding="utf-8")
    redrafted = penalty_rule(load_profile("yanji", tmp_path))
    assert redrafted.multiple_max == 5
    assert redrafted.provenance.status == "unconfirmed"   # changed without restating: no citation
