"""The compact 80 mm roll copy: at most 25 cm of paper a copy instead of about 50.

What makes it short: facts set as running text rather than a label grid, one line a room with
its point means only (each reading stays in the sealed record and on the A4 slip, which the
copy says), the two signatures side by side, the hash beside the QR code. Same facts otherwise,
same type sizes (nothing under 8 pt), same QR module size.
"""

from __future__ import annotations

import copy

from reportlab.lib import colors
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, Spacer, Table, TableStyle

from inspector_app.slip.content import Field, SlipContent
from inspector_app.slip.drawing import QrBox, QrFlowable
from inspector_app.slip.render import (
    GRID,
    SHADE,
    Layout,
    _one_line,
    _p,
    _resident_block,
    _signature_block,
    _Styles,
)

COMPACT_PAPER = "80mm-compact"
SIGNATURE_HEIGHT = 11 * mm
QR_MODULE = 0.75 * mm   # still 3 pixels of a 100 dpi scan; 46 mm for the longest office address
LEADING = 1.13     # line spacing of running text (1.3 on the other papers)


def _tight(st: _Styles) -> _Styles:
    """The same styles with closer lines: the type stays the same size."""
    out = copy.copy(st)
    for name in ("body", "small", "tiny", "cell", "cell_c", "head_c", "label", "refused"):
        style: ParagraphStyle = getattr(st, name)
        setattr(out, name, ParagraphStyle(f"{name}_tight", parent=style,
                                          leading=style.fontSize * LEADING))
    out.verdict = ParagraphStyle("verdict_tight", parent=st.verdict,
                                 leading=st.verdict.fontSize * 1.15, spaceBefore=1)
    return out


def _run(fields: list[Field], c: SlipContent) -> str:
    """Fields as one running paragraph: "label：value　label：value"."""
    return c.t("gap").join(c.t.field(f.label, f.value) for f in fields)


def _rooms(c: SlipContent, width: float, st: _Styles) -> Table:
    t = c.t
    head = [t("room"), t("compact_area"), t("compact_point_means"), t("compact_room_mean"),
            t("room_verdict")]
    fixed = [10 * mm, 22 * mm, 12 * mm, 11 * mm]
    rows: list[list] = [[_p(h, st.head_c) for h in head]]
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 0.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.4),
        ("LEFTPADDING", (0, 0), (-1, -1), 1.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 1.5),
    ]
    for room in c.rooms:
        means = " ".join(p.mean + ("*" if p.manual else "") for p in room.points) or "—"
        rows.append([_p(room.name + (t("lowest") if room.lowest else ""), st.cell),
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


def _signatures(c: SlipContent, width: float, st: _Styles) -> Table:
    half = width / 2
    t = c.t
    table = Table([[_signature_block(c.inspector, t("sign.inspector"), t, half - 5,
                                     SIGNATURE_HEIGHT, st),
                    _resident_block(c, half - 5, SIGNATURE_HEIGHT, st)]],
                  colWidths=[half, half])
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.4, GRID), ("LINEAFTER", (0, 0), (0, 0), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 2), ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        ("TOPPADDING", (0, 0), (-1, -1), 1), ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
    ]))
    return table


def _check(c: SlipContent, width: float, st: _Styles, sink: list[QrBox]) -> list[Flowable]:
    t = c.t
    hashes = [Paragraph(c.sha256[i:i + 8], st.hash) for i in range(0, 64, 8)]
    text = [_p(t("sha256"), st.small), *hashes, Spacer(1, 2),
            *[_p(t.field(f.label, f.value), st.tiny) for f in c.seal]]
    if not c.verify_link:
        return [_p(t("verify_offline"), st.small), *text]
    qr = QrFlowable(c.verify_link, QR_MODULE, sink)
    side = Table([[qr, text]], colWidths=[qr.size + 2, width - qr.size - 2])
    side.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                              ("LEFTPADDING", (0, 0), (-1, -1), 0),
                              ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                              ("TOPPADDING", (0, 0), (-1, -1), 0),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 0)]))
    return [side, _p(t("compact_verify_how", office=c.office_url), st.small)]


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
    """The conclusion as running text, less the lowest-room line: the rooms table marks it."""
    t = c.t
    lowest = [t("lowest_room", name=r.name, kind=r.kind, mean=r.mean) for r in c.rooms if r.lowest]
    lines = [line for line in c.conclusion if line not in lowest]
    out: list[Flowable] = [_p(t("verdict_line", verdict=c.verdict_label), st.verdict),
                           _p(t("gap").join(lines), st.body)]
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
    story += [
        Spacer(1, 2),
        _p(_run(c.header, c), st.body),
        _p(_run(c.basics, c), st.body),
        _p(_run(c.times, c), st.body),
        _p(t("gap").join([t.field(t("section.conditions_short"), _conditions(c)),
                         _run(c.conditions, c)]), st.body),
        _p(_run(c.instrument, c), st.body),
        Spacer(1, 2), _rooms(c, w, st), _p(t("compact_readings_note"), st.tiny),
        *_conclusion(c, st),
        Spacer(1, 2), _signatures(c, w, st), Spacer(1, 2),
        *_check(c, w, st, sink),
    ]
    return story
