"""Households at the office: the link of records and tickets to a home, merges and splits.

Why it is shaped this way:
- A record's or a ticket's `household` is the key id of the address as it arrived
  (`core.household`), written with the row and never rewritten: what normalisation missed, a
  supervisor merges (`merge`), and a merge is resolved when read (`canonical` follows
  `households.merged_into`). So a wrong merge is undone (`split`) by clearing one pointer;
  no record or ticket row is touched either way.
- Both are audited in `household_changes` (who, when, why; a split names the merge it undoes)
  and both regroup the cases of the households involved in the same transaction
  (`office.cases.refresh_household`): a case is derived from its household's evidence.
- A merge is refused across districts (a district's supervisor rules on its own homes only),
  onto itself, and for a household already merged (merge into the one it joined instead).
- Neither a merge nor a split may change what a ruling in force rests on (`ruled_case`): the
  records, tickets and stops of every case with a ruling in force are compared before and
  after the regrouping, in its transaction. A split that took records out of a case ruled while merged
  would leave that ruling citing records its case no longer holds, and open a new case over
  them, ruled and refunded twice. A ruled case the change leaves as it was (last season's) does
  not block it: refusing every household ever ruled would leave its later misses unmergeable.
- `backfill` gives rows stored before revision 0007 their household, in batches, and groups
  their cases; it is idempotent and `office.schema` runs it after an upgrade.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from typing import TYPE_CHECKING, Any

from inspector_app.core.household import HouseholdKey, clean, key_of_address
from inspector_app.core.season import season_of
from inspector_app.office.db import Database, Tx
from inspector_app.office.values import now_iso

if TYPE_CHECKING:
    from inspector_app.office.store import OfficeStore

UPSERT = ("INSERT INTO households (household_id, key, city, district, address, created_at)"
          " VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING")
CHANGE_COLS = ("id", "kind", "household_id", "into_id", "district", "reason", "by", "at",
               "undoes")
ADDRESS_PARTS = ("city", "district", "street", "community", "building", "unit", "flat")
BACKFILL_BATCH = 1000
MAX_CHAIN = 1000   # merges a pointer chain may hold (a loop is refused when merging)


class HouseholdRefusal(Exception):
    """A merge or split refused: an HTTP status, a code and words in both languages."""

    def __init__(self, status: int, code: str, zh: str, en: str) -> None:
        super().__init__(en)
        self.status, self.code, self.zh, self.en = status, code, zh, en


def household_of(address: dict[str, Any]) -> HouseholdKey | None:
    """The household key of an address, None when it names no home (no community or street,
    and neither building nor flat): such rows are left unlinked rather than all joined."""
    return household_of_parts(*(str(address.get(k) or "") for k in ADDRESS_PARTS))


def household_of_parts(*parts: str) -> HouseholdKey | None:
    """`household_of` an address given as its parts, in `ADDRESS_PARTS` order."""
    return _household_of(parts)


@lru_cache(maxsize=65536)
def _household_of(parts: tuple[str, ...]) -> HouseholdKey | None:
    """Remembered: an import meets the same buildings' addresses again and again."""
    key = key_of_address(dict(zip(ADDRESS_PARTS, parts, strict=True)))
    if not key.place or not (key.building or key.flat):
        return None
    return key


def upsert_params(key: HouseholdKey, district: str, address: str) -> tuple[str, ...]:
    """The parameters of `UPSERT` for a household first seen with this raw address."""
    return (key.household_id, key.text, key.city, district, address, now_iso())


def canonical(c: Tx, household_id: str) -> str:
    """The household `household_id` is counted as: itself, or the one it was merged into
    (followed through every merge)."""
    current = household_id
    for _ in range(MAX_CHAIN):
        row = c.execute("SELECT merged_into FROM households WHERE household_id=?",
                        (current,)).fetchone()
        if row is None or row[0] is None:
            return current
        current = row[0]
    return current


def members(c: Tx, household_id: str) -> list[str]:
    """`household_id` and every household merged into it, directly or through others."""
    found, todo = [household_id], [household_id]
    while todo:
        rows = c.execute(f"SELECT household_id FROM households WHERE merged_into IN"
                         f" ({','.join('?' * len(todo))})", todo).fetchall()
        todo = [r[0] for r in rows if r[0] not in found]
        found += todo
    return found


def members_many(c: Tx, households: list[str]) -> dict[str, list[str]]:
    """`members` of each of `households` (canonical ones), in one statement when nothing
    was merged into them (the usual case)."""
    out = {h: [h] for h in households}
    merged: set[str] = set()
    for start in range(0, len(households), 500):
        part = households[start:start + 500]
        merged |= {r[0] for r in c.execute(
            f"SELECT DISTINCT merged_into FROM households WHERE merged_into IN"
            f" ({','.join('?' * len(part))})", part)}
    for h in merged:
        out[h] = members(c, h)
    return out


def canonical_many(c: Tx, households: list[str]) -> dict[str, str]:
    """`canonical` of each of `households`, in one statement when none is merged."""
    out = {h: h for h in households}
    for start in range(0, len(households), 500):
        part = households[start:start + 500]
        for hid, into in c.execute(f"SELECT household_id, merged_into FROM households WHERE"
                                   f" household_id IN ({','.join('?' * len(part))})"
                                   " AND merged_into IS NOT NULL", part):
            out[hid] = canonical(c, into)
    return out


def lock_canonical_many(c: Tx, households: list[str]) -> dict[str, str]:
    """`lock_canonical` of each of `households`: the canonical ones locked in id order."""
    found = canonical_many(c, sorted(set(households)))
    if not c.postgres:
        return found
    for hid in sorted(set(found.values())):
        c.lock(f"household {hid}")
    again = canonical_many(c, sorted(found))
    for hid in sorted(h for h in found if again[h] != found[h]):   # a merge got in first
        again[hid] = lock_canonical(c, again[hid])
    return again


def lock_canonical(c: Tx, household_id: str) -> str:
    """Lock the canonical household of `household_id` (`household {id}`) and return it; read
    again under the lock on PostgreSQL, since a merge committed meanwhile may have moved it
    (SQLite's write lock keeps every other writer out already)."""
    hid = canonical(c, household_id)
    if not c.postgres:
        return hid
    for _ in range(MAX_CHAIN):
        c.lock(f"household {hid}")
        again = canonical(c, hid)
        if again == hid:
            return hid
        hid = again
    return hid


def seasons_of(c: Tx, group: list[str]) -> set[str]:
    """Every season in which the households `group` have a record, a ticket or a case."""
    marks = ",".join("?" * len(group))
    found = {season_of(r[0]) for r in c.execute(
        f"SELECT test_at FROM records WHERE household IN ({marks}) AND synthetic=0", group)
        if r[0]}
    found |= {season_of(r[0]) for r in c.execute(
        f"SELECT complaint_at FROM tickets WHERE household IN ({marks})", group)}
    found |= {r[0] for r in c.execute(
        f"SELECT season FROM cases WHERE household IN ({marks})", group)}
    return found


def household(store: OfficeStore, household_id: str) -> dict[str, Any] | None:
    """A household: id, key, city, district, address, merged_into, canonical, `merged` (ids
    merged into it, directly or not) and its `changes` (oldest first)."""
    with store.db.reading() as c:
        row = c.execute("SELECT household_id, key, city, district, address, merged_into,"
                        " created_at FROM households WHERE household_id=?",
                        (household_id,)).fetchone()
        if row is None:
            return None
        out = dict(zip(("household_id", "key", "city", "district", "address", "merged_into",
                        "created_at"), row, strict=True))
        out["canonical"] = canonical(c, household_id)
        group = members(c, household_id)
        out["merged"] = group[1:]
        marks = ",".join("?" * len(group))
        out["changes"] = [_change(r) for r in c.execute(
            f"SELECT {', '.join(CHANGE_COLS)} FROM household_changes WHERE household_id IN"
            f" ({marks}) OR into_id IN ({marks}) ORDER BY id", [*group, *group])]
    return out


def _change(row: Iterable[Any]) -> dict[str, Any]:
    return dict(zip(CHANGE_COLS, row, strict=True))


def _row(c: Tx, household_id: str) -> tuple[str, str | None] | None:
    found = c.execute("SELECT district, merged_into FROM households WHERE household_id=?",
                      (household_id,)).fetchone()
    return None if found is None else (found[0], found[1])


def _not_found(household_id: str) -> HouseholdRefusal:
    return HouseholdRefusal(404, "not_found", f"没有这个住户：{household_id}",
                            f"no such household: {household_id}")


def merge(store: OfficeStore, household_id: str, into_id: str, by: str, reason: str,
          may_see: Any = None) -> dict[str, Any]:
    """Count `household_id` (and what was merged into it) as `into_id` from now on; audited;
    their cases regrouped. `may_see(district)`: the caller's scope (an unseen household is
    answered as absent). Refusals raise `HouseholdRefusal`; nothing is written then."""
    from inspector_app.office.cases import refresh_household

    _need_reason(reason, "合并", "merge")
    with store.write() as c:
        for hid in sorted({household_id, into_id}):
            c.lock(f"household {hid}")
        rows = {h: _row(c, h) for h in (household_id, into_id)}
        for hid, row in rows.items():
            if row is None or (may_see is not None and not may_see(row[0])):
                raise _not_found(hid)
        if household_id == into_id:
            raise HouseholdRefusal(422, "same_household", "不能把住户合并到它自己",
                                   "a household cannot be merged into itself")
        for hid, row in rows.items():
            if row[1] is not None:
                raise HouseholdRefusal(
                    409, "already_merged", f"住户 {hid} 已并入 {row[1]}：请对 {row[1]} 操作，或先拆分",
                    f"household {hid} is already merged into {row[1]}: act on {row[1]}, or"
                    " split it first")
        (district, _), (into_district, _) = rows[household_id], rows[into_id]
        if clean(district) != clean(into_district):
            raise HouseholdRefusal(
                422, "other_district",
                f"两个住户不在同一个区（{district or '未定区'}、{into_district or '未定区'}），不能合并",
                f"the households are in different districts ({district or 'none'}, "
                f"{into_district or 'none'}) and cannot be merged")
        ruled = _ruled_holdings(c, [household_id, into_id])
        moved = members(c, household_id)
        c.execute("UPDATE households SET merged_into=? WHERE household_id=?",
                  (into_id, household_id))
        c.execute(f"UPDATE cases SET household=? WHERE household IN"
                  f" ({','.join('?' * len(moved))})", (into_id, *moved))
        change_id = _audit(c, "merge", household_id, into_id, into_district, reason, by)
        for season in sorted(seasons_of(c, members(c, into_id))):
            refresh_household(c, into_id, season)
        _refuse_moved(ruled, _ruled_holdings(c, [into_id]), "merged")
        return _change(c.execute(f"SELECT {', '.join(CHANGE_COLS)} FROM household_changes"
                                 " WHERE id=?", (change_id,)).fetchone())


def split(store: OfficeStore, change_id: int, by: str, reason: str,
          may_see: Any = None) -> dict[str, Any]:
    """Undo the merge `change_id`: the household counts as itself again, takes back the cases
    that were its own (by their ids), and both sides' cases are regrouped; audited."""
    from inspector_app.office.cases import refresh_household

    _need_reason(reason, "拆分", "split")
    with store.write() as c:
        row = c.execute(f"SELECT {', '.join(CHANGE_COLS)} FROM household_changes WHERE id=?",
                        (change_id,)).fetchone()
        if row is None or (may_see is not None and not may_see(row[4])):
            raise HouseholdRefusal(404, "not_found", f"没有这次合并：{change_id}",
                                   f"no such merge: {change_id}")
        change = _change(row)
        if change["kind"] != "merge":
            raise HouseholdRefusal(422, "not_a_merge", "只能拆分一次合并，这是一次拆分",
                                   "only a merge can be split; this change is a split")
        hid, into = change["household_id"], change["into_id"]
        top = canonical(c, into)
        for h in sorted({hid, top}):
            c.lock(f"household {h}")
        undone = c.execute("SELECT id FROM household_changes WHERE undoes=?",
                           (change_id,)).fetchone()
        current = _row(c, hid)
        if undone is not None or current is None or current[1] != into:
            raise HouseholdRefusal(409, "already_split", f"合并 {change_id} 已经拆分",
                                   f"the merge {change_id} was already split")
        ruled = _ruled_holdings(c, [top])
        c.execute("UPDATE households SET merged_into=NULL WHERE household_id=?", (hid,))
        own = set(members(c, hid))
        back = [r[0] for r in c.execute("SELECT case_id FROM cases WHERE household=?", (top,))
                if r[0].split("-", 1)[0] in own]
        for case_id in back:
            c.execute("UPDATE cases SET household=? WHERE case_id=?", (hid, case_id))
        split_id = _audit(c, "split", hid, into, change["district"], reason, by, change_id)
        for side in (top, hid):
            for season in sorted(seasons_of(c, members(c, side))):
                refresh_household(c, side, season)
        _refuse_moved(ruled, _ruled_holdings(c, [top, hid]), "split")
        return _change(c.execute(f"SELECT {', '.join(CHANGE_COLS)} FROM household_changes"
                                 " WHERE id=?", (split_id,)).fetchone())


def _ruled_holdings(c: Tx, households: list[str]) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Case id → (its ruling in force, the records, tickets and company stops it holds) for
    every case of `households` (canonical) with a ruling in force, as grouped now (a merge
    also joins the flats' buildings, so a stop of the other's building would reach it)."""
    from inspector_app.office.case_evidence import stops_reaching
    from inspector_app.office.case_groups import load

    out: dict[str, tuple[str, tuple[str, ...]]] = {}
    for home in households:
        for season in sorted(seasons_of(c, members(c, home))):
            data = load(c, home, season)
            for case in data.cases:
                if case.ruling_no and c.execute(
                        "SELECT 1 FROM rulings WHERE ruling_no=? AND superseded_by IS NULL",
                        (case.ruling_no,)).fetchone() is not None:
                    row = data.stored.get(case.case_id) or {}
                    stops = stops_reaching(c, data, row.get("district") or "",
                                           row.get("company") or "")
                    out[case.case_id] = (case.ruling_no, tuple(sorted(
                        (*case.records, *case.tickets, *(s.stop_id for s in stops)))))
    return out


def _refuse_moved(before: dict[str, tuple[str, tuple[str, ...]]],
                  after: dict[str, tuple[str, tuple[str, ...]]], action: str) -> None:
    """Refuse a merge or split (`action`: 'merged' | 'split', raised inside its transaction,
    which then rolls back) that moved evidence into or out of a case whose ruling is in force:
    the ruling would rest on records its case no longer holds (or miss ones it now holds), and
    a household split off would get a new case over the same records, to be ruled (and
    refunded) a second time. A ruled case the change leaves as it was does not stand in the way
    (a ruling of last season, or one whose ruling date is before the other flat's tests)."""
    for case_id, (number, held) in sorted(before.items()):
        if after.get(case_id, (number, ()))[1] != held:
            if action == "split":
                raise HouseholdRefusal(
                    409, "ruled_case",
                    f"案件 {case_id} 已有生效裁定（{number}），拆分会改变该裁定所依据的记录和投诉，不能拆分这次合并",
                    f"case {case_id} has a ruling in force ({number}) and the split would change"
                    " the records and complaints it rests on: this merge cannot be split")
            raise HouseholdRefusal(
                409, "ruled_case",
                f"案件 {case_id} 已有生效裁定（{number}），合并会改变该裁定所依据的记录和投诉，不能合并这两个住户",
                f"case {case_id} has a ruling in force ({number}) and the merge would change the"
                " records and complaints it rests on: the households cannot be merged")


def _need_reason(reason: str, zh: str, en: str) -> None:
    """A merge or split is audited with why: a reason of only spaces is none."""
    if not str(reason or "").strip():
        raise HouseholdRefusal(422, "reason_required", f"请写明{zh}原因", f"say why ({en})")


def _audit(c: Tx, kind: str, household_id: str, into_id: str, district: str, reason: str,
           by: str, undoes: int | None = None) -> int:
    return c.execute("INSERT INTO household_changes (kind, household_id, into_id, district,"
                     " reason, by, at, undoes) VALUES (?,?,?,?,?,?,?,?) RETURNING id",
                     (kind, household_id, into_id, district, reason, by, now_iso(),
                      undoes)).fetchone()[0]


def backfill(db: Database, batch: int = BACKFILL_BATCH) -> int:
    """Link records and tickets stored before revision 0007 to their households and group
    their cases; a batch per transaction; rows already linked are not read again. Returns
    the rows linked. Synthetic rows (`office.synth`) name no address and stay unlinked."""
    from inspector_app.office.cases import refresh_household

    linked = 0
    for table, key_col, select in (
            ("records", "ref", "SELECT ref, envelope, district, address, test_at FROM records"
                               " WHERE household='' AND synthetic=0 AND ref > ?"
                               " ORDER BY ref LIMIT ?"),
            ("tickets", "channel || '/' || ticket",
             "SELECT channel || '/' || ticket, data, district, address, complaint_at"
             " FROM tickets WHERE household='' AND channel || '/' || ticket > ?"
             " ORDER BY channel || '/' || ticket LIMIT ?")):
        after = ""
        while True:
            with db.write() as c:
                c.lock("office household backfill")
                rows = c.execute(select, (after, batch)).fetchall()
                if not rows:
                    break
                after = rows[-1][0]
                touched: set[tuple[str, str]] = set()
                for ident, raw, district, address, at in rows:
                    data = _json(raw)
                    key = household_of(_address(table, data))
                    if key is None:
                        continue
                    c.execute(UPSERT, upsert_params(key, district, address))
                    c.execute(f"UPDATE {table} SET household=? WHERE {key_col}=?",
                              (key.household_id, ident))
                    season = _season(at, data)
                    if season:
                        touched.add((key.household_id, season))
                    linked += 1
                for hid, season in sorted(touched):
                    refresh_household(c, hid, season)
    return linked


def _json(raw: bytes | str) -> Any:
    """A stored envelope or ticket as JSON (None if it does not parse)."""
    try:
        return json.loads(bytes(raw).decode("utf-8") if not isinstance(raw, str) else raw)
    except (ValueError, UnicodeDecodeError):
        return None


def _season(at: Any, data: Any) -> str:
    """The season of a row stored before 0007: its time column, else its envelope's test
    time ('' when neither is a date: the row is linked but no case is grouped for it; an
    upgrade must not stop on one old row)."""
    record = data.get("record") if isinstance(data, dict) else None
    visit = record.get("visit") if isinstance(record, dict) else None
    candidates = [at]
    if isinstance(visit, dict):
        candidates.append(visit.get("test_at"))
    if isinstance(record, dict):
        candidates.append(record.get("sealed_at"))
    for value in candidates:
        try:
            return season_of(str(value))
        except ValueError:
            continue
    return ""


def _address(table: str, data: Any) -> dict[str, Any]:
    """The address of a stored record's envelope or a ticket's canonical JSON ({} if none)."""
    if table == "tickets":
        return data if isinstance(data, dict) else {}
    visit = (data.get("record") or {}).get("visit") if isinstance(data, dict) else None
    address = visit.get("address") if isinstance(visit, dict) else None
    return address if isinstance(address, dict) else {}
