"""The office's answers outside its happy paths, and what its OpenAPI document declares.

Every refusal is `{error, reason, reason_zh}` (also FastAPI's own: 404, 405, unreadable body,
validation); bodies are bounded before parsing; enumerated parameters are declared as enums."""

from __future__ import annotations

import httpx
import pytest

from inspector_app.office.auth import hash_password
from inspector_app.office.bounded_body import LIMIT_KEY, MAX_REQUEST_BYTES


def office_shaped(answer: httpx.Response, status: int, error: str | None = None) -> dict:
    assert answer.status_code == status, answer.text[:300]
    assert answer.headers["content-type"].startswith("application/json")
    body = answer.json()
    assert "detail" not in body
    assert body["error"] and body["reason"] and body["reason_zh"], body
    if error is not None:
        assert body["error"] == error, body
    return body


@pytest.fixture
def session(office):
    office.store.add_user("chief", "admin", hash_password("password-1"), None)
    token = httpx.post(f"{office.url}/api/v1/login",
                       json={"name": "chief", "password": "password-1"}).json()["token"]
    with httpx.Client(base_url=office.url, timeout=30,
                      headers={"Authorization": f"Bearer {token}"}) as client:
        yield client


def test_unknown_path_and_wrong_method_answer_in_the_office_shape(office, session):
    office_shaped(session.get("/api/v1/nothing-here"), 404, "not_found")
    options = session.request("OPTIONS", "/api/v1/records/some-id")
    office_shaped(options, 405, "method_not_allowed")
    assert set(options.headers["allow"].split(", ")) == {"GET", "PUT"}  # once only PUT
    delete = session.delete("/api/v1/records/export")
    office_shaped(delete, 405)
    assert delete.headers["allow"] == "GET"  # the concrete path, not /records/{record_id}


@pytest.mark.parametrize(("body", "status", "error"), [
    (b"\xff\xfe\x00{", 400, "bad_body"),
    (b"[" * 60_000, 400, "bad_body"),
    (b'{"name": ' * 5_000, 400, "bad_body"),
    (b'{"name": "a", "password": "' + b"x" * MAX_REQUEST_BYTES + b'"}', 413, "too_large"),
    (b'{"name": "a"', 400, "bad_body"),
    (b'{"name": "a"}', 422, "invalid_request"),
])
def test_an_unreadable_body_is_refused_before_parsing(office, body, status, error):
    answer = httpx.post(f"{office.url}/api/v1/login", content=body,
                        headers={"Content-Type": "application/json"})
    office_shaped(answer, status, error)


def test_an_oversized_body_without_a_length_is_refused_while_streaming(office):
    def chunks():
        for _ in range(10):
            yield b"x" * (MAX_REQUEST_BYTES // 4)

    answer = httpx.post(f"{office.url}/api/v1/login", content=chunks(),
                        headers={"Content-Type": "application/json"})
    office_shaped(answer, 413, "too_large")


@pytest.mark.parametrize("params", [{"date_to": "0"}, {"date_from": "1700000000"},
                                    {"date_to": "2026-13-01"}, {"offset": str(10**22)}])
def test_list_parameters_are_what_they_say(session, params):
    office_shaped(session.get("/api/v1/records", params=params), 422)


def test_review_state_and_season_outside_their_enums_are_422(session, office, laptop):
    from tests.office.uploaded import upload
    [rid] = upload(office, laptop, 1)
    office_shaped(session.put(f"/api/v1/records/{rid}/review", json={"state": "received"}),
                  422, "bad_state")
    assert session.put(f"/api/v1/records/{rid}/review",
                       json={"state": "approved"}).status_code == 200
    office_shaped(session.get("/api/v1/companies/stats", params={"season": "2025-2027"}), 422,
                  "bad_season")
    assert session.get("/api/v1/companies/stats", params={"season": "2025-2026"}) \
        .status_code == 200


def parameter(doc: dict, path: str, method: str, name: str) -> dict:
    [found] = [p for p in doc["paths"][path][method]["parameters"] if p["name"] == name]
    schema = found["schema"]
    return next((s for s in schema.get("anyOf", []) if s.get("type") != "null"), schema)


def test_the_document_declares_enums_dates_and_every_refusal(office):
    doc = httpx.get(f"{office.url}/openapi.json").json()
    records = "/api/v1/records"
    assert set(parameter(doc, records, "get", "sort")["enum"]) >= {"test_at", "company"}
    assert parameter(doc, records, "get", "order")["enum"] == ["desc", "asc"]
    assert parameter(doc, records, "get", "date_to")["format"] == "date"
    assert "2025-2026" in parameter(doc, "/api/v1/companies/stats", "get", "season")["enum"]
    review = doc["paths"]["/api/v1/records/{record_id}/review"]["put"]
    state = doc["components"]["schemas"][
        review["requestBody"]["content"]["application/json"]["schema"]["$ref"].split("/")[-1]
    ]["properties"]["state"]
    assert state["enum"] == ["approved", "has_issues", "rejected"]
    error_ref = "#/components/schemas/OfficeError"
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            refusals = {code for code in op["responses"] if code[0] in "45"}
            if path != "/api/v1/health":
                assert refusals, (method, path)
            for code in refusals:
                schema = op["responses"][code]["content"]["application/json"]["schema"]
                assert schema == {"$ref": error_ref}, (method, path, code)
    for path in ("/api/v1/records", "/api/v1/records/{record_id}", "/api/v1/devices",
                 "/api/v1/rulings/{ruling_no}", "/api/v1/chain-problems"):
        assert "401" in doc["paths"][path]["get"]["responses"], path
    assert "404" in doc["paths"]["/api/v1/records/{record_id}"]["get"]["responses"]
    assert "403" in doc["paths"]["/api/v1/devices"]["get"]["responses"]
    assert "400" in doc["paths"]["/api/v1/login"]["post"]["responses"]
    assert "503" in doc["paths"]["/api/v1/ready"]["get"]["responses"]
    assert parameter(doc, records, "get", "company")["pattern"] == "^[^\\x00]*$"
    for path in ("/api/v1/records/{record_id}", "/api/v1/records/{record_id}/envelope"):
        assert "ambiguous_record" in doc["paths"][path]["get"]["responses"]["409"]["description"]
    for path, method in (("/api/v1/records/{record_id}/review", "put"),
                         ("/api/v1/records/{record_id}/comments", "post"),
                         ("/api/v1/records/{record_id}/rulings", "post")):
        assert "ambiguous_record" in doc["paths"][path][method]["responses"]["409"]["description"]
    tickets = "/api/v1/tickets"
    assert set(parameter(doc, tickets, "get", "state")["enum"]) >= {"received", "assigned",
                                                                     "unreachable"}
    assert "400" in doc["paths"][tickets]["get"]["responses"]
    assert doc["paths"][tickets]["post"][LIMIT_KEY] > MAX_REQUEST_BYTES
    assign = doc["paths"][f"{tickets}/{{channel}}/{{ticket}}/assignment"]["post"]["responses"]
    for code, words in (("404", "no_such_ticket"), ("409", "no_live_laptop"),
                        ("422", "other_district")):
        assert words in assign[code]["description"]
    assert "bad_transition" in doc["paths"][f"{tickets}/{{channel}}/{{ticket}}/events"][
        "post"]["responses"]["409"]["description"]
    assert "401" in doc["paths"]["/api/v1/inspectors"]["get"]["responses"]
    enrol = doc["paths"]["/api/v1/enrollments"]["post"]["responses"]
    assert "proof_invalid" in enrol["403"]["description"]
    assert "already_enrolled" in enrol["409"]["description"]
    photo = doc["paths"]["/api/v1/photos/{sha256}"]
    assert parameter(doc, "/api/v1/photos/{sha256}", "get", "sha256")["pattern"] == \
        "^[0-9a-f]{64}$"
    assert {"200", "201", "401", "413", "422"} <= set(photo["put"]["responses"])
    assert {"401", "404", "422"} <= set(photo["get"]["responses"])


def test_every_parameter_and_answer_of_the_cases_routes_is_described(office):
    """/api/v1/cases*: each parameter says what it is and each answer what it holds (not
    FastAPI's "Successful Response")."""
    doc = httpx.get(f"{office.url}/openapi.json").json()
    routes = {p: ops for p, ops in doc["paths"].items() if p.startswith("/api/v1/cases")}
    assert len(routes) == 6, sorted(routes)
    for path, ops in routes.items():
        for method, op in ops.items():
            for p in op.get("parameters", []):
                assert p.get("description"), (method, path, p["name"])
            for code, answer in op["responses"].items():
                assert answer.get("description") not in (None, "", "Successful Response"), (
                    method, path, code)


def test_enrolment_fields_are_checked_before_the_code_is_looked_at(office):
    """A proof, key or device id that is not even shaped right is a 422 in the office's shape,
    and the code stays unspent for the real laptop."""
    from inspector_app.seal.device_key import DeviceKey
    from inspector_app.seal.enrolment_proof import sign_enrolment

    code, _ = office.store.new_enrollment_code()
    key = DeviceKey.generate()
    good = {"code": code, "device_id": key.device_id, "public_key": key.public_key_b64,
            "proof": sign_enrolment(key, code)}
    for field, value in (("proof", "not base64!"), ("proof", "A" * 300),
                         ("device_id", key.device_id.upper()), ("public_key", "x" * 44)):
        answer = httpx.post(f"{office.url}/api/v1/enrollments", json={**good, field: value})
        assert field in office_shaped(answer, 422, "invalid_request")["reason"]
    assert httpx.post(f"{office.url}/api/v1/enrollments", json=good).status_code == 201


def test_a_photo_address_that_is_not_lower_case_hex_is_422(office, session):
    upper = "A" * 64
    office_shaped(session.get(f"/api/v1/photos/{upper}"), 422, "invalid_request")
    office_shaped(httpx.put(f"{office.url}/api/v1/photos/{upper}", content=b"\xff\xd8\xff"),
                  422, "invalid_request")


def test_every_json_body_is_bounded_before_anything_else(office):
    """Each operation that takes a JSON body refuses an oversized one with 413 before it even
    looks at the credential: a router added without `route_class=BoundedJsonRoute` would
    buffer and parse it (and answer 401 or 422 instead)."""
    doc = httpx.get(f"{office.url}/openapi.json").json()
    checked = []
    for path, methods in doc["paths"].items():
        for method, op in methods.items():
            if "application/json" not in op.get("requestBody", {}).get("content", {}) \
                    or path == "/api/v1/records/{record_id}":  # the upload reads its own body
                continue
            limit = op.get(LIMIT_KEY, MAX_REQUEST_BYTES)     # a route may declare its own
            assert MAX_REQUEST_BYTES <= limit <= 8 * 1024 * 1024, (path, limit)
            big = b'{"comment": "' + b"x" * (limit + 1) + b'"}'
            url = office.url + path.replace("{channel}", "12345").replace("{", "").replace(
                "}", "")
            office_shaped(httpx.request(method, url, content=big,
                                        headers={"Content-Type": "application/json"}),
                          413, "too_large")
            checked.append(path)
    assert len(checked) >= 9, checked
    assert "/api/v1/tickets/{channel}/{ticket}/events" in checked


def test_a_deeply_nested_cursor_is_a_422_not_a_server_error(session):
    """A cursor is base64 of JSON from the client: 1,400 `[` once reached Python's recursive
    parser and ended in a RecursionError (500)."""
    import base64

    deep = base64.urlsafe_b64encode(b"[" * 1400).decode("ascii").rstrip("=")
    office_shaped(session.get("/api/v1/records", params={"cursor": deep}), 422, "bad_cursor")
