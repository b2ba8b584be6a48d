"""What the consult and presence services need from the platform (or a presence server)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Protocol

from agent_desktop.domain.consult import ConsultAction, Expert, HandoverContext
from agent_desktop.domain.interaction import Interaction


class Consults(Protocol):
    async def consult(
        self, interaction_id: str, expert_id: str, context: HandoverContext
    ) -> Interaction:
        """Place a consult leg to ``expert_id`` (the customer is held by the platform)."""
        ...

    async def consult_action(self, interaction_id: str, action: ConsultAction) -> Interaction:
        """Transfer, conference, swap or cancel the consult."""
        ...

    async def drop_party(self, interaction_id: str, party_id: str) -> Interaction: ...


class PresenceSource(Protocol):
    """Where experts and their presence come from: the gateway, an XMPP server…"""

    async def experts(self) -> list[Expert]: ...

    def watch(self, on_change: Callable[[Expert], None]) -> Callable[[], None]:
        """Call ``on_change`` on every presence change; returns the unsubscriber.

        A source whose changes already reach the bus (the gateway's stream) does nothing.
        """
        ...
