"""The sealed envelope's shape (docs/record-format.md) as pydantic models, checked before use.

Why pydantic rather than the jsonschema library: pydantic is already installed with FastAPI
(no new runtime dependency), validates in compiled code, reports every fault with its path, and
still gives the JSON Schema document (`envelope_json_schema()`) for anyone who wants one. The
models only *check*: the caller keeps the parsed dict it hashes, so validation can never change
a value that the hash covers.

Strict types (a string is not a number, true is not 1), finite numbers, bounded strings and
lists. Objects whose every key the format fixes (envelope, record, device, chain, signature,
refusal, supersedes, each cited photo, the visit's ticket_ref) refuse unknown keys; the visit, result and profile allow extra keys, so a
field added by a later version of the app is not refused by an office one version behind
(the hash and signature still cover it).

`read_envelope(data, max_bytes)` is the one entry point for an envelope from outside: bounded
JSON (`bounded_json.read_json`), then this shape. Refusals are `RecordShapeError` (both
languages, with the first faults' paths).
"""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, ConfigDict, Field, StringConstraints
from pydantic import ValidationError as PydanticError

from inspector_app.bounded_json import JsonInputError, read_json
from inspector_app.core.errors import InspectionError
from inspector_app.store.schema_photos import PHOTO_KINDS

Id = Annotated[str, StringConstraints(min_length=1, max_length=80)]
Short = Annotated[str, StringConstraints(max_length=200)]
Text = Annotated[str, StringConstraints(max_length=20_000)]
Time = Annotated[str, StringConstraints(max_length=40)]
Hex64 = Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{64}$")]
DecimalText = Annotated[str, StringConstraints(max_length=40)]
Number = Annotated[float, Field(allow_inf_nan=False)]
Count = Annotated[int, Field(ge=0, le=2**53)]


class _Fixed(BaseModel):
    """Every key known: anything else is refused."""

    model_config = ConfigDict(strict=True, extra="forbid", allow_inf_nan=False)


class _Open(BaseModel):
    """Known keys checked; keys of a later app version allowed."""

    model_config = ConfigDict(strict=True, extra="allow", allow_inf_nan=False)


class SignatureShape(_Fixed):
    signer_name: Short
    role: Literal["inspector", "resident", "witness"]
    signed_at: Time
    statement_zh: Short
    box: Annotated[list[Count], Field(min_length=2, max_length=2)]
    strokes: Annotated[list[Annotated[list[Annotated[list[Number], Field(min_length=4,
                                                                         max_length=4)]],
                                      Field(max_length=100_000)]],
                       Field(max_length=5_000)]


class RefusalShape(_Fixed):
    reason: Text
    witness_name: Short = ""
    witness_role: Short = ""
    witness: SignatureShape | None = None


class SignaturesShape(_Fixed):
    inspector: SignatureShape
    resident: SignatureShape | None = None
    refusal: RefusalShape | None = None


class SampleShape(_Open):
    value_c: Number
    raw_c: Number
    t_offset_s: Number
    t_wall: Time
    captured: Count = 0
    manual: bool = False
    reason: Text = ""
    flags: Annotated[list[Short], Field(max_length=50)] = []


class PointShape(_Open):
    id: Id
    index: Count
    stable_at_s: Number | None = None
    samples: Annotated[list[SampleShape], Field(max_length=100_000)]


class RoomShape(_Open):
    id: Id
    kind: Short
    name: Short
    area_m2: Number
    points: Annotated[list[PointShape], Field(max_length=200)]


class AddressShape(_Open):
    city: Short = ""
    district: Short = ""
    street: Short = ""
    community: Short = ""
    building: Short = ""
    unit: Short = ""
    flat: Short = ""


class InstrumentShape(_Open):
    model: Short = ""
    serial: Short = ""
    certificate_no: Short = ""
    certificate_expiry: Time | None = None
    correction_c: Number = 0.0
    protocol: Short = ""
    port: Short = ""


class TicketRefShape(_Fixed):
    """The dispatched ticket a visit answers, as the office signed it (all keys signed over
    but `key_id`, which names the office key; nothing unsigned may ride along)."""

    channel: Short
    ticket: Short
    revision: Annotated[int, Field(ge=1, le=2**53)]
    digest: Hex64
    complaint_at: Time
    key_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    signature: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class VisitShape(_Open):
    id: Id
    profile_name: Short
    profile_version: Short
    training: bool = False
    ticket: Short = ""
    channel: Short = ""
    address: AddressShape = AddressShape()
    resident_name: Short = ""
    resident_phone: Short = ""
    heated_area_m2: Number = 0.0
    company: Short = ""
    position: Annotated[list[Short], Field(max_length=20)] = []
    complaint_at: Time | None = None
    contact_at: Time | None = None
    arrival_at: Time | None = None
    test_at: Time | None = None
    outdoor_temp_c: Number | None = None
    inspector: Short = ""
    inspector_org: Short = ""
    instrument: InstrumentShape = InstrumentShape()
    preconditions: Annotated[dict[Short, bool], Field(max_length=100)] = {}
    closed_since: Time | None = None
    exemptions: Annotated[list[Short], Field(max_length=100)] = []
    notes: Text = ""
    supersedes: Id | None = None
    supersede_reason: Text = ""
    rooms: Annotated[list[RoomShape], Field(max_length=200)]
    # absent for a walk-in visit (so records from before tickets keep their bytes)
    ticket_ref: TicketRefShape | None = None


class ResultPointShape(_Open):
    index: Count
    readings: Annotated[list[DecimalText], Field(max_length=1_000)]
    mean: DecimalText | None = None
    manual: bool = False


class ResultRoomShape(_Open):
    room_id: Id
    kind: Short
    name: Short
    area_m2: Number
    points_required: Count
    mean: DecimalText | None = None
    verdict: Short
    band_share: DecimalText | None = None
    refund_per_day: DecimalText | None = None
    points: Annotated[list[ResultPointShape], Field(max_length=200)]


class ResultShape(_Open):
    verdict: Short
    lowest_room_id: Id | None = None
    failing_area_m2: DecimalText | None = None
    daily_fee_per_m2: DecimalText | None = None
    refund_per_day: DecimalText | None = None
    notes: Annotated[list[Text], Field(max_length=100)] = []
    rooms: Annotated[list[ResultRoomShape], Field(max_length=200)]


class ProfileShape(_Open):
    name: Short
    version: Short
    title_zh: Short = ""
    min_temp_c: DecimalText
    sources: Annotated[dict[Short, Text], Field(max_length=100)] = {}


class DeviceShape(_Fixed):
    device_id: Annotated[str, StringConstraints(pattern=r"^[0-9a-f]{16}$")]
    public_key: Annotated[str, StringConstraints(min_length=1, max_length=100)]


class ChainShape(_Fixed):
    seq: Annotated[int, Field(ge=1, le=2**53)]
    prev_sha256: Hex64 | None


class SupersedesShape(_Fixed):
    record_id: Id
    reason: Text


class PhotoTargetShape(_Fixed):
    type: Literal["visit", "room", "point"]
    id: Id


class PhotoShape(_Fixed):
    """One photo the record cites (docs/record-format.md "Photos"); the bytes are not here."""

    sha256: Hex64
    size: Annotated[int, Field(ge=1, le=2**53)]
    mime: Literal["image/jpeg"]
    width: Count
    height: Count
    kind: Literal[PHOTO_KINDS]  # type: ignore[valid-type]
    caption: Short
    taken_at: Time
    attached_to: PhotoTargetShape


class RecordShape(_Fixed):
    format: Literal["heating-inspection-record/1"]
    record_id: Id
    training: bool
    visit: VisitShape
    result: ResultShape
    profile: ProfileShape
    signatures: SignaturesShape
    device: DeviceShape
    chain: ChainShape
    sealed_at: Time
    supersedes: SupersedesShape | None
    # absent when the visit has no photos (never null, never empty): such a record keeps the
    # form it had before photos existed
    photos: Annotated[list[PhotoShape], Field(min_length=1, max_length=10_000)] = []


class EnvelopeShape(_Fixed):
    record: RecordShape
    sha256: Hex64
    signature: Annotated[str, StringConstraints(min_length=1, max_length=200)]


class RecordShapeError(InspectionError):
    """An envelope that is not JSON, too large or deep, or not shaped as a sealed record."""


class PhotoListShapeError(RecordShapeError):
    """A sealed record whose only faults are in its `photos` list (the office: `bad_photos`)."""


def _where(exc: PydanticError, limit: int = 3) -> str:
    faults = exc.errors(include_url=False, include_input=False)
    shown = "; ".join(".".join(str(p) for p in e["loc"]) + f": {e['msg']}" for e in faults[:limit])
    return shown + (f" (+{len(faults) - limit})" if len(faults) > limit else "")


def check_envelope(value: Any) -> dict[str, Any]:
    """`value` itself if it is shaped as a sealed envelope, else RecordShapeError."""
    try:
        EnvelopeShape.model_validate(value)
    except PydanticError as exc:
        where = _where(exc)
        photos_only = all(tuple(e["loc"][:2]) == ("record", "photos") for e in exc.errors())
        if photos_only:
            raise PhotoListShapeError(f"记录的照片列表格式错误：{where}",
                                      f"the record's photo list is malformed: {where}",
                                      field="record.photos") from exc
        raise RecordShapeError(f"不是格式正确的签封记录：{where}",
                               f"not a well-formed sealed record: {where}",
                               field="record") from exc
    return value


def read_envelope(data: bytes | str, max_bytes: int) -> dict[str, Any]:
    """An envelope from outside (upload, bundle, stored file): bounded JSON, then its shape."""
    try:
        value = read_json(data, max_bytes=max_bytes, what_zh="签封记录", what_en="the record")
    except JsonInputError as exc:
        raise RecordShapeError(exc.message_zh, exc.message_en, field="record") from exc
    return check_envelope(value)


def envelope_json_schema() -> dict[str, Any]:
    """The envelope's JSON Schema (draft 2020-12), for documentation and other tools."""
    return EnvelopeShape.model_json_schema()
