"""Several office writers on one PostgreSQL database touching the same households at once:
uploads from four laptops (bundles naming two new households in opposite orders), a ticket
import and a merge. Every record and ticket ends in its case, none is lost, nobody deadlocks."""

from __future__ import annotations

import threading
from datetime import date

from inspector_app.office import households
from inspector_app.office.store import OfficeStore
from tests.cases.homes import Laptop, cases_of, store_envelopes
from tests.office.ticket_helpers import ticket


def test_writers_meeting_on_the_same_households_lose_nothing(pg_url, tmp_path):
    store = OfficeStore(pg_url)
    try:
        laptops = [Laptop(tmp_path / f"laptop{k}") for k in range(4)]
        bundles = []
        for k, lap in enumerate(laptops):
            flats = ("501", "502") if k % 2 else ("502", "501")
            bundles.append([lap.seal(day=date(2026, 1, 5 + j), temps=(15.0, 15.0),
                                     flat=flats[j % 2], hour=8 + k) for j in range(4)])
        errors: list[BaseException] = []
        start = threading.Barrier(6)

        def run(work) -> None:
            try:
                start.wait()
                work()
            except BaseException as exc:   # noqa: BLE001 - reported below
                errors.append(exc)

        def upload(bundle) -> None:
            for n in range(0, len(bundle), 2):
                store_envelopes(store, *bundle[n:n + 2])

        def tickets() -> None:
            for n in range(5):
                store.save_tickets([ticket(f"A{n}", flat="501"), ticket(f"B{n}", flat="502")],
                                   source="hotline", by="import")

        def merge() -> None:
            while store.scalar("SELECT count(*) FROM households") < 2:
                pass
            ids = sorted(r[0] for r in store.query("SELECT household_id FROM households"))
            households.merge(store, ids[0], ids[1], "王科长", "同一户")

        threads = [threading.Thread(target=run, args=(lambda b=b: upload(b),))
                   for b in bundles]
        threads += [threading.Thread(target=run, args=(tickets,)),
                    threading.Thread(target=run, args=(merge,))]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=120)
        assert errors == []
        [case] = cases_of(store)
        assert (case["records"], case["tickets"]) == (16, 10)
        assert store.scalar("SELECT count(*) FROM cases") == 1
    finally:
        store.close()
