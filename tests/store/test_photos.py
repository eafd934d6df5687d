"""Photo evidence in the local store: prepared to ≤ 2 MP JPEG, stored by hash, frozen when sealed."""

import hashlib
import io
import sqlite3

import pytest
from hypothesis import given
from hypothesis import strategies as st
from PIL import Image

from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import seal_visit
from inspector_app.store import photos
from inspector_app.store.database import DB_FILENAME, connect
from inspector_app.store.photo_image import MAX_PIXELS, prepare_photo, target_size
from inspector_app.store.visits import VisitStore
from tests.photos_helpers import picture
from tests.seal.helpers import fixed_clock, measured_visit, signatures_for


@pytest.fixture
def db(data_dir):
    database = connect(data_dir / DB_FILENAME)
    database.execute("PRAGMA synchronous=OFF")
    yield database
    database.conn.close()


def test_a_12_megapixel_photo_is_stored_as_at_most_2_megapixel_jpeg(db):
    visit = measured_visit(db, (18.4,))
    original = picture(4000, 3000)  # a 12 MP camera JPEG
    item = photos.attach_photo(db, visit.id, original, kind="thermometer")
    stored = photos.photo_bytes(db, item.sha256)
    assert stored is not None and hashlib.sha256(stored).hexdigest() == item.sha256
    image = Image.open(io.BytesIO(stored))
    assert image.format == "JPEG"
    assert image.width * image.height <= MAX_PIXELS
    assert (image.width, image.height) == (item.width, item.height) == (1632, 1224)
    assert item.size == len(stored)


def test_exif_orientation_is_applied_and_metadata_dropped():
    source = Image.open(io.BytesIO(picture(300, 200)))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise when shown
    exif[0x010F] = "CameraMaker"
    out = io.BytesIO()
    source.save(out, "JPEG", exif=exif)
    prepared = prepare_photo(out.getvalue())
    image = Image.open(io.BytesIO(prepared.data))
    assert image.size == (200, 300)
    assert not image.getexif()


@pytest.mark.parametrize("mode", ["RGBA", "P", "L", "CMYK"])
def test_any_common_mode_becomes_a_jpeg(mode):
    fmt = "JPEG" if mode == "CMYK" else "PNG"
    prepared = prepare_photo(picture(64, 48, fmt=fmt, mode=mode))
    assert Image.open(io.BytesIO(prepared.data)).format == "JPEG"


@pytest.mark.parametrize("data", [b"", b"not an image", picture(64, 48)[:200]])
def test_unreadable_bytes_are_refused_in_both_languages(data):
    with pytest.raises(ValidationError) as exc:
        prepare_photo(data)
    assert "照片" in exc.value.message_zh and "photo" in exc.value.message_en


@given(st.integers(1, 20_000), st.integers(1, 20_000), st.integers(10_000, 5_000_000))
def test_target_size_never_exceeds_the_cap_and_keeps_the_shape(w, h, cap):
    tw, th = target_size(w, h, cap)
    assert tw * th <= cap
    if w * h <= cap:
        assert (tw, th) == (w, h)
    else:
        assert tw <= w and th <= h
        assert (tw + 1) * (th + 1) > cap  # as large as the cap allows
        if min(tw, th) >= 100:
            assert abs((tw / th) / (w / h) - 1) < 0.02


def test_attach_to_room_and_point_checks_they_belong_to_the_visit(db):
    visit = measured_visit(db, (18.4,))
    other = measured_visit(db, (18.4,))
    room, point = visit.rooms[0], visit.rooms[0].points[0]
    item = photos.attach_photo(db, visit.id, picture(), kind="thermometer", room_id=room.id,
                               point_id=point.id, caption="读数 18.4")
    assert item.target == ("point", point.id)
    assert photos.attach_photo(db, visit.id, picture(), kind="radiator",
                               room_id=room.id).target == ("room", room.id)
    with pytest.raises(ProcedureError):
        photos.attach_photo(db, visit.id, picture(), kind="radiator",
                            room_id=other.rooms[0].id)
    with pytest.raises(ProcedureError):
        photos.attach_photo(db, visit.id, picture(), kind="radiator",
                            point_id=other.rooms[0].points[0].id, room_id=room.id)
    with pytest.raises(ValidationError):
        photos.attach_photo(db, visit.id, picture(), kind="selfie")
    # the same picture twice is stored once, linked twice
    assert len(photos.links(db, visit.id)) == 2
    assert db.conn.execute("SELECT count(*) FROM photos").fetchone()[0] == 1


def test_a_file_path_works_and_a_missing_file_is_a_clear_refusal(db, tmp_path):
    visit = measured_visit(db, (18.4,))
    path = tmp_path / "窗户.png"
    path.write_bytes(picture(fmt="PNG"))
    assert photos.attach_photo(db, visit.id, path, kind="windows_closed").kind == "windows_closed"
    with pytest.raises(ValidationError) as exc:
        photos.attach_photo(db, visit.id, tmp_path / "gone.jpg", kind="other")
    assert "gone.jpg" in exc.value.message_zh


def test_detach_before_sealing_removes_unused_bytes(db):
    visit = measured_visit(db, (18.4,))
    item = photos.attach_photo(db, visit.id, picture(), kind="other")
    photos.detach(db, item.id)
    assert photos.links(db, visit.id) == []
    assert photos.photo_bytes(db, item.sha256) is None


def test_photos_of_a_sealed_visit_cannot_change(db):
    visit = measured_visit(db, (18.4, 18.4))  # a bedroom and a living room: sealable
    item = photos.attach_photo(db, visit.id, picture(), kind="windows_closed")
    seal_visit(db, visit.id, signatures_for(visit), DeviceKey.generate(), clock=fixed_clock)
    with pytest.raises(ProcedureError):
        photos.attach_photo(db, visit.id, picture(label="x"), kind="other")
    with pytest.raises(ProcedureError):
        photos.detach(db, item.id)
    for sql, params in [
        ("UPDATE photos SET data=? WHERE sha256=?", (b"x", item.sha256)),
        ("DELETE FROM photos WHERE sha256=?", (item.sha256,)),
        ("UPDATE photo_links SET kind='other' WHERE id=?", (item.id,)),
        ("DELETE FROM photo_links WHERE id=?", (item.id,)),
        ("INSERT INTO photo_links (visit_id, sha256, kind, taken_at) VALUES (?,?,'other','t')",
         (visit.id, item.sha256)),
    ]:
        with pytest.raises(sqlite3.DatabaseError):
            db.conn.execute(sql, params)
    assert photos.links(db, visit.id)[0] == item


def test_more_pixels_than_any_photo_is_refused_before_decoding():
    out = io.BytesIO()
    Image.new("L", (12_000, 11_000)).save(out, "PNG")  # 132 MP of black: a tiny file
    with pytest.raises(ValidationError) as exc:
        prepare_photo(out.getvalue())
    assert "12000×11000" in exc.value.message_en


def test_a_discarded_draft_takes_no_photos_and_keeps_the_ones_it_has(db):
    visit = measured_visit(db, (18.4,))
    item = photos.attach_photo(db, visit.id, picture(), kind="windows_closed")
    VisitStore(db).discard(visit.id)
    with pytest.raises(ProcedureError) as exc:
        photos.attach_photo(db, visit.id, picture(label="x"), kind="other")
    assert "放弃" in exc.value.message_zh and "discarded" in exc.value.message_en
    with pytest.raises(ProcedureError):
        photos.detach(db, item.id)
    assert [p.sha256 for p in photos.links(db, visit.id)] == [item.sha256]
