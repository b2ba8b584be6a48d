"""The wallboard window: full screen, dark, the queue board and the roster in two tabs.

Changes come from :class:`WallboardState` (fed by the service) and are coalesced by a
:class:`Coalescer`: however many events arrive, the board repaints at most ten times a
second. Keys on the board: Space pauses the page rotation, ←/→ step, F2 the roster.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QKeySequence, QResizeEvent, QShortcut
from PySide6.QtWidgets import QTabWidget, QVBoxLayout, QWidget

from agent_desktop.services.wallboard import Coalescer, WallboardState
from agent_desktop.ui.wallboard.board import BoardCanvas
from agent_desktop.ui.wallboard.roster import RosterView

STYLE = """
QWidget#wallboardWindow, QTabWidget::pane { background: #0f1217; border: none; }
QTabBar::tab { background: #1c222b; color: #c9d1db; padding: 8px 22px; }
QTabBar::tab:selected { background: #2a3340; color: #ffffff; }
QWidget#rosterView { background: #0f1217; }
QLineEdit, QComboBox { background: #1c222b; color: #f2f4f7; border: 1px solid #333c4a;
    padding: 6px; font-size: 13pt; }
QTableView { background: #151a21; alternate-background-color: #1a2029; color: #f2f4f7;
    gridline-color: #2a313c; font-size: 13pt; selection-background-color: #2f5d8a; }
QHeaderView::section { background: #1c222b; color: #c9d1db; padding: 6px; border: none;
    font-size: 13pt; font-weight: 600; }
"""


class WallboardWindow(QWidget):
    """The supervisor's screen.

    Attributes:
        board: the queue tiles; roster: the agent table.
        coalescer: the repaint policy (``coalescer.flushes`` counts refreshes).
        rotation: the page rotation timer.

    Signals:
        sig_closed(): the window was closed (the application then shuts down).
    """

    sig_closed = Signal()

    def __init__(
        self,
        state: WallboardState,
        reason_label: Callable[[str], str] = lambda code: code,
        rotation_seconds: float = 12.0,
        max_repaints_per_second: float = 10.0,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("wallboardWindow")
        self.setWindowTitle(self.tr("Wallboard — Agent Desktop"))
        self.setStyleSheet(STYLE)
        self.state = state
        self.board = BoardCanvas(state, reason_label, self)
        self.roster = RosterView(state, reason_label, self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("wallboardTabs")
        self.tabs.addTab(self.board, self.tr("Queues"))
        self.tabs.addTab(self.roster, self.tr("Agents"))
        self.tabs.currentChanged.connect(lambda _i: self.flush())
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.tabs)
        self.coalescer = Coalescer(1.0 / max_repaints_per_second)
        self._flush_timer = QTimer(self)
        self._flush_timer.setSingleShot(True)
        self._flush_timer.timeout.connect(self.flush)
        self.rotation = QTimer(self)
        self.rotation.setInterval(int(rotation_seconds * 1000))
        self.rotation.timeout.connect(self.board.rotate_soon)
        self.rotation.start()
        self.second = QTimer(self)  # the clock and the times in state
        self.second.setInterval(1000)
        self.second.timeout.connect(self._each_second)
        self.second.start()
        QShortcut(QKeySequence("F2"), self, self._toggle_view)
        state.listeners.append(self.changed)
        self._painted_version = -1
        self._tab_px = 0

    def resizeEvent(self, event: QResizeEvent) -> None:
        # the tab titles grow with the screen like the board (twice as large at 4K)
        size = round(19 * max(0.6, min(self.width() / 1920, self.height() / 1080)))
        if size != self._tab_px:
            self._tab_px = size
            self.tabs.tabBar().setStyleSheet(f"QTabBar::tab {{ font-size: {size}px; }}")
        super().resizeEvent(event)

    def _toggle_view(self) -> None:
        self.tabs.setCurrentIndex(1 - self.tabs.currentIndex())

    def set_offline(self, offline: bool) -> None:
        """Say on the board that the figures are not live (the feed is reconnecting)."""
        self.board.link_text = self.tr("offline: figures not live") if offline else ""
        self.board.update()

    def changed(self) -> None:
        """The state changed: refresh soon, at most ``max_repaints_per_second``."""
        delay = self.coalescer.changed()
        if delay is not None:
            self._flush_timer.start(int(delay * 1000))

    def flush(self) -> None:
        self.coalescer.flushed()
        if self.tabs.currentWidget() is self.board:
            if self._painted_version != self.state.version:
                self._painted_version = self.state.version
                self.board.refresh()  # only the tiles (and ticker) whose content changed
        else:
            self.roster.refresh()

    def _each_second(self) -> None:
        if self.tabs.currentWidget() is self.board:
            self.board.update(self.board.header_rect())  # the clock
        else:
            self.roster.tick()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.changed in self.state.listeners:
            self.state.listeners.remove(self.changed)
        self.sig_closed.emit()
        super().closeEvent(event)
