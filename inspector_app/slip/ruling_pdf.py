"""The refund ruling (退费裁定书) as a pure function: sealed envelope + Ruling → A4 PDF bytes.

It prints the record it rests on down to the full SHA-256, the rule and its source, the sum room
by room, and the amount in figures and in capitals, so a resident or a court can redo the ruling
from the paper alone. Deterministic like the slip (reportlab `invariant`, fonts embedded as
subsets): the office can re-render an issued ruling and get the same bytes.
"""

from __future__ import annotations

import io
from datetime import timezone
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    Paragraph,
    SimpleDocTemplate,
    Spacer,
    Table,
    TableStyle,
)

from inspector_app.core.model import Address
from inspector_app.core.profile import Profile
from inspector_app.core.provenance import CONFIRMED, Provenance, unconfirmed
from inspector_app.core.record_time import shown_time
from inspector_app.core.ruling import REFUND, TRAINING_NOTE, Ruling, is_training
from inspector_app.slip.content import (
    NONE,
    SlipError,
    fmt_num,
    fmt_time,
    hash_groups,
    profile_for,
    record_zone,
    slip_lang,
    verify_link,
)
from inspector_app.slip.drawing import QrFlowable
from inspector_app.slip.fonts import CJK_FONT, LATIN_FONT, draw_string, ensure_fonts, markup
from inspector_app.slip.pdf_date import dated
from inspector_app.slip.ruling_labels import RulingLabels, yuan_capital

GRID = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.93, 0.93, 0.93)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 16 * mm, 14 * mm, 16 * mm
WIDTH = A4[0] - 2 * MARGIN_X
BODY = 9.0


class _Styles:
    def __init__(self, lang: str) -> None:
        wrap = "CJK" if lang == "zh" else None

        def style(name: str, size: float, lead: float = 1.35, **kw: object) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=CJK_FONT, fontSize=size, leading=size * lead,
                                  wordWrap=wrap, **kw)

        self.body = style("body", BODY)
        self.small = style("small", BODY - 1.2)
        self.cell = style("cell", BODY - 0.6, 1.2)
        self.cell_c = style("cell_c", BODY - 0.6, 1.2, alignment=TA_CENTER)
        self.cell_r = style("cell_r", BODY - 0.6, 1.2, alignment=TA_RIGHT)
        self.head = style("head", BODY - 0.8, 1.2, alignment=TA_CENTER)
        self.label = style("label", BODY - 0.6, 1.2, textColor=colors.Color(0.2, 0.2, 0.2))
        self.office = style("office", BODY + 3, 1.3, alignment=TA_CENTER)
        self.title = style("title", BODY + 9, 1.3, alignment=TA_CENTER, spaceAfter=2)
        self.number = style("number", BODY + 0.5, 1.3, alignment=TA_CENTER)
        self.section = style("section", BODY + 1.5, 1.3, spaceBefore=7, spaceAfter=3,
                             backColor=SHADE, borderPadding=(1.5, 2, 1.5, 2))
        self.decision = style("decision", BODY + 3, 1.35, spaceBefore=2)
        self.hash = ParagraphStyle("hash", fontName=LATIN_FONT, fontSize=BODY - 0.4,
                                   leading=BODY * 1.25)


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def _grid(rows: list[tuple[str, str | list[Flowable]]], st: _Styles, label_w: float) -> Table:
    """Label/value rows; a value may be flowables (the hash lines)."""
    data = [[_p(label, st.label), value if isinstance(value, list) else _p(value, st.cell)]
            for label, value in rows]
    table = Table(data, colWidths=[label_w, WIDTH - label_w])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]))
    return table


def _share(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}" if share else "0"


def _rooms_table(ruling: Ruling, t: RulingLabels, st: _Styles) -> Table:
    head = [t(f"col.{c}") for c in ("room", "area", "mean", "verdict", "band", "share",
                                    "per_day", "amount")]
    widths = [0.19, 0.09, 0.10, 0.09, 0.19, 0.09, 0.12, 0.13]
    rows: list[list] = [[_p(h, st.head) for h in head]]
    for r in ruling.rooms:
        name = f"{r.name}（{t.coded('kind', r.kind)}）" if t.lang == "zh" else \
            f"{r.name} ({t.coded('kind', r.kind)})"
        rows.append([
            _p(name, st.cell), _p(fmt_num(r.area_m2), st.cell_c),
            _p(NONE if r.mean_c is None else str(r.mean_c), st.cell_c),
            _p(t.coded("verdict", r.verdict), st.cell_c), _p(t.band(r.band) or NONE, st.cell_c),
            _p(_share(r.share), st.cell_c), _p(str(r.per_day), st.cell_r),
            _p(str(r.amount), st.cell_r)])
    if not ruling.rooms:
        rows.append([_p(t("no_rooms"), st.cell)] + [""] * 7)
    rows.append([_p(t("total"), st.cell)] + [""] * 5 + [_p(str(ruling.per_day_total), st.cell_r),
                                                       _p(str(ruling.amount_total), st.cell_r)])
    last = len(rows) - 1
    table = Table(rows, colWidths=[w * WIDTH for w in widths], repeatRows=1)
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (-1, 0), SHADE),
        ("SPAN", (0, last), (5, last)),
        ("LINEABOVE", (0, last), (-1, last), 1.0, colors.black),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.6),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.2),
    ]))
    return table


def _note(note: str, ruling: Ruling, t: RulingLabels) -> str:
    kind, _, arg = note.partition(":")
    names = {r.room_id: r.name for r in ruling.rooms}
    key = f"note.{kind}"
    if not t.has(key):
        return note
    if kind == "profile_version_differs":
        sealed, _, current = arg.partition("→")
        return t(key, sealed=sealed, current=current)
    return t(key, room=names.get(arg, arg)) if arg else t(key)


class _SealBox(Flowable):
    """The box the office stamps its seal into, labelled (公章)."""

    def __init__(self, size: float, text: str) -> None:
        super().__init__()
        self.size, self.text = size, text

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        return self.size, self.size

    def draw(self) -> None:
        c = self.canv
        c.saveState()
        c.setStrokeGray(0.45)
        c.setLineWidth(0.6)
        c.setDash(3, 2)
        c.rect(0, 0, self.size, self.size)
        c.setFillGray(0.45)
        draw_string(c, self.size / 2, self.size / 2 - 3, self.text, BODY, "center")
        c.restoreState()


def _check(envelope: dict, ruling: Ruling) -> dict:
    record = envelope.get("record") if isinstance(envelope, dict) else None
    if not isinstance(record, dict):
        raise SlipError("不是已签封的检测记录（缺少 record）",
                        "not a sealed record envelope (no record)", field="record")
    if record.get("record_id") != ruling.record_id or envelope.get("sha256") != \
            ruling.record_sha256:
        raise SlipError("裁定与所附检测记录不符（记录编号或哈希不同）",
                        "the ruling does not belong to this record (record ID or hash differs)",
                        field="record_sha256")
    if is_training(record) and TRAINING_NOTE not in ruling.notes:
        raise SlipError("培训记录不能作为退费依据",
                        "a training record cannot be the basis of a refund ruling",
                        field="training")
    return record


def _rules_rows(record: dict, ruling: Ruling, profile: Profile | None,
                t: RulingLabels) -> list[tuple[str, str]]:
    sealed = record.get("profile") or {}
    if profile is None:
        shipped = profile_for(record)
        profile = shipped if shipped is not None and shipped.version == \
            ruling.profile_version else None
    if profile is not None:
        title = profile.title(t.lang)
    else:
        title = str(sealed.get("title_zh") or ruling.profile_name)
    value = t("profile_value", title=title, name=ruling.profile_name,
              version=ruling.profile_version)
    if sealed.get("version") and sealed.get("version") != ruling.profile_version:
        value += t("sealed_version", version=sealed["version"])
    rows = [(t("profile"), value)]
    for section, label in (("standard", "standard_source"), ("refund", "refund_source")):
        rows.append((t(label), _citation(section, ruling, profile, t)))
    if "refusal" in ruling.citations:   # the ruling counted the resident's refusal by it
        rows.append((t("refusal_source"), _citation("refusal", ruling, profile, t)))
    return rows


def _citation(section: str, ruling: Ruling, profile: Profile | None, t: RulingLabels) -> str:
    """The published rule a section rests on, in the ruling's language: as the office cited it
    when ruling (with who confirmed it and when), else as the profile states it; an unconfirmed
    section says so. Never the maintainers' `source` notes."""
    if section in ruling.citations:
        where = Provenance.from_dict(ruling.citations[section])
    elif profile is not None:
        where = profile.provenance.get(section) or unconfirmed(section)
    else:
        where = unconfirmed(section)
    text = where.citation(t.lang)
    if where.status == CONFIRMED:
        at = local_time(where.confirmed_at, record_zone(profile))
        text += t("confirmed_by", by=where.confirmed_by, at=at)
    return text


def local_time(moment: str, zone: timezone) -> str:
    """The office stamps UTC; the paper shows the time in the record's zone (its profile's),
    like every other time on it, to the minute."""
    return shown_time(moment, zone, missing=NONE)


QR_MODULE = 0.5 * mm   # A4, read from the sheet itself: 57 modules fit the 28 mm column


def _story(envelope: dict, record: dict, ruling: Ruling, t: RulingLabels, st: _Styles,
           ruling_no: str, issued_by: str, issued_at: str, office_name: str,
           office_url: str | None,
           profile: Profile | None) -> list[Flowable]:
    visit = record.get("visit") or {}
    device, chain = record.get("device") or {}, record.get("chain") or {}
    refund = ruling.decision == REFUND
    zone = record_zone(profile if profile is not None else profile_for(record))
    label_w = 30 * mm if t.lang == "zh" else 36 * mm
    story: list[Flowable] = []
    if office_name:
        story.append(_p(office_name, st.office))
    story += [_p(t("title.refund" if refund else "title.no_refund"), st.title),
              _p(t.field(t("ruling_no"), ruling_no), st.number)]
    if TRAINING_NOTE in ruling.notes:
        banner = Table([[_p(t("training_banner"), st.number)]], colWidths=[A4[0] - 2 * MARGIN_X])
        banner.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                                    ("BACKGROUND", (0, 0), (-1, -1), colors.Color(1, 0.94, 0.7))]))
        story.append(banner)

    addr = Address(**{k: str(v or "") for k, v in (visit.get("address") or {}).items()
                      if k in Address.__dataclass_fields__})
    inspector = str(visit.get("inspector") or NONE)
    if visit.get("inspector_org"):
        inspector += f"（{visit['inspector_org']}）" if t.lang == "zh" else \
            f" ({visit['inspector_org']})"
    hash_lines: list[Flowable] = [Paragraph(line, st.hash)
                                  for line in hash_groups(ruling.record_sha256, 4)]
    story += [
        _p(t("section.record"), st.section),
        _grid([
            (t("record_id"), ruling.record_id),
            (t("sha256"), hash_lines),
            (t("device"), t("device_value", device=device.get("device_id") or NONE,
                            seq=chain.get("seq") if chain.get("seq") is not None else NONE)),
            (t("test_at"), fmt_time(visit.get("test_at"), zone)),
            (t("address"), addr.one_line() or NONE),
            (t("resident"), str(visit.get("resident_name") or NONE)),
            (t("company"), str(visit.get("company") or NONE)),
            (t("inspector"), inspector),
        ], st, label_w),
        _p(t("section.rules"), st.section),
        _grid(_rules_rows(record, ruling, profile, t), st, label_w),
        _p(t("section.rooms"), st.section),
        _rooms_table(ruling, t, st),
        Spacer(1, 4),
    ]
    sums = [
        (t("daily_fee"), t("daily_fee_value", fee=ruling.daily_fee_per_m2)),
        (t("failing_days"), t("failing_days_value", days=ruling.failing_days)),
        (t("formula"), t("formula_value")),
        (t("amount"), t("amount_value", amount=ruling.amount_total)),
    ]
    if t.lang == "zh":
        sums.append((t("amount_capital"), yuan_capital(ruling.amount_total)))
    story += [_grid(sums, st, label_w), _p(t("section.decision"), st.section)]
    if refund:
        story.append(_p(t("decision.refund", amount=ruling.amount_total), st.decision))
    else:
        story += [_p(t("decision.no_refund"), st.decision),
                  _p(t("reason", reason=t.coded("reason", ruling.reason_code)), st.body)]
    if ruling.notes:
        story.append(_p(t("notes") + ("：" if t.lang == "zh" else ":"), st.body))
        story += [_p(f"· {_note(n, ruling, t)}", st.small) for n in ruling.notes]

    qr_size = 28 * mm   # the column; a link of up to 135 characters fits at QR_MODULE
    seal = 32 * mm
    issue = [
        _p(t.field(t("office"), office_name or NONE), st.body),
        _p(t.field(t("issued_by"), issued_by), st.body),
        _p(t.field(t("issued_at"), local_time(issued_at, zone)), st.body),
        Spacer(1, 8),
        _p(t("signature") + "_" * 24, st.body),
    ]
    link = verify_link(envelope, office_url)
    verify = ([QrFlowable(link, QR_MODULE, None)] if link else []) + [_p(t("verify"), st.small)]
    block = Table([[verify, issue, _SealBox(seal, t("seal"))]],
                  colWidths=[qr_size + 30 * mm, WIDTH - qr_size - 30 * mm - seal - 6, seal + 6])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"),
                               ("LEFTPADDING", (0, 0), (0, 0), 0)]))
    story += [_p(t("section.issue"), st.section), block]
    return story


def render_ruling(envelope: dict, ruling: Ruling, *, ruling_no: str, issued_by: str,
                  issued_at: str, office_name: str = "", lang: str = "zh",
                  office_url: str | None = None,
                  profile: Profile | None = None) -> bytes:
    """The ruling as A4 PDF bytes in `lang` "zh" (default) or "en". `profile` (the one the ruling
    was computed with) supplies the rule's title and source text; without it the shipped profile
    of the ruling's version is used, else the sources sealed in the record. Raises SlipError when
    the ruling is not about this envelope's record, or the record is a training one."""
    lang = slip_lang(lang)
    record = _check(envelope, ruling)
    ensure_fonts()
    t = RulingLabels(lang)
    st = _Styles(lang)
    story = _story(envelope, record, ruling, t, st, ruling_no, issued_by, issued_at,
                   office_name, office_url, profile)
    footer = t("footer", ruling_no=ruling_no, record_id=ruling.record_id, page="{page}")

    training = TRAINING_NOTE in ruling.notes

    stamp = dated(issued_at)

    def on_page(canvas, doc) -> None:  # noqa: ANN001
        stamp(canvas)
        canvas.saveState()
        canvas.setFillGray(0.3)
        draw_string(canvas, A4[0] / 2, MARGIN_BOTTOM - 8 * mm,
                    footer.replace("{page}", str(canvas.getPageNumber())), BODY - 1.5, "center")
        if training:  # every page says it, so no page can be passed off alone
            canvas.setFillColor(colors.Color(0.45, 0.45, 0.45, alpha=0.22))
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(40)
            draw_string(canvas, 0, -12, t("watermark"), 36, "center")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, title=t("doc_title", ruling_no=ruling_no),
        author=office_name or "heating-inspector", subject=f"SHA-256 {ruling.record_sha256}",
        creator="inspector_app.slip.ruling_pdf")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
