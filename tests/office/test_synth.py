"""`inspector-office synth`: marked synthetic rows with a realistic spread, quickly."""

from __future__ import annotations

import time

from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore, RecordFilter


def test_synth_rows_are_marked_spread_and_listable(office_db, capsys):
    db = office_db
    began = time.perf_counter()
    assert office_main(["--lang", "en", "synth", "--count", "2000", "--db", str(db)]) == 0
    assert time.perf_counter() - began < 10
    assert "2000 synthetic rows" in capsys.readouterr().out
    store = OfficeStore(db)
    assert tuple(store.query_one(
        "SELECT count(*), sum(synthetic), sum(CASE WHEN record_id LIKE 'SYN-%' THEN 1 END),"
        " sum(CASE WHEN verification='verified' THEN 1 END) FROM records")) == \
        (2000, 2000, 2000, 2000)
    fail = store.scalar("SELECT avg(CASE WHEN verdict='fail' THEN 1.0 ELSE 0 END) FROM records")
    assert 0.2 < fail < 0.3
    assert store.scalar("SELECT count(DISTINCT district) FROM records") == 7
    assert store.scalar("SELECT count(DISTINCT company) FROM records") >= 10
    months = dict(store.query("SELECT substr(test_at, 1, 7), count(*) FROM records GROUP BY 1"))
    assert set(months) == {"2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
                           "2026-04"}
    assert months["2026-01"] > months["2025-11"]  # the cold weeks bring more complaints
    assert store.scalar("SELECT count(*) FROM devices WHERE label='synthetic'"
                        " AND token_hash IS NULL") == 40  # cannot upload
    page = store.list_records(RecordFilter(district="朝阳区", verdict="fail"), limit=20)
    assert len(page.items) == 20 and all(i["synthetic"] for i in page.items)
    assert store.record(page.items[0]["ref"])["envelope"]["synthetic"] is True
    assert office_main(["--lang", "en", "synth", "--count", "10", "--db", str(db)]) == 0
    assert store.scalar("SELECT count(DISTINCT record_id) FROM records") == 2010
