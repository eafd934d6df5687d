"""How long the canonical bytes of a sealed record take: the fast path against the reference.

Records sealed by the tests' factory (`tests/sync/factory.py`, the real sealing path) and the
slip's envelopes (`tests/slip/envelopes.py`, read back through their canonical bytes as a sealed
record is). Both implementations run on the same records in the same process, alternated round
by round, so the ratio holds whatever else the machine is doing.

    .venv/bin/python benchmarks/bench_canonical.py [--records 50] [--rounds 7]
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from inspector_app.seal.canonical import (  # noqa: E402
    _ENCODER,
    _canonical_reference,
    _fast_text,
    _plain,
    canonical_bytes,
)
from inspector_app.seal.device_key import DeviceKey  # noqa: E402
from inspector_app.store.sealed import SealedStore  # noqa: E402
from tests.slip.envelopes import envelope  # noqa: E402
from tests.sync.factory import laptop_db, seal_many  # noqa: E402


def reference_bytes(obj: object) -> bytes:
    return _canonical_reference(obj).encode("utf-8")


def factory_records(n: int) -> list[dict]:
    with tempfile.TemporaryDirectory() as tmp:
        db = laptop_db(Path(tmp) / "laptop")
        seal_many(db, DeviceKey.generate(), n)
        return [json.loads(text)["record"] for _, text in SealedStore(db).rows_with_text()]


def slip_records() -> list[dict]:
    return [json.loads(canonical_bytes(envelope(kind, rooms=rooms)["record"]))
            for kind in ("resident", "refusal", "training") for rooms in (1, 3, 8)]


def floats_in(record: dict) -> int:
    floats: list[float] = []
    _plain(record, floats, 0)
    return len(floats)


def checks_only(record: dict) -> None:
    """The fast path's proof that the C encoder may be used, without the encoding."""
    floats: list[float] = []
    _plain(record, floats, 0)
    ",".join(map(float.__repr__, floats))


def per_record_ms(fn, records: list[dict], passes: int) -> float:
    start = time.perf_counter()
    for _ in range(passes):
        for record in records:
            fn(record)
    return (time.perf_counter() - start) / (len(records) * passes) * 1e3


def bench(name: str, records: list[dict], rounds: int, passes: int) -> None:
    assert all(canonical_bytes(r) == reference_bytes(r) for r in records)
    fast_taken = sum(_fast_text(r) is not None for r in records)
    floats = statistics.mean(floats_in(r) for r in records)
    size = statistics.mean(len(reference_bytes(r)) for r in records) / 1024
    ref, fast, checks, encoder = [], [], [], []
    for _ in range(rounds):
        ref.append(per_record_ms(reference_bytes, records, passes))
        fast.append(per_record_ms(canonical_bytes, records, passes))
        checks.append(per_record_ms(checks_only, records, passes))
        encoder.append(per_record_ms(_ENCODER.encode, records, passes))
    ratios = [f / r for f, r in zip(fast, ref)]
    print(f"{name}: {len(records)} records, {size:.1f} KB, {floats:.0f} floats each, "
          f"fast path taken {fast_taken}/{len(records)}, bytes identical")
    print(f"  reference ms/record: median {statistics.median(ref):.3f} "
          f"(min {min(ref):.3f}, max {max(ref):.3f})")
    print(f"  fast      ms/record: median {statistics.median(fast):.3f} "
          f"(min {min(fast):.3f}, max {max(fast):.3f})")
    print(f"  of which checks (walk, float reprs) {statistics.median(checks):.3f}, "
          f"C encoder {statistics.median(encoder):.3f}")
    print(f"  fast/reference: median {statistics.median(ratios):.3f} "
          f"(min {min(ratios):.3f}, max {max(ratios):.3f})")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=50)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    bench("factory (tests/sync/factory.py)", factory_records(args.records), args.rounds, 1)
    bench("slip envelopes (tests/slip/envelopes.py)", slip_records(), args.rounds, 5)


if __name__ == "__main__":
    main()
