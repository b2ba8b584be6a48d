"""Extended-agent mode over the real wire: availability windows driven by a fake clock
(reminder, ready, a window ending during a call, never routable outside), calls to return
with click-to-call (outbound interaction, same screen-pop and wrap-up), and roles."""

from __future__ import annotations

from datetime import datetime

import pytest
from e2e_helpers import next_event, session_as, until
from PySide6.QtWidgets import QLabel

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.gateway.callbacks import GatewayCallbacks
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import InteractionOffered, ScreenPopReady
from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.availability import AvailabilityController, Window, parse_windows
from agent_desktop.services.roles import allowed_modes
from agent_desktop.services.tasks import TaskGroup
from agent_desktop.ui.extended import ExtendedWindow

pytestmark = pytest.mark.asyncio

MONDAY = datetime(2026, 11, 23)  # a Monday


def at(hh: int, mm: int) -> datetime:
    return MONDAY.replace(hour=hh, minute=mm)


def window_at_eleven() -> Window:
    return parse_windows("mon-fri 11:00-12:00")[0][0]


async def test_windows_with_a_fake_clock_and_a_window_ending_during_a_call(
    sandbox: SandboxServer,
) -> None:
    async with session_as(sandbox, "marc") as (desktop, control):
        windows, problems = parse_windows("mon-fri 11:00-12:00")
        assert not problems
        now = [at(10, 30)]
        reminders: list[datetime] = []
        controller = AvailabilityController(
            windows,
            desktop,
            clock=lambda: now[0],
            on_reminder=lambda _w, start: reminders.append(start),
        )
        assert await controller.tick() == []
        assert desktop.agent is not None and desktop.agent.state == AgentState.NOT_READY
        # routable only inside a window: a "ready" outside is taken back
        assert await desktop.set_state(AgentState.READY)
        assert await controller.tick() == ["not_ready"]
        assert desktop.agent.state == AgentState.NOT_READY
        assert desktop.agent.reason_code == "back_office"
        now[0] = at(10, 56)
        assert await controller.tick() == ["reminder"]
        assert reminders == [at(11, 0)]
        assert await controller.tick() == []  # reminded once
        now[0] = at(11, 0)
        assert await controller.tick() == ["ready"]
        assert desktop.agent.state == AgentState.READY
        # a call arrives inside the window and is still going at 12:00
        popped = next_event(desktop.bus, ScreenPopReady)
        offered = await control.post("/sandbox/calls", json={"agent": "marc"})
        assert offered.status_code == 201, offered.text
        call_id = offered.json()["id"]
        await popped
        assert await desktop.act(call_id, Action.ANSWER)
        now[0] = at(12, 0)
        assert await controller.tick() == ["not_ready_after_call"]
        assert await controller.tick() == []  # asked once
        # never in the middle of a call: still connected, still busy, not ready queued
        assert desktop.calls.interactions[call_id].state == InteractionState.CONNECTED
        assert desktop.agent.state == AgentState.BUSY
        assert desktop.agent.next_state is not None
        assert desktop.agent.next_state.state == AgentState.NOT_READY
        assert await desktop.act(call_id, Action.HANGUP)
        await until(lambda: desktop.calls.interactions[call_id].state == InteractionState.ENDED)
        assert await desktop.wrap_up(call_id, "resolved")
        await until(
            lambda: desktop.agent is not None and desktop.agent.state == AgentState.NOT_READY
        )
        assert desktop.agent.reason_code == "back_office"
        assert controller.actions == [
            "not_ready",
            "reminder",
            "ready",
            "not_ready_after_call",
        ]


async def test_click_to_call_from_the_list_pops_the_customer_and_wraps_up(
    sandbox: SandboxServer,
) -> None:
    async with session_as(sandbox, "marc") as (desktop, _control):
        gateway = desktop._telephony
        assert isinstance(gateway, GatewayClient)
        assert desktop.session is not None
        assert "extended" in allowed_modes(desktop.session.capabilities)
        tasks = TaskGroup()
        window = ExtendedWindow(desktop, "en", GatewayCallbacks(gateway), None, tasks)
        try:
            await until(lambda: window.callbacks.list.count() > 0)
            assert window.side.indexOf(window.callbacks) == 0  # marc has `callbacks`
            window.show_reminder(window_at_eleven(), at(11, 0))
            assert "11:00" in window.reminder.text() and not window.reminder.isHidden()
            first = window.callbacks.callbacks[0]
            count = window.callbacks.list.count()
            window.callbacks.list.setCurrentRow(0)
            assert window.callbacks.call_button.isEnabled()
            popped = next_event(desktop.bus, ScreenPopReady)
            offered = next_event(desktop.bus, InteractionOffered)
            window.callbacks.call_button.click()
            pop = (await popped).pop
            assert pop.customer is not None and pop.customer.id == first.customer_id
            call = desktop.calls.interactions[pop.interaction_id]
            # Placed by the agent: outbound from the very first event, so nothing rings.
            assert (await offered).interaction.direction == "outbound"
            await until(
                lambda: desktop.calls.interactions[call.id].state == InteractionState.CONNECTED
            )
            assert desktop.calls.interactions[call.id].direction == "outbound"
            # the same card as the advisor's, and no second call while on this one
            labels = [label.text() for label in window.card.findChildren(QLabel)]
            assert first.name in labels
            await until(lambda: not window.callbacks.call_button.isEnabled())
            await until(lambda: window.callbacks.list.count() == count - 1)
            assert await desktop.act(call.id, Action.HANGUP)
            await until(lambda: desktop.calls.interactions[call.id].state == InteractionState.ENDED)
            assert await desktop.wrap_up(call.id, "resolved")
            await until(
                lambda: (
                    call.id not in desktop.calls.interactions
                    or desktop.calls.interactions[call.id].state == InteractionState.CLOSED
                )
            )
        finally:
            window.close()
            await tasks.cancel_all()


async def test_an_advisor_has_no_calls_to_return_and_no_extended_mode(
    sandbox: SandboxServer,
) -> None:
    gateway = GatewayClient(sandbox.base_url)
    try:
        session = await gateway.login("alice", DEMO_PASSWORD)
        assert "extended" not in allowed_modes(session.capabilities)
        with pytest.raises(GatewayError) as refused:
            await GatewayCallbacks(gateway).list_callbacks()
        assert refused.value.status == 403
    finally:
        await gateway.logout()
        await gateway.aclose()
