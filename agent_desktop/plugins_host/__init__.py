"""Finds, loads, activates and isolates plugins (see :mod:`agent_desktop.plugin_api`)."""

from agent_desktop.plugins_host.discovery import (
    ENTRY_POINT_GROUP,
    PluginSource,
    class_source,
    entry_point_sources,
    folder_sources,
    user_plugins_dir,
)
from agent_desktop.plugins_host.host import PluginHost, PluginRecord, PluginServices, PluginState

__all__ = [
    "ENTRY_POINT_GROUP",
    "PluginHost",
    "PluginRecord",
    "PluginServices",
    "PluginSource",
    "PluginState",
    "class_source",
    "entry_point_sources",
    "folder_sources",
    "user_plugins_dir",
]
