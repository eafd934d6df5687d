"""The office against its own OpenAPI document: schemathesis, every check, three surfaces.

A live office (uvicorn on 127.0.0.1, real records uploaded by a real laptop) is tested
in-process by schemathesis' own runner (`st run`, through click's test runner) with every check
on (`--checks all`: not_a_server_error, status_code_conformance, content_type_conformance,
response_headers_conformance, response_schema_conformance, negative_data_rejection,
positive_data_acceptance, unsupported_method, allow_header_conformance, use_after_free, ...)
and every phase (examples, coverage, fuzzing, stateful), for the public surface (no
credential), the device surface (an enrolled laptop's token) and the supervisor surface (a
logged-in admin's session). Any 5xx or any answer the document does not describe fails.

What the document cannot say, and so is allowed a 422 for a well-formed request
(`positive_data_acceptance`), each for one reason:
- enrolment: the device id must be derived from the public key;
- upload: a generated envelope cannot carry a valid hash and device signature;
- the record list: a cursor is only valid as the office made it (for that sort and order);
- a ruling: the failing days may not pass the record's profile's season length, and only a
  verified record of the office's own can be ruled on;
- the laptops' feed: a cursor is only valid as the office made it for that laptop (400
  `bad_cursor`: made up, altered or another's);
- a photo upload: the bytes must be a JPEG whose SHA-256 is the address, and no generator
  makes bytes for a given hash (the device surface tests it; a supervisor fetching a photo
  gets the real ones, offered from the records, or a 404);
- tickets: the list's cursor is only valid as the office made it (400 `bad_cursor`); an
  assignment needs an inspector of the ticket's district with a live laptop, and an event
  needs the ticket's state to allow it and the data its kind names (the core's rules);
- company events: a stop may not overlap one entered nor lie in the future, a heating period's
  days must fall in its season, a penalty notice needs a late start or early stop to fine;
- monitoring points: the address must name a household (a community or street, and a building
  or flat), the calibration correction lie within ±10 °C, and a removal not precede the
  installation; a point's days and readings are asked for at most 400 days at a time, `from`
  a day or a time with its zone (reached once a real point is offered: `CC-1`).
A batch of monitoring readings over 4 MiB is refused by its size (413) before its key or its
shape is read, so a malformed batch that large answers 413, not 400 or 401.
The examples are few and the seed fixed so a run takes well under two minutes on two cores.
"""

from __future__ import annotations

import re

import httpx
import pytest
from click.testing import CliRunner
from schemathesis.cli import schemathesis as st

from inspector_app.office.auth import hash_password
from inspector_app.sync.client import SyncClient
from inspector_app.sync.config import load_link
from tests.office.ticket_helpers import add_inspector, raw_ticket
from tests.office.uploaded import upload
from tests.photos_helpers import seal_with_photos

MAX_EXAMPLES = 12
SEED = 19
SEMANTIC_422 = ("/api/v1/enrollments", "/api/v1/records/{record_id}", "/api/v1/records",
                "/api/v1/records/{record_id}/rulings", "/api/v1/photos/{sha256}",
                "/api/v1/cases/{case_id}/rulings",
                "/api/v1/tickets", "/api/v1/tickets/{channel}/{ticket}/assignment",
                "/api/v1/tickets/{channel}/{ticket}/events",
                "/api/v1/company-stops", "/api/v1/company-stops/{stop_id}/withdraw",
                "/api/v1/heating-periods", "/api/v1/heating-periods/{period_id}",
                "/api/v1/heating-periods/{period_id}/penalty-notices",
                "/api/v1/cases", "/api/v1/cases/{case_id}/events",
                "/api/v1/cases/{case_id}/withdraw", "/api/v1/households/merge",
                "/api/v1/households/split", "/api/v1/points/{point_id}",
                "/api/v1/points/{point_id}/removal", "/api/v1/points/{point_id}/daily",
                "/api/v1/points/{point_id}/readings")
SEMANTIC_400 = ("/api/v1/assignments",)
# The readings' body is measured before anything else (a platform's batch of over 4 MiB is
# refused before its key is looked at): a request malformed *and* too large is rightly a 413,
# which schemathesis' negative-data check does not expect by default.
REJECTED_BY_SIZE = ("/api/v1/monitoring/readings",)
NEGATIVE_REJECTED = ["400", "401", "403", "404", "405", "406", "409", "413", "415", "422",
                     "428", "429"]
EXPECTED_WELL_FORMED = ["2xx", "3xx", "401", "403", "404", "409", "422", "429"]
# A cursor is only valid as the office made it: the tickets list says so with a 400.
EXTRA_WELL_FORMED = {"/api/v1/tickets": ["400"]}


def config_file(tmp_path, known: dict[str, list[str]]) -> str:
    """The run's configuration; `known` real values per path parameter are offered half the
    time (a schemathesis dictionary), so requests reach records as well as 404s."""
    path = tmp_path / "schemathesis.toml"
    lines = [f"seed = {SEED}", "color = false", "cache.enabled = false",  # no state between runs
             f"generation.max-examples = {MAX_EXAMPLES}", ""]
    for name, values in known.items():
        lines += [f"dictionaries.{name}.values = {values}",
                  f'parameters."path.{name}" = {{ dictionary = "{name}", probability = 0.5 }}',
                  ""]
    for op in SEMANTIC_422:  # an operation's own block starts from the defaults: bound it again
        lines += ["[[operations]]", f'include-path = "{op}"',
                  f"generation.max-examples = {MAX_EXAMPLES}",
                  "checks.positive_data_acceptance.expected-statuses = "
                  f"{EXPECTED_WELL_FORMED + EXTRA_WELL_FORMED.get(op, [])}",
                  ""]
    for op in SEMANTIC_400:
        lines += ["[[operations]]", f'include-path = "{op}"',
                  f"generation.max-examples = {MAX_EXAMPLES}",
                  "checks.positive_data_acceptance.expected-statuses = "
                  f"{[*EXPECTED_WELL_FORMED, '400']}", ""]
    for op in REJECTED_BY_SIZE:
        lines += ["[[operations]]", f'include-path = "{op}"',
                  f"generation.max-examples = {MAX_EXAMPLES}",
                  f"checks.negative_data_rejection.expected-statuses = {NEGATIVE_REJECTED}",
                  ""]
    path.write_text("\n".join(lines).replace("'", '"'), encoding="utf-8")
    return str(path)


def run_schemathesis(office, tmp_path, headers: dict[str, str], *selection: str,
                     known: dict[str, list[str]] | None = None) -> str:
    args = ["--config-file", config_file(tmp_path, known or {}), "run",
            f"{office.url}/openapi.json",
            "--checks", "all", "--phases", "examples,coverage,fuzzing,stateful",
            "--max-examples", str(MAX_EXAMPLES), "--workers", "1",
            "--request-timeout", "30", "--report-dir", str(tmp_path / "reports"),
            *selection]
    for name, value in headers.items():
        args += ["-H", f"{name}: {value}"]
    result = CliRunner().invoke(st, args, catch_exceptions=False)
    assert result.exit_code == 0, result.output[-12_000:]
    selected = re.search(r"Selected: (\d+)/\d+\s+Tested: (\d+)", result.output)
    assert selected and selected[1] == selected[2] != "0", result.output[-3_000:]
    return result.output


@pytest.fixture
def office_with_records(office, laptop):
    """Four real records and one citing two photos, sealed and uploaded (photos too) by an
    enrolled laptop; the photo hashes are kept on the office object for the dictionaries."""
    upload(office, laptop, 4)
    _, office.photo_hashes = seal_with_photos(laptop.db, laptop.key, 4)
    with SyncClient(laptop.db, load_link(laptop.folder)) as client:
        report = client.push_pending()
    assert report.sent == 1 and report.photos_sent == 2, report.summary("en")
    return office


pytestmark = pytest.mark.slow


def test_public_surface(office_with_records, tmp_path):
    """No credential: health and the OpenAPI document answer, enrolment and login refuse in
    the documented ways, everything else is a documented 401."""
    run_schemathesis(office_with_records, tmp_path, {})


def test_device_surface(office_with_records, laptop, tmp_path):
    link = load_link(laptop.folder)  # enrolled once: a second enrolment needs an admin's leave
    run_schemathesis(office_with_records, tmp_path,
                     {"Authorization": f"Bearer {link.token}", "X-Device-Id": link.device_id},
                     "--include-name", "PUT /api/v1/records/{record_id}",
                     "--include-name", "PUT /api/v1/photos/{sha256}",
                     "--include-name", "GET /api/v1/assignments",
                     "--include-name", "POST /api/v1/ticket-events",
                     known={"sha256": office_with_records.photo_hashes})


def test_supervisor_surface(office_with_records, laptop, tmp_path):
    office = office_with_records
    office.store.add_user("reviewer", "admin", hash_password("password-1"), None)
    login = httpx.post(f"{office.url}/api/v1/login",
                       json={"name": "reviewer", "password": "password-1"})
    assert login.status_code == 200, login.text
    ids = [r["record_id"] for r in office.admin().get("/api/v1/records").json()["items"]]
    add_inspector(office.store, "li")
    with office.admin() as admin:
        assert admin.post("/api/v1/tickets", json={"tickets": [
            raw_ticket(n) for n in ("A1", "A2")]}).status_code == 200
        assert admin.post("/api/v1/tickets/12345/A1/assignment",
                          json={"inspector": "li"}).status_code == 200
        assert admin.put("/api/v1/points/CC-1", json={
            "district": "朝阳区", "community": "绿园小区", "building": "3", "flat": "501",
            "room_kind": "客厅", "company": "长春热力", "installed_on": "2026-10-01"}
                         ).status_code == 200
    run_schemathesis(office, tmp_path, {"Authorization": f"Bearer {login.json()['token']}"},
                     "--exclude-path", "/api/v1/logout", "--exclude-path", "/api/v1/login",
                     "--exclude-path", "/api/v1/enrollments",
                     "--exclude-name", "PUT /api/v1/photos/{sha256}",  # a device's: tested above
                     known={"record_id": ids, "device_id": [laptop.key.device_id],
                            "sha256": office.photo_hashes, "ticket": ["A1", "A2"],
                            "point_id": ["CC-1"]})
