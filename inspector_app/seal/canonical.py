"""The canonical bytes of a record: the one serialisation every hash and signature is taken over.

Equal to `json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
allow_nan=False)` in UTF-8, except that floats are written in fixed point, rounded to 6 decimals
(see docs/record-format.md). Python's own float repr would give `1e-06` or `18.400000000000002`,
which another implementation (or another Python) could print differently; fixed point cannot.
A float is only accepted if its fixed-point text reads back as a float that prints the same text,
so `canonical_bytes(json.loads(canonical_bytes(x))) == canonical_bytes(x)` always holds.
"""

from __future__ import annotations

import hashlib
import json
import math
from typing import Any

FLOAT_DECIMALS = 6


def format_float(value: float) -> str:
    """Fixed point, 6 decimals, trailing zeros dropped but one kept; -0.0 is written 0.0."""
    if not math.isfinite(value):
        raise ValueError(f"NaN and infinities have no canonical form: {value!r}")
    text = _fixed(value)
    if _fixed(float(text)) != text:
        raise ValueError(f"{value!r} has too many significant digits for a stable canonical form")
    return text


def _fixed(value: float) -> str:
    text = f"{value:.{FLOAT_DECIMALS}f}".rstrip("0")
    if text.endswith("."):
        text += "0"
    return "0.0" if text == "-0.0" else text


def _write(obj: Any, out: list[str]) -> None:
    if obj is None or obj is True or obj is False:
        out.append(json.dumps(obj))
    elif isinstance(obj, str):
        out.append(json.dumps(obj, ensure_ascii=False))
    elif isinstance(obj, int):
        out.append(int.__repr__(obj))
    elif isinstance(obj, float):
        out.append(format_float(obj))
    elif isinstance(obj, dict):
        if not all(isinstance(k, str) for k in obj):
            raise TypeError("canonical objects need string keys only")
        out.append("{")
        for i, key in enumerate(sorted(obj)):
            if i:
                out.append(",")
            out.append(json.dumps(key, ensure_ascii=False))
            out.append(":")
            _write(obj[key], out)
        out.append("}")
    elif isinstance(obj, list | tuple):
        out.append("[")
        for i, item in enumerate(obj):
            if i:
                out.append(",")
            _write(item, out)
        out.append("]")
    else:
        raise TypeError(f"{type(obj).__name__} has no canonical form (Decimal values must be "
                        "strings, dates ISO strings)")


def canonical_text(obj: Any) -> str:
    """The canonical serialisation as text (for storing; hash the bytes)."""
    out: list[str] = []
    _write(obj, out)
    return "".join(out)


def canonical_bytes(obj: Any) -> bytes:
    """UTF-8 canonical bytes of a JSON-like object; raises ValueError/TypeError if it has none."""
    try:
        return canonical_text(obj).encode("utf-8")
    except UnicodeEncodeError as exc:  # lone surrogates cannot be UTF-8
        raise ValueError(f"text that is not valid Unicode: {exc}") from exc


def sha256_hex(obj: Any) -> str:
    """Hex SHA-256 of the canonical bytes: the record's fingerprint."""
    return hashlib.sha256(canonical_bytes(obj)).hexdigest()


def normalised(obj: Any) -> Any:
    """The object as a reader of its canonical bytes sees it (floats rounded, tuples as lists)."""
    return json.loads(canonical_bytes(obj))
