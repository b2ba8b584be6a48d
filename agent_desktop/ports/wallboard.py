"""Where the supervisor's live figures, the advisor's banner and the calls to return
come from."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from agent_desktop.domain.callbacks import Callback
from agent_desktop.domain.interaction import Interaction
from agent_desktop.domain.wallboard import AgentKpis, WallboardEvent


class WallboardSource(Protocol):
    def wallboard_events(self) -> AsyncIterator[WallboardEvent]:
        """A snapshot first, then every change, until the link drops (GatewayError)."""
        ...


class KpiSource(Protocol):
    async def agent_kpis(self) -> AgentKpis:
        """The advisor's queues now and their day (raises GatewayError)."""
        ...


class CallbackSource(Protocol):
    """Calls to return, and click-to-call (extended agents)."""

    async def list_callbacks(self) -> list[Callback]: ...

    async def call(
        self, phone: str, customer_id: str | None, callback_id: str | None
    ) -> Interaction: ...
