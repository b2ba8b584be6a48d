"""``agent-desktop plugins``: one line per plugin — id, version, state (and why it failed).

It imports the plugins (to read their metadata and check their API version) but
activates none: no window, no login.
"""

from __future__ import annotations

import argparse
import configparser
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import platformdirs

from agent_desktop.plugins_host.discovery import user_plugins_dir
from agent_desktop.plugins_host.host import PluginHost, PluginState


class IniSettings:
    """The desktop's QSettings ini file, read without Qt (``[plugins]`` ``id\\enabled=false``
    is the key ``plugins/id/enabled``). Read only: the CLI changes nothing."""

    def __init__(self, path: Path) -> None:
        parser = configparser.ConfigParser(interpolation=None, strict=False)
        parser.optionxform = str  # type: ignore[assignment,method-assign]
        self.values: dict[str, str] = {}
        try:
            parser.read(path, encoding="utf-8")
        except configparser.Error:
            return
        for section in parser.sections():
            prefix = "" if section == "General" else section + "/"
            for key, value in parser.items(section):
                self.values[prefix + key.replace("\\", "/")] = value

    def value(self, key: str, defaultValue: Any = None) -> Any:
        return self.values.get(key, defaultValue)

    def setValue(self, key: str, value: Any) -> None:
        pass


def settings_path() -> Path:
    """The same file as the desktop's (``agent_desktop.app.settings``)."""
    return (
        Path(platformdirs.user_config_dir("agent-desktop", appauthor=False)) / "agent-desktop.ini"
    )


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
    host = PluginHost(mode=options.mode, settings=IniSettings(settings_path()))
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
