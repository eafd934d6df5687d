"""The test slip (测温记录单) as a pure function: sealed-record envelope → PDF bytes.

No database, no clock, no randomness: the same envelope gives the same bytes (reportlab's
`invariant` mode fixes the document id; the creation date is the record's sealing time), so a slip printed twice, or on the
office's machine, is byte-for-byte the same document, provided both run the same reportlab with
the same accelerators: reportlab's C `fp_str` (package rl_accel) rounds some coordinates in the
6th decimal the other way from its pure-Python one, so A4 bytes differ between the two. Each
copy starts on its own page, labelled, because the copies are handed to different parties and
each must stand alone: an A4 copy of a big home first gets slightly smaller type (never under
8 pt), and if it still does not fit one page it goes on over a second page of the same copy,
headed with the copy's name and page, the signatures and verification together on its last page;
an 80 mm roll copy is one long page as tall as its content.

Chinese by default, English on request (`lang="en"`): the words come from `labels.TEXT`, the
line breaking and label widths each language needs from `SCRIPTS`.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_LEFT, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    KeepInFrame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from inspector_app.core.profile import Profile
from inspector_app.slip.content import (
    Field,
    RoomLine,
    Signature,
    SlipContent,
    SlipError,
    build_content,
    copies_for,
    hash_groups,
    profile_for,
    slip_lang,
)
from inspector_app.slip.drawing import QrBox, QrFlowable, SignatureFlowable
from inspector_app.slip.fonts import (
    CJK_FONT,
    LATIN_FONT,
    draw_string,
    ensure_fonts,
    markup,
    string_width,
)
from inspector_app.slip.labels import Labels
from inspector_app.slip.pdf_date import dated

Paper = Literal["a4", "80mm", "80mm-compact"]
PAPERS: tuple[str, ...] = ("a4", "80mm", "80mm-compact")   # compact: `slip.roll_compact`
ROLL_WIDTH = 80 * mm
ROLL_PRINTABLE = 72 * mm          # what an 80 mm thermal head prints
GRID = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.9, 0.9, 0.9)
SMALLEST_TYPE = 8.0   # points: the resident's statement and the footnotes must stay readable
# A4 (body type, line spacing) tried in turn for a big home before it takes a second page
A4_STEPS = ((8.4, 1.0), (8.2, 1.0), (SMALLEST_TYPE, 1.0), (SMALLEST_TYPE, 0.93),
            (SMALLEST_TYPE, 0.88))
QR_MODULE_ROLL = 0.8 * mm   # a QR module: 3 pixels of a 100 dpi scan, a phone reads it easily
QR_MODULE_A4 = 0.7 * mm
LABEL_SHADE = colors.Color(0.96, 0.96, 0.96)


@dataclass(frozen=True)
class Layout:
    """Page geometry and type sizes of one paper."""

    paper: str
    page_width: float
    page_height: float | None     # None: as tall as the content (roll)
    margin_x: float
    margin_top: float
    margin_bottom: float          # includes the footer line
    body: float                   # body font size
    wide: bool                    # multi-column grids and one rooms table
    spacing: float = 1.0          # line spacing, times each style's own

    @property
    def width(self) -> float:
        return self.page_width - 2 * self.margin_x


LAYOUTS = {
    "a4": Layout("a4", A4[0], A4[1], 12 * mm, 9 * mm, 13 * mm, 8.4, True),
    "80mm": Layout("80mm", ROLL_WIDTH, None, (ROLL_WIDTH - ROLL_PRINTABLE) / 2, 4 * mm, 11 * mm,
                   SMALLEST_TYPE, False),
    "80mm-compact": Layout("80mm-compact", ROLL_WIDTH, None, (ROLL_WIDTH - ROLL_PRINTABLE) / 2,
                           2 * mm, 8 * mm, SMALLEST_TYPE, False),
}


@dataclass(frozen=True)
class Script:
    """What a language asks of the layout (its words come from `labels.TEXT`): where lines may
    break, and room for its labels. English words are longer and must not break inside a word."""

    word_wrap: str | None         # "CJK": between any two characters; None: at spaces only
    label_a4: float               # label column of the A4 grids
    label_roll: float             # label column of the 80 mm grids
    room_cols: tuple[float, ...]  # A4 rooms table in points: kind, area, points due, point,
                                  # each reading, point mean, room mean, verdict
    roll_cols: tuple[float, float]  # 80 mm room block: point and mean/verdict columns


SCRIPTS = {
    "zh": Script("CJK", 21 * mm, 19 * mm, (56, 34, 28, 25, 36, 40, 46, 40), (11 * mm, 15 * mm)),
    "en": Script(None, 26 * mm, 26 * mm, (56, 34, 34, 27, 37, 42, 46, 52), (11 * mm, 18 * mm)),
}


@dataclass
class SlipRender:
    """The PDF and where each page's QR code was drawn (for preview overlays and tests)."""

    pdf: bytes
    pages: int
    paper: str
    page_size: tuple[float, float]
    qr_boxes: list[QrBox]
    copies: list[tuple[str, str]]


class _Styles:
    """Paragraph styles for one layout and language; every style is CJK-based (Latin runs are
    set in Vera by `fonts.markup`), breaking lines as the language's script wants."""

    def __init__(self, layout: Layout, lang: str) -> None:
        b = layout.body
        self.script = SCRIPTS[lang]

        def style(name: str, size: float, lead: float = 1.3, **kw: object) -> ParagraphStyle:
            size = max(size, SMALLEST_TYPE)
            return ParagraphStyle(name, fontName=CJK_FONT, fontSize=size,
                                  leading=size * lead * layout.spacing,
                                  wordWrap=self.script.word_wrap, **kw)

        self.body = style("body", b)
        self.small = style("small", b * 0.86)
        self.tiny = style("tiny", b * 0.79)
        self.cell = style("cell", b, 1.2)
        self.cell_c = style("cell_c", b, 1.2, alignment=TA_CENTER)
        self.head_c = style("head_c", b - 0.6, 1.15, alignment=TA_CENTER)
        self.label = style("label", b - 0.4, 1.2, textColor=colors.Color(0.2, 0.2, 0.2))
        self.title = style("title", b + (7 if layout.wide else 4.4), 1.25,
                           alignment=TA_CENTER if not layout.wide else TA_LEFT)
        self.copy = style("copy", b + (5 if layout.wide else 3.4), 1.2, alignment=TA_CENTER)
        self.copy_small = style("copy_small", b - 1, 1.2, alignment=TA_CENTER)
        self.section = style("section", b + 1.2, 1.25, spaceBefore=b * 0.7, spaceAfter=b * 0.25,
                             backColor=SHADE if layout.wide else None,
                             borderPadding=(1.2, 2, 1.2, 2) if layout.wide else 0)
        self.verdict = style("verdict", b + 5, 1.3, spaceBefore=2)
        self.refused = style("refused", b + 3, 1.3)
        self.banner = style("banner", b + 1.5, 1.3, alignment=TA_CENTER)
        hash_size = max(b - (0.6 if layout.wide else 0.4), SMALLEST_TYPE)
        self.hash = ParagraphStyle("hash", fontName=LATIN_FONT, fontSize=hash_size,
                                   leading=(hash_size + 0.8) * 1.15)


class _Para(Paragraph):
    """A paragraph that keeps hanging punctuation inside its box.

    CJK line breaking lets a closing mark such as "）" hang past the right edge rather than
    start a line; in a table cell that runs over the rule (or off a roll's printable width).
    When that happens, the text is wrapped again one character narrower.
    """

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        w, h = super().wrap(avail_width, avail_height)
        lines = getattr(getattr(self, "blPara", None), "lines", ())
        spare = [line[0] if isinstance(line, tuple) else getattr(line, "extraSpace", 0)
                 for line in lines]
        if any(x < -0.01 for x in spare):
            h = super().wrap(avail_width - self.style.fontSize, avail_height)[1]
            self.width = w
        return w, h


class _Line(Flowable):
    """Text that is usually one short line (a reading, a label): drawn directly, without
    reportlab's paragraph parser and CJK line breaker, which dominate the render time. If it
    does not fit the width it is given, it becomes a wrapping paragraph after all."""

    def __init__(self, text: str, style: ParagraphStyle) -> None:
        super().__init__()
        self.text, self.style = text, style
        self.spaceBefore, self.spaceAfter = style.spaceBefore, style.spaceAfter
        self.natural = string_width(text, style.fontSize)
        self.para: Paragraph | None = None

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        if self.natural <= avail_width + 0.01:
            self.para = None
            self.width, self.height = avail_width, self.style.leading
            return self.width, self.height
        if self.para is None:
            self.para = _Para(markup(self.text), self.style)
        self.width, self.height = self.para.wrap(avail_width, avail_height)
        return self.width, self.height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        return [] if self.para is None else self.para.split(avail_width, avail_height)

    def draw(self) -> None:
        if self.para is not None:
            self.para.drawOn(self.canv, 0, 0)
            return
        st = self.style
        x = {TA_CENTER: self.width / 2, TA_RIGHT: self.width}.get(st.alignment, 0)
        align = {TA_CENTER: "center", TA_RIGHT: "right"}.get(st.alignment, "left")
        self.canv.setFillColor(st.textColor)
        draw_string(self.canv, x, self.height - st.fontSize, self.text, st.fontSize, align)


def _p(text: str, style: ParagraphStyle) -> Flowable:
    if "\n" in text or style.backColor or style.alignment not in (TA_LEFT, TA_CENTER, TA_RIGHT):
        return _Para(markup(text), style)
    return _Line(text, style)


def _one_line(text: str, style: ParagraphStyle, width: float,
              min_scale: float = 0.0) -> Paragraph:
    """`text` in `style`, made smaller if needed so it stays on one line (copy labels, the A4
    title); when that would take it below `min_scale` of its size, it wraps instead."""
    natural = string_width(text, style.fontSize)
    if natural <= width or width / natural < min_scale:
        return _p(text, style)
    size = style.fontSize * width / natural
    return _p(text, ParagraphStyle(f"{style.name}_fit", parent=style, fontSize=size,
                                   leading=size * style.leading / style.fontSize))


# -- pieces shared by both layouts -----------------------------------------------------------

def _grid(fields: Sequence[Field], width: float, st: _Styles, cols: int,
          label_w: float) -> Table:
    """Label/value pairs, `cols` pairs a row; a wide field takes a row of its own."""
    rows: list[list] = []
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.0),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2.5),
    ]
    row: list = []

    def shade(first_col: int) -> None:
        cmds.append(("BACKGROUND", (first_col, len(rows)), (first_col, len(rows)), LABEL_SHADE))

    def flush() -> None:
        nonlocal row
        if row:
            for i in range(0, len(row), 2):
                shade(i)
            row += [""] * (2 * cols - len(row))
            rows.append(row)
            row = []

    for f in fields:
        if f.wide or cols == 1:
            flush()
            shade(0)
            if cols > 1:
                cmds.append(("SPAN", (1, len(rows)), (2 * cols - 1, len(rows))))
            rows.append([_p(f.label, st.label), _p(f.value, st.cell)] + [""] * (2 * cols - 2))
            continue
        row += [_p(f.label, st.label), _p(f.value, st.cell)]
        if len(row) == 2 * cols:
            flush()
    flush()
    value_w = (width - cols * label_w) / cols
    table = Table(rows, colWidths=[label_w, value_w] * cols)
    table.setStyle(TableStyle(cmds))
    return table


def _preconditions(c: SlipContent, width: float, st: _Styles, cols: int) -> Table:
    t = c.t
    cells = [_p(t("precondition_met" if ok else "precondition_unmet", label=label), st.cell)
             for label, ok in c.preconditions] or [_p(t("no_preconditions"), st.cell)]
    rows = [cells[i:i + cols] + [""] * (cols - len(cells[i:i + cols]))
            for i in range(0, len(cells), cols)]
    table = Table(rows, colWidths=[width / cols] * cols)
    table.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.4, GRID),
        ("TOPPADDING", (0, 0), (-1, -1), 1.2),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.8),
        ("LEFTPADDING", (0, 0), (-1, -1), 2.5),
    ]))
    return table


def _signature_block(sig: Signature | None, title: str, t: Labels, width: float,
                     height: float, st: _Styles) -> list[Flowable]:
    if sig is None:
        return [_p(title, st.body), _p(t("not_signed"), st.small)]
    return [
        _p(title, st.body),
        _p(sig.statement, st.tiny) if sig.statement else Spacer(1, 1),   # as signed: recorded
        Spacer(1, 2),
        SignatureFlowable(sig, width, height),
        _p(t("signer_line", role=sig.role, name=sig.name, signed_at=sig.signed_at), st.small),
    ]


def _resident_block(c: SlipContent, width: float, height: float,
                    st: _Styles) -> list[Flowable]:
    t = c.t
    if c.resident is not None:
        return _signature_block(c.resident, t("sign.resident"), t, width, height, st)
    if c.refusal is None:
        return [_p(t("sign.resident"), st.body), _p(t("resident_missing"), st.small)]
    r = c.refusal
    out: list[Flowable] = [
        _p(t("refused"), st.refused),
        _p(t("refusal_reason", reason=r.reason), st.cell),
        _p(t("witness_line", name=r.witness_name, role=r.witness_role), st.cell),
    ]
    if r.witness is not None:
        out += [_p(t("witness_signs"), st.small),
                SignatureFlowable(r.witness, width, height * 0.8),
                _p(t("witness_signed_at", signed_at=r.witness.signed_at), st.small)]
    else:
        out.append(_p(t("witness_missing"), st.small))
    return out


def _verify_text(c: SlipContent, st: _Styles, per_line: int) -> list[Flowable]:
    t = c.t
    how = t("verify_how", office=c.office_url) if c.verify_link else t("verify_offline")
    out: list[Flowable] = [
        _p(how, st.small),
        _p(t.field(t("record_id"), c.record_id), st.small),
        _p(t("sha256"), st.small),
    ]
    out += [Paragraph(line, st.hash) for line in hash_groups(c.sha256, per_line)]
    out += [_p(t.field(f.label, f.value), st.tiny) for f in c.seal]
    return out


def _training_banner(c: SlipContent, st: _Styles, width: float) -> Table:
    banner = Table([[_p(c.t("training_banner"), st.banner)]], colWidths=[width])
    banner.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.0, colors.black),
                                ("TOPPADDING", (0, 0), (-1, -1), 2),
                                ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    return banner


def _conclusion(c: SlipContent, st: _Styles) -> list[Flowable]:
    out: list[Flowable] = [_p(c.t("verdict_line", verdict=c.verdict_label), st.verdict)]
    out += [_p(line, st.body) for line in c.conclusion[:2]]
    if c.conclusion[2:]:
        out.append(_p(c.t("gap").join(c.conclusion[2:]), st.body))
    out += [_p(line, st.small) for line in c.notes]
    out.append(_p(c.t.join(c.rules, "clause_sep"), st.tiny))   # one paragraph: no ragged lines
    return out


# -- A4 ------------------------------------------------------------------------------------

def _rooms_table(c: SlipContent, width: float, st: _Styles) -> Table:
    n = max(c.readings_per_point, 1)
    t = c.t
    head = [t("room_kind"), t("room_area"), t("points_required"), t("point"),
            *[t("reading_n", n=i) for i in range(1, n + 1)], t("point_mean"), t("room_mean"),
            t("room_verdict")]
    cols = st.script.room_cols
    fixed = [*cols[:4], *([cols[4]] * n), *cols[5:]]      # all but the room name, in points
    name_w = max(width - sum(fixed), 60)
    col_w = [name_w, *fixed[:4], *fixed[4:]]
    head.insert(0, t("room"))
    rows: list[list] = [[_p(h, st.head_c) for h in head]]
    cmds: list[tuple] = [
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.4),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
    ]
    for room in c.rooms:
        first = len(rows)
        points = room.points or ()
        for i, point in enumerate(points or [None]):
            readings = list(point.readings) if point else []
            readings += ["—"] * (n - len(readings))
            cells = [
                _p(room.name + (t("lowest") if room.lowest else ""), st.cell) if i == 0 else "",
                _p(room.kind, st.cell_c) if i == 0 else "",
                _p(room.area, st.cell_c) if i == 0 else "",
                _p(str(room.points_required), st.cell_c) if i == 0 else "",
                _p(f"{point.index}{'*' if point.manual else ''}" if point else "—", st.cell_c),
                *[_p(x, st.cell_c) for x in readings[:n]],
                _p(point.mean if point else "—", st.cell_c),
                _p(room.mean, st.cell_c) if i == 0 else "",
                _p(room.verdict_label, st.cell_c) if i == 0 else "",
            ]
            rows.append(cells)
        last = len(rows) - 1
        if last > first:
            for col in (0, 1, 2, 3, len(head) - 2, len(head) - 1):
                cmds.append(("SPAN", (col, first), (col, last)))
        if room.verdict == "fail":
            cmds.append(("BACKGROUND", (len(head) - 1, first), (len(head) - 1, last),
                         colors.Color(0.85, 0.85, 0.85)))
    if len(rows) == 1:
        rows.append([_p(t("no_rooms"), st.cell)] + [""] * (len(head) - 1))
        cmds.append(("SPAN", (0, 1), (-1, 1)))
    table = Table(rows, colWidths=col_w, repeatRows=1)
    table.setStyle(TableStyle(cmds))
    return table


def _story_a4(c: SlipContent, label: str, no: int, total: int, layout: Layout, st: _Styles,
              sink: list[QrBox]) -> list[Flowable]:
    w = layout.width
    page_h = layout.page_height or A4[1]
    t = c.t
    label_w = 52 * mm
    head = Table([[_one_line(c.title, st.title, w - label_w - 14, min_scale=0.85),
                   [_one_line(label, st.copy, label_w - 14),
                    _p(c.t("copy_of", no=no, total=total), st.copy_small)]]],
                 colWidths=[w - label_w, label_w])
    head.setStyle(TableStyle([
        ("BOX", (1, 0), (1, 0), 1.2, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("TOPPADDING", (1, 0), (1, 0), 3),
        ("BOTTOMPADDING", (1, 0), (1, 0), 4),
    ]))
    story: list[Flowable] = [head, Spacer(1, 3),
                             _p(t("header_sep").join(t.field(f.label, f.value) for f in c.header),
                                st.body)]
    if c.training:
        story += [Spacer(1, 3), _training_banner(c, st, w)]
    label_w = st.script.label_a4
    story += [
        _p(t("section.basics"), st.section), _grid(c.basics + c.times, w, st, 3, label_w),
        _p(t("section.conditions"), st.section), _preconditions(c, w, st, 3),
        Spacer(1, 2), _grid(c.conditions, w, st, 2, label_w),
        _p(t("section.instrument"), st.section), _grid(c.instrument, w, st, 3, label_w),
        _p(t("section.data_a4"), st.section),
        _rooms_table(c, w, st),
        _p(t("section.result"), st.section), *_conclusion(c, st),
    ]
    half = w / 2
    sig_w, sig_h = half - 8, 20 * mm
    signs = Table([[_signature_block(c.inspector, t("sign.inspector"), t, sig_w, sig_h, st),
                    _resident_block(c, sig_w, sig_h, st)]], colWidths=[half, half])
    signs.setStyle(TableStyle([
        ("BOX", (0, 0), (-1, -1), 0.4, GRID),
        ("LINEAFTER", (0, 0), (0, 0), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (-1, -1), 4),
        ("RIGHTPADDING", (0, 0), (-1, -1), 4),
    ]))
    if c.verify_link:
        qr = QrFlowable(c.verify_link, QR_MODULE_A4, sink)
        check = Table([[qr, _verify_text(c, st, 4)]], colWidths=[qr.size + 6, w - qr.size - 6])
    else:
        check = Table([[_verify_text(c, st, 4)]], colWidths=[w])
    check.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LEFTPADDING", (0, 0), (0, 0), 0),
        ("TOPPADDING", (0, 0), (-1, -1), 0),
    ]))
    # a copy that runs over two pages keeps its signatures and check together on the last one
    tail = [_p(t("section.signatures"), st.section), signs, Spacer(1, 4), check]
    story += [CondPageBreak(sum(f.wrap(w, page_h)[1] for f in tail)), *tail]
    return story


# -- 80 mm roll ----------------------------------------------------------------------------

def _room_block(room: RoomLine, n: int, width: float, st: _Styles, t: Labels) -> Table:
    first, last = st.script.roll_cols
    cols = [first, width - first - last, last]
    lowest = t("lowest") if room.lowest else ""
    rows: list[list] = [
        [_p(t("roll_room", name=room.name, lowest=lowest, kind=room.kind, area=room.area,
              points=room.points_required), st.cell), "", ""],
        [_p(t("point"), st.head_c), _p(t("roll_readings", n=n), st.head_c),
         _p(t("roll_mean"), st.head_c)],
    ]
    for p in room.points:
        rows.append([_p(f"{p.index}{'*' if p.manual else ''}", st.cell_c),
                     _p(t("gap").join(p.readings) or "—", st.cell_c), _p(p.mean, st.cell_c)])
    if not room.points:
        rows.append([_p("—", st.cell_c), _p(t("no_readings"), st.cell_c), _p("—", st.cell_c)])
    rows.append([_p(t("roll_room_mean", mean=room.mean), st.cell), "",
                 _p(room.verdict_label, st.cell_c)])
    last = len(rows) - 1
    table = Table(rows, colWidths=cols)
    table.setStyle(TableStyle([
        ("SPAN", (0, 0), (-1, 0)),
        ("SPAN", (0, last), (1, last)),
        ("BOX", (0, 0), (-1, -1), 0.6, colors.black),
        ("LINEBELOW", (0, 0), (-1, 0), 0.4, GRID),
        ("LINEABOVE", (0, last), (-1, last), 0.4, GRID),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 1.6),
        ("LEFTPADDING", (0, 0), (-1, -1), 2),
        ("RIGHTPADDING", (0, 0), (-1, -1), 2),
        *([("BOX", (2, last), (2, last), 1.2, colors.black)] if room.verdict == "fail" else []),
    ]))
    return table


def _story_roll(c: SlipContent, label: str, no: int, total: int, layout: Layout, st: _Styles,
                sink: list[QrBox]) -> list[Flowable]:
    w = layout.width
    t = c.t
    copy = Table([[[_one_line(label, st.copy, w - 14),
                    _p(c.t("copy_of", no=no, total=total), st.copy_small)]]],
                 colWidths=[w])
    copy.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                              ("TOPPADDING", (0, 0), (-1, -1), 2),
                              ("BOTTOMPADDING", (0, 0), (-1, -1), 3)]))
    story: list[Flowable] = [_p(c.title, st.title), Spacer(1, 2), copy]
    if c.training:
        story += [Spacer(1, 3), _training_banner(c, st, w)]
    label_w = st.script.label_roll
    story += [
        Spacer(1, 3), _grid(c.header, w, st, 1, label_w),
        _p(t("section.basics"), st.section), _grid(c.basics + c.times, w, st, 1, label_w),
        _p(t("section.conditions"), st.section), _preconditions(c, w, st, 1),
        Spacer(1, 2), _grid(c.conditions, w, st, 1, label_w),
        _p(t("section.instrument"), st.section), _grid(c.instrument, w, st, 1, label_w),
        _p(t("section.data"), st.section),
    ]
    for room in c.rooms:
        story += [_room_block(room, max(c.readings_per_point, 1), w, st, t), Spacer(1, 3)]
    if not c.rooms:
        story.append(_p(t("no_rooms"), st.body))
    story += [_p(t("section.result"), st.section), *_conclusion(c, st),
              _p(t("section.signatures"), st.section)]
    sig_w, sig_h = w, 20 * mm
    story += _signature_block(c.inspector, t("sign.inspector"), t, sig_w, sig_h, st)
    story.append(Spacer(1, 5))
    story += _resident_block(c, sig_w, sig_h, st)
    story.append(_p(t("section.verify"), st.section))
    if c.verify_link:
        qr = QrFlowable(c.verify_link, QR_MODULE_ROLL, sink)
        qr.hAlign = "CENTER"
        story += [qr, Spacer(1, 2)]
    story += _verify_text(c, st, 2)
    return story


# -- the document --------------------------------------------------------------------------

class _CopyStart(Flowable):
    """Marks where a copy begins, so the page furniture knows whose page it is drawing."""

    def __init__(self, index: int, state: dict) -> None:
        super().__init__()
        self.index, self.state = index, state

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return 0, 0

    def draw(self) -> None:
        self.state.update(copy=self.index, first=self.canv.getPageNumber())


def _decorate(content: SlipContent, copies: list[tuple[str, str]], layout: Layout,
              state: dict, total: int, per_copy: int):  # noqa: ANN202
    """Per-page furniture drawn over the content: footer (page of `total`, the copy's name),
    on a copy's second page a header with its name and page, and the training watermark."""
    t = content.t

    stamp = dated(content.sealed_at)

    def on_page_end(canvas: Canvas, doc: BaseDocTemplate) -> None:
        stamp(canvas)
        n = canvas.getPageNumber()
        label = copies[state.get("copy", 0)][1] if copies else ""
        pw, ph = doc.pagesize
        canvas.saveState()
        y = layout.margin_bottom - 5.5 * mm
        canvas.setStrokeGray(0.4)
        canvas.setLineWidth(0.4)
        canvas.line(layout.margin_x, y + 3.2 * mm, pw - layout.margin_x, y + 3.2 * mm)
        size = max(layout.body - 1.2, SMALLEST_TYPE)
        if layout.wide:
            draw_string(canvas, layout.margin_x, y, t("page_of", no=n, total=total), size)
            draw_string(canvas, pw / 2, y, label, size, "center")
            draw_string(canvas, pw - layout.margin_x, y,
                        t("footer_record", record_id=content.record_id), size,
                        "right")
            page = n - state.get("first", n) + 1
            if page > 1:      # a copy's continuation: whose it is, which page of it
                head = t("copy_continued", label=label, no=page, total=per_copy)
                draw_string(canvas, pw / 2, ph - layout.margin_top + 2.5 * mm, head,
                            SMALLEST_TYPE + 1, "center")
        else:
            draw_string(canvas, pw / 2, y, t("page_of", no=n, total=total) + t("gap") + label,
                        size, "center")
        if content.training:
            canvas.setFillColor(colors.Color(0.45, 0.45, 0.45, alpha=0.22))
            wm = 40 if layout.wide else 17
            step = 0 if layout.wide else 95 * mm
            ys = [ph / 2] if not step else [step / 2 + i * step
                                            for i in range(max(1, int(ph // step)))]
            for cy in ys:
                canvas.saveState()
                canvas.translate(pw / 2, cy)
                canvas.rotate(40 if layout.wide else 55)
                draw_string(canvas, 0, -wm / 3, t("watermark"), wm, "center")
                canvas.restoreState()
        canvas.restoreState()

    return on_page_end


def render(envelope: dict, *, paper: str = "a4", copies: list[tuple[str, str]] | None = None,
           office_url: str | None = None, lang: str = "zh",
           profile: Profile | None = None) -> SlipRender:
    """Render every copy of the slip; returns the PDF with its page facts (see `render_slip`)."""
    if paper not in LAYOUTS:
        raise SlipError(f"未知纸张：{paper}（可选：a4、80mm）",
                        f"unknown paper {paper!r} (a4 or 80mm)", field="paper")
    lang = slip_lang(lang)
    ensure_fonts()
    record = envelope.get("record") if isinstance(envelope, dict) else None
    if profile is None and isinstance(record, dict):
        profile = profile_for(record)
    content = build_content(envelope, profile=profile, office_url=office_url, lang=lang)
    if not copies:
        copies = copies_for(profile, lang)
        if not LAYOUTS[paper].wide and profile is not None:   # the roll prints the first ones
            copies = copies[:profile.roll_copies]
    copies = list(copies)
    layout = paper_layout = LAYOUTS[paper]
    sink: list[QrBox] = []
    build = _story_a4 if layout.wide else _story_roll
    if paper == "80mm-compact":
        from inspector_app.slip.roll_compact import story_compact as build
    scratch = Canvas(io.BytesIO(), invariant=1)

    def natural_height(story: list[Flowable]) -> float:
        return KeepInFrame(layout.width, 10_000 * mm, story, mode="shrink").wrapOn(
            scratch, layout.width, 10_000 * mm)[1]

    flows = False       # an A4 copy too long for one page at 8 pt: it runs over pages
    if layout.page_height is None:
        page_h = 0.0
    else:
        # A home with many rooms gets smaller type (same full-width grid, never under 8 pt);
        # if a copy still does not fit one page, it goes on over the next page of the same copy.
        page_h = layout.page_height
        room = page_h - layout.margin_top - layout.margin_bottom
        longest = max((label for _key, label in copies), key=len)
        for body, spacing in A4_STEPS:
            typed = replace(layout, body=body, spacing=spacing)
            trial = build(content, longest, 1, len(copies), typed, _Styles(typed, lang), [])
            flows = natural_height(trial) > room
            if not flows:
                break
        else:       # two pages whatever the type: the first, roomiest, setting
            body, spacing = A4_STEPS[0]
            typed = replace(layout, body=body, spacing=spacing)
        layout = typed
    st = _Styles(layout, lang)
    if not page_h:
        # The roll: each copy is one page exactly as long as its content. Copies differ only in
        # their label, which is always set on one line, so measuring the first one suffices.
        first = build(content, copies[0][1], 1, len(copies), layout, st, [])
        page_h = natural_height(first) + layout.margin_top + layout.margin_bottom + 2
    frame_h = page_h - layout.margin_top - layout.margin_bottom

    def build_pdf(total: int, per_copy: int) -> tuple[bytes, int]:
        sink.clear()
        state: dict = {}
        buf = io.BytesIO()
        doc = BaseDocTemplate(
            buf, pagesize=(layout.page_width, page_h), leftMargin=layout.margin_x,
            rightMargin=layout.margin_x, topMargin=layout.margin_top,
            bottomMargin=layout.margin_bottom, invariant=1,
            title=content.t("doc_title", record_id=content.record_id),
            author="heating-inspector", subject=f"SHA-256 {content.sha256}",
            creator="inspector_app.slip",
        )
        frame = Frame(layout.margin_x, layout.margin_bottom, layout.width, frame_h, id="copy",
                      leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0)
        doc.addPageTemplates([PageTemplate(id="copy", frames=[frame], onPageEnd=_decorate(
            content, copies, paper_layout, state, total, per_copy))])
        flow: list[Flowable] = []
        for i, (_key, label) in enumerate(copies):
            if i:
                flow.append(PageBreak())
            story = build(content, label, i + 1, len(copies), layout, st, sink)
            flow.append(_CopyStart(i, state))
            # A4 flows: a copy longer than its page goes on over the next; never shrunk
            flow += story if layout.wide else [KeepInFrame(layout.width, frame_h, story,
                                                           mode="shrink")]
        doc.build(flow)
        return buf.getvalue(), doc.page

    pdf, pages = build_pdf(len(copies), 1)
    if pages != len(copies):     # copies over two pages: number the pages again, now known
        pdf, pages = build_pdf(pages, pages // len(copies))
    return SlipRender(pdf=pdf, pages=pages, paper=paper,
                      page_size=(layout.page_width, page_h), qr_boxes=sink, copies=copies)


def render_slip(envelope: dict, *, paper: str = "a4", copies: list[tuple[str, str]] | None = None,
                office_url: str | None = None, lang: str = "zh",
                profile: Profile | None = None) -> bytes:
    """The slip as PDF bytes: one labelled page per copy (default: the record's profile's copies,
    else the four Changchun ones), on `paper` "a4" or "80mm", in `lang` "zh" (default) or "en".
    Raises SlipError on a bad envelope, paper or language.
    """
    return render(envelope, paper=paper, copies=copies, office_url=office_url, lang=lang,
                  profile=profile).pdf
