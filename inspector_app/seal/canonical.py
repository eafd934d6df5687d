"""The canonical bytes of a record: the one serialisation every hash and signature is taken over.

Equal to `json.dumps(obj, sort_keys=True, ensure_ascii=False, separators=(",", ":"),
allow_nan=False)` in UTF-8, except that floats are written in fixed point, rounded to 6 decimals
(see docs/record-format.md). Python's own float repr would give `1e-06` or `18.400000000000002`,
which another implementation (or another Python) could print differently; fixed point cannot.
A float is only accepted if its fixed-point text reads back as a float that prints the same text,
so `canonical_bytes(json.loads(canonical_bytes(x))) == canonical_bytes(x)` always holds.

Two implementations give the same text. `_canonical_reference` writes the rules out one value at
a time and is the definition. `_fast_text` hands the value to the C JSON encoder, but only when
that encoder provably writes the reference's bytes: plain dicts (string keys only), lists,
tuples, strings, ints, bools, None, at most 32 levels deep, and every float's repr (which the
encoder prints) already the reference's fixed-point text. Anything else, or any error, goes to
the reference, so a value the reference refuses is refused with the reference's own error.
Sealed records are read back through their canonical bytes, so their floats qualify.
"""

from __future__ import annotations

import hashlib
import json
import math
import re
from typing import Any

FLOAT_DECIMALS = 6

_FAST_MAX_DEPTH = 32
_PLAIN_SCALARS = frozenset({str, int, bool, type(None)})
_STR = frozenset({str})
# Float reprs joined, each followed by ",": fixed point, at most 9 integer digits and 6 decimals,
# not -0.0 (written 0.0). For such a repr r of f, format_float(f) == r: |f| < 1e9 < 2**30, so f
# is within 2**-24 < 0.5e-6 of r's value, a multiple of 1e-6; rounding f to 6 decimals gives r's
# value, and repr has neither leading zeros nor trailing zeros after the point (except "X.0").
_FIXED_REPRS = re.compile(r"(?:(?!-0\.0,)-?[0-9]{1,9}\.[0-9]{1,6},)*")
_ENCODER = json.JSONEncoder(sort_keys=True, ensure_ascii=False, separators=(",", ":"),
                            allow_nan=False, check_circular=False)


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


def _canonical_reference(obj: Any) -> str:
    """The canonical text by the rules, value by value: the definition `_fast_text` must match."""
    out: list[str] = []
    _write(obj, out)
    return "".join(out)


def _plain(obj: Any, floats: list[float], depth: int) -> bool:
    """True if obj holds only what the C encoder writes as the reference does; floats collected.

    Exact types only: a subclass may override what either implementation calls (`__format__`,
    `items`, `__iter__`). The depth bound stops at cycles and keeps to depths where the
    reference cannot run into the recursion limit (records nest 7 deep).
    """
    if depth > _FAST_MAX_DEPTH:
        return False
    kind = type(obj)
    if kind is dict:
        if not _STR.issuperset(map(type, obj)):
            return False
        items: Any = obj.values()
    elif kind is list or kind is tuple:
        items = obj
    elif kind is float:
        floats.append(obj)
        return True
    else:
        return kind in _PLAIN_SCALARS
    for item in items:
        kind = type(item)
        if kind is float:
            floats.append(item)
        elif kind not in _PLAIN_SCALARS and not _plain(item, floats, depth + 1):
            return False
    return True


def _fast_text(obj: Any) -> str | None:
    """The C encoder's text when it is provably the reference's; None when it may not be."""
    floats: list[float] = []
    try:
        if not _plain(obj, floats, 0):
            return None
        if floats and not _FIXED_REPRS.fullmatch(",".join(map(float.__repr__, floats)) + ","):
            return None
        return _ENCODER.encode(obj)
    except Exception:  # e.g. an int too long for str(): the reference raises its own error
        return None


def canonical_text(obj: Any) -> str:
    """The canonical serialisation as text (for storing; hash the bytes)."""
    text = _fast_text(obj)
    return _canonical_reference(obj) if text is None else text


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
