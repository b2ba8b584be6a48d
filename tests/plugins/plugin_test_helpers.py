"""Helpers for the plugin tests: write plugin files, and a headless host on a real Desktop."""

from __future__ import annotations

import textwrap
from pathlib import Path

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.plugins_host import PluginHost, PluginServices, folder_sources
from agent_desktop.plugins_host.host import MemorySettings
from agent_desktop.services.desktop import Desktop


def write_plugin(folder: Path, name: str, body: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.py"
    path.write_text(textwrap.dedent(body), encoding="utf-8")
    return path


def headless_desktop() -> Desktop:
    """A Desktop that is never logged in: its bus is real, nothing goes on the wire."""
    gateway = GatewayClient("http://127.0.0.1:9")
    return Desktop(gateway, gateway)


def host_for(folder: Path, desktop: Desktop | None = None, **settings: object) -> PluginHost:
    services = PluginServices(desktop) if desktop is not None else None
    return PluginHost(services, folder_sources(folder), settings=MemorySettings(dict(settings)))
