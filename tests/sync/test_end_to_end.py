"""The command lines end to end against a live office on 127.0.0.1 (HTTP and pinned HTTPS)."""

from __future__ import annotations

import datetime as dt
import ipaddress
import json
import os
import stat

import pytest
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID

from inspector_app.cli import main as app_main
from inspector_app.office.cli import main as office_main
from inspector_app.office.store import RecordFilter, record_ref
from inspector_app.seal.device_key import load_or_create_device_key
from inspector_app.store import outbox
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import load_link, save_link
from tests.sync.factory import laptop_db, seal_many
from tests.sync.live import LiveOffice


def app(data, *argv):
    return app_main(["--data-dir", str(data), "--lang", "en", *argv])


def office_cli(office, *argv):
    return office_main(["--db", str(office.store.target), "--lang", "en", *argv])


@pytest.fixture
def field_laptop(tmp_path):
    """A laptop data folder with its real device key file and a few sealed records."""
    folder = tmp_path / "field"
    db = laptop_db(folder)
    key = load_or_create_device_key(folder)
    return folder, db, key


def enroll_by_cli(office, folder, capsys, *extra):
    assert office_cli(office, "enrollment-code") == 0
    code = capsys.readouterr().out.strip()
    assert len(code) == 14 and code.count("-") == 2
    assert app(folder, "enroll", "--office", office.url, "--code", code, "--label", "car 3",
               *extra) == 0
    assert "enrolled" in capsys.readouterr().out
    return code


def test_enrol_sync_replay_and_records_listing(office, field_laptop, capsys):
    folder, db, key = field_laptop
    ids = seal_many(db, key, 6)
    code = enroll_by_cli(office, folder, capsys)
    mode = stat.S_IMODE(os.stat(folder / "office.json").st_mode)
    assert mode == 0o600
    assert app(folder, "enroll", "--office", office.url, "--code", code) == 2  # one-time
    assert "already been used" in capsys.readouterr().err

    assert app(folder, "sync") == 0
    assert "sent 6" in capsys.readouterr().out
    assert office.store.counts()["records"] == 6

    # Replay: every answer "lost", the laptop sends everything again: nothing doubles.
    outbox.requeue(db, from_states=(outbox.SENT,))
    assert app(folder, "sync", "--json") == 0
    out = json.loads(capsys.readouterr().out)
    assert out["report"]["already_present"] == 6 and out["outbox"]["sent"] == 6
    assert office.store.counts()["records"] == 6

    assert office_cli(office, "records", "--json", "--recheck") == 0
    rows = json.loads(capsys.readouterr().out)
    assert sorted(r["record_id"] for r in rows) == sorted(ids)
    assert {(r["verification"], r["chain_state"]) for r in rows} == {("verified", "ok")}
    assert office_main(["--db", str(office.store.target), "records"]) == 0
    assert capsys.readouterr().out.count("已验证") == 6
    assert app(folder, "sync", "--status") == 0
    assert "sent 6, pending 0" in capsys.readouterr().out


def test_a_record_tampered_on_the_laptop_is_rejected_with_reason_and_the_rest_go(
        office, field_laptop, capsys):
    folder, db, key = field_laptop
    ids = seal_many(db, key, 3)
    enroll_by_cli(office, folder, capsys)
    db.execute("DROP TRIGGER sealed_records_no_update")
    text = db.execute("SELECT envelope FROM sealed_records WHERE record_id=?",
                      (ids[1],)).fetchone()[0]
    with db.conn:
        db.execute("UPDATE sealed_records SET envelope=? WHERE record_id=?",
                   (text.replace('"value_c":17.2', '"value_c":18.2', 1), ids[1]))
    assert app(folder, "sync") == 1
    out = capsys.readouterr().out
    assert ids[1] in out and "content changed" in out and "rejected 1" in out
    assert outbox.entry(db, ids[1]).state == "rejected"
    assert outbox.entry(db, ids[1]).last_status == 422
    assert office.store.record_bytes(record_ref(key.device_id, ids[1])) is None
    assert office.store.record_bytes(record_ref(key.device_id, ids[2])) is not None
    gaps = office.store.chain_problems()
    assert [(g["record_id"], g["missing_seq"]) for g in gaps] == [(ids[2], 2)]  # shown
    assert office_cli(office, "records") == 0
    assert "chain gap" in capsys.readouterr().out


def test_unknown_and_revoked_devices_stop_the_sync(office, field_laptop, capsys, tmp_path):
    folder, db, key = field_laptop
    seal_many(db, key, 2)
    enroll_by_cli(office, folder, capsys)
    assert office_cli(office, "revoke-device", key.device_id, "--reason", "stolen") == 0
    assert office_cli(office, "devices") == 0
    assert "revoked" in capsys.readouterr().out
    assert app(folder, "sync") == 1
    out = capsys.readouterr().out
    assert "Stopped" in out and "revoked" in out
    assert outbox.counts(db)["rejected"] == 0

    # A laptop the office never enrolled, holding a made-up credential.
    stranger = tmp_path / "stranger"
    sdb = laptop_db(stranger)
    skey = load_or_create_device_key(stranger)
    seal_many(sdb, skey, 1)
    link = load_link(folder)
    link.device_id = skey.device_id
    save_link(stranger, link)
    assert app(stranger, "sync") == 1
    assert "does not know this device" in capsys.readouterr().out


def test_sync_without_enrolment_says_what_to_do(field_laptop, capsys):
    folder, db, key = field_laptop
    assert app(folder, "sync") == 2
    assert "inspector-app enroll" in capsys.readouterr().err


def _self_signed(folder):
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "office.test")])
    now = dt.datetime.now(dt.UTC)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - dt.timedelta(minutes=5))
            .not_valid_after(now + dt.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName(
                [x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]), critical=False)
            .add_extension(x509.BasicConstraints(ca=True, path_length=None), critical=True)
            .sign(key, hashes.SHA256()))
    cert_path, key_path = folder / "office.pem", folder / "office.key"
    cert_path.write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                           serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return cert_path, key_path


def test_tls_with_a_pinned_office_certificate(tmp_path, field_laptop, capsys):
    folder, db, key = field_laptop
    cert, cert_key = _self_signed(tmp_path)
    office = LiveOffice(tmp_path / "tls" / "office.sqlite3", certfile=cert,
                        keyfile=cert_key).start()
    try:
        ids = seal_many(db, key, 2)
        code, _ = office.store.new_enrollment_code()
        # Without the pin the self-signed office is not trusted: enrolment fails cleanly.
        assert app(folder, "enroll", "--office", office.url, "--code", code) == 2
        assert "cannot reach the office" in capsys.readouterr().err
        assert app(folder, "enroll", "--office", office.url, "--code", code,
                   "--office-cert", str(cert)) == 0
        assert load_link(folder).pinned_cert
        assert app(folder, "sync") == 0
        stored = office.store.list_records(RecordFilter()).items
        assert sorted(r["record_id"] for r in stored) == sorted(ids)
        # A client that trusts only the system CAs refuses the same office.
        with SyncClient(db, load_link(folder), verify=True, sleep=lambda s: None) as client:
            outbox.requeue(db, from_states=(outbox.SENT,))
            report = client.push_pending()
        assert report.sent == 0 and report.retrying >= 1
    finally:
        office.stop()


def test_enrolment_brings_the_offices_public_address_to_the_slip(tmp_path, field_laptop, capsys):
    """`serve --public-url` is told to the laptop at enrolment; its slips' QR codes link there."""
    import zxingcpp

    from tests.slip.helpers import page_image

    folder, db, key = field_laptop
    [record_id] = seal_many(db, key, 1)
    live = LiveOffice(tmp_path / "pub" / "office.sqlite3",
                      public_url="https://heat.example.gov.cn").start()
    try:
        enroll_by_cli(live, folder, capsys)
    finally:
        live.stop()
    assert load_link(folder).public_url == "https://heat.example.gov.cn"
    out = tmp_path / "slip.pdf"
    assert app(folder, "slip", record_id, "-o", str(out), "--paper", "80mm") == 0
    [code] = zxingcpp.read_barcodes(page_image(out.read_bytes(), 0, 100))
    assert code.text.startswith(f"https://heat.example.gov.cn/v/{record_id}#")
