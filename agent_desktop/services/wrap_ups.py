"""Which interactions wait for this desktop's wrap-up — possibly several at once.

An interaction waits while the server allows ``wrapup`` on it (``ended``), and also after
the server closed it at the queue's ACW limit (``closed_by == "acw_limit"``): the platform
ended after-call work, but the advisor's notes are still accepted (a *late* wrap-up,
docs/protocol.md), so the panel keeps it open until they are sent. The same holds for an
interaction that vanished from a snapshot while the advisor had notes typed for it.
Nothing waits once its wrap-up is in the outbox.
"""

from __future__ import annotations

from collections.abc import Callable

from agent_desktop.domain.events import InteractionClosed
from agent_desktop.domain.interaction import Action, Interaction, InteractionState
from agent_desktop.services.calls import CallService
from agent_desktop.services.event_bus import EventBus


class WrapUps:
    """The interactions waiting for a wrap-up from this desktop.

    Attributes:
        late: interactions the server closed before the advisor finished (by id).
    """

    def __init__(
        self,
        calls: CallService,
        bus: EventBus,
        submitted: Callable[[str], bool],
        has_draft: Callable[[str], bool],
    ) -> None:
        self._calls = calls
        self._submitted = submitted
        self._has_draft = has_draft
        self._sent: set[str] = set()
        self.late: dict[str, Interaction] = {}
        bus.subscribe(InteractionClosed, self._on_closed)

    def waiting(self) -> list[Interaction]:
        """Oldest first; without those whose wrap-up is already in the outbox."""
        found = [i for i in self._calls.interactions.values() if i.allows(Action.WRAPUP)]
        found += [i for i in self.late.values() if i.id not in self._calls.interactions]
        found.sort(key=lambda i: i.created_at)
        return [i for i in found if i.id not in self._sent and not self._submitted(i.id)]

    def get(self, interaction_id: str) -> Interaction | None:
        return self._calls.interactions.get(interaction_id) or self.late.get(interaction_id)

    def is_late(self, interaction_id: str) -> bool:
        return interaction_id in self.late and interaction_id not in self._calls.interactions

    def sent(self, interaction_id: str) -> None:
        """Its wrap-up was delivered or is waiting in the outbox: it waits no more."""
        self._sent.add(interaction_id)
        self.late.pop(interaction_id, None)

    def reopen(self, interaction: Interaction) -> None:
        """The server refused the wrap-up of an interaction it had closed: keep it open so
        the advisor can correct it (the notes are back as a draft)."""
        self._sent.discard(interaction.id)
        if interaction.id not in self._calls.interactions:
            self.late[interaction.id] = interaction

    def _on_closed(self, event: InteractionClosed) -> None:
        interaction = event.interaction
        if interaction.id in self._sent or self._submitted(interaction.id):
            return
        by_limit = interaction.closed_by == "acw_limit"
        vanished_with_notes = interaction.state == InteractionState.ENDED and self._has_draft(
            interaction.id
        )
        if by_limit or vanished_with_notes:
            self.late[interaction.id] = interaction
