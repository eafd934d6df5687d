"""Words for the coded values of fixed monitoring points: point states, day statuses, quality
flags, positions in the building, rooms.

Kept apart from `labels.py` so the monitoring screens own their words; the same shape: `self.tr`
calls of one QObject class so lupdate files them under its name.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import QObject
from inspector_app.ui.supervisor.labels import NONE

POINT_STATES = ("reporting", "silent", "flagged", "removed")
DAY_STATUSES = ("compliant", "non_compliant", "insufficient")
FLAGS = ("out_of_range", "clock_drift", "duplicate", "spike", "flat")


class MonitoringLabels(QObject):
    """Its class name is the translation context lupdate files these words under."""

    def tables(self) -> dict[str, dict[str, str]]:
        return {
            "state": {
                "reporting": self.tr("Reporting"),
                "silent": self.tr("Silent"),
                "flagged": self.tr("Flagged"),
                "removed": self.tr("Removed"),
            },
            "status": {
                "compliant": self.tr("Compliant"),
                "non_compliant": self.tr("Below standard"),
                "insufficient": self.tr("Too few readings"),
            },
            "flag": {
                "out_of_range": self.tr("out of range"),
                "clock_drift": self.tr("clock drift"),
                "duplicate": self.tr("duplicate"),
                "spike": self.tr("spike"),
                "flat": self.tr("flat line"),
            },
            "position": {
                "top": self.tr("top floor"),
                "ground": self.tr("ground floor"),
                "end": self.tr("end wall"),
                "overhang": self.tr("over unheated space"),
            },
            "room": {
                "bedroom": self.tr("Bedroom"),
                "living_room": self.tr("Living room"),
                "other": self.tr("Other room"),
            },
        }

    def joined(self, words: list[str]) -> str:
        """A list in the language's way: '顶层、山墙' / 'top floor, end wall'."""
        return self.tr(", ").join(words)


def monitoring_label(group: str, code: Any) -> str:
    """The words for a coded value of `group`; unknown codes are shown as they are."""
    text = str(code if code is not None else "")
    return MonitoringLabels().tables().get(group, {}).get(text, text or NONE)


def positions_text(codes: Any) -> str:
    """'top floor, end wall' of a point's position list ('—' when it has none)."""
    words = [monitoring_label("position", c) for c in codes or []]
    return MonitoringLabels().joined(words) if words else NONE


def room_text(point: dict[str, Any]) -> str:
    """The room's recorded name when it has one, else the words for its kind."""
    return str(point.get("room_name") or monitoring_label("room", point.get("room_kind")))
