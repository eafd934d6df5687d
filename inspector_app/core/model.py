"""The visit as data: who complained, where, with what instrument, and what was measured.

Plain dataclasses with `to_dict`/`from_dict`, so the store, the seal and the office all share
one shape. Times are timezone-aware; readings keep both the instrument's raw value and the
corrected value the verdict uses.
"""

from __future__ import annotations

import uuid
from dataclasses import asdict, dataclass, field
from datetime import date, datetime
from typing import Any

from inspector_app.core import validation as v
from inspector_app.core.errors import ProcedureError, ValidationError

POSITION_FLAGS = {"edge": "边户", "top": "顶层", "bottom": "底层", "overhang": "悬空"}
CHANNELS = {"12345": "12345 热线", "12319": "12319 热线", "96118": "96118 热线",
            "company": "供热企业", "monitoring": "固定监测点", "walk_in": "现场报告",
            "other": "其他"}
ROOM_KIND_ZH = {"bedroom": "卧室", "living_room": "起居室（厅）", "other": "其他房间"}


# What a visit keeps of the ticket it was started from: the office's signed statement that
# this channel/ticket, at this revision (content digest), had this complaint time.
TICKET_REF_KEYS = ("channel", "ticket", "revision", "digest", "complaint_at", "key_id",
                   "signature")


def new_id() -> str:
    return str(uuid.uuid4())


def _iso(value: datetime | None) -> str | None:
    return value.isoformat() if value else None


def _dt(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def address_line(city: str, district: str, street: str, community: str, building: str,
                 unit: str, flat: str) -> str:
    """An address on one line (长春市朝阳区人民大街幸福小区3栋2单元101室); `Address.one_line`, for
    callers that hold the parts without an `Address` (an import of many tickets)."""
    return ((city or "") + (district or "") + (street or "") + (community or "")
            + (f"{building}栋" if building else "") + (f"{unit}单元" if unit else "")
            + (f"{flat}室" if flat else ""))


@dataclass
class Address:
    city: str = ""
    district: str = ""
    street: str = ""
    community: str = ""
    building: str = ""
    unit: str = ""
    flat: str = ""

    def one_line(self) -> str:
        return address_line(self.city, self.district, self.street, self.community,
                            self.building, self.unit, self.flat)

    def validate(self) -> None:
        v.require_text(self.street, "address.street", "街道/路名")
        v.require_text(self.building, "address.building", "楼栋号")
        v.require_text(self.flat, "address.flat", "门牌（室）号")


@dataclass
class Instrument:
    model: str = ""
    serial: str = ""
    certificate_no: str = ""
    certificate_expiry: date | None = None
    correction_c: float = 0.0
    protocol: str = ""
    port: str = ""

    def certificate_valid_on(self, day: date) -> bool:
        return self.certificate_expiry is not None and day <= self.certificate_expiry

    def check_for_formal_test(self, day: date) -> None:
        """A formal test needs a named instrument with a certificate valid on the test day."""
        v.require_text(self.model, "instrument.model", "温度计型号")
        v.require_text(self.serial, "instrument.serial", "温度计编号")
        v.require_text(self.certificate_no, "instrument.certificate_no", "检定/校准证书编号")
        if not self.certificate_valid_on(day):
            when = self.certificate_expiry.isoformat() if self.certificate_expiry else "未填写"
            raise ProcedureError(
                f"温度计检定证书已过期或未填写有效期（{when}）：不能进行正式检测，只能作为培训记录",
                f"the instrument's certificate has expired or has no expiry ({when}): "
                "a formal test is blocked; only a training visit may run",
                field="instrument.certificate_expiry",
            )

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["certificate_expiry"] = self.certificate_expiry.isoformat() if self.certificate_expiry else None
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Instrument:
        d = dict(d)
        exp = d.get("certificate_expiry")
        d["certificate_expiry"] = date.fromisoformat(exp) if exp else None
        return cls(**d)


@dataclass
class Sample:
    """One reading of a point: live from the instrument, or typed in as a flagged fallback."""

    value_c: float          # corrected by the certificate's correction value
    raw_c: float            # as the instrument showed it (converted to °C)
    t_offset_s: float       # monotonic seconds since the visit started (clock changes can't move it)
    t_wall: str             # ISO wall time, for people
    captured: int = 0       # 0 = stability evidence; 1..n = one of the point's official readings
    manual: bool = False
    reason: str = ""
    flags: tuple[str, ...] = ()
    id: int | None = None


@dataclass
class Point:
    index: int
    samples: list[Sample] = field(default_factory=list)
    stable_at_s: float | None = None
    id: str = field(default_factory=new_id)

    @property
    def captured(self) -> list[Sample]:
        return sorted((s for s in self.samples if s.captured), key=lambda s: s.captured)


@dataclass
class Room:
    kind: str
    name: str
    area_m2: float
    points: list[Point] = field(default_factory=list)
    id: str = field(default_factory=new_id)
    removed_at: str | None = None   # deleted after it had readings: kept, never judged

    def has_readings(self) -> bool:
        return any(p.samples for p in self.points)

    def validate(self) -> None:
        if self.kind not in ROOM_KIND_ZH:
            raise ValidationError(f"未知房间类型 {self.kind}", f"unknown room kind {self.kind!r}",
                                  field="room.kind")
        v.require_text(self.name, "room.name", "房间名称")
        self.area_m2 = v.check_area(self.area_m2, field="room.area_m2")


@dataclass
class Visit:
    profile_name: str
    profile_version: str
    training: bool = False
    ticket: str = ""
    channel: str = "12345"
    address: Address = field(default_factory=Address)
    resident_name: str = ""
    resident_phone: str = ""
    heated_area_m2: float = 0.0
    company: str = ""
    position: list[str] = field(default_factory=list)
    complaint_at: datetime | None = None
    contact_at: datetime | None = None
    arrival_at: datetime | None = None
    test_at: datetime | None = None
    outdoor_temp_c: float | None = None
    inspector: str = ""
    inspector_org: str = ""
    instrument: Instrument = field(default_factory=Instrument)
    preconditions: dict[str, bool] = field(default_factory=dict)
    closed_since: datetime | None = None
    exemptions: list[str] = field(default_factory=list)
    notes: str = ""
    rooms: list[Room] = field(default_factory=list)
    supersedes: str | None = None
    supersede_reason: str = ""
    id: str = field(default_factory=new_id)
    # Rooms deleted after they had readings: out of the verdict, in the record (audit trail).
    removed_rooms: list[Room] = field(default_factory=list)
    # The dispatched ticket this visit answers, as the office signed it (see TICKET_REF_KEYS);
    # None for a walk-in or a ticket number typed at the door.
    ticket_ref: dict[str, Any] | None = None

    def validate_details(self) -> None:
        """Everything a formal record needs before measuring starts; raises on the first fault."""
        v.require_text(self.ticket, "ticket", "投诉工单号")
        if self.channel not in CHANNELS:
            raise ValidationError(f"未知投诉渠道 {self.channel}", f"unknown channel {self.channel!r}",
                                  field="channel")
        self.address.validate()
        v.require_text(self.resident_name, "resident_name", "用户姓名")
        self.resident_phone = v.normalise_phone(self.resident_phone)
        self.heated_area_m2 = v.check_area(self.heated_area_m2, field="heated_area_m2")
        v.require_text(self.company, "company", "供热企业")
        unknown = set(self.position) - POSITION_FLAGS.keys()
        if unknown:
            raise ValidationError(f"未知房屋位置 {sorted(unknown)}", f"unknown position {sorted(unknown)}",
                                  field="position")
        if self.complaint_at is None:
            raise ValidationError("请填写投诉时间", "complaint time is required", field="complaint_at")
        for when, name, zh in ((self.contact_at, "contact_at", "联系时间"),
                               (self.arrival_at, "arrival_at", "到达时间"),
                               (self.test_at, "test_at", "检测时间")):
            v.check_after(when, self.complaint_at, name, zh, "投诉时间")
        v.check_after(self.test_at, self.arrival_at, "test_at", "检测时间", "到达时间")
        if self.outdoor_temp_c is not None:
            self.outdoor_temp_c = v.check_reading(self.outdoor_temp_c, field="outdoor_temp_c")

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "profile_name": self.profile_name,
            "profile_version": self.profile_version,
            "training": self.training,
            "ticket": self.ticket,
            "channel": self.channel,
            "address": asdict(self.address),
            "resident_name": self.resident_name,
            "resident_phone": self.resident_phone,
            "heated_area_m2": self.heated_area_m2,
            "company": self.company,
            "position": list(self.position),
            "complaint_at": _iso(self.complaint_at),
            "contact_at": _iso(self.contact_at),
            "arrival_at": _iso(self.arrival_at),
            "test_at": _iso(self.test_at),
            "outdoor_temp_c": self.outdoor_temp_c,
            "inspector": self.inspector,
            "inspector_org": self.inspector_org,
            "instrument": self.instrument.to_dict(),
            "preconditions": dict(self.preconditions),
            "closed_since": _iso(self.closed_since),
            "exemptions": list(self.exemptions),
            "notes": self.notes,
            "supersedes": self.supersedes,
            "supersede_reason": self.supersede_reason,
            "rooms": [_room_dict(r) for r in self.rooms],
            **({"removed_rooms": [_room_dict(r) for r in self.removed_rooms]}
               if self.removed_rooms else {}),
            # absent (never null) without a ticket: an older record keeps its bytes and hash
            **({"ticket_ref": dict(self.ticket_ref)} if self.ticket_ref is not None else {}),
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Visit:
        rooms = [_room_from(r) for r in d.get("rooms", [])]
        return cls(
            id=d["id"], profile_name=d["profile_name"], profile_version=d["profile_version"],
            training=bool(d.get("training")), ticket=d.get("ticket", ""),
            channel=d.get("channel", "12345"), address=Address(**d.get("address", {})),
            resident_name=d.get("resident_name", ""), resident_phone=d.get("resident_phone", ""),
            heated_area_m2=d.get("heated_area_m2", 0.0), company=d.get("company", ""),
            position=list(d.get("position", [])),
            complaint_at=_dt(d.get("complaint_at")), contact_at=_dt(d.get("contact_at")),
            arrival_at=_dt(d.get("arrival_at")), test_at=_dt(d.get("test_at")),
            outdoor_temp_c=d.get("outdoor_temp_c"), inspector=d.get("inspector", ""),
            inspector_org=d.get("inspector_org", ""),
            instrument=Instrument.from_dict(d.get("instrument", {})),
            preconditions=dict(d.get("preconditions", {})), closed_since=_dt(d.get("closed_since")),
            exemptions=list(d.get("exemptions", [])), notes=d.get("notes", ""),
            supersedes=d.get("supersedes"), supersede_reason=d.get("supersede_reason", ""),
            rooms=rooms, removed_rooms=[_room_from(r) for r in d.get("removed_rooms", [])],
            ticket_ref=dict(d["ticket_ref"]) if d.get("ticket_ref") is not None else None,
        )


def _room_dict(r: Room) -> dict[str, Any]:
    out: dict[str, Any] = {
        "id": r.id, "kind": r.kind, "name": r.name, "area_m2": r.area_m2,
        "points": [
            {
                "id": p.id, "index": p.index, "stable_at_s": p.stable_at_s,
                "samples": [
                    {k: (list(val) if k == "flags" else val)
                     for k, val in asdict(s).items() if k != "id"}
                    for s in p.samples
                ],
            }
            for p in r.points
        ],
    }
    if r.removed_at:
        out["removed_at"] = r.removed_at
    return out


def _room_from(r: dict[str, Any]) -> Room:
    return Room(kind=r["kind"], name=r["name"], area_m2=r["area_m2"], id=r["id"],
                removed_at=r.get("removed_at"), points=[
                    Point(index=p["index"], id=p["id"], stable_at_s=p.get("stable_at_s"), samples=[
                        Sample(**{**s, "flags": tuple(s.get("flags", ()))}) for s in p["samples"]
                    ]) for p in r["points"]])
