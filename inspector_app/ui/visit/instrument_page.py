"""Step 1: which thermometer, on which port, speaking which protocol, calibrated until when.

Probing listens to the port for a few seconds, so it runs in the background. An expired
certificate blocks a formal test (core.Instrument.check_for_formal_test says so); the page
then allows only a training visit and marks it.
"""

from __future__ import annotations

from datetime import date

from inspector_app.core.errors import ValidationError
from inspector_app.core.model import Visit
from inspector_app.ui import i18n
from inspector_app.ui.background import run_in_background
from inspector_app.ui.generated.page_instrument import Ui_InstrumentPage
from inspector_app.ui.qt import QDate
from inspector_app.ui.style import message_style
from inspector_app.ui.visit.base import StepPage


def _protocol_names() -> list[str]:
    from drivers.registry import names

    return names()


def _port_choices() -> list[tuple[str, str]]:
    """(device, label) of the serial ports present now."""
    from drivers.ports import list_ports

    return [(p.device, p.label()) for p in list_ports()]


class InstrumentPage(StepPage):
    FIELDS = {"instrument.port": "portCombo", "instrument.model": "modelEdit",
              "instrument.serial": "serialEdit", "instrument.certificate_no": "certificateEdit",
              "instrument.certificate_expiry": "expiryEdit"}
    REQUIRED_LABELS = ("portLabel", "modelLabel", "serialLabel", "certificateLabel",
                       "expiryLabel")

    def __init__(self, wizard) -> None:  # noqa: ANN001
        super().__init__(wizard)
        self.ui = Ui_InstrumentPage()
        self.ui.setupUi(self)
        self.mark_required()
        self.probe_op = None
        self.ui.refreshButton.clicked.connect(self.refresh_ports)
        self.ui.probeButton.clicked.connect(self.start_probe)
        self.ui.expiryEdit.dateChanged.connect(self.update_certificate)
        self.ui.trainingCheck.toggled.connect(self._training_toggled)
        for name in _protocol_names():
            self.ui.protocolCombo.addItem("", name)
        self.label_protocols()
        self.refresh_ports()

    def title(self) -> str:
        return self.tr("Instrument")

    def label_protocols(self) -> None:
        """Each protocol by the meters that speak it (model names read the same in any
        language); the two without a model name in words of the UI's language."""
        from drivers.registry import get

        words = {"simulated": self.tr("Simulated thermometer (demo and training)"),
                 "modbus-th": self.tr("Modbus RTU temperature and humidity transmitter "
                                      "(XY-MD02)")}
        combo = self.ui.protocolCombo
        for index in range(combo.count()):
            name = str(combo.itemData(index))
            combo.setItemText(index, words.get(name) or get(name).title.split(" (")[0])

    # -- filling ---------------------------------------------------------------------------
    def refresh_ports(self) -> None:
        current = self.ui.portCombo.currentText()
        self.ui.portCombo.clear()
        if self.ctx.emulator is not None:
            self.ui.portCombo.addItem(self.tr("%1 (emulated Center 309)")
                                      .replace("%1", self.ctx.emulator.path),
                                      self.ctx.emulator.path)
        for device, label in _port_choices():
            self.ui.portCombo.addItem(label, device)
        if current:
            self._select_port(current)

    def _select_port(self, port: str) -> None:
        index = self.ui.portCombo.findData(port)
        if index >= 0:
            self.ui.portCombo.setCurrentIndex(index)
        else:
            self.ui.portCombo.setEditText(port)

    def port(self) -> str:
        data = self.ui.portCombo.currentData()
        text = self.ui.portCombo.currentText().strip()
        if data and self.ui.portCombo.itemText(self.ui.portCombo.currentIndex()) == text:
            return str(data)
        return text

    def enter(self) -> None:
        inst = self.visit.instrument
        if inst.port:
            self._select_port(inst.port)
        if inst.protocol:
            index = self.ui.protocolCombo.findData(inst.protocol)
            if index >= 0:
                self.ui.protocolCombo.setCurrentIndex(index)
        self.ui.modelEdit.setText(inst.model)
        self.ui.serialEdit.setText(inst.serial)
        self.ui.certificateEdit.setText(inst.certificate_no)
        expiry = inst.certificate_expiry
        self.ui.expiryEdit.setDate(QDate(expiry.year, expiry.month, expiry.day) if expiry
                                   else QDate.currentDate())
        self.ui.correctionSpin.setValue(inst.correction_c)
        self.ui.trainingCheck.setChecked(self.visit.training)
        self.update_certificate()

    def expiry(self) -> date:
        d = self.ui.expiryEdit.date()
        return date(d.year(), d.month(), d.day())

    def update_certificate(self) -> None:
        """Show whether the certificate allows a formal test today; force training if not."""
        valid = self.expiry() >= self.session.wall().date()
        demo = self.ctx.demo
        if valid:
            self.ui.certificateStatus.setText(self.tr("Certificate valid today: a formal test "
                                                      "is allowed."))
            self.ui.certificateStatus.setStyleSheet(message_style("ok"))
        else:
            self.ui.certificateStatus.setText(self.tr(
                "Certificate expired: a formal test is blocked. Only a training visit may run, "
                "and it is marked as training on the record and the slip."))
            self.ui.certificateStatus.setStyleSheet(message_style("bad"))
            self.ui.trainingCheck.setChecked(True)
        if demo:
            self.ui.trainingCheck.setChecked(True)
        self.ui.trainingCheck.setEnabled(valid and not demo)

    def _training_toggled(self, on: bool) -> None:
        self.visit.training = on
        self.wizard.training_changed()

    # -- probing ---------------------------------------------------------------------------
    def start_probe(self) -> None:
        """Listen to the port in the background and pick the protocol that answers."""
        from drivers.probe import probe

        port = self.port()
        if not port:
            self.ui.probeResult.setText(self.tr("Choose a port first."))
            return
        self.wizard.stop_reader()  # the port can have only one reader
        self.ui.probeButton.setEnabled(False)
        self.ui.probeResult.setText(self.tr("Listening on %1…").replace("%1", port))
        self.probe_op = run_in_background(lambda _progress: probe(port),
                                          on_success=self._probe_done,
                                          on_failure=self._probe_failed)

    def _probe_done(self, protocol: str | None) -> None:
        self.ui.probeButton.setEnabled(True)
        if protocol is None:
            self.ui.probeResult.setText(self.tr("No known thermometer answered on this port. "
                                                "Check that it is on and its output enabled."))
            self.ui.probeResult.setStyleSheet(message_style("warn"))
            return
        index = self.ui.protocolCombo.findData(protocol)
        if index >= 0:
            self.ui.protocolCombo.setCurrentIndex(index)
        self.ui.probeResult.setText(self.tr("Found: %1").replace(
            "%1", self.ui.protocolCombo.itemText(index) if index >= 0 else protocol))
        self.ui.probeResult.setStyleSheet(message_style("ok"))

    def _probe_failed(self, exc: BaseException) -> None:
        self.ui.probeButton.setEnabled(True)
        self.ui.probeResult.setText(i18n.error_text(exc))
        self.ui.probeResult.setStyleSheet(message_style("bad"))

    # -- leaving ---------------------------------------------------------------------------
    def write(self, visit: Visit | None = None) -> None:
        """The widgets into `visit` (the wizard's by default; a preview copy for the rail)."""
        visit = visit or self.visit
        inst = visit.instrument
        inst.port = self.port()
        inst.protocol = self.ui.protocolCombo.currentData() or ""
        inst.model = self.ui.modelEdit.text().strip()
        inst.serial = self.ui.serialEdit.text().strip()
        inst.certificate_no = self.ui.certificateEdit.text().strip()
        inst.certificate_expiry = self.expiry()
        inst.correction_c = round(self.ui.correctionSpin.value(), 1)
        visit.training = self.ui.trainingCheck.isChecked()

    def leave(self, forward: bool) -> None:
        self.write()
        if not forward:
            if self.wizard.stored:
                self.wizard.ensure_stored()
            return
        self.check_stored()

    def check_stored(self) -> None:
        """The stored instrument must name a port and, for a formal test, a valid certificate."""
        inst = self.visit.instrument
        if not inst.port:
            raise ValidationError("请选择温度计所连接的串口", "choose the thermometer's port",
                                  field="instrument.port")
        if not self.visit.training:
            inst.check_for_formal_test(self.session.wall().date())
        self.wizard.ensure_stored()
        self.wizard.start_reader(inst.port, inst.protocol)

    def retranslate(self) -> None:
        self.update_certificate()
        self.label_protocols()
