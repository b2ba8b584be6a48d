"""The Plugins panel: one row per plugin with version and state, the error and traceback
of a failed one as plain text, and the settings pages a plugin registered."""

from __future__ import annotations

from pathlib import Path

import pytest
from plugin_test_helpers import headless_desktop, host_for, write_plugin
from PySide6.QtWidgets import QLabel, QTabWidget
from pytestqt.qtbot import QtBot

from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.plugins_panel import PluginsPanel

WITH_PAGE = """
    from PySide6.QtWidgets import QLabel
    from agent_desktop.plugin_api import Plugin

    class Paged(Plugin):
        id = "paged"
        name = "<b>Paged</b>"
        version = "3.0"

        def activate(self, ctx):
            ctx.add_settings_page("General", lambda: QLabel("refresh every 30 s"))
"""


@pytest.mark.asyncio
async def test_rows_error_and_settings_pages(qtbot: QtBot, tmp_path: Path) -> None:
    write_plugin(tmp_path, "paged", WITH_PAGE)
    write_plugin(tmp_path, "broken", "raise ImportError('<i>no</i> module')\n")
    host = host_for(tmp_path, headless_desktop())
    host.load()
    await host.activate_all()
    panel = PluginsPanel(host, TaskGroup())
    qtbot.addWidget(panel)
    rows = {
        panel.tree.topLevelItem(i).text(0): [
            panel.tree.topLevelItem(i).text(c) for c in range(1, 3)
        ]
        for i in range(panel.tree.topLevelItemCount())
    }
    assert rows == {"<b>Paged</b>": ["3.0", "Active"], "broken": ["—", "Failed"]}
    # with nothing selected, the first failure is explained (plain text, never HTML)
    assert "ImportError: <i>no</i> module" in panel.details.toPlainText()
    assert "Traceback" in panel.details.toPlainText()
    items = [panel.tree.topLevelItem(i) for i in range(panel.tree.topLevelItemCount())]
    next(i for i in items if i.text(0) == "<b>Paged</b>").setSelected(True)
    assert panel.settings_button.isEnabled()
    dialog = panel.open_settings()
    assert dialog is not None
    qtbot.addWidget(dialog)
    tabs = dialog.findChild(QTabWidget)
    assert tabs is not None and tabs.tabText(0) == "General"
    page = tabs.widget(0)
    assert isinstance(page, QLabel) and page.text() == "refresh every 30 s"
    dialog.close()
    host.deactivate("paged")
    assert host.records["paged"].settings_pages == []  # disposed with the plugin
