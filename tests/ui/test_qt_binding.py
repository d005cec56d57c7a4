"""Guard against the Qt binding build that crashes the app after a few thousand calls.

shiboken6 6.12.0 on Python 3.11 takes a reference from None on every Qt call
that returns nothing; when None's count reaches zero Python aborts
("none_dealloc") — in the Concepts lab after a few repaints. pyproject.toml
pins PySide6 below 6.12; this test fails if an install ever pulls that build.
"""
import sys

from PySide6.QtWidgets import QLabel


def test_qt_calls_do_not_leak_references_to_none(qtbot):
    label = QLabel()
    qtbot.addWidget(label)
    before = sys.getrefcount(None)
    for _ in range(2000):
        label.setText("x")
    assert sys.getrefcount(None) - before > -100
