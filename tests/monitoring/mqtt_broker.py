"""Mosquitto for the tests: the broker named by INSPECTOR_TEST_MQTT, or a throwaway one.

This project's machines run Mosquitto on 127.0.0.1:1883 and name it in INSPECTOR_TEST_MQTT
(`.ci/run` does); elsewhere the tests start `mosquitto -c CONF` on a free port in a temporary
folder (`scripts/setup-env test` installs Debian's). A shared broker is shared by concurrent
test runs too, so every test takes its own topic prefix and client ids (`MqttNames`) and
forgets its persistent sessions afterwards. A test that stops and restarts the broker always
gets a throwaway one, with persistence on, so the restart keeps the sessions and their queues.
"""

from __future__ import annotations

import json
import os
import secrets
import shutil
import signal
import socket
import subprocess
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion

from inspector_app.office.monitoring.mqtt_topics import BrokerAddress, parse_broker_url
from tests.pg_backend import free_port

ENV_VAR = "INSPECTOR_TEST_MQTT"
START_TIMEOUT_S = 10.0


def find_mosquitto() -> str | None:
    """mosquitto on PATH, else Debian's /usr/sbin/mosquitto (not on a user's PATH)."""
    return shutil.which("mosquitto") or (
        "/usr/sbin/mosquitto" if os.access("/usr/sbin/mosquitto", os.X_OK) else None)


def wait_for(check: Callable[[], object], timeout: float, what: str) -> None:
    """Poll `check` until it is true; fail saying `what` was awaited."""
    deadline = time.monotonic() + timeout
    while not check():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out after {timeout:g} s waiting for {what}")
        time.sleep(0.05)


def answers(broker: BrokerAddress) -> bool:
    try:
        socket.create_connection((broker.host, broker.port), timeout=2).close()
    except OSError:
        return False
    return True


class ThrowawayBroker:
    """`mosquitto -c CONF` on 127.0.0.1 in `folder`, persistence on; restartable on its port.
    `anonymous=False`: every login refused (there is no password file)."""

    def __init__(self, folder: Path, anonymous: bool = True) -> None:
        self.folder, self.anonymous = folder, anonymous
        self.address = BrokerAddress("127.0.0.1", free_port())
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return str(self.address)

    def start(self) -> ThrowawayBroker:
        mosquitto = find_mosquitto()
        if mosquitto is None:
            raise RuntimeError(f"mosquitto is not installed: run `scripts/setup-env test`, or"
                               f" set {ENV_VAR} to a broker's mqtt:// URL")
        conf = self.folder / "mosquitto.conf"
        conf.write_text("\n".join([
            f"listener {self.address.port} 127.0.0.1",
            f"allow_anonymous {'true' if self.anonymous else 'false'}",
            "persistence true",                      # sessions and queues survive a restart
            f"persistence_location {self.folder}/",
            "max_queued_messages 0",                 # no limit on what waits for a session
            f"log_dest file {self.folder}/mosquitto.log",
            # under root Mosquitto would become `mosquitto`, who cannot write this folder
            *(["user root"] if os.geteuid() == 0 else []),
            ""]))
        self.proc = subprocess.Popen([mosquitto, "-c", str(conf)], stdin=subprocess.DEVNULL,
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_S
        while not answers(self.address):
            if self.proc.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError(f"mosquitto did not start on {self.url}: {self.log_tail()}")
            time.sleep(0.05)
        return self

    def stop(self) -> None:
        """SIGTERM: Mosquitto saves its sessions and queued messages, then exits."""
        if self.proc is not None and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGTERM)
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        self.proc = None

    def log_tail(self) -> str:
        log = self.folder / "mosquitto.log"
        return log.read_text(errors="replace")[-2000:] if log.exists() else "(no log)"


def given_broker() -> BrokerAddress | None:
    """INSPECTOR_TEST_MQTT's broker, None if unset; AssertionError if it does not answer."""
    url = os.environ.get(ENV_VAR)
    if not url:
        return None
    broker = parse_broker_url(url)
    if not answers(broker):
        raise AssertionError(f"{ENV_VAR}={url} does not answer: start that broker, or unset"
                             f" {ENV_VAR} to let the tests start their own")
    return broker


@dataclass(frozen=True)
class MqttNames:
    """A test's own topic prefix and client ids, so tests sharing a broker never meet."""

    prefix: str
    client_id: str

    @staticmethod
    def fresh() -> MqttNames:
        tag = secrets.token_hex(5)
        return MqttNames(prefix=f"test-{tag}/heating", client_id=f"office-test-{tag}")

    def topic(self, point_id: str) -> str:
        return f"{self.prefix}/points/{point_id}/readings"


def forget_session(broker: BrokerAddress, client_id: str) -> None:
    """Connect once with a clean session: the broker drops what it kept for `client_id`."""
    client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=client_id, clean_session=True)
    try:
        client.connect(broker.host, broker.port, keepalive=10)
        client.disconnect()
    except OSError:
        pass                                          # a stopped throwaway broker


class Publisher:
    """A platform: publishes at QoS 1, queues while the broker is away and sends on return."""

    def __init__(self, broker: BrokerAddress) -> None:
        self.client_id = f"platform-test-{secrets.token_hex(5)}"
        self.client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=self.client_id,
                                  clean_session=False)
        self.client.max_queued_messages_set(0)
        self.client.reconnect_delay_set(1, 1)
        self.connected = threading.Event()
        self.client.on_connect = lambda *_: self.connected.set()
        self.client.on_disconnect = lambda *_: self.connected.clear()
        self.client.on_publish = self._on_publish
        self.sent = self.acknowledged = 0
        self.client.connect(broker.host, broker.port, keepalive=10)
        self.client.loop_start()
        assert self.connected.wait(START_TIMEOUT_S), f"the publisher could not reach {broker}"

    def publish(self, topic: str, payload: object) -> None:
        data = payload if isinstance(payload, bytes) else json.dumps(payload).encode()
        self.client.publish(topic, data, qos=1)     # while disconnected: queued, sent later
        self.sent += 1

    def _on_publish(self, *_args: object) -> None:
        self.acknowledged += 1

    def all_sent(self, timeout: float = 15.0) -> None:
        """Every message published so far was acknowledged by the broker."""
        wait_for(lambda: self.acknowledged >= self.sent, timeout,
                 f"the broker to acknowledge {self.sent} message(s)")

    def close(self) -> None:
        self.client.disconnect()
        self.client.loop_stop()
