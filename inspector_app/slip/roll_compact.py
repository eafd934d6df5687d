"""The compact 80 mm roll copy: at most 25 cm of paper a copy instead of about 50.

What makes it short: facts set as running text with short labels rather than a label grid (a
time on the complaint's day without its date again), one line a room with its point means only
(each reading stays in the sealed record and on the A4 slip, which the copy says), the criterion
and refund estimate one line each with each room's sum only, the two signatures side by side
(a refusal and its reason full width above them, the witness signing beside the inspector),
the hash beside a QR code of low error correction (a fresh thermal print needs no more: fewer
modules at the same module size). Same facts otherwise, nothing under 8 pt, in either language.
"""

from __future__ import annotations

import copy

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from inspector_app.slip.content import Field, Signature, SlipContent
from inspector_app.slip.drawing import QrBox, QrFlowable, SignatureFlowable
from inspector_app.slip.render import (
    GRID,
    SHADE,
    Layout,
    _one_line,
    _p,
    _Styles,
)

COMPACT_PAPER = "80mm-compact"
SIGNATURE_HEIGHT = 10 * mm
QR_MODULE = 0.75 * mm   # 3 pixels of a 100 dpi scan; 43 mm for the longest office address
QR_LEVEL = "L"          # 7 % error correction: version 8 instead of 9 for a long office address
LEADING = 1.13     # line spacing of running text (1.3 on the other papers)
SHORT_KEYS = ("record_id", "ticket", "channel", "ticket_source", "resident_name", "resident_phone",
              "heated_area",
              "company", "position", "outdoor", "complaint_at", "contact_at", "arrival_at",
              "test_at", "inspector", "inspector_org", "closed_since",
              "exemptions", "instrument_model", "instrument_serial", "instrument_correction",
              "instrument_certificate", "instrument_expiry", "sealed_at", "device")


def _tight(st: _Styles) -> _Styles:
    """The same styles with closer lines: the type stays the same size."""
    out = copy.copy(st)
    for name in ("body", "small", "tiny", "cell", "cell_c", "head_c", "label", "refused"):
        style: ParagraphStyle = getattr(st, name)
        setattr(out, name, ParagraphStyle(f"{name}_tight", parent=style,
                                          leading=style.fontSize * LEADING))
    out.verdict = ParagraphStyle("verdict_tight", parent=st.verdict,
                                 leading=st.verdict.fontSize * 1.15, spaceBefore=1)
    out.refused = ParagraphStyle("refused_tight", parent=st.refused,
                                 fontSize=st.body.fontSize + 1.5,
                                 leading=(st.body.fontSize + 1.5) * LEADING)
    out.hash = ParagraphStyle("hash_tight", parent=st.hash, leading=st.hash.fontSize * LEADING)
    return out


def _short(c: SlipContent, f: Field, day: str) -> str:
    """One field with its short label; a time on `day` (the complaint's date) without the date."""
    t = c.t
    short = {t(key): t(f"short.{key}") for key in SHORT_KEYS}
    short[t("contact_limit")] = ""        # the sentence says what it is
    value = f.value
    if day and value.startswith(day + " "):
        value = value[len(day) + 1:]
    label = short.get(f.label, f.label)
    return t("short_field", label=label, value=value) if label else value


def _day(c: SlipContent) -> str:
    """The complaint's date ("2026-11-26"): later times that day are printed without it."""
    first = c.times[0].value if c.times else ""
    day = first.split(" ")[0]
    return day if len(day) == 10 and day[4] == "-" else ""


def _run(fields: list[Field], c: SlipContent, day: str = "") -> str:
    """Fields as one running paragraph: "label：value　label：value" ("label value · ...")."""
    return c.t("compact_sep").join(_short(c, f, day) for f in fields)


def _rooms(c: SlipContent, width: float, st: _Styles) -> Table:
    t = c.t
    head = [t("room"), t("compact_area"), t("compact_point_means"), t("compact_room_mean"),
            t("room_verdict")]
    fixed = [8 * mm, 22 * mm, 12 * mm, 10.5 * mm]
    rows: list[list] = [[_p(h, st.head_c) for h in head]]
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.5),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.2),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for room in c.rooms:
        means = " ".join(p.mean + ("*" if p.manual else "") for p in room.points) or "—"
        rows.append([_p(room.name + (t("compact_lowest") if room.lowest else ""), st.cell),
                     _p(room.area, st.cell_c), _p(means, st.cell_c), _p(room.mean, st.cell_c),
                     _p(room.verdict_label, st.cell_c)])
        if room.verdict == "fail":
            cmds.append(("BACKGROUND", (4, len(rows) - 1), (4, len(rows) - 1),
                         colors.Color(0.85, 0.85, 0.85)))
    if len(rows) == 1:
        rows.append([_p(t("no_rooms"), st.cell), "", "", "", ""])
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(rows, colWidths=[width - sum(fixed), *fixed])
    table.setStyle(TableStyle(cmds))
    return table


def _when(signed_at: str, day: str) -> str:
    return signed_at[len(day) + 1:] if day and signed_at.startswith(day + " ") else signed_at


def _sign(sig: Signature | None, title: str, c: SlipContent, width: float, st: _Styles,
          day: str, height: float = SIGNATURE_HEIGHT, who: str = "") -> list[Flowable]:
    """One signature: as what, the statement as signed, the ink, who signed and when."""
    t = c.t
    if sig is None:
        return [_p(title, st.body), _p(t("not_signed"), st.small)]
    return [
        _p(title, st.body),
        _p(sig.statement, st.tiny) if sig.statement else Spacer(1, 1),   # as signed: recorded
        Spacer(1, 1),
        SignatureFlowable(sig, width, height),
        _p(t("compact_signed", name=who or sig.name, at=_when(sig.signed_at, day)), st.small),
    ]


def _refusal(c: SlipContent, st: _Styles) -> list[Flowable]:
    """A refusal, full width above the signatures: the witness signs in the resident's place."""
    if c.resident is not None or c.refusal is None:
        return []
    t = c.t
    return [_p(t("refused"), st.refused),
            _p(t("refusal_reason", reason=c.refusal.reason), st.body), Spacer(1, 1)]


def _resident(c: SlipContent, width: float, st: _Styles, day: str) -> list[Flowable]:
    """The resident's signature, or (refused) the witness's."""
    t = c.t
    r = c.refusal
    if c.resident is not None or r is None:
        if c.resident is None:
            return [_p(t("sign.resident"), st.body), _p(t("resident_missing"), st.small)]
        return _sign(c.resident, t("sign.resident"), c, width, st, day)
    who = f"{r.witness_name}{t('paren', text=r.witness_role)}"
    if r.witness is None:
        return [_p(t("sign.witness"), st.body), _p(who, st.small),
                _p(t("witness_missing"), st.small)]
    return _sign(r.witness, t("sign.witness"), c, width, st, day, SIGNATURE_HEIGHT, who)


def _signatures(c: SlipContent, width: float, st: _Styles, day: str) -> list[Flowable]:
    half = width / 2
    t = c.t
    table = Table([[_sign(c.inspector, t("sign.inspector"), c, half - 5, st, day),
                    _resident(c, half - 5, st, day)]],
                  colWidths=[half, half])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.4, GRID), ("LINEAFTER", (0, 0), (0, 0), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return [*_refusal(c, st), table]


def _check(c: SlipContent, width: float, st: _Styles, sink: list[QrBox]) -> list[Flowable]:
    """The QR code with the hash beside it, what to do with it under the hash, then the link."""
    t = c.t
    hashes = [Paragraph(c.sha256[i:i + 8], st.hash) for i in range(0, 64, 8)]
    text: list[Flowable] = [_p(t("sha256"), st.small), *hashes]
    if not c.verify_link:
        return [_p(t("verify_offline"), st.small), *text]
    qr = QrFlowable(c.verify_link, QR_MODULE, sink, QR_LEVEL)
    text += [Spacer(1, 2), _p(t("compact_verify_how"), st.small)]
    side = Table([[qr, text]], colWidths=[qr.size + 2, width - qr.size - 2])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [side, _p(t("compact_verify_link", office=c.office_url), st.small)]


def _conditions(c: SlipContent) -> str:
    """How many preconditions were met, naming only the unmet ones (the A4 slip lists all)."""
    t = c.t
    met = sum(1 for _label, ok in c.preconditions if ok)
    unmet = [t("precondition_unmet", label=label) for label, ok in c.preconditions if not ok]
    if not c.preconditions:
        return t("no_preconditions")
    return t.join([t("compact_conditions", met=met, total=len(c.preconditions)), *unmet],
                  "clause_sep")


def _conclusion(c: SlipContent, st: _Styles) -> list[Flowable]:
    """The verdict, then criterion and refund estimate in short (the rooms table marks the
    lowest room; the A4 slip works each refund share out)."""
    t = c.t
    out: list[Flowable] = [_p(t("verdict_line", verdict=c.verdict_label), st.verdict),
                           *[_p(line, st.body) for line in c.brief]]
    if c.notes:
        out.append(_p(t("gap").join(c.notes), st.small))
    out.append(_p(t.join(c.rules, "clause_sep"), st.tiny))
    return out


def story_compact(c: SlipContent, label: str, no: int, total: int, layout: Layout,
                  st: _Styles, sink: list[QrBox]) -> list[Flowable]:
    """One compact roll copy."""
    w = layout.width
    t = c.t
    st = _tight(st)
    heading: list[Flowable] = [_one_line(f"{label}{t('gap')}{t('copy_of', no=no, total=total)}",
                                         st.banner, w - 8)]
    if c.training:        # in the copy's own box: it cannot be cut off from the copy's name
        heading.append(_p(t("training_banner"), st.body))
    copy = Table([[heading]], colWidths=[w])
    copy.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                              ("TOPPADDING", (0, 0), (-1, -1), 1),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 2)]))
    title = ParagraphStyle("compact_title", parent=st.section, spaceBefore=0, spaceAfter=1,
                           leading=st.section.fontSize * 1.2)
    story: list[Flowable] = [_one_line(c.title, title, w), copy]
    day = _day(c)
    conditions = t("short_field", label=t("section.conditions_short"), value=_conditions(c))
    story += [
        Spacer(1, 2),
        _p(_run(c.header + c.basics, c, day), st.body),
        _p(_run(c.times, c, day), st.body),
        _p(t("compact_sep").join([conditions, _run(c.conditions + c.instrument, c, day)]),
           st.body),
        _p(_run(c.seal, c, day), st.body),
        Spacer(1, 2), _rooms(c, w, st), _p(t("compact_readings_note"), st.tiny),
        *_conclusion(c, st),
        Spacer(1, 2), *_signatures(c, w, st, day), Spacer(1, 2),
        *_check(c, w, st, sink),
    ]
    return story
