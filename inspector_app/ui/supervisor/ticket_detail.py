"""One ticket in full: what the hotline sent (every revision), where it stands on the clock, and
its history of events with who, when and from where.

Rich text in a label inside a scroll area: read-only, selectable, and the whole history is one
scroll. Every value from the office is escaped (a resident's complaint text is outside input).
"""

from __future__ import annotations

from datetime import datetime
from html import escape
from typing import Any

from inspector_app.ui.qt import QFrame, QLabel, QScrollArea, Qt, QVBoxLayout, QWidget
from inspector_app.ui.style import BAD, OK, WARN
from inspector_app.ui.supervisor.labels import NONE, label

DATA_ORDER = ("resident_name", "resident_phone", "company", "text")


def _local(text: Any, zone_of: Any = None) -> str:
    """A time as the office gave it, or (with `zone_of`, e.g. the complaint time) shown in
    that time's zone: the deadline comes in UTC and events in the office's zone, the
    dispatcher reads the complaint's local time."""
    if not text:
        return NONE
    if zone_of:
        try:
            local = datetime.fromisoformat(str(zone_of)).tzinfo
            text = datetime.fromisoformat(str(text).replace("Z", "+00:00")).astimezone(
                local).isoformat(timespec="seconds")
        except ValueError:
            pass
    return str(text).replace("T", " ")[:19]


def _time(text: Any, zone_of: Any = None) -> str:
    return escape(_local(text, zone_of))


class TicketDetail(QScrollArea):
    """The ticket shown below the list; `show_ticket(None)` empties it."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        host = QWidget()
        layout = QVBoxLayout(host)
        layout.setContentsMargins(6, 6, 6, 6)
        self.text = QLabel(host)
        self.text.setObjectName("ticketDetailText")
        self.text.setTextFormat(Qt.TextFormat.RichText)
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.text)
        self.setWidget(host)
        self.ticket: dict[str, Any] | None = None
        self.show_ticket(None)

    def show_ticket(self, ticket: dict[str, Any] | None) -> None:
        self.ticket = ticket
        self.text.setText(self.tr("Choose a ticket in the list.") if ticket is None
                          else self.html(ticket))

    def html(self, t: dict[str, Any]) -> str:
        data = t.get("data") or {}
        rows = [
            (self.tr("Ticket"), escape(str(t.get("key", "")))),
            (self.tr("State"), escape(label("ticket_state", t.get("state")))),
            (self.tr("Inspector"), escape(t.get("inspector") or self.tr("not assigned"))),
            *self._delivery(t),
            (self.tr("Complaint time"), _time(t.get("complaint_at"))),
            (self.tr("Contact due by"), _time(t.get("deadline_at"), t.get("complaint_at"))),
            (self.tr("Contacted"), self._contact(t)),
            (self.tr("Visit agreed for"), _time(t.get("visit_at"), t.get("complaint_at"))),
            (self.tr("Address"), escape(t.get("address") or NONE)),
            (self.tr("District"), escape(t.get("district") or NONE)),
            (self.tr("Resident"), escape(data.get("resident_name") or NONE)),
            (self.tr("Phone"), escape(data.get("resident_phone") or NONE)),
            (self.tr("Heating company"), escape(t.get("company") or NONE)),
        ]
        if t.get("attempts"):
            rows.append((self.tr("Failed contact attempts"), str(t["attempts"])))
        if t.get("reason"):
            rows.append((self.tr("Reason"), escape(t["reason"])))
        if t.get("records"):
            rows.append((self.tr("Sealed records"), escape(", ".join(t["records"]))))
        out = ["<table cellspacing='2'>"]
        out += [f"<tr><td><b>{k}</b>\u00a0\u00a0</td><td>{v}</td></tr>" for k, v in rows]
        out.append("</table>")
        if data.get("text"):
            heading = self.tr("Complaint")
            out.append(f"<p><b>{escape(heading)}</b><br>"
                       f"{escape(data['text']).replace(chr(10), '<br>')}</p>")
        zone = t.get("complaint_at")   # every time of the ticket in the complaint's zone
        out.append(self._revisions(t.get("revisions") or [], zone))
        out.append(self._events(t.get("events") or [], zone))
        return "".join(out)

    def _delivery(self, t: dict[str, Any]) -> list[tuple[str, str]]:
        """Whether the holder's laptop has the ticket: 'delivered' only once a laptop stored it
        and told the office so (its next pull); none for a ticket nobody holds."""
        if not t.get("inspector"):
            return []
        if t.get("delivered_at"):
            text = self.tr("delivered %1").replace(
                "%1", _local(t["delivered_at"], t.get("complaint_at")))
            return [(self.tr("On the laptop"), f"<span style='color:{OK}'>{escape(text)}</span>")]
        text = self.tr("not yet delivered: the inspector's laptop has not synced since")
        return [(self.tr("On the laptop"), f"<span style='color:{WARN}'>{escape(text)}</span>")]

    def _contact(self, t: dict[str, Any]) -> str:
        if not t.get("contacted_at"):
            if t.get("overdue"):
                late = self.tr("not yet — past the limit")
                return f"<span style='color:{BAD}'>{escape(late)}</span>"
            return escape(self.tr("not yet"))
        minutes = t.get("minutes_to_contact")
        within = t.get("contacted_within_limit")
        text = self.tr("%1, %2, %3 min after the complaint").replace(
            "%1", _time(t["contacted_at"], t.get("complaint_at"))).replace(
            "%2", escape(label("contact_method", t.get("contact_method")))).replace(
            "%3", f"{minutes:g}" if minutes is not None else NONE)
        colour = OK if within else BAD
        verdict = self.tr("within the limit") if within else self.tr("later than the limit")
        return f"{text} <span style='color:{colour}'>({escape(verdict)})</span>"

    def _revisions(self, revisions: list[dict[str, Any]], zone: Any) -> str:
        if len(revisions) < 2:
            return ""
        heading = self.tr("Revisions from the hotline")
        out = [f"<h4>{escape(heading)}</h4><ol>"]
        previous: dict[str, Any] = {}
        for rev in revisions:
            data = rev.get("data") or {}
            changed = [k for k in data if previous and data.get(k) != previous.get(k)]
            what = (self.tr("changed: %1").replace("%1", ", ".join(changed)) if changed
                    else self.tr("first version"))
            out.append(f"<li>{_time(rev.get('received_at'), zone)} — {escape(what)}"
                       f" ({escape(label('ticket_source', rev.get('source')))},"
                       f" {escape(str(rev.get('by', '')))})</li>")
            previous = data
        out.append("</ol>")
        return "".join(out)

    def _events(self, events: list[dict[str, Any]], zone: Any) -> str:
        heading = self.tr("History")
        out = [f"<h4>{escape(heading)}</h4><table cellspacing='2'>"]
        for e in events:
            data = e.get("data") or {}
            details = []
            if data.get("inspector"):
                details.append(str(data["inspector"]))
            if data.get("method"):
                details.append(label("contact_method", data["method"]))
            if data.get("visit_at"):
                details.append(self.tr("visit at %1").replace(
                    "%1", _local(data["visit_at"], zone)[:16]))
            if data.get("reason"):
                details.append(str(data["reason"]))
            if data.get("record"):
                details.append(str(data["record"]))
            if e.get("note"):
                details.append(str(e["note"]))
            who = self.tr("%1 (%2)").replace("%1", str(e.get("by", ""))).replace(
                "%2", label("ticket_source", e.get("source")))
            out.append(f"<tr><td nowrap>{_time(e.get('at'), zone)[:16]}\u00a0\u00a0</td>"
                       f"<td nowrap><b>{escape(label('ticket_event', e.get('kind')))}</b></td>"
                       f"<td>\u00a0{escape('; '.join(details))}</td>"
                       f"<td nowrap>\u00a0{escape(who)}</td></tr>")
        out.append("</table>")
        return "".join(out)
