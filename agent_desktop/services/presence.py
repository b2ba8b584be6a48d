"""Experts and their live presence, from whichever :class:`PresenceSource` is configured."""

from __future__ import annotations

import logging
from collections.abc import Callable

from agent_desktop.domain.consult import Expert
from agent_desktop.domain.events import ExpertPresenceChanged
from agent_desktop.ports.consult import PresenceSource
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.event_bus import EventBus

log = logging.getLogger(__name__)


class PresenceService:
    """Attributes:
    experts: the directory by expert id, kept live from :class:`ExpertPresenceChanged`.
    """

    def __init__(
        self, source: PresenceSource, bus: EventBus, *, stream_is_source: bool = True
    ) -> None:
        """``stream_is_source``: presence arrives on the platform's event stream (the
        gateway); False for a separate source (XMPP, Graph), whose changes alone count —
        the platform's own presence events would otherwise overwrite them."""
        self._source = source
        self._bus = bus
        self._stream_is_source = stream_is_source
        self.experts: dict[str, Expert] = {}
        self._unwatch: Callable[[], None] | None = None
        bus.subscribe(ExpertPresenceChanged, self._on_changed)

    async def refresh(self) -> list[Expert]:
        """Load the directory; start watching the source for changes (once)."""
        try:
            experts = await self._source.experts()
        except GatewayError as exc:
            log.warning("expert directory unavailable: %s", exc.code)
            return list(self.experts.values())
        self.experts = {e.id: e for e in experts}
        if self._unwatch is None:
            self._unwatch = self._source.watch(self._from_source)
        return experts

    def _from_source(self, expert: Expert) -> None:
        self._keep(expert)
        self._bus.publish(ExpertPresenceChanged(expert))

    def _on_changed(self, event: ExpertPresenceChanged) -> None:
        if self._stream_is_source:
            self._keep(event.expert)

    def _keep(self, expert: Expert) -> None:
        known = self.experts.get(expert.id)
        if known is None or known.presence_since <= expert.presence_since:
            self.experts[expert.id] = expert

    def close(self) -> None:
        if self._unwatch is not None:
            self._unwatch()
            self._unwatch = None
