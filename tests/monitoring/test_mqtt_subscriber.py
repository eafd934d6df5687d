"""The MQTT subscriber against a real Mosquitto and both backends: exactly once, whatever comes.

Each test has its own topic prefix and client id (the broker may be shared); the office clock is
fixed, and every wait polls the counters or the database with a timeout.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timedelta, timezone

import pytest

from inspector_app.office.monitoring.mqtt_subscriber import MqttSubscriber, unpack
from inspector_app.office.monitoring.mqtt_topics import (
    BrokerAddress,
    MqttRefusal,
    check_prefix,
    parse_broker_url,
    point_of_topic,
)
from tests.monitoring.mqtt_broker import MqttNames, Publisher, forget_session, wait_for
from tests.monitoring.registered import add_point

NOW = datetime(2026, 12, 3, 10, 0, tzinfo=timezone(timedelta(hours=8)))
START = NOW - timedelta(hours=6)
WAIT_S = 10.0


def reading(point: str | None, i: int, value: float = 20.5) -> dict:
    row = {"t": (START + timedelta(minutes=20 * i)).isoformat(), "value_c": value}
    return row if point is None else {"point_id": point, **row}


def stored_count(store, point: str | None = None) -> int:
    if point is None:
        return store.db.scalar("SELECT count(*) FROM monitoring_readings")
    return store.db.scalar("SELECT count(*) FROM monitoring_readings r JOIN monitoring_points p"
                           " ON p.point_no=r.point_no WHERE p.point_id=?", (point,))


def subscriber(store, broker: BrokerAddress, names: MqttNames, **kw) -> MqttSubscriber:
    return MqttSubscriber(store, broker, client_id=names.client_id, prefix=names.prefix,
                          now=lambda: NOW, reconnect_delay=(1, 1), retry_delay=(0.2, 0.5), **kw)


@contextmanager
def running(sub: MqttSubscriber) -> Iterator[MqttSubscriber]:
    """`sub.run()` in a thread, subscribed before the block; stopped (and its error raised)
    after."""
    failure: list[BaseException] = []

    def run() -> None:
        try:
            sub.run()
        except BaseException as exc:  # noqa: BLE001 - raised again in the test's thread
            failure.append(exc)

    thread = threading.Thread(target=run, daemon=True)
    thread.start()
    try:
        wait_for(lambda: sub.subscribed.is_set() or failure, WAIT_S, "the subscription")
        yield sub
    finally:
        sub.stop()
        thread.join(WAIT_S)
    assert not thread.is_alive(), "the subscriber did not stop"
    if failure:
        raise failure[0]


# -- pure parts ----------------------------------------------------------------------------------

def test_topics_name_their_point_and_nothing_else():
    assert point_of_topic("heating/points/P-1/readings", "heating") == "P-1"
    assert point_of_topic("a/b/points/P-1/readings", "a/b") == "P-1"
    for topic in ("heating/points//readings", "heating/points/P-1/x/readings",
                  "heating/points/P-1", "other/points/P-1/readings", "heating/P-1/readings"):
        assert point_of_topic(topic, "heating") is None, topic


@pytest.mark.parametrize("url", ["http://h:1883", "mqtt://", "mqtt://h:port", "mqtt://h:70000",
                                 "mqtt://h/x", "mqtt://u:p@h", "mqtts://h", "h:1883", ""])
def test_bad_broker_urls_are_refused_in_both_languages(url):
    with pytest.raises(MqttRefusal) as caught:
        parse_broker_url(url)
    assert caught.value.message_zh and caught.value.message_en
    assert not any("\u4e00" <= ch <= "\u9fff" for ch in caught.value.message_en)


def test_broker_urls_and_prefixes_accepted():
    assert parse_broker_url("mqtt://127.0.0.1") == BrokerAddress("127.0.0.1", 1883)
    assert str(parse_broker_url(" mqtt://[::1]:1884/ ")) == "mqtt://[::1]:1884"
    assert check_prefix("city/heating") == "city/heating"
    for prefix in ("", "a/+", "#", "a//b", "/a", "a/b#"):
        with pytest.raises(MqttRefusal):
            check_prefix(prefix)


def test_payloads_unpacked():
    assert unpack("h/points/P/readings", b'{"t": "x"}', "h") == ("P", [{"t": "x"}])
    assert unpack("h/points/P/readings", b"[1, {}]", "h") == ("P", [1, {}])
    for payload, code in ((b"{", "bad_json"), (b"\xff", "bad_json"), (b"NaN", "bad_json"),
                          (b'"text"', "bad_payload"), (b"[" * 40 + b"]" * 40, "bad_json")):
        with pytest.raises(Exception) as caught:
            unpack("h/points/P/readings", payload, "h")
        assert caught.value.code == code, payload


# -- against the broker and the database ---------------------------------------------------------

def test_repeated_publishes_are_stored_once(store, mqtt_broker, mqtt_names, publisher):
    add_point(store, "P-1")
    add_point(store, "P-2")
    first = [reading("P-1", i) for i in range(3)]
    with running(subscriber(store, mqtt_broker, mqtt_names)) as sub:
        for row in first:                                     # one reading a message
            publisher.publish(mqtt_names.topic("P-1"), row)
        publisher.publish(mqtt_names.topic("P-1"), first)     # all again, as an array
        publisher.publish(mqtt_names.topic("P-1"),            # again, the topic naming the point
                          [reading(None, i) for i in range(3)])
        publisher.publish(mqtt_names.topic("P-2"), reading(None, 0))
        publisher.publish(mqtt_names.topic("P-2"), reading(None, 0, value=25.0))  # a conflict
        publisher.publish(mqtt_names.topic("P-9"), reading(None, 0))   # not registered
        publisher.all_sent()
        wait_for(lambda: sub.counters.messages == 8, WAIT_S, "eight messages")
    assert stored_count(store, "P-1") == 3
    assert stored_count(store, "P-2") == 1
    assert store.db.scalar("SELECT count(*) FROM monitoring_conflicts") == 1
    assert store.db.scalar("SELECT count(*) FROM monitoring_quarantine WHERE point_id='P-9'"
                           " AND source='mqtt'") == 1
    assert store.db.scalar("SELECT count(*) FROM monitoring_readings WHERE source=2") == 4
    c = sub.counters
    assert (c.received, c.stored, c.repeated, c.conflicts, c.quarantined, c.refused,
            c.unreadable) == (12, 4, 6, 1, 1, 0, 0)


@pytest.mark.sqlite_only("the refusals happen before the database; one backend shows them")
def test_bad_messages_are_logged_acknowledged_and_the_stream_goes_on(
        store, mqtt_broker, mqtt_names, publisher, caplog):
    add_point(store, "P-1")
    caplog.set_level(logging.WARNING, logger="inspector_app.office.monitoring")
    topic = mqtt_names.topic("P-1")
    with running(subscriber(store, mqtt_broker, mqtt_names)) as sub:
        publisher.publish(topic, b"{not json")
        publisher.publish(topic, b"\xff\xfe{}")
        publisher.publish(topic, b'{"t": "2026-12-03T08:00:00+08:00", "value_c": NaN}')
        publisher.publish(topic, b"42")
        publisher.publish(topic, [reading(None, 1, value="warm"),   # wrong type
                                  reading("P-2", 2),                # another point's
                                  {"t": "yesterday", "value_c": 20},
                                  "text",
                                  reading(None, 3)])                # good
        publisher.publish(topic, reading("P-1", 4))
        publisher.all_sent()
        wait_for(lambda: sub.counters.messages == 6, WAIT_S, "six messages")
    c = sub.counters
    assert (c.unreadable, c.received, c.stored, c.refused) == (4, 6, 2, 4)
    assert stored_count(store, "P-1") == 2
    lines = [r.getMessage() for r in caplog.records]
    assert all("\n" not in line for line in lines)
    for code in ("bad_json", "bad_payload", "bad_value", "point_not_topic", "bad_time",
                 "not_an_object"):
        assert any(f"({code})" in line for line in lines), code
    assert sum("not UTF-8" in line for line in lines) == 1
    assert sum("NaN" in line for line in lines) == 1
    # all of them acknowledged: the same client, reconnecting, gets nothing again
    with running(subscriber(store, mqtt_broker, mqtt_names)) as again:
        publisher.publish(topic, reading(None, 5))
        publisher.all_sent()
        wait_for(lambda: again.counters.messages >= 1, WAIT_S, "the next message")
    assert again.counters.messages == 1 and stored_count(store, "P-1") == 3


@pytest.mark.sqlite_only("about topics and sessions, not storage")
def test_a_topic_outside_the_pattern_is_refused_and_acknowledged(
        store, mqtt_broker, mqtt_names, publisher, caplog):
    """The session keeps an old prefix's subscription when the prefix changes: what comes on
    it is logged as an unknown topic and acknowledged, never retried."""
    add_point(store, "P-1")
    old = MqttNames(prefix=mqtt_names.prefix + "-old", client_id=mqtt_names.client_id)
    with running(subscriber(store, mqtt_broker, old)):
        pass
    with running(subscriber(store, mqtt_broker, mqtt_names)) as sub:
        publisher.publish(old.topic("P-1"), reading(None, 0))
        publisher.publish(mqtt_names.topic("P-1"), reading(None, 1))
        publisher.all_sent()
        wait_for(lambda: sub.counters.messages == 2, WAIT_S, "two messages")
    assert (sub.counters.unreadable, sub.counters.stored) == (1, 1)
    assert any("(unknown_topic)" in r.getMessage() and old.topic("P-1") in r.getMessage()
               for r in caplog.records)
    with running(subscriber(store, mqtt_broker, mqtt_names)) as again:
        publisher.publish(mqtt_names.topic("P-1"), reading(None, 2))
        publisher.all_sent()
        wait_for(lambda: again.counters.messages >= 1, WAIT_S, "the next message")
    assert (again.counters.messages, again.counters.unreadable) == (1, 0)


def test_a_database_error_is_not_acknowledged(store, mqtt_broker, mqtt_names, publisher, caplog):
    """While the readings table is away the batch is retried and not acknowledged: a
    subscriber stopped meanwhile leaves it to the broker, which gives it to the next one."""
    add_point(store, "P-1")
    with running(subscriber(store, mqtt_broker, mqtt_names)) as sub:
        publisher.publish(mqtt_names.topic("P-1"), reading(None, 0))
        publisher.all_sent()
        wait_for(lambda: sub.counters.stored == 1, WAIT_S, "the first reading")
        with store.db.write() as c:
            c.execute("ALTER TABLE monitoring_readings RENAME TO monitoring_readings_away")
        publisher.publish(mqtt_names.topic("P-1"), [reading(None, 1), reading(None, 2)])
        publisher.all_sent()
        wait_for(lambda: any("database error, 2 reading(s) not acknowledged" in r.getMessage()
                             for r in caplog.records), WAIT_S, "the database error")
    assert sub.counters.stored == 1
    with store.db.write() as c:
        c.execute("ALTER TABLE monitoring_readings_away RENAME TO monitoring_readings")
    with running(subscriber(store, mqtt_broker, mqtt_names)) as again:
        wait_for(lambda: again.counters.stored == 2, WAIT_S, "the redelivered readings")
    assert stored_count(store, "P-1") == 3


def test_the_broker_going_away_loses_nothing(store, throwaway_broker, tmp_path):
    """The broker stops and comes back on its port: the platform's QoS 1 messages queued
    meanwhile, the broker's saved queue and the subscriber's new connection lose nothing."""
    add_point(store, "P-1")
    names = MqttNames.fresh()
    platform = Publisher(throwaway_broker.address)
    try:
        with running(subscriber(store, throwaway_broker.address, names)) as sub:
            for i in range(10):
                platform.publish(names.topic("P-1"), reading(None, i))
            platform.all_sent()
            wait_for(lambda: sub.counters.stored == 10, WAIT_S, "the first ten")
            throwaway_broker.stop()
            wait_for(lambda: not sub.subscribed.is_set(), WAIT_S, "the subscriber to notice")
            for i in range(10, 20):                            # the platform queues these
                platform.publish(names.topic("P-1"), reading(None, i))
            throwaway_broker.start()
            wait_for(sub.subscribed.is_set, WAIT_S, "the subscriber to come back")
            for i in range(20, 30):
                platform.publish(names.topic("P-1"), reading(None, i))
            platform.all_sent()
            wait_for(lambda: sub.counters.stored == 30, WAIT_S, "all thirty")
        for i in range(30, 40):                # the subscriber is down: the broker keeps these
            platform.publish(names.topic("P-1"), reading(None, i))
        platform.all_sent()
        throwaway_broker.stop()                # ... on disk, over its restart
        throwaway_broker.start()
        with running(subscriber(store, throwaway_broker.address, names)) as again:
            wait_for(lambda: again.counters.stored == 10, WAIT_S, "the ten kept by the broker")
    finally:
        platform.close()
    assert stored_count(store, "P-1") == 40
    assert again.counters.repeated == 0
    forget_session(throwaway_broker.address, names.client_id)


@pytest.mark.sqlite_only("holds SQLite's write lock to keep a commit waiting")
def test_a_message_committed_but_not_acknowledged_comes_again_and_is_stored_once(
        store, throwaway_broker):
    """The connection drops while a batch is being committed: its acknowledgement would go to
    a connection that is gone, so the broker sends the message again, and the second copy is
    a repeat."""
    add_point(store, "P-1")
    names = MqttNames.fresh()
    platform = Publisher(throwaway_broker.address)
    lock = sqlite3.connect(store.path, isolation_level=None)
    try:
        with running(subscriber(store, throwaway_broker.address, names)) as sub:
            lock.execute("BEGIN IMMEDIATE")                  # the commit will wait for this
            platform.publish(names.topic("P-1"), reading(None, 0))
            platform.all_sent()
            wait_for(lambda: sub.counters.messages == 1, WAIT_S, "the message taken")
            throwaway_broker.stop()
            throwaway_broker.start()
            wait_for(sub.subscribed.is_set, WAIT_S, "the subscriber back")
            lock.execute("ROLLBACK")
            wait_for(lambda: sub.counters.messages == 2, WAIT_S, "the message sent again")
            wait_for(lambda: sub.counters.repeated == 1, WAIT_S, "the second copy filed")
    finally:
        lock.close()
        platform.close()
    assert (sub.counters.stored, sub.counters.repeated) == (1, 1)
    assert stored_count(store, "P-1") == 1


@pytest.mark.sqlite_only("the company check is ingest's, tested on both backends there")
def test_a_company_prefix_refuses_other_companies_points(store, mqtt_broker, mqtt_names,
                                                         publisher, caplog):
    add_point(store, "P-1", company="长春热力")
    add_point(store, "Q-1", company="另一热力")
    with running(subscriber(store, mqtt_broker, mqtt_names, company="长春热力")) as sub:
        publisher.publish(mqtt_names.topic("Q-1"), [reading(None, 0), reading(None, 1)])
        publisher.publish(mqtt_names.topic("P-1"), [reading(None, 0), {"t": "x"}])
        publisher.all_sent()
        wait_for(lambda: sub.counters.messages == 2, WAIT_S, "two messages")
    c = sub.counters
    assert (c.received, c.stored, c.refused) == (4, 1, 3)
    lines = [r.getMessage() for r in caplog.records]
    topic = mqtt_names.topic("Q-1")
    assert f"mqtt: reading [1] on {topic} refused (point_of_another_company)" in "\n".join(lines)
    assert stored_count(store, "Q-1") == 0
