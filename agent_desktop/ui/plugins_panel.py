"""The Plugins panel: every plugin with its version, state and origin; enable or disable
one; read why a failed one failed (message and traceback, as plain text); open its
settings pages."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QPlainTextEdit,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from agent_desktop.plugins_host import PluginHost, PluginRecord, PluginState
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.text import plain_label


def state_text(state: PluginState) -> str:
    return {
        PluginState.LOADED: QCoreApplication.translate("PluginsPanel", "Starting"),
        PluginState.ACTIVE: QCoreApplication.translate("PluginsPanel", "Active"),
        PluginState.DISABLED: QCoreApplication.translate("PluginsPanel", "Disabled"),
        PluginState.INACTIVE: QCoreApplication.translate("PluginsPanel", "Not for this mode"),
        PluginState.FAILED: QCoreApplication.translate("PluginsPanel", "Failed"),
    }[state]


class PluginsPanel(QWidget):
    """Attributes: tree (one row per plugin; the check box enables it), details (the
    selected plugin's description or error), settings_button."""

    def __init__(self, host: PluginHost, tasks: TaskGroup, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("pluginsPanel")
        self.host = host
        self.tasks = tasks
        self.tree = QTreeWidget(self)
        self.tree.setObjectName("pluginList")
        self.tree.setRootIsDecorated(False)
        self.tree.setHeaderLabels(
            [self.tr("Plugin"), self.tr("Version"), self.tr("State"), self.tr("Origin")]
        )
        self.details = QPlainTextEdit(self)
        self.details.setObjectName("pluginDetails")
        self.details.setReadOnly(True)
        self.details.setMaximumHeight(140)
        self.hint = plain_label(
            self.tr(
                "Tick a plugin to enable it. A plugin that fails is stopped; the desktop goes on."
            ),
            self,
            "pluginsHint",
        )
        self.hint.setWordWrap(True)
        self.settings_button = QPushButton(self.tr("Settings…"), self)
        self.settings_button.setObjectName("pluginSettings")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.settings_button)
        column = QVBoxLayout(self)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.hint)
        column.addWidget(self.tree, 1)
        column.addWidget(self.details)
        column.addLayout(row)
        self._filling = False
        self.tree.itemChanged.connect(self._toggled)
        self.tree.itemSelectionChanged.connect(self._show_details)
        self.settings_button.clicked.connect(self.open_settings)
        self._dispose = host.on_change(self.refresh)
        self.destroyed.connect(lambda: self._dispose())
        self.refresh()

    def refresh(self) -> None:
        selected = self.selected()
        self._filling = True
        self.tree.clear()
        for record in self.host.records.values():
            item = QTreeWidgetItem(
                [
                    record.name or record.id,
                    record.version or "—",
                    state_text(record.state),
                    record.origin,
                ]
            )
            item.setData(0, Qt.ItemDataRole.UserRole, record.id)
            if record.cls is not None:
                enabled = record.state != PluginState.DISABLED
                item.setCheckState(0, Qt.CheckState.Checked if enabled else Qt.CheckState.Unchecked)
            item.setToolTip(2, record.error or "")
            self.tree.addTopLevelItem(item)
            if selected is not None and record.id == selected.id:
                item.setSelected(True)
        for col in range(3):
            self.tree.resizeColumnToContents(col)
        self._filling = False
        self._show_details()

    def selected(self) -> PluginRecord | None:
        items = self.tree.selectedItems()
        if not items:
            return None
        return self.host.records.get(str(items[0].data(0, Qt.ItemDataRole.UserRole)))

    def _show_details(self) -> None:
        record = self.selected()
        if record is None:
            failed = [r for r in self.host.records.values() if r.state == PluginState.FAILED]
            record = failed[0] if failed else None
        if record is None:
            self.details.setPlainText("")
        elif record.error:
            text = f"{record.name or record.id}: {record.error}"
            if record.traceback:
                text += "\n\n" + record.traceback
            self.details.setPlainText(text)
        else:
            self.details.setPlainText(record.description)
        self.settings_button.setEnabled(bool(record and record.settings_pages))

    def _toggled(self, item: QTreeWidgetItem, column: int) -> None:
        if self._filling or column != 0:
            return
        plugin_id = str(item.data(0, Qt.ItemDataRole.UserRole))
        enabled = item.checkState(0) == Qt.CheckState.Checked
        self.tasks.spawn(self.host.set_enabled(plugin_id, enabled), name="plugin-toggle")

    def open_settings(self) -> QDialog | None:
        record = self.selected()
        if record is None or not record.settings_pages:
            return None
        dialog = QDialog(self)
        dialog.setObjectName("pluginSettingsDialog")
        dialog.setWindowTitle(self.tr("Settings of %1").replace("%1", record.name or record.id))
        tabs = QTabWidget(dialog)
        for title, factory in record.settings_pages:
            try:
                tabs.addTab(factory(), title)
            except Exception as exc:  # noqa: BLE001 - a plugin page must not break the dialog
                tabs.addTab(plain_label(f"{type(exc).__name__}: {exc}"), title)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, dialog)
        buttons.rejected.connect(dialog.reject)
        column = QVBoxLayout(dialog)
        column.addWidget(tabs)
        column.addWidget(buttons)
        dialog.open()
        return dialog
