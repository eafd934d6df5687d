"""Heating periods and penalty notice drafts: entered over real HTTP on both backends, the
worked late start and early stop, numbering per season and superseding, the PDF read back in
both languages, district scoping, and refusals that change nothing."""

from __future__ import annotations

import re
import threading
from datetime import date

import httpx
import pytest

from inspector_app.office import heating_periods
from inspector_app.office.event_refusal import EventRefused
from inspector_app.office.store import OfficeStore
from inspector_app.office.synth import synthesize
from inspector_app.slip.penalty_pdf import render_penalty
from tests.company_events.helpers import PERIOD, record_in, rows
from tests.office.uploaded import supervisor
from tests.slip.helpers import page_texts, squash

CJK = re.compile(r"[\u3000-\u303f\u3400-\u9fff\uff00-\uffef]")
TODAY = date(2026, 6, 30)


@pytest.fixture
def store(office_db):
    store = OfficeStore(office_db)
    yield store
    store.close()


def period(store, **changes):
    return heating_periods.add_period(store, **{**PERIOD, **changes}, by="王科长")


@pytest.mark.parametrize(("changes", "code"), [
    ({"season": "2025-2027"}, "bad_season"),
    ({"season": "1999-2000", "announced_start": "1999-10-20", "announced_end": "2000-04-10"},
     "implausible_date"),
    ({"season": "2100-2101", "announced_start": "2100-10-20", "announced_end": "2101-04-10"},
     "implausible_date"),
    ({"season": "1025-1026", "announced_start": "1025-10-20", "announced_end": "1026-04-10"},
     "implausible_date"),
    ({"announced_start": "2026-07-01"}, "outside_season"),
    ({"announced_end": "2025-10-19"}, "ends_before_start"),
    ({"announced_end": "2025-10-20"}, "ends_before_start"),
    ({"announced_start": "20 Oct"}, "bad_date"),
    ({"heated_area_m2": "0"}, "bad_decimal"),
    ({"fee_per_m2": "-27"}, "bad_decimal"),
    ({"fee_per_m2": "1e3"}, "bad_decimal"),
    ({"area": ""}, "missing"),
    ({}, "period_exists"),
])
def test_bad_periods_are_refused_and_nothing_changes(store, changes, code):
    period(store)
    before = rows(store)
    with pytest.raises(EventRefused) as err:
        period(store, **changes)
    assert err.value.code == code and err.value.message_zh and err.value.message_en
    assert rows(store) == before


def test_an_implausible_season_is_refused_naming_the_field(store):
    with pytest.raises(EventRefused) as err:
        period(store, season="1999-2000", announced_start="1999-10-20",
               announced_end="2000-04-10")
    assert (err.value.status, err.value.field) == (422, "season")
    assert "2000-2001" in err.value.message_zh and "2099-2100" in err.value.message_en
    assert "season" in err.value.message_zh
    for first in (2000, 2099):                     # the first and last seasons are taken
        made = period(store, season=f"{first}-{first + 1}", announced_start=f"{first}-10-20",
                      announced_end=f"{first + 1}-04-10")
        assert made["period_id"] == f"{first}-{first + 1}-H0001"


def test_actual_days_are_checked(store):
    p = period(store)
    pid = p["period_id"]
    assert pid == "2025-2026-H0001" and p["late_start_days"] == 0 and p["notices"] == []
    before = rows(store)
    for start, end, code in (("2026-07-02", None, "outside_season"),
                             (None, None, "missing"),
                             ("2025-10-23", "2025-10-22", "ends_before_start"),
                             ("2026-06-30", None, "future_time")):
        with pytest.raises(EventRefused) as err:
            heating_periods.set_actual(store, pid, actual_start=start, actual_end=end,
                                       today=date(2026, 6, 29))
        assert err.value.code == code
    with pytest.raises(EventRefused) as err:
        heating_periods.set_actual(store, "2025-2026-H0099", actual_start="2025-10-23")
    assert err.value.status == 404
    assert rows(store) == before
    one = heating_periods.set_actual(store, pid, actual_start="2025-10-23", today=TODAY)
    assert (one["actual_start"], one["actual_end"], one["late_start_days"]) == \
        ("2025-10-23", None, 3)
    with pytest.raises(EventRefused) as err:       # the end is judged against the stored start
        heating_periods.set_actual(store, pid, actual_end="2025-10-01", today=TODAY)
    both = heating_periods.set_actual(store, pid, actual_end="2026-04-05", today=TODAY)
    assert (both["late_start_days"], both["early_stop_days"]) == (3, 5)
    # a start after the announced end: the 173 days announced went unheated, no more
    # (20 Apr − 20 Oct would be 182)
    never = heating_periods.set_actual(store, pid, actual_start="2026-04-20",
                                       actual_end="2026-05-01", today=TODAY)
    assert (never["late_start_days"], never["early_stop_days"]) == (173, 0)


def test_the_pdf_names_the_actual_start_of_a_start_after_the_period(store, tmp_path):
    record_in(store, tmp_path)
    pid = period(store, announced_end="2025-11-30")["period_id"]
    heating_periods.set_actual(store, pid, actual_start="2025-12-05", today=TODAY)
    notice = heating_periods.draft_notice(store, pid, kind="late_start", multiple="2",
                                          reason="整段未供热", by="王科长")
    # 42 days announced (20 Oct → 30 Nov), all unheated: 27 × 12000 × 42 ÷ 42 = 324000.00
    text = texts(render_penalty(notice["data"], notice_no=notice["notice_no"], lang="zh"))
    for words in ("应于2025-10-20开始供热，实际于2025-12-05开始：共42日",
                  "27×12000×42÷42=324000.00元"):
        assert squash(words) in text, words


def test_drafts_are_numbered_per_season_and_supersede_per_period_and_kind(store, tmp_path):
    record_in(store, tmp_path)
    pid = period(store)["period_id"]
    heating_periods.set_actual(store, pid, actual_start="2025-10-23", actual_end="2026-04-05",
                               today=TODAY)
    other = period(store, area="和平小区")["period_id"]
    heating_periods.set_actual(store, other, actual_start="2025-10-21", today=TODAY)
    earlier = period(store, season="2024-2025", announced_start="2024-10-20",
                     announced_end="2025-04-10")["period_id"]
    heating_periods.set_actual(store, earlier, actual_start="2024-10-22", today=TODAY)

    def draft(period_id, kind, multiple="3"):
        return heating_periods.draft_notice(store, period_id, kind=kind, multiple=multiple,
                                            reason="理由", by="王科长")

    late = draft(pid, "late_start")
    early = draft(pid, "early_stop")
    late_again = draft(pid, "late_start", "4")
    assert [late["notice_no"], early["notice_no"], late_again["notice_no"]] == \
        ["2025-2026-P0001", "2025-2026-P0002", "2025-2026-P0003"]
    assert draft(earlier, "late_start")["notice_no"] == "2024-2025-P0001"
    assert draft(other, "late_start")["notice_no"] == "2025-2026-P0004"
    by_no = {n["notice_no"]: n for n in heating_periods.notices_for(store, pid)}
    assert by_no["2025-2026-P0001"]["superseded_by"] == "2025-2026-P0003"
    assert by_no["2025-2026-P0002"]["superseded_by"] is None       # the other kind stays
    assert by_no["2025-2026-P0003"]["superseded_by"] is None
    pen = late_again["data"]["penalty"]
    assert (pen["days"], pen["fee"], pen["multiple"], pen["fine"]) == \
        (3, "5618.50", "4", "22474.00")                             # 4 × 5618.50
    assert late_again["data"]["period"]["actual_start"] == "2025-10-23"
    assert late_again["data"]["drafted_by"] == "王科长"

    before = rows(store)
    for kind, multiple, reason, code in (
            ("late_start", "11", "r", "cannot_draft"),
            ("late_start", "1", "r", "cannot_draft"),
            ("late_start", "x", "r", "cannot_draft"),
            ("late_start", "3", "", "missing"),
            ("late", "3", "r", "bad_kind")):
        with pytest.raises(EventRefused) as err:
            heating_periods.draft_notice(store, pid, kind=kind, multiple=multiple, reason=reason,
                                         by="x")
        assert err.value.code == code, (kind, multiple)
    with pytest.raises(EventRefused) as err:                   # no early stop recorded there
        heating_periods.draft_notice(store, other, kind="early_stop", multiple="3", reason="r",
                                     by="x")
    assert "actual end" in err.value.message_en
    assert rows(store) == before


def test_the_fine_rule_is_the_profile_of_the_districts_latest_record(store, office_db,
                                                                     tmp_path):
    pid = period(store)["period_id"]
    heating_periods.set_actual(store, pid, actual_start="2025-10-23", today=TODAY)

    def refused(*words: str) -> None:
        before = rows(store)
        with pytest.raises(EventRefused) as err:
            heating_periods.draft_notice(store, pid, kind="late_start", multiple="3",
                                         reason="r", by="x")
        assert (err.value.code, err.value.status) == ("cannot_draft", 422)
        assert err.value.message_zh and err.value.message_en != err.value.message_zh
        for word in words:
            assert word in err.value.message_en, err.value.message_en
        assert rows(store) == before

    refused("朝阳区 has no stored test record")                   # no record at all
    record_in(store, tmp_path / "a", district="南关区")           # another district's: no help
    record_in(store, tmp_path / "t", day=date(2025, 12, 20), training=True)   # practice: none
    synthesize(office_db, 60)                                     # demo rows: not evidence
    assert store.scalar("SELECT count(*) FROM records WHERE district='朝阳区'") > 1
    refused("朝阳区 has no stored test record")
    record_in(store, tmp_path / "b", day=date(2025, 12, 1), rules="harbin")
    refused("no fine for a late start", "harbin")                 # its rules have no [penalty]
    record_in(store, tmp_path / "c", day=date(2025, 12, 5))       # later, under Changchun
    drafted = heating_periods.draft_notice(store, pid, kind="late_start", multiple="3",
                                           reason="r", by="x")
    assert drafted["data"]["profile"]["name"] == "changchun"
    assert drafted["data"]["penalty"]["multiple_max"] == "10"
    record_in(store, tmp_path / "d", day=date(2025, 11, 1), rules="harbin")   # stored last,
    assert heating_periods.draft_notice(store, pid, kind="late_start", multiple="3",  # tested
                                        reason="r", by="x")["notice_no"] == "2025-2026-P0002"
    record_in(store, tmp_path / "e", day=date(2025, 12, 10), rules="harbin")  # the latest test
    refused("no fine for a late start")


def test_concurrent_drafts_get_distinct_numbers_and_one_stays_in_force(store, tmp_path):
    record_in(store, tmp_path)
    pid = period(store)["period_id"]
    heating_periods.set_actual(store, pid, actual_start="2025-10-23", today=TODAY)
    numbers: list[str] = []
    errors: list[BaseException] = []

    def draft(i: int) -> None:
        try:
            numbers.append(heating_periods.draft_notice(
                store, pid, kind="late_start", multiple=str(2 + i % 5), reason=f"r{i}",
                by="x")["notice_no"])
        except BaseException as exc:   # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=draft, args=(i,)) for i in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert sorted(numbers) == [f"2025-2026-P{n:04d}" for n in range(1, 9)]
    in_force = [n for n in heating_periods.notices_for(store, pid) if not n["superseded_by"]]
    assert [n["notice_no"] for n in in_force] == ["2025-2026-P0008"]


def texts(pdf: bytes) -> str:
    return squash("".join(page_texts(pdf)))


def test_the_pdf_shows_the_period_the_arithmetic_the_range_and_the_choice(store, tmp_path):
    record_in(store, tmp_path)
    pid = period(store)["period_id"]
    heating_periods.set_actual(store, pid, actual_start="2025-10-23", actual_end="2026-04-05",
                               today=TODAY)
    first = heating_periods.draft_notice(store, pid, kind="early_stop", multiple="2.5",
                                         reason="提前停热，已向用户道歉", by="王科长")
    notice = heating_periods.draft_notice(store, pid, kind="early_stop", multiple="3",
                                          reason="提前停热五日，影响全小区", by="王科长")
    zh = render_penalty(notice["data"], notice_no=notice["notice_no"], lang="zh")
    assert zh == render_penalty(notice["data"], notice_no=notice["notice_no"], lang="zh")
    text = texts(zh)
    for words in ("提前停止供热处罚通知书", "2025-2026-P0002", "草稿", "长春热力", "幸福小区",
                  "2025-10-20至2026-04-10", "实际于2026-04-05停止供热，应供热至2026-04-10：共5日",
                  "公布供热期天数", "173日（2025-10-20至2026-04-10，首尾两日均计）",
                  "÷公布供热期天数", "27×12000×5÷173=9364.16元", "《吉林省城市供热条例》第三十三条",
                  "二倍以上十倍以下", "热费总额的2倍以上10倍以下", "人民币18728.32元至93641.60元",
                  "3倍", "提前停热五日，影响全小区", "3×9364.16=人民币28092.48元",
                  "贰万捌仟零玖拾贰元肆角捌分", "王科长"):
        assert squash(words) in text, words
    en = render_penalty(notice["data"], notice_no=notice["notice_no"], lang="en")
    text = texts(en)
    for words in ("Penalty notice: early stop of heating", "DRAFT", "2026-04-05",
                  "5 day(s)", "173 days (2025-10-20 to 2026-04-10, both days counted)",
                  "÷ days of the announced heating", "27 × 12000 × 5 ÷ 173 = 9364.16 yuan",
                  "Art. 33", "Ji Jian Yi [2024] No. 12", "from 2 to 10 times the heat fee",
                  "18728.32 to 93641.60 yuan", "3 times", "3 × 9364.16 = 28092.48 yuan"):
        assert squash(words) in text, words
    data_words = ("长春热力", "朝阳区", "幸福小区", "王科长", "提前停热五日，影响全小区")
    for word in data_words:          # what was typed stays as typed; every label is English
        text = text.replace(word, "")
    assert not CJK.search(text), CJK.findall(text)
    old = heating_periods.get_notice(store, first["notice_no"])
    stale = texts(render_penalty(old["data"], notice_no=old["notice_no"],
                                 superseded_by=old["superseded_by"]))
    assert squash("本稿已被 2025-2026-P0002 取代") in stale


def test_a_draft_stored_on_the_season_basis_prints_as_it_was_computed(store, tmp_path):
    # a draft stored before the basis was the announced period: 27 × 12000 × 3 ÷ 168 = 5785.71
    record_in(store, tmp_path)
    pid = period(store)["period_id"]
    heating_periods.set_actual(store, pid, actual_start="2025-10-23", today=TODAY)
    data = heating_periods.draft_notice(store, pid, kind="late_start", multiple="3",
                                        reason="r", by="x")["data"]
    pen = {k: v for k, v in data["penalty"].items() if k != "period_days"}
    old = {**data, "penalty": {**pen, "season_days": 168, "fee": "5785.71",
                               "fine": "17357.13"}}
    text = texts(render_penalty(old, notice_no="2025-2026-P0001", lang="zh"))
    for words in ("供暖季天数", "168日（地区规则）", "÷供暖季天数", "27×12000×3÷168=5785.71元"):
        assert squash(words) in text, words
    assert "公布供热期天数" not in text


# -- over HTTP -------------------------------------------------------------------------------

def test_periods_and_notices_over_http(office, tmp_path):
    record_in(office.store, tmp_path)
    with office.admin() as admin:
        made = admin.post("/api/v1/heating-periods", json=PERIOD)
        assert made.status_code == 201, made.text
        pid = made.json()["period_id"]
        before = rows(office.store)
        for body, status, code in (({**PERIOD}, 409, "period_exists"),
                                   ({**PERIOD, "season": "2025-2027"}, 422, "bad_season"),
                                   ({**PERIOD, "area": "b", "announced_end": "2025-10-01"}, 422,
                                    "ends_before_start"),
                                   ({**PERIOD, "area": "b", "fee_per_m2": "abc"}, 422,
                                    "bad_decimal")):
            answer = admin.post("/api/v1/heating-periods", json=body)
            assert (answer.status_code, answer.json()["error"]) == (status, code), answer.text
        no_days = admin.post(f"/api/v1/heating-periods/{pid}/penalty-notices",
                             json={"kind": "late_start", "multiple": "3", "reason": "r"})
        assert no_days.status_code == 422 and no_days.json()["error"] == "cannot_draft"
        assert "actual start" in no_days.json()["reason"]
        assert admin.patch(f"/api/v1/heating-periods/{pid}", json={
            "actual_start": "2099-10-23"}).status_code == 422
        assert admin.patch(f"/api/v1/heating-periods/{pid}", json={}).json()["error"] == \
            "missing"
        assert rows(office.store) == before

        set_ = admin.patch(f"/api/v1/heating-periods/{pid}", json={"actual_start": "2025-10-23"})
        assert set_.status_code == 200 and set_.json()["late_start_days"] == 3
        for body in ({"kind": "late_start", "multiple": "12", "reason": "r"},
                     {"kind": "late_start", "multiple": "3", "reason": ""},
                     {"kind": "late_start", "multiple": "3", "reason": "r", "profile": "harbin"}):
            answer = admin.post(f"/api/v1/heating-periods/{pid}/penalty-notices", json=body)
            assert answer.status_code == 422 and answer.json()["reason_zh"], answer.text
        assert answer.json()["error"] == "invalid_request" and "profile" in answer.json()[
            "reason"]                                 # the client does not choose the rules
        elsewhere = admin.post("/api/v1/heating-periods", json={**PERIOD, "district": "绿园区"})
        other = elsewhere.json()["period_id"]
        assert admin.patch(f"/api/v1/heating-periods/{other}",
                           json={"actual_start": "2025-10-23"}).status_code == 200
        no_rules = admin.post(f"/api/v1/heating-periods/{other}/penalty-notices",
                              json={"kind": "late_start", "multiple": "3", "reason": "r"})
        assert (no_rules.status_code, no_rules.json()["error"]) == (422, "cannot_draft")
        assert "绿园区 has no stored test record" in no_rules.json()["reason"]
        assert "绿园区尚无注明地区规则的检测记录" in no_rules.json()["reason_zh"]
        drafted = admin.post(f"/api/v1/heating-periods/{pid}/penalty-notices",
                             json={"kind": "late_start", "multiple": "3", "reason": "首次"})
        assert drafted.status_code == 201, drafted.text
        no = drafted.json()["notice_no"]
        assert no == "2025-2026-P0001"
        assert drafted.json()["data"]["penalty"]["fine"] == "16855.50"     # 3 × 5618.50
        listed = admin.get("/api/v1/heating-periods", params={"season": "2025-2026"}).json()
        assert [n["notice_no"] for n in listed["items"][0]["notices"]] == [no]
        pdf = admin.get(f"/api/v1/penalty-notices/{no}/pdf", params={"lang": "en"})
        assert pdf.status_code == 200 and pdf.headers["content-type"] == "application/pdf"
        assert "16855.50yuan" in texts(pdf.content)
        assert "推迟开始供热处罚通知书" in texts(admin.get(f"/api/v1/penalty-notices/{no}/pdf").content)
        assert admin.get("/api/v1/penalty-notices/2025-2026-P0009/pdf").status_code == 404
        assert admin.get(f"/api/v1/penalty-notices/{no}/pdf",
                         params={"lang": "fr"}).status_code == 422

    with supervisor(office, "sup", "南关区") as sup:
        before = rows(office.store)
        assert sup.post("/api/v1/heating-periods", json={**PERIOD, "area": "x"}).json()[
            "error"] == "other_district"
        assert sup.get("/api/v1/heating-periods").json() == {"items": []}
        for answer in (sup.get(f"/api/v1/heating-periods/{pid}"),
                       sup.patch(f"/api/v1/heating-periods/{pid}",
                                 json={"actual_end": "2026-04-01"}),
                       sup.post(f"/api/v1/heating-periods/{pid}/penalty-notices",
                                json={"kind": "late_start", "multiple": "3", "reason": "r"}),
                       sup.get(f"/api/v1/penalty-notices/{no}"),
                       sup.get(f"/api/v1/penalty-notices/{no}/pdf")):
            assert answer.status_code == 404, answer.text
        assert rows(office.store) == before
        mine = sup.post("/api/v1/heating-periods", json={**PERIOD, "district": "南关区"})
        assert mine.status_code == 201
        assert [p["district"] for p in sup.get("/api/v1/heating-periods").json()["items"]] == \
            ["南关区"]
    assert httpx.get(f"{office.url}/api/v1/penalty-notices/{no}/pdf").status_code == 401
