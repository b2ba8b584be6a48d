"""Fixtures of the UI tests; the helpers they share live in ``ui_helpers`` (a unique
module name: several test folders have a ``conftest``)."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from typing import Any

import pytest
import qasync
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from ui_helpers import (
    REASONS,
    WRAP_UP_CODES,
    MemoryCustomers,
    RecordingTelephony,
    customer,
    set_agent,
)

from agent_desktop.services.desktop import Desktop
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.theme import apply_theme


@pytest.fixture(scope="package")
def qt_loop(qapp: QApplication) -> Iterator[qasync.QEventLoop]:
    apply_theme(qapp)  # so a broken style sheet fails the tests (Qt warns)
    loop = qasync.QEventLoop(qapp, already_running=True)
    asyncio.events._set_running_loop(None)
    asyncio.set_event_loop(loop)
    yield loop
    loop.stop()
    asyncio.set_event_loop(None)
    loop.close()


@pytest.fixture(autouse=True)
def running_loop(qt_loop: qasync.QEventLoop) -> Iterator[qasync.QEventLoop]:
    """The qasync loop is the running loop only during each UI test (not in others')."""
    asyncio.events._set_running_loop(qt_loop)
    try:
        yield qt_loop
    finally:
        asyncio.events._set_running_loop(None)


@pytest.fixture
def telephony() -> RecordingTelephony:
    return RecordingTelephony()


@pytest.fixture
def customers() -> MemoryCustomers:
    return MemoryCustomers(
        [
            customer(),
            customer("C-2001", "Jean", "Dupont", phones=("+33145678901",), city="Paris"),
            customer("C-2002", "Marie", "Dupont", phones=("+33145678901",), city="Nantes"),
            customer("C-3003", "Karim", "Benali", phones=("+33698765432",), vip=True),
        ]
    )


@pytest.fixture
def desktop(
    telephony: RecordingTelephony, customers: MemoryCustomers, qtbot: Any
) -> Iterator[Desktop]:
    desk = Desktop(telephony, customers)
    desk.wrap_up_codes = list(WRAP_UP_CODES)
    desk.not_ready_reasons = list(REASONS)
    set_agent(desk, telephony.agent)
    yield desk
    qtbot.waitUntil(lambda: len(desk.tasks) == 0, timeout=2000)


@pytest.fixture
def settings(tmp_path: Any) -> QSettings:
    return QSettings(str(tmp_path / "layout.ini"), QSettings.Format.IniFormat)


@pytest.fixture
def window(qtbot, desktop, settings):
    win = MainWindow(desktop, "en", settings)
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()
