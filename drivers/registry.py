"""Drivers by protocol name, so settings files and the command line can name a protocol."""

from __future__ import annotations

import importlib
from typing import TypeVar

from .base import Driver

_DRIVERS: dict[str, type[Driver]] = {}
_loaded = False

D = TypeVar("D", bound=type[Driver])


def register(cls: D) -> D:
    """Class decorator: make a driver available under its `name`."""
    name = getattr(cls, "name", None)
    if not name:
        raise TypeError(f"{cls.__name__} has no protocol name")
    existing = _DRIVERS.get(name)
    if existing is not None and existing is not cls:
        raise ValueError(f"protocol {name!r} is already registered by {existing.__name__}")
    _DRIVERS[name] = cls
    return cls


def _load_builtin() -> None:
    global _loaded
    if not _loaded:
        _loaded = True
        importlib.import_module("drivers.protocols")


def get(name: str) -> type[Driver]:
    """The driver class for `name`; KeyError naming the known protocols otherwise."""
    _load_builtin()
    try:
        return _DRIVERS[name]
    except KeyError:
        raise KeyError(
            f"unknown protocol {name!r}; known protocols: {', '.join(names())}"
        ) from None


def names() -> list[str]:
    """Registered protocol names, sorted."""
    _load_builtin()
    return sorted(_DRIVERS)
