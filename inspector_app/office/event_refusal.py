"""A refusal of a company event (a stop, a heating period, a penalty notice) in both languages.

Storage raises it with the HTTP status and code the API answers with, so the routes and the
command line say the same thing; it is raised before anything is written (or inside the write
transaction, which then rolls back), so a refusal never changes what is stored.
"""

from __future__ import annotations

from typing import Any

from inspector_app.core.errors import InspectionError


class EventRefused(InspectionError):
    def __init__(self, code: str, zh: str, en: str, status: int = 422,
                 field: str | None = None) -> None:
        super().__init__(zh, en, field=field)
        self.code, self.status = code, status

    def body(self) -> dict[str, Any]:
        return {"error": self.code, "reason": self.message_en, "reason_zh": self.message_zh}
