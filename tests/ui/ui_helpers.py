"""Helpers for the advisor shell's widget tests (the fixtures are in conftest.py).

The widgets are driven with a real :class:`Desktop` whose telephony and customer ports
are small honest in-test implementations (they record commands and answer with domain
objects computed by the domain's own state machines). Real domain events go through the
real bus. The end-to-end tests over the wire live in ``tests/e2e``.

Async: one qasync loop for this package, marked as running only while each test runs
(``already_running=True``): qtbot's waits turn the Qt loop, which runs the asyncio tasks.
"""

from __future__ import annotations

import os
from collections.abc import AsyncIterator
from dataclasses import replace
from datetime import UTC, date, datetime, timedelta
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


from agent_desktop.domain.agent import Agent, AgentState, request_state
from agent_desktop.domain.customer import Address, Customer, Product
from agent_desktop.domain.events import AgentChanged
from agent_desktop.domain.interaction import (
    ACTION_TARGET,
    Action,
    AttachedData,
    Interaction,
    InteractionState,
    allowed_actions,
)
from agent_desktop.ports.telephony import (
    Code,
    CodeCatalogue,
    GatewayError,
    SessionInfo,
    StreamEvent,
)
from agent_desktop.services.desktop import Desktop

NOW = datetime(2025, 3, 4, 9, 30, tzinfo=UTC)

REASONS = [
    Code("lunch", "Pause déjeuner", "Lunch break"),
    Code("training", "Formation", "Training"),
    Code("break", "Pause", "Break"),
]
WRAP_UP_CODES = [
    Code("resolved", "Demande traitée", "Request handled"),
    Code("callback", "Rappel à planifier", "Callback needed"),
]
CONTACT_REASONS = [
    Code("card_arrival", "Carte non reçue", "Card not arrived"),
    Code("atm_support", "Aide au distributeur", "ATM support"),
]


class RecordingTelephony:
    """Implements the Telephony port in memory; records every command it receives."""

    def __init__(self) -> None:
        self.commands: list[tuple[str, Action, dict[str, Any] | None]] = []
        self.state_requests: list[tuple[AgentState, str | None]] = []
        self.interactions: dict[str, Interaction] = {}
        self.agent = Agent("a1", "Camille Martin", AgentState.READY, NOW)
        self.refuse: GatewayError | None = None

    async def login(self, username: str, password: str) -> SessionInfo:
        return SessionInfo("t", "agent", (), self.agent)

    async def logout(self) -> None:
        return None

    async def get_agent(self) -> Agent:
        return self.agent

    async def set_agent_state(self, state: AgentState, reason_code: str | None = None) -> Agent:
        self.state_requests.append((state, reason_code))
        self.agent = request_state(self.agent, state, datetime.now(UTC), reason_code)
        return self.agent

    async def list_interactions(self) -> tuple[list[Interaction], int]:
        return list(self.interactions.values()), 0

    async def act(
        self, interaction_id: str, action: Action, body: dict[str, Any] | None = None
    ) -> Interaction:
        self.commands.append((interaction_id, action, body))
        if self.refuse is not None:
            raise self.refuse
        current = self.interactions[interaction_id]
        muted = current.muted
        if action in (Action.MUTE, Action.UNMUTE):
            muted = action == Action.MUTE
        state = ACTION_TARGET.get(action, current.state)
        result = replace(
            current,
            state=state,
            muted=muted,
            allowed_actions=allowed_actions(state, muted),
            state_since=datetime.now(UTC),
        )
        self.interactions[interaction_id] = result
        return result

    async def send_command(
        self, method: str, path: str, body: dict[str, Any], idempotency_key: str
    ) -> dict[str, Any]:
        """Outbox writes: a wrap-up (``/v1/interactions/{id}/wrapup``) is recorded as one."""
        parts = path.strip("/").split("/")
        if parts[-1] == "wrapup":
            await self.act(parts[-2], Action.WRAPUP, body)
        return {}

    async def codes(self) -> CodeCatalogue:
        return CodeCatalogue(WRAP_UP_CODES, REASONS, CONTACT_REASONS)

    async def events(self, last_event_id: int | None = None) -> AsyncIterator[StreamEvent]:
        if False:  # pragma: no cover - an empty stream
            yield StreamEvent(0, "none", None)


class MemoryCustomers:
    """Implements the Customers port over a list of customers."""

    def __init__(self, customers: list[Customer]) -> None:
        self.customers = customers
        self.queries: list[str] = []

    async def get(self, customer_id: str) -> Customer | None:
        return next((c for c in self.customers if c.id == customer_id), None)

    async def lookup_phone(self, phone_e164: str) -> list[Customer]:
        return [c for c in self.customers if phone_e164 in c.phones]

    async def search(self, query: str) -> list[Customer]:
        self.queries.append(query)
        q = query.lower()
        return [
            c
            for c in self.customers
            if q in c.display_name.lower() or (c.email and q in c.email.lower())
        ]


def customer(
    cid: str = "C-1042",
    first: str = "Élodie",
    last: str = "Rousseau",
    phones: tuple[str, ...] = ("+33612345678",),
    vip: bool = False,
    segment: str = "Premium",
    city: str = "Lyon",
) -> Customer:
    return Customer(
        id=cid,
        first_name=first,
        last_name=last,
        segment=segment,
        vip=vip,
        phones=phones,
        email=f"{first.lower()}.{last.lower()}@exemple.fr",
        address=Address("12 rue de la République", "69002", city),
        products=(
            Product("P1", "Compte courant", "compte", since=date(2012, 5, 1)),
            Product("P2", "Visa Premier", "carte", since=date(2019, 3, 1)),
        ),
        customer_since=date(2012, 5, 1),
    )


def offered(
    iid: str = "i1",
    number: str | None = "06 12 34 56 78",
    customer_id: str | None = None,
    vip: bool = False,
    intent: str = "Carte perdue ou volée",
) -> Interaction:
    at = datetime.now(UTC) - timedelta(seconds=3)
    return Interaction(
        id=iid,
        state=InteractionState.OFFERED,
        attached=AttachedData(
            caller_number=number,
            customer_id=customer_id,
            intent="card_lost",
            intent_label=intent,
            language="fr",
            vip=vip,
            queue_name="Cartes bancaires",
            waited_seconds=47,
        ),
        allowed_actions=allowed_actions(InteractionState.OFFERED),
        created_at=at,
        state_since=at,
    )


def moved(interaction: Interaction, state: InteractionState, muted: bool = False) -> Interaction:
    return replace(
        interaction,
        state=state,
        muted=muted,
        allowed_actions=allowed_actions(state, muted),
        state_since=interaction.state_since + timedelta(seconds=1),
    )


def set_agent(desk: Desktop, agent: Agent) -> None:
    """What the desktop does when the stream says the agent changed."""
    desk.agent = agent
    desk.bus.publish(AgentChanged(agent))


def ring(desk: Desktop, telephony: RecordingTelephony, interaction: Interaction) -> None:
    """A call arrives or changes on the stream: the server knows it, the desktop applies it."""
    telephony.interactions[interaction.id] = interaction
    desk.calls.apply(interaction)


def in_wrap_up(
    desk: Desktop, telephony: RecordingTelephony, iid: str = "i1", **changes: Any
) -> Interaction:
    """A call offered then ended (``changes``: e.g. the queue's wrap-up policy): it waits
    for its wrap-up."""
    call = offered(iid)
    ring(desk, telephony, call)
    ended = replace(moved(call, InteractionState.ENDED), **changes)
    ring(desk, telephony, ended)
    return ended
