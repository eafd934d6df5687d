"""Which records and tickets of one household make which case, over one heating season.

A case is a household's dispute: it opens with a complaint (a ticket) or, where the resident
never called, with the first failing test, and holds everything that follows until a ruling or
a withdrawal closes it. The rules, all derived from times, so the same evidence always makes
the same cases whatever order it arrived in:

- Closed cases (ruled or withdrawn) are fixed by their end: their closing time, or for a
  case ruled up to a ruling date (`until`) the end of that day when it is earlier — the
  ruling rests on the case as it stood that day, so what is tested after it belongs to a
  later case. Case i's span is (end of case i-1, its own end]; it opens at the earliest *opener* in its span — a
  complaint, or a failing test that counts as evidence — or at its stored opening when that is
  earlier (a ruling may have opened a case on a passing record). It holds every record and
  ticket from its opening up to its end. An item tested before the end that arrived
  after it (a late upload) joins it and marks `evidence_after_ruling`, so the supervisor sees
  the ruling may want reissuing.
- After the last closing, the earliest opener opens the one open case, which holds everything
  after it. No opener, no open case: a passing test alone is no dispute.
- A correction replaces the record it supersedes: the superseded record does not open a case
  (its correction, at its own time and verdict, may) and is held in the case that holds its
  correction, wherever its own test time falls (in no case when the correction is in none);
  both are shown.
- Ids: a closed case keeps its id; the open case keeps the id it was stored under (the earliest
  opened of those stored, after a merge joined two), else `<household>-<season>-<n>`, n = 1 +
  the closed cases before it (the next free number).

Pure: no I/O, no clock.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

TICKET, RECORD = "ticket", "record"
OPEN, RULED, WITHDRAWN = "open", "ruled", "withdrawn"


@dataclass(frozen=True)
class Item:
    """A ticket (complaint time) or a record (test time) of the household."""

    kind: str                      # ticket | record
    ref: str                       # 'channel/ticket' or the record's ref
    at: datetime                   # aware
    received_at: datetime | None = None
    verdict: str = ""              # a record's: pass | fail | incomplete
    supersedes: str | None = None  # a record's: the ref it corrects
    counts: bool = True            # may open a case (a verified, real record; a live ticket)


@dataclass(frozen=True)
class ClosedCase:
    """A stored case closed by a ruling or a withdrawal."""

    case_id: str
    state: str                     # ruled | withdrawn
    closed_at: datetime
    opened_at: datetime
    opened_kind: str
    opened_ref: str
    ruling_no: str | None = None
    ends_at: datetime | None = None   # the first instant after the ruling's `until` day

    def holds(self, at: datetime) -> bool:
        """Whether a time falls on or before the case's end (its closing, or the end of the
        ruling's `until` day when earlier)."""
        return at <= self.closed_at and (self.ends_at is None or at < self.ends_at)


@dataclass(frozen=True)
class StoredOpen:
    """A stored open case of the household (two after a merge, until grouped again)."""

    case_id: str
    opened_at: datetime


@dataclass(frozen=True)
class GroupedCase:
    case_id: str
    state: str
    opened_at: datetime
    opened_kind: str
    opened_ref: str
    closed_at: datetime | None
    ruling_no: str | None
    records: tuple[str, ...]
    tickets: tuple[str, ...]
    last_test_at: datetime | None
    evidence_after_ruling: bool


def _order(item: Item) -> tuple:
    return (item.at, item.kind, item.ref)


def corrections(items: Iterable[Item]) -> dict[str, str]:
    """Superseded record's ref → the ref of the counting correction that replaces it."""
    return {i.supersedes: i.ref for i in items
            if i.kind == RECORD and i.counts and i.supersedes and i.supersedes != i.ref}


def openers(items: Iterable[Item]) -> list[Item]:
    """Items that open a case, earliest first: live complaints and failing tests that count,
    a record superseded by a counting correction left out."""
    items = list(items)
    corrected = corrections(items)
    return sorted((i for i in items if i.counts and (
        i.kind == TICKET or (i.verdict == "fail" and i.ref not in corrected))), key=_order)


def group_cases(household: str, season: str, items: Iterable[Item],
                closed: Iterable[ClosedCase] = (), stored_open: Iterable[StoredOpen] = (),
                taken: Iterable[str] = ()) -> tuple[GroupedCase, ...]:
    """The household's cases of the season, oldest first (see the module's rules).

    `taken`: case ids used elsewhere (another household's), never given to the open case.
    """
    items = sorted(set(items), key=_order)
    closed_cases = sorted(set(closed), key=lambda k: (k.closed_at, k.case_id))
    starts = openers(items)
    corrected = corrections(items)
    refs = {i.ref for i in items if i.kind == RECORD}
    held = {i.ref for i in items if i.kind == RECORD and i.ref in corrected}
    placed = [i.kind == RECORD and i.ref in held for i in items]   # go with the correction
    cases: list[tuple[tuple, list[Item]]] = []
    previous: ClosedCase | None = None
    for case in closed_cases:
        span = [o for o in starts if _after(previous, o.at) and case.holds(o.at)]
        opened_at, kind, ref = case.opened_at, case.opened_kind, case.opened_ref
        if span and _order(span[0]) < (case.opened_at, kind, ref):
            opened_at, kind, ref = span[0].at, span[0].kind, span[0].ref
        members = _take(items, placed, lambda i, a=opened_at, k=case: a <= i.at and k.holds(i.at))
        cases.append(((case.case_id, case.state, opened_at, kind, ref, case.closed_at,
                       case.ruling_no), members))
        previous = case
    later = [o for o in starts if _after(previous, o.at)]
    if later:
        first = later[0]
        members = _take(items, placed, lambda i: i.at >= first.at)
        cases.append(((_open_id(household, season, closed_cases, stored_open, taken),
                       OPEN, first.at, first.kind, first.ref, None, None), members))
    _hold_superseded(cases, [i for i in items if i.ref in held], corrected, refs)
    return tuple(_grouped(*head, sorted(members, key=_order)) for head, members in cases)


def _after(case: ClosedCase | None, at: datetime) -> bool:
    """Whether a time falls after `case`'s end (any time does when there is none)."""
    return case is None or not case.holds(at)


def _hold_superseded(cases: list[tuple[tuple, list[Item]]], superseded: list[Item],
                     corrected: dict[str, str], refs: set[str]) -> None:
    """Put each superseded record in the case holding its latest correction (a chain of
    corrections followed to its end), so a correction and what it replaces are never apart."""
    where = {i.ref: members for _, members in cases for i in members if i.kind == RECORD}
    for item in superseded:
        ref, seen = item.ref, {item.ref}
        while ref in corrected and corrected[ref] in refs and corrected[ref] not in seen:
            ref = corrected[ref]
            seen.add(ref)
        if ref in where:
            where[ref].append(item)


def _take(items: list[Item], placed: list[bool], holds: Callable[[Item], bool]) -> list[Item]:
    """The items not yet in a case that `holds` admits, marked as placed."""
    taken = []
    for n, item in enumerate(items):
        if not placed[n] and holds(item):
            placed[n] = True
            taken.append(item)
    return taken


def _open_id(household: str, season: str, closed: list[ClosedCase],
             stored_open: Iterable[StoredOpen], taken: Iterable[str]) -> str:
    kept = sorted(set(stored_open), key=lambda s: (s.opened_at, s.case_id))
    if kept:
        return kept[0].case_id
    used = {k.case_id for k in closed} | set(taken)
    n = len(closed) + 1
    while f"{household}-{season}-{n}" in used:
        n += 1
    return f"{household}-{season}-{n}"


def _grouped(case_id: str, state: str, opened_at: datetime, kind: str, ref: str,
             closed_at: datetime | None, ruling_no: str | None,
             members: list[Item]) -> GroupedCase:
    tests = [i for i in members if i.kind == RECORD]
    late = closed_at is not None and any(
        i.received_at is not None and i.received_at > closed_at for i in members)
    return GroupedCase(
        case_id=case_id, state=state, opened_at=opened_at, opened_kind=kind, opened_ref=ref,
        closed_at=closed_at, ruling_no=ruling_no,
        records=tuple(i.ref for i in tests),
        tickets=tuple(i.ref for i in members if i.kind == TICKET),
        last_test_at=max((i.at for i in tests), default=None),
        evidence_after_ruling=late)
