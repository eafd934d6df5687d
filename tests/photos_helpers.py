"""Pictures for photo-evidence tests, drawn with Pillow (no files from outside)."""

from __future__ import annotations

import io

from PIL import Image, ImageDraw


def picture(width: int = 640, height: int = 480, fmt: str = "JPEG", label: str = "18.4",
            mode: str = "RGB") -> bytes:
    """A gradient with some text: compresses like a photo, decodes quickly at any size."""
    gradient = Image.linear_gradient("L").resize((width, height))
    image = Image.merge("RGB", (gradient, gradient.transpose(Image.Transpose.FLIP_LEFT_RIGHT),
                                gradient.rotate(90, expand=False)))
    ImageDraw.Draw(image).text((width // 3, height // 3), label, fill=(255, 0, 0))
    if mode != "RGB":
        image = image.convert(mode)
    out = io.BytesIO()
    image.save(out, fmt)
    return out.getvalue()


def seal_with_photos(db, key, i: int = 0, labels: tuple[str, ...] = ("18.4", "窗")) -> tuple[
        str, list[str]]:
    """A sealed record (as `tests.sync.factory.seal_new`) with one photo per label: the first on
    the first room's point, the rest on the visit. Returns (record id, photo hashes)."""
    from datetime import timedelta

    from inspector_app.seal.record import seal_visit
    from inspector_app.store import photos
    from inspector_app.store.visits import VisitStore
    from tests.sync.factory import make_visit, profile, signatures

    visit = make_visit(i)
    VisitStore(db).import_measured(visit)
    room = visit.rooms[0]
    hashes = []
    for n, label in enumerate(labels):
        on_point = {"room_id": room.id, "point_id": room.points[0].id} if n == 0 else {}
        item = photos.attach_photo(db, visit.id, picture(label=f"{label}-{i}"),
                                   kind="thermometer" if n == 0 else "windows_closed",
                                   **on_point)
        hashes.append(item.sha256)
    seal_visit(db, visit.id, signatures(), key, profile=profile(),
               clock=lambda: visit.test_at + timedelta(minutes=20))
    return visit.id, hashes
