"""Transports for tests and replays: byte exchanges without any port.

`ScriptedTransport` follows PyMeasure's ProtocolAdapter idea: a test lists the bytes the driver
must write and the bytes the "device" sends back, and the driver is checked against that script.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from serial import SerialException


class ScriptedTransport:
    """Replays (expected write, reply) pairs plus unsolicited incoming bytes."""

    def __init__(
        self,
        exchanges: Iterable[tuple[bytes, bytes]] = (),
        *,
        incoming: bytes = b"",
        timeout: float = 0.0,
    ) -> None:
        self.timeout = timeout
        self.written = bytearray()
        self.unplugged = False
        self._exchanges = deque(exchanges)
        self._rx = bytearray(incoming)

    def push(self, data: bytes) -> None:
        """Bytes arriving from the device unasked (a streaming meter, or line noise)."""
        self._rx += data

    def unplug(self) -> None:
        """Further reads and writes fail like a pulled USB adapter."""
        self.unplugged = True

    @property
    def remaining_exchanges(self) -> int:
        return len(self._exchanges)

    def _check(self) -> None:
        if self.unplugged:
            raise SerialException("device reports readiness to read but returned no data")

    @property
    def in_waiting(self) -> int:
        self._check()
        return len(self._rx)

    def read(self, size: int = 1) -> bytes:
        self._check()
        data = bytes(self._rx[:size])
        del self._rx[:size]
        return data

    def write(self, data: bytes) -> int:
        self._check()
        data = bytes(data)
        self.written += data
        if self._exchanges:
            expected, reply = self._exchanges[0]
            if data != expected:
                raise AssertionError(f"driver wrote {data.hex(' ')}, script expects "
                                     f"{expected.hex(' ')}")
            self._exchanges.popleft()
            self._rx += reply
        return len(data)

    def reset_input_buffer(self) -> None:
        self._check()
        self._rx.clear()

    def close(self) -> None:
        pass
