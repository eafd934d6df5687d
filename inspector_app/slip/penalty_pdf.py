"""The penalty notice draft (处罚通知书草稿) for a late start or early stop, as a pure function:
the stored draft → A4 PDF bytes, in Chinese or in English (never mixed).

It shows what a company and a court need to redo the figure from the paper alone: the period
announced and the one heated, the days not heated, the heat fee of those days with its
arithmetic, the article (《吉林省城市供热条例》 Art. 33) and its range of multiples, the multiple
chosen and why, and the fine. It is marked a draft on every page: the supervisor reviews, signs
and seals it. Deterministic like the ruling (reportlab `invariant`, the draft's own time as the
document date): the same draft renders to the same bytes.
"""

from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.platypus import Flowable, Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

from inspector_app.core.provenance import Provenance
from inspector_app.core.record_time import parse_offset, shown_time
from inspector_app.slip.content import NONE, SlipError, slip_lang
from inspector_app.slip.fonts import CJK_FONT, draw_string, ensure_fonts, markup
from inspector_app.slip.pdf_date import dated
from inspector_app.slip.ruling_labels import yuan_capital

GRID = colors.Color(0.35, 0.35, 0.35)
SHADE = colors.Color(0.93, 0.93, 0.93)
MARGIN_X, MARGIN_TOP, MARGIN_BOTTOM = 18 * mm, 16 * mm, 18 * mm
WIDTH = A4[0] - 2 * MARGIN_X
BODY = 9.5

# id: (zh, en)
TEXT: dict[str, tuple[str, str]] = {
    "title.late_start": ("推迟开始供热处罚通知书", "Penalty notice: late start of heating"),
    "title.early_stop": ("提前停止供热处罚通知书", "Penalty notice: early stop of heating"),
    "draft": ("草稿：经审核、签发并加盖公章前不具效力",
              "DRAFT: of no effect until reviewed, signed and sealed"),
    "watermark": ("草稿", "DRAFT"),
    "notice_no": ("通知书编号：{no}", "Notice no.: {no}"),
    "superseded": ("本稿已被 {by} 取代，仅供存档", "Superseded by {by}: kept for the record only"),
    "doc_title": ("处罚通知书草稿 {no}", "Penalty notice draft {no}"),
    "footer": ("处罚通知书草稿 {no}　第 {page} 页", "Penalty notice draft {no}  ·  page {page}"),
    "section.company": ("一、被处罚单位与供热区域", "1. The company and the area"),
    "section.period": ("二、应当供热而未供热的期间", "2. The period that should have been heated"),
    "section.fee": ("三、该期间的热费", "3. The heat fee of that period"),
    "section.rule": ("四、处罚依据与罚款幅度", "4. The rule and the range of the fine"),
    "section.choice": ("五、拟处罚款", "5. The fine proposed"),
    "section.draft": ("六、起草", "6. Drafted"),
    "company": ("供热企业", "Heating company"),
    "district": ("区", "District"),
    "area": ("供热区域", "Area"),
    "season": ("供暖季", "Heating season"),
    "period_id": ("供热期登记号", "Heating period no."),
    "announced": ("公布的供热期", "Announced heating period"),
    "actual": ("实际供热", "Actual heating"),
    "range_value": ("{start} 至 {end}", "{start} to {end}"),
    "not_yet": ("尚未登记", "not entered"),
    "unheated": ("未供热期间", "Not heated"),
    "unheated.late_start": ("应于 {start} 开始供热，实际于 {end} 开始：共 {days} 日",
                            "heating was due from {start} and began on {end}: {days} day(s)"),
    "unheated.early_stop": ("实际于 {start} 停止供热，应供热至 {end}：共 {days} 日",
                            "heating stopped on {start} and was due until {end}: {days} day(s)"),
    "heated_area": ("供热面积", "Heated area"),
    "area_value": ("{area} 平方米", "{area} m²"),
    "fee_per_m2": ("供暖季热费", "Season's heat fee"),
    "fee_per_m2_value": ("{fee} 元/平方米", "{fee} yuan per m²"),
    "period_days": ("公布供热期天数", "Days of the announced heating"),
    "period_days_value": ("{days} 日（{start} 至 {end}，首尾两日均计）",
                          "{days} days ({start} to {end}, both days counted)"),
    "formula": ("计算方法", "Formula"),
    "formula_value": ("未供热期间热费 = 每平方米供暖季热费 × 供热面积 × 未供热天数 ÷ 公布供热期天数"
                      "（四舍五入到分）",
                      "heat fee of the period = season's fee per m² × heated area × days not "
                      "heated ÷ days of the announced heating (rounded half up to 0.01 yuan)"),
    # drafts stored before the basis was the announced period divided by the profile's season
    "season_days": ("供暖季天数", "Days in the season"),
    "season_days_value": ("{days} 日（地区规则）", "{days} days (regional rules)"),
    "formula_value.season_days": (
        "未供热期间热费 = 每平方米供暖季热费 × 供热面积 × 未供热天数 ÷ 供暖季天数（四舍五入到分）",
        "heat fee of the period = season's fee per m² × heated area × days not heated ÷ days in "
        "the season (rounded half up to 0.01 yuan)"),
    "arithmetic": ("计算", "Arithmetic"),
    "arithmetic_value": ("{fee_per_m2} × {area} × {days} ÷ {divisor} = {fee} 元",
                         "{fee_per_m2} × {area} × {days} ÷ {divisor} = {fee} yuan"),
    "fee": ("未供热期间热费总额", "Heat fee of the period"),
    "yuan": ("人民币 {amount} 元", "{amount} yuan (RMB)"),
    "rule": ("处罚依据", "Rule"),
    "rule_status.unconfirmed": ("（本条规则数据尚未经主管部门确认）",
                                " (these rule values are not yet confirmed by the authority)"),
    "multiples": ("罚款倍数幅度", "Range of multiples"),
    "multiples_value": ("热费总额的 {low} 倍以上 {high} 倍以下",
                        "from {low} to {high} times the heat fee"),
    "fine_range": ("罚款幅度", "Range of the fine"),
    "fine_range_value": ("人民币 {low} 元至 {high} 元", "{low} to {high} yuan (RMB)"),
    "multiple": ("选定倍数", "Multiple chosen"),
    "multiple_value": ("{multiple} 倍", "{multiple} times"),
    "reason": ("选定理由", "Reason"),
    "fine": ("拟处罚款", "Fine proposed"),
    "fine_value": ("{multiple} × {fee} = 人民币 {fine} 元",
                   "{multiple} × {fee} = {fine} yuan (RMB)"),
    "capital": ("大写金额", "In words"),
    "profile": ("地区规则", "Regional rules"),
    "profile_value": ("{title}（{name}，版本 {version}）", "{title} ({name}, version {version})"),
    "drafted_by": ("起草人", "Drafted by"),
    "drafted_at": ("起草时间", "Drafted at"),
    "signature": ("审核签发人签字：", "Reviewed and issued by (signature):"),
    "seal": ("（公章）", "(Official seal)"),
}


class Labels:
    def __init__(self, lang: str) -> None:
        self.lang = lang

    def __call__(self, key: str, **values: object) -> str:
        zh, en = TEXT[key]
        template = en if self.lang == "en" else zh
        return template.format(**values) if values else template


class _Styles:
    def __init__(self, lang: str) -> None:
        wrap = "CJK" if lang == "zh" else None

        def style(name: str, size: float, lead: float = 1.35, **kw: object) -> ParagraphStyle:
            return ParagraphStyle(name, fontName=CJK_FONT, fontSize=size, leading=size * lead,
                                  wordWrap=wrap, **kw)

        self.body = style("body", BODY)
        self.cell = style("cell", BODY - 0.5, 1.25)
        self.label = style("label", BODY - 0.5, 1.25, textColor=colors.Color(0.2, 0.2, 0.2))
        self.title = style("title", BODY + 8, 1.3, alignment=TA_CENTER, spaceAfter=2)
        self.center = style("center", BODY + 0.5, 1.3, alignment=TA_CENTER)
        self.section = style("section", BODY + 1.5, 1.3, spaceBefore=7, spaceAfter=3,
                             backColor=SHADE, borderPadding=(1.5, 2, 1.5, 2))


def _p(text: str, style: ParagraphStyle) -> Paragraph:
    return Paragraph(markup(text), style)


def _grid(rows: list[tuple[str, str]], st: _Styles, label_w: float) -> Table:
    table = Table([[_p(label, st.label), _p(value, st.cell)] for label, value in rows],
                  colWidths=[label_w, WIDTH - label_w])
    table.setStyle(TableStyle([
        ("GRID", (0, 0), (-1, -1), 0.4, GRID),
        ("BACKGROUND", (0, 0), (0, -1), SHADE),
        ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
        ("TOPPADDING", (0, 0), (-1, -1), 1.8),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 2.4),
    ]))
    return table


def _banner(text: str, st: _Styles) -> Table:
    box = Table([[_p(text, st.center)]], colWidths=[WIDTH])
    box.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                             ("BACKGROUND", (0, 0), (-1, -1), colors.Color(1, 0.94, 0.7))]))
    return box


def _check(data: Any) -> tuple[dict, dict, dict]:
    try:
        period, penalty, profile = data["period"], data["penalty"], data["profile"]
        if penalty["kind"] not in ("late_start", "early_stop"):
            raise KeyError("kind")
        Decimal(penalty["fee"])
    except (KeyError, TypeError, ArithmeticError) as exc:
        raise SlipError("不是处罚通知书草稿的数据", "not the data of a penalty notice draft",
                        field="data") from exc
    return period, penalty, profile


def _divisor(pen: dict) -> int:
    """The days the fee per m² is divided by: the announced period's (a draft stored before
    that basis holds the profile's season days instead, and prints as it was computed)."""
    return pen["period_days"] if "period_days" in pen else pen["season_days"]


def _basis(period: dict, pen: dict, t: Labels) -> list[tuple[str, str]]:
    if "period_days" in pen:
        return [(t("period_days"), t("period_days_value", days=pen["period_days"],
                                     start=period["announced_start"],
                                     end=period["announced_end"])),
                (t("formula"), t("formula_value"))]
    return [(t("season_days"), t("season_days_value", days=pen["season_days"])),
            (t("formula"), t("formula_value.season_days"))]


def _actual_or(period: dict, key: str, bound: str, wanted: bool) -> str:
    """The actual day the sentence names (a start after the announced period, or a stop
    before it, counts the whole period but is printed as it happened); else the bound."""
    return str(period.get(key) or bound) if wanted else bound


def _story(data: dict, no: str, superseded_by: str | None, t: Labels,
           st: _Styles) -> list[Flowable]:
    period, pen, profile = _check(data)
    label_w = 34 * mm if t.lang == "zh" else 44 * mm
    kind = pen["kind"]
    story: list[Flowable] = [_p(t(f"title.{kind}"), st.title), _p(t("notice_no", no=no),
                                                                   st.center),
                             Spacer(1, 3), _banner(t("draft"), st)]
    if superseded_by:
        story += [Spacer(1, 3), _banner(t("superseded", by=superseded_by), st)]

    def span(start: str | None, end: str | None) -> str:
        if not start and not end:
            return t("not_yet")
        return t("range_value", start=start or NONE, end=end or NONE)

    citation = Provenance.from_dict(pen["provenance"])
    rule = citation.citation(t.lang)
    if not citation.settled:
        rule += t("rule_status.unconfirmed")
    story += [
        _p(t("section.company"), st.section),
        _grid([(t("company"), period["company"]), (t("district"), period["district"]),
               (t("area"), period["area"]), (t("season"), period["season"]),
               (t("period_id"), period["period_id"])], st, label_w),
        _p(t("section.period"), st.section),
        _grid([(t("announced"), span(period["announced_start"], period["announced_end"])),
               (t("actual"), span(period.get("actual_start"), period.get("actual_end"))),
               (t("unheated"), t(f"unheated.{kind}", start=_actual_or(
                   period, "actual_end", pen["unheated_from"], kind == "early_stop"),
                                 end=_actual_or(period, "actual_start", pen["unheated_to"],
                                                kind == "late_start"),
                                 days=pen["days"]))], st, label_w),
        _p(t("section.fee"), st.section),
        _grid([(t("fee_per_m2"), t("fee_per_m2_value", fee=pen["fee_per_m2"])),
               (t("heated_area"), t("area_value", area=pen["heated_area_m2"])),
               *_basis(period, pen, t),
               (t("arithmetic"), t("arithmetic_value", fee_per_m2=pen["fee_per_m2"],
                                   area=pen["heated_area_m2"], days=pen["days"],
                                   divisor=_divisor(pen), fee=pen["fee"])),
               (t("fee"), t("yuan", amount=pen["fee"]))], st, label_w),
        _p(t("section.rule"), st.section),
        _grid([(t("rule"), rule),
               (t("profile"), t("profile_value", title=profile["title_zh" if t.lang == "zh"
                                                               else "title_en"],
                                name=profile["name"], version=profile["version"])),
               (t("multiples"), t("multiples_value", low=pen["multiple_min"],
                                  high=pen["multiple_max"])),
               (t("fine_range"), t("fine_range_value", low=pen["fine_min"],
                                   high=pen["fine_max"]))], st, label_w),
        _p(t("section.choice"), st.section),
    ]
    choice = [(t("multiple"), t("multiple_value", multiple=pen["multiple"])),
              (t("reason"), pen["reason"]),
              (t("fine"), t("fine_value", multiple=pen["multiple"], fee=pen["fee"],
                            fine=pen["fine"]))]
    if t.lang == "zh":
        choice.append((t("capital"), yuan_capital(Decimal(pen["fine"]))))
    zone = parse_offset(str(profile.get("zone") or "+08:00"))
    story += [
        _grid(choice, st, label_w),
        _p(t("section.draft"), st.section),
        _grid([(t("drafted_by"), data["drafted_by"]),
               (t("drafted_at"), shown_time(data["drafted_at"], zone, missing=NONE))],
              st, label_w),
        Spacer(1, 14),
        Table([[_p(t("signature") + "_" * 22, st.body), _p(t("seal"), st.center)]],
              colWidths=[WIDTH * 0.68, WIDTH * 0.32]),
    ]
    return story


def render_penalty(data: dict[str, Any], *, notice_no: str, lang: str = "zh",
                   superseded_by: str | None = None) -> bytes:
    """The draft as A4 PDF bytes in `lang` "zh" (default) or "en"; SlipError for data that is
    not a penalty notice draft's or an unknown language."""
    lang = slip_lang(lang)
    ensure_fonts()
    t = Labels(lang)
    story = _story(data, notice_no, superseded_by, t, _Styles(lang))
    footer = t("footer", no=notice_no, page="{page}")
    stamp = dated(data.get("drafted_at"))

    def on_page(canvas, doc) -> None:  # noqa: ANN001
        stamp(canvas)
        canvas.saveState()
        canvas.setFillGray(0.3)
        draw_string(canvas, A4[0] / 2, MARGIN_BOTTOM - 9 * mm,
                    footer.replace("{page}", str(canvas.getPageNumber())), BODY - 1.5, "center")
        canvas.setFillColor(colors.Color(0.45, 0.45, 0.45, alpha=0.18))
        canvas.translate(A4[0] / 2, A4[1] / 2)
        canvas.rotate(40)
        draw_string(canvas, 0, -14, t("watermark"), 60, "center")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, title=t("doc_title", no=notice_no),
        author="heating-inspector", subject=notice_no,
        creator="inspector_app.slip.penalty_pdf")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()
