"""A call from ring to wrap-up, over the real wire, through the headless Desktop core."""

from __future__ import annotations

import statistics
from typing import Any

import httpx
import pytest
from e2e_helpers import next_event, session_as, until

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import (
    InteractionChanged,
    InteractionClosed,
    InteractionOffered,
    ScreenPopReady,
)
from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.domain.screen_pop import Identification
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.phone import to_e164

pytestmark = pytest.mark.asyncio


async def ring(desktop: Desktop, control: httpx.AsyncClient, **call: Any) -> str:
    """Make the agent ready, have the sandbox offer a call, and wait for the pop."""
    if desktop.agent is None or desktop.agent.state != AgentState.READY:
        assert await desktop.set_state(AgentState.READY)
    assert desktop.agent is not None
    username = desktop.agent.id if "agent" not in call else call.pop("agent")
    popped = next_event(desktop.bus, ScreenPopReady)
    response = await control.post("/sandbox/calls", json={"agent": username, **call})
    assert response.status_code in (200, 201), response.text
    pop = (await popped).pop
    assert pop.interaction_id == response.json()["id"]
    return pop.interaction_id


async def customer_record(
    control: httpx.AsyncClient, desktop: Desktop, customer_id: str
) -> dict[str, Any]:
    assert desktop.session is not None
    headers = {"Authorization": f"Bearer {desktop.session.token}"}
    response = await control.get(f"/v1/customers/{customer_id}", headers=headers)
    response.raise_for_status()
    return response.json()


async def test_login_loads_agent_codes_and_an_empty_desk(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, _control):
        assert desktop.agent is not None
        assert desktop.agent.name == "Alice Martin"
        assert desktop.agent.state == AgentState.NOT_READY
        assert desktop.not_ready_reasons and desktop.wrap_up_codes
        assert {c.label_fr for c in desktop.not_ready_reasons} != {
            c.label_en for c in desktop.not_ready_reasons
        }
        assert desktop.calls.current is None


async def test_wrong_password_is_refused_with_a_clear_code(sandbox: Any) -> None:
    gateway = GatewayClient(sandbox.base_url)
    try:
        with pytest.raises(GatewayError) as info:
            await Desktop(gateway, gateway).login("alice", "not-the-password")
        assert info.value.code == "invalid_credentials"
        assert info.value.status == 401
    finally:
        await gateway.aclose()


async def test_unreachable_gateway_says_so(unused_tcp_port: int) -> None:
    gateway = GatewayClient(f"http://127.0.0.1:{unused_tcp_port}", timeout=3)
    try:
        with pytest.raises(GatewayError) as info:
            await Desktop(gateway, gateway).login("alice", "whatever")
        assert info.value.code == "unreachable"
    finally:
        await gateway.aclose()


async def test_ivr_identified_call_pops_the_right_customer(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        customer_id = "C100042"
        interaction_id = await ring(
            desktop,
            control,
            customer_id=customer_id,
            identified_by_ivr=True,
            intent="lost_or_stolen_card",
        )
        pop = desktop.screen_pop.pops[interaction_id]
        assert pop.identification == Identification.IDENTIFIED
        assert pop.by == "ivr"
        record = await customer_record(control, desktop, customer_id)
        assert pop.customer is not None
        assert (pop.customer.id, pop.customer.last_name) == (record["id"], record["last_name"])
        assert len(pop.customer.products) == len(record["products"])
        interaction = desktop.calls.interactions[interaction_id]
        assert interaction.attached.intent == "lost_or_stolen_card"
        assert interaction.attached.intent_label
        assert interaction.attached.queue_name


async def test_caller_number_in_national_format_is_normalised_then_found(
    sandbox: SandboxServer,
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        record = await customer_record(control, desktop, "C100007")
        e164 = record["phones"][0]
        national = "0" + e164[3:5] + " " + " ".join(e164[i : i + 2] for i in range(5, 13, 2))
        assert to_e164(national) == e164
        interaction_id = await ring(desktop, control, phone=national, identified_by_ivr=False)
        pop = desktop.screen_pop.pops[interaction_id]
        if pop.identification == Identification.AMBIGUOUS:  # C100007 may share a household line
            assert "C100007" in {c.id for c in pop.candidates}
        else:
            assert pop.identification == Identification.IDENTIFIED
            assert pop.customer is not None and pop.customer.id == "C100007"
        assert pop.phone_e164 == e164


async def test_unknown_caller_gets_a_card_that_says_so_and_a_search(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        interaction_id = await ring(
            desktop, control, phone="+33 1 99 00 00 01", identified_by_ivr=False
        )
        pop = desktop.screen_pop.pops[interaction_id]
        assert pop.identification == Identification.UNKNOWN
        assert pop.phone_e164 == "+33199000001"
        record = await customer_record(control, desktop, "C100042")
        found = await desktop.search_customers(record["last_name"])
        assert "C100042" in {c.id for c in found}
        chosen = desktop.choose_customer(
            interaction_id, next(c for c in found if c.id == "C100042")
        )
        assert chosen.identification == Identification.IDENTIFIED and chosen.by == "advisor"


async def test_a_number_shared_by_several_customers_gives_a_chooser(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        state = (await control.get("/sandbox/state")).json()
        shared = state["shared_numbers"][0]
        interaction_id = await ring(desktop, control, phone=shared, identified_by_ivr=False)
        pop = desktop.screen_pop.pops[interaction_id]
        assert pop.identification == Identification.AMBIGUOUS
        assert len(pop.candidates) >= 2
        assert all(shared in c.phones for c in pop.candidates)


async def test_answer_hold_retrieve_mute_dtmf_hangup_then_wrap_up(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        interaction_id = await ring(desktop, control, customer_id="C100042", identified_by_ivr=True)
        assert desktop.agent is not None and desktop.agent.state == AgentState.RESERVED

        def state() -> InteractionState:
            return desktop.calls.interactions[interaction_id].state

        def allowed() -> set[Action]:
            return set(desktop.calls.interactions[interaction_id].allowed_actions)

        assert allowed() == {Action.ANSWER, Action.REJECT}
        assert await desktop.act(interaction_id, Action.ANSWER)
        assert state() == InteractionState.CONNECTED
        assert {Action.HOLD, Action.MUTE, Action.HANGUP, Action.DTMF} <= allowed()
        await until(lambda: desktop.agent is not None and desktop.agent.state == AgentState.BUSY)

        assert await desktop.act(interaction_id, Action.HOLD)
        assert state() == InteractionState.HELD and Action.RETRIEVE in allowed()
        assert Action.HOLD not in allowed()
        assert await desktop.act(interaction_id, Action.RETRIEVE)
        assert state() == InteractionState.CONNECTED

        assert await desktop.act(interaction_id, Action.MUTE)
        assert desktop.calls.interactions[interaction_id].muted and Action.UNMUTE in allowed()
        assert await desktop.act(interaction_id, Action.UNMUTE)
        assert await desktop.act(interaction_id, Action.DTMF, {"digits": "12#"})

        assert await desktop.act(interaction_id, Action.HANGUP)
        assert state() == InteractionState.ENDED
        assert allowed() == {Action.WRAPUP}
        await until(
            lambda: desktop.agent is not None and desktop.agent.state == AgentState.AFTER_CALL_WORK
        )

        closed = next_event(desktop.bus, InteractionClosed)
        assert await desktop.wrap_up(interaction_id, desktop.wrap_up_codes[0].code, "RAS")
        assert (await closed).interaction.state == InteractionState.CLOSED
        assert interaction_id not in desktop.calls.interactions
        assert desktop.agent is not None and desktop.agent.state == AgentState.READY


async def test_a_refused_action_is_a_notice_not_a_crash(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        interaction_id = await ring(desktop, control, customer_id="C100042", identified_by_ivr=True)
        assert not await desktop.act(interaction_id, Action.HOLD)  # not answered yet
        assert desktop.calls.interactions[interaction_id].state == InteractionState.OFFERED


async def test_state_change_while_busy_is_queued_as_next_state(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        interaction_id = await ring(desktop, control, customer_id="C100042", identified_by_ivr=True)
        await desktop.act(interaction_id, Action.ANSWER)
        lunch = desktop.not_ready_reasons[0].code
        assert await desktop.set_state(AgentState.NOT_READY, lunch)
        assert desktop.agent is not None
        assert desktop.agent.state == AgentState.BUSY
        assert (
            desktop.agent.next_state is not None and desktop.agent.next_state.reason_code == lunch
        )
        await desktop.act(interaction_id, Action.HANGUP)
        await desktop.wrap_up(interaction_id, "resolved")
        assert desktop.agent.state == AgentState.NOT_READY
        assert desktop.agent.reason_code == lunch


async def test_customer_hangs_up_first(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        interaction_id = await ring(desktop, control, customer_id="C100042", identified_by_ivr=True)
        await desktop.act(interaction_id, Action.ANSWER)
        ended = next_event(
            desktop.bus,
            InteractionChanged,
            lambda e: e.interaction.state == InteractionState.ENDED,
        )
        (await control.post(f"/sandbox/calls/{interaction_id}/customer-hangup")).raise_for_status()
        interaction = (await ended).interaction
        assert interaction.end_reason == "customer_hangup"
        assert interaction.allowed_actions == (Action.WRAPUP,)
        await until(
            lambda: desktop.agent is not None and desktop.agent.state == AgentState.AFTER_CALL_WORK
        )


async def test_customer_abandons_while_ringing(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        interaction_id = await ring(desktop, control, customer_id="C100042", identified_by_ivr=True)
        closed = next_event(desktop.bus, InteractionClosed)
        (await control.post(f"/sandbox/calls/{interaction_id}/customer-hangup")).raise_for_status()
        interaction = (await closed).interaction
        assert interaction.state == InteractionState.MISSED
        assert interaction_id not in desktop.screen_pop.pops
        assert desktop.calls.current is None


@pytest.mark.parametrize(
    ("event", "data"),
    [
        ("interaction.offered", "{this is not json"),
        ("interaction.teleported", {"id": "x"}),
        ("interaction.updated", {"id": 12, "state": "exploded"}),
    ],
    ids=["bad-json", "unknown-type", "wrong-shape"],
)
async def test_a_malformed_or_unknown_event_is_logged_and_ignored(
    sandbox: SandboxServer, caplog: pytest.LogCaptureFixture, event: str, data: Any
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        injected = await control.post(
            "/sandbox/events/inject", json={"agent": "alice", "event": event, "data": data}
        )
        injected.raise_for_status()
        # The stream goes on: the next real event is still applied.
        interaction_id = await ring(desktop, control, customer_id="C100042", identified_by_ivr=True)
        assert interaction_id in desktop.calls.interactions
        await until(lambda: any("ignored an event" in r.getMessage() for r in caplog.records))
        caplog.clear()  # these warnings were expected


async def test_the_stream_resumes_after_a_drop_without_losing_an_event(
    sandbox: SandboxServer,
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        await until(lambda: desktop.stream.link.value == "online")
        (await control.post("/sandbox/events/drop")).raise_for_status()
        # Offer a call while the client may still be reconnecting: it must arrive anyway.
        assert await desktop.set_state(AgentState.READY)
        offered = next_event(desktop.bus, InteractionOffered, within=20)
        call = await control.post(
            "/sandbox/calls", json={"agent": "alice", "customer_id": "C100042"}
        )
        call.raise_for_status()
        assert (await offered).interaction.state == InteractionState.OFFERED


async def test_screen_pop_time_is_measured(sandbox: SandboxServer) -> None:
    """Measured, not asserted: the figure is printed for the notes and for bench."""
    async with session_as(sandbox, "bob") as (desktop, control):
        for _ in range(20):
            interaction_id = await ring(
                desktop, control, customer_id="C100042", identified_by_ivr=True
            )
            closed = next_event(desktop.bus, InteractionClosed)
            assert await desktop.act(interaction_id, Action.REJECT)
            await closed
        timings = desktop.screen_pop.timings
        assert len(timings) == 20
        median_ms = statistics.median(timings) * 1e3
        print(f"\nscreen-pop over {len(timings)} calls: median {median_ms:.1f} ms")
