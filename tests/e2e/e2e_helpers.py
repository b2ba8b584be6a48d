"""Helpers for async end-to-end tests: wait for bus events and conditions without
blocking the loop, and leave the sandbox agent clean."""

from __future__ import annotations

import asyncio
import contextlib
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import httpx
from PySide6.QtCore import QSettings

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.domain.agent import AgentState
from agent_desktop.domain.events import DomainEvent
from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD
from agent_desktop.services.desktop import Desktop
from agent_desktop.services.event_bus import EventBus
from agent_desktop.ui.main_window import MainWindow

E = TypeVar("E", bound=DomainEvent)


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
        code = "resolved" if interaction.wrap_up_code_required else None
        await desktop.wrap_up(interaction.id, code)
    if desktop.not_ready_reasons:
        await desktop.set_state(AgentState.NOT_READY, desktop.not_ready_reasons[0].code)
    await desktop.logout()


@contextlib.asynccontextmanager
async def session_as(
    sandbox: SandboxServer, username: str = "alice"
) -> AsyncIterator[tuple[Desktop, httpx.AsyncClient]]:
    """A Desktop logged in over the real wire, and a client for the control API.

    A context manager inside the test rather than an async fixture: qasync runs a task
    left over from one ``run_until_complete`` outside any running loop in the next one,
    which breaks httpx's connection pool, so set-up, test and clean-up share one run.
    """
    gateway = GatewayClient(sandbox.base_url)
    desktop = Desktop(gateway, gateway)
    async with httpx.AsyncClient(base_url=sandbox.base_url, timeout=10) as control:
        await desktop.login(username, DEMO_PASSWORD)
        try:
            yield desktop, control
        finally:
            await clean_up(desktop, control)
            await gateway.aclose()


@contextlib.contextmanager
def advisor_window(desktop: Desktop, tmp_path: Path, lang: str = "en") -> Iterator[MainWindow]:
    """The advisor's real main window over ``desktop``, with its own settings file."""
    settings = QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat)
    window = MainWindow(desktop, lang, settings)
    window.show()
    try:
        yield window
    finally:
        window.close()
        window.deleteLater()


Frame = dict[str, Any]


def frames(response: httpx.Response) -> Iterator[Frame]:
    """Each SSE event as ``{"id", "event", "data"}`` (comments and bare retry skipped)."""
    frame: Frame = {}
    for line in response.iter_lines():
        if not line:
            if "data" in frame:
                yield frame
            frame = {}
        elif not line.startswith(":"):
            field, _, value = line.partition(": ")
            frame[field] = value


@contextmanager
def logged_in(sandbox: SandboxServer, user: str) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as client:
        answer = client.post("/v1/sessions", json={"username": user, "password": DEMO_PASSWORD})
        client.headers["Authorization"] = f"Bearer {answer.json()['token']}"
        try:
            yield client
        finally:
            client.delete("/v1/sessions/current")


def pin(client: httpx.Client, queue: str, waiting: int) -> None:
    answer = client.put(f"/sandbox/queues/{queue}/load", json={"waiting": waiting})
    assert answer.status_code == 200, answer.text
