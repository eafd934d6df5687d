"""Fixtures for sealing tests: a fresh database file and device keys."""

from __future__ import annotations

import pytest

from inspector_app.seal.device_key import DeviceKey, load_or_create_device_key
from inspector_app.store.database import DB_FILENAME, connect


@pytest.fixture
def db_path(data_dir):
    return data_dir / DB_FILENAME


@pytest.fixture
def db(db_path):
    database = connect(db_path)
    database.execute("PRAGMA synchronous=OFF")  # tests are about content, not fsync
    yield database
    database.conn.close()


@pytest.fixture
def key(data_dir) -> DeviceKey:
    """This laptop's key, as the app makes it (in the data folder)."""
    return load_or_create_device_key(data_dir)


@pytest.fixture
def other_key() -> DeviceKey:
    return DeviceKey.generate()


@pytest.fixture
def key_store():
    """This computer's system key store: an in-process keyring backend, removed afterwards."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyStore

    from tests.seal.memory_keyring import MemoryKeyring

    store = MemoryKeyring()
    keyring.set_keyring(store)
    yield store
    keyring.set_keyring(NoKeyStore())
