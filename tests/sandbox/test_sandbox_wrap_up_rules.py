"""The sandbox enforces each queue's wrap-up policy over real HTTP: a code where one is
required, the ACW limit (the server ends after-call work itself, a late wrap-up is still
stored once), and queues whose wrap-up does not block routing (several wrap-ups open)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sandbox_helpers import LoggedIn, login, wait_until

from agent_desktop.sandbox.data.reference import QUEUES
from agent_desktop.sandbox.server import SandboxServer


@pytest.fixture
def policy(client: httpx.Client) -> Iterator[Any]:
    """Change a queue's wrap-up policy for one test; every queue is put back after."""

    def change(queue_id: str, **rules: Any) -> dict[str, Any]:
        r = client.put(f"/sandbox/queues/{queue_id}/wrap-up-policy", json=rules)
        assert r.status_code == 200, r.text
        return dict(r.json())

    yield change
    for q in QUEUES:
        change(
            q.id,
            wrap_up_code_required=q.wrap_up_code_required,
            acw_limit_seconds=q.acw_limit_seconds,
            wrap_up_blocks_routing=True,
        )


def ended_call(agent: LoggedIn, queue_id: str) -> dict[str, Any]:
    agent.ready()
    cid = agent.offer(queue_id=queue_id)["id"]
    assert agent.post(f"/v1/interactions/{cid}/answer").status_code == 200
    r = agent.post(f"/v1/interactions/{cid}/hangup")
    assert r.status_code == 200, r.text
    return dict(r.json())


def stored(client: httpx.Client, interaction_id: str) -> list[dict[str, Any]]:
    body = client.get("/sandbox/deliveries").json()
    return [d for d in body["wrap_ups"] if d["interaction_id"] == interaction_id]


def test_a_code_is_required_where_the_queue_says_so(alice: LoggedIn, client: httpx.Client) -> None:
    call = ended_call(alice, "cartes")
    assert call["wrap_up_code_required"] is True
    cid = call["id"]
    r = alice.post(f"/v1/interactions/{cid}/wrapup", json={"notes": "Opposition faite"})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "wrap_up_code_required"
    assert "code" in error["message"]
    assert "card_blocked" in error["details"]["wrap_up_codes"]
    # nothing changed: still in wrap-up, nothing stored
    assert alice.state()["state"] == "after_call_work"
    assert stored(client, cid) == []
    r = alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "card_blocked", "notes": "ok"})
    assert r.status_code == 200
    assert (r.json()["state"], r.json()["closed_by"]) == ("closed", "wrap_up")
    assert [d["code"] for d in stored(client, cid)] == ["card_blocked"]


def test_no_code_is_fine_on_a_queue_without_the_rule(alice: LoggedIn) -> None:
    call = ended_call(alice, "particuliers")
    assert call["wrap_up_code_required"] is False
    r = alice.post(f"/v1/interactions/{call['id']}/wrapup", json={})
    assert r.status_code == 200


def test_acw_limit_closes_the_call_and_a_late_wrap_up_is_stored_once(
    alice: LoggedIn, client: httpx.Client
) -> None:
    call = ended_call(alice, "particuliers")
    cid = call["id"]
    assert call["acw_limit_seconds"] == 60
    alice.put("/v1/agent/state", json={"state": "not_ready", "reason_code": "lunch"})
    r = client.post(f"/sandbox/calls/{cid}/acw-expire")  # what the timer does at 60 s
    assert r.status_code == 200
    assert (r.json()["state"], r.json()["closed_by"]) == ("closed", "acw_limit")
    agent = alice.state()
    assert (agent["state"], agent["reason_code"]) == ("not_ready", "lunch")  # as queued
    assert alice.get("/v1/interactions").json()["interactions"] == []
    assert cid in client.get("/sandbox/deliveries").json()["acw_closed"]
    assert stored(client, cid) == []  # the automatic close is not an agent's wrap-up

    key = {"Idempotency-Key": f"late-{cid}"}
    late = {"code": "resolved", "notes": "Notes finies après la limite"}
    first = alice.post(f"/v1/interactions/{cid}/wrapup", json=late, headers=key)
    assert first.status_code == 200, first.text
    assert first.json()["closed_by"] == "acw_limit"
    again = alice.post(f"/v1/interactions/{cid}/wrapup", json=late, headers=key)
    assert again.status_code == 200
    assert again.headers["idempotent-replayed"] == "true"
    (kept,) = stored(client, cid)
    assert kept["late"] is True and kept["notes"] == late["notes"]
    # a second, different wrap-up of the same call is refused: one per interaction
    other = alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "resolved"})
    assert other.status_code == 409
    assert client.post(f"/sandbox/calls/{cid}/acw-expire").status_code == 409


def test_the_acw_timer_fires_by_itself(alice: LoggedIn, client: httpx.Client, policy: Any) -> None:
    policy("particuliers", acw_limit_seconds=1)
    call = ended_call(alice, "particuliers")
    assert call["acw_limit_seconds"] == 1
    wait_until(lambda: alice.state()["state"] == "ready")
    assert call["id"] in client.get("/sandbox/deliveries").json()["acw_closed"]


def test_a_wrap_up_that_does_not_block_routing_leaves_two_open(
    alice: LoggedIn, client: httpx.Client, policy: Any
) -> None:
    policy("particuliers", wrap_up_blocks_routing=False)
    first = ended_call(alice, "particuliers")
    assert first["wrap_up_blocks_routing"] is False
    assert alice.state()["state"] == "ready"  # routed again while the wrap-up stays open
    second = ended_call(alice, "cartes")  # a blocking queue
    assert alice.state()["state"] == "after_call_work"
    open_ids = {i["id"] for i in alice.get("/v1/interactions").json()["interactions"]}
    assert open_ids == {first["id"], second["id"]}

    # the non-blocking one first, asking for a break: queued, the agent is still in ACW
    nxt = {"state": "not_ready", "reason_code": "break"}
    r = alice.post(f"/v1/interactions/{first['id']}/wrapup", json={"next_state": nxt})
    assert r.status_code == 200
    agent = alice.state()
    assert agent["state"] == "after_call_work" and agent["next_state"] == nxt
    r = alice.post(f"/v1/interactions/{second['id']}/wrapup", json={"code": "resolved"})
    assert r.status_code == 200
    agent = alice.state()
    assert (agent["state"], agent["reason_code"]) == ("not_ready", "break")
    assert len(stored(client, first["id"])) == len(stored(client, second["id"])) == 1


def test_policy_control_refuses_an_unknown_queue(client: httpx.Client) -> None:
    assert client.put("/sandbox/queues/nope/wrap-up-policy", json={}).status_code == 404


def test_the_acw_timer_survives_an_in_process_restart(data_dir: Any) -> None:
    """The HTTP server restarted in the same process (calls kept): the ACW timer of a call
    in wrap-up is armed again on the new loop and still closes it."""
    server = SandboxServer(port=0, seed=7, data_dir=data_dir, transcript_interval=0)
    server.start()
    try:
        with httpx.Client(base_url=server.base_url, timeout=10) as client:
            r = client.put(
                "/sandbox/queues/particuliers/wrap-up-policy", json={"acw_limit_seconds": 2}
            )
            assert r.status_code == 200
            agent = login(client, "bob")
            call = ended_call(agent, "particuliers")
            server.stop()
            server.start()  # same port, the contact centre kept
            wait_until(lambda: agent.state()["state"] == "ready", timeout=10)
            body = client.get("/sandbox/deliveries").json()
            assert call["id"] in body["acw_closed"] and body["restarts"] == 1
    finally:
        server.stop()
