"""Single pieces of the one-language rule: thermometer errors, Qt's own dialogs, witness roles,
protocol names."""

from __future__ import annotations

from drivers.errors import PortNotFound, PortUnavailable
from inspector_app.core.profile import load_profile
from inspector_app.ui import i18n
from inspector_app.ui.qt import QCoreApplication


def test_serial_port_errors_speak_the_ui_language(app):
    missing = PortNotFound("Serial port /dev/ttyUSB0 not found: plug in the thermometer's USB "
                           "cable (or pick another port)")
    assert i18n.error_text(missing) == "找不到串口：请插入温度计的USB连接线"
    busy = PortUnavailable("COM5 is in use by another program", message_zh="串口被其他程序占用")
    assert i18n.error_text(busy) == "串口被其他程序占用"
    i18n.install_language("en")
    try:
        assert i18n.error_text(busy) == "COM5 is in use by another program"
    finally:
        i18n.install_language("zh")


def test_qt_s_own_file_and_print_dialogs_are_chinese(app):
    """Qt's translations that PySide6 ships (qtbase_zh_CN.qm) are installed with ours."""
    assert QCoreApplication.translate("QFileDialog", "Save As") == "另存为"
    assert QCoreApplication.translate("QPrintDialog", "Print") == "打印"
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "取消"
    i18n.install_language("en")
    try:
        assert QCoreApplication.translate("QFileDialog", "Save As") == "Save As"
    finally:
        i18n.install_language("zh")


def test_witness_roles_have_english_words_and_stay_recorded_in_chinese():
    profile = load_profile("changchun")
    assert profile.witness_roles == ("社区工作人员", "物业工作人员")
    assert profile.witness_role_label("物业工作人员", "en") == "Property management staff"
    assert profile.witness_role_label("物业工作人员", "zh") == "物业工作人员"
    assert profile.witness_role_label("邻居", "en") == "邻居"    # typed by hand: as typed
    assert "seed" not in str(profile.sources) and "(seed)" not in str(profile.sources_zh)
