"""Words for the office's coded values (verdicts, review states, chain states, room kinds...).

One table for the list, the detail and the dialogs, so a state is never called two things.
The words are `self.tr` calls of one QObject class so lupdate finds them (an aliased translate
call is invisible to it); the table is built per call because the words change with the language.
"""

from __future__ import annotations

from typing import Any

from inspector_app.ui.qt import QObject

NONE = "—"
VERDICTS = ("pass", "fail", "incomplete")
REVIEW_STATES = ("received", "approved", "has_issues", "rejected", "resubmitted")
REVIEWER_STATES = ("approved", "has_issues", "rejected")


class SupervisorLabels(QObject):
    """Its class name is the translation context lupdate files these words under."""

    def tables(self) -> dict[str, dict[str, str]]:
        return {
            "verdict": {
                "pass": self.tr("Pass"),
                "fail": self.tr("Fail"),
                "incomplete": self.tr("Incomplete"),
            },
            "review": {
                "received": self.tr("Received"),
                "approved": self.tr("Approved"),
                "has_issues": self.tr("Has issues"),
                "rejected": self.tr("Rejected"),
                "resubmitted": self.tr("Resubmitted"),
            },
            "kind": {
                "bedroom": self.tr("Bedroom"),
                "living_room": self.tr("Living room"),
                "other": self.tr("Other room"),
            },
            "chain": {
                "ok": self.tr("Chain intact"),
                "gap": self.tr("Earlier record missing"),
                "fork": self.tr("Chain forked"),
            },
            "event": {
                "state": self.tr("Review decision"),
                "comment": self.tr("Comment"),
                "ruling": self.tr("Ruling"),
                "resubmission": self.tr("Resubmitted"),
                "superseded": self.tr("Superseded"),
            },
            "decision": {
                "refund": self.tr("Refund"),
                "no_refund": self.tr("No refund"),
            },
            "channel": {
                "12345": self.tr("12345 hotline"),
                "12319": self.tr("12319 hotline"),
                "96118": self.tr("96118 hotline"),
                "company": self.tr("Heating company"),
                "monitoring": self.tr("Fixed monitoring point"),
                "walk_in": self.tr("Reported on site"),
                "other": self.tr("Other"),
            },
            "position": {
                "edge": self.tr("End wall"),
                "top": self.tr("Top floor"),
                "bottom": self.tr("Ground floor"),
                "overhang": self.tr("Over unheated space"),
            },
            "verification": {
                "verified": self.tr("Verified"),
                "failed": self.tr("Verification failed"),
            },
            "via": {
                "upload": self.tr("upload from the laptop"),
                "bundle": self.tr("offline bundle"),
            },
            "gap": {
                "gap": self.tr("Gap"),
                "fork": self.tr("Fork"),
            },
            "ticket_state": {
                "received": self.tr("Received (not dispatched)"),
                "assigned": self.tr("Dispatched"),
                "contacted": self.tr("Resident contacted"),
                "visit_agreed": self.tr("Visit agreed"),
                "tested": self.tr("Tested"),
                "closed": self.tr("Closed"),
                "cancelled": self.tr("Cancelled"),
                "unreachable": self.tr("Resident unreachable"),
            },
            "ticket_event": {
                "received": self.tr("Received from the hotline"),
                "revised": self.tr("Ticket changed by the hotline"),
                "assigned": self.tr("Dispatched"),
                "contact_attempt": self.tr("Contact attempt failed"),
                "contacted": self.tr("Resident contacted"),
                "visit_agreed": self.tr("Visit agreed"),
                "tested": self.tr("Tested"),
                "closed": self.tr("Closed"),
                "cancelled": self.tr("Cancelled"),
                "unreachable": self.tr("Resident unreachable"),
            },
            "contact_method": {
                "phone": self.tr("by phone"),
                "sms": self.tr("by SMS"),
                "in_person": self.tr("in person"),
            },
            "ticket_source": {
                "office": self.tr("office"),
                "laptop": self.tr("laptop"),
                "hotline": self.tr("hotline"),
            },
        }


def label(group: str, code: Any) -> str:
    """The words for a coded value of `group`; unknown codes are shown as they are."""
    text = str(code if code is not None else "")
    return SupervisorLabels().tables().get(group, {}).get(text, text or NONE)


def verdict_label(code: str) -> str:
    return label("verdict", code)


def review_label(code: str) -> str:
    return label("review", code)


def chain_label(code: str) -> str:
    return label("chain", code)


def ticket_state_label(code: str) -> str:
    return label("ticket_state", code)


def decision_label(code: str) -> str:
    return label("decision", code)
