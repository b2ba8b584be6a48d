"""Fixtures for the sandbox tests: one real server on a free loopback port for the session,
plain httpx clients, logged-in agents that clean up after themselves, and a small SSE reader.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from sandbox_helpers import LoggedIn, SseStream, login

from agent_desktop.sandbox.server import SandboxServer


@pytest.fixture(scope="session")
def data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("sandbox-data")


@pytest.fixture(scope="session")
def sandbox(data_dir: Path) -> Iterator[SandboxServer]:
    server = SandboxServer(port=0, seed=7, data_dir=data_dir, transcript_interval=0)
    server.start()
    try:
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="session")
def client(sandbox: SandboxServer) -> Iterator[httpx.Client]:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as c:
        yield c


def _clean_up(agent: LoggedIn) -> None:
    """Finish whatever the test left open so the next test finds an idle agent."""
    for call in agent.get("/v1/interactions").json()["interactions"]:
        if call["state"] in ("offered", "connected", "held"):
            agent.client.post(f"/sandbox/calls/{call['id']}/customer-hangup")
    for call in agent.get("/v1/interactions").json()["interactions"]:
        if call["state"] == "ended":
            code = "resolved" if call.get("wrap_up_code_required") else None
            agent.post(f"/v1/interactions/{call['id']}/wrapup", json={"code": code})
    agent.put("/v1/agent/state", json={"state": "not_ready", "reason_code": "break"})
    agent.client.delete("/v1/sessions/current", headers=agent.headers)


@pytest.fixture
def agent_login(client: httpx.Client) -> Iterator[Callable[[str], LoggedIn]]:
    made: list[LoggedIn] = []

    def make(username: str) -> LoggedIn:
        agent = login(client, username)
        made.append(agent)
        return agent

    yield make
    for agent in made:
        _clean_up(agent)


@pytest.fixture
def alice(agent_login: Callable[[str], LoggedIn]) -> LoggedIn:
    return agent_login("alice")


@pytest.fixture
def bob(agent_login: Callable[[str], LoggedIn]) -> LoggedIn:
    return agent_login("bob")


@pytest.fixture(autouse=True)
def _restore_scenario(request: pytest.FixtureRequest) -> Iterator[None]:
    yield
    if "sandbox" in request.fixturenames:
        sandbox: SandboxServer = request.getfixturevalue("sandbox")
        httpx.post(
            sandbox.base_url + "/sandbox/scenario",
            json={"auto_calls": False, "transcript_interval": 0, "offer_timeout": 30},
            timeout=10,
        )


@pytest.fixture
def stream(sandbox: SandboxServer) -> Iterator[Callable[..., SseStream]]:
    opened: list[SseStream] = []

    def open_stream(agent: LoggedIn, **kw: Any) -> SseStream:
        s = SseStream(sandbox.base_url, agent.token, **kw)
        opened.append(s)
        return s

    yield open_stream
    for s in opened:
        s.close()
