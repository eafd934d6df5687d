"""Emulated thermometers: device models (pure bytes) and their pseudo-terminal servers.

The models work everywhere (they back `sim://`); the pty emulators need a POSIX
pseudo-terminal and are imported on first use, so importing this package works on Windows.
"""

from __future__ import annotations

from typing import Any

from .models import MODELS, DeviceModel, make_curves, model_for

_PTY_NAMES = (
    "Appa55IIEmulator",
    "Center309Emulator",
    "Emulator",
    "Lutron16Emulator",
    "MS6514Emulator",
    "ModbusTHEmulator",
    "SimulatedEmulator",
)


def __getattr__(name: str) -> Any:
    if name in _PTY_NAMES:
        from . import pty_emulator  # POSIX only: pty, tty, termios

        return getattr(pty_emulator, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["MODELS", "DeviceModel", "make_curves", "model_for", *_PTY_NAMES]
