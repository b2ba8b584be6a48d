"""The advisor's KPI banner over the real wire, exact values: the sandbox pins the queues'
background load and places a call, and the banner in the real main window must show the
waiting counts, the longest wait, the calls handled and the average handling time that
follow from that scenario and from the server's own timestamps. The figures are pushed on
the agent's event stream (``agent.kpis``); nothing polls."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from e2e_helpers import advisor_window, next_event, session_as, until

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady
from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.domain.wallboard import AgentKpisChanged
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.ui.kpi_banner import mm_ss

pytestmark = pytest.mark.asyncio


def when(text: str) -> datetime:
    return datetime.fromisoformat(text)


async def day_expected(control: httpx.AsyncClient, agent: str) -> tuple[int, int]:
    """(handled, average handling seconds) from the server's own timestamps: every call
    of ``agent`` answered and wrapped up today, from the answer to the end of the wrap-up."""
    state = (await control.get("/sandbox/state")).json()
    today = datetime.now(UTC).date()
    seconds = [
        (when(i["state_since"]) - when(i["answered_at"])).total_seconds()
        for i in state["interactions"]
        if i["agent"] == agent
        and i["state"] == "closed"
        and i["answered_at"]
        and when(i["state_since"]).date() == today
    ]
    return len(seconds), round(sum(seconds) / len(seconds)) if seconds else 0


async def test_banner_shows_exact_figures_pushed_by_the_server(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        try:
            await until(lambda: desktop.kpis is not None)  # the snapshot at stream open
            with advisor_window(desktop, tmp_path, "en") as window:
                banner = window.kpi_banner
                assert banner.latest is desktop.kpis

                # 1. background load pinned: 2 calls in particuliers since 75 s, none in cartes
                pinned = next_event(
                    desktop.bus,
                    AgentKpisChanged,
                    lambda e: [q.waiting for q in e.kpis.queues] == [2, 0],
                )
                load = await control.put(
                    "/sandbox/queues/particuliers/load",
                    json={"waiting": 2, "longest_wait_seconds": 75},
                )
                assert load.status_code == 200, load.text
                await control.put("/sandbox/queues/cartes/load", json={"waiting": 0})
                event = await pinned
                particuliers, cartes = event.kpis.queues
                assert (particuliers.queue_id, cartes.queue_id) == ("particuliers", "cartes")
                oldest = when(load.json()["oldest_waiting_since"])
                assert particuliers.oldest_waiting_since == oldest
                assert cartes.oldest_waiting_since is None
                assert event.kpis.at is not None
                # the banner's clock stopped at the event's arrival: longest = at - oldest
                banner.clock = lambda: event.received
                await until(lambda: banner.latest is event)
                longest = int((event.kpis.at - oldest).total_seconds())
                assert longest >= 75
                assert banner.queues[0].text() == (
                    f"Particuliers: 2 waiting · longest {mm_ss(longest)}"
                )
                assert banner.queues[1].text() == "Cartes et paiements: 0 waiting"
                # ... and it counts on by itself between events (ten seconds later)
                banner.clock = lambda: event.received + 10
                window.bridge.sig_tick.emit()
                assert banner.queues[0].text() == (
                    f"Particuliers: 2 waiting · longest {mm_ss(longest + 10)}"
                )
                handled, aht = await day_expected(control, "alice")
                assert (event.kpis.handled, event.kpis.average_handling_seconds) == (
                    handled,
                    aht,
                )

                # 2. a call that waited 30 s in the IVR rings for alice in cartes
                assert await desktop.set_state(AgentState.READY)
                ringing = next_event(
                    desktop.bus, AgentKpisChanged, lambda e: e.kpis.queues[1].waiting == 1
                )
                popped = next_event(desktop.bus, ScreenPopReady)
                offered = await control.post(
                    "/sandbox/calls",
                    json={"agent": "alice", "queue_id": "cartes", "waited_seconds": 30},
                )
                assert offered.status_code == 201, offered.text
                call = offered.json()
                event = await ringing
                await popped
                arrived = when(call["created_at"]) - timedelta(seconds=30)
                assert event.kpis.queues[1].oldest_waiting_since == arrived
                assert event.kpis.queues[0].waiting == 2  # unchanged

                # 3. answered: nobody waits in cartes any more
                answered = next_event(
                    desktop.bus, AgentKpisChanged, lambda e: e.kpis.queues[1].waiting == 0
                )
                assert await desktop.act(call["id"], Action.ANSWER)
                await answered
                assert await desktop.act(call["id"], Action.HANGUP)
                await until(
                    lambda: desktop.calls.interactions[call["id"]].state == InteractionState.ENDED
                )

                # 4. wrapped up: one more handled, the average from the server's timestamps
                wrapped = next_event(
                    desktop.bus, AgentKpisChanged, lambda e: e.kpis.handled == handled + 1
                )
                assert await desktop.wrap_up(call["id"], desktop.wrap_up_codes[0].code)
                event = await wrapped
                handled_now, aht_now = await day_expected(control, "alice")
                assert handled_now == handled + 1
                assert event.kpis.average_handling_seconds == aht_now
                await until(lambda: banner.latest is event)
                assert banner.day.text() == (
                    f"Today: {handled_now} handled · average {mm_ss(aht_now)}"
                )
        finally:
            for queue in ("particuliers", "cartes"):
                await control.delete(f"/sandbox/queues/{queue}/load")
