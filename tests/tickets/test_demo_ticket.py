"""`inspector-app demo --headless --ticket NUMBER`: the scripted visit from a pulled assignment."""

from __future__ import annotations

import json

import pytest

from inspector_app.cli import main
from inspector_app.store.assignments import assignment
from inspector_app.store.sealed import SealedStore
from tests.tickets.office_visit import COMPLAINT, dispatch_and_pull


def _demo(laptop, *argv: str, lang: str = "en") -> int:
    return main(["--data-dir", str(laptop.folder), "--lang", lang, "demo", "--headless",
                 "--temps", "17.2,18.4", *argv])


@pytest.mark.parametrize("number", ["A1", "12345/A1"])
def test_the_demo_visit_answers_the_ticket_with_its_complaint_time(office, laptop, capsys,
                                                                   number):
    dispatch_and_pull(office, laptop)
    assert _demo(laptop, "--ticket", number, "--json") == 0, capsys.readouterr().err
    summary = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert (summary["ticket"], summary["complaint_at"]) == ("12345/A1", COMPLAINT)
    record = SealedStore(laptop.db).envelope(summary["record_id"])["record"]
    visit = record["visit"]
    assert record["training"] is True
    assert (visit["channel"], visit["ticket"], visit["complaint_at"]) == ("12345", "A1",
                                                                         COMPLAINT)
    assert visit["ticket_ref"]["complaint_at"] == COMPLAINT
    assert visit["address"]["flat"] == "501" and visit["resident_name"] == "李梅"
    assert assignment(laptop.db, "12345", "A1").visit_id == summary["record_id"]


@pytest.mark.parametrize(("lang", "words"), [("zh", "本机没有工单 B9 的派单"),
                                             ("en", "no assignment 'B9' on this laptop")])
def test_no_such_assignment_exits_2_in_words_and_starts_nothing(office, laptop, capsys, lang,
                                                                words):
    dispatch_and_pull(office, laptop)
    assert _demo(laptop, "--ticket", "B9", lang=lang) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert laptop.db.execute("SELECT count(*) FROM visits").fetchone()[0] == 0


def test_without_a_pulled_office_key_the_demo_refuses_before_measuring(office, laptop, capsys):
    dispatch_and_pull(office, laptop)
    laptop.db.execute("UPDATE assignment_sync SET office_key_id=NULL, office_public_key=NULL")
    laptop.db.conn.commit()
    assert _demo(laptop, "--ticket", "A1") == 2
    assert "sync first" in capsys.readouterr().err
    assert laptop.db.execute("SELECT count(*) FROM visits").fetchone()[0] == 0
