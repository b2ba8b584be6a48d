"""Consult legs, supervised transfer and conference in the sandbox, over plain HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import httpx
import pytest
from sandbox_helpers import LoggedIn, wait_until

EXPERT = "exp-01"


@pytest.fixture(autouse=True)
def _fast_consults(client: httpx.Client) -> Iterator[None]:
    client.post(
        "/sandbox/consult-settings", json={"answer_delay": 0.05, "timeout": 0.5, "decline_rate": 0}
    )
    client.put(f"/sandbox/experts/{EXPERT}/presence", json={"presence": "available"})
    yield
    client.post(
        "/sandbox/consult-settings",
        json={"answer_delay": 2.0, "timeout": 20.0, "decline_rate": 0.1},
    )
    client.put(f"/sandbox/experts/{EXPERT}/presence", json={"presence": "available"})


def connected_call(agent: LoggedIn) -> str:
    agent.ready()
    call = agent.offer(customer_id="C100042", intent="lost_or_stolen_card", identified_by_ivr=True)
    assert agent.post(f"/v1/interactions/{call['id']}/answer").status_code == 200
    return str(call["id"])


def call_of(agent: LoggedIn, call_id: str) -> dict[str, Any]:
    calls = agent.get("/v1/interactions").json()["interactions"]
    return next(c for c in calls if c["id"] == call_id)


def consult(agent: LoggedIn, call_id: str, expert: str = EXPERT) -> dict[str, Any]:
    body = {"expert_id": expert, "context": {"note": "card blocked twice", "summary": "lost card"}}
    r = agent.post(f"/v1/interactions/{call_id}/consult", json=body)
    assert r.status_code == 200, r.text
    return r.json()


def answered(agent: LoggedIn, call_id: str) -> dict[str, Any]:
    return wait_until(
        lambda: (c := call_of(agent, call_id))["consult"]["state"] == "connected" and c
    )


def test_consult_holds_the_customer_and_hands_the_context_over(
    alice: LoggedIn, client: httpx.Client
) -> None:
    call_id = connected_call(alice)
    body = consult(alice, call_id)
    assert body["state"] == "held"
    assert body["consult"]["state"] == "ringing"
    assert body["consult"]["allowed"] == ["cancel"]
    call = answered(alice, call_id)
    assert call["consult"]["allowed"] == ["transfer", "conference", "swap", "cancel"]
    experts = {e["id"]: e for e in alice.get("/v1/experts").json()["experts"]}
    assert experts[EXPERT]["presence"] == "in_a_call"
    handover = [
        h for h in client.get("/sandbox/handovers").json() if h["interaction_id"] == call_id
    ]
    assert handover[0]["context"] == {
        "customer_id": "C100042",
        "intent": "lost_or_stolen_card",
        "summary": "lost card",
        "note": "card blocked twice",
    }


def test_complete_transfer_sends_the_advisor_to_wrap_up(
    alice: LoggedIn, client: httpx.Client
) -> None:
    call_id = connected_call(alice)
    consult(alice, call_id)
    answered(alice, call_id)
    r = alice.post(f"/v1/interactions/{call_id}/consult/transfer")
    assert r.status_code == 200, r.text
    assert r.json()["state"] == "ended"
    assert r.json()["end_reason"] == "transferred"
    assert r.json()["consult"]["state"] == "transferred"
    assert alice.state()["state"] == "after_call_work"
    kinds = [
        h["kind"] for h in client.get("/sandbox/handovers").json() if h["interaction_id"] == call_id
    ]
    assert kinds == ["consult", "transfer"]


def test_swap_alternates_and_cancel_retrieves_the_customer(alice: LoggedIn) -> None:
    call_id = connected_call(alice)
    consult(alice, call_id)
    answered(alice, call_id)
    swapped = alice.post(f"/v1/interactions/{call_id}/consult/swap").json()
    assert (swapped["state"], swapped["consult"]["talking_to"]) == ("connected", "customer")
    back = alice.post(f"/v1/interactions/{call_id}/consult/swap").json()
    assert (back["state"], back["consult"]["talking_to"]) == ("held", "expert")
    cancelled = alice.client.delete(f"/v1/interactions/{call_id}/consult", headers=alice.headers)
    assert cancelled.json()["state"] == "connected"
    assert cancelled.json()["consult"]["state"] == "cancelled"


@pytest.mark.parametrize(("presence", "failure"), [("away", "no_answer"), ("busy", "busy")])
def test_unreachable_expert_fails_after_the_timeout_and_the_customer_is_retrieved(
    alice: LoggedIn, client: httpx.Client, presence: str, failure: str
) -> None:
    client.put(f"/sandbox/experts/{EXPERT}/presence", json={"presence": presence})
    call_id = connected_call(alice)
    consult(alice, call_id)
    call = wait_until(lambda: (c := call_of(alice, call_id))["consult"]["state"] == "failed" and c)
    assert call["consult"]["failure"] == failure
    assert call["state"] == "connected"


def test_expert_declines_or_hangs_up(alice: LoggedIn, client: httpx.Client) -> None:
    client.post("/sandbox/consult-settings", json={"answer_delay": 30})
    call_id = connected_call(alice)
    consult(alice, call_id)
    declined = client.post(f"/sandbox/calls/{call_id}/consult/decline").json()
    assert (declined["state"], declined["consult"]["failure"]) == ("connected", "declined")
    client.post("/sandbox/consult-settings", json={"answer_delay": 0.05})
    consult(alice, call_id)
    answered(alice, call_id)
    hung = client.post(f"/sandbox/calls/{call_id}/consult/hangup").json()
    assert (hung["state"], hung["consult"]["failure"]) == ("connected", "expert_hangup")


def test_customer_hangs_up_on_hold_and_the_advisor_still_talks_to_the_expert(
    alice: LoggedIn, client: httpx.Client
) -> None:
    call_id = connected_call(alice)
    consult(alice, call_id)
    answered(alice, call_id)
    client.post(f"/sandbox/calls/{call_id}/customer-hangup")
    call = call_of(alice, call_id)
    assert call["state"] == "ended"
    assert call["consult"]["state"] == "connected"
    assert call["consult"]["allowed"] == ["cancel"]
    r = alice.client.delete(f"/v1/interactions/{call_id}/consult", headers=alice.headers)
    assert r.json()["consult"]["state"] == "cancelled"


def test_conference_parties_drop_and_leave(alice: LoggedIn, client: httpx.Client) -> None:
    call_id = connected_call(alice)
    consult(alice, call_id)
    answered(alice, call_id)
    conf = alice.post(f"/v1/interactions/{call_id}/consult/conference").json()
    assert conf["state"] == "connected"
    assert [(p["role"], p["state"]) for p in conf["parties"]] == [
        ("customer", "connected"),
        ("agent", "connected"),
        ("expert", "connected"),
    ]
    muted = alice.post(f"/v1/interactions/{call_id}/mute").json()
    assert muted["parties"][1]["state"] == "muted"
    left = alice.client.delete(
        f"/v1/interactions/{call_id}/parties/p-agent", headers=alice.headers
    ).json()
    assert (left["state"], left["end_reason"]) == ("ended", "left_conference")
    assert alice.state()["state"] == "after_call_work"
    missing = alice.client.delete(
        f"/v1/interactions/{call_id}/parties/p-nobody", headers=alice.headers
    )
    assert missing.status_code == 404


def test_consult_refused_without_a_call_or_twice(alice: LoggedIn) -> None:
    call_id = connected_call(alice)
    consult(alice, call_id)
    again = alice.post(f"/v1/interactions/{call_id}/consult", json={"expert_id": EXPERT})
    assert again.status_code == 409
    unknown = alice.post(f"/v1/interactions/{call_id}/consult/swap")
    assert unknown.status_code == 409
    nobody = alice.post(f"/v1/interactions/{call_id}/consult", json={"expert_id": "exp-99"})
    assert nobody.status_code in (404, 409)


def test_an_available_expert_sometimes_declines(alice: LoggedIn, client: httpx.Client) -> None:
    client.post("/sandbox/consult-settings", json={"decline_rate": 1})
    call_id = connected_call(alice)
    consult(alice, call_id)
    call = wait_until(lambda: (c := call_of(alice, call_id))["consult"]["state"] == "failed" and c)
    assert (call["state"], call["consult"]["failure"]) == ("connected", "declined")
    assert client.post("/sandbox/consult-settings", json={"decline_rate": 2}).status_code == 422
