"""The season chart fed with a household's season shaped as the office answers it
(monitoring_samples): where the standard line is, how many red (below standard) and hatched
(too few readings) days each strip holds, where the flagged days and the door tests are marked,
what a day's tooltip says, and that a double-click asks for that day's readings of the nearest
point. Geometry, not pixels: the layout the painting uses is the one checked."""

from __future__ import annotations

from datetime import date

import monitoring_samples as ms
import pytest

from inspector_app.ui import i18n
from inspector_app.ui.qt import QColor, QPoint, Qt
from inspector_app.ui.style import BAD


@pytest.fixture
def chart(app, qtbot):
    from inspector_app.ui.supervisor.season_chart import SeasonChart

    view = SeasonChart()
    qtbot.addWidget(view)
    view.resize(1340, 330)   # the tab's lower pane on a 1366×768 laptop
    view.set_season(ms.season(), "WF-0001")
    view.show()
    qtbot.waitExposed(view)
    return view


def test_the_standard_line_is_at_18_degrees(chart):
    lay = chart.current_layout()
    y = chart.standard_y()
    assert lay.plot.top() < y < lay.plot.bottom()
    assert y == pytest.approx(lay.py(18.0))
    # 18 °C lies between the bedroom's cold days (about 16.6) and its warm days (about 19.2)
    assert lay.py(19.2) < y < lay.py(16.6)


def test_each_below_standard_day_is_one_red_cell_in_its_points_strip(chart):
    red = chart.status_cells("non_compliant")
    assert len(red) == 15
    assert {point for point, _day, _cell in red} == {"WF-0001"}
    strip = chart.current_layout().strips[0]
    assert all(cell.top() == strip.top() and strip.left() <= cell.left() < strip.right()
               for _p, _d, cell in red)
    # consecutive days, side by side, left to right in day order
    lefts = [cell.left() for _p, _d, cell in sorted(red, key=lambda r: r[1])]
    assert lefts == sorted(lefts) and len(set(lefts)) == 15
    # and painted red: the middle of each red cell, and of no other day's cell
    image = chart.grab().toImage()
    colour = {(p, d): image.pixelColor(int(c.center().x()), int(c.center().y())).name()
              for status in ("non_compliant", "compliant", "insufficient")
              for p, d, c in chart.status_cells(status)}
    assert sorted(k for k, v in colour.items() if v == QColor(BAD).name()) == sorted(
        (p, d) for p, d, _c in red)
    grey = chart.status_cells("insufficient")
    assert sorted((p, d) for p, d, _c in grey) == [("WF-0001", "2026-11-21"),
                                                    ("WF-0001", "2026-11-22"),
                                                    ("WF-0002", "2027-01-30")]


def test_red_days_follow_the_data(chart):
    chart.set_season(ms.season(bedroom_cold=range(40, 43)), "WF-0001")
    assert len(chart.status_cells("non_compliant")) == 3


def test_the_season_spans_150_columns_across_the_plot(chart):
    lay = chart.current_layout()
    assert lay.days == 150 and lay.start == date(2026, 11, 1)
    assert lay.day_at(lay.plot.left() + 1) == date(2026, 11, 1)
    assert lay.day_at(lay.plot.right() - 1) == date(2027, 3, 30)
    assert lay.day_at(lay.plot.left() - 5) is None


def test_flagged_days_and_tests_are_marked_on_their_days(chart):
    lay = chart.current_layout()
    flags = {(p, d): tip for p, d, tip in chart.flag_marks()}
    assert set(flags) == {("WF-0001", "2026-12-01"), ("WF-0002", "2027-01-30")}
    tip = flags[("WF-0001", "2026-12-01")]
    assert tip.x() == pytest.approx(lay.px(date(2026, 12, 1)))
    assert tip.y() < lay.py(19.2)   # over the day's mean
    tests = dict(chart.test_marks())
    assert set(tests) == {"dev1.r1", "dev1.r2", "dev1.r3"}
    assert tests["dev1.r1"].x() == pytest.approx(lay.px(date(2027, 1, 5)))
    assert tests["dev1.r1"].y() == pytest.approx(lay.py(16.4))
    assert tests["dev1.r1"].y() > chart.standard_y()   # below 18 °C: lower on screen


def test_a_days_tooltip_lists_flags_counts_and_what_was_left_out(chart):
    text = chart.tooltip_at(chart.current_layout().px(date(2026, 12, 1)))
    assert text.splitlines()[0] == "2026-12-01"
    assert "卧室 WF-0001：达标" in text
    assert "尖峰 2 条" in text and "72 条读数中 2 条未计入" in text
    assert "入户检测 dev1.r3：最低房间 19.1 °C" in text
    i18n.install_language("en")
    try:
        text = chart.tooltip_at(chart.current_layout().px(date(2027, 1, 30)))
        assert "Living room WF-0002: Too few readings" in text
        assert "flat line on 52 readings" in text and "52 of 72 readings left out" in text
    finally:
        i18n.install_language("zh")


def test_double_click_asks_for_the_nearest_points_readings(chart, qtbot):
    lay = chart.current_layout()
    x = int(lay.px(date(2027, 1, 10)))
    with qtbot.waitSignal(chart.day_activated) as living:
        qtbot.mouseDClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x, int(lay.py(21.0))))
    assert living.args == ["WF-0002", "2027-01-10"]
    with qtbot.waitSignal(chart.day_activated) as bedroom:
        qtbot.mouseDClick(chart, Qt.MouseButton.LeftButton, pos=QPoint(x, int(lay.py(16.5))))
    assert bedroom.args == ["WF-0001", "2027-01-10"]


def test_it_fits_the_laptops_lower_pane_and_says_when_empty(chart):
    chart.resize(1340, 260)
    lay = chart.current_layout()
    assert lay.plot.height() > 120
    assert all(strip.bottom() <= 260 for strip in lay.strips)
    assert max(r.bottom() for r, _k in lay.legend) < lay.plot.top()
    chart.set_season(None)
    assert chart.points() == [] and chart.standard_y() is None
    chart.grab()   # paints the empty word without failing
