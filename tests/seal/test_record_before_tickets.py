"""A record sealed before tickets existed keeps its bytes, hash and signature.

`fixtures/walk_in_record.json` was sealed by the code of the commit before `Visit.ticket_ref`
(a walk-in visit of tests/sync/factory.py, a fixed key). The visit model, the record shape and
the verifier of today must read it, write its visit back to the same bytes, and verify it.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from inspector_app.core.model import Visit
from inspector_app.seal.canonical import canonical_bytes, normalised
from inspector_app.seal.record_schema import check_envelope
from inspector_app.seal.verify import verify_envelope

FIXTURE = Path(__file__).parent / "fixtures" / "walk_in_record.json"
SHA256 = "153cec8e20e717ccc19796de48f198e23e1f630e10bf4f0934459163fee598b8"


def test_an_old_record_hashes_and_verifies_as_it_did() -> None:
    envelope = check_envelope(json.loads(FIXTURE.read_text(encoding="utf-8")))
    record = envelope["record"]
    assert "ticket_ref" not in record["visit"]
    assert hashlib.sha256(canonical_bytes(record)).hexdigest() == SHA256 == envelope["sha256"]
    assert verify_envelope(envelope, trusted_public_key_b64=record["device"]["public_key"]) == []
    # the visit model of today writes the old visit back byte for byte
    rebuilt = normalised({**record, "visit": Visit.from_dict(record["visit"]).to_dict()})
    assert hashlib.sha256(canonical_bytes(rebuilt)).hexdigest() == SHA256
