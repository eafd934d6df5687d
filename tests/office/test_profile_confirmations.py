"""Profile sections confirmed at the office (issue #13, item 6): `inspector-office profile list`
and `confirm`, and formal rulings refused until the refund rules are confirmed there."""

from __future__ import annotations

import json
from decimal import Decimal

import pytest
from fastapi import HTTPException

from inspector_app.core.profile import load_profile
from inspector_app.core.ruling import Ruling, RulingInput, compute_ruling
from inspector_app.office.auth import hash_password
from inspector_app.office.cli import main as office_main
from inspector_app.office.profile_confirmations import confirm, effective
from inspector_app.office.rulings import cite_rules
from inspector_app.office.store import OfficeStore
from inspector_app.slip.ruling_pdf import render_ruling
from inspector_app.store.sealed import SealedStore
from inspector_app.sync.client import SyncClient
from tests.core.test_ruling import cc_cold_bedroom
from tests.office.uploaded import REFUND_CITATION_ZH, confirm_refund, upload
from tests.slip.helpers import page_texts, squash
from tests.sync.factory import seal_many

NOTICE = "《长春市居民热用户供热温度检测及退费有关事项的通知》（长城乡联规〔2020〕2号）"


def office_cli(db, *argv) -> int:
    return office_main([*argv, "--db", str(db)])          # --db after the subcommand


def listed(db, capsys, *extra) -> dict[str, dict]:
    assert office_cli(db, "profile", "list", "changchun", "--json", *extra) == 0
    return {r["section"]: r for r in json.loads(capsys.readouterr().out)}


def test_list_then_confirm_by_an_admin_kept_with_who_and_when(tmp_path, capsys):
    db = tmp_path / "office.sqlite3"
    before = listed(db, capsys)
    assert before["refund"]["status"] == "unconfirmed"
    assert before["standard"]["status"] == "cited"
    assert office_cli(db, "profile", "list") == 0                  # every profile, in Chinese
    out = capsys.readouterr().out
    assert "changchun 2026.1  refund         尚未确认" in out and "harbin" in out

    # Only an admin account of this office may confirm.
    assert office_cli(db, "profile", "confirm", "changchun", "--section", "refund",
                      "--citation-zh", NOTICE, "--by", "王科长") == 2
    assert "不是本办公室的管理员账号" in capsys.readouterr().err
    OfficeStore(db).add_user("李审核", "supervisor", "x", "朝阳区")
    assert office_cli(db, "--lang", "en", "profile", "confirm", "changchun", "--section",
                      "refund", "--citation-zh", NOTICE, "--by", "李审核") == 2
    assert "not an admin account" in capsys.readouterr().err
    OfficeStore(db).add_user("王科长", "admin", "x", None)
    for bad, words in ((["--section", "prices"], "没有这一节"),
                       (["--section", "refund", "--citation-en", "吉建议"], "英文引用中不能夹中文"),
                       (["--section", "standard"], "已注明所依据的文件")):
        argv = ["profile", "confirm", "changchun", "--citation-zh", NOTICE, "--by", "王科长", *bad]
        assert office_cli(db, *argv) == 2
        assert words in capsys.readouterr().err
    assert listed(db, capsys)["refund"]["status"] == "unconfirmed"    # nothing half-written

    assert office_cli(db, "profile", "confirm", "changchun", "--section", "refund",
                      "--citation-zh", NOTICE, "--by", "王科长") == 0
    assert "已确认" in capsys.readouterr().out
    refund = listed(db, capsys)["refund"]
    assert refund["status"] == "confirmed" and refund["citation_zh"] == NOTICE
    assert refund["confirmed_by"] == "王科长" and refund["confirmed_at"]
    assert office_cli(db, "--lang", "en", "profile", "list", "changchun") == 0
    line = next(x for x in capsys.readouterr().out.splitlines() if " refund " in x)
    assert "confirmed" in line and "cited in the Chinese version" in line and "王科长" in line


def test_a_confirmation_holds_for_the_profile_version_checked(office_db, tmp_path):
    store = OfficeStore(office_db)
    profile = load_profile("changchun")
    with store.write() as c:
        c.execute("INSERT INTO profile_confirmations (profile, profile_version, section,"
                  " citation_zh, confirmed_by, confirmed_at) VALUES"
                  " ('changchun', '2025.1', 'refund', ?, 'x', '2025-01-01')", (NOTICE,))
    assert effective(store, profile)["refund"].status == "unconfirmed"


def test_a_formal_ruling_waits_for_an_unconfirmed_standard_too(office_db):
    """Harbin's standard (18 °C) is reported, not cited: it decides which rooms fail, so a
    formal ruling under it waits for its confirmation as for the refund section's, in both
    languages naming the section; confirmed, both are cited on the ruling."""
    store = OfficeStore(office_db)
    harbin = load_profile("harbin")
    assert harbin.provenance["standard"].status == "unconfirmed"
    store.add_user("王科长", "admin", hash_password("password-1"), None)
    confirm(store, "harbin", "refund", "《哈尔滨市供热退费办法》（测试用文号）",
            "Harbin heating refund rules (test number)", "王科长")
    ruling = compute_ruling(cc_cold_bedroom(), load_profile("changchun"),
                            RulingInput(Decimal("0.1607"), 3))
    with pytest.raises(HTTPException) as refused:
        cite_rules(store, harbin, ruling)
    detail = refused.value.detail
    assert refused.value.status_code == 422 and detail["error"] == "rule_unconfirmed"
    assert "室温标准部分尚未经本办公室确认" in detail["reason_zh"]
    assert "standard section" in detail["reason"] and "--section standard" in detail["reason"]
    confirm(store, "harbin", "standard", "《哈尔滨市城市供热条例》（测试用文号）",
            "Harbin urban heating regulation (test number)", "王科长")
    cited = cite_rules(store, harbin, ruling).citations
    assert [cited[s]["status"] for s in ("standard", "refund")] == ["confirmed"] * 2
    store.close()


def _issue(office, rid: str):
    with office.admin() as admin:
        return admin.post(f"/api/v1/records/{rid}/rulings",
                          json={"daily_fee_per_m2": "0.1607", "failing_days": 10})


def test_a_formal_ruling_waits_for_the_refund_rules_to_be_confirmed(office, laptop, tmp_path):
    failing = upload(office, laptop, 2)[1]
    refused = _issue(office, failing)
    assert refused.status_code == 422
    body = refused.json()
    assert body["error"] == "rule_unconfirmed"
    assert "退费部分尚未经本办公室确认" in body["reason_zh"] and "profile confirm" in body["reason"]
    assert office.store.scalar("SELECT count(*) FROM rulings") == 0

    confirm_refund(office)
    issued = _issue(office, failing)
    assert issued.status_code == 201, issued.text
    citations = issued.json()["ruling"]["citations"]
    assert citations["refund"]["status"] == "confirmed"
    assert citations["refund"]["citation_zh"] == REFUND_CITATION_ZH
    assert citations["refund"]["confirmed_by"] == "王科长"
    assert citations["standard"]["status"] == "cited"

    # The PDF cites the confirmed rule, with who confirmed it, and the standard's document.
    envelope = json.loads(SealedStore(laptop.db).envelope_text(failing))
    pdf = render_ruling(envelope, Ruling.from_dict(issued.json()["ruling"]),
                        ruling_no=issued.json()["ruling_no"], issued_by="admin",
                        issued_at=issued.json()["issued_at"])
    text = squash("".join(page_texts(pdf)))
    assert squash(REFUND_CITATION_ZH) in text and "王科长于" in text
    assert "吉建议〔2024〕12号" in text and "seed" not in text.lower()


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_training_rulings_stay_allowed_and_say_the_rules_are_unconfirmed(training_office, laptop,
                                                                        lang):
    link = training_office.enroll_key(laptop.folder, laptop.key)
    [rid] = seal_many(laptop.db, laptop.key, 1, training=True, temps=(18.4, 17.2))
    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == 1
    issued = _issue(training_office, rid)
    assert issued.status_code == 201, issued.text
    ruling = issued.json()["ruling"]
    assert ruling["citations"]["refund"]["status"] == "unconfirmed"
    envelope = json.loads(SealedStore(laptop.db).envelope_text(rid))
    pdf = render_ruling(envelope, Ruling.from_dict(ruling), ruling_no=issued.json()["ruling_no"],
                        issued_by="admin", issued_at=issued.json()["issued_at"], lang=lang)
    text = squash("".join(page_texts(pdf)))
    assert squash("本条规则数据尚未经主管部门确认" if lang == "zh"
                  else "These rule values have not yet been confirmed") in text
