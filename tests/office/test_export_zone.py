"""An export shows every time in the records' zone and says which zone that is."""

from __future__ import annotations

from inspector_app.office.export import COLUMNS, header, values


def _item(**times: str) -> dict:
    item = {field: "x" for field, *_ in COLUMNS}
    item.update(training=False, seq=1, **times)
    return item


def test_laptop_and_office_times_come_out_in_one_zone():
    item = _item(test_at="2026-11-26T02:05:00+00:00",      # a laptop whose clock runs in UTC
                 received_at="2026-11-26T02:06:30Z",       # the office stamps UTC
                 reviewed_at="2026-11-26T10:40:00+08:00")
    row = dict(zip([f for f, *_ in COLUMNS], values(item, "zh"), strict=True))
    assert row["test_at"] == "2026-11-26T10:05:00+08:00"
    assert row["received_at"] == "2026-11-26T10:06:30+08:00"
    assert row["reviewed_at"] == "2026-11-26T10:40:00+08:00"
    assert values(_item(test_at=None, received_at="", reviewed_at=None), "en")[1] == ""


def test_time_columns_name_their_zone_in_both_languages():
    zh, en = header("zh"), header("en")
    assert "接收时间（UTC+08:00）" in zh and "审核时间（UTC+08:00）" in zh
    assert "test time (UTC+08:00)" in en and "区" in zh and "district" in en
