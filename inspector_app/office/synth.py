"""Synthetic office rows for scale tests and benchmarks (`inspector-office synth`).

The rows look like verified records to the review list (every filter column filled with a
realistic spread) but are marked `synthetic=1`, their ids start with `SYN-`, their devices are
labelled `synthetic` and cannot upload, and their stored "envelope" is a small JSON stub
(`{"synthetic": true, ...}`), not a sealed record: they must never be mistaken for evidence.

The spread: a heating season from 20 October to 5 April with complaints peaking in the cold
weeks (December–January) and in the first days after the heat comes on; seven districts and
twelve heating companies of unequal size (Zipf-like); each company its own failure rate, about
25 % over all; times of day between 08:00 and 20:00 China time; older records mostly reviewed.

Generation writes every row with one `executemany` in one transaction, in sort order
(`test_at`) so the indexes grow at their ends; about 25–40 s per million rows.
"""

from __future__ import annotations

import hashlib
import json
import random
from collections.abc import Iterator
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

from inspector_app.office.store import OfficeStore, now_iso

CST = timezone(timedelta(hours=8))
DISTRICTS = (("朝阳区", 22), ("南关区", 18), ("宽城区", 15), ("绿园区", 15), ("二道区", 14),
             ("双阳区", 8), ("九台区", 8))
COMPANIES = tuple((name, 1.0 / (rank + 1), fail) for rank, (name, fail) in enumerate((
    ("长春热力", 0.22), ("城开热力", 0.30), ("东盛热力", 0.18), ("华能热电", 0.27),
    ("吉林热电", 0.24), ("国电供热", 0.21), ("南岭热力", 0.35), ("宏大供热", 0.28),
    ("北湖热力", 0.32), ("绿园供热", 0.26), ("二道供热", 0.38), ("双阳热力", 0.40))))
SURNAMES = "王李张刘陈杨赵黄周吴徐孙马朱胡郭何高林罗"
GIVEN = ("伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋", "勇", "艳", "杰", "涛", "明")
N_DEVICES = 40
N_INSPECTORS = 80


def season_days(season: str) -> list[tuple[date, float]]:
    """Days of the heating season `YYYY-YYYY` with a complaint weight each."""
    first = int(season.split("-")[0])
    start, end = date(first, 10, 20), date(first + 1, 4, 5)
    days = []
    day = start
    while day <= end:
        n = (day - start).days
        # cold peak around 10 January (day ~82), and a burst in the first 10 days of heating
        cold = 1.0 + 1.5 * max(0.0, 1 - abs(n - 82) / 70)
        burst = 1.8 if n < 10 else 1.0
        days.append((day, cold * burst))
        day += timedelta(days=1)
    return days


def _rows(count: int, season: str, rng: random.Random, start_index: int) -> Iterator[tuple]:
    days = season_days(season)
    # how many on each day, in order (so test_at ascends)
    per_day = [0] * len(days)
    for i in rng.choices(range(len(days)), weights=[w for _, w in days], k=count):
        per_day[i] += 1
    districts = [d for d, _ in DISTRICTS]
    d_weights = [w for _, w in DISTRICTS]
    companies = [c for c, _, _ in COMPANIES]
    c_weights = [w for _, w, _ in COMPANIES]
    fail_rate = {c: f for c, _, f in COMPANIES}
    inspectors = [f"{SURNAMES[i % len(SURNAMES)]}{GIVEN[i % len(GIVEN)]}{GIVEN[(i // 3) % 15]}"
                  for i in range(N_INSPECTORS)]
    received = now_iso()
    last_day = days[-1][0]
    seqs = [0] * N_DEVICES
    n = start_index
    for (day, _w), k in zip(days, per_day, strict=True):
        minutes = sorted(rng.randrange(8 * 60, 20 * 60) for _ in range(k))
        age = (last_day - day).days
        for minute in minutes:
            n += 1
            test_at = datetime(day.year, day.month, day.day, minute // 60, minute % 60,
                               tzinfo=CST)
            dev = rng.randrange(N_DEVICES)
            seqs[dev] += 1
            district = rng.choices(districts, d_weights)[0]
            company = rng.choices(companies, c_weights)[0]
            verdict = "fail" if rng.random() < fail_rate[company] else "pass"
            r = rng.random()
            if age < 14 and r < 0.6:
                review = "received"
            else:
                review = ("approved" if r < 0.8 else "has_issues" if r < 0.93 else "rejected")
            contact = rng.choice((10, 15, 20, 30, 45, 60, 90, 120, 180, 300))
            arrival = contact + rng.randrange(20, 240)
            complaint_at = test_at - timedelta(minutes=arrival + 10)
            rid = f"SYN-{n:08d}"
            envelope = json.dumps({"synthetic": True, "record_id": rid,
                                   "complaint_at": complaint_at.isoformat(),
                                   "contact_min": contact, "arrival_min": arrival},
                                  separators=(",", ":")).encode()
            test_iso = test_at.isoformat()
            yield (f"syn-device-{dev:02d}.{rid}", rid, f"syn-device-{dev:02d}", seqs[dev],
                   hashlib.sha256(rid.encode()).hexdigest(), envelope, len(envelope),
                   received, test_iso, test_iso, district, company,
                   inspectors[(2 * dev + rng.randrange(2)) % N_INSPECTORS], verdict,
                   f"12345-{n:08d}", f"长春市{district}示范街{n % 300}号", review,
                   complaint_at.isoformat(), contact, arrival)


def synthesize(path: str | Path, count: int, season: str = "2025-2026", seed: int = 1) -> int:
    """Add `count` synthetic rows to the office database at `path`; returns rows added."""
    store = OfficeStore(path)
    rng = random.Random(seed)
    start = store.scalar("SELECT count(*) FROM records WHERE synthetic=1")
    first = store.scalar("SELECT coalesce(max(arrival), 0) + 1 FROM records")
    with store.write() as c:
        if not store.db.postgres:
            c.execute("PRAGMA cache_size=-200000")
        for dev in range(N_DEVICES):
            c.execute("INSERT INTO devices (device_id, public_key, label, enrolled_via,"
                      " enrolled_at) VALUES (?,?,'synthetic','bundle',?) ON CONFLICT DO NOTHING",
                      (f"syn-device-{dev:02d}", f"synthetic-key-{dev:02d}", now_iso()))
        c.executemany(
            "INSERT INTO records (ref, record_id, device_id, seq, sha256, envelope, envelope_size,"
            " received_at, received_via, sealed_at, training, test_at, district, company,"
            " inspector, verdict, ticket, address, verification, chain_state, review_state,"
            " complaint_at, contact_min, arrival_min, profile_name, synthetic, arrival)"
            " VALUES (?,?,?,?,?,?,?,?,'bundle',?,0,?,?,?,?,?,?,?,'verified','ok',?,?,?,?,"
            "'changchun',1,?)",
            [(*row, first + i) for i, row in enumerate(_rows(count, season, rng, start))])
        if store.db.postgres:   # later arrivals continue after the synthetic rows
            c.execute("SELECT setval('records_arrival_seq', ?)", (first + count,))
    store.close()
    return count
