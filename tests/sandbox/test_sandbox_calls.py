"""Call flows through real HTTP: states, allowed actions, idempotency, timeouts, hang-ups."""

from __future__ import annotations

import httpx
from sandbox_helpers import LoggedIn, wait_until


def test_full_call_flow_drives_both_state_machines(alice: LoggedIn) -> None:
    assert alice.state()["state"] == "not_ready"
    assert alice.state()["reason_code"] == "login"
    assert alice.ready()["state"] == "ready"

    call = alice.offer(phone="06 12 34 56 78", intent="lost_or_stolen_card", language="fr")
    assert call["state"] == "offered"
    assert call["allowed_actions"] == ["answer", "reject"]
    assert call["attached_data"]["caller_number"] == "06 12 34 56 78"
    assert call["attached_data"]["intent_label"] == "Carte perdue ou volée"
    assert alice.state()["state"] == "reserved"
    cid = call["id"]

    snapshot = alice.get("/v1/interactions").json()
    assert [i["id"] for i in snapshot["interactions"]] == [cid]
    assert snapshot["last_event_id"] > 0

    steps = [
        ("answer", "connected", ["hold", "mute", "dtmf", "hangup", "blind_transfer"], "busy"),
        ("mute", "connected", ["hold", "unmute", "dtmf", "hangup", "blind_transfer"], "busy"),
        ("hold", "held", ["retrieve", "hangup", "blind_transfer"], "busy"),
        ("retrieve", "connected", ["hold", "unmute", "dtmf", "hangup", "blind_transfer"], "busy"),
        ("unmute", "connected", ["hold", "mute", "dtmf", "hangup", "blind_transfer"], "busy"),
        ("hangup", "ended", ["wrapup"], "after_call_work"),
    ]
    for action, state, allowed, agent_state in steps:
        r = alice.post(f"/v1/interactions/{cid}/{action}")
        assert r.status_code == 200, (action, r.text)
        assert r.json()["state"] == state
        assert r.json()["allowed_actions"] == allowed, action
        assert alice.state()["state"] == agent_state
    assert r.json()["end_reason"] == "agent_hangup"

    r = alice.post(
        f"/v1/interactions/{cid}/wrapup",
        json={
            "code": "card_blocked",
            "notes": "Opposition faite",
            "first_contact_resolution": True,
        },
    )
    assert r.status_code == 200
    assert r.json()["state"] == "closed"
    assert r.json()["allowed_actions"] == []
    assert alice.state()["state"] == "ready"
    assert alice.get("/v1/interactions").json()["interactions"] == []


def test_dtmf_is_validated_and_allowed_only_when_connected(alice: LoggedIn) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    r = alice.post(f"/v1/interactions/{cid}/dtmf", json={"digits": "12#"})
    assert r.status_code == 409
    alice.post(f"/v1/interactions/{cid}/answer")
    assert alice.post(f"/v1/interactions/{cid}/dtmf", json={"digits": "12#"}).status_code == 200
    bad = alice.post(f"/v1/interactions/{cid}/dtmf", json={"digits": "12x"})
    assert bad.status_code == 422
    assert bad.json()["error"]["code"] == "invalid_request"


def test_action_not_allowed_is_409_with_allowed_actions(alice: LoggedIn) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    r = alice.post(f"/v1/interactions/{cid}/hold")
    assert r.status_code == 409
    error = r.json()["error"]
    assert error["code"] == "action_not_allowed"
    assert error["details"]["allowed_actions"] == ["answer", "reject"]


def test_unknown_or_foreign_interaction_is_404(alice: LoggedIn, bob: LoggedIn) -> None:
    assert alice.post("/v1/interactions/int-nope/answer").json()["error"]["code"] == "not_found"
    alice.ready()
    cid = alice.offer()["id"]
    r = bob.post(f"/v1/interactions/{cid}/answer")
    assert r.status_code == 404


def test_idempotency_key_replays_the_first_response(alice: LoggedIn) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    key = {"Idempotency-Key": "answer-once-1"}
    first = alice.post(f"/v1/interactions/{cid}/answer", headers=key)
    second = alice.post(f"/v1/interactions/{cid}/answer", headers=key)
    assert first.status_code == second.status_code == 200
    assert first.json() == second.json()
    assert second.headers.get("idempotent-replayed") == "true"
    # without the key the same command is really applied again, and refused
    assert alice.post(f"/v1/interactions/{cid}/answer").status_code == 409
    # the same key on another command is refused
    other = alice.post(f"/v1/interactions/{cid}/hold", headers=key)
    assert other.status_code == 422
    assert other.json()["error"]["code"] == "idempotency_key_reused"
    # a wrap-up sent twice with one key closes once
    alice.post(f"/v1/interactions/{cid}/hangup")
    wrap = {"Idempotency-Key": "wrap-1"}
    a = alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "resolved"}, headers=wrap)
    b = alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "resolved"}, headers=wrap)
    assert a.status_code == b.status_code == 200
    assert b.json()["state"] == "closed"


def test_reject_makes_the_agent_ready(alice: LoggedIn) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    r = alice.post(f"/v1/interactions/{cid}/reject")
    assert r.json()["state"] == "rejected"
    assert r.json()["allowed_actions"] == []
    assert alice.state()["state"] == "ready"


def test_blind_transfer_ends_the_call(alice: LoggedIn) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    alice.post(f"/v1/interactions/{cid}/answer")
    bad = alice.post(f"/v1/interactions/{cid}/blind-transfer", json={"target": "nowhere"})
    assert bad.status_code == 422
    r = alice.post(f"/v1/interactions/{cid}/blind-transfer", json={"target": "energie"})
    assert r.json()["state"] == "ended"
    assert r.json()["end_reason"] == "transferred"
    assert alice.state()["state"] == "after_call_work"


def test_state_asked_while_busy_is_queued_then_applied(alice: LoggedIn) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    alice.post(f"/v1/interactions/{cid}/answer")
    r = alice.put("/v1/agent/state", json={"state": "not_ready", "reason_code": "lunch"})
    assert r.status_code == 200
    assert r.json()["state"] == "busy"
    assert r.json()["next_state"] == {"state": "not_ready", "reason_code": "lunch"}
    alice.post(f"/v1/interactions/{cid}/hangup")
    alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "resolved"})
    agent = alice.state()
    assert (agent["state"], agent["reason_code"], agent["next_state"]) == (
        "not_ready",
        "lunch",
        None,
    )


def test_wrapup_next_state_overrides_the_queued_one(alice: LoggedIn) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    alice.post(f"/v1/interactions/{cid}/answer")
    alice.put("/v1/agent/state", json={"state": "not_ready", "reason_code": "lunch"})
    alice.post(f"/v1/interactions/{cid}/hangup")
    unknown = alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "nope"})
    assert unknown.status_code == 422
    alice.post(
        f"/v1/interactions/{cid}/wrapup",
        json={"code": "resolved", "next_state": {"state": "not_ready", "reason_code": "training"}},
    )
    assert alice.state()["reason_code"] == "training"


def test_not_ready_needs_a_known_reason(alice: LoggedIn) -> None:
    r = alice.put("/v1/agent/state", json={"state": "not_ready"})
    assert r.status_code == 422
    assert "lunch" in r.json()["error"]["details"]["reason_codes"]
    r = alice.put("/v1/agent/state", json={"state": "not_ready", "reason_code": "meeting"})
    assert r.json()["reason_code"] == "meeting"


def test_customer_hangup_while_offered_is_abandon(alice: LoggedIn, client: httpx.Client) -> None:
    alice.ready()
    cid = alice.offer()["id"]
    r = client.post(f"/sandbox/calls/{cid}/customer-hangup")
    assert r.json()["state"] == "missed"
    assert r.json()["end_reason"] == "caller_abandoned"
    assert alice.state()["state"] == "ready"
    assert client.post(f"/sandbox/calls/{cid}/customer-hangup").status_code == 409


def test_customer_hangup_while_connected_or_held(alice: LoggedIn, client: httpx.Client) -> None:
    for hold in (False, True):
        alice.ready()
        cid = alice.offer()["id"]
        alice.post(f"/v1/interactions/{cid}/answer")
        if hold:
            alice.post(f"/v1/interactions/{cid}/hold")
        r = client.post(f"/sandbox/calls/{cid}/customer-hangup")
        assert (r.json()["state"], r.json()["end_reason"]) == ("ended", "customer_hangup")
        assert r.json()["allowed_actions"] == ["wrapup"]
        assert alice.state()["state"] == "after_call_work"
        alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "resolved"})


def test_unanswered_offer_is_missed_and_agent_not_ready(
    alice: LoggedIn, client: httpx.Client
) -> None:
    client.post("/sandbox/scenario", json={"offer_timeout": 0.3})
    alice.ready()
    cid = alice.offer()["id"]

    def missed() -> bool:
        return alice.state()["state"] == "not_ready"

    wait_until(missed)
    assert alice.state()["reason_code"] == "missed"
    assert alice.get("/v1/interactions").json()["interactions"] == []
    r = alice.post(f"/v1/interactions/{cid}/answer")
    assert r.status_code == 409


def test_control_api_refuses_an_agent_who_cannot_take_a_call(
    alice: LoggedIn, client: httpx.Client
) -> None:
    r = client.post("/sandbox/calls", json={"agent": "alice"})  # not ready yet
    assert r.status_code == 409
    assert r.json()["error"]["code"] == "agent_unavailable"
    assert client.post("/sandbox/calls", json={"agent": "nobody"}).status_code == 404
    alice.ready()
    r = client.post("/sandbox/calls", json={})  # default: the first ready agent
    assert r.status_code == 201
    assert alice.state()["state"] == "reserved"


def test_queue_stats_follow_live_agents(alice: LoggedIn, bob: LoggedIn) -> None:
    def stats() -> dict[str, dict[str, object]]:
        body = alice.get("/v1/queues/stats").json()
        return {q["queue_id"]: q for q in body["queues"]}

    before = stats()
    assert len(before) == 4
    alice.ready()
    after = stats()
    assert after["cartes"]["agents_ready"] == before["cartes"]["agents_ready"] + 1
    assert after["particuliers"]["not_ready_by_reason"].get("login", 0) >= 1  # bob
