"""The ruling on a household's case (按户案件退费裁定书) as a pure function → A4 PDF bytes.

A case ruling rests on several sealed records (first test, re-tests, corrections), the
complaints, the company's stops and the rules; the paper lists every one of them, each record
down to its full SHA-256 and its place in the laptop's chain (device, sequence number), says which
records were used and which a correction replaced (both shown), draws the failing days as a small
chart, and writes the sum out day by day and room by room so a resident or a court can redo it
from the paper alone. One language per document (Chinese by default, or English), as the
one-record ruling. Deterministic (reportlab `invariant`, fonts embedded as subsets, the creation
date the issuing time): the office can re-render an issued ruling and get the same bytes.

Inputs are the stored forms: the ruling as `core.case_rule.CaseRuling.to_dict()` and the case
detail (`GET /api/v1/cases/{id}`: case row, household, records — with their rooms —, tickets,
stops). Nothing is recomputed except the room lines of the sums, which are printed only when they
add up to the day's amount the office computed.
"""

from __future__ import annotations

import io
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal, InvalidOperation
from typing import Any

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.platypus import Flowable, SimpleDocTemplate, Spacer, Table, TableStyle

from inspector_app.core.decimal_math import mean, round_to
from inspector_app.core.profile import Profile
from inspector_app.core.provenance import CONFIRMED, Provenance, unconfirmed
from inspector_app.core.ruling import REFUND, TRAINING_NOTE
from inspector_app.core.verdict import band_for
from inspector_app.slip.case_ruling_labels import CaseRulingLabels, note_text, stop_hours
from inspector_app.slip.content import NONE, fmt_num, fmt_time, hash_groups, slip_lang
from inspector_app.slip.fonts import draw_string, ensure_fonts, runs
from inspector_app.slip.pdf_date import dated
from inspector_app.slip.ruling_labels import yuan_capital
from inspector_app.slip.ruling_pdf import (
    BODY,
    GRID,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    SHADE,
    WIDTH,
    _grid,
    _p,
    _SealBox,
    _Styles,
    local_time,
)

STATUS_COLOURS: dict[str, colors.Color] = {
    "fail": colors.Color(0.80, 0.16, 0.16),
    "company_failure": colors.Color(0.93, 0.55, 0.10),
    "stop": colors.Color(0.45, 0.20, 0.60),
    "monitor_fail": colors.Color(0.95, 0.55, 0.60),
    "refused": colors.Color(0.55, 0.55, 0.55),
    "pass": colors.Color(0.20, 0.62, 0.30),
    "monitor_pass": colors.Color(0.60, 0.82, 0.62),
}
OTHER_COLOUR = colors.Color(0.2, 0.2, 0.2)
CHART_H = 44 * mm
CENT = 2


# -- reading the stored dicts --------------------------------------------------------------

def _dec(value: Any) -> Decimal:
    try:
        return Decimal(str(value))
    except (InvalidOperation, ValueError):
        return Decimal(0)


def _day(value: Any) -> date | None:
    try:
        return date.fromisoformat(str(value)[:10]) if value else None
    except ValueError:
        return None


@dataclass(frozen=True)
class _Run:
    """Consecutive days ruled alike (status, basis, share, amount, calendar month)."""

    first: date
    last: date
    status: str
    basis: str
    share: Decimal
    amount: Decimal

    @property
    def count(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def subtotal(self) -> Decimal:
        return self.amount * self.count


def day_runs(days: Iterable[dict]) -> list[_Run]:
    """The timeline's days folded into runs the reader can multiply out."""
    out: list[_Run] = []
    for d in sorted(days, key=lambda d: str(d["day"])):
        day = _day(d["day"])
        if day is None:
            continue
        key = (str(d["status"]), str(d.get("basis", "")), _dec(d.get("share")),
               _dec(d.get("amount")))
        prev = out[-1] if out else None
        if prev is not None and prev.last + timedelta(days=1) == day and \
                (prev.status, prev.basis, prev.share, prev.amount) == key and \
                (prev.first.year, prev.first.month) == (day.year, day.month):
            out[-1] = _Run(prev.first, day, *key)
        else:
            out.append(_Run(day, day, *key))
    return out


def _span(run: _Run, t: CaseRulingLabels) -> str:
    if run.first == run.last:
        return run.first.isoformat()
    return f"{run.first.isoformat()} – {run.last.isoformat()}" if t.lang == "en" else \
        f"{run.first.isoformat()} 至 {run.last.isoformat()}"


def _band_basis(ruling: dict, profile: Profile) -> str:
    rule = getattr(profile, "case_rule", None)
    return str(ruling.get("band_basis") or getattr(rule, "band_basis", "each_test"))


def _room_key(room: dict) -> tuple[str, str]:
    """A room across re-tests (room ids are new at each visit): its kind and name."""
    return (str(room.get("kind", "")), str(room.get("name", "")).strip())


def room_lines(run: _Run, records: dict[str, dict], used_tests: list[dict], profile: Profile,
               fee: Decimal, basis: str = "each_test"
               ) -> list[tuple[dict, Decimal | None, Decimal, Decimal]] | None:
    """(room, mean used, share, per day) of each room with a share in the run's governing test,
    or None when they cannot be shown to add up to the day's amount (then only the day is
    shown). `basis` month_mean: a room's mean is the mean of its means over the month's used
    tests, rounded as the profile rounds."""
    rooms = (records.get(run.basis) or {}).get("rooms") or []
    if run.status != "fail" or not rooms:
        return None
    lines = []
    for room in rooms:
        shown = _room_mean(room)
        if basis == "month_mean":
            means = [m for m in (_room_mean(r) for t in used_tests
                                 if _in_month(t, run.first, profile)
                                 for r in (records.get(t["ref"]) or {}).get("rooms") or []
                                 if _room_key(r) == _room_key(room)) if m is not None]
            shown = round_to(mean(means), profile.display_decimals, profile.rounding) \
                if means else None
        band = band_for(profile, shown) if shown is not None else None
        if band is None:
            continue
        area = _dec(room.get("area_m2"))
        lines.append((room, shown, band.share, round_to(fee * area * band.share, CENT,
                                                        "half_up")))
    if not lines or sum((line[3] for line in lines), Decimal(0)) != run.amount:
        return None
    return lines


def _room_mean(room: dict) -> Decimal | None:
    value = room.get("mean_c", room.get("mean"))
    return None if value in (None, "") else _dec(value)


def _in_month(test: dict, day: date, profile: Profile) -> bool:
    try:
        at = datetime.fromisoformat(str(test["test_at"])).astimezone(profile.zone).date()
    except (KeyError, ValueError):
        return False
    return (at.year, at.month) == (day.year, day.month)


# -- the chart -----------------------------------------------------------------------------

def _text(x: float, y: float, text: str, size: float, anchor: str = "start") -> list[String]:
    """One line of mixed text as chart strings: Chinese in Droid, the rest in Vera."""
    parts = runs(text)
    width = sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in parts)
    x -= {"start": 0, "middle": width / 2, "end": width}[anchor]
    out = []
    for font, chunk in parts:
        out.append(String(x, y, chunk, fontName=font, fontSize=size, fillColor=OTHER_COLOUR))
        x += pdfmetrics.stringWidth(chunk, font, size)
    return out


def _add(drawing: Drawing, shapes: list[String]) -> None:
    for shape in shapes:
        drawing.add(shape)


def _width(text: str, size: float) -> float:
    return sum(pdfmetrics.stringWidth(chunk, font, size) for font, chunk in runs(text))


def timeline_chart(days: list[dict], t: CaseRulingLabels) -> Drawing:
    """A bar per calendar day from the first to the last of the timeline, its height the day's
    amount (a stub when nothing is owed), coloured by how the day was ruled; a legend below."""
    dated_days = sorted((d for d in days if _day(d["day"]) is not None), key=lambda d: d["day"])
    legend_h, axis_w, axis_h, top = 12.0, 34.0, 12.0, 6.0
    drawing = Drawing(WIDTH, CHART_H)
    plot_x, plot_y = axis_w, legend_h + axis_h
    plot_w, plot_h = WIDTH - axis_w - 4, CHART_H - plot_y - top
    drawing.add(Line(plot_x, plot_y, plot_x + plot_w, plot_y, strokeColor=GRID, strokeWidth=0.5))
    drawing.add(Line(plot_x, plot_y, plot_x, plot_y + plot_h, strokeColor=GRID, strokeWidth=0.5))
    if not dated_days:
        return drawing
    first, last = _day(dated_days[0]["day"]), _day(dated_days[-1]["day"])
    assert first is not None and last is not None
    n = (last - first).days + 1
    top_amount = max((_dec(d.get("amount")) for d in dated_days), default=Decimal(0))
    scale = float(top_amount) if top_amount > 0 else 1.0
    slot = plot_w / n
    for d in dated_days:
        i = (_day(d["day"]) - first).days  # type: ignore[operator]
        amount = float(_dec(d.get("amount")))
        h = max(plot_h * amount / scale, 2.5)
        drawing.add(Rect(plot_x + i * slot + slot * 0.1, plot_y, max(slot * 0.8, 0.6), h,
                         fillColor=STATUS_COLOURS.get(str(d["status"]), OTHER_COLOUR),
                         strokeColor=None))
    for value, y in ((Decimal(0), plot_y), (top_amount, plot_y + plot_h)):
        drawing.add(Line(plot_x - 2, y, plot_x, y, strokeColor=GRID, strokeWidth=0.5))
        _add(drawing, _text(plot_x - 3, y - 2.5, str(round_to(value, CENT, "half_up")), 6.5,
                             "end"))
    step = max(1, -(-n // 10))
    ticks = sorted({*range(0, n, step), n - 1})
    if len(ticks) > 1 and ticks[-1] - ticks[-2] < step / 2:
        ticks.pop(-2)
    for i in ticks:
        x = plot_x + (i + 0.5) * slot
        drawing.add(Line(x, plot_y, x, plot_y - 2, strokeColor=GRID, strokeWidth=0.5))
        _add(drawing, _text(x, plot_y - 9, (first + timedelta(days=i)).strftime("%m-%d"), 6.5,
                             "middle"))
    x = plot_x
    present = [s for s in STATUS_COLOURS if any(d["status"] == s for d in dated_days)]
    present += sorted({str(d["status"]) for d in dated_days} - set(STATUS_COLOURS))
    for status in present:
        label = t.coded("status", status)
        drawing.add(Rect(x, 2, 7, 7, fillColor=STATUS_COLOURS.get(status, OTHER_COLOUR),
                         strokeColor=None))
        _add(drawing, _text(x + 9, 3, label, 7))
        x += 9 + _width(label, 7) + 10
    return drawing


# -- tables --------------------------------------------------------------------------------

def _table(rows: list[list], widths: list[float], *, total: bool = False,
           spans: Iterable[tuple] = ()) -> Table:
    table = Table(rows, colWidths=[w * WIDTH for w in widths], repeatRows=1)
    style = [("GRID", (0, 0), (-1, -1), 0.4, GRID), ("BACKGROUND", (0, 0), (-1, 0), SHADE),
             ("VALIGN", (0, 0), (-1, -1), "MIDDLE"), ("TOPPADDING", (0, 0), (-1, -1), 1.4),
             ("BOTTOMPADDING", (0, 0), (-1, -1), 2.0)]
    style += [("SPAN", a, b) for a, b in spans]
    if total:
        style.append(("LINEABOVE", (0, len(rows) - 1), (-1, len(rows) - 1), 1.0, colors.black))
    table.setStyle(TableStyle(style))
    return table


def _records_table(ruling: dict, t: CaseRulingLabels, st: _Styles, profile: Profile) -> Table:
    head = [t(f"col.{c}") for c in ("no", "record", "test_at", "verdict", "chain", "use")]
    widths = [0.05, 0.27, 0.18, 0.08, 0.22, 0.20]
    rows: list[list] = [[_p(h, st.head) for h in head]]
    spans = []
    rows_of = {str(x.get("ref")): str(i) for i, x in enumerate(ruling["tests"], 1)}
    for i, test in enumerate(ruling["tests"], 1):
        if test.get("used"):
            use = t("use.used") + (t("use.refused") if test.get("refused") else "")
        elif test.get("superseded_by"):
            by = str(test["superseded_by"])
            use = t("use.superseded", by=rows_of.get(by, by))
        else:
            why = str(test.get("why_not") or "")
            use = t("use.not_used", why=t.coded("why", why) if why else NONE)
        seq = test.get("seq")
        rows.append([_p(str(i), st.cell_c), _p(str(test.get("record_id") or NONE), st.cell),
                     _p(fmt_time(test.get("test_at"), profile.zone), st.cell_c),
                     _p(t.coded("verdict", test.get("verdict")), st.cell_c),
                     _p(f"{test.get('device_id') or NONE} · {NONE if seq is None else seq}",
                        st.cell), _p(use, st.cell)])
        sha = " ".join(hash_groups(str(test.get("sha256") or ""), 8))
        rows.append(["", _p(t("sha256_row", sha=sha), st.cell)] + [""] * 4)
        spans.append(((1, len(rows) - 1), (5, len(rows) - 1)))
        spans.append(((0, len(rows) - 2), (0, len(rows) - 1)))
    if not ruling["tests"]:
        rows.append([_p(t("none_listed"), st.cell)] + [""] * 5)
    return _table(rows, widths, spans=spans)


def _monitoring_block(ruling: dict, t: CaseRulingLabels, st: _Styles) -> list[Flowable]:
    """Each monitoring point the ruling used: room, period, days used (failing among them) and
    the SHA-256 of every valid reading of those days, which the office can recheck
    (`GET /api/v1/rulings/{no}/monitoring-check`); and the days ruled on their test because
    the points lacked data. Nothing when monitoring changed no day."""
    cited = ruling.get("monitoring") or []
    lacking = [str(d["day"]) for d in ruling["days"] if d.get("note")]
    if not cited and not lacking:
        return []
    out = [Spacer(1, 4), _p(t("monitoring_head"), st.body)]
    if lacking:
        out.append(_p(t("monitoring_insufficient", days=t("run_sep").join(lacking)), st.small))
    if not cited:
        return out
    head = [t(f"col.{c}") for c in ("point", "room", "point_period", "point_days",
                                     "point_failing")]
    rows: list[list] = [[_p(h, st.head) for h in head]]
    spans = []
    for m in cited:
        kind = t.coded("kind", m.get("room_kind"))
        name = str(m.get("room_name") or "")
        room = (f"{name} ({kind})" if t.lang == "en" else f"{name}（{kind}）") if name else kind
        rows.append([_p(str(m.get("point_id") or NONE), st.cell), _p(room, st.cell),
                     _p(t("point_period_value", first=m.get("first"), last=m.get("last")),
                        st.cell_c),
                     _p(str(len(m.get("days") or ())), st.cell_c),
                     _p(str(m.get("failing_days", NONE)), st.cell_c)])
        sha = " ".join(hash_groups(str(m.get("digest") or ""), 8)) or NONE
        rows.append([_p(t("digest_row", sha=sha), st.cell)] + [""] * 4)
        spans.append(((0, len(rows) - 1), (4, len(rows) - 1)))
    return out + [_p(t("monitoring_note"), st.small), Spacer(1, 2),
                  _table(rows, [0.18, 0.22, 0.34, 0.12, 0.14], spans=spans)]


def _tickets_table(ruling: dict, t: CaseRulingLabels, st: _Styles, profile: Profile) -> Flowable:
    if not ruling["tickets"]:
        return _p(t("none_listed"), st.body)
    rows: list[list] = [[_p(t("col.ticket"), st.head), _p(t("col.complaint_at"), st.head)]]
    for k in ruling["tickets"]:
        rows.append([_p(str(k.get("key") or NONE), st.cell),
                     _p(fmt_time(k.get("complaint_at"), profile.zone), st.cell_c)])
    return _table(rows, [0.6, 0.4])


def _stops_table(ruling: dict, t: CaseRulingLabels, st: _Styles, profile: Profile) -> Flowable:
    if not ruling["stops"]:
        return _p(t("none_listed"), st.body)
    head = [t(f"col.{c}") for c in ("stop", "start", "end", "cause", "stop_days")]
    rows: list[list] = [[_p(h, st.head) for h in head]]
    spans = []
    for s in ruling["stops"]:
        rows.append([_p(str(s.get("stop_id") or NONE), st.cell),
                     _p(fmt_time(s.get("start_at"), profile.zone), st.cell_c),
                     _p(fmt_time(s.get("end_at"), profile.zone), st.cell_c),
                     _p(str(s.get("cause") or NONE), st.cell),
                     _p(str(s.get("days", NONE)), st.cell_c)])
        if "company" in s:      # rulings stored before stops carried them print as they were
            rows.append([_p(t("stop_row", company=s.get("company") or NONE,
                              scope=_stop_scope(s, t), evidence=s.get("evidence") or NONE),
                            st.cell)] + [""] * 4)
            spans.append(((0, len(rows) - 1), (4, len(rows) - 1)))
    return _table(rows, [0.22, 0.18, 0.18, 0.30, 0.12], spans=spans)


def _stop_scope(stop: dict, t: CaseRulingLabels) -> str:
    """The communities and buildings a stop was entered for (as recorded), else the district."""
    named = [str(c) for c in stop.get("communities") or ()]
    named += [f"{c}{b}" if t.lang == "zh" else f"{c} {b}" for c, b in stop.get("buildings") or ()]
    return t("scope_sep").join(named) if named else t("stop_whole_district")


def _plain(value: Decimal) -> str:
    return f"{value.normalize():f}"


def _share(share: Decimal) -> str:
    return f"{(share * 100).normalize():f}" if share else "0"


def _basis(run: _Run, ids: dict[str, str], t: CaseRulingLabels) -> str:
    if run.basis == "failure":
        return t("basis.failure")
    return ids.get(run.basis, run.basis) or NONE


def _sums(ruling: dict, records: dict[str, dict], t: CaseRulingLabels, st: _Styles,
          profile: Profile) -> list[Flowable]:
    """The day table (runs, each count × per day = subtotal; their total is the amount before
    any cap) and, under it, the room lines of each failing run and the stop days."""
    fee = _dec(ruling["daily_fee_per_m2"])
    ids = {str(x.get("ref")): str(x.get("record_id")) for x in ruling["tests"]}
    used = [x for x in ruling["tests"] if x.get("used")]
    runs_ = day_runs(ruling["days"])
    head = [t(f"col.{c}") for c in ("days", "count", "status", "basis", "share", "day_amount",
                                    "subtotal")]
    rows: list[list] = [[_p(h, st.head) for h in head]]
    for run in runs_:
        rows.append([_p(_span(run, t), st.cell), _p(str(run.count), st.cell_c),
                     _p(t.coded("status", run.status), st.cell_c),
                     _p(_basis(run, ids, t), st.cell), _p(_share(run.share), st.cell_c),
                     _p(str(run.amount), st.cell_r), _p(str(run.subtotal), st.cell_r)])
    total = sum((r.subtotal for r in runs_), round_to(Decimal(0), CENT))
    rows.append([_p(t("total"), st.cell), _p(str(sum(r.count for r in runs_)), st.cell_c)]
                + [""] * 4 + [_p(str(total), st.cell_r)])
    out: list[Flowable] = [_table(rows, [0.25, 0.08, 0.13, 0.22, 0.09, 0.11, 0.12], total=True,
                                  spans=[((2, len(rows) - 1), (5, len(rows) - 1))])]
    basis = _band_basis(ruling, profile)
    multiplier = _stop_multiplier(profile)
    for block, lines in _room_blocks(runs_, records, used, profile, fee, basis):
        days = _span(_Run(block[0].first, block[-1].last, *_key(block[0])), t)
        heading = t("rooms_of_month", days=days) if basis == "month_mean" else \
            t("rooms_of", days=days, record=ids.get(block[0].basis, block[0].basis))
        rows = [[_p(t(f"col.{c}"), st.head) for c in ("room", "area", "mean", "band_share",
                                                       "room_day")]]
        for room, shown, share, per_day in lines:
            kind = t.coded("kind", room.get("kind"))
            rows.append([_p(f"{room.get('name', '')} ({kind})" if t.lang == "en" else
                            f"{room.get('name', '')}（{kind}）", st.cell),
                         _p(fmt_num(room.get("area_m2")), st.cell_c),
                         _p(NONE if shown is None else str(shown), st.cell_c),
                         _p(_share(share), st.cell_c), _p(str(per_day), st.cell_r)])
        rows.append([_p(t("total"), st.cell)] + [""] * 3 + [_p(str(block[0].amount), st.cell_r)])
        out += [Spacer(1, 3), _p(heading, st.small),
                _table(rows, [0.34, 0.14, 0.14, 0.14, 0.24], total=True)]
    for run in runs_:
        if run.status == "stop" and multiplier is not None:
            area = _heated_area(records, run, used)
            if area is not None:
                raised = round_to(multiplier * fee * area, CENT, "half_up")
                out += [Spacer(1, 3), _p(t("stop_line", days=_span(run, t),
                                           multiplier=_plain(multiplier), area=fmt_num(area),
                                           amount=raised), st.small)]
    return out


def _key(run: _Run) -> tuple[str, str, Decimal, Decimal]:
    return (run.status, run.basis, run.share, run.amount)


def _printed(lines: list) -> list[tuple]:
    return [(_room_key(room), room.get("area_m2"), shown, share, per_day)
            for room, shown, share, per_day in lines]


def _room_blocks(runs_: list[_Run], records: dict[str, dict], used: list[dict],
                 profile: Profile, fee: Decimal, basis: str
                 ) -> list[tuple[list[_Run], list]]:
    """Runs whose room lines are the same, one after another, printed once: under month_mean
    the whole month's failing days usually are."""
    blocks: list[tuple[list[_Run], list]] = []
    previous: _Run | None = None
    for run in runs_:
        lines = room_lines(run, records, used, profile, fee, basis)
        if lines and blocks and _printed(blocks[-1][1]) == _printed(lines) and \
                previous is blocks[-1][0][-1] and \
                (basis == "month_mean" or run.basis == previous.basis):
            blocks[-1][0].append(run)
        elif lines:
            blocks.append(([run], lines))
        previous = run
    return blocks


def _stop_multiplier(profile: Profile) -> Decimal | None:
    rule = getattr(profile, "case_rule", None)
    value = getattr(rule, "company_stop_48h_multiplier", None)
    if value is None:
        value = (profile.raw.get("refund") or {}).get("company_stop_48h_multiplier")
    return None if value is None else _dec(value)


def _heated_area(records: dict[str, dict], run: _Run, used: list[dict]) -> Decimal | None:
    """The heated area the stop sum uses: of the latest used test on or before the run."""
    before = [x for x in used if str(x.get("test_at", ""))[:10] <= run.last.isoformat()]
    for test in reversed(sorted(before or used, key=lambda x: str(x.get("test_at", "")))):
        area = (records.get(str(test.get("ref"))) or {}).get("heated_area_m2")
        if area not in (None, ""):
            return _dec(area)
    return None


# -- rules, decision, notes ----------------------------------------------------------------

def _citation(section: str, ruling: dict, profile: Profile, t: CaseRulingLabels) -> str:
    """As the office cited it when ruling (who confirmed and when), else as the profile states
    it; an unconfirmed section says so."""
    held = (ruling.get("citations") or {}).get(section)
    where = Provenance.from_dict(held) if held else \
        profile.provenance.get(section) or unconfirmed(section)
    text = where.citation(t.lang)
    if where.status == CONFIRMED:
        text += t("confirmed_by", by=where.confirmed_by,
                  at=local_time(where.confirmed_at, profile.zone))
    return text


def _rules_rows(ruling: dict, profile: Profile, t: CaseRulingLabels) -> list[tuple[str, str]]:
    multiplier = _stop_multiplier(profile)
    refusal = "refusal.pass" if profile.refusal_day_counts_as == "pass" else "refusal.fail"
    return [
        (t("profile"), t("profile_value", title=profile.title(t.lang),
                         name=ruling["profile_name"], version=ruling["profile_version"])),
        (t("standard_source"), _citation("standard", ruling, profile, t)),
        (t("refund_source"), _citation("refund", ruling, profile, t)),
        (t("rule_basis"), t.coded("basis", _band_basis(ruling, profile))),
        (t("rule_stop"), t("rule_stop_none") if multiplier is None else
         t("rule_stop_value", hours=stop_hours(profile), multiplier=_plain(multiplier))),
        (t("rule_refusal"), t(refusal) if "refusal" not in (ruling.get("citations") or {})
         else t("rule_cited", rule=t(refusal),
                citation=_citation("refusal", ruling, profile, t))),
        (t("rule_company_failure"), t("company_failure.pass")
         if profile.company_failure_counts_as == "pass" else
         t("company_failure.fail", share=_plain(profile.case_rule.company_failure_share))),
    ] + ([(t("monitoring_source"), _citation("monitoring", ruling, profile, t))]
         if ruling.get("use_monitoring") else [])


def _failing_runs(runs: list, t: CaseRulingLabels) -> str:
    """Each failing run of the ruling (`CaseRuling.runs`) with its length: a case with passing
    days between two runs is not read as one period."""
    out = []
    for first, last in runs:
        a, b = _day(first), _day(last)
        days = (b - a).days + 1 if a and b else NONE
        out.append(t("run_value", first=first, last=last, days=days))
    return t("run_sep").join(out)


def _case_rows(ruling: dict, detail: dict, t: CaseRulingLabels,
               profile: Profile) -> list[tuple[str, str]]:
    case = detail.get("case") or {}
    household = detail.get("household") or {}
    kind = str(case.get("opened_kind") or "")
    opened = t(f"opened.{kind}", at=fmt_time(case.get("opened_at"), profile.zone),
               ref=str(case.get("opened_ref") or NONE)) if kind in ("ticket", "record") else \
        fmt_time(case.get("opened_at"), profile.zone)
    if ruling.get("runs"):
        period = t("period_runs", runs=_failing_runs(ruling["runs"], t), until=ruling["until"])
    elif ruling.get("start"):
        period = t("period_value", start=ruling["start"], end=ruling.get("end") or NONE,
                   until=ruling["until"])
    else:
        period = t("period_none", until=ruling["until"])
    return [
        (t("case_id"), str(ruling["case_id"])),
        (t("household"), str(household.get("address") or case.get("address") or NONE)),
        (t("district"), str(household.get("district") or case.get("district") or NONE)),
        (t("company"), str(case.get("company") or NONE)),
        (t("season"), str(ruling["season"])),
        (t("opened"), opened),
        (t("period"), period),
    ]


def _story(ruling: dict, detail: dict, profile: Profile, t: CaseRulingLabels, st: _Styles,
           number: str, issued_by: str, issued_at: str, office_name: str) -> list[Flowable]:
    records = {str(r.get("ref")): r for r in detail.get("records") or [] if r.get("ref")}
    refund = ruling["decision"] == REFUND
    amount = _dec(ruling["amount_total"])
    label_w = 30 * mm if t.lang == "zh" else 40 * mm
    story: list[Flowable] = []
    if office_name:
        story.append(_p(office_name, st.office))
    story += [_p(t("title.refund" if refund else "title.no_refund"), st.title),
              _p(t.field(t("ruling_no"), number), st.number)]
    if TRAINING_NOTE in ruling.get("notes", ()):
        banner = Table([[_p(t("training_banner"), st.number)]], colWidths=[WIDTH])
        banner.setStyle(TableStyle([("BOX", (0, 0), (-1, -1), 1.2, colors.black),
                                    ("BACKGROUND", (0, 0), (-1, -1), colors.Color(1, 0.94, 0.7))]))
        story.append(banner)
    story += [
        _p(t("section.case"), st.section), _grid(_case_rows(ruling, detail, t, profile), st,
                                                 label_w),
        _p(t("section.records"), st.section), _p(t("records_note"), st.small), Spacer(1, 2),
        _records_table(ruling, t, st, profile), *_monitoring_block(ruling, t, st),
        _p(t("section.tickets"), st.section), _tickets_table(ruling, t, st, profile),
        _p(t("section.stops"), st.section), _stops_table(ruling, t, st, profile),
        _p(t("section.timeline"), st.section), _p(t("chart_caption"), st.small),
        timeline_chart(list(ruling["days"]), t),
        _p(t("section.sums"), st.section), *_sums(ruling, records, t, st, profile),
        Spacer(1, 4),
    ]
    sums = [
        (t("daily_fee"), t("daily_fee_value", fee=ruling["daily_fee_per_m2"])),
        (t("failing_days"), t("failing_days_value", days=ruling["failing_days"])),
        (t("stop_days"), t("failing_days_value", days=ruling.get("stop_days", 0))),
        (t("formula"), t("formula_value")),
        (t("amount"), t("amount_value", amount=ruling["amount_total"])),
    ]
    if t.lang == "zh":
        sums.append((t("amount_capital"), yuan_capital(amount)))
    story += [_grid(sums, st, label_w),
              _p(t("section.rules"), st.section), _grid(_rules_rows(ruling, profile, t), st,
                                                        label_w),
              _p(t("section.decision"), st.section)]
    if refund:
        story.append(_p(t("decision.refund", amount=ruling["amount_total"]), st.decision))
    else:
        story += [_p(t("decision.no_refund"), st.decision),
                  _p(t("reason", reason=t.coded("reason", ruling["reason_code"])), st.body)]
    notes = [n for n in ruling.get("notes", ()) if n != TRAINING_NOTE]
    if notes:
        story.append(_p(t("notes") + ("：" if t.lang == "zh" else ":"), st.body))
        ids = {str(x.get("ref")): str(x.get("record_id")) for x in ruling["tests"]}
        story += [_p(f"· {note_text(n, ids, profile, t)}", st.small) for n in notes]
    seal = 32 * mm
    issue = [_p(t.field(t("office"), office_name or NONE), st.body),
             _p(t.field(t("issued_by"), issued_by), st.body),
             _p(t.field(t("issued_at"), local_time(issued_at, profile.zone)), st.body),
             Spacer(1, 8), _p(t("signature") + "_" * 24, st.body)]
    block = Table([[issue, _SealBox(seal, t("seal"))]], colWidths=[WIDTH - seal - 6, seal + 6])
    block.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP")]))
    story += [_p(t("section.issue"), st.section), block]
    return story


def render_case_ruling(ruling: dict, detail: dict, profile: Profile, lang: str = "zh", *,
                       number: str, issued_at: str, issued_by: str,
                       office_name: str = "") -> bytes:
    """The case ruling as A4 PDF bytes in `lang` "zh" (default) or "en". `ruling` is the stored
    `CaseRuling.to_dict()`, `detail` the case detail (its records carry their rooms and heated
    area for the room lines), `profile` the one the ruling was computed with (its zone, title,
    rules). Same arguments, same bytes."""
    lang = slip_lang(lang)
    ensure_fonts()
    t = CaseRulingLabels(lang)
    st = _Styles(lang)
    story = _story(ruling, detail, profile, t, st, number, issued_by, issued_at, office_name)
    footer = t("footer", number=number, case_id=ruling["case_id"], page="{page}")
    training = TRAINING_NOTE in ruling.get("notes", ())
    stamp = dated(issued_at)

    def on_page(canvas, doc) -> None:  # noqa: ANN001
        stamp(canvas)
        canvas.saveState()
        canvas.setFillGray(0.3)
        draw_string(canvas, A4[0] / 2, MARGIN_BOTTOM - 8 * mm,
                    footer.replace("{page}", str(canvas.getPageNumber())), BODY - 1.5, "center")
        if training:
            canvas.setFillColor(colors.Color(0.45, 0.45, 0.45, alpha=0.22))
            canvas.translate(A4[0] / 2, A4[1] / 2)
            canvas.rotate(40)
            draw_string(canvas, 0, -12, t("watermark"), 36, "center")
        canvas.restoreState()

    buf = io.BytesIO()
    doc = SimpleDocTemplate(
        buf, pagesize=A4, leftMargin=MARGIN_X, rightMargin=MARGIN_X, topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM, invariant=1, title=t("doc_title", number=number),
        author=office_name or "heating-inspector", subject=f"case {ruling['case_id']}",
        creator="inspector_app.slip.case_ruling_pdf")
    doc.build(story, onFirstPage=on_page, onLaterPages=on_page)
    return buf.getvalue()

