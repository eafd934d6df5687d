"""Getting sealed records to the office, Qt-free.

- `client`: `SyncClient.push_pending(progress)` (one run over the outbox) and `enroll(...)`
- `background`: `BackgroundSync`, the thread the app runs; `poke()` after sealing
- `config`: the office link saved on the laptop (URL, device token, pinned certificate)
- `bundle`: the USB bundle written by `inspector-app export-bundle` and read by the office

The outbox itself (states, counts, reasons) is `inspector_app.store.outbox`.
"""
