"""An abandoned draft can be discarded: asked first, hidden, kept in the database (issue #12, 15)."""

from __future__ import annotations

import pytest
from ui_helpers import click, prepared_visit

from inspector_app.core.errors import ProcedureError
from inspector_app.store.visits import ABANDONED
from inspector_app.ui.qt import QPushButton


def test_a_draft_is_discarded_after_asking_and_kept_in_the_database(window, ctx, qtbot):
    draft = prepared_visit(ctx)
    records = window.records
    records.refresh()
    assert records.ui.resumeBanner.isVisible()
    records.ui.table.selectRow(0)
    click(qtbot, records.ui.discardButton)
    box = records.confirm_box
    assert "证据" in box.text() and {b.text() for b in box.buttons()} == {"放弃(&D)", "取消(&C)"}
    click(qtbot, box.findChild(QPushButton, "confirmNo"))
    assert [r.id for r in ctx.store.rows()] == [draft.id]

    click(qtbot, records.ui.discardButton)
    click(qtbot, records.confirm_box.findChild(QPushButton, "confirmYes"))
    assert ctx.store.rows() == [] and records.ui.table.rowCount() == 0
    assert not records.ui.resumeBanner.isVisible()
    kept = ctx.store.rows(include_discarded=True)
    assert [(r.id, r.state) for r in kept] == [(draft.id, ABANDONED)]
    assert ctx.store.load(draft.id).rooms[0].name == "卧室1"  # nothing deleted
    with pytest.raises(PermissionError):
        ctx.store.update_details(draft)  # a discarded draft no longer changes
    with pytest.raises(ProcedureError):
        ctx.store.discard(draft.id)  # only a draft in progress or complete
