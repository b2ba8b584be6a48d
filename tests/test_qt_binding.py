"""Guards against a broken Qt binding release.

PySide6 6.12.0 under Python 3.11 returned ``None`` from every void Qt method without
taking a reference to it: ``None``'s count fell by one per call and the process aborted
("Fatal Python error: none_dealloc") after a few thousand calls — minutes into a shift.
pyproject.toml excludes that release; this test fails if the installed binding (any
release) does it again. Python 3.12 made ``None`` immortal, so the check only means
something before it.
"""

from __future__ import annotations

import sys

import pytest
from PySide6.QtGui import QFont
from PySide6.QtWidgets import QLabel


@pytest.mark.skipif(sys.version_info >= (3, 12), reason="None is immortal from Python 3.12")
def test_void_qt_calls_keep_none_alive(qtbot) -> None:
    label = QLabel()
    qtbot.addWidget(label)
    font = QFont()
    before = sys.getrefcount(None)
    for _ in range(1000):
        label.setText("x")
        font.setBold(True)
    assert sys.getrefcount(None) - before > -100, "the Qt binding leaks references to None"
