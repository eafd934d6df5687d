"""`inspector-office stops|heating-period|penalty`: the commands' main with exit codes, bad input
refused with exit 2 in the user's language and nothing written; one run as a real process."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from inspector_app.office.cli import main
from inspector_app.office.store import OfficeStore
from tests.company_events.helpers import record_in, rows
from tests.slip.helpers import page_texts, squash

STOP = ["stops", "add", "--company", "长春热力", "--district", "朝阳区",
        "--start", "2025-12-01T08:00:00+08:00", "--end", "2025-12-04T08:00:00+08:00",
        "--cause", "爆管", "--community", "幸福小区", "--by", "王科长"]
PERIOD = ["heating-period", "add", "--season", "2025-2026", "--company", "长春热力",
          "--district", "朝阳区", "--area", "幸福小区", "--heated-area", "12000",
          "--fee-per-m2", "27", "--announced-start", "2025-10-20", "--announced-end", "2026-04-10",
          "--by", "王科长"]


def run(db, capsys, *argv: str, lang: str = "zh") -> tuple[int, str, str]:
    code = main([*argv, "--db", db, "--lang", lang])
    out = capsys.readouterr()
    return code, out.out, out.err


def snapshot(db) -> dict:
    store = OfficeStore(db)
    try:
        return rows(store)
    finally:
        store.close()


def test_stops_add_list_withdraw(office_db, capsys):
    code, out, _ = run(office_db, capsys, *STOP)
    assert code == 0 and "已登记停热 2025-2026-S0001（72 小时）" in out
    code, out, _ = run(office_db, capsys, "stops", "add", "--company", "长春热力", "--district",
                       "朝阳区", "--start", "2025-12-10T08:00:00+08:00", "--end",
                       "2025-12-10T20:00:00+08:00", "--cause", "停电", "--building", "和平小区",
                       "3号楼", "--json", lang="en")
    assert code == 0 and json.loads(out)["scope"]["buildings"] == [["和平小区", "3号楼"]]
    code, out, _ = run(office_db, capsys, "stops", "list", "--season", "2025-2026", lang="en")
    assert code == 0 and "2025-2026-S0001" in out and "72 h" in out and "和平小区 3号楼" in out
    code, out, _ = run(office_db, capsys, "stops", "withdraw", "2025-2026-S0001", "--reason",
                       "重复", "--by", "李")
    assert code == 0 and "已撤回停热 2025-2026-S0001" in out
    code, out, _ = run(office_db, capsys, "stops", "list", "--in-force", "--json")
    assert [s["stop_id"] for s in json.loads(out)] == ["2025-2026-S0002"]
    code, out, _ = run(office_db, capsys, "stops", "list")
    assert "【已撤回：重复】" in out


@pytest.mark.parametrize(("argv", "zh", "en"), [
    (["--end", "2025-11-30T08:00:00+08:00"], "须晚于开始时间", "ends"),
    (["--start", "2025-12-01T08:00:00"], "须带时区", "needs its zone"),
    (["--end", "2099-12-01T08:00:00+08:00"], "在将来", "in the future"),
    (["--start", "2025-12-02T08:00:00+08:00"], "2025-2026-S0001", "overlaps"),
    (["--start", "1999-12-01T08:00:00+08:00"], "start_at（1999-12-01T08:00:00+08:00）不在",
     "start_at (1999-12-01T08:00:00+08:00) is outside 2000-07-01 to 2099-12-31"),
    (["--start", "2025-05-17T08:00:00+08:00"], "不能超过 200 日", "more than 200 days"),
])
def test_a_bad_stop_is_refused_in_the_users_language_and_nothing_is_written(
        office_db, capsys, argv, zh, en):
    assert run(office_db, capsys, *STOP)[0] == 0
    before = snapshot(office_db)
    for lang, words in (("zh", zh), ("en", en)):
        code, out, err = run(office_db, capsys, *STOP, *argv, lang=lang)
        assert code == 2 and words in err and not out and "Traceback" not in err
    assert snapshot(office_db) == before
    code, _, err = run(office_db, capsys, "stops", "withdraw", "2025-2026-S0042", "--reason",
                       "x", lang="en")
    assert code == 2 and "no stop 2025-2026-S0042" in err
    code, _, err = run(office_db, capsys, "stops", "list", "--season", "2025")
    assert code == 2 and "供暖季格式" in err
    assert snapshot(office_db) == before


def test_an_implausible_season_is_refused_with_exit_2(office_db, capsys):
    for lang, words in (("zh", "供暖季（season）1999-2000 不在 2000-2001 至 2099-2100 之间"),
                        ("en", "season 1999-2000 is outside 2000-2001 to 2099-2100")):
        code, out, err = run(office_db, capsys, *PERIOD, "--season", "1999-2000",   # last wins
                             "--announced-start", "1999-10-20", "--announced-end", "2000-04-10",
                             lang=lang)
        assert code == 2 and words in err and not out, err
    assert snapshot(office_db) == {t: [] for t in snapshot(office_db)}


def test_heating_period_and_penalty_draft_with_its_pdf(office_db, capsys, tmp_path):
    store = OfficeStore(office_db)
    try:
        record_in(store, tmp_path / "laptop")     # the district's rules: Changchun
    finally:
        store.close()
    code, out, _ = run(office_db, capsys, *PERIOD)
    assert code == 0 and "已登记供热期 2025-2026-H0001" in out
    before = snapshot(office_db)
    for argv, words in ((PERIOD, "已有供热期登记"),
                        (["heating-period", "set-actual", "2025-2026-H0001", "--start",
                          "2099-10-23"], "不在供暖季"),
                        (["heating-period", "set-actual", "2025-2026-H0001"], "请给出实际"),
                        (["penalty", "draft", "2025-2026-H0001", "--kind", "late_start",
                          "--multiple", "3", "--reason", "r"], "尚未登记实际开始供热日期")):
        code, out, err = run(office_db, capsys, *argv)
        assert code == 2 and words in err and not out, (argv, err)
    assert snapshot(office_db) == before

    code, out, _ = run(office_db, capsys, "heating-period", "set-actual", "2025-2026-H0001",
                       "--start", "2025-10-23", lang="en")
    assert code == 0 and "3 day(s) late" in out
    pdf = tmp_path / "notice.pdf"
    before = snapshot(office_db)
    for argv, words in ((["--multiple", "11"], "outside the rule's range 2 to 10"),
                        (["--multiple", "three"], "must be a number"),
                        (["--pdf", str(tmp_path / "missing" / "n.pdf")], "existing folder")):
        code, out, err = run(office_db, capsys, "penalty", "draft", "2025-2026-H0001", "--kind",
                             "late_start", "--multiple", "3", "--reason", "首次", *argv,
                             lang="en")
        assert code == 2 and words in err, (argv, err)
    assert snapshot(office_db) == before and not pdf.exists()
    with pytest.raises(SystemExit) as done:          # the rules are not the user's to choose
        run(office_db, capsys, "penalty", "draft", "2025-2026-H0001", "--kind", "late_start",
            "--multiple", "3", "--reason", "r", "--profile", "harbin")
    assert done.value.code == 2 and "--profile" in capsys.readouterr().err
    assert snapshot(office_db) == before
    code, out, _ = run(office_db, capsys, "penalty", "draft", "2025-2026-H0001", "--kind",
                       "late_start", "--multiple", "3", "--reason", "首次推迟", "--pdf", str(pdf))
    assert code == 0, out
    assert "处罚通知书草稿 2025-2026-P0001：推迟开始供热 3 日，热费 5618.50 元" in out
    assert "选定 3 倍 = 16855.50 元" in out
    assert "16855.50" in squash("".join(page_texts(pdf.read_bytes())))
    english = tmp_path / "notice-en.pdf"
    code, out, _ = run(office_db, capsys, "penalty", "pdf", "2025-2026-P0001", "--out",
                       str(english), lang="en")
    assert code == 0 and "Penaltynotice:latestartofheating" in squash(
        "".join(page_texts(english.read_bytes())))
    code, _, err = run(office_db, capsys, "penalty", "pdf", "2025-2026-P0009", "--out",
                       str(english))
    assert code == 2 and "没有处罚通知书 2025-2026-P0009" in err
    code, out, _ = run(office_db, capsys, "heating-period", "list", "--season", "2025-2026")
    assert code == 0 and "推迟 3 日" in out and "通知书草稿：2025-2026-P0001" in out


@pytest.mark.sqlite_only("one real process is enough to show the entry point wires the commands")
def test_the_installed_command_runs_them(office_db, tmp_path):
    env = {**os.environ, "INSPECTOR_OFFICE_DB": office_db, "INSPECTOR_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "inspector_app.office.cli", *STOP[:-2],
                           "--end", "2025-11-01T00:00:00+08:00"], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 2, done.stderr
    assert "before it starts" in done.stderr and "Traceback" not in done.stderr
    done = subprocess.run([sys.executable, "-m", "inspector_app.office.cli", *STOP], env=env,
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0 and "stop 2025-2026-S0001 entered (72 h)" in done.stdout
