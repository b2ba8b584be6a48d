"""The plugin host: discovery, metadata, api_version, isolation of import, activation and
handlers, disposers, enable/disable, and the `agent-desktop plugins` command."""

from __future__ import annotations

import asyncio
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
from plugin_test_helpers import headless_desktop, host_for, write_plugin

from agent_desktop.cli import main
from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.events import AgentChanged, Notice
from agent_desktop.plugins_host import PluginHost, PluginServices, PluginState
from agent_desktop.plugins_host.host import api_compatible

GOOD = """
    from agent_desktop.plugin_api import AgentChanged, Plugin

    SEEN = []

    class Good(Plugin):
        id = "good"
        name = "Good plugin"
        version = "1.2.3"
        api_version = "1.0"

        def activate(self, ctx):
            ctx.subscribe(AgentChanged, lambda e: SEEN.append(e.agent.state.value))

        def deactivate(self):
            SEEN.append("deactivated")
"""


def agent_event() -> AgentChanged:
    at = datetime(2026, 1, 1, tzinfo=UTC)
    return AgentChanged(Agent("alice", "Alice", AgentState.READY, at))


def notices(desktop) -> list[Notice]:  # type: ignore[no-untyped-def]
    seen: list[Notice] = []
    desktop.bus.subscribe(Notice, seen.append)
    return seen


def test_a_test_host_discovers_nothing_unless_told() -> None:
    host = PluginHost()
    assert host.load() == []


@pytest.mark.asyncio
async def test_a_folder_plugin_is_loaded_activated_and_hears_events(tmp_path: Path) -> None:
    write_plugin(tmp_path, "good", GOOD)
    desktop = headless_desktop()
    host = host_for(tmp_path, desktop)
    (record,) = host.load()
    assert (record.id, record.name, record.version) == ("good", "Good plugin", "1.2.3")
    assert record.origin.startswith("folder ")
    await host.activate_all()
    assert record.state == PluginState.ACTIVE
    desktop.bus.publish(agent_event())
    module = sys.modules["agent_desktop_user_plugins.good"]

    assert module.SEEN == ["ready"]
    host.deactivate("good")
    desktop.bus.publish(agent_event())
    assert module.SEEN == ["ready", "deactivated"]  # the subscription was disposed


@pytest.mark.asyncio
async def test_a_plugin_that_fails_to_import_is_failed_and_the_others_run(tmp_path: Path) -> None:
    write_plugin(tmp_path, "broken", "import does_not_exist_anywhere\n")
    write_plugin(tmp_path, "good", GOOD)
    host = host_for(tmp_path, headless_desktop())
    host.load()
    await host.activate_all()
    broken = host.records["broken"]
    assert broken.state == PluginState.FAILED
    assert "ModuleNotFoundError" in (broken.error or "")
    assert "does_not_exist_anywhere" in (broken.traceback or "")
    assert host.records["good"].state == PluginState.ACTIVE


@pytest.mark.asyncio
async def test_a_plugin_raising_in_activate_is_failed_and_its_registrations_undone(
    tmp_path: Path,
) -> None:
    write_plugin(
        tmp_path,
        "boom",
        """
        from agent_desktop.plugin_api import AgentChanged, Plugin

        CALLS = []

        class Boom(Plugin):
            id = "boom"

            def activate(self, ctx):
                ctx.subscribe(AgentChanged, CALLS.append)
                raise RuntimeError("no database")
        """,
    )
    desktop = headless_desktop()
    seen = notices(desktop)
    host = host_for(tmp_path, desktop)
    host.load()
    await host.activate_all()
    record = host.records["boom"]
    assert record.state == PluginState.FAILED
    assert record.error == "activate raised RuntimeError: no database"
    assert "Traceback" in (record.traceback or "")
    assert [n.code for n in seen] == ["plugin_failed"]
    desktop.bus.publish(agent_event())
    module = sys.modules["agent_desktop_user_plugins.boom"]

    assert module.CALLS == []  # its subscription was disposed when it failed


@pytest.mark.asyncio
async def test_a_plugin_raising_in_a_handler_fails_alone(tmp_path: Path) -> None:
    write_plugin(
        tmp_path,
        "flaky",
        """
        from agent_desktop.plugin_api import AgentChanged, Plugin

        class Flaky(Plugin):
            id = "flaky"

            def activate(self, ctx):
                ctx.subscribe(AgentChanged, self.on_agent)

            def on_agent(self, event):
                raise ValueError("bad state " + event.agent.state.value)
        """,
    )
    write_plugin(tmp_path, "good", GOOD)
    desktop = headless_desktop()
    seen = notices(desktop)
    host = host_for(tmp_path, desktop)
    host.load()
    await host.activate_all()
    desktop.bus.publish(agent_event())
    flaky = host.records["flaky"]
    assert flaky.state == PluginState.FAILED
    assert flaky.error == "handler Flaky.on_agent raised ValueError: bad state ready"
    assert host.records["good"].state == PluginState.ACTIVE
    module = sys.modules["agent_desktop_user_plugins.good"]

    assert module.SEEN[-1] == "ready"  # the other plugin still heard the event
    assert [n.code for n in seen] == ["plugin_failed"]
    desktop.bus.publish(agent_event())  # a failed plugin hears nothing more
    assert len(seen) == 1


@pytest.mark.asyncio
async def test_an_async_handler_failure_fails_its_plugin(tmp_path: Path) -> None:
    write_plugin(
        tmp_path,
        "slow",
        """
        import asyncio
        from agent_desktop.plugin_api import AgentChanged, Plugin

        class Slow(Plugin):
            id = "slow"

            def activate(self, ctx):
                ctx.subscribe(AgentChanged, self.on_agent)

            async def on_agent(self, event):
                await asyncio.sleep(0)
                raise KeyError("late")
        """,
    )
    desktop = headless_desktop()
    host = host_for(tmp_path, desktop)
    host.load()
    await host.activate_all()
    desktop.bus.publish(agent_event())
    record = host.records["slow"]
    for _ in range(50):
        if record.state == PluginState.FAILED:
            break
        await asyncio.sleep(0.01)
    assert record.state == PluginState.FAILED
    assert "KeyError" in (record.error or "")


def test_an_incompatible_api_version_is_refused_with_a_reason(tmp_path: Path) -> None:
    write_plugin(
        tmp_path,
        "future",
        """
        from agent_desktop.plugin_api import Plugin

        class Future(Plugin):
            id = "future"
            api_version = "2.0"
        """,
    )
    host = host_for(tmp_path)
    (record,) = host.load()
    assert record.state == PluginState.FAILED
    assert record.error == "refused: written for plugin API 2.0; this desktop provides 1.1"
    assert api_compatible("1.0", "1.3") is None
    assert api_compatible("1.4", "1.3") is not None
    assert api_compatible("one") is not None


@pytest.mark.asyncio
async def test_disabled_in_settings_then_enabled_and_required_plugins(tmp_path: Path) -> None:
    write_plugin(tmp_path, "good", GOOD)
    write_plugin(
        tmp_path,
        "needs_good",
        """
        from agent_desktop.plugin_api import Plugin

        class NeedsGood(Plugin):
            id = "needs_good"
            requires = ("good",)
        """,
    )
    host = host_for(tmp_path, headless_desktop(), **{"plugins/good/enabled": "false"})
    host.load()
    await host.activate_all()
    assert host.records["good"].state == PluginState.DISABLED
    assert host.records["needs_good"].state == PluginState.FAILED
    assert host.records["needs_good"].error == "requires good, which is not active"
    await host.set_enabled("good", True)
    assert host.records["good"].state == PluginState.ACTIVE
    assert await host.activate("needs_good")
    await host.set_enabled("good", False)
    assert host.records["good"].state == PluginState.DISABLED
    assert host.settings.value("plugins/good/enabled") is False


def test_plugins_for_another_shell_stay_inactive(tmp_path: Path) -> None:
    write_plugin(
        tmp_path,
        "board",
        """
        from agent_desktop.plugin_api import Plugin

        class Board(Plugin):
            id = "board"
            modes = ("wallboard",)
        """,
    )
    (record,) = host_for(tmp_path).load()
    assert record.state == PluginState.INACTIVE


def test_cli_lists_id_version_state(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    write_plugin(tmp_path, "good", GOOD)
    write_plugin(tmp_path, "broken", "raise SystemExit('nope')\n")
    assert main(["plugins", "--folder", str(tmp_path)]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert "broken\t-\tfailed\timport failed: SystemExit: nope" in lines
    assert "good\t1.2.3\tenabled" in lines
    # the built-ins come through the entry points of the installed package
    ids = {line.split("\t")[0] for line in lines}
    assert {"expert_presence", "supervised_transfer", "conference"} <= ids


def test_cli_reads_what_the_desktop_disabled(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from PySide6.QtCore import QSettings

    from agent_desktop.plugins_host.cli import settings_path

    write_plugin(tmp_path, "good", GOOD)
    settings_path().parent.mkdir(parents=True, exist_ok=True)
    qt = QSettings(str(settings_path()), QSettings.Format.IniFormat)
    qt.setValue("plugins/good/enabled", False)
    qt.sync()
    try:
        assert main(["plugins", "--folder", str(tmp_path)]) == 0
        assert "good\t1.2.3\tdisabled" in capsys.readouterr().out.splitlines()
    finally:
        qt.remove("plugins/good/enabled")
        qt.sync()


@pytest.mark.asyncio
async def test_a_third_party_plugin_installed_with_an_entry_point(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A distribution installed in a site directory (as pip lays it out) is discovered
    through the `agent_desktop.plugins` entry-point group, next to the built-ins."""
    site = tmp_path / "site"
    package = site / "acme_crm_plugin"
    package.mkdir(parents=True)
    (package / "__init__.py").write_text(
        "from agent_desktop.plugin_api import Plugin\n\n"
        "class CrmPlugin(Plugin):\n"
        "    id = 'acme_crm'\n"
        "    name = 'ACME CRM'\n"
        "    version = '2.1.0'\n\n"
        "    def activate(self, ctx):\n"
        "        ctx.notify('CRM ready')\n",
        encoding="utf-8",
    )
    dist = site / "acme_crm_plugin-2.1.0.dist-info"
    dist.mkdir()
    (dist / "METADATA").write_text(
        "Metadata-Version: 2.1\nName: acme-crm-plugin\nVersion: 2.1.0\n", encoding="utf-8"
    )
    (dist / "entry_points.txt").write_text(
        "[agent_desktop.plugins]\nacme_crm = acme_crm_plugin:CrmPlugin\n", encoding="utf-8"
    )
    monkeypatch.syspath_prepend(str(site))
    desktop = headless_desktop()
    seen = notices(desktop)
    host = PluginHost(PluginServices(desktop))
    host.discover(folders=[])
    host.load()
    record = host.records["acme_crm"]
    assert record.origin == "entry point acme_crm_plugin:CrmPlugin (acme-crm-plugin)"
    assert {"expert_presence", "supervised_transfer", "conference"} <= set(host.records)
    assert await host.activate("acme_crm")
    assert [n.text for n in seen] == ["CRM ready"]
