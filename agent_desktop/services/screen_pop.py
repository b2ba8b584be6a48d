"""Identifies the caller the moment a call is offered and publishes the customer card.

Order of trust: the customer id the IVR attached (the caller authenticated), then the
caller's number normalised to E.164. One match fills the card; none gives an "unknown
caller" card with a search; several give a chooser.
"""

from __future__ import annotations

import logging
import time

from agent_desktop.domain.customer import Customer
from agent_desktop.domain.events import ScreenPopReady
from agent_desktop.domain.interaction import Interaction
from agent_desktop.domain.screen_pop import Identification, ScreenPop
from agent_desktop.ports.customers import Customers
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.event_bus import EventBus
from agent_desktop.services.phone import to_e164

log = logging.getLogger(__name__)


class ScreenPopService:
    """Builds a :class:`ScreenPop` for each offered interaction.

    Attributes:
        pops: the current card of each interaction.
        timings: seconds from the offer reaching the client to the card being published
            (the shell fills the card in the same turn), one figure per pop; read by the
            start-up report and ``bench``, never asserted on in tests.
    """

    def __init__(self, customers: Customers, bus: EventBus) -> None:
        self._customers = customers
        self._bus = bus
        self.pops: dict[str, ScreenPop] = {}
        self.timings: list[float] = []

    async def identify(
        self, interaction: Interaction, received_at: float | None = None
    ) -> ScreenPop:
        """Identify the caller; ``received_at`` is when the offer reached the client
        (``time.perf_counter()``), the start of the screen-pop figure."""
        started = time.perf_counter() if received_at is None else received_at
        pop = await self._identify(interaction)
        self.pops[interaction.id] = pop
        self.timings.append(time.perf_counter() - started)
        self._bus.publish(ScreenPopReady(pop))
        return pop

    async def _identify(self, interaction: Interaction) -> ScreenPop:
        attached = interaction.attached
        phone = to_e164(attached.caller_number)
        try:
            if attached.customer_id:
                customer = await self._customers.get(attached.customer_id)
                if customer is not None:
                    return _identified(interaction.id, customer, phone, "ivr")
            if phone:
                matches = await self._customers.lookup_phone(phone)
                if len(matches) == 1:
                    return _identified(interaction.id, matches[0], phone, "phone")
                if matches:
                    return ScreenPop(
                        interaction.id,
                        Identification.AMBIGUOUS,
                        candidates=tuple(matches),
                        phone_e164=phone,
                        by="phone",
                    )
        except GatewayError as exc:
            log.warning("customer look-up failed for interaction %s: %s", interaction.id, exc.code)
        return ScreenPop(interaction.id, Identification.UNKNOWN, phone_e164=phone)

    def choose(self, interaction_id: str, customer: Customer) -> ScreenPop:
        """The advisor picked a customer in the chooser or the search."""
        previous = self.pops.get(interaction_id)
        phone = previous.phone_e164 if previous else None
        pop = _identified(interaction_id, customer, phone, "advisor")
        self.pops[interaction_id] = pop
        self._bus.publish(ScreenPopReady(pop))
        return pop

    def forget(self, interaction_id: str) -> None:
        self.pops.pop(interaction_id, None)

    async def search(self, query: str) -> list[Customer]:
        query = query.strip()
        if not query:
            return []
        phone = to_e164(query)
        if phone:
            return await self._customers.lookup_phone(phone)
        return await self._customers.search(query)


def _identified(interaction_id: str, customer: Customer, phone: str | None, by: str) -> ScreenPop:
    return ScreenPop(
        interaction_id, Identification.IDENTIFIED, customer=customer, phone_e164=phone, by=by
    )
