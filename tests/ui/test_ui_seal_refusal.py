"""The signing page says, in the UI language, everything the seal would refuse (issue #12, 5)."""

from __future__ import annotations

from ui_helpers import click, draw_signature, prepared_visit

from inspector_app.ui.qt import QCoreApplication
from inspector_app.ui.visit.wizard import RESULT, SIGNING


def test_an_incomplete_visit_cannot_be_sealed_and_the_page_says_why(window, ctx, qtbot):
    visit = prepared_visit(ctx)  # a bedroom only: the profile also tests the living room
    window.open_visit(visit.id)
    wizard = window.wizard
    room = wizard.visit.rooms[0]
    wizard.session.begin_point(room, room.points[0])
    wizard.session.enter_manually([16.0, 16.1, 16.0], "温度计数据线损坏")
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == RESULT
    assert "未完成" in wizard.pages[RESULT].ui.overallLabel.text()
    click(qtbot, wizard.ui.nextButton)
    assert wizard.current == SIGNING
    sign = wizard.pages[SIGNING]
    draw_signature(qtbot, sign.ui.inspectorPad)
    draw_signature(qtbot, sign.ui.residentPad)
    assert not sign.ui.sealButton.isEnabled()
    assert "缺少必测房间：起居室（厅）" in sign.ui.sealStatus.text()
    window.set_language("en")
    QCoreApplication.processEvents()
    try:
        text = sign.ui.sealStatus.text()
        assert "living room" in text and "起居室" not in text  # one language on the screen
    finally:
        window.set_language("zh")
        QCoreApplication.processEvents()
