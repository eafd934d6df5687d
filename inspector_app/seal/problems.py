"""What verification reports: one `Problem` per fault of a record, in Chinese and English."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

KINDS = ("content_changed", "signature_invalid", "link_missing", "foreign_key", "bad_format",
         "row_mismatch")
KIND_ZH = {"content_changed": "内容被改动", "signature_invalid": "签名无效",
           "link_missing": "链条缺环", "foreign_key": "非本机密钥", "bad_format": "格式错误",
           "row_mismatch": "数据库行不一致"}


@dataclass(frozen=True)
class Problem:
    """One fault of one record; `kind` is one of KINDS."""

    record_id: str
    kind: str
    message_zh: str
    message_en: str

    def message(self, lang: str = "zh") -> str:
        return self.message_zh if lang.startswith("zh") else self.message_en

    def to_dict(self) -> dict[str, str]:
        return asdict(self)


@dataclass
class VerifyReport:
    """The outcome of verifying a store: what was checked and everything found wrong."""

    checked: int = 0
    problems: list[Problem] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (zh, en): not record faults

    @property
    def ok(self) -> bool:
        return not self.problems

    def failing_records(self) -> list[str]:
        return sorted({p.record_id for p in self.problems})
