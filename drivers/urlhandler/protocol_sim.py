"""pyserial handler for `sim://` URLs: an emulated thermometer inside the process.

Registered by `drivers.ports` (which appends `drivers.urlhandler` to
`serial.protocol_handler_packages`), so `serial.serial_for_url("sim://?temps=18.2")` and every
place that takes a port URL (Monitor, probe, the CLI) can use a simulated thermometer.
"""

from __future__ import annotations

from serial.serialutil import PortNotOpenError, SerialBase, SerialException

from ..simline import SimulatedLine, line_from_url


class Serial(SerialBase):
    """A pyserial port whose far end is a `SimulatedLine`."""

    def __init__(self, *args, **kwargs) -> None:  # noqa: ANN002, ANN003 - pyserial signature
        self._line: SimulatedLine | None = None
        super().__init__(*args, **kwargs)

    def open(self) -> None:
        if self.is_open:
            raise SerialException("Port is already open.")
        if self._port is None:
            raise SerialException("Port must be configured before it can be used.")
        try:
            self._line = line_from_url(self.portstr, timeout=self._timeout)
        except (ValueError, KeyError) as exc:
            raise SerialException(f"bad sim:// URL {self.portstr!r}: {exc}") from exc
        self.is_open = True
        self.reset_input_buffer()

    def close(self) -> None:
        self.is_open = False
        self._line = None

    @property
    def line(self) -> SimulatedLine:
        """The simulated line (to unplug it in a training scenario, for example)."""
        if self._line is None or not self.is_open:
            raise PortNotOpenError()
        return self._line

    def _reconfigure_port(self) -> None:
        if self._line is not None:
            self._line.timeout = self._timeout

    def _update_dtr_state(self) -> None:
        pass

    def _update_rts_state(self) -> None:
        pass

    def _update_break_state(self) -> None:
        pass

    @property
    def cts(self) -> bool:
        return True

    @property
    def dsr(self) -> bool:
        return True

    @property
    def ri(self) -> bool:
        return False

    @property
    def cd(self) -> bool:
        return True

    @property
    def in_waiting(self) -> int:
        return self.line.in_waiting

    def read(self, size: int = 1) -> bytes:
        line = self.line
        line.timeout = self._timeout
        return line.read(size)

    def write(self, data: bytes) -> int:
        return self.line.write(bytes(data))

    def reset_input_buffer(self) -> None:
        self.line.reset_input_buffer()

    def reset_output_buffer(self) -> None:
        self.line.reset_output_buffer()

    def flush(self) -> None:
        self.line.flush()
