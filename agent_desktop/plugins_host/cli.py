"""``agent-desktop plugins``: one line per plugin — id, version, state (and why it failed).

It imports the plugins (to read their metadata and check their API version) but
activates none: no window, no login.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

from agent_desktop.plugins_host.discovery import user_plugins_dir
from agent_desktop.plugins_host.host import PluginHost, PluginState, SettingsStore


def _settings() -> SettingsStore:
    import platformdirs
    from PySide6.QtCore import QSettings  # QtCore only: no display needed

    # the same file as the desktop's (agent_desktop.app.settings), read only
    path = Path(platformdirs.user_config_dir("agent-desktop", appauthor=False))
    return QSettings(str(path / "agent-desktop.ini"), QSettings.Format.IniFormat)


def run(argv: Sequence[str]) -> int:
    parser = argparse.ArgumentParser(
        prog="agent-desktop plugins",
        description="List the plugins found (entry points and the user plugins folder).",
    )
    parser.add_argument(
        "--folder",
        type=Path,
        action="append",
        help=f"plugins folder to look in (default: {user_plugins_dir()})",
    )
    parser.add_argument("--mode", default="advisor", help="the shell to check plugins for")
    parser.add_argument("-v", "--verbose", action="store_true", help="also show the origin")
    options = parser.parse_args(list(argv))
    host = PluginHost(mode=options.mode, settings=_settings())
    host.discover(folders=options.folder)
    records = host.load()
    if not records:
        print("no plugins found")
    for record in records:
        state = "enabled" if record.state == PluginState.LOADED else record.state.value
        line = f"{record.id}\t{record.version or '-'}\t{state}"
        if record.error:
            line += f"\t{record.error}"
        if options.verbose:
            line += f"\t[{record.origin}]"
        print(line)
    return 0
