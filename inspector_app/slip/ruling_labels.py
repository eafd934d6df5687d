"""Every fixed word of the refund ruling (裁定书), Chinese first with English, and the amount in
Chinese capital numerals (大写金额), which a payment document must carry so the figure cannot be
altered by adding a stroke.

Coded values the slip already names (verdicts, room kinds) fall back to `labels.TEXT`, so the
ruling and the slip never word the same thing two ways.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from inspector_app.slip.labels import TEXT as SLIP_TEXT

# id: (zh, en)
TEXT: dict[str, tuple[str, str]] = {
    "title.refund": ("供热室温检测退费裁定书", "Refund ruling"),
    "title.no_refund": ("供热室温检测不退费裁定书", "No-refund ruling"),
    "doc_title": ("裁定书 {ruling_no}", "Ruling {ruling_no}"),
    "ruling_no": ("裁定书编号", "Ruling no."),
    "training_banner": ("培训裁定书：由培训用办公室依据培训记录出具，仅供练习，不具任何效力",
                        "TRAINING ruling, issued by a training office on a training record: "
                        "for practice only, of no effect"),
    "watermark": ("培训 · 不具效力 TRAINING", "TRAINING · NO EFFECT"),
    "footer": ("裁定书编号 {ruling_no}　依据记录 {record_id}　第 {page} 页",
               "Ruling {ruling_no}  ·  record {record_id}  ·  page {page}"),

    "section.record": ("一、裁定依据的检测记录", "1. The sealed test record this rests on"),
    "section.rules": ("二、适用的地区规则", "2. Regional rules applied"),
    "section.rooms": ("三、逐室认定与退费计算", "3. Rooms and the refund sum"),
    "section.decision": ("四、裁定", "4. Ruling"),
    "section.issue": ("五、签发", "5. Issue"),

    "record_id": ("检测记录编号", "Record ID"),
    "sha256": ("依据记录哈希 (SHA-256)", "Record hash (SHA-256)"),
    "device": ("签封设备 / 链序号", "Sealing device / chain no."),
    "device_value": ("{device} · 第 {seq} 号", "{device} · no. {seq}"),
    "test_at": ("检测时间", "Tested"),
    "address": ("地址", "Address"),
    "resident": ("用户", "Resident"),
    "company": ("供热企业", "Heating company"),
    "inspector": ("检测人员", "Inspector"),
    "profile": ("地区规则", "Regional rules"),
    "profile_value": ("{title}（{name}，版本 {version}）", "{title} ({name}, version {version})"),
    "sealed_version": ("（检测时版本 {version}）", " (version at the test: {version})"),
    "refund_source": ("退费规则依据", "Refund rule"),
    "refusal_source": ("用户拒绝签字规则依据", "Rule on a resident's refusal"),
    "standard_source": ("室温标准依据", "Temperature standard"),
    "confirmed_by": ("（{by} 于 {at} 核对确认）", " (confirmed against it by {by}, {at})"),

    "col.room": ("房间", "Room"),
    "col.area": ("面积 m²", "Area m²"),
    "col.mean": ("平均 °C", "Mean °C"),
    "col.verdict": ("结论", "Result"),
    "col.band": ("退费档", "Band"),
    "col.share": ("比例 %", "Share %"),
    "col.per_day": ("每日 元", "Per day ¥"),
    "col.amount": ("金额 元", "Amount ¥"),
    "total": ("合计", "Total"),
    "no_rooms": ("没有房间数据", "No room data"),
    "below_standard": ("低于标准", "below standard"),

    "daily_fee": ("日单价", "Daily price"),
    "daily_fee_value": ("{fee} 元/(m²·日)", "{fee} yuan per m² per day"),
    "failing_days": ("不达标天数", "Failing days"),
    "failing_days_value": ("{days} 日", "{days} day(s)"),
    "formula": ("计算方法", "Formula"),
    "formula_value": ("退费金额 = 日单价 × 不达标房间面积 × 不达标天数 × 退费比例"
                      "（逐室计算，每日金额四舍五入到分）",
                      "refund = daily price × failing room area × failing days × band share "
                      "(room by room; each day's sum rounded half up to 0.01 yuan)"),
    "amount": ("退费金额", "Refund amount"),
    "amount_value": ("人民币 {amount} 元", "{amount} yuan (RMB)"),
    "amount_capital": ("大写金额", "In words"),

    "decision.refund": ("裁定：由供热企业向用户退还供热费人民币 {amount} 元。",
                        "Ruling: the heating company refunds {amount} yuan of the heating fee "
                        "to the resident."),
    "decision.no_refund": ("裁定：不予退费。", "Ruling: no refund."),
    "reason": ("理由：{reason}", "Reason: {reason}"),
    "reason.all_rooms_pass": ("所检测房间室温均达到标准。",
                              "every room tested met the temperature standard."),
    "reason.resident_refused": ("用户无正当理由拒绝配合检测或签字，按规定当日视为达标。",
                                "the resident refused to cooperate or sign without good reason; "
                                "under the rules that day counts as passing."),
    "reason.no_band": ("不达标房间的室温不在任何退费档内，或按日单价计算不足一分。",
                       "the failing rooms fall in no refund band, or the sum at this daily "
                       "price is under 0.01 yuan."),
    "reason.zero_days": ("认定的不达标天数为零。", "the number of failing days is zero."),
    "reason.refund": ("不达标房间按退费档计算退费。", "the failing rooms are refunded by band."),

    "notes": ("备注", "Notes"),
    "note.profile_version_differs": ("检测时规则版本为 {sealed}，本裁定按现行版本 {current} 计算。",
                                     "The test used rules version {sealed}; this ruling applies "
                                     "the current version {current}."),
    "note.no_band": ("{room} 不达标，但不在任何退费档内。", "{room} fails but is in no band."),
    "note.room_verdict_differs": ("{room} 的记录结论与现行标准判定不一致。",
                                  "{room}: the recorded result differs from the current "
                                  "standard."),
    "note.resident_refused": ("用户拒绝签字（见记录），当日视为达标。",
                              "The resident refused to sign (see the record); the day counts "
                              "as passing."),
    "note.refusal_counts_as_fail": ("用户拒绝签字（见记录），按本地规则当日仍按不达标计算。",
                                    "The resident refused to sign (see the record); under the "
                                    "local rules the day still counts as failing."),
    "note.training": ("培训记录，培训用办公室出具的练习裁定，不具效力。",
                      "A training record, ruled on by a training office for practice: of no "
                      "effect."),
    "note.amount_rounds_to_zero": ("按日单价计算的每日退费不足一分。",
                                   "The daily sum at this price is under 0.01 yuan."),

    "issued_by": ("签发人", "Issued by"),
    "issued_at": ("签发日期", "Issued on"),
    "office": ("裁定机关", "Issuing authority"),
    "signature": ("签字：", "Signature:"),
    "seal": ("（公章）", "(Official seal)"),
    "verify": ("扫描二维码或凭检测记录编号，核对所依据的检测记录与存档是否一致。",
               "Scan the QR code, or use the record ID, to check the record this ruling rests on "
               "against the archive."),
}

DIGITS = "零壹贰叁肆伍陆柒捌玖"
SMALL_UNITS = ("", "拾", "佰", "仟")
BIG_UNITS = ("", "万", "亿")
MAX_CAPITAL = Decimal("1000000000000")      # 万亿: far beyond any refund


def _section(n: int) -> str:
    """0 < n < 10000 in capitals, a 零 for each run of zeros before a non-zero digit."""
    out, zero = [], False
    for place in (3, 2, 1, 0):
        digit = n // 10 ** place % 10
        if digit == 0:
            zero = bool(out)
            continue
        if zero:
            out.append("零")
            zero = False
        out.append(DIGITS[digit] + SMALL_UNITS[place])
    return "".join(out)


def yuan_capital(amount: Decimal) -> str:
    """An amount in yuan as 大写金额: 11.60 → 壹拾壹元陆角整, 1005.05 → 壹仟零伍元零伍分,
    0 → 零元整. Rounded half up to the fen; negative or 1e12 and more is refused."""
    fen_total = int((amount * 100).quantize(Decimal(1), rounding=ROUND_HALF_UP))
    if fen_total < 0 or fen_total >= MAX_CAPITAL * 100:
        raise ValueError(f"amount out of range for 大写: {amount}")
    yuan, jiao, fen = fen_total // 100, fen_total // 10 % 10, fen_total % 10
    if fen_total == 0:
        return "零元整"
    out = ""
    if yuan:
        sections = [yuan // 10 ** (4 * i) % 10000 for i in range(3)]
        for i in (2, 1, 0):
            sec = sections[i]
            if not sec:
                continue
            if out and sec < 1000:
                out += "零"
            out += _section(sec) + BIG_UNITS[i]
        out += "元"
    if jiao:
        out += DIGITS[jiao] + "角"
    elif yuan and fen:
        out += "零"
    if fen:
        return out + DIGITS[fen] + "分"
    return out + "整"


@dataclass(frozen=True)
class RulingLabels:
    """The ruling's words in one language: `t("daily_fee_value", fee=...)`."""

    lang: str = "zh"

    def __call__(self, key: str, /, **values: object) -> str:
        zh, en = TEXT[key] if key in TEXT else SLIP_TEXT[key]
        template = en if self.lang == "en" else zh
        return template.format(**values) if values else template

    def has(self, key: str) -> bool:
        return key in TEXT or key in SLIP_TEXT

    def coded(self, group: str, code: object) -> str:
        """A coded value in words (verdict, room kind, reason); unknown codes as given."""
        key = f"{group}.{code}"
        return self(key) if self.has(key) else str(code)

    def field(self, label: str, value: object) -> str:
        return SLIP_TEXT["field"][self.lang == "en"].format(label=label, value=value)

    def band(self, band: str) -> str:
        """A band label from the core (Chinese) in this language."""
        zh, en = TEXT["below_standard"]
        return band.replace(zh, en) if self.lang == "en" else band
