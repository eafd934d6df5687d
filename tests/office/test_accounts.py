"""Accounts: add-user, argon2id hashes, login sessions, district scoping, login throttling."""

from __future__ import annotations

import io
from datetime import timedelta

import httpx
import pytest

from inspector_app.office.cli import main as office_main
from inspector_app.office.store import OfficeStore, secret_hash
from inspector_app.sync.client import SyncClient
from tests.sync.factory import seal_many

PASSWORD = "correct horse 9"


def add_user(db, name, role, district=None, password=PASSWORD, monkeypatch=None):
    monkeypatch.setattr("sys.stdin", io.StringIO(password + "\n"))
    argv = ["--db", str(db), "--lang", "en", "add-user", name, "--role", role,
            "--password-stdin"]
    return office_main(argv + (["--district", district] if district else []))


def login(office, name, password=PASSWORD) -> httpx.Response:
    return httpx.post(f"{office.url}/api/v1/login", json={"name": name, "password": password})


def client(office, token) -> httpx.Client:
    return httpx.Client(base_url=office.url, timeout=10,
                        headers={"Authorization": f"Bearer {token}"})


@pytest.fixture
def accounts(office, monkeypatch):
    assert add_user(office.store.target, "chaoyang", "supervisor", "朝阳区",
                    monkeypatch=monkeypatch) == 0
    assert add_user(office.store.target, "boss", "admin", monkeypatch=monkeypatch) == 0
    return office


@pytest.fixture
def eight(accounts, laptop):
    """Eight records over the four districts (two are 朝阳区)."""
    link = accounts.enroll_key(laptop.folder, laptop.key)
    ids = seal_many(laptop.db, laptop.key, 8)
    with SyncClient(laptop.db, link) as sync:
        assert sync.push_pending().sent == 8
    return ids, link


def test_add_user_hashes_with_argon2id_and_never_takes_the_password_as_argument(
        office_db, monkeypatch, capsys):
    db = office_db
    assert add_user(db, "wang", "supervisor", monkeypatch=monkeypatch) == 2  # no district
    assert "needs --district" in capsys.readouterr().err
    assert add_user(db, "wang", "supervisor", "朝阳区", password="short",
                    monkeypatch=monkeypatch) == 2
    assert add_user(db, "wang", "supervisor", "朝阳区", monkeypatch=monkeypatch) == 0
    assert add_user(db, "wang", "admin", monkeypatch=monkeypatch) == 2  # exists
    assert "already exists" in capsys.readouterr().err
    user = OfficeStore(db).user("wang")
    assert user["role"] == "supervisor" and user["district"] == "朝阳区"
    assert user["password_hash"].startswith("$argon2id$") and PASSWORD not in user["password_hash"]
    with pytest.raises(SystemExit):  # there is no --password option at all
        office_main(["--db", str(db), "add-user", "li", "--role", "admin",
                     "--password", PASSWORD])


def test_login_gives_a_session_stored_only_as_a_hash_with_expiry(accounts, eight):
    answer = login(accounts, "boss")
    assert answer.status_code == 200, answer.text
    body = answer.json()
    assert body["role"] == "admin" and body["expires_at"]
    rows = accounts.store.query("SELECT token_hash, expires_at FROM sessions")
    assert rows == [(secret_hash(body["token"]), rows[0][1])] and body["token"] not in rows[0][0]
    with client(accounts, body["token"]) as boss:
        page = boss.get("/api/v1/records").json()
        assert page["total"] == 8
        rid = page["items"][0]["record_id"]
        assert boss.put(f"/api/v1/records/{rid}/review",
                        json={"state": "approved"}).json()["reviewed_by"] == "boss"
        assert boss.post("/api/v1/logout").status_code == 204
        assert boss.get("/api/v1/records").status_code == 401
    stale, _ = accounts.store.new_session("boss", ttl=timedelta(seconds=-1))
    with client(accounts, stale) as expired:
        assert expired.get("/api/v1/records").status_code == 401


def test_wrong_password_is_401_in_chinese_and_english(accounts):
    wrong = login(accounts, "boss", "not the password")
    assert wrong.status_code == 401
    assert wrong.json()["reason_zh"] == "用户名或密码不正确"
    assert wrong.json()["reason"] == "wrong user name or password"
    unknown = login(accounts, "nobody")
    assert unknown.status_code == 401 and unknown.json() == wrong.json()


def test_supervisor_sees_only_their_district(accounts, eight):
    ids, _link = eight
    token = login(accounts, "chaoyang").json()["token"]
    with client(accounts, token) as sup, accounts.admin() as admin:
        everything = admin.get("/api/v1/records").json()["items"]
        mine = [i["record_id"] for i in everything if i["district"] == "朝阳区"]
        other = next(i["record_id"] for i in everything if i["district"] != "朝阳区")
        page = sup.get("/api/v1/records").json()
        assert sorted(i["record_id"] for i in page["items"]) == sorted(mine) and page["total"] == 2
        assert sup.get("/api/v1/records", params={"district": "南关区"}).json()["items"] == []
        assert sup.get("/api/v1/records", params={"district": "朝阳区"}).json()["total"] == 2
        assert sup.get(f"/api/v1/records/{mine[0]}").status_code == 200
        assert sup.get(f"/api/v1/records/{mine[0]}/envelope").status_code == 200
        for answer in (sup.get(f"/api/v1/records/{other}"),
                       sup.get(f"/api/v1/records/{other}/envelope"),
                       sup.put(f"/api/v1/records/{other}/review", json={"state": "approved"}),
                       sup.post(f"/api/v1/records/{other}/comments", json={"comment": "x"})):
            assert answer.status_code == 404, answer.text
        assert admin.get(f"/api/v1/records/{other}").json()["review_state"] == "received"
        assert sup.put(f"/api/v1/records/{mine[0]}/review",
                       json={"state": "has_issues"}).json()["reviewed_by"] == "chaoyang"


def test_device_token_cannot_read_records(accounts, eight):
    ids, link = eight
    headers = {"Authorization": f"Bearer {link.token}", "X-Device-Id": link.device_id}
    for path in ("/api/v1/records", f"/api/v1/records/{ids[0]}",
                 f"/api/v1/records/{ids[0]}/envelope", "/api/v1/devices"):
        assert httpx.get(f"{accounts.url}{path}", headers=headers).status_code == 401


def test_only_an_admin_revokes_devices(accounts, eight):
    _ids, link = eight
    token = login(accounts, "chaoyang").json()["token"]
    with client(accounts, token) as sup:
        answer = sup.post(f"/api/v1/devices/{link.device_id}/revoke", json={"reason": "x"})
        assert answer.status_code == 403 and answer.json()["reason_zh"]
    assert accounts.store.device(link.device_id).can_upload


def test_add_user_asks_twice_at_a_prompt(tmp_path, monkeypatch, capsys):
    db = tmp_path / "o.sqlite3"
    answers = iter(["password-one", "password-two"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert office_main(["--db", str(db), "--lang", "en", "add-user", "a", "--role",
                        "admin"]) == 2
    assert "differ" in capsys.readouterr().err
    monkeypatch.setattr("getpass.getpass", lambda prompt="": "password-one")
    assert office_main(["--db", str(db), "--lang", "en", "add-user", "a", "--role",
                        "admin"]) == 0
    assert OfficeStore(db).user("a")["role"] == "admin"
