"""The wallboard over the real wire, with the sandbox's scale option at high event rates:
values correct after coalescing, thresholds and alerts fire, pages rotate, and an
advisor is refused the supervisor's feed."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Mapping
from contextlib import suppress
from dataclasses import replace

import httpx
import pytest
from e2e_helpers import until

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.gateway.wallboard import GatewayWallboard, decode
from agent_desktop.domain.wallboard import QueueStats, WallboardSnapshot
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.sandbox.data.reference import QUEUES
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.roles import allowed_modes
from agent_desktop.services.wallboard import Level, WallboardService, WallboardState
from agent_desktop.ui.wallboard import WallboardWindow

pytestmark = pytest.mark.asyncio


def same_queues(
    shown: Mapping[str, QueueStats], want: Mapping[str, QueueStats], since: float
) -> bool:
    """Equal figures, except that the longest wait of a queue with a caller waiting grows
    with the clock after the server's snapshot (other tests may leave callers waiting in
    the real queues): by at most the seconds since the snapshot, and never shrinks."""
    if shown.keys() != want.keys():
        return False
    clock = time.perf_counter() - since + 1
    for queue_id, expected in want.items():
        got = shown[queue_id]
        drift = got.longest_wait_seconds - expected.longest_wait_seconds
        if not 0 <= drift <= clock or replace(got, longest_wait_seconds=0) != replace(
            expected, longest_wait_seconds=0
        ):
            return False
    return True


async def server_snapshot(gateway: GatewayClient) -> WallboardSnapshot:
    response = await gateway._http.get("/v1/wallboard/snapshot", headers=gateway._headers(False))
    assert response.status_code == 200, response.text
    snapshot = decode("wallboard.snapshot", response.text)
    assert isinstance(snapshot, WallboardSnapshot)
    return snapshot


async def test_high_event_rate_is_coalesced_and_ends_with_the_servers_figures(
    sandbox: SandboxServer,
) -> None:
    gateway = GatewayClient(sandbox.base_url)
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=30) as control:
        session = await gateway.login("sophie", DEMO_PASSWORD)
        assert "wallboard" in allowed_modes(session.capabilities)
        started = await control.post(
            "/sandbox/scale", json={"agents": 2000, "queues": 200, "events_per_second": 0}
        )
        assert started.status_code == 200, started.text
        # the real queues drift every 5 s; pinned, the server's snapshot stays the target
        for queue in QUEUES:
            pinned = await control.put(f"/sandbox/queues/{queue.id}/load", json={"waiting": 0})
            assert pinned.status_code == 200, pinned.text
        state = WallboardState()
        window = WallboardWindow(state, rotation_seconds=0.2)
        window.resize(1920, 1080)
        window.show()
        service = WallboardService(GatewayWallboard(gateway), state)
        task = asyncio.get_running_loop().create_task(service.run())
        try:
            await until(lambda: len(state.queues) >= 200 and len(state.agents) >= 2000)
            # 20 000 changes a second for a while: far more than any screen can show
            await control.post("/sandbox/scale/rate", json={"events_per_second": 20_000})
            paints_before, t0 = window.board.paints, time.perf_counter()
            events_before = state.events
            await until(lambda: state.events - events_before > 20_000, within=60)
            elapsed = time.perf_counter() - t0
            paints = window.board.paints - paints_before
            received = state.events - events_before
            # then a burst of 50 000 applied at once, and silence
            await control.post(
                "/sandbox/scale/rate",
                json={"events_per_second": 0, "step": 50_000, "step_seconds": 600},
            )
            expected = await server_snapshot(gateway)
            taken = time.perf_counter()
            want_queues = {q.queue_id: q for q in expected.queues}
            want_agents = {a.id: a for a in expected.agents}
            await until(lambda: same_queues(state.queues, want_queues, taken), within=60)
            await until(lambda: state.agents == want_agents, within=60)
            print(
                f"figure: {received} events in {elapsed:.2f} s "
                f"({received / elapsed:.0f}/s), {paints} board repaints "
                f"({paints / elapsed:.1f}/s)"
            )
            # ~10 repaints a second at most (the rotation timer and the clock add a few)
            assert paints <= elapsed * 10 + elapsed * 5 + 3
            assert window.coalescer.flushes <= (time.perf_counter() - t0) * 10 + 5
            # a loaded centre crosses thresholds: the levels and the ticker say so
            assert any(level != Level.OK for level in state.levels.values())
            assert any(a.level == Level.CRITICAL for a in state.alerts)
            # 200 queues do not fit: the board pages and rotates
            assert window.board.pager.pages > 1
            page = window.board.pager.page
            await until(lambda: window.board.pager.page != page, within=5)
        finally:
            task.cancel()
            with suppress(asyncio.CancelledError):
                await task
            window.close()
            await control.delete("/sandbox/scale")
            for queue in QUEUES:
                await control.delete(f"/sandbox/queues/{queue.id}/load")
            await gateway.logout()
            await gateway.aclose()


async def test_an_advisor_cannot_open_the_wallboard(sandbox: SandboxServer) -> None:
    gateway = GatewayClient(sandbox.base_url)
    try:
        session = await gateway.login("alice", DEMO_PASSWORD)
        assert allowed_modes(session.capabilities) == ["advisor"]
        with pytest.raises(GatewayError) as refused:
            async for _event in GatewayWallboard(gateway).wallboard_events():
                pass
        assert refused.value.status == 403 and refused.value.code == "forbidden"
        response = await gateway._http.get("/v1/agents", headers=gateway._headers(False))
        assert response.status_code == 403
        response = await gateway._http.get(
            "/v1/wallboard/snapshot", headers=gateway._headers(False)
        )
        assert response.status_code == 403
    finally:
        await gateway.logout()
        await gateway.aclose()
