"""The supervisor's record detail, fed real sealed records through a real office store.

Each record is measured into a laptop database, sealed by `seal.record.seal_visit` with a fresh
device key, stored by the office's own ingest path (`incoming_from` + `store_records`) and read
back with `OfficeStore.record()`, so the widget sees exactly the shape the review client gets.
"""

from __future__ import annotations

import copy
from datetime import date, timedelta
from pathlib import Path

import pytest
from ui_helpers import shot

from inspector_app.core.completeness import IncompleteVisit
from inspector_app.core.model import Sample, Visit
from inspector_app.core.profile import load_profile
from inspector_app.core.verdict import visit_result
from inspector_app.office import ingest
from inspector_app.office.store import OfficeStore
from inspector_app.seal.canonical import canonical_text
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import build_record, envelope_for, seal_visit
from inspector_app.seal.signature import Refusal, Signatures, generated_signature
from inspector_app.store.database import connect
from inspector_app.store.visits import VisitStore
from inspector_app.ui.qt import QColor, Qt
from inspector_app.ui.style import BAD, OK
from inspector_app.ui.supervisor.record_detail import (
    TAB_REVIEW,
    TAB_ROOMS,
    TAB_SIGNATURES,
    TAB_VERIFICATION,
)
from tests.slip.envelopes import T0
from tests.slip.envelopes import visit as slip_visit

CC = load_profile("changchun")


def measured(expired: bool = False) -> Visit:
    """The slip fixtures' three-room visit, with a settling curve before each point's readings
    (the chart has something to show) and, if asked, a certificate that ran out before the test."""
    visit = slip_visit(CC)
    visit.exemptions = ["outdoor_below_design"]  # its unmet precondition, exempted
    if expired:
        visit.instrument.certificate_expiry = date(2026, 10, 31)
    for room in visit.rooms:
        for point in room.points:
            first = point.captured[0]
            settle = [Sample(value_c=round(first.value_c + 0.08 * k, 1),
                             raw_c=round(first.value_c + 0.08 * k, 1),
                             t_offset_s=first.t_offset_s - 60.0 * k, t_wall=first.t_wall)
                      for k in range(8, 0, -1)]
            point.samples = [s for s in point.samples if s.captured] + settle
            point.samples.sort(key=lambda s: s.t_offset_s)
    return visit


def seal(folder: Path, key: DeviceKey, visit: Visit, *, refusal: bool = False) -> dict:
    folder.mkdir(parents=True, exist_ok=True)
    db = connect(folder / "inspections.sqlite3")
    store = VisitStore(db)
    store.import_measured(visit)
    when = T0 + timedelta(minutes=130)
    inspector = generated_signature("王建国", "inspector", 1, signed_at=when)
    if refusal:
        witness = generated_signature("赵丽", "witness", 3, signed_at=when)
        sigs = Signatures(inspector=inspector, refusal=Refusal(
            reason="认为检测时间选在白天，不能反映夜间室温", witness_name="赵丽",
            witness_role=CC.witness_roles[0], witness=witness))
    else:
        sigs = Signatures(inspector=inspector,
                          resident=generated_signature("李秀兰", "resident", 2, signed_at=when))
    return seal_visit(db, visit.id, sigs, key, profile=CC,
                      clock=lambda: T0 + timedelta(minutes=140))


@pytest.fixture
def office(tmp_path: Path):
    store = OfficeStore(tmp_path / "office" / "office.sqlite3")
    yield store
    store.close()


def receive(office: OfficeStore, envelope: dict) -> dict:
    """Upload as the office's endpoint decides it (enrolled device, hash and signature checked),
    with the bytes the laptop sends, and read the detail back."""
    device_id = envelope["record"]["device"]["device_id"]
    if office.device(device_id) is None:
        office.admit_device(device_id, envelope["record"]["device"]["public_key"])
    raw = canonical_text(envelope).encode("utf-8")
    status, stored = ingest.receive(office, raw, envelope["record"]["record_id"],
                                    office.device(device_id), training_allowed=False)
    assert status == 201
    detail = office.record(stored.ref)
    assert detail is not None
    return detail


@pytest.fixture
def key() -> DeviceKey:
    return DeviceKey.generate()


@pytest.fixture
def detail(tmp_path, office, key) -> dict:
    return receive(office, seal(tmp_path / "laptop", key, measured()))


def cells(table, row: int) -> list[str]:
    return [table.item(row, c).text() for c in range(table.columnCount())]


def colour(label) -> str:
    return label.styleSheet().replace(" ", "")


def test_shows_rooms_points_readings_signatures_and_verifies(view, detail, qtbot):
    view.show_detail(detail)
    assert "人民大街" in view.title_label.text() and view.training_banner.isHidden()
    assert view.verdict_label.text() == view.label("verdict", "fail")
    assert BAD in view.verdict_label.styleSheet()
    assert view.fields["ticket"].text() == "12345-20261126-0042"
    assert view.fields["ticket_source"].text() == "typed at the door (no dispatched ticket)"
    assert view.fields["resident_name"].text() == "李秀兰"
    assert "86.5" in view.fields["heated_area"].text()
    assert "-18.5" in view.fields["outdoor"].text()
    assert view.label("position", "top") in view.fields["position"].text()
    # one precondition was not met in the fixture visit, and it says so in red
    texts = [label.text() for label in view.precondition_labels]
    assert len(texts) == len(CC.preconditions)
    assert [BAD in t for t in texts].count(True) == 1
    assert "NOT met" in next(t for t in texts if BAD in t)
    assert "valid on the test day" in view.fields["certificate_expiry"].text()
    assert BAD not in colour(view.fields["certificate_expiry"])
    assert view.fields["correction"].text() == "-0.1 °C"
    shot(view, "supervisor_detail_overview")

    view.tabs.setCurrentIndex(TAB_ROOMS)
    rooms = view.rooms_table
    assert rooms.rowCount() == 3
    assert cells(rooms, 0)[1:] == ["主卧", "14.2", "1", "17.2 °C", view.label("verdict", "fail")]
    assert cells(rooms, 1)[1:5] == ["客厅", "24.6", "5", "18.5 °C"]
    assert "次卧" in cells(rooms, 2)[1] and cells(rooms, 2)[4] == "16.4 °C"
    assert rooms.item(0, 5).foreground().color() == QColor(BAD)
    # the first room is selected: its one point, typed in by hand, with the reason
    assert view.points_table.rowCount() == 1
    point = cells(view.points_table, 0)
    assert point[1].split() == ["17.2", "17.3", "17.1"]
    assert "温度计通讯中断" in point[3]
    [series] = view.chart.series()
    assert len(series.samples) == 11 and len(series.captured) == 3 and len(series.manual) == 3
    assert view.chart.minimum() == 18.0

    rooms.selectRow(1)
    assert view.points_table.rowCount() == 5
    assert cells(view.points_table, 2)[1].split() == ["18.9", "18.8", "18.8"]
    assert [s.label for s in view.chart.series()] == [f"Point {i}" for i in range(1, 6)]
    assert (600.0 * 3 + 60 * 3, 18.8) in view.chart.series()[2].captured
    view.points_table.selectRow(2)
    assert view.chart.highlight() == 2
    shot(view, "supervisor_detail_rooms")

    view.tabs.setCurrentIndex(TAB_SIGNATURES)
    assert view.cards["inspector"].view.stroke_count() > 5
    assert view.cards["resident"].view.stroke_count() > 5
    assert "李秀兰" in view.cards["resident"].signer.text()
    assert view.cards["witness"].isHidden()
    shot(view, "supervisor_detail_signatures")

    view.tabs.setCurrentIndex(TAB_VERIFICATION)
    assert view.problems == []
    for key in ("content", "signature", "chain", "office"):
        assert view.checks[key].ok is True, key
        assert OK in view.checks[key].mark.styleSheet()
    assert view.checks["hash"].mono.text().replace(" ", "").replace("\n", "") \
        == detail["envelope"]["sha256"]
    assert view.alert_label.isHidden()
    shot(view, "supervisor_detail_verification")


def test_a_changed_reading_is_reported_in_red(view, detail):
    tampered = copy.deepcopy(detail)
    sample = tampered["envelope"]["record"]["visit"]["rooms"][0]["points"][0]["samples"][-1]
    sample["value_c"] = 19.5
    view.show_detail(tampered)
    content = view.checks["content"]
    assert content.ok is False
    assert BAD in content.mark.styleSheet() and BAD in content.detail.styleSheet()
    assert "content changed" in content.detail.text()
    assert view.checks["signature"].ok is True     # the hash it signs is still the sealed one
    assert view.alert_label.isVisible() and "content changed" in view.alert_label.text()
    assert view.tabs.tabText(TAB_VERIFICATION).endswith("✗")
    view.tabs.setCurrentIndex(TAB_VERIFICATION)
    shot(view, "supervisor_detail_tampered")


def test_refusal_shows_the_reason_and_the_witness(view, tmp_path, office, key):
    detail = receive(office, seal(tmp_path / "laptop", key, measured(), refusal=True))
    view.show_detail(detail)
    resident = view.cards["resident"]
    assert resident.view.isHidden() and resident.view.is_empty()
    assert "认为检测时间选在白天" in resident.note.text()
    witness = view.cards["witness"]
    assert not witness.isHidden() and witness.view.stroke_count() > 5
    assert "赵丽" in witness.signer.text()   # the role in the view's language (English here)
    assert CC.witness_role_label(CC.witness_roles[0], "en") in witness.signer.text()
    view.tabs.setCurrentIndex(TAB_SIGNATURES)
    shot(view, "supervisor_detail_refusal")


def sealed_without_checks(visit: Visit, key: DeviceKey) -> dict:
    """A record the seal of today refuses (a formal test on an expired certificate), made by
    the record builder directly: the office must still show such a record for what it is."""
    sigs = Signatures(
        inspector=generated_signature("王建国", "inspector", 1, signed_at=T0),
        resident=generated_signature("李秀兰", "resident", 2, signed_at=T0))
    record = build_record(visit, CC, visit_result(CC, visit), sigs, key.device_dict(),
                          {"seq": 1, "prev_sha256": None}, T0.isoformat(), None)
    return envelope_for(record, key)


def test_an_expired_certificate_is_red(view, tmp_path, office, key):
    with pytest.raises(IncompleteVisit, match="certificate"):
        seal(tmp_path / "laptop", key, measured(expired=True))
    detail = receive(office, sealed_without_checks(measured(expired=True), key))
    view.show_detail(detail)
    expiry = view.fields["certificate_expiry"]
    assert "2026-10-31" in expiry.text() and "EXPIRED" in expiry.text()
    assert BAD in colour(expiry)


def test_chain_position_and_a_missing_earlier_record(view, tmp_path, office, key):
    laptop = tmp_path / "laptop"
    seal(laptop, key, measured())                    # seq 1 never reaches the office
    detail = receive(office, seal(laptop, key, measured()))
    view.show_detail(detail)
    chain = view.checks["chain"]
    assert chain.ok is False and "2" in chain.title.text()
    assert view.label("chain", "gap") in chain.title.text()
    first_hash = detail["envelope"]["record"]["chain"]["prev_sha256"]
    assert chain.mono.text().replace(" ", "").replace("\n", "") == first_hash
    assert view.alert_label.isVisible()


def test_correction_links_open_the_other_record(view, detail, qtbot):
    later = dict(detail, superseded_by=["b7d7c1e0-0000-4000-8000-000000000001"])
    view.show_detail(later)
    assert "later record" in view.alert_label.text()
    [button] = view.link_buttons
    view.tabs.setCurrentIndex(TAB_VERIFICATION)
    with qtbot.waitSignal(view.open_record, timeout=1000) as signal:
        qtbot.mouseClick(button, Qt.MouseButton.LeftButton)
    # opened by its ref: the same device's record, whatever other devices call theirs
    assert signal.args == [f"{detail['device_id']}.b7d7c1e0-0000-4000-8000-000000000001"]


def test_review_history_and_rulings(view, detail, office):
    rid = detail["ref"]
    office.add_comment(rid, "请补充室外温度照片", "张主任")
    reviewed = office.set_review(rid, "has_issues", "读数需复核", "张主任")
    reviewed["rulings"] = [{"ruling_no": "2026-2027-000001", "issued_by": "张主任",
                            "issued_at": "2026-11-27T02:00:00+00:00",
                            "ruling": {"decision": "refund", "amount_total": "128.40"}}]
    view.show_detail(reviewed)
    history = view.history_table
    assert history.rowCount() == 2
    assert cells(history, 1)[1:] == ["张主任", view.label("event", "state"),
                                     f"{view.label('review', 'received')} → "
                                     f"{view.label('review', 'has_issues')}", "读数需复核"]
    assert cells(history, 0)[4] == "请补充室外温度照片"
    assert view.review_label.text().endswith(view.label("review", "has_issues"))
    ruling = cells(view.rulings_table, 0)
    assert ruling[:3] == ["2026-2027-000001", view.label("decision", "refund"), "128.40 yuan"]
    view.tabs.setCurrentIndex(TAB_REVIEW)
    shot(view, "supervisor_detail_review")


def test_clear_empties_every_part(view, detail):
    view.show_detail(detail)
    view.clear()
    assert view.rooms_table.rowCount() == 0 and view.points_table.rowCount() == 0
    assert view.chart.series() == [] and view.checks == {} and view.fields == {}
    assert all(card.view.is_empty() for card in view.cards.values())
    assert not view.tabs.isEnabled()


def test_a_training_record_carries_the_banner(view, detail):
    training = copy.deepcopy(detail)
    training["envelope"]["record"]["training"] = True
    view.show_detail(training)
    assert view.training_banner.isVisible()


def test_follows_a_language_switch(view, detail):
    from inspector_app.ui import i18n
    from inspector_app.ui.qt import QCoreApplication

    view.show_detail(detail)
    view.rooms_table.selectRow(1)
    assert view.tabs.tabText(TAB_ROOMS) == "Rooms and readings"
    i18n.install_language("zh")
    QCoreApplication.processEvents()
    try:
        chinese = view.tabs.tabText(TAB_ROOMS)
        assert chinese != "Rooms and readings" and any("\u4e00" <= ch <= "\u9fff" for ch in chinese)
        assert view.rooms_table.rowCount() == 3 and view.rooms_table.currentRow() == 1
        assert view.points_table.rowCount() == 5
        assert view.fields["ticket_source"].text() == "现场录入（无派单）"
    finally:
        i18n.install_language("en")
        QCoreApplication.processEvents()


def test_a_damaged_envelope_is_shown_as_damaged(view):
    view.show_detail({"record_id": "r-1", "envelope": {"record": {"record_id": "r-1"}},
                      "sha256": "ab" * 32})
    assert view.checks["format"].ok is False and view.checks["content"].ok is False
    assert view.rooms_table.rowCount() == 0
    assert not view.cards["inspector"].note.isHidden()
    assert "missing" in view.cards["inspector"].note.text()


def test_a_record_id_reused_by_another_device_is_pointed_out(view, detail):
    view.show_detail(detail)
    assert "Another device" not in view.alert_label.text()
    reused = dict(detail, same_id_elsewhere=[{"ref": "ffffffffffffffff.x", "sha256": "ab",
                                              "device_id": "ffffffffffffffff",
                                              "received_at": "2026-11-26T09:00:00+08:00"}])
    view.show_detail(reused)
    text = view.alert_label.text()
    assert "Another device" in text and "ffffffffffffffff" in text
    assert str(detail["device_id"]) in text
