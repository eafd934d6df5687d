"""`inspector-app demo --headless --ticket NUMBER`: the scripted visit, started from a ticket the
office dispatched to this laptop and pulled by `inspector-app sync`.

The visit takes the ticket's channel, number, address, resident, company and complaint time
(`core.visit_from_ticket`) and carries the office's signed reference, so the sealed record
proves its complaint time is the hotline's. It is still a training record (the thermometer is
an emulator): the office verifies its ticket reference like any other, but a training record
never marks a real ticket tested.
"""

from __future__ import annotations

from datetime import datetime, timedelta

import sqlite_utils

from inspector_app.core.errors import ProcedureError, ValidationError
from inspector_app.core.model import Visit
from inspector_app.core.profile import Profile
from inspector_app.core.tickets import split_ticket_key
from inspector_app.core.training import demo_visit
from inspector_app.core.visit_from_ticket import visit_from_assignment
from inspector_app.store import assignments as laptop_assignments


def find_assignment(db: sqlite_utils.Database, number: str):  # noqa: ANN201 - Assignment
    """The pulled assignment named `CHANNEL/TICKET`, or a bare `TICKET` when only one channel
    has it; ValidationError (exit 2) when there is none, several, or it left this laptop."""
    channel, ticket = split_ticket_key(number)
    found = [a for a in laptop_assignments.assignments(db, include_removed=True)
             if a.ticket == ticket and (channel is None or a.channel == channel)]
    if not found:
        raise ValidationError(
            f"本机没有工单 {number} 的派单：请先运行 inspector-app sync 拉取派单，"
            "或用 inspector-app assignments 查看本机的派单",
            f"no assignment {number!r} on this laptop: run inspector-app sync to pull the "
            "assignments, or list them with inspector-app assignments", field="ticket")
    if len(found) > 1:
        keys = "、".join(f"{a.channel}/{a.ticket}" for a in found)
        raise ValidationError(f"工单号 {number} 在多个渠道都有：{keys}，请写成 渠道/工单号",
                              f"ticket {number!r} exists on several channels: "
                              f"{keys.replace('、', ', ')}; write CHANNEL/TICKET",
                              field="ticket")
    item = found[0]
    if item.removed_reason:
        raise ProcedureError(f"工单 {item.channel}/{item.ticket} 已不在本机的派单中"
                             f"（{item.removed_words('zh')}）：不能从它开始检测",
                             f"ticket {item.channel}/{item.ticket} is no longer assigned to this "
                             f"laptop ({item.removed_words('en')}): no visit can start from it",
                             field="ticket")
    return item


def ticket_demo_visit(item: dict, profile: Profile, rooms: int, *,
                      contacted_at: str | None = None, now: datetime | None = None) -> Visit:
    """The demo home's training visit, answering the ticket `item`: its words and complaint
    time; the contact time logged on the assignment (`contacted_at`) or else 12 minutes after
    the complaint, the arrival 55 minutes after, none of them after now."""
    now = now or datetime.now().astimezone()
    demo = demo_visit(profile, rooms, now=now)
    visit = visit_from_assignment(item, profile, inspector=demo.inspector,
                                  inspector_org=demo.inspector_org, instrument=demo.instrument,
                                  training=True, heated_area_m2=demo.heated_area_m2, now=now)
    complaint = visit.complaint_at or now
    visit.id = demo.id
    visit.position = list(demo.position)
    logged = datetime.fromisoformat(contacted_at) if contacted_at else None
    visit.contact_at = min(logged or complaint + timedelta(minutes=12), now)
    visit.arrival_at = min(max(complaint + timedelta(minutes=55), visit.contact_at), now)
    visit.test_at = now
    visit.outdoor_temp_c = demo.outdoor_temp_c
    visit.preconditions = dict(demo.preconditions)
    visit.closed_since = demo.closed_since
    visit.notes = demo.notes
    return visit
