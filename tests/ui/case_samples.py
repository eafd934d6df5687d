"""A case detail shaped as the office's `GET /api/v1/cases/{id}` answers (CASES_SPEC §3): a
Changchun household that complained on 1 Dec, failed at 15.0 °C, was re-tested failing on 5 Dec
(a correction then replaced the first record) and passed on 9 Dec, with a 3-day company stop
and two fixed monitoring point days."""

from __future__ import annotations

import copy

HID = "h0123456789abcdef0123"
OTHER = "h99999999999999999999"
CASE_ID = f"{HID}-2026-2027-1"

ROW = {
    "case_id": CASE_ID, "household": HID, "season": "2026-2027", "district": "朝阳区",
    "company": "长春热力", "address": "长春市朝阳区红旗街道和平小区3栋2单元501室",
    "state": "open", "opened_at": "2026-12-01T08:30:00+08:00", "opened_kind": "ticket",
    "opened_ref": "12345/A1", "closed_at": None, "ruling_no": None, "records": 4,
    "tickets": 1, "failing_days": 8, "estimate": "123.45",
    "last_test_at": "2026-12-09T10:00:00+08:00", "evidence_after_ruling": False,
}


def record(ref: str, at: str, verdict: str, **extra) -> dict:
    return {"ref": ref, "record_id": ref.split(".")[1], "device_id": ref.split(".")[0],
            "seq": extra.pop("seq", 1), "sha256": "ab" * 32, "test_at": at, "verdict": verdict,
            "supersedes": None, "superseded_by": None, "used": True, "why_not": "",
            "received_at": at, "verification": "verified", "household": HID,
            "training": False, "after_closing": False, **extra}


def detail() -> dict:
    return copy.deepcopy({
        "profile_name": "changchun",
        "case": ROW,
        "household": {"household_id": HID, "key": "长春市|朝阳区|和平小区|3|2|501",
                      "address": ROW["address"], "district": "朝阳区", "merged": [OTHER],
                      "changes": [{"id": 7, "kind": "merge", "household_id": OTHER,
                                   "into_id": HID, "district": "朝阳区", "by": "admin1",
                                   "reason": "同一户，地址写法不同", "undoes": None,
                                   "at": "2026-12-02T09:00:00+08:00"}]},
        "records": [
            record("d1.r1", "2026-12-01T10:00:00+08:00", "fail", seq=1,
                   superseded_by="d1.r3", used=False, why_not="superseded"),
            record("d1.r2", "2026-12-05T10:00:00+08:00", "fail", seq=2),
            record("d1.r3", "2026-12-05T15:00:00+08:00", "fail", seq=3, supersedes="d1.r1"),
            record("d1.r4", "2026-12-09T10:00:00+08:00", "pass", seq=4),
        ],
        "tickets": [{"key": "12345/A1", "channel": "12345", "ticket": "A1", "complaint_at": "2026-12-01T08:30:00+08:00",
                     "contacted_at": "2026-12-01T08:50:00+08:00", "state": "tested"}],
        "stops": [{"stop_id": "s1", "start_at": "2026-12-06T00:00:00+08:00",
                   "end_at": "2026-12-09T00:00:00+08:00", "cause": "管网抢修", "days": 3}],
        "failures": [],
        "monitor_days": [
            {"day": "2026-12-05", "point_id": "P-17", "room_kind": "living_room",
             "mean_c": "16.2", "samples": 24},
            {"day": "2026-12-06", "point_id": "P-17", "room_kind": "living_room",
             "mean_c": "15.8", "samples": 24},
        ],
        "timeline": [{"day": f"2026-12-0{d}", "status": "stop" if 6 <= d <= 8 else "fail",
                      "basis": "d1.r3", "share": "0.5", "amount": "15.43"}
                     for d in range(1, 9)],
        "estimate": {"failing_days": 8, "amount": "123.45"},
        "rulings": [],
        "history": [{"at": "2026-12-02T09:00:00+08:00", "kind": "merge", "by": "admin1",
                     "change_id": 7, "household_id": OTHER, "into_id": HID,
                     "note": "同一户，地址写法不同"}],
    })
