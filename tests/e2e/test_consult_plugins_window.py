"""The three built-in plugins in the real advisor window, over the real wire: the expert
directory with live presence, consult from it, the consult panel, a conference in
progress — and a broken plugin shown as failed while the rest works. Saves screenshots."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from consult_helpers import EXPERT, consult_session
from e2e_helpers import until
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QDockWidget, QTreeWidget
from shiboken6 import isValid

from agent_desktop.domain.consult import ConsultState
from agent_desktop.domain.interaction import InteractionState
from agent_desktop.plugin_api import Plugin, PluginContext
from agent_desktop.plugins_host import PluginHost, PluginState, class_source
from agent_desktop.plugins_host.host import latest_summary
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.main_window import MainWindow
from agent_desktop.ui.plugin_shell import install_plugins
from plugins.conference import ConferencePlugin
from plugins.expert_presence import ExpertPresencePlugin
from plugins.supervised_transfer import SupervisedTransferPlugin

pytestmark = pytest.mark.asyncio

SHOTS = Path(os.environ.get("AGENT_DESKTOP_SHOTS", "/tmp"))


class BrokenPanelPlugin(Plugin):
    id = "broken_panel"
    name = "Broken panel"
    version = "0.1"

    def activate(self, ctx: PluginContext) -> None:
        raise RuntimeError("cannot reach the CRM")


@contextlib.contextmanager
def window_with_plugins(session, tmp_path: Path) -> Iterator[tuple[MainWindow, PluginHost]]:  # type: ignore[no-untyped-def]
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(session.desktop, "en", settings)
    window.resize(1366, 768)
    window.show()
    tasks = TaskGroup()
    sources = [
        class_source(cls, "built-in")
        for cls in (
            ExpertPresencePlugin,
            SupervisedTransferPlugin,
            ConferencePlugin,
            BrokenPanelPlugin,
        )
    ]
    consults = session.consults._port
    host = install_plugins(
        window, session.desktop, consults, consults, settings, tasks, sources=sources
    )
    try:
        yield window, host
    finally:
        host.deactivate_all()
        window.close()
        window.deleteLater()


def dock(window: MainWindow, name: str) -> QDockWidget:
    found = window.findChild(QDockWidget, name)
    assert found is not None, name
    found.show()
    found.raise_()
    return found


def rows(tree: QTreeWidget) -> list[list[str]]:
    return [
        [tree.topLevelItem(i).text(c) for c in range(tree.columnCount())]
        for i in range(tree.topLevelItemCount())
    ]


async def test_directory_consult_and_conference_in_the_window(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with consult_session(sandbox) as s:
        with window_with_plugins(s, tmp_path) as (window, host):
            await until(lambda: host.records["conference"].state == PluginState.ACTIVE)
            # a broken plugin is failed and shown; the others are active
            assert host.records["broken_panel"].state == PluginState.FAILED
            plugins_tree = window.findChild(QTreeWidget, "pluginList")
            assert ["Broken panel", "0.1", "Failed", "built-in"] in rows(plugins_tree)
            assert "cannot reach the CRM" in window.plugins_panel.details.toPlainText()

            directory = dock(window, "plugin.expert_presence.directory").widget()
            await until(lambda: directory.tree.topLevelItemCount() >= 10)
            await s.presence_of(EXPERT, "do_not_disturb")
            await until(
                lambda: any(r[0].startswith("Do not disturb") for r in rows(directory.tree))
            )
            directory.available_only.setChecked(True)
            await until(
                lambda: (
                    rows(directory.tree)
                    and all(r[0].startswith("Available") for r in rows(directory.tree))
                )
            )
            directory.available_only.setChecked(False)
            await s.presence_of(EXPERT, "available")
            await until(lambda: directory.tree.topLevelItemCount() >= 10)
            window.grab().save(str(SHOTS / "plugins-directory-window.png"))
            directory.grab().save(str(SHOTS / "plugins-directory-panel.png"))

            # consult straight from the directory entry
            call_id = await s.connected_call()
            expert_name = host.services.presence.experts[EXPERT].name  # type: ignore[union-attr]
            directory.search.setText(expert_name)
            await until(lambda: directory.tree.topLevelItemCount() == 1)
            directory.tree.topLevelItem(0).setSelected(True)
            await until(directory.consult_button.isEnabled)
            directory.note.setText("Customer asks for a fee refund")
            directory.consult_button.click()
            await until(
                lambda: (
                    (c := s.desktop.calls.interactions[call_id]).consult is not None
                    and c.consult.state == ConsultState.CONNECTED
                )
            )
            consult_panel = dock(window, "plugin.supervised_transfer.consult").widget()
            await until(lambda: expert_name in consult_panel.status.text())
            assert consult_panel.transfer_button.isEnabled()
            assert s.desktop.calls.interactions[call_id].state == InteractionState.HELD

            # merge into a conference from the conference panel
            conference = dock(window, "plugin.conference.conference").widget()
            await until(conference.merge_button.isEnabled)
            conference.merge_button.click()
            await until(lambda: conference.parties.topLevelItemCount() == 3)
            assert [r[1:] for r in rows(conference.parties)] == [
                ["Customer", "On the line"],
                ["You", "On the line"],
                ["Expert", "On the line"],
            ]
            conference.mute_button.click()
            await until(lambda: rows(conference.parties)[1][2] == "Muted")
            window.grab().save(str(SHOTS / "plugins-conference-window.png"))
            conference.grab().save(str(SHOTS / "plugins-conference-panel.png"))
            # drop the expert, then disabling a plugin removes its panel
            expert_row = conference.parties.topLevelItem(2)
            expert_row.setSelected(True)
            # choosing a party does not list the parties again (that deleted the very row
            # being selected, inside its own setSelected: a crash)
            assert isValid(expert_row) and expert_row.isSelected()
            assert conference.drop_button.isEnabled()
            conference.drop_button.click()
            await until(lambda: rows(conference.parties)[2][2] == "Left")
            await host.set_enabled("conference", False)
            assert host.records["conference"].state == PluginState.DISABLED
            assert "plugin.conference.conference" not in host.shell.docks  # type: ignore[union-attr]
            assert ["Three-way conference", "1.0.0", "Disabled", "built-in"] in rows(plugins_tree)


async def test_transfer_straight_from_a_directory_entry(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with consult_session(sandbox) as s:
        with window_with_plugins(s, tmp_path) as (window, host):
            await until(lambda: host.records["expert_presence"].state == PluginState.ACTIVE)
            directory = dock(window, "plugin.expert_presence.directory").widget()
            await until(lambda: directory.tree.topLevelItemCount() >= 10)
            call_id = await s.connected_call()
            expert = host.services.presence.experts[EXPERT]  # type: ignore[union-attr]
            directory.search.setText(expert.name)
            await until(lambda: directory.tree.topLevelItemCount() == 1)
            directory.tree.topLevelItem(0).setSelected(True)
            await until(directory.transfer_button.isEnabled)
            directory.transfer_button.click()
            await until(lambda: s.desktop.calls.interactions[call_id].state
                        == InteractionState.ENDED)  # fmt: skip
            call = s.desktop.calls.interactions[call_id]
            assert call.end_reason == "transferred"
            state = (await s.control.get("/sandbox/state")).json()
            assert any(i["id"] == call_id for i in state["interactions"])


async def test_consult_from_the_call_bar_then_cancel_from_the_panel(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with consult_session(sandbox) as s:
        with window_with_plugins(s, tmp_path) as (window, host):
            await until(
                lambda: (
                    host.records["supervised_transfer"].state == PluginState.ACTIVE
                    and bool(host.services.presence.experts)
                )  # type: ignore[union-attr]
            )
            action = window.findChild(QAction, "plugin.supervised_transfer.consult")
            assert action is not None and not action.isEnabled()  # no call yet
            call_id = await s.connected_call()
            await until(action.isEnabled)
            # the summary dock writes the customer's summary; the consult hands it over
            await until(lambda: latest_summary(s.desktop, "C100042") != "")
            action.trigger()
            plugin = host.records["supervised_transfer"].instance
            dialog = plugin.dialog  # type: ignore[union-attr]
            assert dialog.isVisible()
            dialog.expert.setCurrentIndex(dialog.expert.findData(EXPERT))
            dialog.note.setText("Fee refund over 50 €")
            dialog.accept()
            await until(
                lambda: (
                    (c := s.desktop.calls.interactions[call_id]).consult is not None
                    and c.consult.state == ConsultState.CONNECTED
                )
            )
            assert not action.isEnabled()  # one consult per call
            panel = dock(window, "plugin.supervised_transfer.consult").widget()
            await until(panel.cancel_button.isEnabled)
            panel.cancel_button.click()
            await until(lambda: s.desktop.calls.interactions[call_id].state
                        == InteractionState.CONNECTED)  # fmt: skip
            await until(lambda: "cancelled" in panel.status.text())
            handovers = (await s.control.get("/sandbox/handovers")).json()
            (context,) = [h["context"] for h in handovers if h["interaction_id"] == call_id]
            assert context["note"] == "Fee refund over 50 €"
            assert context["customer_id"] == "C100042"
            assert context["summary"] == latest_summary(s.desktop, "C100042")


async def test_untick_a_plugin_in_the_plugins_panel(sandbox: SandboxServer, tmp_path: Path) -> None:
    async with consult_session(sandbox) as s:
        with window_with_plugins(s, tmp_path) as (window, host):
            await until(lambda: host.records["conference"].state == PluginState.ACTIVE)
            tree = window.plugins_panel.tree
            item = next(
                tree.topLevelItem(i)
                for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0) == "Three-way conference"
            )
            item.setCheckState(0, Qt.CheckState.Unchecked)
            await until(lambda: host.records["conference"].state == PluginState.DISABLED)
            assert host.settings.value("plugins/conference/enabled") is False
            assert "plugin.conference.conference" not in host.shell.docks  # type: ignore[union-attr]
            item = next(
                tree.topLevelItem(i)
                for i in range(tree.topLevelItemCount())
                if tree.topLevelItem(i).text(0) == "Three-way conference"
            )
            item.setCheckState(0, Qt.CheckState.Checked)
            await until(lambda: host.records["conference"].state == PluginState.ACTIVE)
            assert "plugin.conference.conference" in host.shell.docks  # type: ignore[union-attr]
