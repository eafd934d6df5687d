"""The one way JSON from outside is read: a size limit, a nesting limit, then `json.loads`.

Python's json module recurses once per nested array or object, so `[` × 100,000 ends in a
RecursionError (an HTTP 500 at the office, a traceback on the laptop), and a document nested
a few hundred deep still parses only to break the next recursive walk over it (canonical form,
comparisons). The depth is therefore measured *before* parsing, in linear time without
recursion: strings are cut out (a bracket inside a string is text), the remaining brackets are
turned into +1/-1 steps and the running sum's maximum is the depth. RecursionError is still
caught as a second guard. NaN and Infinity, which JSON does not have but Python's parser takes,
are refused as well: no record or answer of ours carries them.

Every refusal is a `JsonInputError` (an `InspectionError`: both languages, exit 2 on the CLI).
"""

from __future__ import annotations

import json
import re
from itertools import accumulate
from typing import Any

from inspector_app.core.errors import InspectionError

MAX_DEPTH = 32  # a sealed record nests about 10 deep; office answers and manifests less

_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.DOTALL)
_BRACKETS = bytes.maketrans(b"[{]}", b"\x01\x01\xff\xff")
_NOT_BRACKETS = bytes(b for b in range(256) if b not in b"[]{}")


class JsonInputError(InspectionError):
    """JSON from outside that is too large, too deep, or not JSON at all."""


def nesting_depth(data: bytes) -> int:
    """How deeply arrays and objects nest in `data` (0 for a scalar), without recursing."""
    marks = _STRING.sub(b"", data).translate(_BRACKETS, _NOT_BRACKETS)
    return max(accumulate(memoryview(marks).cast("b")), default=0)


def _no_constants(name: str) -> Any:
    raise ValueError(f"{name} is not JSON")


def holds_nul(value: Any) -> bool:
    """Whether any string in a parsed JSON value (keys included) holds U+0000, without
    recursing. PostgreSQL text cannot store it, and no record or request of ours needs it."""
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def read_json(data: bytes | str, *, max_bytes: int, max_depth: int = MAX_DEPTH,
              what_zh: str = "数据", what_en: str = "the data", refuse_nul: bool = False) -> Any:
    """Parse `data` if it is at most `max_bytes` long and nests at most `max_depth` deep.

    `what_zh` / `what_en` name the input in the refusal ("上传的记录" / "the uploaded record").
    `refuse_nul`: also refuse text holding U+0000 (the office: its database stores text).
    """
    raw = data.encode("utf-8", "surrogatepass") if isinstance(data, str) else bytes(data)
    if len(raw) > max_bytes:
        raise JsonInputError(f"{what_zh}过大（{len(raw)} 字节，上限 {max_bytes} 字节）",
                             f"{what_en} is too large ({len(raw)} bytes, limit {max_bytes})",
                             field="json")
    depth = nesting_depth(raw)
    if depth > max_depth:
        raise JsonInputError(f"{what_zh}嵌套过深（{depth} 层，上限 {max_depth} 层）",
                             f"{what_en} nests too deeply ({depth} levels, limit {max_depth})",
                             field="json")
    try:
        value = json.loads(raw.decode("utf-8"), parse_constant=_no_constants)
    except UnicodeDecodeError as exc:
        raise JsonInputError(f"{what_zh}不是 UTF-8 编码的文本",
                             f"{what_en} is not UTF-8 text ({exc.reason} at byte {exc.start})",
                             field="json") from exc
    except (ValueError, RecursionError) as exc:  # JSONDecodeError, NaN, over-long integers
        raise JsonInputError(f"{what_zh}不是有效的 JSON", f"{what_en} is not valid JSON: {exc}",
                             field="json") from exc
    if refuse_nul and b"\\u0000" in raw and holds_nul(value):
        raise JsonInputError(f"{what_zh}的文字中含有空字符（U+0000）",
                             f"{what_en} holds a NUL character (U+0000) in its text",
                             field="json")
    return value
