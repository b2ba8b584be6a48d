"""TLS: verification is on by default; a custom CA bundle is honoured; turning checks off
takes an explicit setting."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from hostile_server import HostileServer, self_signed, serve_tls

from agent_desktop.adapters.gateway import GatewayClient
from agent_desktop.adapters.gateway.tls import verify_setting
from agent_desktop.ports.telephony import GatewayError

AGENT = {
    "id": "alice", "name": "Alice", "state": "ready", "since": "2026-11-22T09:00:00Z",
    "role": "agent",
}  # fmt: skip


async def _agent(url: str, verify: bool | str) -> str:
    client = GatewayClient(url, verify=verify)
    client.token = "t"
    try:
        return (await client.get_agent()).name
    finally:
        await client.aclose()


@pytest.fixture
def tls_server(tmp_path: Path):
    cert, key = self_signed(tmp_path)
    server = HostileServer()
    server.body = json.dumps(AGENT).encode()
    serve_tls(server, cert, key)
    with server:
        yield server, cert


def test_a_self_signed_server_is_refused_by_default(tls_server) -> None:
    server, _cert = tls_server
    with pytest.raises(GatewayError) as caught:
        asyncio.run(_agent(server.base_url, verify_setting(None, False)))
    assert caught.value.code == "tls_error"


def test_it_is_accepted_with_its_ca_bundle(tls_server) -> None:
    server, cert = tls_server
    assert asyncio.run(_agent(server.base_url, verify_setting(str(cert), False))) == "Alice"


def test_checks_go_off_only_with_the_explicit_setting(tls_server, tmp_path: Path) -> None:
    server, _cert = tls_server
    assert verify_setting(None, True) is False
    assert asyncio.run(_agent(server.base_url, verify_setting(None, True))) == "Alice"
    with pytest.raises(ValueError, match="CA bundle"):
        verify_setting(str(tmp_path / "missing.pem"), False)
