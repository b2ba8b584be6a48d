"""The durable outbox over the real wire: a wrap-up reaches the sandbox exactly once
whether the server is down, the answer is lost, or the desktop process is killed."""

from __future__ import annotations

import asyncio
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest
from e2e_helpers import until
from fault_proxy import FaultProxy
from outbox_helpers import call_in_wrap_up, deliveries, durable_session, proxied_session

from agent_desktop.adapters.outbox import SqliteOutboxStore
from agent_desktop.domain.events import Link
from agent_desktop.ports.outbox import ItemState
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.services.outbox import OutboxChanged

pytestmark = pytest.mark.asyncio

CHILD = Path(__file__).with_name("outbox_child.py")


def pending_in(path: Path) -> int:
    with sqlite3.connect(path) as db:
        return int(db.execute("SELECT COUNT(*) FROM items WHERE state = 'pending'").fetchone()[0])


async def test_wrap_up_while_server_down_is_delivered_once_when_it_is_back(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    own = SandboxServer(port=0, seed=7, data_dir=sandbox.config.data_dir, auto_calls=False)
    await asyncio.to_thread(own.start)
    try:
        url = own.base_url
        async with durable_session(url, url, tmp_path / "outbox.sqlite3") as (desktop, control):
            iid = await call_in_wrap_up(desktop, control)
            statuses: list[OutboxChanged] = []
            desktop.bus.subscribe(OutboxChanged, statuses.append)

            await asyncio.to_thread(own.stop)  # a real stop: the port is closed
            await until(lambda: desktop.stream.link != Link.ONLINE)
            assert await desktop.wrap_up(iid, "resolved", "Opposition faite", True)
            assert desktop.wrap_up_pending(iid)
            status = desktop.outbox.status()
            assert status.pending == 1 and status.oldest_created_at is not None
            assert statuses and statuses[-1].pending == 1

            await asyncio.to_thread(own.start)  # same port, the contact centre kept
            await until(lambda: not desktop.outbox.pending(), within=30)
            await until(lambda: iid not in desktop.calls.interactions)
            assert statuses[-1].pending == 0
            applied, _replays = await deliveries(control, iid)
            assert len(applied) == 1
            assert applied[0]["code"] == "resolved"
            state = (await control.get("/sandbox/state")).json()
            ended = {i["id"] for i in state.get("interactions", []) if i["state"] == "ended"}
            assert iid not in ended
    finally:
        await asyncio.to_thread(own.stop)


async def test_retry_after_a_lost_response_applies_the_wrap_up_once(
    sandbox: SandboxServer, tmp_path: Path
) -> None:
    async with proxied_session(sandbox.base_url, tmp_path / "outbox.sqlite3") as session:
        proxy, desktop, control = session
        iid = await call_in_wrap_up(desktop, control)
        _, replays_before = await deliveries(control)
        proxy.mode = "drop_response_once"
        assert await desktop.wrap_up(iid, "resolved", "Réponse perdue", False)
        await until(lambda: not desktop.outbox.pending(), within=30)
        assert proxy.matched >= 2  # the first attempt and at least one retry
        applied, replays = await deliveries(control, iid)
        assert len(applied) == 1
        assert replays > replays_before  # the retry was answered from the key
        item = desktop.outbox.store.get(1)
        assert item is not None and item.state == ItemState.SENT and item.attempts >= 2


@pytest.mark.parametrize("fault", ["hold_request", "hold_response"])
async def test_desktop_killed_after_the_click_delivers_once_after_restart(
    sandbox: SandboxServer, tmp_path: Path, fault: str
) -> None:
    outbox = tmp_path / "outbox.sqlite3"
    host, port = "127.0.0.1", int(sandbox.base_url.rsplit(":", 1)[1])
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    with FaultProxy(host, port) as proxy:
        own = tmp_path / "own.sqlite3"
        async with durable_session(sandbox.base_url, sandbox.base_url, own) as (desktop, control):
            iid = await call_in_wrap_up(desktop, control)
            proxy.mode = fault
            child = await asyncio.create_subprocess_exec(
                sys.executable, str(CHILD), proxy.base_url, str(outbox), "wrap", iid,
                stdout=subprocess.PIPE, env=env,
            )  # fmt: skip
            assert child.stdout is not None
            line = await asyncio.wait_for(child.stdout.readline(), 60)
            assert line.strip() == b"clicked"
            await until(lambda: proxy.matched >= 1, within=30)
            if fault == "hold_response":  # the server applied it; the answer never came
                for _ in range(500):
                    if (await deliveries(control, iid))[0]:
                        break
                    await asyncio.sleep(0.02)
            child.send_signal(signal.SIGKILL)
            await child.wait()
            assert pending_in(outbox) == 1  # the click survived the kill

            resumed = await asyncio.create_subprocess_exec(
                sys.executable, str(CHILD), sandbox.base_url, str(outbox), "resume",
                stdout=subprocess.PIPE, env=env,
            )  # fmt: skip
            out, _ = await asyncio.wait_for(resumed.communicate(), 90)
            assert resumed.returncode == 0
            # hold_request: the server still has the call in wrap-up when the new process
            # logs in; hold_response: the server had already closed it.
            calls = 1 if fault == "hold_request" else 0
            assert out.decode().strip() == f"pending 0 delivered True calls {calls} recovered True"
            applied, _replays = await deliveries(control, iid)
            assert len(applied) == 1
            await until(lambda: iid not in desktop.calls.interactions)
            store = SqliteOutboxStore(outbox)
            try:
                (item,) = store.all_items()
                assert item.state == ItemState.SENT
            finally:
                store.close()
