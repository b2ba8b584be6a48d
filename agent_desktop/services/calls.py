"""The agent's interactions: applying server events and sending call-control commands.

The server is the authority. The desktop keeps the last snapshot of each interaction
and enables buttons from its ``allowed_actions``; it never guesses a state on its own.
"""

from __future__ import annotations

import logging
from typing import Any

from agent_desktop.domain.events import (
    InteractionChanged,
    InteractionClosed,
    InteractionOffered,
    TranscriptAdded,
)
from agent_desktop.domain.interaction import (
    FINAL_STATES,
    Action,
    Interaction,
    InteractionState,
    TranscriptSegment,
)
from agent_desktop.ports.telephony import Telephony
from agent_desktop.services.event_bus import EventBus

log = logging.getLogger(__name__)


class CallService:
    """Holds the interactions of the logged-in agent.

    Attributes:
        interactions: live and in-wrap-up interactions by id, in arrival order.
        transcripts: the live transcript of each interaction.
    """

    def __init__(self, telephony: Telephony, bus: EventBus) -> None:
        self._telephony = telephony
        self._bus = bus
        self.interactions: dict[str, Interaction] = {}
        self.transcripts: dict[str, list[TranscriptSegment]] = {}

    @property
    def current(self) -> Interaction | None:
        """The interaction the call bar acts on: the newest one not yet closed."""
        for interaction in reversed(self.interactions.values()):
            if interaction.state not in FINAL_STATES:
                return interaction
        return None

    def apply(self, interaction: Interaction, resync: bool = False) -> None:
        """Take a snapshot from the server (event, command answer or resync).

        A snapshot older than the one held is dropped: an earlier state, or the same state
        and a lower revision (a stream event sent before a mute whose answer came first).
        In a ``resync`` only an earlier state is: a restarted platform counts revisions
        from the start again, and its snapshot is the truth.
        """
        known = self.interactions.get(interaction.id)
        if known is not None and (
            known.state_since > interaction.state_since
            if resync
            else interaction.is_older_than(known)
        ):
            log.info("ignored an older snapshot of interaction %s", interaction.id)
            return
        if interaction.state in FINAL_STATES:
            if known is None and interaction.state != InteractionState.CLOSED:
                # An offer we never saw already ended (missed while offline): still tell
                # the advisor, through the same path as a live one.
                self._bus.publish(InteractionOffered(interaction))
            self.interactions.pop(interaction.id, None)
            self.transcripts.pop(interaction.id, None)
            self._bus.publish(InteractionClosed(interaction))
            return
        self.interactions[interaction.id] = interaction
        if known is None:
            self.transcripts.setdefault(interaction.id, [])
            self._bus.publish(InteractionOffered(interaction))
        elif known != interaction:
            self._bus.publish(InteractionChanged(interaction))

    def add_transcript(self, segment: TranscriptSegment) -> None:
        if segment.interaction_id not in self.interactions:
            return
        self.transcripts.setdefault(segment.interaction_id, []).append(segment)
        self._bus.publish(TranscriptAdded(segment))

    def resync(self, snapshot: list[Interaction]) -> None:
        """Replace local state by the server's snapshot (after a stream reset)."""
        seen = {i.id for i in snapshot}
        for gone_id in [i for i in self.interactions if i not in seen]:
            gone = self.interactions.pop(gone_id)
            self.transcripts.pop(gone_id, None)
            self._bus.publish(InteractionClosed(gone))
        for interaction in snapshot:
            self.apply(interaction, resync=True)

    async def act(
        self, interaction_id: str, action: Action, body: dict[str, Any] | None = None
    ) -> Interaction:
        """Send a call-control command; the answer is applied like an event.

        Raises :class:`~agent_desktop.ports.telephony.GatewayError` when refused.
        """
        result = await self._telephony.act(interaction_id, action, body)
        self.apply(result)
        return result
