"""The plugin API: the one surface a plugin imports (with PySide6 for its widgets).

A plugin is a :class:`Plugin` subclass with static metadata and two methods,
``activate(ctx)`` and ``deactivate()``. Everything it may touch comes through the
:class:`PluginContext` it is given: panels, call-bar and menu actions, settings pages,
event subscriptions, its own settings, the current call, consult legs and the expert
directory. Every registration returns a :data:`Disposer`; the host runs them all when
the plugin is deactivated or fails, so a plugin never has to clean up by hand.

Compatibility: a plugin declares the ``api_version`` it was written for. The host
accepts it when the major numbers are equal and the plugin's minor is not newer than
:data:`API_VERSION`; otherwise it refuses the plugin and says why.

See ``docs/plugins.md`` for a tutorial and the reference of every name below.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Coroutine
from typing import Any, ClassVar, Protocol, TypeVar

from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.consult import (
    Consult,
    ConsultAction,
    ConsultState,
    Expert,
    HandoverContext,
    Party,
    Presence,
)
from agent_desktop.domain.events import (
    AgentChanged,
    ConnectionChanged,
    DomainEvent,
    ExpertPresenceChanged,
    InteractionChanged,
    InteractionClosed,
    InteractionOffered,
    Notice,
    ScreenPopReady,
    TranscriptAdded,
)
from agent_desktop.domain.interaction import Action, Interaction, InteractionState

API_VERSION = "1.1"
"""The version of this API: ``major.minor``; a minor bump only adds names."""

Disposer = Callable[[], None]
"""Undoes one registration; calling it twice is harmless."""

E = TypeVar("E", bound=DomainEvent)
Handler = Callable[[E], "Awaitable[None] | None"]


class Plugin:
    """Base class of every plugin. Subclass it and set the metadata as class attributes.

    Attributes:
        id: unique, stable, lowercase (``expert_presence``); used in settings and logs.
        name: shown to the advisor.
        version: the plugin's own version.
        api_version: the :data:`API_VERSION` the plugin was written for.
        requires: ids of plugins that must be active before this one.
        optional: ids of plugins used when present (activated first if there).
        modes: the shells it is active in (``advisor``, ``extended``, ``wallboard``).
        capabilities: what the user's role must allow (capabilities of the login answer,
            e.g. ``experts``); without them the plugin stays inactive.
        description: one sentence for the Plugins panel.
    """

    id: ClassVar[str] = ""
    name: ClassVar[str] = ""
    version: ClassVar[str] = "0.0.0"
    api_version: ClassVar[str] = API_VERSION
    requires: ClassVar[tuple[str, ...]] = ()
    optional: ClassVar[tuple[str, ...]] = ()
    modes: ClassVar[tuple[str, ...]] = ("advisor", "extended")
    capabilities: ClassVar[tuple[str, ...]] = ()
    description: ClassVar[str] = ""

    def activate(self, ctx: PluginContext) -> Awaitable[None] | None:
        """Register what the plugin adds; may be a coroutine."""

    def deactivate(self) -> None:
        """Called before the host runs the registrations' disposers."""


class PluginSettings(Protocol):
    """The plugin's own settings (persisted by the host under ``plugins/<id>/``)."""

    def get(self, key: str, default: Any = None) -> Any: ...

    def set(self, key: str, value: Any) -> None: ...


class CallsApi(Protocol):
    """The advisor's calls, and the consult / conference commands on the current one.

    Every command returns ``True`` when the platform accepted it; a refusal is shown to
    the advisor as a notice and returns ``False`` (it never raises).
    """

    def current(self) -> Interaction | None: ...

    async def act(self, action: Action) -> bool: ...

    async def blind_transfer(self, target: str) -> bool:
        """Transfer the customer without consulting (a queue id or an E.164 number)."""
        ...

    async def consult(
        self, expert_id: str, note: str = "", summary: str = "", customer_id: str | None = None
    ) -> bool: ...

    async def transfer(self) -> bool: ...

    async def conference(self) -> bool: ...

    async def swap(self) -> bool: ...

    async def cancel(self) -> bool: ...

    async def drop_party(self, party_id: str) -> bool: ...

    async def leave(self) -> bool: ...


class ExpertsApi(Protocol):
    """The expert directory with live presence (gateway, XMPP… as configured)."""

    def all(self) -> list[Expert]: ...

    async def refresh(self) -> list[Expert]: ...


class PluginContext(Protocol):
    """What the host gives a plugin in ``activate``.

    Attributes:
        plugin_id: the id of the plugin this context belongs to.
        mode: the shell running (``advisor``…).
        language: the UI language (``fr`` or ``en``).
        settings: the plugin's own settings.
        calls: see :class:`CallsApi`.
        experts: see :class:`ExpertsApi`.
    """

    plugin_id: str
    mode: str
    language: str
    settings: PluginSettings
    calls: CallsApi
    experts: ExpertsApi

    def subscribe(self, event_type: type[E], handler: Handler[E]) -> Disposer:
        """Call ``handler`` (plain function or coroutine function) for each event."""
        ...

    def add_panel(self, panel_id: str, title: str, factory: Callable[[], Any]) -> Disposer:
        """Add a dock panel; ``factory()`` returns its QWidget (called once, when shown)."""
        ...

    def add_call_action(
        self,
        action_id: str,
        text: str,
        callback: Callable[[], Awaitable[None] | None],
        enabled: Callable[[Interaction | None], bool] | None = None,
    ) -> Disposer:
        """Add a button to the call bar; ``enabled(current_call)`` is re-checked on every
        call change."""
        ...

    def add_menu_action(
        self, action_id: str, text: str, callback: Callable[[], Awaitable[None] | None]
    ) -> Disposer:
        """Add an entry to the Plugins menu."""
        ...

    def add_settings_page(self, title: str, factory: Callable[[], Any]) -> Disposer:
        """Add a page (a QWidget from ``factory()``) to the plugin's settings."""
        ...

    def notify(self, text: str, level: str = "info") -> None:
        """Show the advisor a notice (``info``, ``warning`` or ``error``)."""
        ...

    def spawn(self, coro: Coroutine[Any, Any, Any]) -> Disposer:
        """Run a coroutine in the background; a failure marks the plugin failed."""
        ...


__all__ = [
    "API_VERSION",
    "Action",
    "Agent",
    "AgentChanged",
    "AgentState",
    "CallsApi",
    "ConnectionChanged",
    "Consult",
    "ConsultAction",
    "ConsultState",
    "Disposer",
    "DomainEvent",
    "Expert",
    "ExpertPresenceChanged",
    "ExpertsApi",
    "HandoverContext",
    "Interaction",
    "InteractionChanged",
    "InteractionClosed",
    "InteractionOffered",
    "InteractionState",
    "Notice",
    "Party",
    "Plugin",
    "PluginContext",
    "PluginSettings",
    "Presence",
    "ScreenPopReady",
    "TranscriptAdded",
]
