"""Where the supervisor's live figures and the calls to return come from (the advisor's
banner figures come on the agent's own event stream, see ``ports.telephony``)."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from agent_desktop.domain.callbacks import Callback
from agent_desktop.domain.interaction import Interaction
from agent_desktop.domain.wallboard import WallboardEvent


class WallboardSource(Protocol):
    def wallboard_events(self) -> AsyncIterator[WallboardEvent]:
        """A snapshot first, then every change, until the link drops (GatewayError)."""
        ...


class CallbackSource(Protocol):
    """Calls to return, and click-to-call (extended agents)."""

    async def list_callbacks(self) -> list[Callback]: ...

    async def call(
        self, phone: str, customer_id: str | None, callback_id: str | None
    ) -> Interaction: ...
