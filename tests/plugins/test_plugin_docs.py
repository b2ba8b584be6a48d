"""docs/plugins.md documents every public name of the plugin API, every context call, and
its tutorial plugin really loads and works."""

from __future__ import annotations

import inspect
import re
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from plugin_test_helpers import headless_desktop, host_for

from agent_desktop import plugin_api
from agent_desktop.domain.events import InteractionChanged, Notice
from agent_desktop.domain.interaction import AttachedData, Interaction, InteractionState
from agent_desktop.plugins_host import PluginState

DOC = (Path(__file__).resolve().parents[2] / "docs" / "plugins.md").read_text(encoding="utf-8")


def documented(name: str) -> bool:
    return f"`{name}" in DOC


def test_every_public_name_is_documented() -> None:
    missing = [name for name in plugin_api.__all__ if not documented(name)]
    assert not missing, f"plugin_api names not in docs/plugins.md: {missing}"


@pytest.mark.parametrize(
    "protocol",
    [
        plugin_api.PluginContext,
        plugin_api.CallsApi,
        plugin_api.ExpertsApi,
        plugin_api.PluginSettings,
    ],
)
def test_every_call_and_attribute_is_documented(protocol: type) -> None:
    names = [
        n
        for n, v in vars(protocol).items()
        if not n.startswith("_") and (inspect.isfunction(v) or n in protocol.__annotations__)
    ] + [n for n in getattr(protocol, "__annotations__", {}) if not n.startswith("_")]
    missing = sorted({n for n in names if not documented(n)})
    assert not missing, f"{protocol.__name__}: not in docs/plugins.md: {missing}"


def test_every_plugin_attribute_is_documented() -> None:
    names = [n for n in vars(plugin_api.Plugin) if not n.startswith("_")]
    assert not [n for n in names if not documented(n)]


@pytest.mark.asyncio
async def test_the_tutorial_plugin_works(tmp_path: Path) -> None:
    code = re.search(r"```python\n(.*?)```", DOC, re.S)
    assert code is not None
    folder = tmp_path / "user-plugins"
    (folder / "call_timer").mkdir(parents=True)
    (folder / "call_timer" / "__init__.py").write_text(code.group(1), encoding="utf-8")
    desktop = headless_desktop()
    seen: list[Notice] = []
    desktop.bus.subscribe(Notice, seen.append)
    host = host_for(folder, desktop)
    host.load()
    await host.activate_all()
    record = host.records["call_timer"]
    assert record.state == PluginState.ACTIVE, record.error
    instance = record.instance
    assert instance is not None
    instance.label = type("Label", (), {"setText": lambda self, text: None})()  # type: ignore[attr-defined]
    started = datetime.now(UTC) - timedelta(minutes=6)
    call = Interaction("int-1", InteractionState.CONNECTED, AttachedData(), (), started, started)
    desktop.bus.publish(InteractionChanged(call))
    assert [n.text for n in seen] == ["This call has lasted more than five minutes."]
