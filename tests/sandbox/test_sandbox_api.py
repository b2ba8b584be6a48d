"""Sessions, authorisation, the error format and the request limits."""

from __future__ import annotations

import httpx
import pytest
from sandbox_helpers import LoggedIn, login

from agent_desktop.sandbox.users import DEMO_PASSWORD, DEMO_USERS

GETS = [
    "/v1/agent",
    "/v1/interactions",
    "/v1/customers/C100001",
    "/v1/customers/search?q=martin",
    "/v1/kb/search?q=carte",
    "/v1/experts",
    "/v1/queues/stats",
    "/v1/codes",
    "/v1/agents",
    "/v1/events",
]


def test_demo_users() -> None:
    assert DEMO_USERS["alice"].name == "Alice Martin"
    assert set(DEMO_USERS["alice"].queues) == {"particuliers", "cartes"}
    assert DEMO_USERS["sophie"].role == "supervisor"
    assert {"wallboard", "agents.read"} <= set(DEMO_USERS["sophie"].capabilities)
    assert "extended" in DEMO_USERS["marc"].capabilities
    assert "bob" in DEMO_USERS


def test_login_returns_token_role_capabilities(alice: LoggedIn) -> None:
    body = alice.login
    assert body["role"] == "agent"
    assert "calls" in body["capabilities"]
    assert body["agent"]["state"] == "not_ready"
    assert body["protocol_version"] == "1"


def test_second_login_keeps_the_state(alice: LoggedIn, client: httpx.Client) -> None:
    alice.ready()
    again = login(client, "alice")
    assert again.login["agent"]["state"] == "ready"
    client.delete("/v1/sessions/current", headers=again.headers)
    assert alice.state()["state"] == "ready"  # the first session still holds


def test_wrong_password_is_401_invalid_credentials(client: httpx.Client) -> None:
    for username, password in (("alice", "nope"), ("mallory", DEMO_PASSWORD)):
        r = client.post("/v1/sessions", json={"username": username, "password": password})
        assert r.status_code == 401
        assert r.json()["error"]["code"] == "invalid_credentials"


@pytest.mark.parametrize("path", GETS)
def test_every_resource_needs_a_token(client: httpx.Client, path: str) -> None:
    for headers in ({}, {"Authorization": "Bearer not-a-token"}):
        r = client.get(path, headers=headers)
        assert r.status_code == 401, path
        assert r.json() == {
            "error": {
                "code": "unauthorized",
                "message": "a valid bearer token is required",
                "details": {},
            }
        }


def test_logout_ends_the_session(client: httpx.Client) -> None:
    agent = login(client, "marc")
    assert client.delete("/v1/sessions/current", headers=agent.headers).status_code == 204
    assert agent.get("/v1/agent").status_code == 401
    sophie = login(client, "sophie")
    roster = {a["id"]: a for a in sophie.get("/v1/agents").json()["agents"]}
    assert roster["marc"]["state"] == "logged_out"
    client.delete("/v1/sessions/current", headers=sophie.headers)


def test_agents_roster_is_for_supervisors(alice: LoggedIn, client: httpx.Client) -> None:
    r = alice.get("/v1/agents")
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "forbidden"
    sophie = login(client, "sophie")
    try:
        assert sophie.login["role"] == "supervisor"
        roster = sophie.get("/v1/agents").json()["agents"]
        assert {a["id"] for a in roster} == set(DEMO_USERS)
    finally:
        client.delete("/v1/sessions/current", headers=sophie.headers)


def test_validation_errors_use_the_error_format(client: httpx.Client, alice: LoggedIn) -> None:
    r = client.post("/v1/sessions", json={"username": "alice"})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "invalid_request"
    assert error["details"]["errors"][0]["loc"] == ["body", "password"]
    r = client.post(
        "/v1/sessions", content=b"{broken", headers={"Content-Type": "application/json"}
    )
    assert r.json()["error"]["code"] == "invalid_request"
    r = alice.get("/v1/kb/search", params={"q": "carte", "limit": 0})
    assert r.status_code == 422


def test_unknown_path_and_method_use_the_error_format(client: httpx.Client) -> None:
    r = client.get("/v1/nothing-here")
    assert (r.status_code, r.json()["error"]["code"]) == (404, "not_found")
    r = client.delete("/v1/codes")
    assert (r.status_code, r.json()["error"]["code"]) == (405, "method_not_allowed")


def test_ten_megabyte_body_is_413_and_the_server_lives_on(
    client: httpx.Client, alice: LoggedIn
) -> None:
    big = b"x" * (10 * 1024 * 1024)
    r = client.post("/v1/sessions", content=big, headers={"Content-Type": "application/json"})
    assert r.status_code == 413
    assert r.json()["error"]["code"] == "payload_too_large"

    def chunks() -> object:
        for _ in range(10):
            yield b"y" * (1024 * 1024)

    r = alice.post("/v1/interactions/x/wrapup", content=chunks())  # chunked, no length
    assert r.status_code == 413
    assert alice.get("/v1/agent").status_code == 200


def test_codes_experts_and_queues(alice: LoggedIn) -> None:
    codes = alice.get("/v1/codes").json()
    reasons = {c["code"]: c for c in codes["not_ready"]}
    assert {"lunch", "training", "break", "meeting", "back_office", "missed"} <= set(reasons)
    assert reasons["lunch"]["label_fr"] == "Pause déjeuner"
    assert reasons["lunch"]["label_en"] == "Lunch"
    assert len(codes["wrap_up"]) >= 5
    experts = alice.get("/v1/experts").json()["experts"]
    assert len(experts) == 12
    assert all(e["skills"] and e["department"] for e in experts)
    queues = alice.get("/v1/queues/stats").json()["queues"]
    assert {q["queue_id"] for q in queues} == {
        "particuliers",
        "professionnels",
        "cartes",
        "energie",
    }


def test_control_can_set_an_expert_presence(alice: LoggedIn, client: httpx.Client) -> None:
    r = client.put("/sandbox/experts/exp-02/presence", json={"presence": "do_not_disturb"})
    assert r.status_code == 200
    experts = {e["id"]: e for e in alice.get("/v1/experts").json()["experts"]}
    assert experts["exp-02"]["presence"] == "do_not_disturb"
    state = client.get("/sandbox/state").json()
    assert state["agents"]["alice"]["state"] == "not_ready"
    assert len(state["shared_numbers"]) >= 10 and len(state["unknown_numbers"]) >= 10
