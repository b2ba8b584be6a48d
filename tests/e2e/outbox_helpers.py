"""Helpers for the outbox's end-to-end tests: a desktop with a real SQLite outbox, a call
driven to after-call work, and what the sandbox says it applied."""

from __future__ import annotations

import asyncio
import contextlib
import gc
from collections.abc import AsyncIterator
from pathlib import Path
from typing import Any

import httpx
from e2e_helpers import clean_up, until
from fault_proxy import FaultProxy

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.outbox import SqliteOutboxStore
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.interaction import Action
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.desktop import Desktop


@contextlib.asynccontextmanager
async def durable_session(
    base_url: str, control_url: str, outbox_path: Path, username: str = "bob"
) -> AsyncIterator[tuple[Desktop, httpx.AsyncClient]]:
    """Like ``session_as`` but with the SQLite outbox at ``outbox_path`` and the desktop
    talking to ``base_url`` (maybe a fault proxy) while control goes to ``control_url``."""
    gateway = GatewayClient(base_url)
    store = SqliteOutboxStore(outbox_path)
    desktop = Desktop(gateway, gateway, outbox_store=store)
    async with httpx.AsyncClient(base_url=control_url, timeout=10) as control:
        await desktop.login(username, DEMO_PASSWORD)
        try:
            yield desktop, control
        finally:
            with contextlib.suppress(Exception):
                await clean_up(desktop, control)
            await gateway.aclose()
            store.close()
            await settle()


@contextlib.asynccontextmanager
async def proxied_session(
    sandbox_url: str, outbox_path: Path
) -> AsyncIterator[tuple[FaultProxy, Desktop, httpx.AsyncClient]]:
    """A durable session whose desktop talks to the sandbox through a fault proxy."""
    host, port = "127.0.0.1", int(sandbox_url.rsplit(":", 1)[1])
    with FaultProxy(host, port) as proxy:
        async with durable_session(proxy.base_url, sandbox_url, outbox_path) as (d, control):
            yield proxy, d, control


async def settle() -> None:
    """Collect garbage while the loop runs: an HTTP stream cut by a server stop leaves
    async generators whose clean-up must run on a loop (not between two qasync runs)."""
    gc.collect()
    for _ in range(5):
        await asyncio.sleep(0.01)


async def call_in_wrap_up(
    desktop: Desktop, control: httpx.AsyncClient, queue_id: str | None = None
) -> str:
    """Ready → offered (from ``queue_id`` if given) → answered → hung up: returns the
    interaction now in wrap-up."""
    assert await desktop.set_state(AgentState.READY)
    assert desktop.agent is not None
    call: dict[str, Any] = {"agent": desktop.agent.id}
    if queue_id is not None:
        call["queue_id"] = queue_id
    answer = await control.post("/sandbox/calls", json=call)
    assert answer.status_code == 201, answer.text
    interaction_id: str = answer.json()["id"]
    await until(lambda: interaction_id in desktop.calls.interactions)
    assert await desktop.act(interaction_id, Action.ANSWER)
    assert await desktop.act(interaction_id, Action.HANGUP)
    return interaction_id


async def deliveries(control: httpx.AsyncClient, interaction_id: str | None = None) -> Any:
    """The sandbox's record: (wrap-ups applied for ``interaction_id``, replays so far)."""
    body = (await control.get("/sandbox/deliveries")).json()
    applied = [d for d in body["wrap_ups"] if interaction_id in (None, d["interaction_id"])]
    return applied, body["idempotent_replays"]
