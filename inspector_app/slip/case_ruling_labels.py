"""Every fixed word of the ruling on a household's case (按户案件退费裁定书), Chinese first with
English. Words the one-record ruling or the slip already has (verdicts, room kinds, the issue
block) fall back to `ruling_labels.TEXT` and `labels.TEXT`, so the papers never word one thing two
ways.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from inspector_app.slip.ruling_labels import TEXT as RULING_TEXT
from inspector_app.slip.ruling_labels import RulingLabels

if TYPE_CHECKING:
    from inspector_app.core.profile import Profile

# id: (zh, en)
TEXT: dict[str, tuple[str, str]] = {
    "title.refund": ("供热室温退费裁定书（按户案件）", "Refund ruling on a household's case"),
    "title.no_refund": ("供热室温不退费裁定书（按户案件）",
                        "No-refund ruling on a household's case"),
    "doc_title": ("案件裁定书 {number}", "Case ruling {number}"),
    "footer": ("裁定书编号 {number}　案件 {case_id}　第 {page} 页",
               "Ruling {number}  ·  case {case_id}  ·  page {page}"),
    "training_banner": ("培训裁定书：由培训用办公室出具，仅供练习，不具任何效力",
                        "TRAINING ruling, issued by a training office: for practice only, "
                        "of no effect"),

    "section.case": ("一、案件", "1. The case"),
    "section.records": ("二、裁定依据的检测记录", "2. The sealed test records this rests on"),
    "section.tickets": ("三、投诉工单", "3. Complaints (hotline tickets)"),
    "section.stops": ("四、供热企业原因停热", "4. Heating stops caused by the company"),
    "section.timeline": ("五、不达标日", "5. Failing days"),
    "section.sums": ("六、逐日逐室计算", "6. The sum, day by day and room by room"),
    "section.rules": ("七、适用的地区规则", "7. Regional rules applied"),
    "section.decision": ("八、裁定", "8. Ruling"),
    "section.issue": ("九、签发", "9. Issue"),

    "case_id": ("案件编号", "Case no."),
    "household": ("住户", "Household"),
    "district": ("区", "District"),
    "season": ("供暖期", "Heating season"),
    "opened": ("立案", "Opened"),
    "opened.ticket": ("{at}，投诉工单 {ref}", "{at}, hotline ticket {ref}"),
    "opened.record": ("{at}，首次不合格检测 {ref}", "{at}, first failing test {ref}"),
    "period": ("计算期间", "Period ruled"),
    "period_value": ("{start} 至 {end}（裁定日 {until}）", "{start} to {end} (ruling date {until})"),
    "period_none": ("无不达标期间（裁定日 {until}）", "no failing period (ruling date {until})"),
    "period_runs": ("{runs}（裁定日 {until}）", "{runs} (ruling date {until})"),
    "run_value": ("{first} 至 {last}（{days} 天）", "{first} to {last} ({days} days)"),
    "run_sep": ("；", "; "),

    "records_note": ("下列记录均经本办公室验证；更正记录替代被更正的记录参与计算，两者均列出。",
                     "Every record below passed the office's verification; a correction takes "
                     "the place of the record it corrects in every sum, and both are listed."),
    "col.no": ("序", "#"),
    "col.record": ("检测记录编号", "Record ID"),
    "col.test_at": ("检测时间", "Tested"),
    "col.verdict": ("结论", "Result"),
    "col.chain": ("签封设备 · 链序号", "Device · chain no."),
    "col.use": ("是否采用", "Used"),
    "use.used": ("采用", "used"),
    "use.refused": ("（用户拒绝签字）", " (the resident refused to sign)"),
    "use.superseded": ("已被第 {by} 行的更正替代，未采用", "superseded by no. {by}, not used"),
    "use.not_used": ("未采用：{why}", "not used: {why}"),
    "why.training": ("培训记录", "a training record"),
    "why.synthetic": ("合成数据", "synthetic data"),
    "why.not_verified": ("未通过验证", "failed verification"),
    "why.incomplete": ("检测未完成", "the test is incomplete"),
    "why.superseded": ("已被更正", "corrected"),
    "why.before_start": ("早于立案", "before the case opened"),
    "why.after_until": ("晚于裁定日", "after the ruling date"),
    "why.after_heating_end": ("晚于公布的供热结束日", "after the announced end of heating"),
    "sha256_row": ("SHA-256：{sha}", "SHA-256: {sha}"),

    "monitoring_head": ("裁定依据的固定监测点数据", "The fixed monitoring points' data this rests on"),
    "monitoring_note": ("计算期间内无检测的日子按下列监测点的日数据认定；读数摘要为所用各日全部有效读数的 "
                        "SHA-256，办公室可随时按现存读数复核。",
                        "The days of the period without a test were ruled on these points' daily "
                        "data; the readings digest is the SHA-256 of every valid reading of the "
                        "days used, which the office can recheck against the readings it holds."),
    "monitoring_source": ("固定监测点数据判定依据", "Monitoring points' rules"),
    "col.point": ("监测点", "Point"),
    "col.point_period": ("所用期间", "Period used"),
    "col.point_days": ("采用天数", "Days used"),
    "point_period_value": ("{first} 至 {last}", "{first} to {last}"),
    "col.point_failing": ("其中不达标", "Of which failing"),
    "digest_row": ("读数摘要 SHA-256：{sha}", "Readings digest SHA-256: {sha}"),
    "monitoring_insufficient": ("监测点有效数据不足、按检测记录认定的日子：{days}",
                                "Days whose monitoring points had too little valid data, ruled "
                                "on the test records: {days}"),
    "col.ticket": ("工单", "Ticket"),
    "col.complaint_at": ("投诉时间", "Complaint made"),
    "col.stop": ("停热编号", "Stop"),
    "col.start": ("开始", "From"),
    "col.end": ("结束", "To"),
    "col.cause": ("原因", "Cause"),
    "col.stop_days": ("停热日数", "Stop days"),
    "stop_row": ("供热企业：{company}；停热范围：{scope}；证据：{evidence}",
                 "Company: {company}; area stopped: {scope}; evidence: {evidence}"),
    "scope_sep": ("、", ", "),
    "stop_whole_district": ("该企业在本区的全部供热范围", "all the company supplies in the district"),
    "none_listed": ("无", "None"),

    "chart_caption": ("每日一柱，柱高为当日退费金额（元），颜色为当日认定：",
                      "One bar a day, its height the day's refund (yuan), its colour how the "
                      "day was ruled:"),
    "status.fail": ("不达标", "failing"),
    "status.pass": ("达标", "passing"),
    "status.refused": ("用户拒绝", "resident refused"),
    "status.stop": ("企业停热", "company stop"),
    "status.company_failure": ("企业未检测/未签字", "company failed to test/sign"),
    "status.monitor_fail": ("监测点不达标", "monitoring point failing"),
    "status.monitor_pass": ("监测点达标", "monitoring point passing"),

    "col.days": ("日期", "Days"),
    "col.count": ("天数", "Count"),
    "col.status": ("认定", "Ruled as"),
    "col.basis": ("依据", "Basis"),
    "col.share": ("最高比例 %", "Top share %"),
    "col.day_amount": ("每日 元", "Per day ¥"),
    "col.subtotal": ("小计 元", "Subtotal ¥"),
    "days_value": ("{n} 日", "{n}"),
    "basis.failure": ("办公室记载的企业未检测/未签字", "the company's failure, entered at the office"),
    "total": ("合计", "Total"),
    "col.room": ("房间", "Room"),
    "col.area": ("面积 m²", "Area m²"),
    "col.mean": ("平均 °C", "Mean °C"),
    "col.band_share": ("比例 %", "Share %"),
    "col.room_day": ("每日 元", "Per day ¥"),
    "rooms_of": ("{days}：依据检测记录 {record}，逐室 日单价 × 面积 × 比例（四舍五入到分）",
                 "{days}: by record {record}, room by room daily price × area × share "
                 "(rounded half up to 0.01)"),
    "rooms_of_month": ("{days}：各室按当月各次检测平均温度的平均值定档，逐室 日单价 × 面积 × 比例"
                       "（四舍五入到分）",
                       "{days}: each room's band from the mean of its means over the month's "
                       "tests; room by room daily price × area × share (rounded half up to "
                       "0.01)"),
    "stop_line": ("{days}：企业停热日，当日金额取 {multiplier} × 日单价 × 供热面积 {area} m² = "
                  "{amount} 元 与当日不达标金额中的较大者",
                  "{days}: company stop days; the day's sum is the larger of {multiplier} × "
                  "daily price × heated area {area} m² = {amount} yuan and the day's failing sum"),

    "rule_basis": ("定档方式", "How the band is set"),
    "basis.each_test": ("按每次检测的房间平均温度定档", "by each test's room means"),
    "basis.month_mean": ("按当月各次检测的房间平均温度的平均值定档",
                         "by the mean of the month's tests for each room"),
    "rule_stop": ("企业原因停热", "Company-caused stop"),
    "rule_stop_value": ("停热 ≥ {hours} 小时，每日按 {multiplier} × 日单价 × 供热面积计",
                        "stop of {hours} h or more: each day at {multiplier} × daily price × "
                        "heated area"),
    "rule_stop_none": ("本规则未规定加计", "no raise under these rules"),
    "rule_refusal": ("用户无正当理由拒绝", "Resident refuses without good reason"),
    "refusal.pass": ("当日视为达标", "the day counts as passing"),
    "refusal.fail": ("当日仍按不达标计算", "the day still counts as failing"),
    "rule_company_failure": ("企业未检测、未签字", "Company fails to test or to sign"),
    "company_failure.fail": ("当日按不达标计：{share} × 日单价 × 检测房间面积",
                             "the day counts as failing: {share} × daily price × tested rooms' "
                             "area"),
    "company_failure.pass": ("当日视为达标", "the day counts as passing"),
    "rule_cited": ("{rule}（依据：{citation}）", "{rule} (per {citation})"),

    "daily_fee": ("日单价", "Daily price"),
    "failing_days": ("不达标天数", "Failing days"),
    "stop_days": ("企业停热日数", "Company stop days"),
    "formula_value": ("退费金额 = 各不达标日金额之和；每日金额 = 各不达标房间（日单价 × 面积 × "
                      "退费比例，四舍五入到分）之和；企业停热日取两者中较大者",
                      "refund = the sum of the failing days' sums; a day's sum = the sum over "
                      "its failing rooms of daily price × area × band share, each rounded half "
                      "up to 0.01; on a company stop day the larger of the two"),
    "reason.no_failing_days": ("计算期间内没有不达标日。", "there is no failing day in the period."),
    "reason.no_band": ("不达标房间的室温不在任何退费档内，或按日单价计算不足一分。",
                       "the failing rooms fall in no refund band, or the sum at this daily "
                       "price is under 0.01 yuan."),
    "reason.refund": ("按不达标日逐日逐室计算退费。", "refunded day by day and room by room."),
    "note.capped_at_season": ("不达标期间以一个供暖期（{days} 日）为限。",
                              "The failing period is capped at one heating season ({days} "
                              "days)."),
    "note.capped_at_season_fee": ("退费以不达标面积一个供暖期的供热费为限。",
                                  "The refund is capped at one season's fee for the failing "
                                  "area."),
    "note.profile_version_differs": ("记录 {record} 检测时规则版本为 {sealed}，本裁定按现行版本 "
                                     "{current} 计算。",
                                     "Record {record} was tested under rules version {sealed}; "
                                     "this ruling applies the current version {current}."),
    "note.stop_too_short": ("停热 {stop} 不足 {hours} 小时，不加计。",
                            "Stop {stop} lasted less than {hours} h and raises nothing."),
    "note.stops_do_not_raise_refund": ("本规则未规定企业停热加计退费。",
                                       "Under these rules a company stop does not raise the "
                                       "refund."),
    "note.heating_ended": ("供热企业公布的本区供热期止于 {day}，此后不计不达标日。",
                           "The company's announced heating in this district ended on {day}: "
                           "no failing day is counted after it."),
    "note.no_effective_test": ("没有可采用的检测记录。", "No test record could be used."),
    "note.company_failures_count_as_pass": ("本规则将企业未检测、未签字的日子视为达标，不计退费。",
                                            "Under these rules a day the company failed to "
                                            "test or to sign counts as passing: no refund for "
                                            "it."),
    "note.no_area_for_company_failure": ("企业未检测日没有可计算的面积。",
                                         "A company-failure day has no area to count."),
    "note.evidence_after_ruling": ("有检测时间在前一次裁定之前、上传在其后的记录。",
                                   "A record tested before an earlier ruling arrived after it."),
}


@dataclass(frozen=True)
class CaseRulingLabels(RulingLabels):
    """The case ruling's words in one language; falls back to the one-record ruling's and the
    slip's words."""

    def __call__(self, key: str, /, **values: object) -> str:
        if key in TEXT:
            zh, en = TEXT[key]
            template = en if self.lang == "en" else zh
            return template.format(**values) if values else template
        return super().__call__(key, **values)

    def has(self, key: str) -> bool:
        return key in TEXT or key in RULING_TEXT or super().has(key)


def stop_hours(profile: Profile) -> int:
    """The hours from which a stop raises the refund (the profile's, 48 by default)."""
    rule = getattr(profile, "case_rule", None)
    return int(getattr(rule, "stop_min_hours", None) or
               (profile.raw.get("refund") or {}).get("stop_min_hours", 48))


def note_text(note: str, ids: dict[str, str], profile: Profile, t: CaseRulingLabels) -> str:
    """A ruling's coded note (`kind:argument`) in `t`'s language; `ids`: record ref → record
    id. The PDF and the window word the notes alike; an unknown kind is shown as it is."""
    kind, _, arg = note.partition(":")
    key = f"note.{kind}"
    if not t.has(key):
        return note
    if kind == "profile_version_differs":
        ref, _, versions = arg.rpartition(":")
        sealed, _, current = versions.partition("→")
        return t(key, record=ids.get(ref, ref), sealed=sealed, current=current)
    if kind == "stop_too_short":
        return t(key, stop=arg, hours=stop_hours(profile))
    if kind == "capped_at_season":
        return t(key, days=profile.season_days)
    if kind == "heating_ended":
        return t(key, day=arg)
    return t(key, room=arg) if arg else t(key)
