"""The plugin host: loads plugins from the sources it is given, activates the enabled ones
for the running shell, and isolates them.

Import, activation, every event handler and every background task of a plugin run in a
try/except: a plugin that raises is deactivated (all its registrations disposed), marked
``failed`` with its traceback (logged, and shown in the Plugins panel), a notice tells
the advisor, and the shell goes on. A test host discovers nothing unless told (napari's
pattern): pass sources, or call :meth:`PluginHost.discover`.
"""

from __future__ import annotations

import asyncio
import inspect
import logging
import traceback
from collections.abc import Awaitable, Callable, Coroutine, Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path
from typing import Any, Protocol, cast

from agent_desktop.domain.consult import Expert
from agent_desktop.domain.events import DomainEvent, Notice
from agent_desktop.domain.interaction import Action, Interaction
from agent_desktop.plugin_api import API_VERSION, Disposer, Plugin, PluginContext
from agent_desktop.plugins_host.discovery import (
    PluginSource,
    entry_point_sources,
    folder_sources,
    user_plugins_dir,
)
from agent_desktop.services.consult import ConsultService
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.presence import PresenceService

log = logging.getLogger(__name__)


class PluginState(StrEnum):
    LOADED = "loaded"  # imported, not activated yet
    ACTIVE = "active"
    DISABLED = "disabled"  # turned off in the settings
    INACTIVE = "inactive"  # not for this shell (its ``modes``)
    FAILED = "failed"


class SettingsStore(Protocol):
    """QSettings-compatible key/value store."""

    def value(self, key: str, defaultValue: Any = None) -> Any: ...

    def setValue(self, key: str, value: Any) -> None: ...


class MemorySettings:
    """A SettingsStore in memory (tests, and hosts without a settings file)."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.values = dict(values or {})

    def value(self, key: str, defaultValue: Any = None) -> Any:
        return self.values.get(key, defaultValue)

    def setValue(self, key: str, value: Any) -> None:
        self.values[key] = value


class Shell(Protocol):
    """What the window offers plugins; each call returns a disposer."""

    def add_panel(
        self, plugin_id: str, panel_id: str, title: str, factory: Callable[[], Any]
    ) -> Disposer: ...

    def add_call_action(
        self,
        plugin_id: str,
        action_id: str,
        text: str,
        callback: Callable[[], None],
        enabled: Callable[[Interaction | None], bool] | None,
    ) -> Disposer: ...

    def add_menu_action(
        self, plugin_id: str, action_id: str, text: str, callback: Callable[[], None]
    ) -> Disposer: ...


@dataclass(slots=True)
class PluginServices:
    """The core services plugins may reach (through their context only)."""

    desktop: Desktop
    consults: ConsultService | None = None
    presence: PresenceService | None = None


@dataclass(slots=True)
class PluginRecord:
    """One plugin as the host knows it (what the Plugins panel and CLI show)."""

    source: PluginSource
    id: str
    name: str = ""
    version: str = ""
    api_version: str = ""
    description: str = ""
    state: PluginState = PluginState.LOADED
    error: str | None = None
    traceback: str | None = None
    cls: type[Plugin] | None = None
    instance: Plugin | None = None
    registrations: dict[str, Disposer] = field(default_factory=dict)
    tasks: set[asyncio.Task[Any]] = field(default_factory=set)
    settings_pages: list[tuple[str, Callable[[], Any]]] = field(default_factory=list)

    @property
    def origin(self) -> str:
        return self.source.origin


def api_compatible(wanted: str, provided: str = API_VERSION) -> str | None:
    """``None`` when a plugin written for ``wanted`` runs on ``provided``, else the reason."""
    try:
        w_major, w_minor = (int(x) for x in wanted.split(".")[:2])
        p_major, p_minor = (int(x) for x in provided.split(".")[:2])
    except ValueError:
        return f"api_version {wanted!r} is not of the form MAJOR.MINOR"
    if w_major != p_major or w_minor > p_minor:
        return f"written for plugin API {wanted}; this desktop provides {provided}"
    return None


class PluginHost:
    """Loads and runs plugins.

    Attributes:
        records: every plugin by id, in load order.
        mode / language: the shell running and its language.
        capabilities: the logged-in user's (None: not known, e.g. the CLI; nothing is
            held back then).
        shell: the window's surface, or None when headless (CLI, core tests).
    """

    def __init__(
        self,
        services: PluginServices | None = None,
        sources: Iterable[PluginSource] = (),
        *,
        mode: str = "advisor",
        language: str = "en",
        settings: SettingsStore | None = None,
        shell: Shell | None = None,
        capabilities: Iterable[str] | None = None,
    ) -> None:
        self.services = services
        self.mode = mode
        self.capabilities = frozenset(capabilities) if capabilities is not None else None
        self.language = language
        self.settings: SettingsStore = settings if settings is not None else MemorySettings()
        self.shell = shell
        self.sources: list[PluginSource] = list(sources)
        self.records: dict[str, PluginRecord] = {}
        self._listeners: list[Callable[[], None]] = []

    # ------------------------------------------------------------ discovery

    def discover(self, entry_points: bool = True, folders: Iterable[Path] | None = None) -> None:
        """Add installed plugins (entry points) and those of the user's plugins folder."""
        if entry_points:
            self.sources.extend(entry_point_sources())
        for folder in [user_plugins_dir()] if folders is None else folders:
            self.sources.extend(folder_sources(folder))

    def on_change(self, listener: Callable[[], None]) -> Disposer:
        self._listeners.append(listener)
        return lambda: self._listeners.remove(listener) if listener in self._listeners else None

    def _changed(self) -> None:
        for listener in list(self._listeners):
            try:
                listener()
            except Exception:
                log.exception("plugin listener failed")

    # ------------------------------------------------------------ loading

    def load(self) -> list[PluginRecord]:
        """Import every source not yet loaded; failures become ``failed`` records."""
        loaded = {r.source for r in self.records.values()}
        for source in self.sources:
            if source in loaded:
                continue
            record = PluginRecord(source, id=source.name)
            try:
                cls = source.load()
            except BaseException as exc:  # SystemExit or KeyboardInterrupt in a plugin too
                if isinstance(exc, KeyboardInterrupt):
                    raise
                self._mark_failed(record, f"import failed: {type(exc).__name__}: {exc}", exc)
                self._add(record)
                continue
            record.cls = cls
            record.id = cls.id or source.name
            record.name = cls.name or record.id
            record.version = cls.version
            record.api_version = cls.api_version
            record.description = cls.description
            reason = api_compatible(cls.api_version)
            if reason is not None:
                record.state = PluginState.FAILED
                record.error = f"refused: {reason}"
                log.warning("plugin %s refused: %s", record.id, reason)
            elif not self.is_enabled(record.id):
                record.state = PluginState.DISABLED
            elif not self._for_this_shell(cls):
                record.state = PluginState.INACTIVE
            self._add(record)
        self._changed()
        return list(self.records.values())

    def _for_this_shell(self, cls: type[Plugin]) -> bool:
        """Active in this shell (its ``modes``) for this user (its ``capabilities``)."""
        if self.mode not in cls.modes:
            return False
        return self.capabilities is None or set(cls.capabilities) <= self.capabilities

    def _add(self, record: PluginRecord) -> None:
        if record.id in self.records:
            other = self.records[record.id]
            record.state = PluginState.FAILED
            record.error = f"another plugin already uses the id {record.id!r} ({other.origin})"
            record.id = f"{record.id}@{record.source.name}"
        self.records[record.id] = record

    # ------------------------------------------------------------ enable / disable

    def is_enabled(self, plugin_id: str) -> bool:
        value = self.settings.value(f"plugins/{plugin_id}/enabled", True)
        return str(value).lower() not in ("false", "0", "no")

    async def set_enabled(self, plugin_id: str, enabled: bool) -> None:
        self.settings.setValue(f"plugins/{plugin_id}/enabled", enabled)
        record = self.records.get(plugin_id)
        if record is None or record.cls is None:
            return
        if enabled and record.state == PluginState.DISABLED:
            record.state = PluginState.LOADED
            record.error = record.traceback = None
            await self.activate(plugin_id)
        elif not enabled and record.state != PluginState.DISABLED:
            if record.state == PluginState.ACTIVE:
                self.deactivate(plugin_id)
            if api_compatible(record.api_version) is None:
                record.state = PluginState.DISABLED
                record.error = record.traceback = None
        self._changed()

    # ------------------------------------------------------------ activation

    async def activate_all(self) -> None:
        for plugin_id in self._order():
            if self.records[plugin_id].state == PluginState.LOADED:
                await self.activate(plugin_id)

    def _order(self) -> list[str]:
        """Plugins after those they require or optionally use."""
        ordered: list[str] = []

        def visit(plugin_id: str, trail: tuple[str, ...]) -> None:
            record = self.records.get(plugin_id)
            if record is None or plugin_id in ordered or plugin_id in trail:
                return
            if record.cls is not None:
                for dep in (*record.cls.requires, *record.cls.optional):
                    visit(dep, (*trail, plugin_id))
            ordered.append(plugin_id)

        for plugin_id in list(self.records):
            visit(plugin_id, ())
        return ordered

    async def activate(self, plugin_id: str) -> bool:
        record = self.records[plugin_id]
        if record.cls is None or record.state not in (PluginState.LOADED, PluginState.FAILED):
            return record.state == PluginState.ACTIVE
        if api_compatible(record.api_version) is not None:
            return False
        if not self._for_this_shell(record.cls):
            record.state = PluginState.INACTIVE
            self._changed()
            return False
        missing = [
            dep
            for dep in record.cls.requires
            if self.records.get(dep) is None or self.records[dep].state != PluginState.ACTIVE
        ]
        if missing:
            self._mark_failed(record, f"requires {', '.join(missing)}, which is not active")
            self._changed()
            return False
        record.error = record.traceback = None
        context = _Context(self, record)
        try:
            record.instance = record.cls()
            result = record.instance.activate(cast(PluginContext, context))
            if inspect.isawaitable(result):
                await result
        except Exception as exc:  # noqa: BLE001 - isolation: a plugin never takes the shell down
            self._fail(record, f"activate raised {type(exc).__name__}: {exc}", exc)
            return False
        record.state = PluginState.ACTIVE
        log.info("plugin %s %s active", record.id, record.version)
        self._changed()
        return True

    def deactivate(self, plugin_id: str) -> None:
        record = self.records[plugin_id]
        self._teardown(record)
        if record.state == PluginState.ACTIVE:
            record.state = PluginState.LOADED
        self._changed()

    def deactivate_all(self) -> None:
        for plugin_id in reversed(self._order()):
            if self.records[plugin_id].state == PluginState.ACTIVE:
                self.deactivate(plugin_id)

    def _teardown(self, record: PluginRecord) -> None:
        instance, record.instance = record.instance, None
        if instance is not None:
            try:
                instance.deactivate()
            except Exception:
                log.exception("plugin %s raised in deactivate", record.id)
        for key, dispose in reversed(list(record.registrations.items())):
            try:
                dispose()
            except Exception:
                log.exception("disposing %s of plugin %s failed", key, record.id)
        record.registrations.clear()
        record.settings_pages.clear()
        for task in list(record.tasks):
            task.cancel()
        record.tasks.clear()

    # ------------------------------------------------------------ failures

    def _mark_failed(
        self, record: PluginRecord, message: str, exc: BaseException | None = None
    ) -> None:
        record.state = PluginState.FAILED
        record.error = message
        if exc is not None:
            record.traceback = "".join(traceback.format_exception(exc))
            log.error("plugin %s failed: %s", record.id, message, exc_info=exc)
        else:
            log.error("plugin %s failed: %s", record.id, message)

    def _fail(self, record: PluginRecord, message: str, exc: BaseException) -> None:
        """A plugin raised: deactivate it, keep why, tell the advisor; the shell goes on."""
        self._teardown(record)
        self._mark_failed(record, message, exc)
        if self.services is not None:
            self.services.desktop.bus.publish(
                Notice(
                    f"The plugin “{record.name or record.id}” stopped after an error: {message}",
                    "error",
                    "plugin_failed",
                )
            )
        self._changed()

    def guard(self, record: PluginRecord, what: str, fn: Callable[..., Any]) -> Callable[..., None]:
        """``fn`` wrapped so an exception (or a failing coroutine) fails only its plugin."""

        def run(*args: Any) -> None:
            if record.state != PluginState.ACTIVE and record.instance is None:
                return
            try:
                result = fn(*args)
            except Exception as exc:  # noqa: BLE001 - isolation (logged in _fail)
                self._fail(record, f"{what} raised {type(exc).__name__}: {exc}", exc)
                return
            if inspect.isawaitable(result):
                self.spawn(record, result, what)

        return run

    def spawn(self, record: PluginRecord, awaitable: Awaitable[Any], what: str) -> Disposer:
        async def wrapper() -> Any:
            return await awaitable

        task = asyncio.get_running_loop().create_task(wrapper())
        record.tasks.add(task)

        def done(t: asyncio.Task[Any]) -> None:
            record.tasks.discard(t)
            if t.cancelled():
                # cancelled before it started (e.g. the shell closed at once): close the
                # plugin's coroutine so it is not reported as never awaited
                close = getattr(awaitable, "close", None)
                if close is not None:
                    close()
                return
            exc = t.exception()
            if exc is not None:
                self._fail(record, f"{what} raised {type(exc).__name__}: {exc}", exc)

        task.add_done_callback(done)

        def cancel() -> None:
            task.cancel()

        return cancel


class _PluginSettings:
    def __init__(self, store: SettingsStore, plugin_id: str) -> None:
        self._store = store
        self._prefix = f"plugins/{plugin_id}/settings/"

    def get(self, key: str, default: Any = None) -> Any:
        return self._store.value(self._prefix + key, default)

    def set(self, key: str, value: Any) -> None:
        self._store.setValue(self._prefix + key, value)


class _Calls:
    def __init__(self, services: PluginServices | None) -> None:
        self._services = services

    def current(self) -> Interaction | None:
        return self._services.desktop.calls.current if self._services else None

    async def act(self, action: Action) -> bool:
        current = self.current()
        if self._services is None or current is None:
            return False
        return await self._services.desktop.act(current.id, action)

    async def blind_transfer(self, target: str) -> bool:
        current = self.current()
        if self._services is None or current is None:
            return False
        body = {"target": target}
        return await self._services.desktop.act(current.id, Action.BLIND_TRANSFER, body)

    def _consults(self) -> ConsultService:
        if self._services is None or self._services.consults is None:
            raise RuntimeError("consults are not available in this desktop")
        return self._services.consults

    async def consult(
        self, expert_id: str, note: str = "", summary: str = "", customer_id: str | None = None
    ) -> bool:
        """The customer identified on the card and their latest summary go along unless
        the plugin gives its own."""
        consults = self._consults()
        assert self._services is not None
        desktop = self._services.desktop
        current = desktop.calls.current
        if customer_id is None and current is not None:
            pop = desktop.screen_pop.pops.get(current.id)
            if pop is not None and pop.customer is not None:
                customer_id = pop.customer.id
        if not summary and customer_id is not None:
            summary = latest_summary(desktop, customer_id)
        return await consults.consult(expert_id, note, summary, customer_id)

    async def transfer(self) -> bool:
        return await self._consults().transfer()

    async def conference(self) -> bool:
        return await self._consults().conference()

    async def swap(self) -> bool:
        return await self._consults().swap()

    async def cancel(self) -> bool:
        return await self._consults().cancel()

    async def drop_party(self, party_id: str) -> bool:
        return await self._consults().drop_party(party_id)

    async def leave(self) -> bool:
        return await self._consults().leave()


def latest_summary(desktop: Desktop, customer_id: str) -> str:
    """The newest summary written for this customer this session (empty if none)."""
    service = getattr(desktop, "summary", None)
    cache = getattr(service, "cache", None) or {}
    texts = [v.text for k, v in cache.items() if k and k[0] == customer_id]
    return texts[-1][:5000] if texts else ""


class _Experts:
    def __init__(self, services: PluginServices | None) -> None:
        self._presence = services.presence if services else None

    def all(self) -> list[Expert]:
        return list(self._presence.experts.values()) if self._presence else []

    async def refresh(self) -> list[Expert]:
        return await self._presence.refresh() if self._presence else []


class _Context:
    """The PluginContext of one plugin: every registration is recorded for disposal."""

    def __init__(self, host: PluginHost, record: PluginRecord) -> None:
        self._host = host
        self._record = record
        self._n = 0
        self.plugin_id = record.id
        self.mode = host.mode
        self.language = host.language
        self.settings = _PluginSettings(host.settings, record.id)
        self.calls = _Calls(host.services)
        self.experts = _Experts(host.services)

    def _keep(self, kind: str, dispose: Disposer) -> Disposer:
        self._n += 1
        key = f"{kind}#{self._n}"
        self._record.registrations[key] = dispose

        def disposer() -> None:
            found = self._record.registrations.pop(key, None)
            if found is not None:
                found()

        return disposer

    def subscribe(self, event_type: type[DomainEvent], handler: Callable[[Any], Any]) -> Disposer:
        if self._host.services is None:
            return self._keep("subscription", lambda: None)
        name = getattr(handler, "__qualname__", repr(handler))
        guarded = self._host.guard(self._record, f"handler {name}", handler)
        bus = self._host.services.desktop.bus
        return self._keep("subscription", bus.subscribe(event_type, guarded))

    def add_panel(self, panel_id: str, title: str, factory: Callable[[], Any]) -> Disposer:
        shell = self._host.shell
        if shell is None:
            return self._keep("panel", lambda: None)
        return self._keep("panel", shell.add_panel(self._record.id, panel_id, title, factory))

    def add_call_action(
        self,
        action_id: str,
        text: str,
        callback: Callable[[], Any],
        enabled: Callable[[Interaction | None], bool] | None = None,
    ) -> Disposer:
        shell = self._host.shell
        if shell is None:
            return self._keep("call action", lambda: None)
        run = self._host.guard(self._record, f"call action {action_id}", callback)
        check = None
        if enabled is not None:
            record = self._record

            def check(interaction: Interaction | None) -> bool:
                try:
                    return bool(enabled(interaction))
                except Exception as exc:  # noqa: BLE001 - isolation (logged in _fail)
                    self._host._fail(record, f"enabled() of {action_id} raised {exc!r}", exc)
                    return False

        dispose = shell.add_call_action(self._record.id, action_id, text, run, check)
        return self._keep("call action", dispose)

    def add_menu_action(self, action_id: str, text: str, callback: Callable[[], Any]) -> Disposer:
        shell = self._host.shell
        if shell is None:
            return self._keep("menu action", lambda: None)
        run = self._host.guard(self._record, f"menu action {action_id}", callback)
        dispose = shell.add_menu_action(self._record.id, action_id, text, run)
        return self._keep("menu action", dispose)

    def add_settings_page(self, title: str, factory: Callable[[], Any]) -> Disposer:
        page = (title, factory)
        self._record.settings_pages.append(page)

        def dispose() -> None:
            if page in self._record.settings_pages:
                self._record.settings_pages.remove(page)

        return self._keep("settings page", dispose)

    def notify(self, text: str, level: str = "info") -> None:
        if self._host.services is not None:
            self._host.services.desktop.bus.publish(Notice(text, level, None))

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> Disposer:
        return self._keep("task", self._host.spawn(self._record, coro, "background task"))


__all__ = [
    "MemorySettings",
    "PluginHost",
    "PluginRecord",
    "PluginServices",
    "PluginState",
    "api_compatible",
]
