"""Real sealed records uploaded to a live office, and a logged-in supervisor, for office tests."""

from __future__ import annotations

import httpx

from inspector_app.office.auth import hash_password
from inspector_app.sync.client import SyncClient
from tests.sync.factory import seal_many


def upload(office, laptop, n: int) -> list[str]:
    """`n` records on days 1..n of Nov 2026 (four districts, three companies, three inspectors
    in turn); every third passes, the rest fail. Returns their ids in sealing order."""
    link = office.enroll_key(laptop.folder, laptop.key)
    ids: list[str] = []
    for i in range(n):
        temps = (18.4, 18.6) if i % 3 == 0 else (18.4, 17.2)
        ids += seal_many(laptop.db, laptop.key, 1, start=i, temps=temps)
    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == n
    return ids


def supervisor(office, name: str, district: str) -> httpx.Client:
    """A client logged in as a new supervisor account of `district`."""
    office.store.add_user(name, "supervisor", hash_password("password-1"), district)
    answer = httpx.post(f"{office.url}/api/v1/login",
                        json={"name": name, "password": "password-1"})
    assert answer.status_code == 200, answer.text
    return httpx.Client(base_url=office.url, timeout=30,
                        headers={"Authorization": f"Bearer {answer.json()['token']}"})


REFUND_CITATION_ZH = "长春市城乡建设委员会等《长春市居民热用户供热温度检测及退费有关事项的通知》（长城乡联规〔2020〕2号）"


def confirm_refund(office, admin: str = "王科长") -> None:
    """An office administrator confirms Changchun's refund rules against the published notice,
    as the office must before any formal ruling (the admin account is created when missing)."""
    from inspector_app.office.profile_confirmations import confirm

    if office.store.user(admin) is None:
        office.store.add_user(admin, "admin", hash_password("password-1"), None)
    confirm(office.store, "changchun", "refund", REFUND_CITATION_ZH,
            "Changchun notice on temperature tests and refunds (Chang Cheng Xiang Lian Gui "
            "[2020] No. 2)", admin)
