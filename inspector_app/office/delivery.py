"""Delivery receipts: when the assigned inspector's laptop first received a ticket.

Why from the cursor: a laptop sends a feed cursor back only after it stored the page that came
with it (`store.assignments.save_pull` commits the page and its cursor together), so the
cursor of a pull is its receipt for every change between the position it acknowledged before
and the one it holds now (`office.feed_cursor.CursorState`). The office marks those of the
changes that are still the inspector's current assignment as delivered, at the time the page
was made — the moment the laptop received it, not the later moment it said so.

Only the first receipt counts (`delivered_at` is written once per assignment); a reassignment
empties it (`office.ticket_events.record_event`), so the new holder's laptop must receive it
again. A receipt is read first and written only when it delivers something new: most pulls
write nothing.
"""

from __future__ import annotations

from inspector_app.office.db import Database

# the inspector's feed rows in the receipt's range whose ticket is still theirs, undelivered
_UNDELIVERED = ("SELECT t.channel, t.ticket FROM ticket_feed f JOIN tickets t"
                " ON t.channel = f.channel AND t.ticket = f.ticket"
                " WHERE f.inspector = ? AND f.seq > ? AND f.seq <= ? AND f.removed = ?"
                " AND t.inspector = f.inspector AND t.delivered_at IS NULL")


def note_delivery(db: Database, inspector: str, acked: int, seq: int, at: str) -> int:
    """Mark the tickets `inspector`'s laptop received between feed positions `acked` (exclusive)
    and `seq` (inclusive) as delivered at `at`; returns how many were newly delivered."""
    if seq <= acked:
        return 0
    keys = db.query(_UNDELIVERED, (inspector, acked, seq, False))
    if not keys:
        return 0
    delivered = 0
    with db.write() as c:
        for channel, ticket in keys:  # each by its keys; still theirs, still the same change
            cur = c.execute(
                "UPDATE tickets SET delivered_at = ? WHERE channel = ? AND ticket = ?"
                " AND inspector = ? AND delivered_at IS NULL AND EXISTS (SELECT 1 FROM"
                " ticket_feed f WHERE f.inspector = ? AND f.channel = ? AND f.ticket = ?"
                " AND f.seq <= ? AND f.removed = ?)",
                (at, channel, ticket, inspector, inspector, channel, ticket, seq, False))
            delivered += int(cur.rowcount or 0)
    return delivered
