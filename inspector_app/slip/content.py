"""What the slip says, worked out from a sealed-record envelope before any layout happens.

Both paper layouts (A4, 80 mm roll) print the same facts; deriving them once keeps the two in
step, and lets a test check the wording without parsing a PDF. The fixed words are looked up in
`labels.TEXT` in the slip's language; recorded text is kept as recorded. Nothing here computes a
verdict: means, verdicts and refunds are printed exactly as the sealed record states them.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from datetime import datetime, timezone
from decimal import Decimal, InvalidOperation
from typing import Any
from urllib.parse import quote, urlsplit

from inspector_app.core.decimal_math import round_to
from inspector_app.core.errors import InspectionError, ProfileError
from inspector_app.core.model import Address
from inspector_app.core.profile import DEFAULT_PROFILE, Profile, load_profile
from inspector_app.core.provenance import unconfirmed
from inspector_app.core.record_time import DEFAULT_ZONE, shown_time
from inspector_app.core.refund_terms import refund_terms
from inspector_app.slip.labels import DEFAULT_COPIES, DEFAULT_LANG, LANGS, Labels

RECORD_FORMAT = "heating-inspection-record/1"
VERIFY_PATH = "/v/"
DEFAULT_ROOMS_TESTED = ("bedroom", "living_room")
NONE = "—"
_HEX64 = re.compile(r"^[0-9a-f]{64}$")


class SlipError(InspectionError):
    """An envelope the slip cannot be printed from (not a sealed record, or malformed)."""


def slip_lang(lang: str | None) -> str:
    """The slip language of a UI or command-line language: "zh", "zh_CN", "zh-Hans" → "zh";
    "en", "en_GB" → "en"; None → Chinese, the default. Anything else is refused."""
    code = (lang or DEFAULT_LANG).strip().lower().replace("-", "_").split("_")[0]
    if code not in LANGS:
        raise SlipError(f"测温记录单没有该语言：{lang}（可选：zh、en）",
                        f"no slip in language {lang!r} (zh or en)", field="lang")
    return code


@dataclass(frozen=True)
class Field:
    label: str
    value: str
    wide: bool = False      # takes a whole row in the two-column grid


@dataclass(frozen=True)
class PointLine:
    index: int
    readings: tuple[str, ...]
    mean: str
    manual: bool


@dataclass(frozen=True)
class RoomLine:
    name: str
    kind: str               # the room kind in words
    area: str
    points_required: int
    points: tuple[PointLine, ...]
    mean: str               # "17.2 °C" as the record gives it, or NONE
    verdict: str            # pass | fail | incomplete
    verdict_label: str      # in the slip's language
    lowest: bool


@dataclass(frozen=True)
class Signature:
    """A signature to draw: who, when, and the pen strokes in the signing box's pixels."""

    title: str
    name: str
    role: str               # the signer's role in words
    signed_at: str
    statement: str
    box: tuple[float, float]
    strokes: tuple[tuple[tuple[float, float, float], ...], ...]   # (x, y, pressure)


@dataclass(frozen=True)
class Refusal:
    reason: str
    witness_name: str
    witness_role: str
    witness: Signature | None


@dataclass
class SlipContent:
    title: str
    record_id: str
    sha256: str
    training: bool
    header: list[Field]
    basics: list[Field]
    times: list[Field]
    preconditions: list[tuple[str, bool]]
    conditions: list[Field]
    instrument: list[Field]
    readings_per_point: int
    rooms: list[RoomLine]
    verdict: str
    verdict_label: str
    conclusion: list[str]
    rules: list[str]
    inspector: Signature | None
    resident: Signature | None
    refusal: Refusal | None
    seal: list[Field]
    office_url: str | None     # the enrolled office's public address; None: not enrolled
    verify_link: str | None    # what the QR code holds; None: no QR, id and hash as text
    notes: list[str] = field(default_factory=list)
    brief: list[str] = field(default_factory=list)   # the conclusion in short (compact roll)
    lang: str = DEFAULT_LANG
    sealed_at: str = ""      # ISO, the record's sealing time: the PDF's creation date

    @property
    def t(self) -> Labels:
        """The slip's fixed words in its language."""
        return Labels(self.lang)


# -- helpers -------------------------------------------------------------------------------

def _text(value: Any) -> str:
    return NONE if value is None or value == "" else str(value)


def fmt_time(value: str | None, zone: timezone | None = None) -> str:
    """ISO time to the minute, 2026-11-26 09:12: in `zone` (the record's, `record_zone`), so
    every time on a page is in one zone; without a zone, in its own offset as written."""
    if not value:
        return NONE
    if zone is not None:
        return shown_time(value, zone, missing=NONE)
    try:
        return datetime.fromisoformat(value).strftime("%Y-%m-%d %H:%M")
    except (TypeError, ValueError):
        return str(value)


def record_zone(profile: Profile | None) -> timezone:
    """The zone a record's times are shown in: its profile's (China Standard Time if unknown)."""
    return profile.zone if profile is not None else DEFAULT_ZONE


def fmt_num(value: Any, unit: str = "", places: int | None = None) -> str:
    """A number for print: ints and floats without float noise, Decimal strings as given."""
    if value is None or value == "":
        return NONE
    if isinstance(value, float):
        text = f"{value:.{places}f}" if places is not None else f"{value:g}"
    else:
        text = str(value)
    return f"{text} {unit}".strip() if unit else text


def fmt_temp(value: Any) -> str:
    if value is None or value == "":
        return NONE
    if isinstance(value, float):
        return f"{value:.1f} °C"
    return f"{value} °C"


def hash_groups(sha256: str, per_line: int = 4) -> list[str]:
    """The hex digest in groups of 8, `per_line` groups a line: easy to read aloud and compare."""
    groups = [sha256[i:i + 8] for i in range(0, len(sha256), 8)]
    return [" ".join(groups[i:i + per_line]) for i in range(0, len(groups), per_line)]


def office_address(url: str | None) -> str | None:
    """An office's public address as the slip uses it: `https://host[:port][/path]` without a
    trailing slash, or None when there is none. Anything but an https address is refused: a
    resident's phone opens the link, and it must reach the office it names."""
    if url is None or not url.strip():
        return None
    url = url.strip().rstrip("/")
    parts = urlsplit(url)
    if parts.scheme != "https" or not parts.hostname or parts.query or parts.fragment:
        raise SlipError(f"办公室公开地址须是 https:// 开头的网址：{url}",
                        f"the office's public address must be an https:// URL: {url}",
                        field="office_url")
    return url


def verify_link(envelope: dict, office_url: str | None) -> str | None:
    """What the slip's QR code holds: `{office}/v/{record_id}#{sha256}`, a link a phone opens on
    the office's verification page; the hash after `#` never leaves the phone, the page compares
    it. None when the laptop knows no office (then the slip prints the id and hash as text)."""
    office = office_address(office_url)
    if office is None:
        return None
    record = envelope.get("record") or {}
    record_id = quote(str(record.get("record_id", "")), safe="")
    return f"{office}{VERIFY_PATH}{record_id}#{envelope.get('sha256', '')}"


def parse_verify_link(link: str) -> dict[str, str]:
    """The inverse of `verify_link`: office, record_id, sha256; raises ValueError otherwise."""
    head, sep, sha = link.partition("#")
    office, slash_v, record_id = head.rpartition(VERIFY_PATH)
    if not sep or not slash_v or not record_id or "/" in record_id or not _HEX64.match(sha):
        raise ValueError(f"not a slip verification link: {link[:60]!r}")
    return {"office": office, "record_id": record_id, "sha256": sha}


def profile_for(record: dict) -> Profile | None:
    """The shipped profile the record names, for labels and limits; None when it is unknown."""
    name = (record.get("profile") or {}).get("name") or DEFAULT_PROFILE
    try:
        return load_profile(name)
    except ProfileError:
        return None


def copies_for(profile: Profile | None, lang: str = DEFAULT_LANG) -> list[tuple[str, str]]:
    """(key, label) of each copy in `lang`: the profile's, or the four Changchun ones."""
    copies = profile.slip_copies if profile is not None else DEFAULT_COPIES
    return [(c.key, c.label(lang)) for c in copies]


def _decimal(value: Any) -> Decimal | None:
    try:
        return Decimal(str(value)) if value not in (None, "") else None
    except InvalidOperation:
        return None


def _shown_mean(value: Any, profile: Profile | None) -> str:
    """A point mean (exact in the record) rounded as the profile shows room means."""
    d = _decimal(value)
    if d is None:
        return NONE
    places = profile.display_decimals if profile else 1
    mode = profile.rounding if profile else "half_even"
    return str(round_to(d, places, mode))


def signature_ink(data: Any) -> tuple[list[tuple[tuple[float, float, float], ...]],
                                       tuple[float, float]]:
    """A signature's strokes as (x, y, pressure) points and its box, read leniently: a malformed
    point is skipped, not fatal, so a damaged record still shows whatever ink it has. Shared by
    the slip and the supervisor's signature view."""
    if not isinstance(data, dict):
        return [], (0.0, 0.0)
    strokes = []
    for stroke in data.get("strokes") or []:
        pts = []
        for p in stroke or []:
            try:
                x, y = float(p[0]), float(p[1])
                pressure = float(p[3]) if len(p) > 3 else 1.0
            except (TypeError, ValueError, IndexError):
                continue
            if math.isfinite(x) and math.isfinite(y):
                pressure = pressure if math.isfinite(pressure) else 1.0
                pts.append((x, y, min(max(pressure, 0.0), 1.0)))
        if pts:
            strokes.append(tuple(pts))
    box = data.get("box") or [0, 0]
    try:
        box_wh = (float(box[0]), float(box[1]))
    except (TypeError, ValueError, IndexError):
        box_wh = (0.0, 0.0)
    return strokes, box_wh


def _signature(data: Any, title: str, t: Labels,
               zone: timezone | None = None) -> Signature | None:
    if not isinstance(data, dict):
        return None
    strokes, box_wh = signature_ink(data)
    role = str(data.get("role", ""))
    return Signature(title=title, name=_text(data.get("signer_name")),
                     role=t.coded("role", role), signed_at=fmt_time(data.get("signed_at"), zone),
                     statement=str(data.get("statement_zh") or ""), box=box_wh,
                     strokes=tuple(strokes))


def _check(envelope: Any) -> dict:
    if not isinstance(envelope, dict) or not isinstance(envelope.get("record"), dict):
        raise SlipError("不是已签封的检测记录（缺少 record）",
                        "not a sealed record envelope (no record)", field="record")
    record = envelope["record"]
    if record.get("format") != RECORD_FORMAT:
        raise SlipError(f"不支持的记录格式：{record.get('format')}",
                        f"unsupported record format: {record.get('format')!r}", field="format")
    sha = envelope.get("sha256")
    if not isinstance(sha, str) or not _HEX64.match(sha):
        raise SlipError("记录缺少有效的 SHA-256 校验值", "the envelope has no valid sha256",
                        field="sha256")
    for key in ("record_id", "visit", "result"):
        if not record.get(key):
            raise SlipError(f"记录缺少 {key}", f"the record has no {key}", field=key)
    return record


# -- the content ---------------------------------------------------------------------------

def build_content(envelope: dict, *, profile: Profile | None = None,
                  office_url: str | None = None, lang: str = DEFAULT_LANG) -> SlipContent:
    """Everything the slip prints, as text in `lang` ("zh" default, or "en"), from one
    sealed-record envelope. Recorded text (names, address, reasons, statements) stays as is.
    `office_url`: the enrolled office's public address, for the QR link (None: no link)."""
    lang = slip_lang(lang)
    t = Labels(lang)
    record = _check(envelope)
    visit: dict = record["visit"]
    result: dict = record["result"]
    prof: dict = record.get("profile") or {}
    if profile is None:
        profile = profile_for(record)
    training = bool(record.get("training") or visit.get("training"))
    zone = record_zone(profile)

    title = t("title", city=_city(prof, profile, lang)).strip()
    header = [
        Field(t("record_id"), _text(record.get("record_id"))),
        Field(t("ticket"), _text(visit.get("ticket"))),
        Field(t("channel"), t.coded("channel", visit.get("channel") or NONE)),
    ]

    addr = Address(**{k: str(v or "") for k, v in (visit.get("address") or {}).items()
                      if k in Address.__dataclass_fields__})
    position = t.join([t.coded("position", p) for p in visit.get("position") or []])
    basics = [
        Field(t("address"), _text(addr.one_line()), wide=True),
        Field(t("resident_name"), _text(visit.get("resident_name"))),
        Field(t("resident_phone"), _text(visit.get("resident_phone"))),
        Field(t("heated_area"), fmt_num(visit.get("heated_area_m2"), "m²")),
        Field(t("company"), _text(visit.get("company"))),
        Field(t("position"), position or t("none")),
        Field(t("outdoor"), fmt_temp(visit.get("outdoor_temp_c"))),
    ]

    times = [
        Field(t("complaint_at"), fmt_time(visit.get("complaint_at"), zone)),
        Field(t("contact_at"), fmt_time(visit.get("contact_at"), zone)),
        Field(t("arrival_at"), fmt_time(visit.get("arrival_at"), zone)),
        Field(t("test_at"), fmt_time(visit.get("test_at"), zone)),
        Field(t("inspector"), _text(visit.get("inspector"))),
        Field(t("inspector_org"), _text(visit.get("inspector_org"))),
    ]
    contact = _contact_line(visit, profile, t)
    if contact:
        times.append(Field(t("contact_limit"), contact, wide=True))

    labels = {c.key: c.label(lang) for c in profile.preconditions} if profile else {}
    pre = visit.get("preconditions") or {}
    order = [k for k in labels if k in pre] + [k for k in pre if k not in labels]
    preconditions = [(labels.get(k, k), bool(pre[k])) for k in order]
    ex_labels = {c.key: c.label(lang) for c in profile.exemptions} if profile else {}
    exemptions = [ex_labels.get(k, k) for k in visit.get("exemptions") or []]
    closed = fmt_time(visit.get("closed_since"), zone)
    if profile and closed != NONE:
        closed += t("closed_required", minutes=profile.min_closed_minutes)
    conditions = [Field(t("closed_since"), closed),
                  Field(t("exemptions"),
                        t.join(exemptions, "clause_sep") if exemptions else t("none"))]

    inst = visit.get("instrument") or {}
    correction = inst.get("correction_c")
    instrument = [
        Field(t("instrument_model"), _text(inst.get("model"))),
        Field(t("instrument_serial"), _text(inst.get("serial"))),
        Field(t("instrument_correction"),
              NONE if correction is None else f"{float(correction):+.1f} °C"),
        Field(t("instrument_certificate"), _text(inst.get("certificate_no"))),
        Field(t("instrument_expiry"), _text(inst.get("certificate_expiry"))),
    ]

    rooms, manual_notes = _rooms(visit, result, profile, t)
    readings_per_point = max([profile.readings_per_point if profile else 3]
                             + [len(p.readings) for r in rooms for p in r.points])

    verdict = str(result.get("verdict", "incomplete"))
    conclusion = _conclusion(result, rooms, prof, profile, t)
    brief = _brief(result, prof, profile, t)
    rules = _rules(prof, profile, result, t)

    sigs = record.get("signatures") or {}
    inspector = _signature(sigs.get("inspector"), t("sign.inspector"), t, zone)
    resident = _signature(sigs.get("resident"), t("sign.resident"), t, zone)
    refusal = None
    if isinstance(sigs.get("refusal"), dict):
        r = sigs["refusal"]
        refusal = Refusal(reason=_text(r.get("reason")), witness_name=_text(r.get("witness_name")),
                          witness_role=_text(profile.witness_role_label(
                              str(r.get("witness_role") or ""), lang) if profile is not None
                              else r.get("witness_role")),
                          witness=_signature(r.get("witness"), t("sign.witness"), t,
                                                     zone))

    device = record.get("device") or {}
    chain = record.get("chain") or {}
    seal = [
        Field(t("sealed_at"), fmt_time(record.get("sealed_at"), zone)),
        Field(t("device"), t("device_value", device=_text(device.get("device_id")),
                             seq=_text(chain.get("seq")))),
        Field(t("ticket_source"), _ticket_source(visit, t)),
    ]
    notes = []
    sup = record.get("supersedes")
    if isinstance(sup, dict) and sup.get("record_id"):
        notes.append(t("supersedes", record_id=sup["record_id"], reason=_text(sup.get("reason"))))
    notes.extend(manual_notes)
    if visit.get("notes"):
        notes.append(t("visit_notes", notes=visit["notes"]))

    return SlipContent(
        title=title, record_id=str(record["record_id"]), sha256=envelope["sha256"],
        training=training, header=header, basics=basics, times=times,
        preconditions=preconditions, conditions=conditions, instrument=instrument,
        readings_per_point=readings_per_point, rooms=rooms, verdict=verdict,
        verdict_label=t.coded("verdict", verdict), conclusion=conclusion, rules=rules,
        inspector=inspector, resident=resident, refusal=refusal, seal=seal,
        office_url=office_address(office_url), verify_link=verify_link(envelope, office_url),
        notes=notes, brief=brief,
        lang=lang, sealed_at=str(record.get("sealed_at") or ""),
    )


def _ticket_source(visit: dict, t: Labels) -> str:
    """Dispatched by the office (the record carries its signed ticket reference) or typed at
    the door: the slip says which, so a reader knows whose complaint time it prints."""
    ref = visit.get("ticket_ref")
    if not isinstance(ref, dict):
        return t("ticket_source.walk_in")
    return t("ticket_source.dispatched", key=f"{_text(ref.get('channel'))}/"
                                            f"{_text(ref.get('ticket'))}")


def _city(prof: dict, profile: Profile | None, lang: str) -> str:
    """The region's name: in Chinese as the record states it; in English from the profile (the
    record carries no English name), else the recorded Chinese one."""
    if profile is not None and (lang != "zh" or not prof.get("title_zh")):
        return profile.title(lang)
    return str(prof.get("title_zh") or "")


def _contact_line(visit: dict, profile: Profile | None, t: Labels) -> str:
    try:
        complaint = datetime.fromisoformat(visit["complaint_at"])
        contact = datetime.fromisoformat(visit["contact_at"])
    except (KeyError, TypeError, ValueError):
        return ""
    minutes = (contact - complaint).total_seconds() / 60
    shown = math.ceil(minutes - 1e-9)    # 30 min 20 s is "31", never a "30" beside "late"
    if profile is None:
        return t("contact_plain", minutes=shown)
    limit = profile.contact_within_min
    return t("contact_ok" if minutes <= limit else "contact_late", minutes=shown, limit=limit)


def _rooms(visit: dict, result: dict, profile: Profile | None,
           t: Labels) -> tuple[list[RoomLine], list[str]]:
    lowest_id = result.get("lowest_room_id")
    manual_reasons: dict[tuple[str, int], str] = {}
    for room in visit.get("rooms") or []:
        for point in room.get("points") or []:
            reasons = {s.get("reason", "") for s in point.get("samples") or []
                       if s.get("manual") and s.get("captured")}
            reasons.discard("")
            if reasons:
                manual_reasons[(room.get("id", ""), point.get("index", 0))] = t.join(
                    sorted(reasons), "clause_sep")
    rooms, notes = [], []
    for r in result.get("rooms") or []:
        points = []
        for p in r.get("points") or []:
            points.append(PointLine(index=int(p.get("index", 0)),
                                    readings=tuple(str(x) for x in p.get("readings") or []),
                                    mean=_shown_mean(p.get("mean"), profile),
                                    manual=bool(p.get("manual"))))
            if p.get("manual"):
                why = manual_reasons.get((r.get("room_id", ""), p.get("index", 0)), "")
                notes.append(t("manual_point_why" if why else "manual_point",
                               room=r.get("name", ""), index=p.get("index"), reason=why))
        verdict = str(r.get("verdict", "incomplete"))
        rooms.append(RoomLine(
            name=_text(r.get("name")), kind=t.coded("kind", _text(r.get("kind"))),
            area=fmt_num(r.get("area_m2")), points_required=int(r.get("points_required") or 0),
            points=tuple(points), mean=fmt_temp(r.get("mean")), verdict=verdict,
            verdict_label=t.coded("verdict", verdict),
            lowest=bool(lowest_id) and r.get("room_id") == lowest_id,
        ))
    return rooms, notes


def _conclusion(result: dict, rooms: list[RoomLine], prof: dict,
                profile: Profile | None, t: Labels) -> list[str]:
    lines = []
    lowest = next((r for r in rooms if r.lowest), None)
    if lowest is not None:
        lines.append(t("lowest_room", name=lowest.name, kind=lowest.kind, mean=lowest.mean))
    min_temp = prof.get("min_temp_c") or (str(profile.min_temp_c) if profile else None)
    if min_temp:
        tested = profile.rooms_tested if profile else DEFAULT_ROOMS_TESTED
        kinds = t.join([t.coded("kind", k) for k in tested])
        lines.append(t("criterion", kinds=kinds, min_temp=min_temp))
    refund = _decimal(result.get("refund_per_day"))
    if refund is not None and refund > 0:
        lines.append(t("refund", per_day=result["refund_per_day"]))
        lines += [t("refund_term", room=term.room, sum=term.text(t.lang))
                  for term in refund_terms(result)]
    return lines + _result_notes(result, t)


def _result_notes(result: dict, t: Labels) -> list[str]:
    names = {r.get("room_id"): r.get("name", "") for r in result.get("rooms") or []}
    lines = []
    for note in result.get("notes") or []:
        kind, _, arg = str(note).partition(":")
        if kind == "missing_room":
            lines.append(t("missing_room", kind=t.coded("kind", arg)))
        elif kind == "no_band":
            lines.append(t("no_band", name=names.get(arg, arg)))
        else:
            lines.append(str(note))
    return lines


def _brief(result: dict, prof: dict, profile: Profile | None, t: Labels) -> list[str]:
    """The conclusion for the compact roll: the criterion and the refund estimate in one line
    each, each room's share as its sum only (the A4 slip shows how each is worked out)."""
    lines = []
    min_temp = prof.get("min_temp_c") or (str(profile.min_temp_c) if profile else None)
    if min_temp:
        tested = profile.rooms_tested if profile else DEFAULT_ROOMS_TESTED
        kinds = t.join([t.coded("kind", k) for k in tested])
        lines.append(t("brief_criterion", kinds=kinds, min_temp=min_temp))
    refund = _decimal(result.get("refund_per_day"))
    if refund is not None and refund > 0:
        terms = t.join([t("brief_refund_term", room=term.room, sum=term.per_day)
                        for term in refund_terms(result)])
        lines.append(t("brief_refund", per_day=result["refund_per_day"],
                       terms=t("paren", text=terms) if terms else ""))
    return lines + _result_notes(result, t)


def _rules(prof: dict, profile: Profile | None, result: dict, t: Labels) -> list[str]:
    """The rules line and where the standard (and a refund estimate) come from: the profile
    section's citation in the slip's language, or the not-yet-confirmed sentence. The maintainer's
    `source` notes sealed in older records are never printed."""
    name = prof.get("name") or (profile.name if profile else "")
    version = prof.get("version") or (profile.version if profile else "")
    title = _city(prof, profile, t.lang)
    lines = [t("rules", title=title, name=name, version=version).strip()]
    provenance = profile.provenance if profile is not None else {}
    where = provenance.get("standard") or unconfirmed("standard")
    lines.append(t("standard", standard=where.citation(t.lang)))
    refund = _decimal(result.get("refund_per_day"))
    if refund is not None and refund > 0:
        where = provenance.get("refund") or unconfirmed("refund")
        lines.append(t("refund_basis", refund=where.citation(t.lang)))
    return lines
