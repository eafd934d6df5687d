"""Whatever bytes the database file holds, opening it works or is refused in words, and the
doctor's recovery of it ends with a sound database (or says nothing could be read)."""

import sqlite3
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from inspector_app.store.database import DB_FILENAME, connect
from inspector_app.store.health import StoreError
from inspector_app.store.recovery import RecoveryError, recover
from tests.store.test_damaged_store import make_records

_SOUND: bytes | None = None


def sound_database() -> bytes:
    """The bytes of a checkpointed store holding three sealed records (made once)."""
    global _SOUND
    if _SOUND is None:
        with tempfile.TemporaryDirectory() as folder:
            make_records(Path(folder), 3)
            _SOUND = (Path(folder) / DB_FILENAME).read_bytes()
    return _SOUND


@st.composite
def database_files(draw):
    """Random bytes, or a sound database cut short, overwritten in places, or both."""
    if draw(st.integers(0, 4)) == 0:
        return draw(st.binary(max_size=4096))
    data = bytearray(sound_database())
    for _ in range(draw(st.integers(0, 6))):
        at = draw(st.integers(0, len(data) - 1))
        data[at:at + 16] = draw(st.binary(min_size=1, max_size=16))
    return bytes(data[:draw(st.integers(0, len(data)))])


SETTINGS = settings(max_examples=40, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])


@SETTINGS
@given(database_files())
def test_any_file_content_opens_or_is_refused_in_words(content):
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / DB_FILENAME
        path.write_bytes(content)
        try:
            db = connect(path)
        except StoreError as exc:
            assert exc.message_zh and exc.message_en
            assert path.read_bytes() == content
            return
        db.conn.close()


@SETTINGS
@given(database_files())
def test_recovery_of_any_file_ends_in_a_sound_database(content):
    with tempfile.TemporaryDirectory() as folder:
        copy, out = Path(folder) / "copy.sqlite3", Path(folder) / "out.sqlite3"
        copy.write_bytes(content)
        try:
            recovery = recover(copy, out)
        except RecoveryError:
            return
        assert recovery.rows >= 0
        conn = sqlite3.connect(out)
        try:
            assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        finally:
            conn.close()
