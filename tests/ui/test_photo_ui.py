"""Photos in the app: the inspector attaches one where they are; the supervisor sees thumbnails
fetched from a real office off the GUI thread, and a photo the office lacks is said to be missing.
"""

from __future__ import annotations

import httpx
from ui_helpers import prepared_visit, shot

from inspector_app.office.auth import hash_password
from inspector_app.review.client import ReviewSession
from inspector_app.store import photos
from inspector_app.store.sealed import SealedStore
from inspector_app.ui.qt import multimedia_available
from inspector_app.ui.supervisor.record_detail import TAB_PHOTOS
from inspector_app.ui.visit.photo_attach import photo_target
from inspector_app.ui.visit.wizard import MEASURE, ROOMS
from tests.photos_helpers import picture, seal_with_photos

PASSWORD = "correct horse 7"


def test_attach_a_photo_to_the_point_being_measured(window, ctx, qtbot):
    visit = prepared_visit(ctx, rooms=(("bedroom", "卧室1", 12.0), ("living_room", "客厅", 20.0)))
    window.open_visit(visit.id)
    wizard = window.wizard
    bar = wizard.photo_bar
    wizard.go_to(MEASURE)
    room, point = wizard.pages[MEASURE].selected
    assert photo_target(wizard)[:2] == (room.id, point.id)
    assert bar.isVisible() and bar.count_label.text() == "照片：0 张"
    assert bar.camera_button.isHidden() == (not multimedia_available())  # PySide6-Addons absent
    op = bar.attach(lambda: picture(4000, 3000), "thermometer", "读数", *photo_target(wizard)[:2])
    assert not op.done  # prepared in the thread pool, not on the GUI thread
    qtbot.waitUntil(lambda: op.done, timeout=15000)
    [item] = photos.links(ctx.store.db, visit.id)
    assert (item.room_id, item.point_id, item.kind) == (room.id, point.id, "thermometer")
    assert item.width * item.height <= 2_000_000
    assert bar.count_label.text() == "照片：1 张"
    assert "1632 × 1224" in wizard.ui.messageLabel.text()
    wizard.go_to(ROOMS)
    wizard.pages[ROOMS].ui.roomsTable.selectRow(1)
    assert photo_target(wizard)[:2] == (visit.rooms[1].id, None)
    shot(wizard, "photo-attached")


def test_an_unreadable_file_is_said_in_chinese_and_nothing_is_stored(window, ctx, qtbot, tmp_path):
    visit = prepared_visit(ctx)
    window.open_visit(visit.id)
    bar = window.wizard.photo_bar
    op = bar.attach(lambda: photos.read_image(tmp_path / "没有.jpg"), "other", "")
    qtbot.waitUntil(lambda: op.done, timeout=15000)
    assert "无法打开照片文件" in window.wizard.ui.messageLabel.text()
    op = bar.attach(lambda: b"not a picture", "other", "")
    qtbot.waitUntil(lambda: op.done, timeout=15000)
    assert "无法使用该照片" in window.wizard.ui.messageLabel.text()
    assert photos.links(ctx.store.db, visit.id) == []
    assert bar.attach_button.isEnabled()


def test_a_new_visit_takes_photos_once_it_is_stored(window, qtbot):
    window.new_visit()
    bar = window.wizard.photo_bar
    assert bar.isVisible() and not bar.attach_button.isEnabled()
    window.wizard.ensure_stored()
    bar.refresh()
    assert bar.attach_button.isEnabled()


def test_supervisor_sees_thumbnails_loaded_in_the_background_and_the_missing_photo(
        view, qtbot, office, laptop):
    link = office.enroll_key(laptop.folder, laptop.key)
    rid, (first, second) = seal_with_photos(laptop.db, laptop.key, i=0)
    headers = {"Authorization": f"Bearer {link.token}", "X-Device-Id": link.device_id}
    body = SealedStore(laptop.db).envelope_text(rid).encode("utf-8")
    assert httpx.put(f"{office.url}/api/v1/records/{rid}", content=body,
                     headers=headers).status_code == 201
    assert httpx.put(f"{office.url}/api/v1/photos/{first}", headers=headers,
                     content=photos.photo_bytes(laptop.db, first)).status_code == 201
    office.store.add_user("zhang", "supervisor", hash_password(PASSWORD), "朝阳区")
    session = ReviewSession.login(office.url, "zhang", PASSWORD)
    view.photos.loader = session.photo
    view.show_detail(session.record(rid))
    assert view.photos.status == {first: "loading", second: "missing"}
    qtbot.waitUntil(lambda: view.photos.status[first] == "shown", timeout=10000)
    assert not view.photos.tiles[first].icon().isNull()
    assert "not received yet" in view.photos.tiles[second].text()
    assert "incomplete" in view.photos.summary.text()
    assert "Evidence incomplete: 1 cited photos" in view.alert_label.text()
    assert view.tabs.tabText(TAB_PHOTOS) == "Photos"
    view.show_detail(session.record(rid))  # shown again (another record, back): from the cache
    assert view.photos.status == {first: "shown", second: "missing"}
    large = view.photos.open_large(first)
    assert large is not None and first in large.findChildren(type(view.photos.summary))[-1].text()
    large.close()
    view.tabs.setCurrentIndex(TAB_PHOTOS)
    shot(view, "supervisor_detail_photos")
    session.close()


def test_a_photo_swapped_at_the_office_is_not_shown(view, qtbot, office, laptop):
    link = office.enroll_key(laptop.folder, laptop.key)
    rid, (first, second) = seal_with_photos(laptop.db, laptop.key, i=0)
    from inspector_app.sync.client import SyncClient

    with SyncClient(laptop.db, link) as client:
        assert client.push_pending().sent == 1
    with office.store.write() as c:  # someone with the office database swaps a photo
        c.execute("UPDATE photos SET data=? WHERE sha256=?", (picture(label="swapped"), first))
    office.store.add_user("zhang", "supervisor", hash_password(PASSWORD), "朝阳区")
    session = ReviewSession.login(office.url, "zhang", PASSWORD)
    view.photos.loader = session.photo
    view.show_detail(session.record(rid))
    qtbot.waitUntil(lambda: "loading" not in view.photos.status.values(), timeout=10000)
    assert view.photos.status == {first: "failed", second: "shown"}
    assert "hash" in view.photos.tiles[first].toolTip()
    assert view.photos.open_large(first) is None
    session.close()
