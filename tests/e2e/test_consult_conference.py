"""Three-way conference over the real wire: merge, parties, mute, drop, leave, and the
customer leaving while advisor and expert stay."""

from __future__ import annotations

import pytest
from consult_helpers import ConsultSession, consult_session
from e2e_helpers import next_event, until
from test_consult import answered_consult

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.consult import ConsultState
from agent_desktop.domain.events import Notice
from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.sandbox.server import SandboxServer

pytestmark = pytest.mark.asyncio


def parties(s: ConsultSession, call_id: str) -> list[tuple[str, str]]:
    return [(p.role, p.state) for p in s.desktop.calls.interactions[call_id].parties]


async def conference(s: ConsultSession) -> str:
    call_id = await answered_consult(s)
    assert await s.consults.conference()
    call = s.desktop.calls.interactions[call_id]
    assert call.state == InteractionState.CONNECTED
    assert call.consult is not None and call.consult.state == ConsultState.CONFERENCED
    assert parties(s, call_id) == [
        ("customer", "connected"),
        ("agent", "connected"),
        ("expert", "connected"),
    ]
    return call_id


async def test_merge_mute_and_drop_the_expert(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        call_id = await conference(s)
        assert await s.desktop.act(call_id, Action.MUTE)
        assert parties(s, call_id)[1] == ("agent", "muted")
        assert await s.desktop.act(call_id, Action.UNMUTE)
        assert await s.consults.drop_party("p-expert")
        assert parties(s, call_id)[2] == ("expert", "left")
        assert s.desktop.calls.interactions[call_id].state == InteractionState.CONNECTED


async def test_leave_the_conference_the_expert_keeps_the_customer(
    sandbox: SandboxServer,
) -> None:
    async with consult_session(sandbox) as s:
        call_id = await conference(s)
        assert await s.consults.leave()
        call = s.desktop.calls.interactions[call_id]
        assert (call.state, call.end_reason) == (InteractionState.ENDED, "left_conference")
        await until(lambda: s.desktop.agent is not None
                    and s.desktop.agent.state == AgentState.AFTER_CALL_WORK)  # fmt: skip
        handovers = (await s.control.get("/sandbox/handovers")).json()
        assert [h["kind"] for h in handovers if h["interaction_id"] == call_id][-1] == "transfer"


async def test_the_customer_leaves_and_the_advisor_decides(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        call_id = await conference(s)
        told = next_event(s.desktop.bus, Notice, lambda n: n.code == "conference_customer_left")
        await s.control.post(f"/sandbox/calls/{call_id}/customer-hangup")
        await told
        assert parties(s, call_id)[0] == ("customer", "left")
        assert parties(s, call_id)[2] == ("expert", "connected")  # still with the expert
        assert await s.consults.drop_party("p-expert")  # the advisor decides to hang up
        assert parties(s, call_id)[2] == ("expert", "left")


async def test_drop_the_customer_keeps_advisor_and_expert(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        call_id = await conference(s)
        assert await s.consults.drop_party("p-customer")
        call = s.desktop.calls.interactions[call_id]
        assert (call.state, call.end_reason) == (InteractionState.ENDED, "customer_dropped")
        assert parties(s, call_id) == [
            ("customer", "left"),
            ("agent", "connected"),
            ("expert", "connected"),
        ]
