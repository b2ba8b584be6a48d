"""The in-process part of the bench: the advisor window on a qasync loop, logged in to a
sandbox in another process, taking a run of calls while the event loop's lag is sampled.

Screen-pop is timed from the offer reaching the client to the customer card filled and
painted (a synchronous repaint right after the card is filled); the floor is a plain
loopback HTTP round trip to the same server.
"""

from __future__ import annotations

import asyncio
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

import httpx
from PySide6.QtCore import QSettings

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import ScreenPopReady
from agent_desktop.domain.interaction import Action
from agent_desktop.services.desktop import Desktop

# The sandbox's demo password: the bench only ever talks to a sandbox it started itself.
SANDBOX_PASSWORD = "Sandbox-Demo-2026"
LAG_PERIOD = 0.005  # seconds between two lag samples


@dataclass
class SoakResult:
    round_trips_ms: list[float] = field(default_factory=list)
    pops_ms: list[float] = field(default_factory=list)
    lag_ms: list[float] = field(default_factory=list)
    rss_login_mb: float = 0.0
    rss_after_mb: float = 0.0
    calls: int = 0


async def _sample_lag(into: list[float]) -> None:
    loop = asyncio.get_running_loop()
    while True:
        before = loop.time()
        await asyncio.sleep(LAG_PERIOD)
        into.append(max(0.0, loop.time() - before - LAG_PERIOD) * 1e3)


async def run_soak(base_url: str, calls: int, round_trips: int) -> SoakResult:
    from agent_desktop.app import resident_memory_mb
    from agent_desktop.ui.main_window import MainWindow

    result = SoakResult()
    gateway = GatewayClient(base_url)
    desktop = Desktop(gateway, gateway)
    session = await desktop.login("alice", SANDBOX_PASSWORD)
    headers = {"Authorization": f"Bearer {session.token}"}
    settings_dir = Path(tempfile.mkdtemp(prefix="agent-desktop-bench-"))
    settings = QSettings(str(settings_dir / "bench.ini"), QSettings.Format.IniFormat)
    window = MainWindow(desktop, "fr", settings)
    window.show()

    def on_pop(_event: ScreenPopReady) -> None:
        started = time.perf_counter()
        window.card.repaint()
        painted = time.perf_counter() - started
        result.pops_ms.append((desktop.screen_pop.timings[-1] + painted) * 1e3)

    desktop.bus.subscribe(ScreenPopReady, on_pop)
    async with httpx.AsyncClient(base_url=base_url, timeout=10) as control:
        for _ in range(round_trips):
            started = time.perf_counter()
            (await control.get("/v1/agent", headers=headers)).raise_for_status()
            result.round_trips_ms.append((time.perf_counter() - started) * 1e3)
        result.rss_login_mb = resident_memory_mb() or 0.0
        lag = asyncio.ensure_future(_sample_lag(result.lag_ms))
        try:
            for _ in range(calls):
                await _one_call(desktop, control)
                result.calls += 1
        finally:
            lag.cancel()
            await asyncio.gather(lag, return_exceptions=True)
        result.rss_after_mb = resident_memory_mb() or 0.0
    window.close()
    window.deleteLater()
    await desktop.set_state(AgentState.NOT_READY, desktop.not_ready_reasons[0].code)
    await desktop.logout()
    await gateway.aclose()
    return result


async def _one_call(desktop: Desktop, control: httpx.AsyncClient) -> None:
    """Ready → offered (the sandbox picks the caller) → answer → hang up → wrap up."""
    loop = asyncio.get_running_loop()
    popped: asyncio.Future[str] = loop.create_future()

    def on_pop(event: ScreenPopReady) -> None:
        if not popped.done():
            popped.set_result(event.pop.interaction_id)

    dispose = desktop.bus.subscribe(ScreenPopReady, on_pop)
    try:
        await desktop.set_state(AgentState.READY)
        (await control.post("/sandbox/calls", json={"agent": "alice"})).raise_for_status()
        interaction_id = await asyncio.wait_for(popped, 10)
    finally:
        dispose()
    await desktop.act(interaction_id, Action.ANSWER)
    await desktop.act(interaction_id, Action.HANGUP)
    await desktop.wrap_up(interaction_id, "resolved")  # some queues require a code
