"""A real office server for tests: uvicorn in a thread on 127.0.0.1, a free port, stopped after.

Shared by tests/office and tests/sync (their conftests import the fixtures from here).
"""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from contextlib import ExitStack
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
import uvicorn

from inspector_app.office.app import DEFAULT_MAX_RECORD_BYTES, create_app
from inspector_app.office.serving import uvicorn_config
from inspector_app.office.store import OfficeStore
from inspector_app.seal.device_key import DeviceKey
from inspector_app.sync.client import enroll
from inspector_app.sync.config import OfficeLink
from tests.pg_backend import isolated_schema
from tests.sync.factory import laptop_db


class LiveOffice:
    """Start with `start()`, stop with `stop()`; `url`, `store` and an admin token are at hand."""

    def __init__(self, db_path: str | Path, *, training: bool = False,
                 max_record_bytes: int = DEFAULT_MAX_RECORD_BYTES,
                 certfile: Path | None = None, keyfile: Path | None = None,
                 public_url: str | None = None,
                 trusted_proxies: tuple[str, ...] = ()) -> None:
        self.app = create_app(db_path, training=training, max_record_bytes=max_record_bytes,
                              public_url=public_url, trusted_proxies=trusted_proxies)
        self.store: OfficeStore = self.app.state.store
        self.scheme = "https" if certfile else "http"
        config = uvicorn_config(self.app, host="127.0.0.1", port=0, log_level="warning",
                                access_log=False, lifespan="off",
                                ssl_certfile=str(certfile) if certfile else None,
                                ssl_keyfile=str(keyfile) if keyfile else None)
        self.server = uvicorn.Server(config)
        self.thread = threading.Thread(target=self.server.run, daemon=True, name="live-office")
        self.port = 0
        self.admin_token = self.store.new_admin_token("tester")

    @property
    def url(self) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}"

    def start(self) -> LiveOffice:
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if not self.thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("office server did not start")
            time.sleep(0.01)
        self.port = self.server.servers[0].sockets[0].getsockname()[1]
        return self

    def stop(self) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.store.close()

    def admin(self) -> httpx.Client:
        return httpx.Client(base_url=self.url, verify=False, timeout=10,
                            headers={"Authorization": f"Bearer {self.admin_token}"})

    def enroll_key(self, folder: Path, key: DeviceKey, **kwargs) -> OfficeLink:
        code, _ = self.store.new_enrollment_code()
        return enroll(folder, self.url, code, key, **kwargs)


@dataclass
class Laptop:
    folder: Path
    db: object
    key: DeviceKey


@pytest.fixture
def office(office_db: str) -> Iterator[LiveOffice]:
    """A live office on each backend (`office_db`: a SQLite file, or a PostgreSQL schema)."""
    live = LiveOffice(office_db).start()
    yield live
    live.stop()


@pytest.fixture
def training_office(office_db: str, tmp_path: Path,
                    request: pytest.FixtureRequest) -> Iterator[LiveOffice]:
    """A training office on the same backend as `office`, in a database of its own."""
    with ExitStack() as stack:
        if office_db.startswith("postgresql"):
            target = stack.enter_context(
                isolated_schema(request.getfixturevalue("pg_server_url")))
        else:
            target = str(tmp_path / "office-training" / "office.sqlite3")
        live = LiveOffice(target, training=True).start()
        yield live
        live.stop()


@pytest.fixture
def laptop(tmp_path: Path) -> Laptop:
    folder = tmp_path / "laptop"
    return Laptop(folder, laptop_db(folder), DeviceKey.generate())
