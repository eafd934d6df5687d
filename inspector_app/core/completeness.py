"""What a visit still lacks before it may be sealed, as a list of messages in both languages.

One rule for every caller: the seal refuses with it (`seal.record.seal_visit`), the wizard's step
rail counts it per step, the CLI prints it. Training visits obey the same rule: training is
practice of the real thing, so a practice record that could never pass as a real one teaches
nothing. Only the instrument's certificate is waived for training (an expired certificate is what
makes a visit training in the first place).

A visit may be sealed when its details are complete and in order (complaint ≤ contact ≤ arrival
≤ test start ≤ now, allowing `CLOCK_SKEW` for the laptop's clock), its preconditions are met or
an exemption from the profile names the reason, every room kind the profile tests is present and
every point is measured; or when the resident refused with a witness's signature, which waives
the measuring (a refusal day counts as the profile says) but never the details.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime, timedelta

from inspector_app.core import validation as v
from inspector_app.core.errors import InspectionError, ProcedureError
from inspector_app.core.model import (
    CHANNELS,
    POSITION_FLAGS,
    ROOM_KIND_ZH,
    TICKET_REF_KEYS,
    Visit,
)
from inspector_app.core.profile import Profile, points_for_area

CLOCK_SKEW = timedelta(minutes=5)
STEPS = ("instrument", "details", "preconditions", "rooms", "measure")
ROOM_KIND_EN = {"bedroom": "bedroom", "living_room": "living room", "other": "other room"}


@dataclass(frozen=True)
class Missing:
    """One thing the record lacks: which wizard step holds it, which field, and why."""

    step: str
    field: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en


class IncompleteVisit(ProcedureError):
    """Sealing refused: `missing` lists everything still lacking, in both languages."""

    def __init__(self, missing: list[Missing]) -> None:
        self.missing = list(missing)
        super().__init__(
            "记录不完整，不能签封：" + "；".join(m.message_zh for m in missing),
            "the record is incomplete and cannot be sealed: "
            + "; ".join(m.message_en for m in missing),
            field=missing[0].field if missing else None)


def _collect(step: str, out: list[Missing], check: Callable[[], object]) -> None:
    """Run one raising check from the model's validators and keep its refusal as a Missing."""
    try:
        check()
    except InspectionError as exc:
        out.append(Missing(step, exc.field or "", exc.message_zh, exc.message_en))


def _fmt(when: datetime) -> str:
    return f"{when:%Y-%m-%d %H:%M}"


TIMES = (("complaint_at", "投诉时间", "complaint time"), ("contact_at", "联系时间", "contact time"),
         ("arrival_at", "到达时间", "arrival time"), ("test_at", "检测开始时间", "test start time"))


def details_missing(visit: Visit, now: datetime) -> list[Missing]:
    """Step 2: the complaint, the home, the resident, the times and the outdoor temperature."""
    out: list[Missing] = []
    step = "details"
    for value, field, zh in ((visit.ticket, "ticket", "投诉工单号"),
                             (visit.address.street, "address.street", "街道/路名"),
                             (visit.address.building, "address.building", "楼栋号"),
                             (visit.address.flat, "address.flat", "门牌（室）号"),
                             (visit.resident_name, "resident_name", "用户姓名"),
                             (visit.company, "company", "供热企业"),
                             (visit.inspector, "inspector", "检测人员")):
        _collect(step, out, lambda value=value, field=field, zh=zh: v.require_text(value, field, zh))
    if visit.channel not in CHANNELS:
        out.append(Missing(step, "channel", f"未知投诉渠道 {visit.channel}",
                           f"unknown channel {visit.channel!r}"))
    _collect(step, out, lambda: v.normalise_phone(visit.resident_phone))
    _collect(step, out, lambda: v.check_area(visit.heated_area_m2, field="heated_area_m2"))
    unknown = sorted(set(visit.position) - POSITION_FLAGS.keys())
    if unknown:
        out.append(Missing(step, "position", f"未知房屋位置 {unknown}", f"unknown position {unknown}"))
    if visit.outdoor_temp_c is None:
        out.append(Missing(step, "outdoor_temp_c", "请填写室外温度", "outdoor temperature is required"))
    else:
        _collect(step, out, lambda: v.check_reading(visit.outdoor_temp_c, field="outdoor_temp_c"))
    out.extend(ticket_ref_missing(visit))
    out.extend(_times_missing(visit, now))
    return out


def ticket_ref_missing(visit: Visit) -> list[Missing]:
    """A visit started from a dispatched ticket keeps the ticket's channel, number and
    complaint time exactly as the office signed them (`visit.ticket_ref`); a walk-in visit
    (no ref) has nothing to match. Whether the signature itself holds is the seal's check
    (it needs the office key pinned on the laptop)."""
    ref = visit.ticket_ref
    if ref is None:
        return []
    step = "details"
    lacking = ([k for k in TICKET_REF_KEYS if ref.get(k) in (None, "")]
               if isinstance(ref, dict) else list(TICKET_REF_KEYS))
    if lacking:
        return [Missing(step, "ticket_ref", "派单工单信息不完整：缺少 " + "、".join(lacking),
                        "the dispatched ticket's reference is incomplete: missing "
                        + ", ".join(lacking))]
    out: list[Missing] = []
    key = f"{ref['channel']}/{ref['ticket']}"
    if visit.channel != ref["channel"]:
        out.append(Missing(step, "channel",
                           f"投诉渠道（{visit.channel}）与派单工单 {key} 的渠道（{ref['channel']}）不一致",
                           f"the channel ({visit.channel}) differs from that of the dispatched "
                           f"ticket {key} ({ref['channel']})"))
    if visit.ticket != ref["ticket"]:
        out.append(Missing(step, "ticket",
                           f"投诉工单号（{visit.ticket}）与派单工单 {key} 的工单号不一致",
                           f"the ticket number ({visit.ticket}) differs from the dispatched "
                           f"ticket {key}"))
    typed = visit.complaint_at.isoformat() if visit.complaint_at else ""
    if typed != ref["complaint_at"]:
        out.append(Missing(step, "complaint_at",
                           f"投诉时间（{typed or '未填写'}）与派单工单 {key} 的投诉时间"
                           f"（{ref['complaint_at']}）不一致：投诉时间取自工单，不能修改",
                           f"the complaint time ({typed or 'none'}) differs from that of the "
                           f"dispatched ticket {key} ({ref['complaint_at']}): it comes from the "
                           "ticket and cannot be changed"))
    return out


def _times_missing(visit: Visit, now: datetime) -> list[Missing]:
    """Each time given, in causal order, none in the future beyond the allowed clock skew."""
    out: list[Missing] = []
    latest = now + CLOCK_SKEW
    previous: tuple[datetime, str, str] | None = None
    for field, zh, en in TIMES:
        when = getattr(visit, field)
        if when is None:
            step = "preconditions" if field == "test_at" else "details"
            out.append(Missing(step, field, f"请填写{zh}", f"{en} is required"))
            continue
        if when > latest:
            out.append(Missing("details", field, f"{zh}（{_fmt(when)}）晚于现在",
                               f"{en} ({_fmt(when)}) is in the future"))
        if previous is not None and when < previous[0]:
            out.append(Missing("details", field,
                               f"{zh}（{_fmt(when)}）早于{previous[1]}（{_fmt(previous[0])}）",
                               f"{en} ({_fmt(when)}) is before the {previous[2]} "
                               f"({_fmt(previous[0])})"))
        previous = (when, zh, en)
    return out


def instrument_missing(visit: Visit) -> list[Missing]:
    """Step 1: a named instrument; for a formal test, a certificate valid on the test day."""
    out: list[Missing] = []
    inst = visit.instrument
    for value, field, zh in ((inst.model, "instrument.model", "温度计型号"),
                             (inst.serial, "instrument.serial", "温度计编号"),
                             (inst.certificate_no, "instrument.certificate_no",
                              "检定/校准证书编号")):
        _collect("instrument", out, lambda value=value, field=field, zh=zh:
                 v.require_text(value, field, zh))
    if not visit.training and visit.test_at is not None \
            and not inst.certificate_valid_on(visit.test_at.date()):
        out.append(Missing("instrument", "instrument.certificate_expiry",
                           "温度计检定证书在检测当天无效：正式检测不能签封",
                           "the instrument's certificate was not valid on the test day: a formal "
                           "test cannot be sealed"))
    return out


def preconditions_missing(visit: Visit, profile: Profile) -> list[Missing]:
    """Step 3: every precondition met, or an exemption of the profile naming the reason; doors
    and windows closed long enough before the test started."""
    out: list[Missing] = []
    if not visit.exemptions:
        for item in profile.preconditions:
            if not visit.preconditions.get(item.key):
                out.append(Missing("preconditions", f"preconditions.{item.key}",
                                   f"检测前提未满足：{item.zh}（或勾选除外情形）",
                                   f"precondition not met: {item.en} (or tick an exemption)"))
    known = {e.key for e in profile.exemptions}
    for key in visit.exemptions:
        if key not in known:
            out.append(Missing("preconditions", "exemptions", f"未知除外情形 {key}",
                               f"unknown exemption {key!r}"))
    need = timedelta(minutes=profile.min_closed_minutes)
    if visit.closed_since is None:
        out.append(Missing("preconditions", "closed_since", "请填写门窗关闭时间",
                           "the time doors and windows were closed is required"))
    elif visit.test_at is not None and visit.test_at - visit.closed_since < need:
        out.append(Missing("preconditions", "closed_since",
                           f"检测开始时门窗关闭不足 {profile.min_closed_minutes} 分钟",
                           f"doors and windows were closed less than "
                           f"{profile.min_closed_minutes} min before the test started"))
    return out


def rooms_missing(visit: Visit, profile: Profile) -> list[Missing]:
    """Step 4: at least one room, and every room kind the profile tests."""
    out: list[Missing] = []
    if not visit.rooms:
        out.append(Missing("rooms", "rooms", "请至少添加一个房间", "add at least one room"))
    kinds = {r.kind for r in visit.rooms}
    for kind in profile.rooms_tested:
        if kind not in kinds:
            zh = ROOM_KIND_ZH.get(kind, kind)
            out.append(Missing("rooms", f"rooms.{kind}", f"缺少必测房间：{zh}",
                               f"a room the profile tests is missing: "
                               f"{ROOM_KIND_EN.get(kind, kind)}"))
    return out


def measure_missing(visit: Visit, profile: Profile) -> list[Missing]:
    """Step 5: every point of every room has its official readings."""
    out: list[Missing] = []
    need = profile.readings_per_point
    for room in visit.rooms:
        planned = points_for_area(profile, room.area_m2)
        done = sum(1 for p in room.points if len(p.captured) >= need)
        if done < planned:
            out.append(Missing("measure", f"room.{room.id}",
                               f"{room.name}：{planned} 个测点中还有 {planned - done} 个未测完",
                               f"{room.name}: {planned - done} of {planned} points not measured"))
    return out


def missing_by_step(visit: Visit, profile: Profile, now: datetime) -> dict[str, list[Missing]]:
    """Every step's gaps (for the step rail), whatever the signatures turn out to be."""
    details = details_missing(visit, now)
    return {"instrument": instrument_missing(visit),
            "details": [m for m in details if m.step == "details"],
            "preconditions": [m for m in details if m.step == "preconditions"]
            + preconditions_missing(visit, profile),
            "rooms": rooms_missing(visit, profile),
            "measure": measure_missing(visit, profile)}


def missing_for_seal(visit: Visit, profile: Profile, now: datetime, *,
                     refused_with_witness: bool = False) -> list[Missing]:
    """Everything that stops this visit from being sealed now; empty when it may be sealed.

    `refused_with_witness`: the resident refused and a witness signed, which waives the
    preconditions and the measuring (and so their start time) but not the instrument or the
    details.
    """
    by_step = missing_by_step(visit, profile, now)
    waived = {"preconditions", "rooms", "measure"} if refused_with_witness else set()
    return [m for step in STEPS if step not in waived for m in by_step[step]]


def require_sealable(visit: Visit, profile: Profile, now: datetime, *,
                     refused_with_witness: bool = False) -> None:
    """Raise `IncompleteVisit` listing every gap, or return when the visit may be sealed."""
    missing = missing_for_seal(visit, profile, now, refused_with_witness=refused_with_witness)
    if missing:
        raise IncompleteVisit(missing)
