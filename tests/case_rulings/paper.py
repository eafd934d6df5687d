"""A case ruling written out by hand, as `CaseRuling.to_dict()` stores it, with the case detail
the PDF reads: the worked Changchun household of issue 15.

The household (8 Dec 2026 ruling date) has two rooms of 12.0 m², the daily fee is 0.1607:
- record A, 1 Dec: bedroom 15.0 °C (fails, band 14–<16: 60 %), living room 18.4 °C (passes);
  corrected by record A2 (same readings, the inspector's typo in the address fixed): A2 is used,
  A is shown as superseded;
- record B, 5 Dec: bedroom 16.5 °C (band 16–<18: 30 %);
- record C, 9 Dec: both rooms pass, which ends the failing run: days 1–8 Dec fail.
Each test's band (each_test):
  1–4 Dec: 0.1607 × 12.0 × 0.60 = 1.15704 → 1.16 a day, × 4 = 4.64
  5–8 Dec: 0.1607 × 12.0 × 0.30 = 0.57852 → 0.58 a day, × 4 = 2.32
A company stop of 3 days (6–8 Dec, 72 h) raises those days to 2 × 0.1607 × 86.5 = 27.8011 →
27.80 a day: 5 Dec 0.58 + 6–8 Dec 3 × 27.80 = 83.40; total 4.64 + 0.58 + 83.40 = 88.62.
"""

from __future__ import annotations

import copy

SHA = {"A": "a1" * 32, "A2": "a2" * 32, "B": "b0" * 32, "C": "c0" * 32}
DEVICE = "3f9a1c0de47b2a55"


def _test(ref: str, seq: int, at: str, verdict: str, used: bool,
          superseded_by: str | None = None, why_not: str = "") -> dict:
    return {"ref": f"{DEVICE}.rec-{ref}", "record_id": f"rec-{ref}", "sha256": SHA[ref],
            "device_id": DEVICE, "seq": seq, "test_at": at, "verdict": verdict, "used": used,
            "superseded_by": superseded_by, "why_not": why_not}


def _rooms(bedroom: str, verdict: str) -> list[dict]:
    return [{"room_id": "r1", "name": "卧室1", "kind": "bedroom", "area_m2": "12.0",
             "mean": bedroom, "verdict": verdict},
            {"room_id": "r2", "name": "客厅", "kind": "living_room", "area_m2": "12.0",
             "mean": "18.4", "verdict": "pass"}]


def _days(spec: list[tuple[str, str, str, str, str]]) -> list[dict]:
    return [{"day": d, "status": s, "basis": b, "share": sh, "amount": a}
            for d, s, b, sh, a in spec]


A2 = f"{DEVICE}.rec-A2"
B = f"{DEVICE}.rec-B"
STOP = "stop-0001"

RULING = {
    "case_id": "h0123456789abcdef0123-2026-2027-1", "household": "h0123456789abcdef0123",
    "season": "2026-2027", "profile_name": "changchun", "profile_version": "2026.1",
    "decision": "refund", "reason_code": "refund", "daily_fee_per_m2": "0.1607",
    "start": "2026-12-01", "end": "2026-12-08", "until": "2026-12-10",
    "failing_days": 8, "stop_days": 3,
    "days": _days([(f"2026-12-0{d}", "fail", A2, "0.60", "1.16") for d in (1, 2, 3, 4)]
                  + [("2026-12-05", "fail", B, "0.30", "0.58")]
                  + [(f"2026-12-0{d}", "stop", STOP, "0.30", "27.80") for d in (6, 7, 8)]),
    "tests": [
        _test("A", 11, "2026-12-01T09:10:00+08:00", "fail", False, superseded_by=A2),
        _test("A2", 12, "2026-12-01T09:10:00+08:00", "fail", True),
        _test("B", 13, "2026-12-05T10:00:00+08:00", "fail", True),
        _test("C", 14, "2026-12-09T10:30:00+08:00", "pass", True),
    ],
    "tickets": [{"key": "12345/T-00042", "complaint_at": "2026-12-01T07:30:00+08:00"}],
    "stops": [{"stop_id": STOP, "start_at": "2026-12-06T00:00:00+08:00",
               "end_at": "2026-12-09T00:00:00+08:00", "cause": "管网抢修", "days": 3}],
    "amount_total": "88.62", "notes": [], "band_basis": "each_test", "use_monitoring": False,
    "citations": {
        "standard": {"section": "standard", "status": "cited",
                     "citation_zh": "《长春市城市供热管理条例》", "citation_en": "Changchun heating rules",
                     "confirmed_by": "", "confirmed_at": ""},
        "refund": {"section": "refund", "status": "confirmed",
                   "citation_zh": "《长春市居民热用户供热温度检测及退费有关事项的通知》（长城乡联规〔2020〕2号）",
                   "citation_en": "Changchun notice on tests and refunds ([2020] No. 2)",
                   "confirmed_by": "王科长", "confirmed_at": "2026-11-30T01:00:00Z"}},
}

DETAIL = {
    "case": {"case_id": RULING["case_id"], "district": "朝阳区", "company": "长春热力",
             "address": "长春市朝阳区人民大街示范小区1栋2单元301室", "opened_at": "2026-11-30T23:30:00Z",
             "opened_kind": "ticket", "opened_ref": "12345/T-00042", "season": "2026-2027"},
    "household": {"household_id": RULING["household"], "district": "朝阳区",
                  "address": "长春市朝阳区人民大街示范小区1栋2单元301室"},
    "records": [
        {"ref": f"{DEVICE}.rec-A", "heated_area_m2": "86.5", "rooms": _rooms("15.0", "fail")},
        {"ref": A2, "heated_area_m2": "86.5", "rooms": _rooms("15.0", "fail")},
        {"ref": B, "heated_area_m2": "86.5", "rooms": _rooms("16.5", "fail")},
        {"ref": f"{DEVICE}.rec-C", "heated_area_m2": "86.5", "rooms": _rooms("18.6", "pass")},
    ],
}


def ruling() -> dict:
    return copy.deepcopy(RULING)


def detail() -> dict:
    return copy.deepcopy(DETAIL)
