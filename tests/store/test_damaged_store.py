"""A damaged database or an unusable data folder: every command says what is wrong and what to
do, in the chosen language, exits 2 and leaves the damaged file byte for byte as it was.

Before: Python tracebacks in English (`sqlite3.DatabaseError`, `FileExistsError`,
`sqlite3.OperationalError`), even with `--lang zh`.
"""

import hashlib
import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from inspector_app.cli import main
from inspector_app.seal.device_key import load_or_create_device_key
from inspector_app.seal.record import seal_visit
from inspector_app.store.database import DB_FILENAME, connect
from inspector_app.store.health import describe_error
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = [["records"], ["verify"], ["sealed"], ["slip", "x", "-o", "slip.pdf"],
            ["export-bundle", "-o", "bundle.zip"]]


def make_records(folder, n=6):
    key = load_or_create_device_key(folder)
    db = connect(folder / DB_FILENAME)
    for i in range(n):
        visit = measured_visit(db, (17.0 + i % 3, 18.4, 19.0))
        seal_visit(db, visit.id, signatures_for(visit), key, clock=fixed_clock)
    db.conn.close()
    assert not (folder / f"{DB_FILENAME}-wal").exists()  # checkpointed: all in the file


def sha(path):
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.fixture
def damaged(request, data_dir):
    make_records(data_dir)
    db = data_dir / DB_FILENAME
    size = db.stat().st_size
    if request.param == "random":
        db.write_bytes(os.urandom(size))
    else:
        with open(db, "r+b") as fh:
            fh.truncate(size // 2 + 100)
    return db


def listing(folder):
    return sorted(p.name for p in folder.iterdir())


@pytest.mark.parametrize("damaged", ["random", "truncated"], indirect=True)
@pytest.mark.parametrize("command", COMMANDS, ids=lambda c: c[0])
def test_a_damaged_database_is_refused_in_words_and_left_untouched(damaged, data_dir, tmp_path,
                                                                   command, capsys, monkeypatch):
    monkeypatch.chdir(tmp_path)
    before, files = sha(damaged), listing(data_dir)
    for lang, words in (("zh", "数据库文件"), ("en", "the database file")):
        assert main(["--lang", lang, *command]) == 2
        err = capsys.readouterr().err
        assert words in err and "inspector-app doctor" in err and "Traceback" not in err
        if lang == "zh":
            assert "the database" not in err
    assert sha(damaged) == before
    assert listing(data_dir) == files  # no -wal, -shm or journal made beside it


def test_a_data_folder_that_is_a_file_is_refused_in_words(tmp_path, capsys):
    folder = tmp_path / "data"
    folder.write_text("not a folder")
    for lang, words in (("zh", "是一个文件，不是文件夹"), ("en", "is a file, not a folder")):
        for command in (["records"], ["verify"], ["doctor"], ["--data-dir", str(folder / "sub"),
                                                              "records"]):
            argv = command if command[0] == "--data-dir" else ["--data-dir", str(folder),
                                                               *command]
            assert main(["--lang", lang, *argv]) == 2
            err = capsys.readouterr().err
            assert words in err and str(folder) in err
    assert folder.read_text() == "not a folder"


def run_without_write_permission(*argv):
    """The CLI in a process that obeys file modes (as root: without CAP_DAC_OVERRIDE)."""
    prefix = []
    if os.geteuid() == 0:
        setpriv = shutil.which("setpriv")
        assert setpriv, "setpriv (Debian's util-linux) drops root's override of file modes"
        prefix = [setpriv, "--bounding-set", "-dac_override,-dac_read_search"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run([*prefix, sys.executable, "-m", "inspector_app.cli", *argv],
                          capture_output=True, text=True, cwd=ROOT, env=env, timeout=120)


@pytest.fixture
def read_only_folder(data_dir):
    make_records(data_dir, 1)
    data_dir.chmod(0o555)
    yield data_dir
    data_dir.chmod(0o755)


def test_a_read_only_data_folder_is_refused_in_words(read_only_folder):
    db = read_only_folder / DB_FILENAME
    before, files = sha(db), listing(read_only_folder)
    for lang, words in (("zh", "不可写入"), ("en", "is not writable")):
        for command in (["records"], ["verify"], ["sealed"]):
            done = run_without_write_permission("--lang", lang, "--data-dir",
                                                str(read_only_folder), *command)
            assert done.returncode == 2, done.stderr
            assert words in done.stderr and "Traceback" not in done.stderr
    done = run_without_write_permission("--lang", "en", "--data-dir", str(read_only_folder),
                                        "doctor")
    assert done.returncode == 1 and "is not writable" in done.stdout
    assert sha(db) == before and listing(read_only_folder) == files


def test_an_unexpected_os_error_is_put_in_words(data_dir, tmp_path, capsys):
    make_records(data_dir, 1)
    target = tmp_path / "no-such-folder" / "bundle.zip"
    assert main(["export-bundle", "-o", str(target)]) == 2
    err = capsys.readouterr().err
    assert "文件或文件夹不存在" in err and "ENOENT" in err and "Traceback" not in err
    assert main(["--lang", "en", "export-bundle", "-o", str(target)]) == 2
    assert "no such file or folder" in capsys.readouterr().err


def test_a_sqlite_error_is_put_in_words(tmp_path):
    junk = tmp_path / "junk.sqlite3"
    junk.write_bytes(b"x" * 4096)
    with pytest.raises(sqlite3.DatabaseError) as caught:
        sqlite3.connect(junk).execute("SELECT * FROM sqlite_master").fetchall()
    zh, en = describe_error(caught.value)
    assert "不是数据库文件" in zh and "inspector-app doctor" in zh
    assert "not a database" in en and "不" not in en
