"""Plugins in the advisor window: what a plugin's panels, call-bar actions and menu entries
become in Qt, and the Plugins panel that lists every plugin with its state.

:func:`install_plugins` is called by the composition root once the window exists. Each
registration returns a disposer that removes exactly what it added, so a plugin that is
disabled or fails leaves nothing behind.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QMainWindow, QMenu, QWidget

from agent_desktop.domain.interaction import Interaction
from agent_desktop.plugin_api import Disposer
from agent_desktop.plugins_host import PluginHost, PluginServices, PluginSource
from agent_desktop.plugins_host.host import SettingsStore
from agent_desktop.ports.consult import Consults, PresenceSource
from agent_desktop.services.consult import ConsultService
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.presence import PresenceService
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.plugins_panel import PluginsPanel

log = logging.getLogger(__name__)


class QtPluginShell:
    """Implements the host's ``Shell`` on an advisor window (``MainWindow``)."""

    def __init__(self, window: QMainWindow, bridge: Any, anchor: QDockWidget | None) -> None:
        self.window = window
        self.bridge = bridge
        self.anchor = anchor
        self.docks: dict[str, QDockWidget] = {}
        self.call_actions: dict[str, tuple[QAction, Callable[[Interaction | None], bool] | None]]
        self.call_actions = {}
        self.menu: QMenu = window.menuBar().addMenu(
            QCoreApplication.translate("PluginShell", "&Plugins")
        )
        self.menu.setObjectName("pluginsMenu")
        self.show_action = QAction(QCoreApplication.translate("PluginShell", "Plugins…"), window)
        self.show_action.setObjectName("showPlugins")
        self.show_action.triggered.connect(self._show_panel)
        self.menu.addAction(self.show_action)
        self.menu.addSeparator()
        self._plugin_entries = self.menu.addSeparator()
        bridge.sig_current_changed.connect(self._update_call_actions)
        bridge.sig_interaction_changed.connect(self._update_call_actions)
        bridge.sig_closed.connect(self._update_call_actions)

    def _show_panel(self) -> None:
        if self.anchor is not None:
            self.anchor.show()
            self.anchor.raise_()

    def add_panel(
        self, plugin_id: str, panel_id: str, title: str, factory: Callable[[], Any]
    ) -> Disposer:
        name = f"plugin.{plugin_id}.{panel_id}"
        dock = QDockWidget(title, self.window)
        dock.setObjectName(name)
        widget = factory()
        if not isinstance(widget, QWidget):
            raise TypeError(f"the panel factory of {name} did not return a QWidget")
        dock.setWidget(widget)
        # Where the advisor last put it (the window restored its layout before plugins
        # loaded); otherwise tabbed with the Plugins panel.
        if not self.window.restoreDockWidget(dock):
            self.window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, dock)
            if self.anchor is not None:
                self.window.tabifyDockWidget(self.anchor, dock)
        self.docks[name] = dock
        toggle = dock.toggleViewAction()
        self.menu.insertAction(self._plugin_entries, toggle)

        def dispose() -> None:
            if self.docks.pop(name, None) is None:
                return
            self.menu.removeAction(toggle)
            self.window.removeDockWidget(dock)
            dock.deleteLater()

        return dispose

    def add_call_action(
        self,
        plugin_id: str,
        action_id: str,
        text: str,
        callback: Callable[[], None],
        enabled: Callable[[Interaction | None], bool] | None,
    ) -> Disposer:
        name = f"plugin.{plugin_id}.{action_id}"
        action = QAction(text, self.window)
        action.setObjectName(name)
        action.triggered.connect(lambda _checked=False: callback())
        toolbar = getattr(self.window, "call_toolbar", None)
        if toolbar is not None:
            toolbar.addAction(action)
        self.call_actions[name] = (action, enabled)
        self._update_call_actions()

        def dispose() -> None:
            if self.call_actions.pop(name, None) is None:
                return
            if toolbar is not None:
                toolbar.removeAction(action)
            action.deleteLater()

        return dispose

    def add_menu_action(
        self, plugin_id: str, action_id: str, text: str, callback: Callable[[], None]
    ) -> Disposer:
        action = QAction(text, self.window)
        action.setObjectName(f"plugin.{plugin_id}.{action_id}")
        action.triggered.connect(lambda _checked=False: callback())
        self.menu.addAction(action)

        def dispose() -> None:
            self.menu.removeAction(action)
            action.deleteLater()

        return dispose

    def _update_call_actions(self, *_args: object) -> None:
        current = self.bridge.desktop.calls.current
        for action, enabled in list(self.call_actions.values()):
            action.setEnabled(enabled(current) if enabled is not None else current is not None)


def install_plugins(
    window: Any,
    desktop: Desktop,
    consults: Consults | None,
    presence: PresenceSource | None,
    settings: SettingsStore,
    tasks: TaskGroup,
    *,
    mode: str = "advisor",
    language: str = "en",
    sources: Iterable[PluginSource] | None = None,
) -> PluginHost:
    """Build the host for this window and activate the enabled plugins.

    ``sources=None`` discovers installed plugins and the user's plugins folder; tests
    pass the sources they want (a host discovers nothing unless told).
    """
    services = PluginServices(
        desktop,
        ConsultService(consults, desktop.calls, desktop.bus) if consults is not None else None,
        PresenceService(presence, desktop.bus, stream_is_source=presence is consults)
        if presence is not None
        else None,
    )
    anchor = window.docks.get("pluginsDock")
    shell = QtPluginShell(window, window.bridge, anchor)
    host = PluginHost(
        services,
        sources or (),
        mode=mode,
        language=language,
        settings=settings,
        shell=shell,
        capabilities=desktop.session.capabilities if desktop.session is not None else None,
    )
    if sources is None:
        host.discover()
    panel = PluginsPanel(host, tasks, window)
    if anchor is not None:
        anchor.setWidget(panel)
        anchor.setWindowTitle(QCoreApplication.translate("PluginShell", "Plugins"))
    window.plugin_host = host
    window.plugins_panel = panel
    host.load()
    tasks.spawn(host.activate_all(), name="plugins")
    return host
