"""`inspector-office monitor-mqtt` as a process: killed mid-stream and started again, every
reading published before, during and after is stored exactly once; refusals exit 2."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from inspector_app.office.cli import main
from tests.monitoring.mqtt_broker import ThrowawayBroker, wait_for
from tests.monitoring.registered import add_point

ROOT = Path(__file__).resolve().parents[2]
PER_POINT = 150
POINTS = ("K-1", "K-2")


class MonitorProcess:
    """`python -m inspector_app.office.cli monitor-mqtt ...`, its output in a log file."""

    def __init__(self, db: str, broker: str, names, log: Path) -> None:
        self.log = log
        with open(log, "ab") as out:
            self.proc = subprocess.Popen(
                [sys.executable, "-m", "inspector_app.office.cli", "--db", db, "--lang", "en",
                 "monitor-mqtt", "--broker", broker, "--client-id", names.client_id,
                 "--topic-prefix", names.prefix],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, stdin=subprocess.DEVNULL,
                env={**os.environ, "PYTHONUNBUFFERED": "1"})

    def text(self) -> str:
        return self.log.read_text(errors="replace")

    def wait_subscribed(self, times: int) -> None:
        wait_for(lambda: self.text().count("mqtt: subscribed to") >= times
                 or self.proc.poll() is not None, 30, "the subscription")
        assert self.proc.poll() is None, self.text()


def test_a_subscriber_killed_mid_stream_loses_and_doubles_nothing(store, office_db, mqtt_broker,
                                                                  mqtt_names, publisher,
                                                                  tmp_path):
    for point in POINTS:
        add_point(store, point)
    start = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(hours=12)
    published: set[tuple[str, str]] = set()

    def publish(first: int, last: int) -> None:
        for i in range(first, last):
            for point in POINTS:
                t = (start + timedelta(minutes=i)).isoformat()
                publisher.publish(mqtt_names.topic(point), {"t": t, "value_c": 20 + i / 100})
                published.add((point, t))

    log = tmp_path / "monitor.log"
    first = MonitorProcess(office_db, str(mqtt_broker), mqtt_names, log)
    try:
        first.wait_subscribed(1)
        stream = threading.Thread(target=publish, args=(0, 100))
        stream.start()
        wait_for(lambda: store.db.scalar("SELECT count(*) FROM monitoring_readings") >= 20, 15,
                 "the first readings stored")
        first.proc.send_signal(signal.SIGKILL)                 # mid-stream
        first.proc.wait(10)
        stream.join()
        publish(100, 120)                                      # while it is down
        publisher.all_sent()
        stored_while_down = store.db.scalar("SELECT count(*) FROM monitoring_readings")
    finally:
        if first.proc.poll() is None:
            first.proc.kill()
    assert stored_while_down < len(published), "killed too late to test anything"

    second = MonitorProcess(office_db, str(mqtt_broker), mqtt_names, log)
    try:
        second.wait_subscribed(2)
        publish(120, PER_POINT)                                # after
        publisher.all_sent()
        wait_for(lambda: store.db.scalar("SELECT count(*) FROM monitoring_readings")
                 == len(POINTS) * PER_POINT, 15, "every reading")
        second.proc.send_signal(signal.SIGTERM)
        assert second.proc.wait(15) == 0
    finally:
        if second.proc.poll() is None:
            second.proc.kill()
    rows = store.db.query("SELECT p.point_id, r.t FROM monitoring_readings r JOIN"
                          " monitoring_points p ON p.point_no=r.point_no")
    got = {(p, t if isinstance(t, str) else t.strftime("%Y-%m-%dT%H:%M:%SZ")) for p, t in rows}
    assert len(rows) == len(got) == len(published)
    assert got == {(p, datetime.fromisoformat(t).strftime("%Y-%m-%dT%H:%M:%SZ"))
                   for p, t in published}
    text = second.text()
    assert "(session kept: yes)" in text
    assert "stopped: " in text and " 0 refused" in text and "Traceback" not in text


@pytest.mark.parametrize("url", ["http://127.0.0.1:1883", "mqtt://127.0.0.1:port",
                                 "mqtt://user:secret@127.0.0.1"])
def test_a_bad_broker_address_exits_2_in_the_chosen_language(url, tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "monitor-mqtt", "--broker", url]) == 2
    zh = capsys.readouterr().err
    assert "MQTT 服务器地址" in zh and "Traceback" not in zh
    assert main(["--db", db, "--lang", "en", "monitor-mqtt", "--broker", url]) == 2
    en = capsys.readouterr().err
    assert "the MQTT broker address must" in en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in en)
    assert not Path(db).exists(), "refused before opening the database"


def test_a_bad_prefix_or_client_id_exits_2(tmp_path, capsys):
    db = str(tmp_path / "office.sqlite3")
    assert main(["--db", db, "--lang", "en", "monitor-mqtt", "--broker", "mqtt://127.0.0.1",
                 "--topic-prefix", "a/#"]) == 2
    assert "the topic prefix is not valid" in capsys.readouterr().err
    assert main(["--db", db, "--lang", "en", "monitor-mqtt", "--broker", "mqtt://127.0.0.1",
                 "--client-id", " "]) == 2
    assert "--client-id must be 1 to 128 characters" in capsys.readouterr().err


def test_a_broker_refusing_the_login_exits_2(tmp_path, capsys):
    folder = tmp_path / "mosquitto"
    folder.mkdir()
    broker = ThrowawayBroker(folder, anonymous=False).start()
    try:
        code = main(["--db", str(tmp_path / "office.sqlite3"), "--lang", "en", "monitor-mqtt",
                     "--broker", broker.url, "--username", "nobody"])
    finally:
        broker.stop()
    err = capsys.readouterr().err
    assert code == 2
    assert f"the MQTT broker {broker.url} refused the connection: Not authorized" in err
    assert "Traceback" not in err
