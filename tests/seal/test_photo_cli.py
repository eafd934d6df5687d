"""`inspector-app attach-photo` / `photos`, then `verify` over the photos."""

import json
import sqlite3

from inspector_app.cli import main
from inspector_app.seal.record import seal_visit
from tests.photos_helpers import picture
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for


def test_attach_from_the_command_line_seal_and_verify(data_dir, db, db_path, key, capsys, tmp_path):
    visit = measured_visit(db, (18.4, 18.4))  # a bedroom and a living room: sealable
    room = visit.rooms[0]
    photo = tmp_path / "thermometer.jpg"
    photo.write_bytes(picture(4000, 3000))
    code = main(["--lang", "en", "attach-photo", visit.id, str(photo), "--kind", "thermometer",
                 "--room", room.id, "--point", room.points[0].id, "--caption", "18.4", "--json"])
    attached = json.loads(capsys.readouterr().out)
    assert code == 0 and attached["width"] * attached["height"] <= 2_000_000
    assert main(["photos", visit.id]) == 0
    assert "温度计读数" in capsys.readouterr().out
    seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    assert main(["--lang", "en", "verify", "--json"]) == 0
    capsys.readouterr()

    assert main(["attach-photo", visit.id, str(photo), "--kind", "other"]) == 2
    assert "已签封" in capsys.readouterr().err

    conn = sqlite3.connect(db_path)
    conn.execute("DROP TRIGGER photos_no_update")
    conn.execute("UPDATE photos SET data=?", (picture(label="25.0"),))
    conn.commit()
    conn.close()
    code = main(["--lang", "en", "verify", "--json"])
    out = json.loads(capsys.readouterr().out.strip().splitlines()[-1])
    assert code == 1 and not out["ok"]
    assert any("swapped" in json.dumps(p) for p in out["problems"])


def test_an_unreadable_file_is_exit_2_in_chinese(data_dir, db, capsys, tmp_path):
    visit = measured_visit(db, (18.4,))
    bad = tmp_path / "notes.txt"
    bad.write_text("not a photo")
    assert main(["attach-photo", visit.id, str(bad), "--kind", "other"]) == 2
    err = capsys.readouterr().err
    assert "无法使用该照片" in err and "Traceback" not in err
