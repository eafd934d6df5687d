"""Where a profile section's values come from, said so that a slip or a ruling can print it.

Each section of a jurisdiction profile states `status`: `cited` when its values come from the
published document named in `citation_zh` / `citation_en` (title and number), or `unconfirmed`
when they are reported practice with no document behind them. An unconfirmed section is printed
as such (never as a developer's note), and an office administrator may confirm it against the
published rule (`inspector-office profile confirm`), which the office keeps with who and when.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

CITED = "cited"
UNCONFIRMED = "unconfirmed"
CONFIRMED = "confirmed"       # unconfirmed in the file, confirmed at an office
STATUSES = (CITED, UNCONFIRMED)
KEYS = ("status", "citation_zh", "citation_en")

UNCONFIRMED_TEXT = {"zh": "本条规则数据尚未经主管部门确认",
                    "en": "These rule values have not yet been confirmed by the authority"}
# An office confirmation may name its document in Chinese only; English pages never mix scripts.
CHINESE_ONLY_EN = "a published document, cited in the Chinese version"


@dataclass(frozen=True)
class Provenance:
    section: str
    status: str                 # cited | unconfirmed | confirmed
    citation_zh: str = ""
    citation_en: str = ""
    confirmed_by: str = ""      # office confirmations only
    confirmed_at: str = ""

    @property
    def settled(self) -> bool:
        """True when a published document stands behind the values (cited or confirmed)."""
        return self.status in (CITED, CONFIRMED)

    def citation(self, lang: str = "zh") -> str:
        """The document in `lang`, or the not-confirmed sentence."""
        if not self.settled:
            return UNCONFIRMED_TEXT["zh" if lang.startswith("zh") else "en"]
        if lang.startswith("zh"):
            return self.citation_zh
        return self.citation_en or CHINESE_ONLY_EN

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Provenance:
        return cls(**{k: str(d.get(k) or "") for k in (
            "section", "status", "citation_zh", "citation_en", "confirmed_by", "confirmed_at")})


def unconfirmed(section: str) -> Provenance:
    return Provenance(section, UNCONFIRMED)
