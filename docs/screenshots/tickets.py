"""Make tickets-1366x768.png: the supervisor's tickets tab on a 1366×768 laptop screen, in Chinese.

    QT_QPA_PLATFORM=offscreen:configfile=<json with one 1366×768 screen> \\
        .venv/bin/python docs/screenshots/tickets.py docs/screenshots/tickets-1366x768.png

(`tests/ui/window_tour.py` shows the screen file's shape.) A real office on 127.0.0.1 in a
temporary folder holds a morning's hotline tickets of one district: some overdue, some
dispatched, contacted, with a visit agreed, one resident unreachable. A district supervisor logs
in; the window is maximized, as on a laptop, and a ticket with a visit agreed is chosen.
"""

from __future__ import annotations

import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "ui")]

PASSWORD = "correct horse 7"
SUPERVISOR = "刘科长"   # the district's dispatcher on duty (an account name, as recorded)
DISTRICT = "朝阳区"
# (number, minutes ago, resident, building, company, complaint)
TICKETS = (
    ("2026120100731", 96, "王秀英", "12", "长春热力", "暖气不热，卧室只有15度，老人在家"),
    ("2026120100736", 71, "李建国", "3", "长春热力", "家里暖气一直不热"),
    ("2026120100742", 44, "刘淑兰", "7", "城开热力", "客厅温度低，已经好几天了"),
    ("2026120100755", 38, "陈志强", "5", "长春热力", "暖气片上热下凉"),
    ("2026120100761", 26, "张桂芝", "9", "东盛热力", "室温不达标，要求检测"),
    ("2026120100768", 19, "杨明", "2", "长春热力", "暖气不热"),
    ("2026120100770", 11, "赵丽华", "11", "城开热力", "晚上屋里冷，孩子感冒了"),
    ("2026120100774", 6, "黄伟", "4", "长春热力", "暖气时热时不热"),
    ("2026120100779", 2, "周敏", "8", "东盛热力", "室内温度低于18度"),
)


def fill(store, now: datetime) -> None:  # noqa: ANN001 - OfficeStore
    from inspector_app.core.tickets import TicketData, TicketEvent
    from tests.office.ticket_helpers import add_inspector, raw_ticket

    for name in ("李四", "王五"):
        add_inspector(store, name, DISTRICT)
    made = []
    for number, ago, resident, building, company, text in TICKETS:
        raw = raw_ticket(number, minutes_ago=ago, now=now, district=DISTRICT, company=company,
                         resident_name=resident, building=building, text=text,
                         resident_phone="1390431" + number[-4:])
        made.append(TicketData.validated(raw, now))
    store.save_tickets(made, source="hotline", by="12345热线")
    # as if the hotline platform had pushed each ticket a minute after the complaint (this
    # script makes a morning's tickets at once; the office stamps them with the time it got them)
    with store.write() as c:
        for t in made:
            pushed = (datetime.fromisoformat(t.complaint_at) + timedelta(minutes=1)).isoformat()
            c.execute("UPDATE ticket_events SET at=? WHERE channel=? AND ticket=?"
                      " AND kind='received'", (pushed, t.channel, t.ticket))
            c.execute("UPDATE ticket_revisions SET received_at=? WHERE channel=? AND ticket=?",
                      (pushed, t.channel, t.ticket))

    def event(number: str, kind: str, after: float, by: str, source: str = "laptop",
              **data) -> None:  # noqa: ANN003
        complaint = datetime.fromisoformat(next(t for t in made if t.ticket == number)
                                           .complaint_at)
        at = (complaint + timedelta(minutes=after)).isoformat(timespec="seconds")
        store.add_ticket_event("12345", number, TicketEvent(kind, at, by, source, data))

    # dispatched a few minutes after the complaint, as a dispatcher on duty does
    for number, inspector in (("2026120100736", "李四"), ("2026120100742", "王五"),
                              ("2026120100755", "李四"), ("2026120100761", "王五"),
                              ("2026120100770", "李四")):
        event(number, "assigned", 4, SUPERVISOR, "office", inspector=inspector)
    event("2026120100742", "contacted", 14, "王五", method="phone")
    event("2026120100742", "visit_agreed", 16, "王五",
          visit_at=(now + timedelta(minutes=40)).astimezone().isoformat(timespec="seconds"))
    event("2026120100755", "contact_attempt", 9, "李四", method="phone")
    event("2026120100755", "contact_attempt", 25, "李四", method="sms")
    event("2026120100755", "unreachable", 33, "李四", reason="电话无人接听，短信未回复",
          attempts=2)
    event("2026120100761", "contacted", 8, "王五", method="phone")


def main(out: Path) -> None:
    from inspector_app.office.auth import hash_password
    from inspector_app.review.client import ReviewSession
    from inspector_app.ui import i18n
    from inspector_app.ui.app import make_application
    from inspector_app.ui.qt import QApplication, QSettings
    from inspector_app.ui.supervisor.window import SupervisorWindow
    from tests.sync.live import LiveOffice

    app = make_application(["screenshot"])
    i18n.install_language("zh")
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        office = LiveOffice(folder / "office.sqlite3").start()
        try:
            fill(office.store, datetime.now(UTC))
            office.store.add_user(SUPERVISOR, "supervisor", hash_password(PASSWORD), DISTRICT)
            session = ReviewSession.login(office.url, SUPERVISOR, PASSWORD)
            settings = QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat)
            window = SupervisorWindow(session, folder, settings)
            window.showMaximized()

            def wait(predicate, seconds: float = 30.0) -> None:  # noqa: ANN001
                end = time.monotonic() + seconds
                while not predicate() and time.monotonic() < end:
                    app.processEvents()
                    time.sleep(0.02)

            wait(lambda: not window.busy())
            tab = window.tickets
            window.ui.tabs.setCurrentWidget(tab)
            wait(lambda: not window.busy() and tab.model.rowCount() and not tab.model.more)
            tab.table.selectRow([r["ticket"] for r in tab.model.rows].index("2026120100742"))
            wait(lambda: not window.busy() and bool((tab.detail.ticket or {}).get("events")))
            for _ in range(5):
                QApplication.processEvents()
            window.grab().save(str(out), "PNG", 70)
            window.close()
            wait(lambda: not window.busy(), 5)
        finally:
            office.stop()


if __name__ == "__main__":
    main(Path(sys.argv[1]))
