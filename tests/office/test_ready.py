"""`/api/v1/ready`: what a load balancer asks each office process before sending it work."""

from __future__ import annotations

import httpx

from inspector_app.office import schema


def test_ready_names_the_backend_and_the_current_schema(office):
    answer = httpx.get(f"{office.url}/api/v1/ready", timeout=10)
    assert answer.status_code == 200
    assert answer.json() == {"database": office.store.db.dialect, "schema": schema.head()}


def test_a_database_behind_this_office_s_schema_is_not_ready(office):
    with office.store.write() as c:
        c.execute("UPDATE alembic_version SET version_num='0001'")
    answer = httpx.get(f"{office.url}/api/v1/ready", timeout=10)
    assert answer.status_code == 503
    assert answer.json()["error"] == "schema_mismatch" and "0001" in answer.json()["reason_zh"]
    assert httpx.get(f"{office.url}/api/v1/health", timeout=10).status_code == 200
