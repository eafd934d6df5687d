"""JSON bombs and misshapen records at the office: 422 in the office's shape over HTTP, exit 2
from `import-bundle`, never a 500 or a traceback."""

from __future__ import annotations

import base64
import json
import zipfile

import httpx
import pytest

from inspector_app.cli import main as app_main
from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore
from inspector_app.seal.enrolment_proof import sign_enrolment
from inspector_app.store.sealed import SealedStore
from tests.sync.factory import laptop_db, seal_many

BOMB = b"[" * 100_000


@pytest.fixture
def link(office, laptop):
    return office.enroll_key(laptop.folder, laptop.key, label="laptop-1")


def put(office, link, record_id, body):
    return httpx.put(f"{office.url}/api/v1/records/{record_id}", content=body, timeout=10,
                     headers={"Authorization": f"Bearer {link.token}",
                              "X-Device-Id": link.device_id, "Content-Type": "application/json"})


def office_shaped(answer: httpx.Response, status: int, error: str) -> dict:
    body = answer.json()
    assert answer.status_code == status, answer.text[:300]
    assert body["error"] == error and body["reason"] and body["reason_zh"]
    return body


@pytest.mark.parametrize("body", [BOMB, b'{"record":' * 40_000, b"\xff\xfe{}"])
def test_an_upload_bomb_is_422_not_500(office, link, laptop, body):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    office_shaped(put(office, link, rid, body), 422, "not_json")
    assert put(office, link, rid, SealedStore(laptop.db).envelope_text(rid).encode()) \
        .status_code == 201  # the office is still well


def test_a_misshapen_record_is_422_naming_the_field(office, link, laptop):
    [rid] = seal_many(laptop.db, laptop.key, 1)
    env = json.loads(SealedStore(laptop.db).envelope_text(rid))
    env["record"]["chain"]["seq"] = "1"
    body = office_shaped(put(office, link, rid, json.dumps(env).encode()), 422, "not_envelope")
    assert "record.chain.seq" in body["reason"]


def bundle_with(tmp_path, laptop, change):
    data = tmp_path / "cli-laptop"
    db = laptop_db(data)
    seal_many(db, laptop.key, 2)
    path = tmp_path / "bundle.zip"
    assert app_main(["--data-dir", str(data), "export-bundle", "-o", str(path)]) == 0
    with zipfile.ZipFile(path) as zf:
        items = [(i.filename, zf.read(i.filename)) for i in zf.infolist()]
    with zipfile.ZipFile(path, "w") as zf:
        for name, data_ in items:
            zf.writestr(name, change(name, data_))
    return path


def fix_manifest(manifest: bytes, name: str, data: bytes) -> bytes:
    """Make the manifest vouch for changed record bytes, as a forger would."""
    import hashlib
    m = json.loads(manifest)
    for item in m["records"]:
        if item["file"] == name:
            item["file_sha256"], item["bytes"] = hashlib.sha256(data).hexdigest(), len(data)
    return json.dumps(m).encode()


@pytest.mark.parametrize("where", ["manifest", "record"])
def test_import_bundle_refuses_a_bomb_with_exit_2(tmp_path, laptop, capsys, where):
    store = OfficeStore(tmp_path / "office.sqlite3")
    code, _ = store.new_enrollment_code()
    store.enroll(code, laptop.key.device_id, laptop.key.public_key_b64,
                 sign_enrolment(laptop.key, code))
    store.close()
    bombed: dict[str, bytes] = {}

    def change(name: str, data: bytes) -> bytes:
        if where == "manifest" and name == "manifest.json":
            return b'{"format": "heating-inspection-bundle/1", "records": ' + BOMB + b"}"
        if where == "record" and name.startswith("records/") and not bombed:
            bombed[name] = BOMB
            return BOMB
        if name == "manifest.json" and bombed:
            [(bomb_name, bomb)] = bombed.items()
            return fix_manifest(data, bomb_name, bomb)
        return data

    path = bundle_with(tmp_path, laptop, change)
    assert office_main(["--db", str(tmp_path / "office.sqlite3"), "--lang", "en",
                        "import-bundle", str(path)]) == 2
    err = capsys.readouterr().err
    assert "bundle refused" in err and "Traceback" not in err
    if where == "record":
        assert "nests too deeply" in err


def test_a_nul_character_is_refused_on_either_backend_never_a_500(office, link, laptop):
    """PostgreSQL text cannot hold U+0000: a NUL in a filter, an id, a cursor, a login or a
    record is refused with the office's 422/400 on both backends, never stored or a 500."""
    from tests.office.uploaded import supervisor

    [rid] = seal_many(laptop.db, laptop.key, 1)
    env = json.loads(SealedStore(laptop.db).envelope_text(rid))
    env["record"]["visit"]["address"] = "长春市\u0000朝阳区"
    office_shaped(put(office, link, rid, json.dumps(env).encode()), 422, "not_json")
    with supervisor(office, "zhao", "朝阳区") as client:
        office_shaped(client.get("/api/v1/records", params={"company": "a\x00b"}), 422,
                      "invalid_request")
        office_shaped(client.get("/api/v1/records/R%00"), 422, "invalid_request")
        cursor = base64.urlsafe_b64encode(json.dumps(["test_at", "desc", "\x00", "x"]).encode())
        office_shaped(client.get("/api/v1/records", params={"cursor": cursor.decode()}), 422,
                      "bad_cursor")
    office_shaped(httpx.post(f"{office.url}/api/v1/login", timeout=10,
                             json={"name": "zhao\u0000", "password": "password-1"}),
                  422, "invalid_request")
    office_shaped(httpx.get(f"{office.url}/v/R%00", timeout=10), 422, "invalid_request")
    assert office.store.counts()["records"] == 0
    assert put(office, link, rid, SealedStore(laptop.db).envelope_text(rid).encode()) \
        .status_code == 201
