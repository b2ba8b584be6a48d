"""A publish/subscribe bus where one failing handler never stops the others.

pluggy's lesson (see STYLE.md): one raising hook stops the rest. Here each handler runs
in its own try/except; failures go to an ``on_error`` callback (the shell shows them,
the plugin host marks the plugin failed) and are logged.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any, TypeVar

from agent_desktop.domain.events import DomainEvent

log = logging.getLogger(__name__)

E = TypeVar("E", bound=DomainEvent)
Handler = Callable[[Any], None]
ErrorHandler = Callable[[Handler, DomainEvent, BaseException], None]


class EventBus:
    """Routes domain events to the handlers subscribed to their type (or a base type)."""

    def __init__(self, on_error: ErrorHandler | None = None) -> None:
        self._handlers: dict[type[DomainEvent], list[Handler]] = {}
        self._on_error = on_error

    def subscribe(self, event_type: type[E], handler: Callable[[E], None]) -> Callable[[], None]:
        """Call ``handler`` for every event of ``event_type``; returns the unsubscriber."""
        self._handlers.setdefault(event_type, []).append(handler)

        def dispose() -> None:
            handlers = self._handlers.get(event_type, [])
            if handler in handlers:
                handlers.remove(handler)

        return dispose

    def publish(self, event: DomainEvent) -> None:
        for event_type in type(event).__mro__:
            for handler in list(self._handlers.get(event_type, ())):
                try:
                    handler(event)
                except Exception as exc:
                    log.exception("event handler %r failed on %s", handler, type(event).__name__)
                    if self._on_error is not None:
                        self._on_error(handler, event, exc)
