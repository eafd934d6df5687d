"""`inspector-office synth`: marked synthetic rows with a realistic spread, quickly."""

from __future__ import annotations

import time

from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore, RecordFilter


def test_synth_rows_are_marked_spread_and_listable(tmp_path, capsys):
    db = tmp_path / "o.sqlite3"
    began = time.perf_counter()
    assert office_main(["--lang", "en", "synth", "--count", "2000", "--db", str(db)]) == 0
    assert time.perf_counter() - began < 10
    assert "2000 synthetic rows" in capsys.readouterr().out
    store = OfficeStore(db)
    c = store.conn
    assert c.execute("SELECT count(*), sum(synthetic), sum(record_id LIKE 'SYN-%'),"
                     " sum(verification='verified') FROM records").fetchone() == \
        (2000, 2000, 2000, 2000)
    fail = c.execute("SELECT avg(verdict='fail') FROM records").fetchone()[0]
    assert 0.2 < fail < 0.3
    assert c.execute("SELECT count(DISTINCT district) FROM records").fetchone()[0] == 7
    assert c.execute("SELECT count(DISTINCT company) FROM records").fetchone()[0] >= 10
    months = dict(c.execute("SELECT substr(test_at, 1, 7), count(*) FROM records GROUP BY 1"))
    assert set(months) == {"2025-10", "2025-11", "2025-12", "2026-01", "2026-02", "2026-03",
                           "2026-04"}
    assert months["2026-01"] > months["2025-11"]  # the cold weeks bring more complaints
    assert c.execute("SELECT count(*) FROM devices WHERE label='synthetic'"
                     " AND token_hash IS NULL").fetchone()[0] == 40  # cannot upload
    page = store.list_records(RecordFilter(district="朝阳区", verdict="fail"), limit=20)
    assert len(page.items) == 20 and all(i["synthetic"] for i in page.items)
    assert store.record(page.items[0]["ref"])["envelope"]["synthetic"] is True
    assert office_main(["--lang", "en", "synth", "--count", "10", "--db", str(db)]) == 0
    assert c.execute("SELECT count(DISTINCT record_id) FROM records").fetchone()[0] == 2010
