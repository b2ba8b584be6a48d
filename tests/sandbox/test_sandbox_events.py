"""The SSE stream: order and ids, resume with Last-Event-ID, reset, drop, inject, transcript."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from sandbox_helpers import LoggedIn, SseStream, login

from agent_desktop.protocol.schemas import EVENT_TYPES, EventEnvelope
from agent_desktop.sandbox.server import SandboxServer

OpenStream = Callable[..., SseStream]


def test_events_arrive_in_order_with_increasing_ids(alice: LoggedIn, stream: OpenStream) -> None:
    events = stream(alice)
    alice.ready()
    cid = alice.offer()["id"]
    alice.post(f"/v1/interactions/{cid}/answer")
    alice.post(f"/v1/interactions/{cid}/hangup")
    alice.post(f"/v1/interactions/{cid}/wrapup", json={"code": "resolved"})
    frames = events.events_until(lambda f: f.event == "interaction.closed")
    frames += events.events_until(lambda f: f.event == "agent.state_changed")
    kinds = [(f.event, f.json()["data"].get("state")) for f in frames]
    assert kinds == [
        ("agent.state_changed", "ready"),
        ("interaction.offered", "offered"),
        ("agent.state_changed", "reserved"),
        ("interaction.updated", "connected"),
        ("agent.state_changed", "busy"),
        ("interaction.updated", "ended"),
        ("agent.state_changed", "after_call_work"),
        ("interaction.closed", "closed"),
        ("agent.state_changed", "ready"),
    ]
    ids = [f.id for f in frames]
    assert ids == sorted(ids) and len(set(ids)) == len(ids)
    for frame in frames:
        envelope = EventEnvelope.model_validate_json(frame.data)
        assert envelope.id == frame.id
        assert envelope.type == frame.event
        EVENT_TYPES[envelope.type].model_validate(envelope.data)
    offered = frames[1].json()["data"]
    assert offered["allowed_actions"] == ["answer", "reject"]


def test_each_agent_sees_only_its_own_events(
    alice: LoggedIn, bob: LoggedIn, stream: OpenStream
) -> None:
    bob_events = stream(bob)
    alice.ready()
    bob.put("/v1/agent/state", json={"state": "not_ready", "reason_code": "meeting"})
    frame = bob_events.next_event()
    assert frame.json()["data"]["id"] == "bob"
    assert frame.json()["data"]["reason_code"] == "meeting"


def test_resume_with_last_event_id_loses_nothing(alice: LoggedIn, stream: OpenStream) -> None:
    first = stream(alice)
    alice.ready()
    seen = first.next_event()
    first.close()
    # while disconnected
    cid = alice.offer()["id"]
    alice.post(f"/v1/interactions/{cid}/answer")
    resumed = stream(alice, last_event_id=seen.id)
    frames = [resumed.next_event() for _ in range(4)]
    assert [f.event for f in frames] == [
        "interaction.offered",
        "agent.state_changed",
        "interaction.updated",
        "agent.state_changed",
    ]
    assert all(f.id is not None and seen.id is not None and f.id > seen.id for f in frames)
    # the query parameter works too
    again = stream(alice, query_id=frames[1].id)
    assert again.next_event().id == frames[2].id


def test_snapshot_last_event_id_is_a_resume_point(alice: LoggedIn, stream: OpenStream) -> None:
    alice.ready()
    snapshot = alice.get("/v1/interactions").json()
    cid = alice.offer()["id"]
    events = stream(alice, last_event_id=snapshot["last_event_id"])
    offered = events.next_event()
    assert offered.event == "interaction.offered"
    assert offered.json()["data"]["id"] == cid


def test_an_id_from_another_run_gets_stream_reset(alice: LoggedIn, stream: OpenStream) -> None:
    events = stream(alice, last_event_id=12)
    reset = events.next_event()
    assert reset.event == "stream.reset"
    assert reset.json()["data"]["reason"] == "server_restarted"
    alice.ready()
    assert events.next_event().event == "agent.state_changed"  # then live events
    unreadable = stream(alice, last_event_id="abc")
    assert unreadable.next_event().json()["data"]["reason"] == "replay_unavailable"


def test_an_id_older_than_the_buffer_gets_replay_unavailable(data_dir: Path) -> None:
    with (
        SandboxServer(port=0, data_dir=data_dir, event_buffer_size=3) as small,
        httpx.Client(base_url=small.base_url, timeout=10) as client,
    ):
        agent = login(client, "alice")
        events = SseStream(small.base_url, agent.token)
        agent.ready()
        first = events.next_event()
        for reason in ("lunch", "break", "meeting", "training"):
            agent.put("/v1/agent/state", json={"state": "not_ready", "reason_code": reason})
        events.close()
        late = SseStream(small.base_url, agent.token, last_event_id=first.id)
        reset = late.next_event()
        assert reset.event == "stream.reset"
        assert reset.json()["data"]["reason"] == "replay_unavailable"
        assert reset.id is not None and first.id is not None and reset.id > first.id
        late.close()
        # a recent enough id still replays
        recent = SseStream(small.base_url, agent.token, last_event_id=first.id + 3)
        assert recent.next_event().json()["data"]["reason_code"] == "training"
        recent.close()


def test_drop_closes_every_stream(
    alice: LoggedIn, client: httpx.Client, stream: OpenStream
) -> None:
    events = stream(alice)
    r = client.post("/sandbox/events/drop")
    assert r.json()["dropped"] >= 1
    with pytest.raises(EOFError):
        events.next_event()
    again = stream(alice)  # a reconnection works
    alice.ready()
    assert again.next_event().event == "agent.state_changed"


def test_inject_pushes_raw_and_unknown_events(
    alice: LoggedIn, client: httpx.Client, stream: OpenStream
) -> None:
    events = stream(alice)
    r = client.post(
        "/sandbox/events/inject",
        json={"agent": "alice", "event": "interaction.updated", "data": "{not json"},
    )
    injected_id = r.json()["id"]
    raw = events.next_event()
    assert (raw.id, raw.event, raw.data) == (injected_id, "interaction.updated", "{not json")
    client.post(
        "/sandbox/events/inject",
        json={"agent": "alice", "event": "future.thing", "data": {"x": 1}},
    )
    unknown = events.next_event()
    assert unknown.event == "future.thing"
    assert json.loads(unknown.data)["data"] == {"x": 1}
    assert (
        client.post("/sandbox/events/inject", json={"agent": "nobody", "event": "x"}).status_code
        == 404
    )


def test_transcript_streams_while_connected(
    alice: LoggedIn, client: httpx.Client, stream: OpenStream
) -> None:
    client.post("/sandbox/scenario", json={"transcript_interval": 0.05})
    events = stream(alice)
    alice.ready()
    cid = alice.offer(intent="lost_or_stolen_card", language="fr")["id"]
    alice.post(f"/v1/interactions/{cid}/answer")
    frames = events.events_until(
        lambda f: f.event == "interaction.transcript" and f.json()["data"]["speaker"] == "customer"
    )
    lines = [f.json()["data"] for f in frames if f.event == "interaction.transcript"]
    assert lines[0]["speaker"] == "agent"
    assert lines[0]["text"].startswith("Bonjour, Alice")
    assert (
        lines[1]["text"]
        == "Bonjour, j'ai perdu ma carte bancaire hier soir, je crois qu'on me l'a volée."
    )
    assert all(line["interaction_id"] == cid for line in lines)


def test_auto_calls_offer_a_call_soon_after_ready(
    alice: LoggedIn, client: httpx.Client, stream: OpenStream
) -> None:
    client.post("/sandbox/scenario", json={"auto_calls": True})
    events = stream(alice)
    alice.ready()
    frames = events.events_until(lambda f: f.event == "interaction.offered", limit=5)
    data = frames[-1].json()["data"]
    attached = data["attached_data"]
    assert attached["queue_id"] in ("particuliers", "cartes")
    assert attached["intent_label"]
    assert attached["caller_number"]
    client.post("/sandbox/scenario", json={"auto_calls": False})


def test_logout_ends_the_streams_of_that_session(
    alice: LoggedIn, client: httpx.Client, stream: OpenStream
) -> None:
    other = login(client, "alice")
    mine = stream(alice)
    theirs = stream(other)
    client.delete("/v1/sessions/current", headers=other.headers)
    with pytest.raises(EOFError):
        theirs.next_event()
    alice.ready()
    assert mine.next_event().event == "agent.state_changed"


def test_each_change_raises_the_revision_and_answer_and_event_agree(
    alice: LoggedIn, stream: OpenStream
) -> None:
    events = stream(alice)
    alice.ready()
    offered = alice.offer()
    cid = offered["id"]
    answered = alice.post(f"/v1/interactions/{cid}/answer").json()
    muted = alice.post(f"/v1/interactions/{cid}/mute").json()
    # the mute changes neither the state nor state_since: only the revision orders them
    assert muted["state_since"] == answered["state_since"]
    assert 0 < offered["revision"] < answered["revision"] < muted["revision"]
    again = alice.get("/v1/interactions").json()["interactions"][0]
    assert again["revision"] == muted["revision"]  # nothing changed, nothing counted
    frames = events.events_until(
        lambda f: f.event == "interaction.updated" and f.json()["data"]["muted"]
    )
    streamed = [f.json()["data"] for f in frames if f.event.startswith("interaction.")]
    assert [i["revision"] for i in streamed] == [
        offered["revision"],
        answered["revision"],
        muted["revision"],
    ]
