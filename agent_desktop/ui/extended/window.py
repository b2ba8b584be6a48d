"""The extended-agent shell: back-office staff serving the contact centre part-time.

The same customer context as the advisor's (screen-pop card, call controls, wrap-up,
summary, history and knowledge) in one simpler window, with the availability windows in view and a
list of calls to return (missed calls, callbacks) worked through with click-to-call.
"""

from __future__ import annotations

from collections.abc import Callable, Coroutine
from datetime import datetime
from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QPushButton,
    QSplitter,
    QTabWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.domain.callbacks import Callback
from agent_desktop.domain.events import Notice
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.ports.wallboard import CallbackSource
from agent_desktop.services.availability import AvailabilityController, Window
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.agent_state import AgentStateSelector
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.call_bar import CallBar
from agent_desktop.ui.customer_card import CustomerCard
from agent_desktop.ui.history_panel import HistoryPanel
from agent_desktop.ui.kb_panel import KnowledgePanel
from agent_desktop.ui.roles import apply_to_tabs, hide_contributions, role_of
from agent_desktop.ui.status_bar import notice_text, tls_badge
from agent_desktop.ui.summary_panel import SummaryPanel
from agent_desktop.ui.text import plain_label
from agent_desktop.ui.wrap_up import WrapUpPanel

AVAILABILITY_TICK_MS = 15_000


class CallbackList(QWidget):
    """Calls to return, and the button that calls the selected one back."""

    def __init__(
        self,
        source: CallbackSource,
        spawn: Callable[[Coroutine[Any, Any, Any]], object],
        notice: Callable[[str], None],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("callbackList")
        self.source = source
        self.spawn = spawn
        self.notice = notice
        self.callbacks: list[Callback] = []
        self.list = QListWidget(self)
        self.list.setObjectName("callbackItems")
        self.list.setWordWrap(True)
        self.list.setSpacing(4)
        self.list.setAlternatingRowColors(True)
        self.list.itemDoubleClicked.connect(lambda _item: self.call_selected())
        self.call_button = QPushButton(self.tr("Call back"), self)
        self.call_button.setObjectName("callBackButton")
        self.call_button.clicked.connect(self.call_selected)
        self.refresh_button = QPushButton(self.tr("Refresh"), self)
        self.refresh_button.clicked.connect(lambda: self.spawn(self.refresh()))
        self.list.currentRowChanged.connect(lambda _r: self._enable())
        buttons = QHBoxLayout()
        buttons.addWidget(self.call_button)
        buttons.addStretch(1)
        buttons.addWidget(self.refresh_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        self.busy = False
        self._enable()

    def _enable(self) -> None:
        self.call_button.setEnabled(not self.busy and self.list.currentRow() >= 0)

    def set_busy(self, busy: bool) -> None:
        self.busy = busy
        self._enable()

    def item_text(self, c: Callback) -> str:
        kind = self.tr("Missed call") if c.kind == "unanswered" else self.tr("Callback")
        when = c.at.astimezone().strftime("%H:%M")
        head = f"{kind} · {when} · {c.name or c.phone}"
        lines = [head, c.phone] + ([c.note] if c.note else [])
        return "\n".join(lines)

    async def refresh(self) -> None:
        try:
            self.callbacks = await self.source.list_callbacks()
        except GatewayError as exc:
            self.notice(exc.message)
            return
        self.list.clear()
        for c in self.callbacks:
            item = QListWidgetItem(self.item_text(c))  # QListWidget shows plain text
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            self.list.addItem(item)
        self._enable()

    def call_selected(self) -> None:
        row = self.list.currentRow()
        if self.busy or not 0 <= row < len(self.callbacks):
            return
        self.spawn(self.call(self.callbacks[row]))

    async def call(self, c: Callback) -> None:
        self.set_busy(True)
        try:
            await self.source.call(c.phone, c.customer_id, c.id)
        except GatewayError as exc:
            self.notice(exc.message)
            self.set_busy(False)
            return
        await self.refresh()


class ExtendedWindow(QMainWindow):
    """The extended agent's window.

    Attributes:
        card / call_bar / wrap_up: the advisor's own widgets, same behaviour.
        callbacks: the calls to return.
        availability: the label saying whether and until when the agent is routable.
        reminder: the banner shown before a window starts.

    Signals:
        sig_closed(): the window was closed (the application then shuts down).
    """

    sig_closed = Signal()

    def __init__(
        self,
        desktop: Desktop,
        lang: str,
        callbacks: CallbackSource,
        controller: AvailabilityController | None,
        tasks: TaskGroup,
    ) -> None:
        super().__init__()
        self.setObjectName("extendedWindow")
        self.setWindowTitle(self.tr("Agent Desktop — extended agent"))
        self.desktop = desktop
        self.tasks = tasks
        self.controller = controller
        self.bridge = DesktopBridge(desktop, lang, self)
        toolbar = QToolBar(self.tr("Agent state"), self)
        toolbar.setObjectName("extendedToolbar")
        toolbar.setMovable(False)
        self.agent_state = AgentStateSelector(self.bridge, self)
        toolbar.addWidget(self.agent_state)
        self.availability = plain_label("", self, "availabilityLabel")
        self.availability.setContentsMargins(16, 0, 0, 0)
        toolbar.addWidget(self.availability)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        self.reminder = plain_label("", self, "availabilityReminder")
        self.reminder.setStyleSheet(
            "background: #fff4d6; color: #6b4a00; padding: 8px; font-weight: 600;"
        )
        self.reminder.hide()
        self.call_bar = CallBar(self.bridge, self)
        # A row of its own across the window, as in the advisor shell: in the left column
        # its width (French labels) squeezed the side panel to a sliver.
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        call_toolbar = QToolBar(self.tr("Call controls"), self)
        call_toolbar.setObjectName("extendedCallToolbar")
        call_toolbar.setMovable(False)
        call_toolbar.addWidget(self.call_bar)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, call_toolbar)
        self.card = CustomerCard(self.bridge, self)
        self.wrap_up = WrapUpPanel(self.bridge, self)
        left = QWidget(self)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.reminder)
        column.addWidget(self.card, 1)
        column.addWidget(self.wrap_up)
        self.callbacks = CallbackList(callbacks, self._spawn, self._notice, self)
        self.side = QTabWidget(self)
        self.side.setObjectName("extendedSide")
        self.summary = SummaryPanel(self.bridge, self)
        self.history = HistoryPanel(self.bridge, self)
        self.knowledge = KnowledgePanel(self.bridge, self)
        self.side.addTab(self.callbacks, self.tr("Calls to return"))
        self.side.addTab(self.summary, self.tr("Summary"))
        self.side.addTab(self.history, self.tr("History"))
        self.side.addTab(self.knowledge, self.tr("Knowledge"))
        # the role decides: no list without callbacks (no click-to-call), no history…
        self.role = role_of(desktop)
        tab_features = {
            self.callbacks: "callbacks",
            self.summary: "summary",
            self.history: "history",
            self.knowledge: "knowledge",
        }
        self.removed_for_role = apply_to_tabs(self.side, tab_features, self.role)
        if self.role is not None and not self.role.allows("kb_submit"):
            hide_contributions(self.knowledge)
        splitter = QSplitter(self)
        splitter.addWidget(left)
        splitter.addWidget(self.side)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([690, 590])  # room for the list and the four tabs' titles
        self.setCentralWidget(splitter)
        self.status = QLabel(self)
        self.statusBar().addWidget(self.status)
        if desktop.tls_checks_off:  # lasting, like the advisor shell's
            self.statusBar().addPermanentWidget(tls_badge(self))
        self.bridge.sig_notice.connect(lambda n: self.statusBar().showMessage(notice_text(n), 8000))
        self.bridge.sig_current_changed.connect(
            lambda current: self.callbacks.set_busy(current is not None)
        )
        self._timer = QTimer(self)
        self._timer.setInterval(AVAILABILITY_TICK_MS)
        self._timer.timeout.connect(self.tick)
        if controller is not None:
            controller.on_reminder = self.show_reminder
            controller.on_change = self.update_availability
            self._timer.start()
            QTimer.singleShot(0, self.tick)
        if self.role is not None and self.role.allows("callbacks"):
            self._spawn(self.callbacks.refresh())
        self.update_availability()

    def _spawn(self, coro: Coroutine[Any, Any, Any]) -> object:
        return self.tasks.spawn(coro)

    def _notice(self, message: str) -> None:
        self.desktop.bus.publish(Notice(message, "error"))

    def tick(self) -> None:
        if self.controller is not None:
            self._spawn(self._tick())

    async def _tick(self) -> None:
        assert self.controller is not None
        await self.controller.tick()
        self.update_availability()

    def show_reminder(self, window: Window, start: datetime) -> None:
        self.reminder.setText(
            self.tr("Your contact-centre window starts at %1: you will be made ready.").replace(
                "%1", start.strftime("%H:%M")
            )
        )
        self.reminder.show()
        QApplication.alert(self)

    def update_availability(self) -> None:
        c = self.controller
        if c is None:
            self.availability.setText(self.tr("No availability window set"))
            return
        end = c.current_end()
        if end is not None:
            self.reminder.hide()
            text = self.tr("In your window until %1").replace("%1", end.strftime("%H:%M"))
        else:
            upcoming = c.next_start()
            text = (
                self.tr("Outside your windows · next: %1").replace(
                    "%1", upcoming[0].strftime("%a %H:%M")
                )
                if upcoming
                else self.tr("No availability window set")
            )
        self.availability.setText(text)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._timer.stop()
        self.bridge.dispose()
        self.sig_closed.emit()
        super().closeEvent(event)
