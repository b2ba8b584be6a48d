"""The advisor's KPI banner over the real wire: own queues only, and the day's figures."""

from __future__ import annotations

import pytest
from e2e_helpers import next_event, session_as, until

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.gateway.wallboard import GatewayKpis
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady
from agent_desktop.domain.interaction import Action, InteractionState
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.wallboard import KpiService
from agent_desktop.ui.kpi_banner import KpiBanner

pytestmark = pytest.mark.asyncio


async def test_banner_shows_own_queues_and_the_day(sandbox: SandboxServer) -> None:
    async with session_as(sandbox, "alice") as (desktop, control):
        gateway = desktop._telephony
        assert isinstance(gateway, GatewayClient)
        service = KpiService(GatewayKpis(gateway))
        before = await service.refresh()
        assert before is not None
        assert [q.queue_id for q in before.queues] == ["particuliers", "cartes"]
        # one call, answered, hung up and wrapped up
        assert await desktop.set_state(AgentState.READY)
        popped = next_event(desktop.bus, ScreenPopReady)
        offered = await control.post(
            "/sandbox/calls", json={"agent": "alice", "queue_id": "cartes"}
        )
        assert offered.status_code == 201, offered.text
        call_id = offered.json()["id"]
        await popped
        ringing = await service.refresh()
        assert ringing is not None
        cartes = next(q for q in ringing.queues if q.queue_id == "cartes")
        assert cartes.waiting >= 1  # the ringing call still waits in its queue
        banner = KpiBanner()
        banner.show_kpis(ringing)
        assert any("Cartes et paiements" in label.text() for label in banner.queues)
        assert await desktop.act(call_id, Action.ANSWER)
        assert await desktop.act(call_id, Action.HANGUP)
        await until(lambda: desktop.calls.interactions[call_id].state == InteractionState.ENDED)
        assert await desktop.wrap_up(call_id, None)
        after = await service.refresh()
        assert after is not None
        assert after.handled == before.handled + 1
        assert after.average_handling_seconds >= 0
        banner.show_kpis(after)
        assert f"{after.handled} handled" in banner.day.text()
        banner.deleteLater()
