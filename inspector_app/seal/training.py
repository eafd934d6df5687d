"""Signing and sealing a training visit with generated signatures (the scripted demo).

The demo's record goes through exactly the same seal as a real one, so the slip, verify and sync
work on it; only the ink is generated, deterministically from the visit id, and the record says
`training: true` so it can never pass for evidence.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

import sqlite_utils

from inspector_app.core.errors import ProcedureError
from inspector_app.seal.device_key import DeviceKey
from inspector_app.seal.record import seal_visit
from inspector_app.seal.signature import Signatures, generated_signature
from inspector_app.store.visits import VisitStore


def _now() -> datetime:
    return datetime.now().astimezone()


def seal_training_visit(db: sqlite_utils.Database, visit_id: str, key: DeviceKey, *,
                        clock: Callable[[], datetime] = _now) -> dict[str, Any]:
    """Sign (inspector and resident, generated strokes) and seal a complete training visit."""
    visit = VisitStore(db).load(visit_id)
    if not visit.training:
        raise ProcedureError("只有培训记录可以使用自动生成的签名",
                             "generated signatures are for training records only")
    when = clock()
    sigs = Signatures(
        inspector=generated_signature(visit.inspector or "检测员", "inspector", visit.id,
                                      signed_at=when),
        resident=generated_signature(visit.resident_name or "用户", "resident", visit.id,
                                     signed_at=when))
    return seal_visit(db, visit_id, sigs, key, clock=clock)
