"""The fine for a late start or an early stop of heating (《吉林省城市供热条例》 Art. 33).

The article, as the Jilin reply 吉建议〔2024〕12号 quotes it: "推迟开始供热或者提前停止供热的，由县级以上
人民政府城市供热主管部门处以应当供热而未供热期间热费总额二倍以上十倍以下的罚款" — a fine of 2 to 10 times
the heat fee of the period that should have been heated and was not. Pure: the office stores the
periods and the drafts, this module only counts.

Definitions (the penalty notice prints them):
- **Days not heated**: a late start, `actual_start − announced_start` days (heat was due from the
  announced day and came on the actual one); an early stop, `announced_end − actual_end` days.
  None (or a negative count) means there was no late start or early stop: no notice.
- **Heat fee of those days** for the period's area:
  `fee = fee_per_m2 × heated_area_m2 × days ÷ period_days`, rounded half up to 0.01 yuan, where
  `fee_per_m2` is the season's heat fee per m² and `period_days` the days of this period's own
  announced heating, `announced_end − announced_start + 1`: the fee per m² pays for the heating
  the company announced, so one day of it is that fee over those days (not over the profile's
  `season_days`, which may differ from what this company announced).
- **Fine range**: `multiple_min × fee` to `multiple_max × fee` (profile `[penalty]`, Changchun 2
  and 10); the supervisor chooses a multiple within it, with a reason; the fine is
  `multiple × fee` rounded half up to 0.01 yuan.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile
from inspector_app.core.provenance import CITED, STATUSES, Provenance

LATE_START = "late_start"
EARLY_STOP = "early_stop"
KINDS = (LATE_START, EARLY_STOP)
CENT = Decimal("0.01")
MAX_MULTIPLE = Decimal(100)   # a profile's range beyond this is a typing error
MAX_PERIOD_DAYS = 366          # one heating season (1 July to 30 June) at most


class PenaltyError(InspectionError):
    """A notice that cannot be drafted: no rule, no days not heated, a multiple out of range."""


@dataclass(frozen=True)
class PenaltyRule:
    """The profile's `[penalty]` section: the range of multiples and the article it rests on."""

    multiple_min: Decimal
    multiple_max: Decimal
    provenance: Provenance


@dataclass(frozen=True)
class HeatingPeriod:
    """What the office knows of one company's heating of one area in a season."""

    announced_start: date
    announced_end: date
    actual_start: date | None
    actual_end: date | None
    heated_area_m2: Decimal
    fee_per_m2: Decimal


@dataclass(frozen=True)
class Penalty:
    kind: str
    unheated_from: date         # the first day that should have been heated (late start) or
    unheated_to: date           # the day heat stopped (early stop); `to` is the other end
    days: int
    heated_area_m2: Decimal
    fee_per_m2: Decimal
    period_days: int            # days of the announced heating period, both ends included
    fee: Decimal                # heat fee of the days not heated, yuan
    fine_min: Decimal
    fine_max: Decimal
    multiple_min: Decimal
    multiple_max: Decimal
    multiple: Decimal
    fine: Decimal
    reason: str
    provenance: Provenance

    def to_dict(self) -> dict[str, Any]:
        out = asdict(self)
        for key, value in out.items():
            if isinstance(value, Decimal | date):
                out[key] = str(value)
        out["provenance"] = self.provenance.to_dict()
        return out


def _money(value: Decimal) -> Decimal:
    return value.quantize(CENT, rounding=ROUND_HALF_UP)


def _number(raw: dict, key: str, name: str) -> Decimal:
    value = raw.get(key)
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise PenaltyError(f"规则 {name} 的 penalty.{key} 须为数字",
                           f"profile {name}, key penalty.{key}: must be a number",
                           field=f"penalty.{key}")
    return Decimal(repr(value)) if isinstance(value, float) else Decimal(value)


def penalty_rule(profile: Profile) -> PenaltyRule:
    """The profile's `[penalty]` section, or PenaltyError saying the profile has none."""
    raw = profile.raw.get("penalty")
    if not isinstance(raw, dict):
        raise PenaltyError(
            f"地区规则“{profile.title_zh}”（{profile.name}）没有推迟供热或提前停热的罚款规则"
            "（[penalty] 一节），不能起草处罚通知",
            f"the {profile.title_en} rules ({profile.name}) have no fine for a late start or "
            "early stop of heating (no [penalty] section): no penalty notice can be drafted",
            field="penalty")
    low = _number(raw, "multiple_min", profile.name)
    high = _number(raw, "multiple_max", profile.name)
    if not Decimal(0) < low <= high <= MAX_MULTIPLE:
        raise PenaltyError(f"规则 {profile.name} 的 penalty：倍数须满足 0 < 下限 ≤ 上限 ≤ 100",
                           f"profile {profile.name}, [penalty]: multiples must satisfy "
                           "0 < min ≤ max ≤ 100", field="penalty.multiple_min")
    status = raw.get("status", "unconfirmed")
    if status not in STATUSES:
        status = "unconfirmed"
    provenance = Provenance("penalty", status, str(raw.get("citation_zh") or "").strip(),
                            str(raw.get("citation_en") or "").strip())
    if status == CITED and not (provenance.citation_zh and provenance.citation_en):
        provenance = Provenance("penalty", "unconfirmed")
    return PenaltyRule(low, high, provenance)


def late_until(announced_start: date, announced_end: date, actual_start: date) -> date:
    """The day a late start's unheated days end (exclusive): the actual start, but no later
    than the day after the announced end. A start after the announced period left all of it
    unheated, not more: the fee of the days can never exceed the fee of the period."""
    return max(announced_start, min(actual_start, announced_end + timedelta(days=1)))


def early_from(announced_start: date, announced_end: date, actual_end: date) -> date:
    """The last day heated before an early stop: the actual end, but no earlier than the day
    before the announced start (a stop before the period began left all of it unheated)."""
    return min(announced_end, max(actual_end, announced_start - timedelta(days=1)))


def unheated(kind: str, period: HeatingPeriod) -> tuple[date, date, int]:
    """(from, to, days) of heat not given: late start announced_start → actual_start, early stop
    actual_end → announced_end; PenaltyError when there is none (or the actual day is unknown)."""
    if kind == LATE_START:
        if period.actual_start is None:
            raise PenaltyError("尚未登记实际开始供热日期", "the actual start of heating is not "
                               "entered yet", field="actual_start")
        low, high = period.announced_start, late_until(period.announced_start,
                                                       period.announced_end,
                                                       period.actual_start)
        none_zh, none_en = "实际开始供热不晚于公布日期：没有推迟供热", "heating started on or before " \
            "the announced day: there was no late start"
    elif kind == EARLY_STOP:
        if period.actual_end is None:
            raise PenaltyError("尚未登记实际停止供热日期", "the actual end of heating is not "
                               "entered yet", field="actual_end")
        low, high = early_from(period.announced_start, period.announced_end,
                               period.actual_end), period.announced_end
        none_zh, none_en = "实际停止供热不早于公布日期：没有提前停热", "heating stopped on or after " \
            "the announced day: there was no early stop"
    else:
        raise PenaltyError(f"处罚类型只能是 late_start 或 early_stop：{kind!r}",
                           f"the kind must be late_start or early_stop, not {kind!r}",
                           field="kind")
    days = (high - low).days
    if days <= 0:
        raise PenaltyError(none_zh, none_en, field="kind")
    return low, high, days


def period_days(period: HeatingPeriod) -> int:
    """Days of the announced heating, both ends included: the days the fee per m² pays for.
    PenaltyError for an end before the start or a period longer than one season (the divisor
    of the fee would be meaningless)."""
    days = (period.announced_end - period.announced_start).days + 1
    if days < 1:
        raise PenaltyError(f"公布的停止供热日期（{period.announced_end}）早于开始日期"
                           f"（{period.announced_start}）",
                           f"the announced end ({period.announced_end}) is before the announced "
                           f"start ({period.announced_start})", field="announced_end")
    if days > MAX_PERIOD_DAYS:
        raise PenaltyError(f"公布的供热期 {days} 日，超过一个供暖季（至多 {MAX_PERIOD_DAYS} 日）：请核对日期",
                           f"the announced heating period of {days} days is longer than a "
                           f"season (at most {MAX_PERIOD_DAYS}): check the dates",
                           field="announced_end")
    return days


def parse_multiple(text: str) -> Decimal:
    """A multiple as typed ('3', '2.5'), or PenaltyError."""
    try:
        value = Decimal(str(text).strip())
    except InvalidOperation as exc:
        raise PenaltyError(f"倍数应为数字，如 3 或 2.5：{text!r}",
                           f"the multiple must be a number such as 3 or 2.5: {text!r}",
                           field="multiple") from exc
    if not value.is_finite() or abs(value) > MAX_MULTIPLE or value != value.quantize(CENT):
        raise PenaltyError(f"倍数应为不超过 {MAX_MULTIPLE} 的数字，至多两位小数：{text!r}",
                           f"the multiple is a number up to {MAX_MULTIPLE} with at most two "
                           f"decimal places: {text!r}",
                           field="multiple")
    return value


def compute_penalty(kind: str, period: HeatingPeriod, rule: PenaltyRule, multiple: Decimal,
                    reason: str) -> Penalty:
    """The draft's figures; PenaltyError for no days not heated, a multiple outside the rule's
    range, an empty reason or impossible period figures (area, fee, announced days)."""
    if not reason.strip():
        raise PenaltyError("请写明选择该倍数的理由", "give the reason for the chosen multiple",
                           field="reason")
    if period.heated_area_m2 <= 0 or period.fee_per_m2 <= 0:
        raise PenaltyError("供热面积与每平方米热费须大于零",
                           "the heated area and the fee per m² must be above zero",
                           field="heated_area_m2")
    basis = period_days(period)
    low, high, days = unheated(kind, period)
    if not rule.multiple_min <= multiple <= rule.multiple_max:
        raise PenaltyError(
            f"倍数 {multiple} 不在规则范围 {rule.multiple_min}–{rule.multiple_max} 倍之内",
            f"the multiple {multiple} is outside the rule's range {rule.multiple_min} to "
            f"{rule.multiple_max}", field="multiple")
    fee = _money(period.fee_per_m2 * period.heated_area_m2 * days / Decimal(basis))
    return Penalty(kind=kind, unheated_from=low, unheated_to=high, days=days,
                   heated_area_m2=period.heated_area_m2, fee_per_m2=period.fee_per_m2,
                   period_days=basis, fee=fee,
                   fine_min=_money(rule.multiple_min * fee),
                   fine_max=_money(rule.multiple_max * fee),
                   multiple_min=rule.multiple_min, multiple_max=rule.multiple_max,
                   multiple=multiple, fine=_money(multiple * fee), reason=reason.strip(),
                   provenance=rule.provenance)
