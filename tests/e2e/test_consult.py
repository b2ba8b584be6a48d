"""Supervised transfer over the real wire: consult, complete, swap, cancel, and every way
a consult can fail — the customer is always retrieved and the advisor always told."""

from __future__ import annotations

import pytest
from consult_helpers import EXPERT, ConsultSession, consult_session
from e2e_helpers import next_event, until

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.consult import ConsultAction, ConsultState, Presence
from agent_desktop.domain.events import ExpertPresenceChanged, InteractionChanged, Notice
from agent_desktop.domain.interaction import InteractionState
from agent_desktop.sandbox.server import SandboxServer

pytestmark = pytest.mark.asyncio


def consult_state(s: ConsultSession, call_id: str) -> ConsultState | None:
    call = s.desktop.calls.interactions.get(call_id)
    return call.consult.state if call is not None and call.consult is not None else None


async def answered_consult(s: ConsultSession, note: str = "") -> str:
    call_id = await s.connected_call()
    connected = next_event(
        s.desktop.bus,
        InteractionChanged,
        lambda e: (
            e.interaction.consult is not None
            and e.interaction.consult.state == ConsultState.CONNECTED
        ),
    )
    assert await s.consults.consult(EXPERT, note=note, summary="Lost card, wants a new one")
    call = s.desktop.calls.interactions[call_id]
    assert call.state == InteractionState.HELD  # held automatically
    await connected
    return call_id


async def test_consult_then_complete_transfer(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        call_id = await answered_consult(s, note="Second card lost this year")
        consult = s.desktop.calls.interactions[call_id].consult
        assert consult is not None
        assert consult.allowed == (
            ConsultAction.TRANSFER,
            ConsultAction.CONFERENCE,
            ConsultAction.SWAP,
            ConsultAction.CANCEL,
        )
        assert await s.consults.transfer()
        call = s.desktop.calls.interactions[call_id]
        assert (call.state, call.end_reason) == (InteractionState.ENDED, "transferred")
        await until(lambda: s.desktop.agent is not None
                    and s.desktop.agent.state == AgentState.AFTER_CALL_WORK)  # fmt: skip
        handovers = (await s.control.get("/sandbox/handovers")).json()
        mine = [h for h in handovers if h["interaction_id"] == call_id]
        assert [h["kind"] for h in mine] == ["consult", "transfer"]
        assert mine[-1]["context"] == {
            "customer_id": "C100042",
            "intent": "lost_or_stolen_card",
            "summary": "Lost card, wants a new one",
            "note": "Second card lost this year",
        }


async def test_swap_then_cancel_retrieves_the_customer(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        call_id = await answered_consult(s)
        assert await s.consults.swap()
        call = s.desktop.calls.interactions[call_id]
        assert call.state == InteractionState.CONNECTED
        assert call.consult is not None and call.consult.talking_to == "customer"
        assert await s.consults.swap()
        assert s.desktop.calls.interactions[call_id].state == InteractionState.HELD
        assert await s.consults.cancel()
        call = s.desktop.calls.interactions[call_id]
        assert call.state == InteractionState.CONNECTED
        assert consult_state(s, call_id) == ConsultState.CANCELLED


@pytest.mark.parametrize(
    ("presence", "code"),
    [
        ("away", "consult_no_answer"),
        ("do_not_disturb", "consult_no_answer"),
        ("offline", "consult_no_answer"),
        ("busy", "consult_busy"),
    ],
)
async def test_an_unreachable_expert_never_answers(
    sandbox: SandboxServer, presence: str, code: str
) -> None:
    async with consult_session(sandbox) as s:
        await s.presence_of(EXPERT, presence)
        call_id = await s.connected_call()
        told = next_event(s.desktop.bus, Notice, lambda n: n.code == code)
        assert await s.consults.consult(EXPERT)
        notice = await told
        assert "back on the line" in notice.text
        await until(lambda: s.desktop.calls.interactions[call_id].state
                    == InteractionState.CONNECTED)  # fmt: skip
        assert consult_state(s, call_id) == ConsultState.FAILED


async def test_the_expert_declines(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox, answer_delay=60) as s:
        call_id = await s.connected_call()
        assert await s.consults.consult(EXPERT)
        told = next_event(s.desktop.bus, Notice, lambda n: n.code == "consult_declined")
        r = await s.control.post(f"/sandbox/calls/{call_id}/consult/decline")
        assert r.status_code == 200, r.text
        await told
        await until(lambda: s.desktop.calls.interactions[call_id].state
                    == InteractionState.CONNECTED)  # fmt: skip


async def test_the_expert_hangs_up(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        call_id = await answered_consult(s)
        told = next_event(s.desktop.bus, Notice, lambda n: n.code == "consult_expert_hangup")
        await s.control.post(f"/sandbox/calls/{call_id}/consult/hangup")
        await told
        await until(lambda: s.desktop.calls.interactions[call_id].state
                    == InteractionState.CONNECTED)  # fmt: skip


async def test_the_customer_hangs_up_during_the_consult(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        call_id = await answered_consult(s)
        told = next_event(s.desktop.bus, Notice, lambda n: n.code == "consult_customer_hangup")
        await s.control.post(f"/sandbox/calls/{call_id}/customer-hangup")
        await told
        call = s.desktop.calls.interactions[call_id]
        assert call.state == InteractionState.ENDED
        assert call.consult is not None and call.consult.state == ConsultState.CONNECTED
        assert call.consult.allowed == (ConsultAction.CANCEL,)  # still with the expert
        assert await s.consults.cancel()
        assert consult_state(s, call_id) == ConsultState.CANCELLED


async def test_a_refused_consult_command_is_a_notice(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        await s.connected_call()
        told = next_event(s.desktop.bus, Notice, lambda n: n.code == "action_not_allowed")
        assert not await s.consults.transfer()
        await told
        unknown = next_event(s.desktop.bus, Notice, lambda n: n.code == "not_found")
        assert not await s.consults.consult("exp-nobody")
        await unknown


async def test_presence_changes_reach_the_directory(sandbox: SandboxServer) -> None:
    async with consult_session(sandbox) as s:
        experts = await s.presence.refresh()
        assert len(experts) >= 10
        changed = next_event(s.desktop.bus, ExpertPresenceChanged, lambda e: e.expert.id == EXPERT)
        await s.presence_of(EXPERT, "do_not_disturb")
        event = await changed
        assert event.expert.presence == Presence.DO_NOT_DISTURB
        assert s.presence.experts[EXPERT].presence == Presence.DO_NOT_DISTURB
        # an expert who answers a consult is shown in a call
        await s.presence_of(EXPERT, "available")
        in_call = next_event(
            s.desktop.bus,
            ExpertPresenceChanged,
            lambda e: e.expert.id == EXPERT and e.expert.presence == Presence.IN_A_CALL,
        )
        await answered_consult(s)
        await in_call
