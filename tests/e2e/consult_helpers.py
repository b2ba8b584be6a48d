"""Helpers for the consult / conference end-to-end tests: a logged-in Desktop with the
consult and presence services over the same gateway session, and a ringing call."""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Any

import httpx
from e2e_helpers import clean_up, next_event

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.gateway.consult import GatewayConsults
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady
from agent_desktop.domain.interaction import Action
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.consult import ConsultService
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.presence import PresenceService

EXPERT = "exp-02"


@dataclass
class ConsultSession:
    desktop: Desktop
    control: httpx.AsyncClient
    consults: ConsultService
    presence: PresenceService
    gateway: GatewayClient

    async def presence_of(self, expert_id: str, presence: str) -> None:
        r = await self.control.put(
            f"/sandbox/experts/{expert_id}/presence", json={"presence": presence}
        )
        assert r.status_code == 200, r.text

    async def connected_call(self, **call: Any) -> str:
        desktop = self.desktop
        if desktop.agent is None or desktop.agent.state != AgentState.READY:
            assert await desktop.set_state(AgentState.READY)
        popped = next_event(desktop.bus, ScreenPopReady)
        body = {
            "agent": "alice",
            "customer_id": "C100042",
            "identified_by_ivr": True,
            "intent": "lost_or_stolen_card",
            **call,
        }
        response = await self.control.post("/sandbox/calls", json=body)
        assert response.status_code == 201, response.text
        await popped
        call_id = str(response.json()["id"])
        assert await desktop.act(call_id, Action.ANSWER)
        return call_id


@contextlib.asynccontextmanager
async def consult_session(
    sandbox: SandboxServer, answer_delay: float = 0.05, ring_for: float = 0.6
) -> AsyncIterator[ConsultSession]:
    gateway = GatewayClient(sandbox.base_url)
    desktop = Desktop(gateway, gateway)
    consults = GatewayConsults(gateway)
    session = ConsultSession(
        desktop,
        httpx.AsyncClient(base_url=sandbox.base_url, timeout=10),
        ConsultService(consults, desktop.calls, desktop.bus),
        PresenceService(consults, desktop.bus),
        gateway,
    )
    control = session.control
    await control.post(
        "/sandbox/consult-settings",
        json={"answer_delay": answer_delay, "timeout": ring_for, "decline_rate": 0},
    )
    await session.presence_of(EXPERT, "available")
    await desktop.login("alice", DEMO_PASSWORD)
    try:
        yield session
    finally:
        current = desktop.calls.current
        if current is not None and current.consult is not None and current.consult.is_up:
            await session.consults.cancel()
        await clean_up(desktop, control)
        await session.presence_of(EXPERT, "available")
        await control.post(
            "/sandbox/consult-settings",
            json={"answer_delay": 2, "timeout": 20, "decline_rate": 0.1},
        )
        await control.aclose()
        await gateway.aclose()
