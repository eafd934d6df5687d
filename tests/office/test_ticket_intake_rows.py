"""What `save_batch` writes for a new ticket, column by column, on both backends.

The import's fast writing (the canonical JSON reused as `data`, the event's data written out,
UTC times without strftime, a `received` event id made from the ticket's key) must store what
the slower, general code stored: the same JSON values, the same UTC texts, unique event ids.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta, timezone

import pytest

from inspector_app.core.tickets import TicketData
from inspector_app.office.store import OfficeStore
from inspector_app.office.ticket_intake import utc_text
from inspector_app.office.values import utc_iso
from tests.office.ticket_helpers import ticket


@pytest.fixture
def store(office_db):
    s = OfficeStore(office_db)
    yield s
    s.close()


def test_a_new_ticket_is_stored_as_the_general_code_would(store):
    made = ticket("A1", text='引号" 反斜杠\\ 换行\n')
    store.save_tickets([made, ticket("A2")], source="hotline", by="import")
    row = store.query_one("SELECT data, complaint_utc, deadline_utc, address, digest FROM"
                          " tickets WHERE ticket='A1'")
    assert json.loads(row[0]) == made.to_dict()
    assert row[0] == json.dumps(made.to_dict(), ensure_ascii=False, sort_keys=True,
                                separators=(",", ":"))
    complaint = datetime.fromisoformat(made.complaint_at)
    assert row[1] == utc_iso(complaint)
    assert row[2] == utc_iso(complaint + timedelta(minutes=30))
    assert row[3] == made.address().one_line() and row[4] == made.digest()
    assert store.scalar("SELECT data FROM ticket_revisions WHERE ticket='A1'") == row[0]
    events = store.query("SELECT event_id, data, note, device_id, kind, source FROM"
                         " ticket_events ORDER BY ticket")
    assert [tuple(e[2:]) for e in events] == [("", None, "received", "hotline")] * 2
    assert [e[0] for e in events] == ["received-12345/A1", "received-12345/A2"]
    assert events[0][1] == json.dumps({"complaint_at": made.complaint_at,
                                       "digest": made.digest()},
                                      ensure_ascii=False, sort_keys=True)


def test_a_revision_and_a_second_import_keep_event_ids_unique(store):
    store.save_tickets([ticket("A1")], source="hotline", by="import")
    store.save_tickets([ticket("A1", text="改了")], source="hotline", by="import")
    store.save_tickets([ticket("A1"), ticket("A1", channel="12319")], source="hotline", by="i")
    ids = [r[0] for r in store.query("SELECT event_id FROM ticket_events ORDER BY id")]
    assert len(ids) == len(set(ids)) == 4
    assert {i for i in ids if i.startswith("received-")} == {"received-12345/A1",
                                                             "received-12319/A1"}
    assert sum(i.startswith("office-") for i in ids) == 2       # the two revisions


@pytest.mark.parametrize("moment", [
    datetime(2026, 1, 5, 11, 50, tzinfo=timezone(timedelta(hours=8))),
    datetime(2026, 1, 1, 3, 0, tzinfo=timezone(timedelta(hours=8))),
    datetime(2026, 1, 5, 11, 50, 7, 123456, tzinfo=timezone(timedelta(hours=-5, minutes=-30))),
    datetime(999, 6, 1, 0, 0, tzinfo=UTC),
    datetime(1000, 1, 1, 3, 0, tzinfo=timezone(timedelta(hours=8))),
    datetime(9999, 12, 31, 23, 0, tzinfo=UTC)])
def test_utc_text_is_utc_iso(moment):
    assert utc_text(moment) == utc_iso(moment)


def test_the_data_column_reads_back_as_the_ticket():
    made = ticket("A9")
    assert TicketData(**json.loads(made.canonical_json())) == made
