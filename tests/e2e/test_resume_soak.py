"""A scripted shift through the real sandbox while the stream is cut again and again.

200 calls (ring, answer, hang up or customer hang-up, wrap-up through the durable
outbox); before and after random steps the sandbox drops every event stream
(``POST /sandbox/events/drop``), ≥ 50 times in all, and half-way through it is stopped and
started again. Afterwards the desktop's view equals the server's snapshot, every wrap-up
was applied exactly once, and no event was applied twice.
"""

from __future__ import annotations

import asyncio
import json
import os
import random
from collections import Counter
from pathlib import Path

import pytest
from e2e_helpers import until
from outbox_helpers import durable_session

from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import Link
from agent_desktop.domain.interaction import Action
from agent_desktop.ports.telephony import UNNUMBERED, StreamEvent
from agent_desktop.sandbox.server import SandboxServer

pytestmark = [pytest.mark.asyncio, pytest.mark.slow]

CALLS = int(os.environ.get("SOAK_CALLS", "200"))
FIGURES = Path(os.environ.get("SOAK_FIGURES", "build/reliability/soak.json"))


def write_figures(figures: dict[str, int]) -> None:
    FIGURES.parent.mkdir(parents=True, exist_ok=True)
    FIGURES.write_text(json.dumps(figures, indent=2))


async def test_a_shift_of_200_calls_survives_50_stream_drops_and_a_restart(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    rng = random.Random(2026)
    own = SandboxServer(
        port=0, seed=7, data_dir=sandbox.config.data_dir, auto_calls=False,
        offer_timeout=300, transcript_interval=0.2,
    )  # fmt: skip
    await asyncio.to_thread(own.start)
    url = own.base_url
    drops = 0
    restarted = False
    ids: list[str] = []
    try:
        async with durable_session(url, url, tmp_path / "outbox.sqlite3", "alice") as (
            desktop,
            control,
        ):
            applied: list[int] = []
            handle = desktop.stream._handle

            def counting(event: StreamEvent) -> None:
                if event.id != UNNUMBERED:  # the banner's figures carry no id (agent.kpis)
                    applied.append(event.id)
                handle(event)

            desktop.stream._handle = counting
            desktop.stream._base_delay = 0.05  # reconnect fast: this test cuts it often

            async def maybe_drop(chance: float) -> None:
                nonlocal drops
                if rng.random() < chance:
                    answer = await control.post("/sandbox/events/drop")
                    if answer.json()["dropped"]:
                        drops += 1

            assert await desktop.set_state(AgentState.READY)
            for n in range(CALLS):
                if n == CALLS // 2 and not restarted:
                    await asyncio.to_thread(own.stop)
                    await asyncio.to_thread(own.start)
                    restarted = True
                    await until(lambda: desktop.stream.link == Link.ONLINE, within=30)
                await desktop.outbox.flush(within=30)  # the agent is ready again
                await maybe_drop(0.15)
                offer = await control.post("/sandbox/calls", json={"agent": "alice"})
                assert offer.status_code == 201, offer.text
                iid = offer.json()["id"]
                ids.append(iid)
                await until(lambda i=iid: i in desktop.calls.interactions, within=30)
                await maybe_drop(0.15)
                assert await desktop.act(iid, Action.ANSWER)
                await maybe_drop(0.15)
                if rng.random() < 0.3:
                    await control.post(f"/sandbox/calls/{iid}/customer-hangup")
                    await until(
                        lambda i=iid: (
                            (x := desktop.calls.interactions.get(i)) is not None
                            and x.allows(Action.WRAPUP)
                        ),
                        within=30,
                    )
                else:
                    assert await desktop.act(iid, Action.HANGUP)
                await maybe_drop(0.15)
                assert await desktop.wrap_up(iid, "resolved", f"appel {n}", True)
            await desktop.outbox.flush(within=30)

            # the desktop's view equals the server's snapshot
            await until(lambda: desktop.stream.link == Link.ONLINE, within=30)
            server_calls, _ = await desktop._telephony.list_interactions()
            server_agent = await desktop._telephony.get_agent()
            await until(
                lambda: (
                    {i.id: i.state for i in server_calls}
                    == {i.id: i.state for i in desktop.calls.interactions.values()}
                )
            )
            assert desktop.agent is not None
            assert (desktop.agent.state, desktop.agent.reason_code) == (
                server_agent.state,
                server_agent.reason_code,
            )
            # every wrap-up applied exactly once
            body = (await control.get("/sandbox/deliveries")).json()
            counts = Counter(d["interaction_id"] for d in body["wrap_ups"])
            assert all(counts[i] == 1 for i in ids), [i for i in ids if counts[i] != 1]
            # no event applied twice
            assert len(applied) == len(set(applied))
            assert drops >= 50 and restarted
            stream = desktop.stream
            figures = {
                "calls": len(ids),
                "stream_drops": drops,
                "server_restarts": int(restarted),
                "events_applied": stream.applied,
                "duplicates_dropped": stream.duplicates,
                "resyncs": stream.resyncs,
                "reconnects": stream.reconnects,
                "wrap_ups_written": len(ids),
                "wrap_ups_applied": sum(counts[i] for i in ids),
                "outbox_attempts": desktop.outbox.attempts,
                "idempotent_replays": body["idempotent_replays"],
            }
            await asyncio.to_thread(write_figures, figures)
            print("soak figures:", json.dumps(figures))
    finally:
        await asyncio.to_thread(own.stop)
