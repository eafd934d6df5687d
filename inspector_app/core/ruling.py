"""The district office's refund ruling (退费裁定), worked out from one sealed record.

The sealed record fixes what was measured (each room's shown mean and verdict); the ruling adds
what the supervisor decides: the daily unit price and the number of failing days. The profile's
bands are applied again to the shown means, so a ruling always states which band gave which
share, and the sum can be redone by hand: per room and day, fee × area × share rounded to the
fen; times the failing days. Pure: no Qt, no I/O, no clock (the caller passes `today`).
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from inspector_app.core.decimal_math import dec, round_to
from inspector_app.core.errors import InspectionError
from inspector_app.core.profile import Profile, RefundBand
from inspector_app.core.verdict import FAIL, INCOMPLETE, PASS, band_for

REFUND, NO_REFUND = "refund", "no_refund"
REASONS = ("refund", "all_rooms_pass", "resident_refused", "no_band", "zero_days")
MAX_DAILY_FEE = Decimal(100)
ZERO = Decimal(0)
TRAINING_NOTE = "training"
CENT = 2


@dataclass(frozen=True)
class RulingInput:
    """What the supervisor may change before issuing the ruling."""

    daily_fee_per_m2: Decimal   # yuan per m² per day
    failing_days: int           # 0 ≤ days ≤ profile.season_days


@dataclass(frozen=True)
class RulingRoom:
    """One room as ruled. `share` is zero when the room passes, has no band, or the ruling
    grants nothing (resident refused); `per_day` = fee × area × share, `amount` = per_day × days,
    each rounded to 0.01 yuan half-up."""

    room_id: str
    name: str
    kind: str
    area_m2: Decimal
    mean_c: Decimal | None
    verdict: str
    band: str            # the band's range in words ("16.0–<18.0 °C"), "" when none applies
    share: Decimal
    per_day: Decimal
    amount: Decimal


@dataclass(frozen=True)
class Ruling:
    record_id: str
    record_sha256: str
    profile_name: str
    profile_version: str
    decision: str        # "refund" | "no_refund"
    reason_code: str     # one of REASONS
    daily_fee_per_m2: Decimal
    failing_days: int
    rooms: tuple[RulingRoom, ...]
    per_day_total: Decimal
    amount_total: Decimal
    notes: tuple[str, ...]
    # section -> core.provenance.Provenance.to_dict() of the rules the ruling rests on, as the
    # office held them when it ruled (a confirmation names who confirmed and when)
    citations: dict[str, dict[str, str]] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        """JSON-safe: Decimals as strings, rooms as a list of dicts, notes as a list."""
        out: dict[str, Any] = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if f.name == "rooms":
                value = [{rf.name: _plain(getattr(r, rf.name)) for rf in fields(RulingRoom)}
                         for r in value]
            elif f.name == "notes":
                value = list(value)
            elif f.name == "citations":
                value = {k: dict(v) for k, v in value.items()}
            out[f.name] = _plain(value)
        return out

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Ruling:
        """The inverse of `to_dict`."""
        rooms = tuple(
            RulingRoom(
                room_id=str(r["room_id"]), name=str(r["name"]), kind=str(r["kind"]),
                area_m2=Decimal(r["area_m2"]),
                mean_c=None if r["mean_c"] is None else Decimal(r["mean_c"]),
                verdict=str(r["verdict"]), band=str(r["band"]), share=Decimal(r["share"]),
                per_day=Decimal(r["per_day"]), amount=Decimal(r["amount"]))
            for r in d["rooms"])
        return cls(
            record_id=str(d["record_id"]), record_sha256=str(d["record_sha256"]),
            profile_name=str(d["profile_name"]), profile_version=str(d["profile_version"]),
            decision=str(d["decision"]), reason_code=str(d["reason_code"]),
            daily_fee_per_m2=Decimal(d["daily_fee_per_m2"]),
            failing_days=int(d["failing_days"]), rooms=rooms,
            per_day_total=Decimal(d["per_day_total"]), amount_total=Decimal(d["amount_total"]),
            notes=tuple(str(n) for n in d["notes"]),
            citations={str(k): dict(v) for k, v in (d.get("citations") or {}).items()})


def _plain(value: Any) -> Any:
    return str(value) if isinstance(value, Decimal) else value


def _refuse(zh: str, en: str, field: str) -> InspectionError:
    return InspectionError(zh, en, field=field)


def band_label(profile: Profile, band: RefundBand | None) -> str:
    """The band's range in words, Chinese first: "16.0–<18.0 °C", "<14.0 °C",
    "低于标准 2.0–6.0 °C", "低于标准 >6.0 °C"; "" for no band."""
    if band is None:
        return ""
    if profile.refund_basis == "below_standard":
        i = profile.refund_bands.index(band)
        prev = next((b.below_max_c for b in reversed(profile.refund_bands[:i])
                     if b.below_max_c is not None), None)
        top = band.below_max_c
        if top is None:
            span = f">{prev:.1f}" if prev is not None else ">0"
        elif prev is None:
            span = f"≤{top:.1f}"
        else:
            span = f"{prev:.1f}–{top:.1f}"
        return f"低于标准 {span} °C"
    if band.from_c is not None and band.to_c is not None:
        return f"{band.from_c:.1f}–<{band.to_c:.1f} °C"
    if band.to_c is not None:
        return f"<{band.to_c:.1f} °C"
    return f"≥{band.from_c:.1f} °C" if band.from_c is not None else ""


# -- checks --------------------------------------------------------------------------------

def _record(envelope: Any, training_office: bool) -> dict:
    record = envelope.get("record") if isinstance(envelope, dict) else None
    if not isinstance(record, dict):
        raise _refuse("不是已签封的检测记录（缺少 record）",
                      "not a sealed record envelope (no record)", "record")
    if not isinstance(record.get("result"), dict) or not isinstance(
            record["result"].get("rooms"), list):
        raise _refuse("检测记录缺少检测结果，不能裁定", "the record has no result to rule on",
                      "result")
    if is_training(record) and not training_office:
        raise _refuse("培训记录不能作为退费依据",
                      "a training record cannot be the basis of a refund ruling", "training")
    if record["result"].get("verdict") not in (PASS, FAIL):
        raise _refuse("检测未完成（结论为“未完成”），不能作为退费依据",
                      "the test is incomplete and cannot be the basis of a refund ruling",
                      "verdict")
    return record


def _check_profile(record: dict, profile: Profile) -> list[str]:
    sealed = record.get("profile") or {}
    if sealed.get("name") != profile.name:
        raise _refuse(f"地区规则不一致：记录按“{sealed.get('name')}”检测，不能按“{profile.name}”裁定",
                      f"profile mismatch: the record was tested under {sealed.get('name')!r}, "
                      f"not {profile.name!r}", "profile")
    version = sealed.get("version")
    if version != profile.version:
        return [f"profile_version_differs:{version}→{profile.version}"]
    return []


def _check_inputs(inputs: RulingInput, profile: Profile) -> tuple[Decimal, int]:
    try:
        fee = inputs.daily_fee_per_m2
        fee = fee if isinstance(fee, Decimal) else dec(fee)
        fee_ok = fee.is_finite() and ZERO < fee <= MAX_DAILY_FEE
    except (InvalidOperation, TypeError, ValueError):
        fee_ok = False
    if not fee_ok:
        raise _refuse(f"日单价须大于 0 元且不超过 {MAX_DAILY_FEE} 元/(m²·日)",
                      f"the daily fee must be above 0 and at most {MAX_DAILY_FEE} "
                      "yuan per m² per day", "daily_fee_per_m2")
    days = inputs.failing_days
    if isinstance(days, bool) or not isinstance(days, int) or not 0 <= days <= profile.season_days:
        raise _refuse(f"不达标天数须在 0 到 {profile.season_days} 天（一个供暖期）之间",
                      f"failing days must be between 0 and {profile.season_days} "
                      "(one heating season)", "failing_days")
    return fee, days


# -- the ruling ----------------------------------------------------------------------------

def _mean(value: Any) -> Decimal | None:
    try:
        return None if value in (None, "") else Decimal(str(value))
    except InvalidOperation:
        return None


def is_training(record: dict) -> bool:
    return bool(record.get("training") or (record.get("visit") or {}).get("training"))


def compute_ruling(envelope: dict, profile: Profile, inputs: RulingInput, *,
                   training_office: bool = False) -> Ruling:
    """The ruling on one sealed record under `profile` (same name as the record's) and the
    supervisor's `inputs`. Raises InspectionError, in both languages with `field` set, for a
    training or incomplete record, another profile, or inputs out of range.

    `training_office`: an office run for training (`serve --training`) may rule on training
    records so supervisors can practise; such a ruling carries the note "training" and its PDF
    says on every page that it has no effect."""
    record = _record(envelope, training_office)
    notes = _check_profile(record, profile)
    if is_training(record):
        notes.insert(0, TRAINING_NOTE)
    fee, days = _check_inputs(inputs, profile)
    result = record["result"]
    refusal = (record.get("signatures") or {}).get("refusal")
    refused = isinstance(refusal, dict) and profile.refusal_day_counts_as == PASS
    if isinstance(refusal, dict):
        notes.append("resident_refused" if refused else "refusal_counts_as_fail")

    rooms = []
    for r in result["rooms"]:
        mean_c = _mean(r.get("mean"))
        verdict = str(r.get("verdict", INCOMPLETE))
        band = band_for(profile, mean_c) if verdict == FAIL and mean_c is not None else None
        if mean_c is not None and verdict in (PASS, FAIL) and (
                (mean_c < profile.min_temp_c) != (verdict == FAIL)):
            notes.append(f"room_verdict_differs:{r.get('room_id', '')}")
        if verdict == FAIL and band is None:
            notes.append(f"no_band:{r.get('room_id', '')}")
        area = dec(r.get("area_m2") or 0)
        share = band.share if band is not None and not refused else ZERO
        per_day = round_to(fee * area * share, CENT, "half_up")
        rooms.append(RulingRoom(
            room_id=str(r.get("room_id", "")), name=str(r.get("name", "")),
            kind=str(r.get("kind", "")), area_m2=area, mean_c=mean_c, verdict=verdict,
            band=band_label(profile, band), share=share, per_day=per_day,
            amount=round_to(per_day * days, CENT, "half_up")))

    per_day_total = sum((r.per_day for r in rooms), round_to(ZERO, CENT))
    amount_total = sum((r.amount for r in rooms), round_to(ZERO, CENT))
    banded = any(r.band for r in rooms)
    if result["verdict"] == PASS:
        reason = "all_rooms_pass"
    elif refused:
        reason = "resident_refused"
    elif not banded:
        reason = "no_band"
    elif days == 0:
        reason = "zero_days"
    elif amount_total > 0:
        reason = "refund"
    else:                       # a band applies but the sum rounds to nothing
        notes.append("amount_rounds_to_zero")
        reason = "no_band"
    return Ruling(
        record_id=str(record.get("record_id", "")),
        record_sha256=str(envelope.get("sha256", "")),
        profile_name=profile.name, profile_version=profile.version,
        decision=REFUND if amount_total > 0 else NO_REFUND, reason_code=reason,
        daily_fee_per_m2=fee, failing_days=days, rooms=tuple(rooms),
        per_day_total=per_day_total, amount_total=amount_total, notes=tuple(notes))


def _day(value: Any) -> date | None:
    try:
        return datetime.fromisoformat(str(value)).date() if value else None
    except ValueError:
        return None


def default_inputs(envelope: dict, profile: Profile, today: date) -> RulingInput:
    """The inputs a supervisor starts from: the profile's daily fee (to 4 places), and the days
    from the complaint (else the test) up to and including `today`, 1 to season_days."""
    record = envelope.get("record") if isinstance(envelope, dict) else None
    visit = (record or {}).get("visit") or {}
    start = _day(visit.get("complaint_at")) or _day(visit.get("test_at")) or today
    days = min(max((today - start).days + 1, 1), profile.season_days)
    return RulingInput(round_to(profile.daily_fee_per_m2, 4, "half_up"), days)
