"""Where plugins come from: the ``agent_desktop.plugins`` entry-point group (installed
packages, the built-ins included) and the ``plugins`` folder of the user's data directory.

Nothing is imported here: each :class:`PluginSource` has a ``load`` the host calls
inside its own try/except, so a plugin that fails to import is reported, not fatal.
"""

from __future__ import annotations

import importlib.util
import inspect
import sys
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import EntryPoint, entry_points
from pathlib import Path
from types import ModuleType

import platformdirs

from agent_desktop.plugin_api import Plugin

ENTRY_POINT_GROUP = "agent_desktop.plugins"
FOLDER_PACKAGE = "agent_desktop_user_plugins"


@dataclass(frozen=True, slots=True)
class PluginSource:
    """A plugin not yet imported. ``name`` is the entry point or file name; ``origin``
    says where it comes from (shown in the Plugins panel)."""

    name: str
    origin: str
    load: Callable[[], type[Plugin]]


def user_plugins_dir() -> Path:
    return Path(platformdirs.user_data_dir("agent-desktop", appauthor=False)) / "plugins"


def class_source(cls: type[Plugin], origin: str = "given") -> PluginSource:
    return PluginSource(cls.id or cls.__name__, origin, lambda: cls)


def entry_point_sources(group: str = ENTRY_POINT_GROUP) -> list[PluginSource]:
    sources = []
    for ep in entry_points(group=group):
        dist = ep.dist.name if ep.dist is not None else "?"

        def load(ep: EntryPoint = ep) -> type[Plugin]:
            return _plugin_class(ep.load(), ep.value)

        sources.append(PluginSource(ep.name, f"entry point {ep.value} ({dist})", load))
    return sources


def folder_sources(folder: Path) -> list[PluginSource]:
    """One source per ``*.py`` file or package (folder with ``__init__.py``) in ``folder``."""
    if not folder.is_dir():
        return []
    sources = []
    for path in sorted(folder.iterdir()):
        if path.name.startswith(("_", ".")):
            continue
        if path.is_dir() and (path / "__init__.py").is_file():
            init = path / "__init__.py"
        elif path.suffix == ".py" and path.is_file():
            init = path
        else:
            continue
        name = path.stem

        def load(name: str = name, init: Path = init) -> type[Plugin]:
            return _plugin_class(_import_file(name, init), str(init))

        sources.append(PluginSource(name, f"folder {path}", load))
    return sources


def _import_file(name: str, init: Path) -> ModuleType:
    module_name = f"{FOLDER_PACKAGE}.{name}"
    locations = [str(init.parent)] if init.name == "__init__.py" else None
    spec = importlib.util.spec_from_file_location(
        module_name, init, submodule_search_locations=locations
    )
    if spec is None or spec.loader is None:
        raise ImportError(f"cannot import {init}")
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    try:
        spec.loader.exec_module(module)
    except BaseException:
        sys.modules.pop(module_name, None)
        raise
    return module


def _plugin_class(obj: object, where: str) -> type[Plugin]:
    """The plugin class an entry point or module designates."""
    if inspect.isclass(obj) and issubclass(obj, Plugin):
        return obj
    if isinstance(obj, ModuleType):
        explicit = getattr(obj, "plugin", None)
        if inspect.isclass(explicit) and issubclass(explicit, Plugin):
            return explicit
        found = [
            v
            for v in vars(obj).values()
            if inspect.isclass(v) and issubclass(v, Plugin) and v.__module__ == obj.__name__
        ]
        if len(found) == 1:
            return found[0]
        raise TypeError(
            f"{where} must define exactly one Plugin subclass (or name it `plugin`), "
            f"found {len(found)}"
        )
    raise TypeError(f"{where} is not a Plugin subclass")
