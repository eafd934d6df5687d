"""Which database columns hold which part of a sealed record: the one list `verify` walks.

Whoever holds the database file can drop the triggers and edit a row; the app, `records` and the
slip then show the edit while the envelope still proves the sealed value. So every column of a
table that stores part of a visit is either compared with the envelope (a `Field`) or named in
`not_in_record` with the reason; `tests/seal/test_record_rows.py` fails when a new column is
neither. A new child table (photos, say) is one more `Table` in its parent's `children`; its rows
are matched with the sealed items by identity, so a removed or added item is named as such.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from inspector_app.core.model import Address


def _same(value: Any) -> Any:
    return value


def _flags(text: str) -> list[str]:
    return [f for f in text.split(",") if f]


@dataclass(frozen=True)
class Field:
    """A column compared with the sealed record.

    `sealed` is the key of the value in the sealed object (default: the column's name), or a
    function of (sealed object, its position in the parent's list); `stored` turns the column's
    value into the form the record writes it in.
    """

    column: str
    sealed: str | Callable[[dict[str, Any], int], Any] | None = None
    stored: Callable[[Any], Any] = _same

    @property
    def key(self) -> str | None:
        """The sealed object's key this column holds, when it is a plain key."""
        if self.sealed is None:
            return self.column
        return self.sealed if isinstance(self.sealed, str) else None

    def sealed_value(self, obj: dict[str, Any], position: int) -> Any:
        if callable(self.sealed):
            return self.sealed(obj, position)
        return obj.get(self.key or self.column)


@dataclass(frozen=True)
class Table:
    """A table holding one kind of item of the sealed visit, and how its rows map to it.

    `parent_column` names the parent row's `id`; `in_parent` is the key of the item list in the
    parent's sealed object. `identity` (of the sealed form of an item) says which row is which
    sealed item; `describe` names an item for people, as (zh, en).
    """

    name: str
    fields: tuple[Field, ...]
    not_in_record: Mapping[str, str]
    identity: Callable[[dict[str, Any]], Any]
    describe: Callable[[dict[str, Any]], tuple[str, str]]
    parent_column: str | None = None
    in_parent: str | None = None
    children: tuple[Table, ...] = ()
    key_column: str = "id"
    order_by: str = "rowid"
    # More lists in the parent's sealed object whose items are rows of this table too (rooms
    # deleted after they had readings stay rows and are sealed under `removed_rooms`).
    also_in: tuple[str, ...] = ()
    # True: the rows, read in `order_by`, must keep each sealed list's order (the record keeps
    # order only by position in its lists, while the column's numbers may have gaps).
    ordered: bool = False

    @property
    def sealed_lists(self) -> tuple[str, ...]:
        """Every key of the parent's sealed object that lists items of this table."""
        return (self.in_parent, *self.also_in) if self.in_parent else self.also_in

    @property
    def columns(self) -> set[str]:
        """Every column this table accounts for (compared, structural or not in the record)."""
        own = {f.column for f in self.fields} | set(self.not_in_record)
        return own | ({self.parent_column} if self.parent_column else set())

    def sealed_view(self, row: Mapping[str, Any]) -> dict[str, Any]:
        """A row in the sealed record's terms (plain keys only): for identity and naming."""
        view = {}
        for f in self.fields:
            if f.key is not None:
                try:
                    view[f.key] = f.stored(row[f.column])
                except (TypeError, ValueError, AttributeError):
                    view[f.key] = row[f.column]
        return view


def _number(value: Any) -> str:
    from inspector_app.seal.canonical import canonical_text

    try:
        return canonical_text(value)
    except (TypeError, ValueError):
        return repr(value)


def _visit_details(visit: dict[str, Any], _position: int) -> dict[str, Any]:
    """The visit without its child items: what `visits.details` holds (which keeps, for rooms
    deleted after they had readings, only their ids and when they were deleted)."""
    children = {key for t in VISITS.children for key in t.sealed_lists}
    details = {k: v for k, v in visit.items() if k not in children}
    removed = visit.get("removed_rooms")
    if isinstance(removed, list) and removed:
        details["removed_room_ids"] = {r.get("id"): r.get("removed_at") for r in removed
                                       if isinstance(r, dict)}
    return details


def _one_line_address(visit: dict[str, Any], _position: int) -> Any:
    try:
        return Address(**visit["address"]).one_line()
    except (KeyError, TypeError):
        return visit.get("address")


SAMPLES = Table(
    name="samples",
    parent_column="point_id",
    in_parent="samples",
    fields=(Field("value_c"), Field("raw_c"), Field("t_offset_s"), Field("t_wall"),
            Field("captured"), Field("manual", stored=bool), Field("reason"),
            Field("flags", stored=_flags)),
    not_in_record={"id": "the row number; the record lists a point's samples in the order they "
                         "were read, and a sample is known by its time (t_offset_s)"},
    identity=lambda s: _number(s.get("t_offset_s")),
    describe=lambda s: (f"t={_number(s.get('t_offset_s'))} 秒的读数",
                        f"sample at t={_number(s.get('t_offset_s'))} s"),
)

POINTS = Table(
    name="points",
    parent_column="room_id",
    in_parent="points",
    fields=(Field("id"), Field("idx", sealed="index"), Field("stable_at_s")),
    not_in_record={},
    identity=lambda p: p.get("id"),
    describe=lambda p: (f"测点 {p.get('index')}", f"point {p.get('index')}"),
    children=(SAMPLES,),
)

ROOMS = Table(
    name="rooms",
    parent_column="visit_id",
    in_parent="rooms",
    fields=(Field("id"), Field("kind"), Field("name"), Field("area_m2")),
    not_in_record={"position": "the rooms' order, checked as the order of each sealed list "
                               "(`ordered`); its numbers keep gaps where rooms were deleted"},
    identity=lambda r: r.get("id"),
    describe=lambda r: (f"房间“{r.get('name')}”", f"room \"{r.get('name')}\""),
    children=(POINTS,),
    also_in=("removed_rooms",),
    order_by="position",
    ordered=True,
)

VISITS = Table(
    name="visits",
    fields=(Field("id"), Field("training", stored=bool), Field("profile_name"),
            Field("profile_version"), Field("ticket"), Field("company"),
            Field("address", sealed=_one_line_address),
            Field("details", sealed=_visit_details, stored=json.loads)),
    not_in_record={
        "state": "the visit's progress; `verify` requires sealed or synced separately",
        "elapsed_s": "measuring time used so far, for resuming an unsealed visit",
        "created_at": "bookkeeping of the row, not evidence",
        "updated_at": "bookkeeping of the row, not evidence",
    },
    identity=lambda v: v.get("id"),
    describe=lambda v: ("检测记录", "visit"),
    children=(ROOMS,),
)

# The sealed_records row against its own envelope (a mismatch is `row_mismatch`).
SEALED_RECORDS = Table(
    name="sealed_records",
    fields=(Field("record_id", sealed=lambda e, _: e["record"]["record_id"]),
            Field("visit_id", sealed=lambda e, _: e["record"]["visit"]["id"]),
            Field("device_id", sealed=lambda e, _: e["record"]["device"]["device_id"]),
            Field("seq", sealed=lambda e, _: e["record"]["chain"]["seq"]),
            Field("sha256", sealed=lambda e, _: e["sha256"]),
            Field("prev_sha256", sealed=lambda e, _: e["record"]["chain"]["prev_sha256"]),
            Field("sealed_at", sealed=lambda e, _: e["record"]["sealed_at"]),
            Field("supersedes",
                  sealed=lambda e, _: (e["record"]["supersedes"] or {}).get("record_id"))),
    not_in_record={"envelope": "the envelope itself: what every other column is compared with"},
    identity=lambda e: e.get("record_id"),
    describe=lambda e: ("签封记录行", "sealed record row"),
    key_column="record_id",
)


def record_tables() -> list[Table]:
    """Every table that holds part of a sealed visit, parents before children."""
    out: list[Table] = []
    todo = [VISITS]
    while todo:
        table = todo.pop(0)
        out.append(table)
        todo.extend(table.children)
    return out


@dataclass
class Differences:
    """What differs between the rows and the envelope, as (zh, en) lines."""

    lines: list[tuple[str, str]] = field(default_factory=list)

    def add(self, zh: str, en: str) -> None:
        self.lines.append((zh, en))

    def __bool__(self) -> bool:
        return bool(self.lines)
