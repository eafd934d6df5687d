"""The in-run retries, one loop for everything a sync run sends (records, ticket events, pulls).

Why one: the issue asks that ticket events go through the same retry rules as records, and the
rules are in this loop: a transient answer (a network fault, a 5xx, an answer that was not the
office's) is tried again within the run after a full-jitter pause (`RetryPolicy.delay`), at most
`attempts_per_run` times, and never when the pause would run past the run's deadline; any other
answer ends the loop. What is left transient then waits for the persistent back-off, which the
caller writes in its outbox.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Protocol, TypeVar

if TYPE_CHECKING:
    from inspector_app.sync.client import SyncClient

TRANSIENT = "transient"


class Answered(Protocol):
    """One try's outcome: `kind` is 'transient' when trying again may help."""

    kind: str


class RetryCounts(Protocol):
    """The report a run keeps the counts of its retries in."""

    retries: int
    transient_failures: int


A = TypeVar("A", bound=Answered)


def retry_in_run(client: SyncClient, report: RetryCounts, deadline: float | None,
                 try_once: Callable[[], A], untried: A) -> tuple[A, int]:
    """Call `try_once` until its answer is not transient, the tries of a run are used up or the
    next pause would pass `deadline`; returns the last answer (`untried` if none) and how many
    tries were made. Pauses, retries and transient failures are counted in `report`."""
    answer, tries = untried, 0
    for n in range(client.policy.attempts_per_run):
        if n:
            pause = client.policy.delay(n - 1, client.rng)
            if deadline is not None and client.clock() + pause >= deadline:
                break  # no time left for another try: what is left waits for the next run
            report.retries += 1
            client.sleep(pause)
        tries += 1
        answer = try_once()
        if answer.kind != TRANSIENT:
            break
        report.transient_failures += 1
    return answer, tries
