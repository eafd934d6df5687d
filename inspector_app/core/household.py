"""A household's identity: one normalised key from an address, however it was typed.

A case is about a household over a season, so the office must know that "幸福小区3号楼2单元
101室", "幸福小区 ３栋 2单元 101" and "幸福小区3幢二单元101号" are one home. The key keeps the
parts that name a flat (city, district, community — else the street —, building, unit, flat),
each normalised: full-width to half-width (NFKC), spaces and invisible format characters
(a zero-width space or a byte-order mark pasted from a spreadsheet) dropped, every dash as
'-', the building, unit and flat suffixes (栋/号楼/幢/楼/座/#, 单元/门, 室/号/户/房) and a
leading 第 removed, Chinese numerals of a building or unit as digits, leading zeros dropped,
Latin letters upper-case. A flat written with its building and unit in front ("3-2-501",
"2-501", "2单元501" in a flat of building 3, unit 2) is the flat "501": the prefix repeats
what the other parts say. The raw address is always kept beside
it; what normalisation misses a supervisor merges (`office.households`), never the key.

Pure: no I/O; the same address gives the same key on every laptop and office.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass

SEPARATOR = "|"
_SPACE = re.compile(r"[\s\u3000·・,，、]+")
_DASH = re.compile(r"[\u2010-\u2015\u2212\u30fc\uff70]")   # hyphens, dashes, minus, ー
_BUILDING = re.compile(r"(号楼|号栋|栋|幢|号院|楼|座|号|#)$")
_UNIT = re.compile(r"(单元|门)$")
_FLAT = re.compile(r"(室|号|户|房)$")
_ORDINAL = re.compile(r"^第+(?=.)")
_NUMERALS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6,
             "七": 7, "八": 8, "九": 9}
_CHINESE_NUMBER = re.compile(r"^[零〇一二两三四五六七八九十百]+$")


def _chinese_to_int(text: str) -> int | None:
    """二 → 2, 十二 → 12, 二十 → 20, 一百零五 → 105, 二一 → 21 (digit by digit)."""
    if not _CHINESE_NUMBER.match(text):
        return None
    if "十" not in text and "百" not in text:
        return int("".join(str(_NUMERALS[c]) for c in text))
    total, current = 0, 0
    for char in text:
        if char == "百":
            total += (current or 1) * 100
            current = 0
        elif char == "十":
            total += (current or 1) * 10
            current = 0
        else:
            current = _NUMERALS[char]
    return total + current


def clean(text: object) -> str:
    """Half-width, no spaces or separators (nor the key's '|'), Latin upper-case: the base of
    every part."""
    value = unicodedata.normalize("NFKC", str(text or ""))
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Cf")
    return _DASH.sub("-", _SPACE.sub("", value)).replace(SEPARATOR, "").upper()


def _numbered(text: str, suffix: re.Pattern[str]) -> str:
    """A building, unit or flat: the suffix dropped, a number without leading zeros."""
    value = _ORDINAL.sub("", clean(text))
    while True:
        stripped = suffix.sub("", value)
        if stripped == value:
            break
        value = stripped
    as_int = _chinese_to_int(value)
    if as_int is not None:
        return str(as_int)
    if value.isdigit():
        return str(int(value))
    # "3-2" or "A座" and the like: digits inside keep their form, leading zeros of a number go
    return re.sub(r"(?<!\d)0+(?=\d)", "", value)


@dataclass(frozen=True)
class HouseholdKey:
    """The normalised parts of a household's address and its key."""

    city: str
    district: str
    place: str       # the community (小区), else the street
    building: str
    unit: str
    flat: str

    @property
    def text(self) -> str:
        """The key as text: parts joined by '|' (a character no part keeps)."""
        return SEPARATOR.join((self.city, self.district, self.place, self.building, self.unit,
                               self.flat))

    @property
    def household_id(self) -> str:
        """A short, stable id for URLs and rows: 'h' + 20 hex digits of the key's SHA-256."""
        return "h" + hashlib.sha256(self.text.encode("utf-8")).hexdigest()[:20]


def household_key(city: str, district: str, street: str, community: str, building: str,
                  unit: str, flat: str) -> HouseholdKey:
    """The household key of an address given in its parts (a record's or a ticket's)."""
    place = clean(community) or clean(street)
    building_n, unit_n = _numbered(building, _BUILDING), _numbered(unit, _UNIT)
    return HouseholdKey(city=clean(city), district=clean(district), place=place,
                        building=building_n, unit=unit_n,
                        flat=_flat(flat, building_n, unit_n))


def _flat(text: str, building: str, unit: str) -> str:
    """The flat, without a prefix that repeats its building and unit ("3-2-501", "2-501",
    "2单元501" → "501" in building 3, unit 2); a prefix naming another unit is kept, and so
    is one before a short number ("2-1" is not "1")."""
    value = clean(text)
    for prefix in _prefixes(building, unit):
        if value.startswith(prefix) and len(value) > len(prefix):
            rest = _numbered(value[len(prefix):], _FLAT)
            # after a bare dash, only a floor-and-door number (501, 1203): "2-1" may be
            # floor 2, door 1 of unit 2, not flat 1
            if rest.isdigit() and (not prefix.endswith("-") or len(rest) >= 3):
                return rest
    return _numbered(text, _FLAT)


def _prefixes(building: str, unit: str) -> list[str]:
    """The ways a flat may repeat its building and unit in front, longest first."""
    if not unit:
        return []
    found = [f"{unit}单元", f"{unit}-"]
    if building:
        found = [f"{building}-{unit}-", f"{building}栋{unit}单元", f"{building}号楼{unit}单元",
                 *found]
    return found


def key_of_address(address: dict[str, object]) -> HouseholdKey:
    """`household_key` of an address dict (a record's `visit.address`, a ticket's fields)."""
    return household_key(*(str(address.get(k) or "") for k in (
        "city", "district", "street", "community", "building", "unit", "flat")))
