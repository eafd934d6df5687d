"""Step 7: the inspector signs; the resident signs or refuses (reason + witness); then seal.

Whether a signature counts is `seal.signature.check_signature`'s rule (one place for it); the
refusal rule is the profile's (`check_signatures`). Sealing hashes and signs the whole record,
so it runs in the background on its own database connection; afterwards the visit is read-only.
"""

from __future__ import annotations

from typing import Any

from inspector_app.core.completeness import missing_for_seal
from inspector_app.core.errors import InspectionError
from inspector_app.seal.signature import (
    STATEMENT_EN,
    STATEMENT_ZH,
    Refusal,
    Signature,
    Signatures,
    check_signature,
    check_signatures,
)
from inspector_app.store.database import DB_FILENAME, connect
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.dialogs import confirm
from inspector_app.ui.generated.page_signing import Ui_SigningPage
from inspector_app.ui.qt import QHBoxLayout, QWidget
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.base import StepPage
from inspector_app.ui.widgets.signature_pad import SignaturePad


def seal_in_background(data_dir: Any, visit_id: str, signatures: Signatures) -> dict:
    """Seal on a connection of this worker thread (the GUI thread keeps its own)."""
    from inspector_app.seal.device_key import load_or_create_device_key
    from inspector_app.seal.record import seal_visit

    db = connect(data_dir / DB_FILENAME)
    try:
        return seal_visit(db, visit_id, signatures, load_or_create_device_key(data_dir))
    finally:
        db.conn.close()


class SigningPage(StepPage):
    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.ui = Ui_SigningPage()
        self.ui.setupUi(self)
        self.envelope: dict | None = None
        self.seal_op = None
        self.confirm_box = None
        u = self.ui
        self.pads: dict[str, SignaturePad] = {"inspector": u.inspectorPad,
                                              "resident": u.residentPad, "witness": u.witnessPad}
        for pad, undo, clear in ((u.inspectorPad, u.inspectorUndo, u.inspectorClear),
                                 (u.residentPad, u.residentUndo, u.residentClear),
                                 (u.witnessPad, u.witnessUndo, u.witnessClear)):
            undo.clicked.connect(pad.undo)
            clear.clicked.connect(pad.clear)
            pad.changed.connect(self._pad_changed)
        u.refuseCheck.toggled.connect(self._refuse_toggled)
        u.sealButton.clicked.connect(self.seal)
        u.slipButton.clicked.connect(lambda: self.wizard.slip_requested.emit(self.visit.id))
        self.sealBar = self._move_seal_row_to(wizard)
        for role in wizard.profile.witness_roles:   # shown in the UI's language, kept as ruled
            u.witnessRoleCombo.addItem(wizard.profile.witness_role_label(role, i18n.current()),
                                       role)
        self.retranslate()

    def title(self) -> str:
        return self.tr("Sign and seal")

    def _move_seal_row_to(self, wizard) -> QWidget:  # noqa: ANN001 - VisitWizard
        """The seal button lives in the wizard's button row, beside Back, so it is in sight
        without scrolling however small the screen; it shows only with this page."""
        bar = QWidget(wizard)
        bar.setObjectName("sealBar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(0, 0, 0, 0)
        for widget in (self.ui.sealStatus, self.ui.sealButton, self.ui.slipButton):
            self.ui.sealRow.removeWidget(widget)
            row.addWidget(widget, 1 if widget is self.ui.sealStatus else 0)
        wizard.ui.navLayout.insertWidget(1, bar, 1)
        bar.hide()
        return bar

    def showEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.sealBar.show()
        super().showEvent(event)

    def hideEvent(self, event) -> None:  # noqa: N802, ANN001 - Qt override
        self.sealBar.hide()
        super().hideEvent(event)

    def enter(self) -> None:
        u = self.ui
        if not u.inspectorNameEdit.text():
            u.inspectorNameEdit.setText(self.visit.inspector)
        if not u.residentNameEdit.text():
            u.residentNameEdit.setText(self.visit.resident_name)
        if self.wizard.read_only:
            self.show_sealed()
        self._update()

    def set_read_only(self, read_only: bool) -> None:
        u = self.ui
        for w in (u.inspectorBox, u.residentBox, u.sealButton):
            w.setEnabled(not read_only)
        u.slipButton.setEnabled(read_only)

    def _refuse_toggled(self, refused: bool) -> None:
        self.ui.residentStack.setCurrentIndex(1 if refused else 0)
        self._update()

    def _pad_changed(self) -> None:
        self._update()

    def _update(self) -> None:
        if self.wizard.read_only:
            return
        try:
            sigs = self.signatures()
        except InspectionError as exc:
            self.ui.sealStatus.setText(i18n.error_text(exc))
            self.ui.sealStatus.setStyleSheet(message_style("info"))
            self.ui.sealButton.setEnabled(False)
            return
        missing = self.missing(sigs)
        if missing:  # the seal would refuse: say everything it lacks, in the UI language
            self.ui.sealStatus.setText(self.tr("Cannot seal yet. Missing:") + "\n"
                                       + "\n".join("• " + m.message(i18n.current())
                                                   for m in missing))
            self.ui.sealStatus.setStyleSheet(message_style("bad"))
            self.ui.sealButton.setEnabled(False)
            return
        self.ui.sealStatus.setText(self.tr("Ready to seal."))
        self.ui.sealStatus.setStyleSheet(message_style("ok"))
        self.ui.sealButton.setEnabled(True)

    def missing(self, sigs: Signatures) -> list:
        """The core's completeness rule, as the seal itself will apply it."""
        witnessed = sigs.refusal is not None and sigs.refusal.witness is not None
        return missing_for_seal(self.visit, self.wizard.profile, self.session.wall(),
                                refused_with_witness=witnessed)

    # -- building the signatures (checked by the seal package) -----------------------------
    def capture(self, role: str, name: str) -> Signature:
        pad = self.pads[role]
        sig = Signature.capture(role, name, pad.box(), pad.strokes())
        check_signature(sig, role)
        return sig

    def witness_role(self) -> str:
        """The profile's words for the chosen role, or what the inspector typed."""
        combo = self.ui.witnessRoleCombo
        text = combo.currentText().strip()
        if combo.currentIndex() >= 0 and combo.itemText(combo.currentIndex()) == text:
            return str(combo.currentData())
        return text

    def signatures(self) -> Signatures:
        u = self.ui
        inspector = self.capture("inspector", u.inspectorNameEdit.text())
        if u.refuseCheck.isChecked():
            witness_name = u.witnessNameEdit.text().strip()
            witness = self.capture("witness", witness_name) if not u.witnessPad.is_empty() \
                else None
            refusal = Refusal(reason=u.reasonEdit.text(), witness_name=witness_name,
                              witness_role=self.witness_role(), witness=witness)
            sigs = Signatures(inspector=inspector, refusal=refusal)
        else:
            sigs = Signatures(inspector=inspector,
                              resident=self.capture("resident", u.residentNameEdit.text()))
        check_signatures(sigs, self.wizard.profile)
        return sigs

    # -- sealing ---------------------------------------------------------------------------
    def seal(self) -> None:
        """Ask first: a sealed record cannot be changed. The summary says what will be sealed."""
        try:
            sigs = self.signatures()
        except InspectionError as exc:
            self.wizard.show_message(i18n.error_text(exc), "bad")
            return
        self.confirm_box = confirm(self, self.tr("Seal the record?"), self.summary(),
                                   self.tr("&Seal"), self.tr("&Cancel"),
                                   lambda: self.seal_now(sigs))

    def summary(self) -> str:
        """Verdict, refund estimate and copies, then the warning that sealing is final."""
        result = self.session.result()
        verdict = {"pass": self.tr("Pass"), "fail": self.tr("Fail"),
                   "incomplete": self.tr("Incomplete")}.get(result.verdict, result.verdict)
        copies = i18n.pick("、", ", ").join(c.label(i18n.current())
                                            for c in self.wizard.profile.slip_copies)
        lines = [self.tr("Result: %1").replace("%1", verdict),
                 self.tr("Refund estimate: %1 yuan per failing day")
                 .replace("%1", str(result.refund_per_day)),
                 self.tr("Copies to print: %1").replace("%1", copies)]
        if self.visit.training:
            lines.append(self.tr("Training visit: not evidence for a refund ruling."))
        lines += ["", self.tr("A sealed record cannot be changed. A mistake can only be "
                              "corrected by a new record that names this one.")]
        return "\n".join(lines)

    def seal_now(self, sigs: Signatures) -> None:
        self.wizard.save_elapsed()
        self.ui.sealButton.setEnabled(False)
        self.ui.sealStatus.setText(self.tr("Sealing the record…"))
        self.ui.sealStatus.setStyleSheet(message_style("info"))
        data_dir, visit_id = self.ctx.data_dir, self.visit.id
        self.seal_op = run_in_background(
            lambda _progress: seal_in_background(data_dir, visit_id, sigs),
            on_success=self._sealed, on_failure=self._seal_failed)

    def _sealed(self, envelope: dict) -> None:
        self.envelope = envelope
        self.wizard.mark_sealed()
        self.set_read_only(True)
        self.show_sealed()

    def _seal_failed(self, exc: BaseException) -> None:
        self.wizard.show_message(i18n.error_text(exc), "bad")
        self._update()

    def show_sealed(self) -> None:
        if self.envelope is None:
            from inspector_app.store.sealed import SealedStore

            self.envelope = SealedStore(self.ctx.db).envelope_for_visit(self.visit.id)
        if self.envelope is None:
            return
        sigs = self.envelope["record"]["signatures"]
        self.ui.inspectorPad.set_strokes(sigs["inspector"]["strokes"])
        self.ui.inspectorNameEdit.setText(sigs["inspector"]["signer_name"])
        if sigs.get("resident"):
            self.ui.residentPad.set_strokes(sigs["resident"]["strokes"])
            self.ui.residentNameEdit.setText(sigs["resident"]["signer_name"])
        elif sigs.get("refusal"):
            refusal = sigs["refusal"]
            self.ui.refuseCheck.setChecked(True)
            self.ui.reasonEdit.setText(refusal["reason"])
            self.ui.witnessNameEdit.setText(refusal["witness_name"])
            self.ui.witnessRoleCombo.setEditText(
                self.wizard.profile.witness_role_label(refusal["witness_role"], i18n.current()))
            if refusal.get("witness"):
                self.ui.witnessPad.set_strokes(refusal["witness"]["strokes"])
        digest = self.envelope["sha256"]
        self.ui.sealStatus.setText(self.tr("Sealed: the record can no longer be changed. "
                                           "Check code %1").replace("%1", digest[:16]))
        self.ui.sealStatus.setStyleSheet(message_style("ok"))
        self.ui.slipButton.setEnabled(True)
        self.ui.slipButton.setFocus()

    def retranslate(self) -> None:
        combo = self.ui.witnessRoleCombo
        for index in range(combo.count()):
            combo.setItemText(index, self.wizard.profile.witness_role_label(
                str(combo.itemData(index)), i18n.current()))
        statements = STATEMENT_ZH if i18n.current() == "zh" else STATEMENT_EN
        self.ui.inspectorStatement.setText(STATEMENT_ZH["inspector"]
                                           + ("" if i18n.current() == "zh"
                                              else f"\n({statements['inspector']})"))
        self.ui.residentStatement.setText(STATEMENT_ZH["resident"]
                                          + ("" if i18n.current() == "zh"
                                             else f"\n({statements['resident']})"))
        self.ui.witnessStatement.setText(STATEMENT_ZH["witness"]
                                         + ("" if i18n.current() == "zh"
                                            else f"\n({statements['witness']})"))
        for pad in self.pads.values():
            pad.placeholder = self.tr("Sign here")
            pad.update()
        if self.wizard.read_only and self.envelope:
            self.show_sealed()
        else:
            self._update()
