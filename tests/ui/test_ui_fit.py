"""Every window and dialog fits a 1366×768 laptop (728 px above the taskbar) at 100 % scale,
with its primary buttons in sight without scrolling, in Chinese and in English (longer)."""

from __future__ import annotations

import pytest
from tour_results import tour
from window_tour import SCREEN

from inspector_app.ui.screen_fit import TITLE_BAR_PX

WINDOWS = ("main-records", "visit-step-1", "visit-step-5", "visit-step-7",
           "visit-step-7-refusal", "manual-entry", "correction", "slip", "supervisor-login",
           "supervisor-list", "main-assignments", "assignment-visit_agreed",
           "assignment-unreachable",
           "supervisor-detail-1", "ruling", "ruling-issued", "supervisor-companies",
           # the questions asked before what cannot be undone, a room being corrected, a new
           # visit's step rail and a refusal under its field
           "discard-confirm", "visit-rooms-edit", "room-delete-confirm", "seal-confirm",
           "ruling-confirm", "new-visit-rail", "new-visit-field-message",
           # the hotline tickets: the tab, dispatching one, cancelling one
           "supervisor-tickets", "ticket-assign", "ticket-cancel",
           # the monitoring points: the tab with a household's season, a day's readings
           "supervisor-monitoring", "monitoring-day")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_window_and_its_primary_buttons_fit_the_screen(lang):
    stops = tour(lang)["stops"]
    assert set(WINDOWS) <= {s["stop"] for s in stops}   # the tour reached every window
    problems = []
    for stop in stops:
        x, y, w, h = stop["window"]
        assert stop["screen"] == [0, 0, SCREEN["width"], SCREEN["height"]]
        if x < 0 or y < 0 or x + w > SCREEN["width"] or y + h + TITLE_BAR_PX > SCREEN["height"]:
            problems.append(f"{stop['stop']}: window {w}×{h} at {x},{y} is off the screen")
        for name, button in stop["buttons"].items():
            if button["clipped_by"] is not None:
                problems.append(f"{stop['stop']}: {name} button {button['rect']} is cut by "
                                f"{button['clipped_by']}")
    assert problems == []


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_supervisor_window_keeps_its_size_when_records_are_chosen(lang):
    sizes = {tuple(s["window"][2:]) for s in tour(lang)["stops"]
             if s["stop"].startswith("supervisor-") and s["stop"] != "supervisor-login"}
    assert len(sizes) == 1, sizes


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_export_buttons_stay_put_when_records_are_chosen(lang):
    """Before, a record's detail pushed the splitter and the export buttons moved under the
    supervisor's pointer between two clicks."""
    places = {(tuple(s["buttons"]["export csv"]["rect"]), tuple(s["buttons"]["export xlsx"]["rect"]))
              for s in tour(lang)["stops"] if "export csv" in s["buttons"]}
    assert len(places) == 1, places
    [(csv, xlsx)] = places
    assert csv[0] + csv[2] <= xlsx[0]      # CSV left of the spreadsheet, side by side
