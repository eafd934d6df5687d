"""Getting sealed records to the office, Qt-free.

- `client`: `SyncClient.push_pending(progress)` (one run over the outbox), `sync_all(progress)`
  (the records, then the ticket events and assignments) and `enroll(...)`
- `assignments`: the two-way ticket sync (pull the inspector's assignments, push contacts)
- `background`: `BackgroundSync`, the thread the app runs; `poke()` after sealing
- `config`: the office link saved on the laptop (URL, device token, pinned certificate)
- `bundle`: the USB bundle written by `inspector-app export-bundle` and read by the office

The outbox itself (states, counts, reasons) is `inspector_app.store.outbox`; the ticket events'
is `inspector_app.store.ticket_outbox`, the assignments `inspector_app.store.assignments`.
"""
