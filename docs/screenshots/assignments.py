"""Make assignments-1366x768.png: the inspector's 派单 page on a 1366×768 laptop screen, in Chinese.

    QT_QPA_PLATFORM=offscreen:configfile=<json with one 1366×768 screen> \
        .venv/bin/python docs/screenshots/assignments.py docs/screenshots/assignments-1366x768.png

(`tests/ui/window_tour.py` shows the screen file's shape.) Six tickets pulled through the
laptop store's own `save_pull` 9 minutes ago: one overdue, one contacted by phone, one with a
visit time agreed (its events not yet sent), one fresh, one reassigned to someone else, one
cancelled after its visit had started (kept, flagged).
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]


def main(out: Path) -> None:
    from assignment_helpers import OfficeKey, pull, ticket_item

    from inspector_app.store import assignments as store
    from inspector_app.ui import i18n
    from inspector_app.ui.app import make_application
    from inspector_app.ui.context import AppContext
    from inspector_app.ui.main_window import MainWindow
    from inspector_app.ui.qt import QApplication, QThreadPool

    app = make_application(["screenshot"])
    i18n.install_language("zh")
    now = datetime.now().astimezone().replace(microsecond=0)
    with tempfile.TemporaryDirectory() as tmp:
        ctx = AppContext.open(Path(tmp))
        key = OfficeKey()
        ago = [55, 42, 25, 12, 18, 35]
        items = [ticket_item(key, f"2612010{i}", now - timedelta(minutes=m), n=i)
                 for i, m in enumerate(ago)]
        pull(ctx.db, key, items, now - timedelta(minutes=10))
        store.log_event(ctx.db, "12345", "26120101", "contacted", now - timedelta(minutes=30),
                        {"method": "phone"})
        store.log_event(ctx.db, "12345", "26120102", "contacted", now - timedelta(minutes=15),
                        {"method": "sms"})
        store.log_event(ctx.db, "12345", "26120102", "visit_agreed", now - timedelta(minutes=14),
                        {"visit_at": (now + timedelta(hours=2)).replace(minute=0, second=0)})
        store.mark_visit_started(ctx.db, "12345", "26120105", "a-started-visit")
        pull(ctx.db, key, [], now - timedelta(minutes=9), removed=[
            {"channel": "12345", "ticket": "26120104", "reason": "reassigned"},
            {"channel": "12345", "ticket": "26120105", "reason": "cancelled"}])
        window = MainWindow(ctx)
        window.showMaximized()   # as a laptop user runs it: the whole 1366×768 screen
        window.show_assignments()
        page = window.assignments
        end = time.monotonic() + 10
        while not (page.load_op is not None and page.load_op.done) and time.monotonic() < end:
            app.processEvents()
            time.sleep(0.02)
        page.select("12345", "26120103")
        for _ in range(5):
            QApplication.processEvents()
        window.grab().save(str(out), "PNG", 70)
        window.close()
        QThreadPool.globalInstance().waitForDone(5000)
        ctx.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
