"""Shared fixtures: every test gets its own data folder; Qt runs offscreen."""

from __future__ import annotations

import os

import pytest

# PostgreSQL: `pg_server_url`, `pg_url`, `office_db` (sqlite/postgresql) and the sqlite_only mark;
# pytester drives pytest itself in the tests of that plugin.
pytest_plugins = ["pytester", "tests.pg_backend"]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Never the developer's own Keychain / Credential Manager / Secret Service: the device key stays
# a file unless a test installs the in-process key store (tests/seal/memory_keyring.py).
os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"


@pytest.fixture
def data_dir(tmp_path, monkeypatch):
    folder = tmp_path / "data"
    folder.mkdir()
    monkeypatch.setenv("INSPECTOR_DATA_DIR", str(folder))
    return folder
