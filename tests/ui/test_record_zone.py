"""Every time of a record is shown in the record's zone (its profile's, UTC+08:00), however
the laptop, the office and this computer set their clocks."""

from __future__ import annotations

import copy
from datetime import UTC, datetime, timedelta

from test_supervisor_detail import detail, key, office  # noqa: F401 - fixtures

from inspector_app.core.record_time import DEFAULT_ZONE
from inspector_app.ui.supervisor.record_detail import office_time


def test_office_stamps_are_shown_in_the_record_zone_not_this_computer_s():
    # this test machine runs in UTC: before, "接收于 02:06" beside "10:05 签封"
    assert office_time("2026-11-26T02:06:00Z", DEFAULT_ZONE) == "2026-11-26 10:06"
    assert office_time("2026-11-26T10:05:00+08:00", DEFAULT_ZONE) == "2026-11-26 10:05"
    assert office_time(None) == "—"


def test_received_and_sealed_read_in_the_same_zone(view, detail):  # noqa: F811
    """The office received the record a minute after sealing: both lines say so."""
    received = copy.deepcopy(detail)
    sealed_at = received["envelope"]["record"]["sealed_at"]
    sealed = datetime.fromisoformat(sealed_at)
    received["received_at"] = (sealed + timedelta(minutes=1)).astimezone(UTC) \
        .isoformat().replace("+00:00", "Z")
    view.show_detail(received)
    want_sealed = sealed.astimezone(DEFAULT_ZONE).strftime("%H:%M")
    want_received = (sealed + timedelta(minutes=1)).astimezone(DEFAULT_ZONE).strftime("%H:%M")
    assert want_sealed in view.checks["device"].title.text()
    assert want_received in view.checks["office"].detail.text()
    assert "upload from the laptop" in view.checks["office"].detail.text()   # not "upload"
