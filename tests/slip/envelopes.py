"""Sealed-record envelopes built by hand after docs/record-format.md, for slip tests and benches.

Built without `inspector_app.seal` so the slip can be tested while sealing is still being
written: the visit and result come from the real core (`Visit.to_dict`, `VisitResult.to_dict`);
the hash is a stand-in sha256 over sorted JSON, shaped like the real one; signatures are
deterministic pen strokes in a 600 × 200 px signing box.
"""

from __future__ import annotations

import hashlib
import json
import math
import uuid
from datetime import date, datetime, timedelta, timezone

from inspector_app.core.model import Address, Instrument, Point, Room, Sample, Visit
from inspector_app.core.profile import Profile, load_profile, points_for_area
from inspector_app.core.verdict import visit_result

TZ = timezone(timedelta(hours=8))
T0 = datetime(2026, 11, 26, 8, 0, tzinfo=TZ)
ADDRESS_LINE = "长春市朝阳区人民大街示范小区3栋2单元501室"


def strokes(seed: int, n_strokes: int = 3, per_stroke: int = 40) -> list[list[list[float]]]:
    """A handwriting-like scribble: loops drifting right, pressure rising and falling."""
    out = []
    for s in range(n_strokes):
        pts = []
        for i in range(per_stroke):
            t = i / (per_stroke - 1)
            x = 60 + s * 170 + t * 140 + 18 * math.sin(6.0 * t + seed + s)
            y = 100 + 45 * math.sin(9.0 * t + seed * 0.7 + s) * (1 - 0.4 * t)
            pressure = round(0.35 + 0.6 * math.sin(math.pi * t), 3)
            pts.append([round(x, 1), round(y, 1), 16 * i + 400 * s, pressure])
        out.append(pts)
    out.append([[520.0, 150.0, 2000, 1.0]])     # a full stop: a one-point stroke
    return out


STATEMENT_ZH = {   # the prescribed text per role (docs/record-format.md, SIGNATURE)
    "inspector": "本人确认以上检测过程和结果属实。",
    "resident": "本人在场见证了以上检测过程，确认所记录的读数属实。",
    "witness": "本人在场见证了检测过程，并确认用户拒绝签字。",
}


def signature(name: str, role: str, seed: int, minute: int) -> dict:
    return {
        "signer_name": name, "role": role,
        "signed_at": (T0 + timedelta(minutes=minute)).isoformat(),
        "statement_zh": STATEMENT_ZH[role],
        "box": [600, 200],
        "strokes": strokes(seed),
    }


def _room(profile: Profile, kind: str, name: str, area: float, values: list[list[float]],
          manual: bool = False) -> Room:
    room = Room(kind=kind, name=name, area_m2=area)
    assert len(values) == points_for_area(profile, area)
    for i, readings in enumerate(values, start=1):
        point = Point(index=i, stable_at_s=600.0 * i)
        point.samples.append(Sample(value_c=readings[0] + 0.4, raw_c=readings[0] + 0.4,
                                    t_offset_s=600.0 * i - 300, t_wall=T0.isoformat()))
        for j, value in enumerate(readings, start=1):
            point.samples.append(Sample(
                value_c=value, raw_c=value, t_offset_s=600.0 * i + 60 * j,
                t_wall=(T0 + timedelta(minutes=10 * i + j)).isoformat(), captured=j,
                manual=manual and i == 1, reason="温度计通讯中断，手动读取显示值" if manual and i == 1
                else ""))
        room.points.append(point)
    return room


# Extra rooms for bigger homes (rooms 4-8), each with its own readings.
EXTRA_ROOMS = (
    ("bedroom", "北卧", 12.5, [[17.8, 17.9, 17.8]]),
    ("other", "书房", 9.6, [[18.4, 18.3, 18.4]]),
    ("bedroom", "儿童房", 11.2, [[16.9, 17.0, 16.9]]),
    ("other", "餐厅", 15.4, [[18.1, 18.0, 18.1]]),
    ("bedroom", "老人房", 13.1, [[17.5, 17.4, 17.5]]),
)
# The longest address the tests print: every part as long as a real one gets.
LONG_ADDRESS = Address(city="长春市", district="经济技术开发区", street="临河街与仙台大街交汇处",
                       community="长春经开示范花园小区（二期）", building="13", unit="4",
                       flat="2302")


def visit(profile: Profile, *, training: bool = False, rooms: int = 3,
          address: Address | None = None) -> Visit:
    v = Visit(
        profile_name=profile.name, profile_version=profile.version, training=training,
        ticket="12345-20261126-0042", channel="12345",
        address=Address(city="长春市", district="朝阳区", street="人民大街", community="示范小区",
                        building="3", unit="2", flat="501"),
        resident_name="李秀兰", resident_phone="13800001234", heated_area_m2=86.5,
        company="长春示范热力有限公司", position=["top", "edge"],
        complaint_at=T0, contact_at=T0 + timedelta(minutes=12),
        arrival_at=T0 + timedelta(minutes=28), test_at=T0 + timedelta(minutes=75),
        outdoor_temp_c=-18.5, inspector="王建国", inspector_org="朝阳区供热管理办公室",
        instrument=Instrument(model="Center 309", serial="C309-2024-0117",
                              certificate_no="JL-JD-2026-08841",
                              certificate_expiry=date(2027, 6, 30), correction_c=-0.1,
                              protocol="center309"),
        preconditions={c.key: c.key != "no_sun_on_sensor" for c in profile.preconditions},
        closed_since=T0 + timedelta(minutes=30), exemptions=[],
        notes="用户反映夜间更冷。",
    )
    v.rooms = [
        _room(profile, "bedroom", "主卧", 14.2, [[17.2, 17.3, 17.1]], manual=True),
        _room(profile, "living_room", "客厅", 24.6,
              [[18.6, 18.5, 18.6], [18.3, 18.4, 18.4], [18.9, 18.8, 18.8], [18.2, 18.2, 18.3],
               [18.5, 18.6, 18.5]]),
        _room(profile, "bedroom", "次卧", 10.8, [[16.4, 16.5, 16.4]]),
    ]
    v.rooms += [_room(profile, kind, name, area, values)
                for kind, name, area, values in EXTRA_ROOMS[:max(rooms - 3, 0)]]
    v.rooms = v.rooms[:rooms]
    if address is not None:
        v.address = address
    return v


def envelope(kind: str = "resident", profile_name: str = "changchun", *, rooms: int = 3,
             address: Address | None = None) -> dict:
    """kind: "resident" (signed by the resident), "refusal" (refused, with a witness),
    "training" (a demo record, resident signed). `rooms` (1-8): a smaller or bigger home than
    the three-room flat; `address`: another address (e.g. `LONG_ADDRESS`)."""
    profile = load_profile(profile_name)
    v = visit(profile, training=kind == "training", rooms=rooms, address=address)
    ns = uuid.uuid5(uuid.NAMESPACE_URL, f"https://office.example/test/{kind}")
    v.id = str(ns)
    for r, room in enumerate(v.rooms):      # fixed ids: the same fixture gives the same bytes
        room.id = str(uuid.uuid5(ns, f"room{r}"))
        for point in room.points:
            point.id = str(uuid.uuid5(ns, f"room{r}/point{point.index}"))
    result = visit_result(profile, v)
    resident = signature("李秀兰", "resident", 2, 130) if kind != "refusal" else None
    refusal = None
    if kind == "refusal":
        refusal = {"reason": "认为检测时间选在白天，不能反映夜间室温", "witness_name": "赵丽",
                   "witness_role": "社区工作人员",
                   "witness": signature("赵丽", "witness", 3, 135)}
    record = {
        "format": "heating-inspection-record/1",
        "record_id": v.id,
        "training": v.training,
        "visit": v.to_dict(),
        "result": result.to_dict(),
        "profile": {"name": profile.name, "version": profile.version,
                    "title_zh": profile.title_zh, "min_temp_c": str(profile.min_temp_c),
                    "sources": dict(profile.sources)},
        "signatures": {"inspector": signature("王建国", "inspector", 1, 128),
                       "resident": resident, "refusal": refusal},
        "device": {"device_id": "3f9a1c0de47b2a55",
                   "public_key": "MCowBQYDK2VwAyEAq1n3b6Hk0m2p8yQ5u7Vx9Zc4Rt1Ws6Ea0LdJf2Gh8Pk="},
        "chain": {"seq": 7, "prev_sha256": "0" * 63 + "1"},
        "sealed_at": (T0 + timedelta(minutes=140)).isoformat(),
        "supersedes": None,
    }
    digest = hashlib.sha256(json.dumps(record, sort_keys=True, ensure_ascii=False)
                            .encode("utf-8")).hexdigest()
    return {"record": record, "sha256": digest, "signature": "c3RhbmQtaW4gc2lnbmF0dXJl"}
