"""The advisor shell: state and call bar on top, customer card in the middle, docks around.

The window only shows the :class:`Desktop` and asks it to act; it holds no call state of
its own. Its layout (docks, toolbar, geometry) is saved in the QSettings it is given.
"""

from __future__ import annotations

from PySide6.QtCore import QSettings, QSize, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QDockWidget, QMainWindow, QToolBar, QVBoxLayout, QWidget

from agent_desktop.domain.agent import Agent
from agent_desktop.domain.events import ConnectionChanged, Link
from agent_desktop.services.desktop import Desktop
from agent_desktop.ui import shortcuts
from agent_desktop.ui.agent_state import AgentStateSelector
from agent_desktop.ui.alert import CallAlerter, RingingBanner
from agent_desktop.ui.bridge import DesktopBridge
from agent_desktop.ui.call_bar import CallBar
from agent_desktop.ui.customer_card import CustomerCard
from agent_desktop.ui.docks import dock_specs, placeholder_dock
from agent_desktop.ui.history_panel import HistoryPanel
from agent_desktop.ui.icons import icon
from agent_desktop.ui.kb_panel import KnowledgePanel
from agent_desktop.ui.kpi_banner import KpiBanner
from agent_desktop.ui.labels import agent_label
from agent_desktop.ui.relogin import ReloginPrompt
from agent_desktop.ui.roles import apply_to_advisor, role_of
from agent_desktop.ui.shortcuts_dialog import ShortcutsDialog
from agent_desktop.ui.status_bar import ShellStatusBar, link_text
from agent_desktop.ui.summary_panel import SummaryPanel
from agent_desktop.ui.text import plain_label
from agent_desktop.ui.theme import hold_place
from agent_desktop.ui.wrap_up import WrapUpPanel

GEOMETRY_KEY = "advisor/geometry"
# The first window uses most of the screen (the docks need the room: summary, history and
# suggestions side by side with the card), up to what reads well on a large monitor.
FIRST_SIZE = QSize(1680, 1000)
SMALLEST_FIRST_SIZE = QSize(1024, 640)
STATE_KEY = "advisor/windowState"
# Bump when docks/toolbars change so an old saved layout is not forced on a new shell.
LAYOUT_VERSION = 2


def first_size(available: QSize) -> QSize:
    """The size of a window opened for the first time on a screen of ``available`` room:
    90 % of it, capped at :data:`FIRST_SIZE`, never more than the screen itself."""
    wanted = QSize(int(available.width() * 0.9), int(available.height() * 0.9))
    size = wanted.boundedTo(FIRST_SIZE).expandedTo(SMALLEST_FIRST_SIZE)
    return size.boundedTo(available)


class MainWindow(QMainWindow):
    """The advisor's main window.

    Attributes:
        desktop: the core shown.
        bridge: bus → Qt signals for every widget of this window.
        agent_state: the state selector (first toolbar row).
        call_bar: the call controls (second toolbar row).
        card: the customer card (central).
        banner: the ringing banner; link_banner: the "connection lost" banner.
        wrap_up: the after-call-work panel.
        docks: the dock panels by objectName.
        history: the unified history panel (in the History dock).
        knowledge: the KB suggestions panel (in the Knowledge dock).
        summary: the customer summary panel (in the Summary dock).
        status: the status bar.
        alerter: tray + taskbar alert on offers.

    Signals:
        sig_closed(): the advisor closed the window (the application then shuts down).
    """

    sig_closed = Signal()

    def __init__(self, desktop: Desktop, lang: str, settings: QSettings) -> None:
        super().__init__()
        self.setObjectName("advisorWindow")
        self.setWindowIcon(icon("app"))
        self.desktop = desktop
        self.lang = lang
        self._settings = settings
        self._shortcuts_dialog: ShortcutsDialog | None = None
        self.bridge = DesktopBridge(desktop, lang, self)

        self.agent_state = AgentStateSelector(self.bridge, self)
        self.call_bar = CallBar(self.bridge, self)
        # Two rows: a control must never be pushed into the toolbar's overflow menu,
        # whatever the language or the screen width (1366 px in French did that).
        self.state_toolbar = self._toolbar("stateToolbar", self.tr("Agent state"))
        self.state_toolbar.addWidget(self.agent_state)
        self.kpi_banner = KpiBanner(self.bridge, self)  # figures pushed on the event stream
        self.state_toolbar.addWidget(self.kpi_banner)
        self.addToolBarBreak(Qt.ToolBarArea.TopToolBarArea)
        self.call_toolbar = self._toolbar("callToolbar", self.tr("Call controls"))
        self.call_toolbar.addWidget(self.call_bar)

        self.link_banner = plain_label("", self, "linkBanner")
        self.link_banner.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.link_banner.hide()
        self.banner = RingingBanner(self.bridge, self)
        hold_place(self.banner)  # the card does not move when a call rings, nor when answered
        self.card = CustomerCard(self.bridge, self)
        self.wrap_up = WrapUpPanel(self.bridge, self)
        central = QWidget(self)
        column = QVBoxLayout(central)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(0)
        column.addWidget(self.link_banner)
        column.addWidget(self.banner)
        column.addWidget(self.card, 1)
        column.addWidget(self.wrap_up)
        self.setCentralWidget(central)

        self.docks: dict[str, QDockWidget] = {}
        for spec in dock_specs():
            dock = placeholder_dock(spec, self)
            self.addDockWidget(spec.area, dock)
            self.docks[spec.object_name] = dock
        self.history = HistoryPanel(self.bridge, self)
        self.docks["historyDock"].setWidget(self.history)
        self.knowledge = KnowledgePanel(self.bridge, self)
        self.docks["knowledgeDock"].setWidget(self.knowledge)
        self.summary = SummaryPanel(self.bridge, self)
        self.docks["summaryDock"].setWidget(self.summary)
        self.tabifyDockWidget(self.docks["knowledgeDock"], self.docks["pluginsDock"])
        self.docks["knowledgeDock"].raise_()
        self.setDockNestingEnabled(True)

        self.status = ShellStatusBar(self.bridge, self)
        self.setStatusBar(self.status)
        self.alerter = CallAlerter(self.bridge, self)
        self.relogin = ReloginPrompt(self.bridge, self)  # when the session expires
        self._build_menus()

        self.bridge.sig_agent_changed.connect(self._update_title)
        self.bridge.sig_link_changed.connect(self._show_link)
        self._update_title(desktop.agent)
        self._show_link(ConnectionChanged(self.bridge.link))
        self._restore_layout()
        self.removed_for_role: list[str] = []
        self.apply_role()

    def apply_role(self) -> None:
        """Take out what the user's role may not use (the login answer's capabilities).

        Done at construction, and again once logged in for a window built before the
        login answer (the demo builds it while its sandbox loads, app.py): nothing was
        taken out of it then."""
        if not self.removed_for_role:
            self.removed_for_role = apply_to_advisor(self, self.docks, role_of(self.desktop))

    def discard(self) -> None:
        """Drop a window that was never shown (built ahead of a login whose role wants
        another shell): off the bus, and its saved layout left as it was."""
        self.bridge.dispose()
        self.alerter.dispose()
        self.deleteLater()

    def _toolbar(self, name: str, title: str) -> QToolBar:
        toolbar = QToolBar(title, self)
        toolbar.setObjectName(name)
        toolbar.setMovable(False)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, toolbar)
        return toolbar

    # ------------------------------------------------------------ menus

    def _build_menus(self) -> None:
        menu_bar = self.menuBar()
        calls = menu_bar.addMenu(self.tr("&Call"))
        for action in self.call_bar.call_actions():
            calls.addAction(action)
        calls.addSeparator()
        calls.addAction(self.agent_state.toggle_action)
        calls.addAction(self.card.search_action)

        view = menu_bar.addMenu(self.tr("&View"))
        for dock in self.docks.values():
            view.addAction(dock.toggleViewAction())
        view.addSeparator()
        view.addAction(self.state_toolbar.toggleViewAction())
        view.addAction(self.call_toolbar.toggleViewAction())

        help_menu = menu_bar.addMenu(self.tr("&Help"))
        self.shortcuts_action = QAction(self.tr("Keyboard shortcuts"), self)
        self.shortcuts_action.setObjectName("showShortcuts")
        self.shortcuts_action.setShortcut(QKeySequence(shortcuts.SHORTCUTS_HELP))
        self.shortcuts_action.triggered.connect(self.show_shortcuts)
        help_menu.addAction(self.shortcuts_action)

    def show_shortcuts(self) -> ShortcutsDialog:
        if self._shortcuts_dialog is None:
            self._shortcuts_dialog = ShortcutsDialog(self)
        self._shortcuts_dialog.open()
        return self._shortcuts_dialog

    # ------------------------------------------------------------ live updates

    def _update_title(self, agent: Agent | None) -> None:
        parts = ["Agent Desktop"]
        if agent is not None:
            reason = self.desktop.reason_label(agent.reason_code, self.lang)
            parts += [agent.name, agent_label(agent, reason)]
        self.setWindowTitle(" — ".join(parts))

    def _show_link(self, event: ConnectionChanged) -> None:
        lost = event.link in (Link.RECONNECTING, Link.OFFLINE)
        if lost:
            self.link_banner.setText(
                link_text(event.link)
                + "  "
                + self.tr("Call controls are disabled until the connection is back.")
            )
        self.link_banner.setVisible(lost)

    # ------------------------------------------------------------ layout persistence

    def _restore_layout(self) -> None:
        geometry = self._settings.value(GEOMETRY_KEY)
        state = self._settings.value(STATE_KEY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(first_size(self.screen().availableGeometry().size()))
        if state is None or not self.restoreState(state, LAYOUT_VERSION):
            self._first_dock_sizes()

    def _first_dock_sizes(self) -> None:
        """Give the context docks 40 % of the width, the suggestions the most height."""
        right = [self.docks[n] for n in ("summaryDock", "historyDock", "knowledgeDock")]
        width, height = self.width(), self.height()
        self.resizeDocks(right, [int(width * 0.4)] * 3, Qt.Orientation.Horizontal)
        shares = (0.27, 0.33, 0.40)
        self.resizeDocks(right, [int(height * s) for s in shares], Qt.Orientation.Vertical)

    def save_layout(self) -> None:
        self._settings.setValue(GEOMETRY_KEY, self.saveGeometry())
        self._settings.setValue(STATE_KEY, self.saveState(LAYOUT_VERSION))
        self._settings.sync()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_layout()
        self.bridge.dispose()
        self.alerter.dispose()
        super().closeEvent(event)
        self.sig_closed.emit()
