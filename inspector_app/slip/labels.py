"""Every fixed word the slip prints, in Chinese (the default) and English: one table, keyed by id.

The slip's own wording lives here and nowhere else: headings, field labels, room kinds, verdict
words, position flags, channel names, fixed statements, watermark and footer. Profile wording
(copy labels, preconditions, exemptions, the city's name) comes from the profile's `zh`/`en`
pairs. What a person recorded (names, addresses, reasons, the signer's statement) is never
translated: it is printed exactly as the sealed record holds it.

Templates use `str.format` fields; a value passed in is never parsed as a template, so recorded
text with braces prints as it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from inspector_app.core.profile import Labelled

LANGS: tuple[str, ...] = ("zh", "en")
DEFAULT_LANG = "zh"

# id: (zh, en)
TEXT: dict[str, tuple[str, str]] = {
    # -- punctuation and glue (Chinese full-width marks; English ASCII with spaces)
    "field": ("{label}：{value}", "{label}: {value}"),
    "list_sep": ("、", ", "),
    "clause_sep": ("；", "; "),
    "header_sep": ("　｜　", "  |  "),
    "gap": ("　", "  "),
    "paren": ("（{text}）", " ({text})"),
    "none": ("无", "None"),

    # -- title, copy label, footer, watermark
    "title": ("{city}供热室内温度测温记录单", "{city} Indoor Heating Temperature Test Slip"),
    "doc_title": ("测温记录单 {record_id}", "Heating test slip {record_id}"),
    "copy_of": ("第 {no} 联 / 共 {total} 联", "Copy {no} of {total}"),
    "page_of": ("第 {no} 页 / 共 {total} 页", "Page {no} of {total}"),
    "copy_continued": ("{label}（续）　本联第 {no} 页 / 共 {total} 页",
                       "{label} (continued): page {no} of {total} of this copy"),
    "footer_record": ("记录编号 {record_id}", "Record ID {record_id}"),
    "watermark": ("培训/演示记录 TRAINING", "TRAINING / DEMO"),
    "training_banner": ("培训/演示记录 TRAINING / DEMO：不能作为检测证据，不得用于退费裁定",
                        "TRAINING / DEMO record: not evidence of a test, never to be used "
                        "to decide a refund"),

    # -- section headings
    "section.basics": ("一、基本情况", "1. Visit details"),
    "section.conditions": ("二、检测条件", "2. Test conditions"),
    "section.instrument": ("三、检测仪器", "3. Instrument"),
    "section.data": ("四、检测数据", "4. Readings"),
    "section.data_a4": ("四、检测数据（温度 °C；每个测点稳定后读数，取平均值）",
                        "4. Readings (°C; read once each point is stable, then averaged)"),
    "section.result": ("五、检测结论", "5. Result"),
    "section.signatures": ("六、签字", "6. Signatures"),
    "section.verify": ("七、核验", "7. Verification"),

    # -- field labels
    "record_id": ("记录编号", "Record ID"),
    "ticket": ("投诉工单号", "Ticket no."),
    "channel": ("投诉渠道", "Channel"),
    "ticket_source": ("工单来源", "Ticket source"),
    "ticket_source.dispatched": ("派单工单 {key}（办公室签发）",
                                 "Dispatched ticket {key} (signed by the office)"),
    "ticket_source.walk_in": ("现场录入（无派单）", "Typed at the door (no dispatched ticket)"),
    "address": ("地址", "Address"),
    "resident_name": ("用户姓名", "Resident"),
    "resident_phone": ("联系电话", "Phone"),
    "heated_area": ("供热面积", "Heated area"),
    "company": ("供热企业", "Heating company"),
    "position": ("边/顶/底/悬空", "Position"),
    "outdoor": ("室外温度", "Outdoor temp."),
    "complaint_at": ("投诉时间", "Complaint"),
    "contact_at": ("联系时间", "Contacted"),
    "arrival_at": ("到达时间", "Arrived"),
    "test_at": ("检测时间", "Tested"),
    "inspector": ("检测人员", "Inspector"),
    "inspector_org": ("检测单位", "Organisation"),
    "contact_limit": ("联系时限", "Contact limit"),
    "closed_since": ("门窗关闭起始", "Closed since"),
    "exemptions": ("除外情形", "Exemptions"),
    "instrument_model": ("温度计型号", "Model"),
    "instrument_serial": ("出厂编号", "Serial no."),
    "instrument_correction": ("修正值", "Correction"),
    "instrument_certificate": ("检定/校准证书编号", "Calibration cert."),
    "instrument_expiry": ("证书有效期至", "Cert. valid until"),
    "sealed_at": ("签封时间", "Sealed at"),
    "device": ("设备", "Device"),
    "device_value": ("{device} · 第 {seq} 号", "{device} · no. {seq}"),

    # -- worked-out statements
    "contact_plain": ("投诉后 {minutes} 分钟联系用户", "Resident contacted {minutes} min after "
                      "the complaint"),
    "contact_ok": ("投诉后 {minutes} 分钟联系用户，符合“{limit} 分钟内联系”的要求",
                   "Resident contacted {minutes} min after the complaint: within the required "
                   "{limit} min"),
    "contact_late": ("投诉后 {minutes} 分钟联系用户，超过“{limit} 分钟内联系”的要求",
                     "Resident contacted {minutes} min after the complaint: later than the "
                     "required {limit} min"),
    "closed_required": ("（要求至少 {minutes} 分钟）", " (at least {minutes} min required)"),
    "precondition_met": ("√ {label}", "√ {label}"),
    "precondition_unmet": ("× {label}（未满足）", "× {label} (not met)"),
    "no_preconditions": ("未记录前提条件", "No preconditions recorded"),
    "supersedes": ("本记录更正并替代记录 {record_id}，原因：{reason}",
                   "This record corrects and replaces record {record_id}. Reason: {reason}"),
    "manual_point": ("* {room} 测点 {index} 为手动录入读数", "* {room}, point {index}: readings "
                     "entered by hand"),
    "manual_point_why": ("* {room} 测点 {index} 为手动录入读数，原因：{reason}",
                         "* {room}, point {index}: readings entered by hand. Reason: {reason}"),
    "visit_notes": ("备注：{notes}", "Notes: {notes}"),

    # -- rooms
    "room": ("房间", "Room"),
    "room_kind": ("类型", "Type"),
    "room_area": ("面积 m²", "Area m²"),
    "points_required": ("应测点数", "Points due"),
    "point": ("测点", "Point"),
    "reading_n": ("读数{n}", "Reading {n}"),
    "point_mean": ("测点平均", "Point mean"),
    "room_mean": ("房间平均", "Room mean"),
    "room_verdict": ("结论", "Result"),
    "lowest": ("（最低）", " (lowest)"),
    "no_rooms": ("没有房间数据", "No room data"),
    "no_readings": ("没有读数", "No readings"),
    "roll_room": ("{name}{lowest}　{kind}　{area} m²　应测 {points} 点",
                  "{name}{lowest} · {kind} · {area} m² · {points} point(s) due"),
    "roll_readings": ("读数（°C，{n} 次）", "Readings (°C, {n} each)"),
    "roll_mean": ("平均", "Mean"),
    "roll_room_mean": ("房间平均 {mean}", "Room mean {mean}"),
    "compact_point_means": ("各测点平均", "Point means"),
    "compact_area": ("m²", "m²"),
    "compact_room_mean": ("房间平均", "Mean"),
    "compact_readings_note": ("逐次读数见 A4 记录单及主管部门存档记录；*为手动录入。",
                              "Each reading: on A4 and in the record; * by hand"),
    "compact_lowest": ("（最低）", " (lowest)"),
    "section.conditions_short": ("检测条件", "Conditions"),
    "compact_conditions": ("{met}/{total} 项满足", "{met} of {total} met"),
    "compact_verify_how": ("扫码或登录下列网址，核对本单与存档是否一致：",
                           "To check this slip, scan the code or open:"),
    "compact_verify_link": ("{office}/v/记录编号", "{office}/v/RECORD-ID"),
    "compact_signed": ("{name}　{at} 签字", "{name}, signed {at}"),
    "compact_sep": ("　", " · "),
    "short_field": ("{label}：{value}", "{label} {value}"),
    # the compact roll's shorter labels: label/value pairs run on one line
    "short.record_id": ("记录编号", "Record"),
    "short.ticket": ("工单", "Ticket"),
    "short.channel": ("渠道", "via"),
    "short.ticket_source": ("来源", "source"),
    "short.resident_name": ("用户", "Resident"),
    "short.resident_phone": ("电话", "Tel."),
    "short.heated_area": ("面积", "Area"),
    "short.company": ("供热企业", "Heat supplier"),
    "short.position": ("位置", "Position"),
    "short.outdoor": ("室外", "Outdoor"),
    "short.complaint_at": ("投诉", "Complaint"),
    "short.contact_at": ("联系", "contacted"),
    "short.arrival_at": ("到达", "arrived"),
    "short.test_at": ("检测", "tested"),
    "short.inspector": ("检测人员", "Inspector"),
    "short.inspector_org": ("单位", "of"),
    "short.closed_since": ("门窗关闭", "Closed since"),
    "short.exemptions": ("除外情形", "Exemptions"),
    "short.instrument_model": ("温度计", "Thermometer"),
    "short.instrument_serial": ("编号", "no."),
    "short.instrument_correction": ("修正", "correction"),
    "short.instrument_certificate": ("证书", "cert."),
    "short.instrument_expiry": ("有效期至", "valid to"),
    "short.sealed_at": ("签封时间", "Sealed"),
    "short.device": ("设备", "Device"),
    "brief_criterion": ("判定标准：{kinds}逐室不低于 {min_temp} °C",
                        "Pass: each {kinds} at least {min_temp} °C"),
    "brief_refund": ("退费估算：每日 {per_day} 元{terms}，按不合格天数累计，以主管部门裁定为准",
                     "Refund estimate: {per_day} yuan per failing day{terms}; the authority "
                     "decides"),
    "brief_refund_term": ("{room} {sum}", "{room} {sum}"),

    # -- result
    "verdict_line": ("检测结论：{verdict}", "Result: {verdict}"),
    "lowest_room": ("最低房间：{name}（{kind}）{mean}", "Lowest room: {name} ({kind}) {mean}"),
    "criterion": ("判定标准：{kinds}室内温度不低于 {min_temp} °C，逐室判定",
                  "Criterion: indoor temperature of each room tested ({kinds}) at least "
                  "{min_temp} °C, judged room by room"),
    "refund": ("退费估算：每日 {per_day} 元，按不合格天数累计，以主管部门裁定为准",
               "Refund estimate: {per_day} yuan a day, counted per failing day; the "
               "authority's ruling decides"),
    "refund_term": ("{room}：{sum}", "{room}: {sum}"),
    "missing_room": ("未检测：{kind}", "Not tested: {kind}"),
    "no_band": ("{name} 不合格，但不在任何退费档内", "{name} fails but falls in no refund band"),
    "rules": ("地区规则：{title} {name} {version}", "Regional rules: {title} {name} {version}"),
    "standard": ("标准依据：{standard}", "Standard: {standard}"),
    "refund_basis": ("退费估算依据：{refund}", "Refund estimate: {refund}"),

    # -- signatures
    "sign.inspector": ("检测人员签字", "Inspector's signature"),
    "sign.resident": ("用户签字", "Resident's signature"),
    "sign.witness": ("见证人签字", "Witness's signature"),
    "not_signed": ("（未签字）", "(not signed)"),
    "signer_line": ("{role}：{name}　签字时间：{signed_at}", "{role}: {name}  Signed {signed_at}"),
    "resident_missing": ("（用户未签字，也未记录拒绝签字）",
                         "(The resident did not sign, and no refusal was recorded)"),
    "refused": ("用户拒绝签字", "The resident refused to sign"),
    "refusal_reason": ("拒绝原因：{reason}", "Reason given: {reason}"),
    "witness_line": ("见证人：{name}（{role}）", "Witness: {name} ({role})"),
    "witness_signs": ("见证人签字：", "Witness's signature:"),
    "witness_signed_at": ("见证人签字时间：{signed_at}", "Witness signed {signed_at}"),
    "witness_missing": ("（见证人未签字）", "(The witness did not sign)"),

    # -- verification
    "verify_how": ("用手机扫描二维码，打开主管部门的核验页面，核对本单与存档记录是否一致"
                   "（网址：{office}/v/记录编号）。",
                   "Scan the QR code with a phone to open the authority's verification page and "
                   "check that this slip matches the archived record ({office}/v/RECORD-ID)."),
    "verify_offline": ("本机尚未注册到主管部门，本单没有核验二维码：请凭下列记录编号和校验值向主管部门核对。",
                       "This laptop is not enrolled with an authority, so the slip has no "
                       "verification QR code: check it with the authority by the record ID and "
                       "hash below."),
    "sha256": ("记录 SHA-256 校验值：", "Record SHA-256:"),

    # -- coded values from the record
    "verdict.pass": ("合格", "Pass"),
    "verdict.fail": ("不合格", "Fail"),
    "verdict.incomplete": ("未完成", "Incomplete"),
    "kind.bedroom": ("卧室", "Bedroom"),
    "kind.living_room": ("起居室（厅）", "Living room"),
    "kind.other": ("其他房间", "Other room"),
    "role.inspector": ("检测人员", "Inspector"),
    "role.resident": ("用户", "Resident"),
    "role.witness": ("见证人", "Witness"),
    "position.edge": ("边户", "End wall"),
    "position.top": ("顶层", "Top floor"),
    "position.bottom": ("底层", "Ground floor"),
    "position.overhang": ("悬空", "Over unheated space"),
    "channel.12345": ("12345 热线", "12345 hotline"),
    "channel.12319": ("12319 热线", "12319 hotline"),
    "channel.96118": ("96118 热线", "96118 hotline"),
    "channel.company": ("供热企业", "Heating company"),
    "channel.monitoring": ("固定监测点", "Fixed monitoring point"),
    "channel.walk_in": ("现场报告", "Reported on site"),
    "channel.other": ("其他", "Other"),

    # -- the copies when the record's profile is unknown (the four Changchun ones)
    "copy.resident": ("用户联", "Resident's copy"),
    "copy.tester": ("检测方联", "Tester's copy"),
    "copy.archive_1": ("主管部门存档联（一）", "Authority archive copy 1"),
    "copy.archive_2": ("主管部门存档联（二）", "Authority archive copy 2"),
}

DEFAULT_COPIES: tuple[Labelled, ...] = tuple(
    Labelled(key, *TEXT[f"copy.{key}"]) for key in ("resident", "tester", "archive_1", "archive_2"))


@dataclass(frozen=True)
class Labels:
    """The slip's words in one language: `t("field", label=..., value=...)`."""

    lang: str = DEFAULT_LANG

    def __call__(self, key: str, /, **values: object) -> str:
        zh, en = TEXT[key]
        template = en if self.lang == "en" else zh
        return template.format(**values) if values else template

    def coded(self, group: str, code: object) -> str:
        """A coded record value (verdict, room kind, role, position, channel) in words; an
        unknown code prints as recorded."""
        key = f"{group}.{code}"
        return self(key) if key in TEXT else str(code)

    def field(self, label: str, value: object) -> str:
        return self("field", label=label, value=value)

    def join(self, items: list[str], sep: str = "list_sep") -> str:
        return self(sep).join(items)
