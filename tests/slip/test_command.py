"""`inspector-app slip`: from a sealed record in the local store to a PDF file, or a clear refusal."""

from __future__ import annotations

import os
from datetime import datetime, timedelta, timezone

import pytest

from inspector_app.cli import main
from inspector_app.commands import slip as slip_command
from inspector_app.core.profile import load_profile
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import seal_visit
from inspector_app.seal.signature import Signatures, generated_signature
from inspector_app.slip.settings import SlipSettings, save_settings
from inspector_app.store.database import DB_FILENAME, connect
from inspector_app.store.visits import COMPLETE, VisitStore
from tests.slip.envelopes import visit as fixture_visit
from tests.slip.helpers import page_texts, squash

SEALED_AT = datetime(2026, 11, 26, 10, 20, tzinfo=timezone(timedelta(hours=8)))


@pytest.fixture
def sealed_id(data_dir) -> str:
    """One complete visit written to the store row by row, signed and sealed for real."""
    profile = load_profile("changchun")
    db = connect(data_dir / DB_FILENAME)
    store = VisitStore(db)
    visit = fixture_visit(profile)
    visit.exemptions = ["outdoor_below_design"]  # the fixture's unmet precondition, exempted
    store.create(visit)
    for room in visit.rooms:
        store.save_room(visit, room)
        for point in room.points:
            store.save_point(room, point)
            ids = {store.add_sample(point, s): s.captured for s in point.samples}
            store.mark_captured(point, sorted((i for i, c in ids.items() if c),
                                              key=lambda i: ids[i]), point.stable_at_s)
    store.set_state(visit.id, COMPLETE)
    signatures = Signatures(
        inspector=generated_signature(visit.inspector, "inspector", 1, signed_at=SEALED_AT),
        resident=generated_signature(visit.resident_name, "resident", 2, signed_at=SEALED_AT))
    envelope = seal_visit(db, visit.id, signatures, DeviceKey.generate(),
                          clock=lambda: SEALED_AT)
    db.conn.close()
    return envelope["record"]["record_id"]


def test_writes_the_slip_of_a_sealed_record(sealed_id, tmp_path, capsys):
    out = tmp_path / "slip.pdf"
    assert main(["slip", sealed_id, "-o", str(out)]) == 0
    texts = page_texts(out.read_bytes())
    assert len(texts) == 4
    assert all(sealed_id in squash(t) and "测温记录单" in t for t in texts)
    assert "已生成测温记录单" in capsys.readouterr().out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["data", "slip.pdf"]   # no temp left


def test_paper_from_option_then_setting_and_id_prefix(sealed_id, tmp_path, data_dir):
    import pypdfium2 as pdfium

    def width_mm(path) -> float:
        doc = pdfium.PdfDocument(path.read_bytes())
        try:
            return round(doc[0].get_width() / 72 * 25.4)
        finally:
            doc.close()

    out = tmp_path / "roll.pdf"
    assert main(["slip", sealed_id[:8], "-o", str(out), "--paper", "80mm"]) == 0
    assert width_mm(out) == 80
    save_settings(SlipSettings(paper="80mm"))
    out2 = tmp_path / "from-setting.pdf"
    assert main(["slip", sealed_id, "-o", str(out2)]) == 0
    assert width_mm(out2) == 80
    out3 = tmp_path / "a4.pdf"
    assert main(["slip", sealed_id, "-o", str(out3), "--paper", "a4"]) == 0
    assert width_mm(out3) == 210


@pytest.mark.parametrize("lang, words", [("zh", "没有编号为"), ("en", "no sealed record")])
def test_unknown_record_is_refused_and_nothing_written(data_dir, tmp_path, capsys, lang, words):
    out = tmp_path / "none.pdf"
    assert main(["--lang", lang, "slip", "feedbeef-0000", "-o", str(out)]) == 2
    assert words in capsys.readouterr().err
    assert not out.exists()


def test_a_record_failing_verification_is_not_printed(data_dir, tmp_path, capsys, monkeypatch,
                                                      resident_envelope):
    """The fixture's hash is a stand-in, so the seal's verifier rejects it: no slip."""
    monkeypatch.setattr(slip_command, "find_envelope", lambda db, rid: resident_envelope)
    out = tmp_path / "bad.pdf"
    assert main(["slip", "anything", "-o", str(out)]) == 2
    assert "核验未通过" in capsys.readouterr().err
    assert not out.exists()


def test_missing_output_folder_is_refused(sealed_id, tmp_path, capsys):
    assert main(["slip", sealed_id, "-o", str(tmp_path / "no" / "such" / "x.pdf")]) == 2
    assert "输出文件夹不存在" in capsys.readouterr().err


def test_a_failed_write_leaves_the_old_file_whole(tmp_path, monkeypatch):
    target = tmp_path / "slip.pdf"
    target.write_bytes(b"%PDF old and whole")

    def crash(src, dst):
        raise OSError("disk full")

    monkeypatch.setattr(os, "replace", crash)
    with pytest.raises(OSError):
        slip_command.write_atomically(target, b"%PDF new")
    assert target.read_bytes() == b"%PDF old and whole"
    assert [p.name for p in tmp_path.iterdir()] == ["slip.pdf"]


@pytest.mark.parametrize("argv", [["--lang", "en", "slip", "{id}"], ["slip", "{id}", "--lang", "en"]])
def test_lang_gives_an_english_slip(sealed_id, tmp_path, capsys, argv):
    """The global --lang (before the subcommand) or the slip's own (after it): same result."""
    out = tmp_path / "en.pdf"
    assert main([a.format(id=sealed_id) for a in argv] + ["-o", str(out)]) == 0
    texts = [squash(t) for t in page_texts(out.read_bytes())]
    assert len(texts) == 4
    assert all("IndoorHeatingTemperatureTestSlip" in t and "测温记录单" not in t for t in texts)
    assert "Resident'scopy" in texts[0] and "Authorityarchivecopy2" in texts[3]
    assert "Slip written" in capsys.readouterr().out


def test_the_qr_links_to_the_enrolled_offices_public_address(sealed_id, tmp_path, data_dir):
    from inspector_app.sync.config import OfficeLink, save_link

    out = tmp_path / "unenrolled.pdf"
    assert main(["slip", sealed_id, "-o", str(out)]) == 0
    assert "本机尚未注册到主管部门" in squash(page_texts(out.read_bytes())[0])
    save_link(data_dir, OfficeLink(office_url="https://10.0.0.5:8443", device_id="d", token="t",
                                   enrolled_at="2026-11-01T08:00:00+08:00",
                                   public_url="https://hq.example"))
    out = tmp_path / "enrolled.pdf"
    assert main(["slip", sealed_id, "-o", str(out)]) == 0
    assert "https://hq.example/v/" in squash(page_texts(out.read_bytes())[0])
    out = tmp_path / "override.pdf"
    assert main(["slip", sealed_id, "-o", str(out), "--office-url", "https://other.example"]) == 0
    assert "https://other.example/v/" in squash(page_texts(out.read_bytes())[0])
    assert main(["slip", sealed_id, "-o", str(tmp_path / "x.pdf"), "--office-url", "ftp://x"]) == 2
