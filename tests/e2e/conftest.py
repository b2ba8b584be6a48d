"""End-to-end fixtures: the real sandbox on a free loopback port, and async tests that
run on a qasync loop (the loop the desktop runs on in production).

Inside an async test never call ``qtbot.waitSignal``/``waitUntil`` (they block the loop):
await ``e2e_helpers.next_event`` instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication

from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.ui.event_loop import DesktopEventLoop
from agent_desktop.ui.theme import apply_theme

# Every loop made stays referenced until the process ends: a closed qasync loop that the
# garbage collector happens to free from the sandbox's thread destroys its QTimers from
# the wrong thread, and Qt crashes ("Timers cannot be stopped from another thread").
_LOOPS: list[asyncio.AbstractEventLoop] = []


def pytest_asyncio_loop_factories(config: Any, item: Any) -> dict[str, Callable[[], Any]]:
    def make_loop() -> asyncio.AbstractEventLoop:
        app = QApplication.instance() or QApplication([])
        assert isinstance(app, QApplication)
        # As in the app: closing a window must not end Qt's exec(), which qasync runs on.
        app.setQuitOnLastWindowClosed(False)
        if not app.styleSheet():  # the advisor's look, whatever ran before (tests/ui sets it)
            apply_theme(app)
        loop = DesktopEventLoop(app)
        _LOOPS.append(loop)
        return loop

    return {"qasync": make_loop}


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    data_dir: Path = tmp_path_factory.mktemp("sandbox-data")
    server = SandboxServer(port=0, seed=7, data_dir=data_dir, auto_calls=False)
    server.start()
    try:
        yield server
    finally:
        server.stop()
