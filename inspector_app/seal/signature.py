"""Handwritten signatures as vectors, and the rules that make a signature count.

A signature is kept as strokes of (x, y, t_ms, pressure) points in its box, never as a picture,
so the sealed record holds the evidence itself and the slip can draw it at any size. A tap, a dot
or a quick line proves nothing: `check_signature` refuses empty and trivial ones. Values are
normalised on construction (x, y to 0.01 px, t_ms whole, pressure to 0.001) so a signature read
back from a sealed record serialises to exactly the same canonical bytes.
"""

from __future__ import annotations

import math
import random
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from inspector_app.core.errors import ValidationError
from inspector_app.core.profile import Profile

ROLES = ("inspector", "resident", "witness")

STATEMENT_ZH = {
    "inspector": "本人确认以上检测过程和结果属实。",
    "resident": "本人在场见证了以上检测过程，确认所记录的读数属实。",
    "witness": "本人在场见证了检测过程，并确认用户拒绝签字。",
}
STATEMENT_EN = {
    "inspector": "I confirm that the test above was carried out and recorded truthfully.",
    "resident": "I was present during the test above and confirm the readings are recorded "
                "truthfully.",
    "witness": "I witnessed the test and confirm that the resident refused to sign.",
}
ROLE_ZH = {"inspector": "检测人员", "resident": "用户", "witness": "见证人"}

# What separates a signature from a tap or a stray line (all checked together).
MIN_STROKES = 2                 # ... or, for one continuous signature, MIN_POINTS points
MIN_POINTS = 40
MIN_INK_BOX_HEIGHTS = 2.0       # total pen path at least twice the box height
MIN_EXTENT_BOX_HEIGHTS = 0.5    # the ink's bounding box diagonal at least half the box height
MIN_DURATION_MS = 400           # from first touch to last point

Point = tuple[float, float, int, float]


def _point(raw: Sequence[float]) -> Point:
    if len(raw) != 4:
        raise ValidationError("签名数据格式错误：每个点需要 x、y、时间、压力",
                              "malformed signature: each point needs x, y, t_ms, pressure",
                              field="strokes")
    x, y, t, p = (float(v) for v in raw)
    if not all(math.isfinite(v) for v in (x, y, t, p)):
        raise ValidationError("签名数据含无效数值", "signature contains non-finite numbers",
                              field="strokes")
    return (round(x, 2), round(y, 2), int(round(t)), round(min(max(p, 0.0), 1.0), 3))


@dataclass(frozen=True)
class Signature:
    """One person's signature as captured in the signing box (matches SIGNATURE in the doc)."""

    signer_name: str
    role: str
    signed_at: str
    statement_zh: str
    box: tuple[int, int]
    strokes: tuple[tuple[Point, ...], ...]

    def __post_init__(self) -> None:
        box = tuple(int(round(float(v))) for v in self.box)
        if len(box) != 2:
            raise ValidationError("签名框尺寸错误", "signature box must be [width, height]",
                                  field="box")
        object.__setattr__(self, "box", box)
        object.__setattr__(self, "strokes",
                           tuple(tuple(_point(pt) for pt in stroke) for stroke in self.strokes))
        object.__setattr__(self, "signer_name", self.signer_name.strip())

    @classmethod
    def capture(cls, role: str, signer_name: str, box: Sequence[float],
                strokes: Iterable[Iterable[Sequence[float]]],
                signed_at: datetime | str | None = None) -> Signature:
        """What the signing pad calls: the statement shown for `role` is filled in."""
        if role not in ROLES:
            raise ValidationError(f"未知签名角色 {role}", f"unknown signer role {role!r}",
                                  field="role")
        when = signed_at or datetime.now().astimezone()
        if isinstance(when, datetime):
            when = when.isoformat(timespec="seconds")
        return cls(signer_name=signer_name, role=role, signed_at=when,
                   statement_zh=STATEMENT_ZH[role], box=tuple(box),
                   strokes=tuple(tuple(tuple(p) for p in s) for s in strokes))

    def to_dict(self) -> dict[str, Any]:
        return {
            "signer_name": self.signer_name, "role": self.role, "signed_at": self.signed_at,
            "statement_zh": self.statement_zh, "box": list(self.box),
            "strokes": [[list(p) for p in stroke] for stroke in self.strokes],
        }

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Signature:
        try:
            return cls(signer_name=d["signer_name"], role=d["role"], signed_at=d["signed_at"],
                       statement_zh=d["statement_zh"], box=tuple(d["box"]),
                       strokes=tuple(tuple(tuple(p) for p in s) for s in d["strokes"]))
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ValidationError("签名数据格式错误", f"malformed signature: {exc}",
                                  field="signature") from exc

    # -- measures used by the checks (and handy for the pad's live hint) -------------------
    @property
    def point_count(self) -> int:
        return sum(len(s) for s in self.strokes)

    @property
    def ink_length(self) -> float:
        return sum(math.dist(a[:2], b[:2]) for s in self.strokes for a, b in zip(s, s[1:]))

    @property
    def duration_ms(self) -> int:
        times = [p[2] for s in self.strokes for p in s]
        return max(times) - min(times) if times else 0

    @property
    def extent(self) -> float:
        pts = [p for s in self.strokes for p in s]
        if not pts:
            return 0.0
        xs, ys = [p[0] for p in pts], [p[1] for p in pts]
        return math.hypot(max(xs) - min(xs), max(ys) - min(ys))


def _refuse(zh: str, en: str, field: str = "signature") -> ValidationError:
    return ValidationError(zh, en, field=field)


def check_signature(sig: Signature, role: str | None = None) -> None:
    """Refuse a signature that is empty, trivial or malformed; `role` if a particular one is due."""
    who = ROLE_ZH.get(sig.role, sig.role)
    if sig.role not in ROLES:
        raise _refuse(f"未知签名角色 {sig.role}", f"unknown signer role {sig.role!r}", "role")
    if role is not None and sig.role != role:
        raise _refuse(f"此处需要{ROLE_ZH.get(role, role)}签名，而不是{who}签名",
                      f"a {role} signature is needed here, not a {sig.role} one", "role")
    if not sig.signer_name:
        raise _refuse(f"请填写{who}姓名", f"the {sig.role}'s name is required", "signer_name")
    if sig.statement_zh != STATEMENT_ZH[sig.role]:
        raise _refuse(f"{who}签名的确认声明与规定文字不符",
                      f"the {sig.role}'s statement is not the prescribed text", "statement_zh")
    try:
        datetime.fromisoformat(sig.signed_at)
    except (TypeError, ValueError) as exc:
        raise _refuse("签名时间格式错误", f"signed_at {sig.signed_at!r} is not an ISO time",
                      "signed_at") from exc
    width, height = sig.box
    if width <= 0 or height <= 0:
        raise _refuse("签名框尺寸错误", "the signature box must have a positive size", "box")
    for stroke in sig.strokes:
        if not stroke:
            raise _refuse("签名数据格式错误：有空笔画", "malformed signature: an empty stroke",
                          "strokes")
        if any(b[2] < a[2] for a, b in zip(stroke, stroke[1:])) or stroke[0][2] < 0:
            raise _refuse("签名数据格式错误：时间倒流", "malformed signature: time runs backwards",
                          "strokes")
    if not sig.strokes:
        raise _refuse(f"{who}尚未签名", f"the {sig.role} has not signed", "strokes")
    too_few = len(sig.strokes) < MIN_STROKES and sig.point_count < MIN_POINTS
    if (too_few or sig.ink_length < MIN_INK_BOX_HEIGHTS * height
            or sig.extent < MIN_EXTENT_BOX_HEIGHTS * height
            or sig.duration_ms < MIN_DURATION_MS):
        raise _refuse(f"{who}签名过于简单（像是误触）：请用正常笔迹完整签名",
                      f"the {sig.role}'s signature is too slight (looks like a stray touch): "
                      "please sign in full", "strokes")


def generated_signature(name: str, role: str, seed: int | str, *,
                        box: tuple[int, int] = (600, 200),
                        signed_at: datetime | str | None = None) -> Signature:
    """Handwriting-like strokes for the scripted demo: the same seed always gives the same ink.

    Each character of `name` gets a cell of the box and a few smooth strokes, drawn at a human
    pace with pauses between strokes and varying pressure. Random strokes can come out short
    (about 1 in 1,000 two-character names fell under the ink-length rule), so strokes are added
    until the ink is comfortably over every threshold of `check_signature`, and the result is
    checked before it is returned: a generated signature always passes.
    """
    width, height = box
    for attempt in range(GENERATION_ATTEMPTS):
        rng = random.Random(f"{seed}|{name}|{role}" + (f"|{attempt}" if attempt else ""))
        sig = Signature.capture(role, name, box, _draw(rng, max(len(name), 2), width, height),
                                signed_at)
        try:
            check_signature(sig, role)
        except ValidationError:
            continue  # a new draw from the next seed; deterministic all the same
        return sig
    raise ValidationError(f"无法为“{name}”生成签名", f"could not generate a signature for {name!r}",
                          field="strokes")


GENERATION_ATTEMPTS = 8
_INK_MARGIN = 1.25  # draw at least this much more ink than the rule asks


def _draw(rng: random.Random, chars: int, width: float, height: float) -> list[list[list[float]]]:
    """Strokes for `chars` character cells; more strokes while the ink is short of the rule."""
    cell = min(width * 0.9 / chars, height * 0.8)
    left = (width - cell * chars) / 2
    top = (height - cell) / 2
    strokes: list[list[list[float]]] = []
    t = 0.0
    ink = 0.0
    wanted = _INK_MARGIN * MIN_INK_BOX_HEIGHTS * height
    planned = [c for c in range(chars) for _ in range(rng.randint(3, 5))]
    while planned or ink < wanted:
        c = planned.pop(0) if planned else rng.randrange(chars)
        x0 = left + c * cell
        anchors = [(x0 + rng.uniform(0.1, 0.9) * cell, top + rng.uniform(0.1, 0.9) * cell)
                   for _ in range(rng.randint(2, 4))]
        stroke: list[list[float]] = []
        for i, (x, y) in enumerate(_smooth(anchors, steps=8)):
            if i:
                step = math.dist((x, y), stroke[-1][:2])
                ink += step
                t += step / rng.uniform(0.3, 0.8)  # px per ms
            pressure = 0.55 + 0.3 * math.sin(i / 3 + rng.random())
            stroke.append([x, y, t, pressure])
        strokes.append(stroke)
        t += rng.uniform(80, 250)  # pen lifted between strokes
    return strokes


def _smooth(anchors: list[tuple[float, float]], steps: int) -> list[tuple[float, float]]:
    """Catmull-Rom through the anchors: a pen path without corners."""
    pts = [anchors[0], *anchors, anchors[-1]]
    out = [anchors[0]]
    for i in range(1, len(pts) - 2):
        p0, p1, p2, p3 = pts[i - 1], pts[i], pts[i + 1], pts[i + 2]
        for s in range(1, steps + 1):
            u = s / steps
            out.append(tuple(
                0.5 * (2 * p1[k] + (-p0[k] + p2[k]) * u
                       + (2 * p0[k] - 5 * p1[k] + 4 * p2[k] - p3[k]) * u * u
                       + (-p0[k] + 3 * p1[k] - 3 * p2[k] + p3[k]) * u ** 3)
                for k in range(2)))
    return out


@dataclass(frozen=True)
class Refusal:
    """The resident refused to sign: why, and who witnessed it (the profile decides if needed)."""

    reason: str
    witness_name: str = ""
    witness_role: str = ""
    witness: Signature | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"reason": self.reason.strip(), "witness_name": self.witness_name.strip(),
                "witness_role": self.witness_role.strip(),
                "witness": self.witness.to_dict() if self.witness else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Refusal:
        w = d.get("witness")
        return cls(reason=d.get("reason", ""), witness_name=d.get("witness_name", ""),
                   witness_role=d.get("witness_role", ""),
                   witness=Signature.from_dict(w) if w else None)


@dataclass(frozen=True)
class Signatures:
    """Everything signed at the end of a visit: the `signatures` object of the record."""

    inspector: Signature
    resident: Signature | None = None
    refusal: Refusal | None = None

    def to_dict(self) -> dict[str, Any]:
        return {"inspector": self.inspector.to_dict(),
                "resident": self.resident.to_dict() if self.resident else None,
                "refusal": self.refusal.to_dict() if self.refusal else None}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Signatures:
        if not isinstance(d, dict) or not d.get("inspector"):
            raise ValidationError("缺少检测人员签名", "the inspector's signature is missing",
                                  field="inspector")
        return cls(inspector=Signature.from_dict(d["inspector"]),
                   resident=Signature.from_dict(d["resident"]) if d.get("resident") else None,
                   refusal=Refusal.from_dict(d["refusal"]) if d.get("refusal") else None)


def check_refusal(refusal: Refusal, profile: Profile) -> None:
    """The profile's refusal rule: a reason always; a witness of an allowed role if required."""
    if not refusal.reason.strip():
        raise _refuse("请填写用户拒绝签字的原因", "give the reason the resident refused to sign",
                      "refusal.reason")
    named = bool(refusal.witness_name.strip() or refusal.witness_role.strip() or refusal.witness)
    if not profile.refusal_witness_required and not named:
        return
    if not refusal.witness_name.strip():
        raise _refuse("用户拒绝签字时须有见证人：请填写见证人姓名",
                      "a refusal needs a witness: give the witness's name", "refusal.witness_name")
    roles = profile.witness_roles
    if roles and refusal.witness_role.strip() not in roles:
        raise _refuse(f"见证人身份须为：{'、'.join(roles)}",
                      f"the witness must be one of: {', '.join(roles)}", "refusal.witness_role")
    if refusal.witness is None:
        raise _refuse("见证人尚未签名", "the witness has not signed", "refusal.witness")
    check_signature(refusal.witness, "witness")
    if refusal.witness.signer_name != refusal.witness_name.strip():
        raise _refuse("见证人签名的姓名与填写的见证人不一致",
                      "the witness signature's name differs from the witness named",
                      "refusal.witness")


def check_signatures(sigs: Signatures, profile: Profile) -> None:
    """All a record needs before sealing: the inspector, and the resident or a proper refusal."""
    check_signature(sigs.inspector, "inspector")
    if sigs.resident is not None and sigs.refusal is not None:
        raise _refuse("用户已签字，不能同时记录拒绝签字",
                      "the resident signed: a refusal cannot be recorded as well", "refusal")
    if sigs.resident is not None:
        check_signature(sigs.resident, "resident")
    elif sigs.refusal is not None:
        check_refusal(sigs.refusal, profile)
    else:
        raise _refuse("需要用户签字，或记录“用户拒绝签字”及原因和见证人",
                      "the resident must sign, or the refusal must be recorded with a reason "
                      "and a witness", "resident")
