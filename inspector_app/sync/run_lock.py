"""One sync run at a time per data folder: the CLI's `sync`, a second `sync`, the app's
background sync.

Two runs on one outbox used to race for the same records (each claims a record for a lease, the
other then counts it "not tried" and exits 1), so three `sync` started together failed for two
of them. A run now takes an operating-system file lock beside the database (`filelock`: flock on
Linux and macOS, LockFileEx on Windows, released by the system if the process dies) and a second
run is told at once that one is already running.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from filelock import FileLock, Timeout

from inspector_app.core.errors import InspectionError

LOCK_FILENAME = "sync.lock"


class SyncBusy(InspectionError):
    """Another sync run holds this data folder's outbox."""


@contextmanager
def sync_lock(folder: Path) -> Iterator[None]:
    """Hold the folder's sync lock for the block, or raise SyncBusy without waiting."""
    lock = FileLock(str(Path(folder) / LOCK_FILENAME))
    try:
        lock.acquire(timeout=0)
    except Timeout as exc:
        raise SyncBusy("已有一个同步正在进行（本机的另一个窗口或命令），请等它结束",
                       "sync already running (another window or command on this laptop); "
                       "wait for it to finish", field="sync") from exc
    try:
        yield
    finally:
        lock.release()
