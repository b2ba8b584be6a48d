"""The supervisor's wallboard under the sandbox's scale simulation: 2 000 agents, 200
queues, 1 000 events a second for a while, shown by the real :class:`WallboardWindow`
(full HD, offscreen) fed by the real service over the wire.

Measured in a process of its own, as a wall screen runs it (``python -m
agent_desktop.bench.wallboard URL SECONDS``, started by the bench; the sandbox runs in
another one): the event loop's lag (its longest stall), the board's repaints per second
and the CPU time the process used. Run after the advisor's soak in the same process, it
also paid for what the soak left behind (collections of a heap the soak had grown).
"""

from __future__ import annotations

import asyncio
import dataclasses
import json
import os
import subprocess
import sys
import time
from dataclasses import dataclass, field

import httpx

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.gateway.wallboard import GatewayWallboard
from agent_desktop.bench.measure import LagSampler, themed_loop
from agent_desktop.bench.stalls import StallSampler, watching
from agent_desktop.demo_sandbox import DEMO_PASSWORD
from agent_desktop.services.wallboard import WallboardService, WallboardState
from agent_desktop.ui.wallboard import WallboardWindow

AGENTS, QUEUES, RATE = 2000, 200, 1000.0
SNAPSHOT_WAIT = 120.0  # seconds (a loaded machine is slow to build and decode it)


@dataclass
class WallboardResult:
    lag_ms: list[float] = field(default_factory=list)
    lag_cpu_ms: list[float] = field(default_factory=list)  # the GUI thread's CPU, each sample
    lag_wait_ms: list[float] = field(default_factory=list)  # its wait for a core, each sample
    lag_stolen_ms: list[float] = field(default_factory=list)  # the hypervisor's, each sample
    idle_lag_ms: list[float] = field(default_factory=list)
    seconds: float = 0.0
    paints: int = 0
    cpu_seconds: float = 0.0
    idle_cpu_percent: float = 0.0
    events: int = 0
    stalls: str | None = None  # StallSampler.report(), with --stalls

    @property
    def repaints_per_second(self) -> float:
        return self.paints / self.seconds if self.seconds else 0.0

    @property
    def cpu_percent(self) -> float:
        return 100 * self.cpu_seconds / self.seconds if self.seconds else 0.0


async def run_wallboard(
    base_url: str, seconds: float, stalls: StallSampler | None = None
) -> WallboardResult:
    async with httpx.AsyncClient(base_url=base_url, timeout=30) as control:
        # the simulated centre first, then the feed: its first event is then the snapshot
        scale = {"agents": AGENTS, "queues": QUEUES, "events_per_second": 0}
        (await control.post("/sandbox/scale", json=scale)).raise_for_status()
        try:
            return await _under_load(base_url, control, seconds, stalls)
        finally:
            await control.delete("/sandbox/scale")


async def _under_load(
    base_url: str, control: httpx.AsyncClient, seconds: float, stalls: StallSampler | None
) -> WallboardResult:
    result = WallboardResult()
    gateway = GatewayClient(base_url)
    await gateway.login("sophie", DEMO_PASSWORD)
    state = WallboardState()
    window = WallboardWindow(state)
    window.resize(1920, 1080)
    window.show()
    service = WallboardService(GatewayWallboard(gateway), state)
    feed = asyncio.ensure_future(service.run())
    try:
        deadline = time.monotonic() + SNAPSHOT_WAIT
        while len(state.queues) < QUEUES or len(state.agents) < AGENTS:
            if time.monotonic() > deadline:
                raise RuntimeError(
                    f"the wallboard snapshot did not arrive: {len(state.queues)} queues, "
                    f"{len(state.agents)} agents after {SNAPSHOT_WAIT:.0f} s"
                )
            await asyncio.sleep(0.05)
        # the floor: the same window with its timers running, and no events
        cpu, started = time.process_time(), time.perf_counter()
        async with LagSampler() as idle:
            await asyncio.sleep(min(3.0, seconds / 10))
        idle_seconds = time.perf_counter() - started
        result.idle_cpu_percent = 100 * (time.process_time() - cpu) / idle_seconds
        result.idle_lag_ms = list(idle.samples)
        rate = {"events_per_second": RATE}
        (await control.post("/sandbox/scale/rate", json=rate)).raise_for_status()
        paints, events = window.board.paints, state.events
        cpu, started = time.process_time(), time.perf_counter()
        async with LagSampler() as lag, watching(stalls):
            await asyncio.sleep(seconds)
        result.seconds = time.perf_counter() - started
        result.cpu_seconds = time.process_time() - cpu
        result.paints = window.board.paints - paints
        result.events = state.events - events
        result.lag_ms, result.lag_cpu_ms = list(lag.samples), list(lag.cpu_ms)
        result.lag_wait_ms, result.lag_stolen_ms = list(lag.wait_ms), list(lag.stolen_ms)
    finally:
        feed.cancel()
        await asyncio.gather(feed, return_exceptions=True)
        window.close()
        window.deleteLater()
        await gateway.logout()
        await gateway.aclose()
    return result


def run_wallboard_process(base_url: str, seconds: float, stalls: bool = False) -> WallboardResult:
    """:func:`run_wallboard` in a child process (offscreen, the advisor's theme)."""
    command = [sys.executable, "-m", "agent_desktop.bench.wallboard", base_url, str(seconds)]
    env = dict(os.environ, QT_QPA_PLATFORM=os.environ.get("QT_QPA_PLATFORM", "offscreen"))
    done = subprocess.run(
        [*command, *(["--stalls"] if stalls else [])],
        env=env,
        capture_output=True,
        text=True,
        timeout=SNAPSHOT_WAIT + seconds + 120,
        check=False,
    )
    for line in reversed(done.stdout.splitlines()):
        if line.startswith("{"):
            return WallboardResult(**json.loads(line))
    raise RuntimeError(f"the wallboard bench failed: {done.stderr[-2000:]}")


def main(argv: list[str]) -> int:
    """The child's side: ``URL SECONDS [--stalls]``; prints the result as one JSON line."""
    from agent_desktop.gc_pauses import settle

    url, seconds = argv[0], float(argv[1])
    loop = themed_loop()
    sampler = StallSampler() if "--stalls" in argv else None
    with loop:
        settle()  # as the application does once its window is up
        result = loop.run_until_complete(run_wallboard(url, seconds, sampler))
        loop.run_until_complete(loop.shutdown_asyncgens())
    if sampler is not None:
        result.stalls = sampler.report()
    print(json.dumps(dataclasses.asdict(result)), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
