"""Guards the PySide6 pin: 6.12.0 drops a reference to None/True/False on every call from C++
into a Python override, and on CPython 3.11 the interpreter then aborts mid-visit."""

import sys

from inspector_app.ui.qt import QWidget


def test_python_overrides_called_from_qt_do_not_leak_references(qapp):
    class Probe(QWidget):
        def resizeEvent(self, event):  # noqa: N802, ANN001
            return None

        def event(self, event):  # noqa: ANN001
            return super().event(event)

    probe = Probe()
    before = {obj: sys.getrefcount(obj) for obj in (None, True, False)}
    for i in range(300):
        probe.resize(50 + i, 50)
    after = {obj: sys.getrefcount(obj) for obj in (None, True, False)}
    for obj in before:
        assert after[obj] >= before[obj] - 20, f"{obj!r} lost {before[obj] - after[obj]} references"
    probe.deleteLater()
