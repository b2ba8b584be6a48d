"""End-to-end fixtures: the real sandbox on a free loopback port, and async tests that
run on a qasync loop (the loop the desktop runs on in production).

Inside an async test never call ``qtbot.waitSignal``/``waitUntil`` (they block the loop):
await :func:`next_event` instead.
"""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import httpx
import pytest
import pytest_asyncio
import qasync
from agent_desktop.sandbox.server import SandboxServer
from PySide6.QtWidgets import QApplication

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.domain.events import DomainEvent
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.event_bus import EventBus

E = TypeVar("E", bound=DomainEvent)


def pytest_asyncio_loop_factories(config: Any, item: Any) -> dict[str, Callable[[], Any]]:
    def make_loop() -> asyncio.AbstractEventLoop:
        app = QApplication.instance() or QApplication([])
        return qasync.QEventLoop(app)

    return {"qasync": make_loop}


@pytest.fixture(scope="session")
def sandbox(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SandboxServer]:
    data_dir: Path = tmp_path_factory.mktemp("sandbox-data")
    server = SandboxServer(port=0, seed=7, data_dir=data_dir, auto_calls=False)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest_asyncio.fixture
async def control(sandbox: SandboxServer) -> AsyncIterator[httpx.AsyncClient]:
    """A plain HTTP client for the sandbox's control API and for reading its state."""
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=10) as client:
        yield client


def next_event(
    bus: EventBus,
    event_type: type[E],
    where: Callable[[E], bool] = lambda _e: True,
    within: float = 10.0,
) -> Awaitable[E]:
    """Subscribe now; the returned awaitable gives the next matching event on the bus.

    Subscribing before the action that causes the event means it cannot be missed.
    """
    future: asyncio.Future[E] = asyncio.get_running_loop().create_future()

    def on_event(event: E) -> None:
        if not future.done() and where(event):
            future.set_result(event)

    dispose = bus.subscribe(event_type, on_event)
    future.add_done_callback(lambda _f: dispose())
    return asyncio.wait_for(future, within)


async def until(predicate: Callable[[], bool], within: float = 10.0) -> None:
    """Poll ``predicate`` while letting the loop run."""
    deadline = asyncio.get_running_loop().time() + within
    while not predicate():
        if asyncio.get_running_loop().time() > deadline:
            raise AssertionError("condition not met in time")
        await asyncio.sleep(0.02)


async def clean_up(desktop: Desktop, control: httpx.AsyncClient) -> None:
    """Leave the agent with no call and not ready, through the real API."""
    for interaction in list(desktop.calls.interactions.values()):
        if interaction.is_live:
            await control.post(f"/sandbox/calls/{interaction.id}/customer-hangup")
    await until(lambda: all(not i.is_live for i in desktop.calls.interactions.values()))
    for interaction in list(desktop.calls.interactions.values()):
        await desktop.wrap_up(interaction.id, None)
    if desktop.not_ready_reasons:
        from agent_desktop.domain.agent import AgentState

        await desktop.set_state(AgentState.NOT_READY, desktop.not_ready_reasons[0].code)
    await desktop.logout()


@pytest_asyncio.fixture
async def logged_in(
    sandbox: SandboxServer, control: httpx.AsyncClient, request: pytest.FixtureRequest
) -> AsyncIterator[Desktop]:
    """A Desktop logged in over the real wire as the user named by ``@pytest.mark.user``."""
    marker = request.node.get_closest_marker("user")
    username = marker.args[0] if marker else "alice"
    gateway = GatewayClient(sandbox.base_url)
    desktop = Desktop(gateway, gateway)
    await desktop.login(username, DEMO_PASSWORD)
    try:
        yield desktop
    finally:
        await clean_up(desktop, control)
        await gateway.aclose()
