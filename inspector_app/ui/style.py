"""The look for a cold flat, gloves and a resident watching: big targets, high contrast.

Sizes are in points / device-independent pixels, so Qt's high-DPI scaling keeps them physical.
"""

from __future__ import annotations

LIVE_VALUE_PT = 64

OK, WARN, BAD, INFO = "#0a6b2a", "#8a5a00", "#b00020", "#0b4f9c"

STYLE = f"""
QWidget {{ font-size: 13pt; color: #111; }}
QMainWindow, QDialog {{ background: #f7f7f7; }}
QPushButton {{
    min-height: 44px; min-width: 96px; padding: 4px 16px;
    border: 2px solid #444; border-radius: 6px; background: #ffffff;
}}
QPushButton:focus {{ border: 3px solid {INFO}; }}
QPushButton:default {{ background: {INFO}; color: white; border-color: #06305f; }}
QPushButton:disabled {{ color: #888; border-color: #bbb; background: #eee; }}
QPushButton:checked {{ background: #d8e6f7; border-color: {INFO}; }}
QLineEdit, QComboBox, QDoubleSpinBox, QDateTimeEdit, QDateEdit {{
    min-height: 40px; padding: 2px 6px; border: 2px solid #777; border-radius: 4px;
    background: white;
}}
QLineEdit:focus, QComboBox:focus, QDoubleSpinBox:focus, QDateTimeEdit:focus, QDateEdit:focus {{
    border: 3px solid {INFO};
}}
QLineEdit[invalid="true"], QComboBox[invalid="true"], QDoubleSpinBox[invalid="true"],
QDateTimeEdit[invalid="true"], QDateEdit[invalid="true"] {{ border: 3px solid {BAD}; }}
QAbstractSpinBox::up-button, QAbstractSpinBox::down-button {{ width: 28px; }}
QCheckBox {{ min-height: 40px; spacing: 12px; }}
QCheckBox::indicator {{ width: 28px; height: 28px; }}
QGroupBox {{ font-weight: bold; border: 1px solid #999; border-radius: 6px; margin-top: 16px;
            padding-top: 12px; }}
QGroupBox::title {{ subcontrol-origin: margin; left: 10px; padding: 0 4px; }}
QListWidget#stepList {{ font-size: 14pt; }}
QListWidget#stepList::item {{ min-height: 48px; padding: 4px 8px; }}
QListWidget#stepList::item:selected {{ background: {INFO}; color: white; }}
QTreeWidget::item, QTableWidget::item {{ min-height: 36px; }}
QHeaderView::section {{ padding: 6px; font-weight: bold; }}
QLabel#liveValue {{ font-size: {LIVE_VALUE_PT}pt; font-weight: bold; color: #000; }}
QLabel#inspectorStatement, QLabel#residentStatement, QLabel#witnessStatement {{
    font-weight: bold; font-size: 14pt; }}
QLabel#titleLabel {{ font-size: 20pt; font-weight: bold; }}
QLabel#overallLabel {{ font-size: 28pt; font-weight: bold; }}
QLabel#closedTimer {{ font-size: 40pt; font-weight: bold; }}
QLabel#trainingBadge {{ background: #ffe08a; color: #5a3d00; font-weight: bold; padding: 6px;
                        border: 2px solid #8a5a00; border-radius: 6px; }}
QLabel#messageLabel {{ padding: 6px; border-radius: 4px; }}
QFrame#resumeBanner {{ background: #fff4d6; border: 2px solid #8a5a00; border-radius: 6px; }}
QFrame#readingPanel {{ background: white; border: 2px solid #444; border-radius: 8px; }}
QProgressBar {{ min-height: 24px; border: 2px solid #444; border-radius: 4px; background: white; }}
QProgressBar::chunk {{ background: {OK}; }}
QStatusBar QLabel {{ padding: 0 8px; }}
"""


def message_style(kind: str) -> str:
    """Stylesheet for an inline message: kind is ok, warn, bad or info."""
    colours = {"ok": ("#e3f4e8", OK), "warn": ("#fff4d6", WARN), "bad": ("#fde7ea", BAD),
               "info": ("#e6eef9", INFO)}
    bg, fg = colours.get(kind, colours["info"])
    return f"background: {bg}; color: {fg}; border: 2px solid {fg}; font-weight: bold;"


# The supervisor works at a desk with a mouse and a big screen: denser than the inspector's
# glove-sized controls, so the records table shows more rows and the filters fit one band.
SUPERVISOR_STYLE = """
QWidget { font-size: 11pt; }
QPushButton { min-height: 30px; min-width: 64px; padding: 2px 10px; }
QLineEdit, QComboBox, QDoubleSpinBox, QSpinBox, QDateEdit { min-height: 28px; padding: 1px 4px;
    border-width: 1px; }
QCheckBox { min-height: 28px; spacing: 6px; }
QCheckBox::indicator { width: 18px; height: 18px; }
QTableView::item, QTableWidget::item { min-height: 24px; }
QHeaderView::section { padding: 3px; }
QLabel#overallLabel { font-size: 15pt; }
"""
