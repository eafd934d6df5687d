"""`inspector-app supervisor --demo` with no display: a real training office, a headless tour."""

from __future__ import annotations

import csv
import json

import pypdfium2

from inspector_app.cli import main
from inspector_app.office.store import OfficeStore
from inspector_app.review import demo


def pdf_text(path) -> str:
    doc = pypdfium2.PdfDocument(path.read_bytes())
    try:
        return "".join(doc[i].get_textpage().get_text_range() for i in range(len(doc)))
    finally:
        doc.close()


def test_headless_demo_tours_a_real_training_office(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("inspector_app.commands.gui.has_display", lambda: False)
    args = ["--data-dir", str(tmp_path), "supervisor", "--demo", "--synthetic", "300", "--json"]
    assert main(args) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["records"] == 312 and summary["records_exact"]
    assert summary["verification"] == "verified" and summary["chain_state"] == "ok"
    text = pdf_text(tmp_path / "supervisor-demo" / f"ruling-{summary['ruling_no']}.pdf")
    assert summary["ruling_no"] in text and "不具效力" in text
    with open(summary["export_csv"], encoding="utf-8-sig") as fh:
        rows = list(csv.reader(fh))
    assert rows[0][0] == "记录编号" and all(r[2] == "朝阳区" for r in rows[1:])
    # the records on the office are the laptop's sealed ones, verified on arrival
    store = OfficeStore(tmp_path / "supervisor-demo" / demo.OFFICE_FILE)
    real = [r for r in store.list_records(demo_filter()).items if not r["synthetic"]]
    assert len(real) == 12 and {r["verification"] for r in real} == {"verified"}
    store.close()
    # a second run reuses the office instead of adding more
    assert main(args) == 0
    again = json.loads(capsys.readouterr().out)
    assert again["records"] == 312 and again["ruling_no"] != summary["ruling_no"]


def test_without_a_display_or_demo_it_says_what_is_needed(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr("inspector_app.commands.gui.has_display", lambda: False)
    assert main(["--data-dir", str(tmp_path), "supervisor"]) == 2
    assert "显示器" in capsys.readouterr().err


def demo_filter():
    from inspector_app.office.store import RecordFilter

    return RecordFilter(training=True)
