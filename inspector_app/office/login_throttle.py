"""Slowing down password guessing: failure counters kept in the office database.

Why it is shaped this way (issue #19, item 4):
- Counters live in the `login_failures` table (migration 9), not in memory: restarting the office
  must not hand an attacker fresh guesses. The clock is wall time (seconds since the epoch) for
  the same reason, and injectable for tests.
- The lock is per user name: from the `free_failures`-th wrong password on, that name waits an
  exponentially growing time (1 s, 2 s, 4 s, ... up to 15 min) during which the login answers 429
  with Retry-After without looking at the password. A right password clears the name's counter.
- The client address has its own, much higher limit (`client_free_failures`): it catches one
  machine guessing across many names, yet one person's typos do not lock out every colleague
  behind the same NAT. A right password does not clear the address counter (an attacker must not
  reset it with an account of their own).
- A key with no failure for `forget_after` starts again from zero, and such rows are deleted.
- The address is the TCP peer unless that peer is a configured proxy
  (`office.client_address`, shared with the residents' page's limit).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from inspector_app.office.store import OfficeStore

FREE_FAILURES = 5           # wrong passwords for one user name before its first lockout
CLIENT_FREE_FAILURES = 30   # wrong passwords from one address (any names) before it locks
BASE_LOCK_SECONDS = 1.0
MAX_LOCK_SECONDS = 15 * 60.0
FORGET_AFTER_S = 30 * 60.0  # a quiet half hour forgives earlier typos

def user_key(name: str) -> str:
    return f"user:{name}"


def client_key(address: str) -> str:
    return f"client:{address}"


@dataclass
class LoginThrottle:
    """Failure counters per key ('user:NAME', 'client:ADDR') with exponential lockout."""

    store: OfficeStore
    clock: Callable[[], float] = time.time
    free_failures: int = FREE_FAILURES
    client_free_failures: int = CLIENT_FREE_FAILURES
    base_seconds: float = BASE_LOCK_SECONDS
    max_seconds: float = MAX_LOCK_SECONDS
    forget_after: float = FORGET_AFTER_S

    def _free(self, key: str) -> int:
        return self.client_free_failures if key.startswith("client:") else self.free_failures

    def retry_after(self, *keys: str) -> float:
        """Seconds until every key may try again (0: allowed now)."""
        now = self.clock()
        marks = ",".join("?" * len(keys))
        waits = [r[0] - now for r in self.store.query(
            f"SELECT locked_until FROM login_failures WHERE key IN ({marks})", keys)]
        return max([0.0, *waits])

    def failed(self, *keys: str) -> float:
        """Count a failure on every key; returns the lockout it started (0 if none)."""
        now = self.clock()
        longest = 0.0
        with self.store.write() as c:
            for key in sorted(set(keys)):
                c.lock(f"login {key}")   # counted by one writer at a time, in every process
            for key in keys:
                row = c.execute("SELECT failures, locked_until, last_failure FROM login_failures"
                                " WHERE key=?", (key,)).fetchone()
                failures, locked_until = (row[0], row[1]) if row else (0, 0.0)
                if row and now - row[2] > self.forget_after and now >= locked_until:
                    failures = 0
                failures += 1
                over = failures - self._free(key)
                if over >= 0:
                    wait = min(self.base_seconds * 2 ** over, self.max_seconds)
                    locked_until = now + wait
                    longest = max(longest, wait)
                c.execute("INSERT INTO login_failures (key, failures, locked_until, last_failure)"
                          " VALUES (?,?,?,?) ON CONFLICT(key) DO UPDATE SET"
                          " failures=excluded.failures, locked_until=excluded.locked_until,"
                          " last_failure=excluded.last_failure",
                          (key, failures, locked_until, now))
        # Forgotten counters go in a transaction of their own, holding no key's lock: within
        # the one above, two processes clearing each other's keys could deadlock.
        with self.store.write() as c:
            c.execute("DELETE FROM login_failures WHERE last_failure < ? AND locked_until < ?",
                      (now - self.forget_after, now))
        return longest

    def succeeded(self, *keys: str) -> None:
        marks = ",".join("?" * len(keys))
        with self.store.write() as c:
            c.execute(f"DELETE FROM login_failures WHERE key IN ({marks})", keys)

    def failures(self, key: str) -> int:
        row = self.store.query_one("SELECT failures FROM login_failures WHERE key=?",
                                      (key,))
        return row[0] if row else 0
