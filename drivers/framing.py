"""Incremental frame splitting with resynchronisation, shared by every protocol.

Serial data arrives in arbitrary chunks and may start mid-frame or carry line noise. A
`FrameBuffer` accumulates bytes, looks for the protocol's start marker, and asks the protocol
whether a complete, valid frame starts there. Anything else is skipped one byte at a time, so a
corrupted frame never becomes a value and the next good frame is still found.
"""

from __future__ import annotations

from abc import ABC, abstractmethod

NEED_MORE = 0
NO_FRAME = -1


class FrameBuffer(ABC):
    """Feed bytes in, get whole validated frames out; garbage is skipped and counted."""

    #: Byte sequence every frame starts with; candidates are searched with `bytes.find`.
    start: bytes = b""
    #: Pending bytes kept at most: a stream that never forms a frame must not grow memory.
    max_pending: int = 4096
    #: Before emitting a frame, make sure no valid frame starts *inside* it (see
    #: `_inner_frame`). For streaming protocols only: it may wait for the next bytes, which a
    #: request/response exchange would never receive.
    check_inner: bool = False

    def __init__(self) -> None:
        self._buf = bytearray()
        self.skipped = 0  # bytes discarded as garbage since creation
        self.frames = 0  # valid frames emitted since creation

    @abstractmethod
    def match(self, buf: bytearray, i: int) -> int:
        """Length of the valid frame starting at `buf[i]`, NEED_MORE, or NO_FRAME."""

    def feed(self, data: bytes) -> list[bytes]:
        """Add bytes; return the complete valid frames now available, in order."""
        buf = self._buf
        buf += data
        frames: list[bytes] = []
        i = 0
        n = len(buf)
        start = self.start
        while i < n:
            j = buf.find(start, i)
            if j < 0:
                # Keep a tail that may be the beginning of a split start marker.
                keep = min(len(start) - 1, n - i)
                while keep and not start.startswith(bytes(buf[n - keep:])):
                    keep -= 1
                self.skipped += n - keep - i
                i = n - keep
                break
            self.skipped += j - i
            i = j
            size = self.match(buf, i)
            if size > 0 and self.check_inner:
                inner = self._inner_frame(buf, i, size)
                if inner == NEED_MORE:
                    break
                if inner > 0:
                    size = NO_FRAME  # the real frame starts inside: this window is a splice
            if size > 0:
                frames.append(bytes(buf[i:i + size]))
                i += size
            elif size == NEED_MORE:
                break
            else:
                i += 1
                self.skipped += 1
        del buf[:i]
        if len(buf) > self.max_pending:
            self.skipped += len(buf)
            buf.clear()
        self.frames += len(frames)
        return frames

    def _inner_frame(self, buf: bytearray, i: int, size: int) -> int:
        """Verdict on frames starting inside the window `buf[i:i + size]`.

        A frame cut short (meter switched on mid-frame, a dropped byte) followed by the next
        frame's head can pass a weak check: an 8-bit sum matches 1 time in 256, a format without
        checksum whenever the end marker lines up. The next frame's start marker then lies
        inside the window; if a valid frame starts there, the window is a splice and must go.
        """
        j = buf.find(self.start, i + 1, i + size)
        while j >= 0:
            verdict = self.match(buf, j)
            if verdict != NO_FRAME:
                return verdict
            j = buf.find(self.start, j + 1, i + size)
        return NO_FRAME

    @property
    def pending(self) -> int:
        """Bytes held back waiting for the rest of a possible frame."""
        return len(self._buf)

    def clear(self) -> None:
        """Forget pending bytes (before a new request, stale halves must not join the answer)."""
        self.skipped += len(self._buf)
        self._buf.clear()


class FixedFrameBuffer(FrameBuffer):
    """Frames of one fixed size, validated by a predicate on the whole candidate."""

    size: int = 0

    def match(self, buf: bytearray, i: int) -> int:
        if len(buf) - i < self.size:
            return NEED_MORE
        return self.size if self.valid(bytes(buf[i:i + self.size])) else NO_FRAME

    @abstractmethod
    def valid(self, frame: bytes) -> bool:
        """Whether `frame` (exactly `size` bytes) is a valid frame."""
