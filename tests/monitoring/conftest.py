"""Fixtures for the monitoring tests: an office store and a live office on each backend, an
MQTT broker (tests/monitoring/mqtt_broker.py), a test's own topic names and a publishing
platform."""

from collections.abc import Iterator

import pytest

from inspector_app.office.monitoring import partitions
from inspector_app.office.monitoring.mqtt_topics import BrokerAddress
from inspector_app.office.store import OfficeStore
from tests.monitoring.mqtt_broker import (
    MqttNames,
    Publisher,
    ThrowawayBroker,
    forget_session,
    given_broker,
)
from tests.sync.live import office  # noqa: F401


@pytest.fixture
def store(office_db):
    """The office store on `office_db` (SQLite file or PostgreSQL schema)."""
    opened = OfficeStore(office_db)
    yield opened
    partitions.forget(opened.db)
    opened.close()


@pytest.fixture(scope="session")
def mqtt_broker(tmp_path_factory) -> Iterator[BrokerAddress]:
    """INSPECTOR_TEST_MQTT's broker (it must answer), else one throwaway broker a session."""
    try:
        given = given_broker()
    except AssertionError as exc:
        pytest.fail(str(exc), pytrace=False)
    if given is not None:
        yield given
        return
    broker = ThrowawayBroker(tmp_path_factory.mktemp("mosquitto"))
    try:
        broker.start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield broker.address
    broker.stop()


@pytest.fixture
def throwaway_broker(tmp_path) -> Iterator[ThrowawayBroker]:
    """A broker of the test's own, to stop and restart (persistence on)."""
    folder = tmp_path / "mosquitto"
    folder.mkdir()
    broker = ThrowawayBroker(folder)
    try:
        broker.start()
    except RuntimeError as exc:
        pytest.fail(str(exc), pytrace=False)
    yield broker
    broker.stop()


@pytest.fixture
def mqtt_names(mqtt_broker) -> Iterator[MqttNames]:
    """The test's own topic prefix and subscriber client id; its session forgotten after."""
    names = MqttNames.fresh()
    yield names
    forget_session(mqtt_broker, names.client_id)


@pytest.fixture
def publisher(mqtt_broker) -> Iterator[Publisher]:
    """A platform publishing to the test broker at QoS 1."""
    platform = Publisher(mqtt_broker)
    yield platform
    platform.close()
    forget_session(mqtt_broker, platform.client_id)
