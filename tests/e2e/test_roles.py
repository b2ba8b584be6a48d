"""The sandbox refuses supervisor endpoints to an advisor's token (and says so with
403 ``forbidden``), while the supervisor gets them."""

from __future__ import annotations

import httpx
import pytest

from agent_desktop.sandbox.server import SandboxServer
from agent_desktop.sandbox.users import DEMO_PASSWORD

SUPERVISOR_ONLY = ["/v1/agents", "/v1/wallboard/snapshot", "/v1/wallboard/events"]


def token(client: httpx.Client, user: str) -> dict[str, str]:
    answer = client.post("/v1/sessions", json={"username": user, "password": DEMO_PASSWORD})
    return {"Authorization": f"Bearer {answer.json()['token']}"}


@pytest.mark.parametrize("path", SUPERVISOR_ONLY)
def test_advisors_are_refused_supervisor_endpoints(sandbox: SandboxServer, path: str) -> None:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as client:
        for advisor in ("alice", "bob", "marc"):
            headers = token(client, advisor)
            answer = client.get(path, headers=headers)
            assert answer.status_code == 403, (advisor, path, answer.status_code)
            assert answer.json()["error"]["code"] == "forbidden"
            client.delete("/v1/sessions/current", headers=headers)


def test_the_supervisor_gets_the_roster(sandbox: SandboxServer) -> None:
    with httpx.Client(base_url=sandbox.base_url, timeout=10) as client:
        headers = token(client, "sophie")
        assert client.get("/v1/agents", headers=headers).status_code == 200
        assert client.get("/v1/wallboard/snapshot", headers=headers).status_code == 200
        client.delete("/v1/sessions/current", headers=headers)
