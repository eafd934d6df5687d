"""Merge two households the address normalisation missed, undo a wrong merge, withdraw a case.

Each is one audited request to the office; the dialog stays open on a refusal (a merge across
districts, a household already merged elsewhere) and shows the office's own words, so the
supervisor can correct and try again. A reason is required before anything is sent: it stays
in the household's (or the case's) history.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import date
from typing import Any

from inspector_app.review.client import ReviewSession
from inspector_app.ui.background import run_in_background
from inspector_app.ui.qt import (
    QComboBox,
    QDate,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    Qt,
    QWidget,
)
from inspector_app.ui.supervisor.case_detail import merges_in_force
from inspector_app.ui.supervisor.cases_model import local_time
from inspector_app.ui.supervisor.office_form import OfficeForm
from inspector_app.ui.supervisor.reason_dialog import ReasonDialog

HOUSEHOLD_ID = re.compile(r"^h[0-9a-f]{20}$")


class WithdrawDialog(ReasonDialog):
    """The reason a case is withdrawn (required; it stays in the case's history)."""

    def retranslate(self) -> None:
        super().retranslate()
        if self.refused:
            self.status.setText(self.tr("Give the reason: it stays in the case's history."))


class _OfficeDialog(OfficeForm):
    """A household or case change: its form, then the reason it is audited with."""

    def __init__(self, parent: QWidget | None, session: ReviewSession) -> None:
        super().__init__(parent, session, 900)   # an address, its district and a household id
        self.reasonEdit = QLineEdit(self)
        self.reasonEdit.setObjectName("reasonEdit")
        self.reasonEdit.setMaxLength(1000)
        self.reasonLabel = QLabel(self)

    def finish_layout(self) -> None:
        self.form.addRow(self.reasonLabel, self.reasonEdit)
        super().finish_layout()

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        """Tall enough for the wrapped explanation at the width shown (a wrapped label's
        height is not in the dialog's size hint)."""
        super().showEvent(event)
        wanted = self.heightForWidth(self.width())
        if wanted > self.height():
            self.resize(self.width(), wanted)

    def retranslate(self) -> None:
        super().retranslate()
        self.reasonLabel.setText(self.tr("&Reason"))
        self.reasonLabel.setBuddy(self.reasonEdit)

    def reason(self) -> str:
        return self.reasonEdit.text().strip()

    def missing(self) -> str:
        """What is missing before sending, in the language now ('' when complete)."""
        return "" if self.reason() else self.tr("Give the reason: it stays in the household's "
                                                "history.")

    def problem(self) -> Callable[[], str] | None:
        text = self.missing()
        return (lambda: self.missing() or text) if text else None


class MergeDialog(_OfficeDialog):
    """Merge another household with this case's household. The other one is found by its
    address among the district's cases, or typed as its id."""

    def __init__(self, parent: QWidget | None, session: ReviewSession,
                 household: dict[str, Any]) -> None:
        super().__init__(parent, session)
        self.setObjectName("mergeDialog")
        self.household = household
        self.own = str(household.get("household_id") or "")
        row = QHBoxLayout()
        self.searchEdit = QLineEdit(self)
        self.searchEdit.setObjectName("householdSearchEdit")
        self.searchEdit.returnPressed.connect(self.find)
        self.findButton = QPushButton(self)
        self.findButton.setObjectName("householdFindButton")
        self.findButton.setAutoDefault(False)
        self.findButton.clicked.connect(self.find)
        row.addWidget(self.searchEdit, 1)
        row.addWidget(self.findButton)
        self.searchLabel = QLabel(self)
        self.form.addRow(self.searchLabel, row)
        self.found = QListWidget(self)
        self.found.setObjectName("householdsFound")
        self.found.setMaximumHeight(150)
        self.found.currentItemChanged.connect(self._picked)
        self.form.addRow("", self.found)
        self.otherEdit = QLineEdit(self)
        self.otherEdit.setObjectName("otherHouseholdEdit")
        self.otherEdit.setMaxLength(21)
        self.otherLabel = QLabel(self)
        self.form.addRow(self.otherLabel, self.otherEdit)
        self.directionCombo = QComboBox(self)
        self.directionCombo.setObjectName("mergeDirectionCombo")
        self.directionLabel = QLabel(self)
        self.form.addRow(self.directionLabel, self.directionCombo)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Merge households"))
        self.intro.setText(self.tr("This case's household: %1\n%2\nMerge it with a household "
                                   "whose address was written another way (the same flat). "
                                   "The merge is audited and can be undone by a split.")
                           .replace("%1", self.own)
                           .replace("%2", str(self.household.get("address") or "")))
        self.searchLabel.setText(self.tr("&Find by address"))
        self.searchLabel.setBuddy(self.searchEdit)
        self.findButton.setText(self.tr("Find"))
        self.searchEdit.setPlaceholderText(self.tr("part of the address, e.g. community and "
                                                   "building"))
        self.otherLabel.setText(self.tr("Other &household"))
        self.otherLabel.setBuddy(self.otherEdit)
        self.otherEdit.setPlaceholderText("h0123456789abcdef0123")
        self.directionLabel.setText(self.tr("&Direction"))
        self.directionLabel.setBuddy(self.directionCombo)
        chosen = max(0, self.directionCombo.currentIndex())
        self.directionCombo.clear()
        self.directionCombo.addItem(self.tr("the other household joins this one"), "into_this")
        self.directionCombo.addItem(self.tr("this household joins the other one"), "into_other")
        self.directionCombo.setCurrentIndex(chosen)
        self.ok.setText(self.tr("Merge"))

    def find(self) -> None:
        words = self.searchEdit.text().strip()
        if not words:
            return
        session = self.session
        self.findButton.setEnabled(False)
        self.op = run_in_background(
            lambda _p: session.list_cases({"q": words}, limit=50),
            on_success=self._found, on_failure=self._find_failed)

    def _find_failed(self, exc: BaseException) -> None:
        self.findButton.setEnabled(True)
        self.refusal = exc
        self.show_message()

    def _found(self, page: dict[str, Any]) -> None:
        self.findButton.setEnabled(True)
        self.found.clear()
        seen = {self.own}
        for case in page.get("items") or []:
            hid = str(case.get("household") or "")
            if hid in seen:
                continue
            seen.add(hid)
            item = QListWidgetItem(f"{case.get('address', '')} · {case.get('district', '')}"
                                   f" · {hid}")
            item.setData(Qt.ItemDataRole.UserRole, hid)
            self.found.addItem(item)
        self.say("" if self.found.count() else self.tr("No other household found."),
                 "info" if self.found.count() else "warn")

    def _picked(self, item: QListWidgetItem | None, _previous: Any = None) -> None:
        if item is not None:
            self.otherEdit.setText(item.data(Qt.ItemDataRole.UserRole))

    def missing(self) -> str:
        other = self.otherEdit.text().strip()
        if not HOUSEHOLD_ID.match(other):
            return self.tr("Choose the other household (h and 20 hex digits).")
        if other == self.own:
            return self.tr("That is this case's own household.")
        return super().missing()

    def request(self) -> Callable[[], dict[str, Any]]:
        other, reason, session = self.otherEdit.text().strip(), self.reason(), self.session
        source, into = ((other, self.own) if self.directionCombo.currentData() == "into_this"
                        else (self.own, other))
        return lambda: session.merge_households(source, into, reason)


class FailureDialog(_OfficeDialog):
    """A day the heating company failed to test or to sign (the profile counts it as failing):
    the kind, the day and an optional note."""

    def __init__(self, parent: QWidget | None, session: ReviewSession, case: dict[str, Any],
                 today: date) -> None:
        super().__init__(parent, session)
        self.setObjectName("failureDialog")
        self.case = case
        self.kindCombo = QComboBox(self)
        self.kindCombo.setObjectName("failureKindCombo")
        self.kindLabel = QLabel(self)
        self.form.addRow(self.kindLabel, self.kindCombo)
        self.dayEdit = QDateEdit(self)
        self.dayEdit.setObjectName("failureDayEdit")
        self.dayEdit.setCalendarPopup(True)
        self.dayEdit.setDisplayFormat("yyyy-MM-dd")
        self.dayEdit.setDate(QDate(today.year, today.month, today.day))
        self.dayEdit.setMaximumDate(QDate(today.year, today.month, today.day))
        self.dayLabel = QLabel(self)
        self.form.addRow(self.dayLabel, self.dayEdit)
        self.finish_layout()
        self.retranslate()

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Company failed to test or to sign"))
        self.intro.setText(self.tr("Case %1: a day the heating company failed to test or to "
                                   "sign counts as failing, as the profile says.")
                           .replace("%1", str(self.case.get("case_id", ""))))
        self.kindLabel.setText(self.tr("&What"))
        self.kindLabel.setBuddy(self.kindCombo)
        self.dayLabel.setText(self.tr("&Day"))
        self.dayLabel.setBuddy(self.dayEdit)
        self.reasonLabel.setText(self.tr("&Note"))
        chosen = max(0, self.kindCombo.currentIndex())
        self.kindCombo.clear()
        self.kindCombo.addItem(self.tr("the company failed to test"), "company_failed_to_test")
        self.kindCombo.addItem(self.tr("the company failed to sign"), "company_failed_to_sign")
        self.kindCombo.setCurrentIndex(chosen)
        self.ok.setText(self.tr("Enter"))

    def missing(self) -> str:
        return ""   # the note is optional

    def request(self) -> Callable[[], dict[str, Any]]:
        case_id, kind = str(self.case.get("case_id", "")), self.kindCombo.currentData()
        day, note = self.dayEdit.date().toString("yyyy-MM-dd"), self.reason()
        session = self.session
        return lambda: session.case_event(case_id, kind, day, note)


class SplitDialog(_OfficeDialog):
    """Undo one merge of this case's household (chosen from its audited changes)."""

    def __init__(self, parent: QWidget | None, session: ReviewSession,
                 household: dict[str, Any]) -> None:
        super().__init__(parent, session)
        self.setObjectName("splitDialog")
        self.household = household
        self.changeCombo = QComboBox(self)
        self.changeCombo.setObjectName("mergeChangeCombo")
        self.changeCombo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.changeLabel = QLabel(self)
        self.form.addRow(self.changeLabel, self.changeCombo)
        self.finish_layout()
        self.retranslate()

    def merges(self) -> list[dict[str, Any]]:
        return merges_in_force(self.household)

    def retranslate(self) -> None:
        super().retranslate()
        self.setWindowTitle(self.tr("Undo a merge"))
        self.intro.setText(self.tr("Household %1: choose the merge to undo. The records and "
                                   "tickets of the household that was merged become its own "
                                   "again, and the cases of both are recomputed.")
                           .replace("%1", str(self.household.get("household_id") or "")))
        self.changeLabel.setText(self.tr("&Merge"))
        self.changeLabel.setBuddy(self.changeCombo)
        chosen = max(0, self.changeCombo.currentIndex())
        self.changeCombo.clear()
        for c in self.merges():
            self.changeCombo.addItem(
                self.tr("#%1: %2 into %3 · %4 · %5").replace("%1", str(c.get("id")))
                .replace("%2", str(c.get("household_id", "")))
                .replace("%3", str(c.get("into_id") or ""))
                .replace("%4", str(c.get("by", ""))).replace("%5", local_time(c.get("at"))),
                c.get("id"))
        self.changeCombo.setCurrentIndex(min(chosen, max(0, self.changeCombo.count() - 1)))
        self.ok.setText(self.tr("Undo the merge"))
        if not self.merges():
            self.say(self.tr("This household has no merge to undo."), "warn")

    def missing(self) -> str:
        if self.changeCombo.currentData() is None:
            return self.tr("This household has no merge to undo.")
        return super().missing()

    def request(self) -> Callable[[], dict[str, Any]]:
        change, reason, session = self.changeCombo.currentData(), self.reason(), self.session
        return lambda: session.split_households(change, reason)
