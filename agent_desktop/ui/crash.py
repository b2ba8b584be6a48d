"""The crash handler: an unexpected error is logged with its traceback and the advisor is
offered a restart (their unsent work is on disk in the outbox and comes back).

``install(app, loop)`` sets ``sys.excepthook`` (errors in Qt slots and the main thread)
and the asyncio loop's exception handler (errors in callbacks and forgotten tasks).
"""

from __future__ import annotations

import asyncio
import logging
import os
import sys
from collections.abc import Callable
from types import TracebackType
from typing import Any

from PySide6.QtCore import QCoreApplication, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

log = logging.getLogger(__name__)


def restart_command() -> list[str]:
    """The command line that starts this program again (same options)."""
    return [sys.executable, "-m", "agent_desktop", *sys.argv[1:]]


class CrashHandler:
    """Logs every unexpected error once and offers to restart.

    Attributes:
        crashes: how many were handled (tests read it).
        ask: shows the question; returns True to restart (replaceable in tests).
        restart: replaces the process (``os.execv``) by default.
    """

    def __init__(self) -> None:
        self.crashes = 0
        self._asking = False
        self.ask: Callable[[str], bool] = self._ask
        self.restart: Callable[[], None] = lambda: os.execv(sys.executable, restart_command())

    def excepthook(
        self,
        kind: type[BaseException],
        value: BaseException,
        tb: TracebackType | None,
    ) -> None:
        if issubclass(kind, KeyboardInterrupt):
            sys.__excepthook__(kind, value, tb)
            return
        self.handle(value, (kind, value, tb))

    def loop_handler(self, loop: asyncio.AbstractEventLoop, context: dict[str, Any]) -> None:
        exc = context.get("exception")
        if exc is None:
            log.error("event loop error: %s", context.get("message", "?"))
            return
        self.handle(exc, (type(exc), exc, exc.__traceback__))

    def handle(self, exc: BaseException, info: Any) -> None:
        self.crashes += 1
        # The traceback names code, not data: messages of our errors carry codes only.
        log.critical("unexpected error (%s)", type(exc).__name__, exc_info=info)
        if self._asking or QApplication.instance() is None:
            return
        # Ask outside the failing call stack.
        QTimer.singleShot(0, lambda: self._offer(type(exc).__name__))

    def _offer(self, name: str) -> None:
        self._asking = True
        try:
            if self.ask(name):
                self.restart()
        finally:
            self._asking = False

    def _ask(self, name: str) -> bool:
        text = QCoreApplication.translate(
            "CrashHandler",
            "Agent Desktop met an unexpected error (%1) and may not work correctly.\n\n"
            "Your unsent wrap-ups and notes are saved on this computer. "
            "Restart now? They will come back.",
        ).replace("%1", name)
        box = QMessageBox(QMessageBox.Icon.Critical, "Agent Desktop", text)
        restart = box.addButton(
            QCoreApplication.translate("CrashHandler", "Restart"), QMessageBox.ButtonRole.AcceptRole
        )
        box.addButton(
            QCoreApplication.translate("CrashHandler", "Keep working"),
            QMessageBox.ButtonRole.RejectRole,
        )
        box.exec()
        return box.clickedButton() is restart


def install(loop: asyncio.AbstractEventLoop) -> CrashHandler:
    handler = CrashHandler()
    sys.excepthook = handler.excepthook
    loop.set_exception_handler(handler.loop_handler)
    return handler
