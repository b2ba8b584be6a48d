"""Supervised transfer and conference: consult an expert while the customer waits.

The platform holds the customer, rings the expert and says what is allowed next
(``Consult.allowed``). This service sends the advisor's commands, applies the answers
like events, and tells the advisor — through :class:`Notice` — whenever the platform
took the customer back on its own (no answer, busy, declined, expert hung up) or the
customer left.
"""

from __future__ import annotations

import logging

from agent_desktop.domain.consult import ConsultAction, ConsultState, HandoverContext
from agent_desktop.domain.events import InteractionChanged, InteractionClosed, Notice
from agent_desktop.domain.interaction import Interaction
from agent_desktop.ports.consult import Consults
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.calls import CallService
from agent_desktop.services.event_bus import EventBus

log = logging.getLogger(__name__)

FAILURE_TEXT = {
    "no_answer": "{name} did not answer: the customer is back on the line.",
    "busy": "{name} is busy: the customer is back on the line.",
    "declined": "{name} declined the consult: the customer is back on the line.",
    "expert_hangup": "{name} hung up: the customer is back on the line.",
}


class ConsultService:
    """Consult legs of the current call, for the supervised transfer and conference plugins."""

    def __init__(self, port: Consults, calls: CallService, bus: EventBus) -> None:
        self._port = port
        self._calls = calls
        self._bus = bus
        bus.subscribe(InteractionChanged, self._on_changed)
        bus.subscribe(InteractionClosed, self._forget)
        self._seen: dict[str, Interaction] = {}

    def current(self) -> Interaction | None:
        return self._calls.current

    async def consult(
        self,
        expert_id: str,
        note: str = "",
        summary: str = "",
        customer_id: str | None = None,
        interaction_id: str | None = None,
    ) -> bool:
        """Consult ``expert_id`` on the current call; the customer's context goes along."""
        interaction = self._target(interaction_id)
        if interaction is None:
            self._bus.publish(Notice("There is no call to consult on.", "warning", "no_call"))
            return False
        context = HandoverContext(
            customer_id=customer_id or interaction.attached.customer_id,
            intent=interaction.attached.intent,
            summary=summary,
            note=note,
        )
        return await self._run(self._port.consult(interaction.id, expert_id, context))

    async def act(self, action: ConsultAction, interaction_id: str | None = None) -> bool:
        interaction = self._target(interaction_id)
        if interaction is None:
            return False
        return await self._run(self._port.consult_action(interaction.id, action))

    async def transfer(self) -> bool:
        return await self.act(ConsultAction.TRANSFER)

    async def conference(self) -> bool:
        return await self.act(ConsultAction.CONFERENCE)

    async def swap(self) -> bool:
        return await self.act(ConsultAction.SWAP)

    async def cancel(self) -> bool:
        return await self.act(ConsultAction.CANCEL)

    async def drop_party(self, party_id: str, interaction_id: str | None = None) -> bool:
        interaction = self._target(interaction_id)
        if interaction is None:
            return False
        return await self._run(self._port.drop_party(interaction.id, party_id))

    async def leave(self) -> bool:
        """Leave the conference: the expert keeps the customer."""
        interaction = self._target(None)
        parties = interaction.parties if interaction is not None else ()
        me = next((p for p in parties if p.role == "agent"), None)
        if me is None:
            return False
        return await self.drop_party(me.id)

    def _target(self, interaction_id: str | None) -> Interaction | None:
        if interaction_id is not None:
            return self._calls.interactions.get(interaction_id)
        return self._calls.current

    async def _run(self, command: object) -> bool:
        try:
            result = await command  # type: ignore[misc]
        except GatewayError as exc:
            log.warning("consult command refused: %s", exc.code)
            self._bus.publish(Notice(exc.message, "error", exc.code))
            return False
        self._calls.apply(result)
        return True

    # ------------------------------------------------------------ telling the advisor

    def _forget(self, event: InteractionClosed) -> None:
        self._seen.pop(event.interaction.id, None)

    def _on_changed(self, event: InteractionChanged) -> None:
        now = event.interaction
        before = self._seen.get(now.id)
        self._seen[now.id] = now
        consult = now.consult
        if consult is None:
            return
        old = before.consult if before is not None else None
        changed = old is None or old.id != consult.id or old.state != consult.state
        if changed and consult.state == ConsultState.FAILED:
            text = FAILURE_TEXT.get(consult.failure or "", "{name} is not on the line.")
            code = f"consult_{consult.failure}"
            self._bus.publish(Notice(text.format(name=consult.expert_name), "warning", code))
        customer_gone = (
            before is not None and before.is_live and not now.is_live
        ) and now.end_reason == "customer_hangup"
        if customer_gone and consult.state == ConsultState.CONNECTED:
            self._bus.publish(
                Notice(
                    f"The customer hung up. You are still on the line with {consult.expert_name}.",
                    "warning",
                    "consult_customer_hangup",
                )
            )
        elif customer_gone and consult.state == ConsultState.CONFERENCED:
            self._bus.publish(
                Notice(
                    "The customer left the conference: stay with "
                    f"{consult.expert_name} or hang up.",
                    "warning",
                    "conference_customer_left",
                )
            )
