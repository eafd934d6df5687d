"""`inspector-office` administration commands, and `serve` as a real process."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import time

import httpx

from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore
from inspector_app.seal.enrolment_proof import sign_enrolment


def run(db, *argv):
    return office_main(["--db", str(db), "--lang", "en", *argv])


def test_codes_tokens_and_devices(office_db, capsys, laptop):
    db = office_db
    assert run(db, "enrollment-code", "--ttl-hours", "1") == 0
    captured = capsys.readouterr()
    code = captured.out.strip()
    assert "valid until" in captured.err
    assert run(db, "admin-token", "--label", "王科长") == 0
    token = capsys.readouterr().out.strip()
    store = OfficeStore(db)
    assert store.admin_token_label(token) == "王科长"
    store.enroll(code, laptop.key.device_id, laptop.key.public_key_b64,
                 sign_enrolment(laptop.key, code), "car 3")
    assert run(db, "devices", "--json") == 0
    [device] = json.loads(capsys.readouterr().out)
    assert device["label"] == "car 3" and device["revoked_at"] is None
    assert run(db, "revoke-device", "nope") == 2
    assert run(db, "revoke-device", laptop.key.device_id) == 0
    assert run(db, "revoke-device", laptop.key.device_id) == 0
    assert "already revoked" in capsys.readouterr().out
    assert run(db, "records") == 0
    assert "no records" in capsys.readouterr().out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_runs_as_a_process_and_stops(tmp_path):
    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "inspector_app.office.cli", "--db", str(tmp_path / "o.sqlite3"),
         "serve", "--host", "127.0.0.1", "--port", str(port), "--training",
         "--log-level", "warning"],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/api/v1/health", timeout=1).json()
                break
            except httpx.TransportError:
                assert proc.poll() is None, proc.stdout.read().decode()
                assert time.monotonic() < deadline
                time.sleep(0.1)
        assert health["training"] is True
        assert httpx.get(f"http://127.0.0.1:{port}/openapi.json").status_code == 200
    finally:
        proc.terminate()
        proc.wait(timeout=10)
    out = proc.stdout.read().decode()
    assert f"http://127.0.0.1:{port}" in out


def test_cert_without_key_is_refused(tmp_path, capsys):
    assert run(tmp_path / "o.sqlite3", "serve", "--cert", str(tmp_path / "c.pem")) == 2
    assert "--cert and --key" in capsys.readouterr().err
