"""The office's MQTT subscriber for monitoring points' readings: each reading stored once.

Platforms publish to `{prefix}/points/{point_id}/readings` at QoS 1 a JSON object (one
reading) or array (several), `{point_id, t, value_c}`; `point_id` may be left out, the topic
names it. Nothing published is lost, and nothing is stored twice, because:
- the session is persistent (a fixed client id, MQTT 3.1.1 clean_session=False): the broker
  keeps what arrives while the subscriber is down, and sends it when it is back;
- a message is acknowledged only after its readings are committed (paho's manual_ack), so a
  crash or a database error before the commit means the broker sends it again;
- the office stores a point's reading at a time once (`ingest.file_rows`), so a message sent
  again after its commit (the process died between commit and acknowledgement) is counted as
  repeated.
A message no second delivery could mend (not UTF-8 JSON, a topic outside the pattern, too many
readings) is logged on one line and acknowledged; single readings the office refuses
(`ingest.parse_rows`, the same rules as over HTTP, and a point other than the topic's) are
logged the same way.

paho's network thread only queues the messages; `run`'s thread files them in batches (one
transaction for up to a megabyte of messages), so the network thread keeps answering the broker while the
database is slow, and the broker's in-flight window (Mosquitto: max_inflight_messages, 20)
bounds what waits in memory. Acknowledgements go out in the order the messages came, as
MQTT 3.1.1 requires.
"""

from __future__ import annotations

import logging
import queue
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from datetime import UTC, datetime
from typing import Any

import paho.mqtt.client as mqtt
from paho.mqtt.enums import CallbackAPIVersion
from sqlalchemy.exc import SQLAlchemyError

from inspector_app.bounded_json import JsonInputError, read_json
from inspector_app.office.monitoring.ingest import (
    MAX_BATCH,
    IngestResult,
    Row,
    RowRefusal,
    file_rows,
    parse_rows,
)
from inspector_app.office.monitoring.mqtt_topics import (
    DEFAULT_PREFIX,
    BrokerAddress,
    MqttRefusal,
    check_prefix,
    point_of_topic,
    topic_filter,
)

QOS = 1
MAX_PAYLOAD_BYTES = 1024 * 1024       # a day of 20-minute readings of 200 points is ~ 0.6 MB
BATCH_BYTES = 1024 * 1024             # messages ingested in one transaction, by payload size
POLL_S = 0.2                          # how soon `run` notices stop() while idle
KEEPALIVE_S = 30

log = logging.getLogger(__name__)


class MessageRefusal(Exception):
    """A whole message no second delivery could mend: logged, acknowledged."""

    def __init__(self, code: str, en: str) -> None:
        super().__init__(en)
        self.code, self.en = code, en


def unpack(topic: str, payload: bytes, prefix: str) -> tuple[str, list[object]]:
    """A message's point (from its topic) and its readings as parsed JSON values;
    MessageRefusal when the topic or the payload cannot be read."""
    point = point_of_topic(topic, prefix)
    if point is None:
        raise MessageRefusal("unknown_topic", f"the topic is not {topic_filter(prefix)}")
    try:
        value = read_json(payload, max_bytes=MAX_PAYLOAD_BYTES, refuse_nul=True,
                          what_zh="消息", what_en="the payload")
    except JsonInputError as exc:
        raise MessageRefusal("bad_json", exc.message_en) from None
    if isinstance(value, dict):
        return point, [value]
    if not isinstance(value, list):
        raise MessageRefusal("bad_payload", "the payload is neither a JSON object (one reading)"
                                            " nor an array of readings")
    if len(value) > MAX_BATCH:
        raise MessageRefusal("too_many", f"{len(value)} readings in one message, at most"
                                         f" {MAX_BATCH}")
    return point, value


@dataclass
class Counters:
    """What the subscriber has seen since it started; `received`..`refused` count readings."""

    messages: int = 0
    unreadable: int = 0          # whole messages refused (topic, JSON)
    received: int = 0
    stored: int = 0
    repeated: int = 0
    conflicts: int = 0
    quarantined: int = 0
    refused: int = 0

    def as_dict(self) -> dict[str, int]:
        return dict(self.__dict__)


@dataclass(frozen=True)
class _Delivery:
    connection: int              # which connection brought it: its acknowledgement goes there
    mid: int
    qos: int
    topic: str
    payload: bytes


def utc_now() -> datetime:
    return datetime.now(UTC)


class MqttSubscriber:
    """Subscribes `{prefix}/points/+/readings` and ingests what comes until `stop()`.

    `company`: the heating company whose platform alone may publish under `prefix` (the
    broker's ACL sees to that): a reading for another company's point is refused, as an HTTP
    platform key's would be; None files readings for any registered point.
    `run()` blocks; `stop()` may be called from any thread or a signal handler. `subscribed`
    is set while the subscription is in place (tests and the CLI wait on it)."""

    def __init__(self, store: Any, broker: BrokerAddress, *, client_id: str,
                 prefix: str = DEFAULT_PREFIX, company: str | None = None,
                 username: str | None = None,
                 password: str | None = None, now: Callable[[], datetime] = utc_now,
                 reconnect_delay: tuple[float, float] = (1, 60),
                 retry_delay: tuple[float, float] = (1, 60)) -> None:
        self.store, self.broker, self.client_id = store, broker, client_id
        self.prefix, self.company = check_prefix(prefix), company
        self.username, self.password, self.now = username, password, now
        self.reconnect_delay, self.retry_delay = reconnect_delay, retry_delay
        self.counters = Counters()
        self.subscribed = threading.Event()
        self._stopping = threading.Event()
        self._queue: queue.Queue[_Delivery] = queue.Queue()
        self._lock = threading.Lock()         # the connection count and the acks it guards
        self._connection = 0
        self._refusal: MqttRefusal | None = None
        self._client = self._new_client()

    def stop(self) -> None:
        self._stopping.set()

    def run(self) -> None:
        """Connect (retrying with backoff while the broker is away), ingest until `stop()`.

        Raises MqttRefusal when the broker refuses the credentials or the subscription."""
        self._client.connect_async(self.broker.host, self.broker.port, keepalive=KEEPALIVE_S)
        self._client.loop_start()
        try:
            while not self._stopping.is_set():
                batch = self._take_batch()
                if batch:
                    self._handle(batch)
        finally:
            self._client.disconnect()
            self._client.loop_stop()
            self.subscribed.clear()
        if self._refusal is not None:
            raise self._refusal

    # -- paho's network thread -----------------------------------------------------------------

    def _new_client(self) -> mqtt.Client:
        client = mqtt.Client(CallbackAPIVersion.VERSION2, client_id=self.client_id,
                             clean_session=False, protocol=mqtt.MQTTv311, manual_ack=True)
        client.reconnect_delay_set(*self.reconnect_delay)   # type: ignore[arg-type]
        if self.username:
            client.username_pw_set(self.username, self.password or None)
        client.on_connect = self._on_connect
        client.on_connect_fail = self._on_connect_fail
        client.on_disconnect = self._on_disconnect
        client.on_subscribe = self._on_subscribe
        client.on_message = self._on_message
        return client

    def _on_connect(self, client: mqtt.Client, _userdata: Any, flags: Any, reason: Any,
                    _properties: Any) -> None:
        if reason.is_failure:
            if reason.value in (0x85, 0x86, 0x87):    # client id, user/password, not authorised
                self._refuse(MqttRefusal(
                    f"MQTT 服务器 {self.broker} 拒绝连接：{reason}",
                    f"the MQTT broker {self.broker} refused the connection: {reason}"))
            else:
                log.warning("mqtt: %s refused the connection (%s); retrying", self.broker, reason)
            return
        log.info("mqtt: connected to %s as %s (session kept: %s)", self.broker, self.client_id,
                 "yes" if flags.session_present else "no, a new one")
        client.subscribe(topic_filter(self.prefix), qos=QOS)

    def _on_subscribe(self, _client: mqtt.Client, _userdata: Any, _mid: int,
                      reasons: list[Any], _properties: Any) -> None:
        if any(r.is_failure for r in reasons):
            self._refuse(MqttRefusal(
                f"MQTT 服务器 {self.broker} 拒绝订阅 {topic_filter(self.prefix)}（请检查 ACL）",
                f"the MQTT broker {self.broker} refused the subscription to"
                f" {topic_filter(self.prefix)} (check its ACL)"))
            return
        log.info("mqtt: subscribed to %s at QoS %d", topic_filter(self.prefix), QOS)
        self.subscribed.set()

    def _on_connect_fail(self, _client: mqtt.Client, _userdata: Any) -> None:
        log.warning("mqtt: cannot reach %s; retrying", self.broker)

    def _on_disconnect(self, _client: mqtt.Client, _userdata: Any, _flags: Any, reason: Any,
                       _properties: Any) -> None:
        with self._lock:
            self._connection += 1           # acks of messages it brought would go astray
        self.subscribed.clear()
        if not self._stopping.is_set():
            log.warning("mqtt: disconnected from %s (%s); reconnecting", self.broker, reason)

    def _on_message(self, _client: mqtt.Client, _userdata: Any, message: mqtt.MQTTMessage) -> None:
        try:
            topic = message.topic
        except UnicodeDecodeError:
            topic = repr(message._topic)    # brokers refuse such topics; never crash on one
        self._queue.put(_Delivery(self._connection, message.mid, message.qos, topic,
                                  bytes(message.payload)))

    def _refuse(self, refusal: MqttRefusal) -> None:
        log.error("mqtt: %s", refusal.message_en)
        self._refusal = refusal
        self._stopping.set()

    # -- run()'s thread ------------------------------------------------------------------------

    def _take_batch(self) -> list[_Delivery]:
        try:
            batch = [self._queue.get(timeout=POLL_S)]
        except queue.Empty:
            return []
        size = len(batch[0].payload)
        while size < BATCH_BYTES:
            try:
                batch.append(self._queue.get_nowait())
            except queue.Empty:
                break
            size += len(batch[-1].payload)
        return batch

    def _handle(self, batch: list[_Delivery]) -> None:
        """File a batch's readings in one transaction, then acknowledge all of it; nothing
        if stop() comes during a database outage (the broker sends it again)."""
        good: list[Row] = []
        origin: list[tuple[_Delivery, int]] = []      # each good row's message and position
        for delivery in batch:
            self.counters.messages += 1
            try:
                point, items = unpack(delivery.topic, delivery.payload, self.prefix)
            except MessageRefusal as exc:
                self.counters.unreadable += 1
                log.warning("mqtt: message on %s refused (%s): %s", delivery.topic, exc.code,
                            exc.en)
                continue
            parsed = IngestResult(received=len(items))
            for row in parse_rows(items, parsed, default_point=point):
                origin.append((delivery, row.index))
                good.append(row._replace(index=len(good)))
            self.counters.received += parsed.received
            self._refused(delivery, parsed.refused)
        if good:
            result = self._file_retrying(good)
            if result is None:
                return
            for refusal in result.refused:            # another company's point
                delivery, position = origin[refusal.index]
                self._refused(delivery, [replace(refusal, index=position)])
        self._acknowledge(batch)

    def _refused(self, delivery: _Delivery, refusals: list[RowRefusal]) -> None:
        self.counters.refused += len(refusals)
        for r in refusals:
            log.warning("mqtt: reading [%d] on %s refused (%s): %s", r.index, delivery.topic,
                        r.code, r.en)

    def _file_retrying(self, good: list[Row]) -> IngestResult | None:
        """File the readings, retrying with backoff while the database fails; None if
        stop() came first."""
        delay, longest = self.retry_delay
        while True:
            result = IngestResult()
            try:
                file_rows(self.store, good, result, company=self.company, source="mqtt",
                          now=self.now())
            except SQLAlchemyError as exc:
                text = str(exc).strip()
                log.warning("mqtt: database error, %d reading(s) not acknowledged; retrying in"
                            " %g s: %s", len(good), delay,
                            text.splitlines()[0] if text else type(exc).__name__)
            else:
                self._count(result)
                return result
            if self._stopping.wait(delay):
                return None
            delay = min(delay * 2, longest)

    def _count(self, result: IngestResult) -> None:
        c = self.counters
        c.stored += result.stored
        c.repeated += result.repeated
        c.conflicts += result.conflicts
        c.quarantined += result.quarantined

    def _acknowledge(self, batch: Iterable[_Delivery]) -> None:
        with self._lock:
            for delivery in batch:
                if delivery.connection == self._connection and delivery.qos > 0:
                    self._client.ack(delivery.mid, delivery.qos)
