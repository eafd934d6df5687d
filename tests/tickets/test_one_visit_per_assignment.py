"""One assignment, one visit: a second visit from an assignment that already has one is
refused (zh/en) on the laptop's store path and in `inspector-app demo --headless --ticket`,
unless the first was a draft that was discarded."""

from __future__ import annotations

import pytest

from inspector_app.cli import main
from inspector_app.core.tickets import TicketError
from inspector_app.store.assignments import assignment, mark_visit_started
from inspector_app.store.visits import VisitStore
from tests.sync.factory import make_visit
from tests.tickets.office_visit import dispatch_and_pull


def _demo(laptop, *argv: str, lang: str = "en") -> int:
    return main(["--data-dir", str(laptop.folder), "--lang", lang, "demo", "--headless",
                 "--temps", "17.2,18.4", *argv])


def test_a_second_visit_is_refused_until_the_first_draft_is_discarded(office, laptop):
    dispatch_and_pull(office, laptop)
    visits = VisitStore(laptop.db)
    first, second = make_visit(1), make_visit(2)
    visits.create(first)
    mark_visit_started(laptop.db, "12345", "A1", first.id)
    mark_visit_started(laptop.db, "12345", "A1", first.id)   # the same visit again: fine
    visits.create(second)
    with pytest.raises(TicketError) as refused:
        mark_visit_started(laptop.db, "12345", "A1", second.id)
    assert "一张派单只能做一次检测" in refused.value.message_zh
    assert "one assignment, one visit" in refused.value.message_en
    assert assignment(laptop.db, "12345", "A1").visit_id == first.id
    visits.discard(first.id)
    mark_visit_started(laptop.db, "12345", "A1", second.id)
    assert assignment(laptop.db, "12345", "A1").visit_id == second.id


@pytest.mark.parametrize(("lang", "words"), [("zh", "一张派单只能做一次检测"),
                                             ("en", "one assignment, one visit")])
def test_the_demo_refuses_a_second_visit_from_one_ticket(office, laptop, capsys, lang, words):
    dispatch_and_pull(office, laptop)
    assert _demo(laptop, "--ticket", "A1", "--json") == 0, capsys.readouterr().err
    capsys.readouterr()
    count = laptop.db.execute("SELECT count(*) FROM visits").fetchone()[0]
    assert _demo(laptop, "--ticket", "A1", lang=lang) == 2
    err = capsys.readouterr().err
    assert words in err and "Traceback" not in err
    assert laptop.db.execute("SELECT count(*) FROM visits").fetchone()[0] == count
