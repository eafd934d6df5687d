"""`inspector-app verify` over a database someone wrote into: a JSON bomb or a misshapen record
in `sealed_records.envelope` is a named bad-format problem (exit 1), never a traceback."""

import json
import sqlite3

import pytest

from inspector_app.cli import main
from inspector_app.seal.record import seal_visit
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for


def overwrite_envelope(db_path, record_id, text):
    """What whoever holds the file can do: drop the guards and write anything."""
    conn = sqlite3.connect(db_path)
    for (name,) in conn.execute("SELECT name FROM sqlite_master WHERE type='trigger'"
                                " AND tbl_name='sealed_records'").fetchall():
        conn.execute(f"DROP TRIGGER {name}")
    conn.execute("UPDATE sealed_records SET envelope=? WHERE record_id=?", (text, record_id))
    conn.commit()
    conn.close()


@pytest.mark.parametrize("text", ["[" * 100_000, '{"record": ' * 5_000 + "1" + "}" * 5_000,
                                  '{"record": {"chain": {"seq": "1"}}, "sha256": "x"}'])
def test_a_forged_stored_envelope_is_reported_not_a_traceback(data_dir, db, db_path, key,
                                                               capsys, text):
    visit = measured_visit(db)
    seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    overwrite_envelope(db_path, visit.id, text)
    code = main(["--lang", "en", "verify", "--json"])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 1 and not out["ok"]
    assert out["failing_records"] == [visit.id]
    assert {p["kind"] for p in out["problems"]} == {"bad_format"}
