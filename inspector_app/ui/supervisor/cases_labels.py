"""Words for the coded values of cases: case states, day statuses, timeline entries, notes.

Kept apart from `labels.py` (records and tickets) so the cases screens own their words; the same
shape: `self.tr` calls of one QObject class so lupdate files them under its name.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import QObject
from inspector_app.ui.supervisor.labels import NONE

CASE_STATES = ("open", "ruled", "withdrawn")


class CaseLabels(QObject):
    """Its class name is the translation context lupdate files these words under."""

    def tables(self) -> dict[str, dict[str, str]]:
        return {
            "state": {
                "open": self.tr("Open"),
                "ruled": self.tr("Ruled"),
                "withdrawn": self.tr("Withdrawn"),
            },
            "opened_kind": {
                "ticket": self.tr("complaint"),
                "record": self.tr("failing test"),
            },
            "day": {
                "fail": self.tr("Failing"),
                "pass": self.tr("Passing"),
                "refused": self.tr("Resident refused"),
                "stop": self.tr("Company stop"),
                "company_failure": self.tr("Company failed to test or sign"),
                "monitor_fail": self.tr("Failing (monitoring point)"),
                "monitor_pass": self.tr("Passing (monitoring point)"),
            },
            "entry": {
                "complaint": self.tr("Complaint"),
                "contact": self.tr("Resident contacted"),
                "test": self.tr("Test"),
                "retest": self.tr("Re-test"),
                "correction": self.tr("Correction"),
                "stop": self.tr("Company heating stop"),
                "company_failed_to_test": self.tr("Company failed to test"),
                "company_failed_to_sign": self.tr("Company failed to sign"),
                "ruling": self.tr("Ruling"),
                "withdrawn": self.tr("Case withdrawn"),
                "merge": self.tr("Households merged"),
                "split": self.tr("Merge undone"),
                "opened": self.tr("Case opened"),
            },
            "why_not": {
                "superseded": self.tr("replaced by its correction"),
                "not_verified": self.tr("failed the office's verification"),
                "synthetic": self.tr("synthetic record"),
                "training": self.tr("training record"),
                "incomplete": self.tr("incomplete test"),
            },
            "decision": {
                "refund": self.tr("Refund"),
                "no_refund": self.tr("No refund"),
            },
            "note": {
                "capped_at_season": self.tr("failing days capped at the season's length"),
                "capped_at_season_fee": self.tr("amount capped at the season's fee for the "
                                                "failing area"),
                "evidence_after_ruling": self.tr("a record tested before the ruling arrived "
                                                 "after it"),
            },
        }


def case_label(group: str, code: Any) -> str:
    """The words for a coded value of `group`; unknown codes are shown as they are."""
    text = str(code if code is not None else "")
    return CaseLabels().tables().get(group, {}).get(text, text or NONE)
