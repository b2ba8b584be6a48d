"""The ``agent.kpis`` events on the agent's stream, at the wire: only for a client that
asks (``?include=agent.kpis``), unnumbered, a snapshot when the stream opens (after the
replay when resuming), then one event per change, coalesced to at most one a second."""

from __future__ import annotations

import json
from datetime import datetime
from itertools import pairwise

import httpx
from e2e_helpers import frames, logged_in, pin

from agent_desktop.sandbox.server import SandboxServer


def unpin(client: httpx.Client) -> None:
    for queue in ("particuliers", "cartes"):
        client.delete(f"/sandbox/queues/{queue}/load")


def test_an_old_client_gets_no_kpi_events(sandbox: SandboxServer) -> None:
    with logged_in(sandbox, "alice") as client:
        try:
            with client.stream("GET", "/v1/events") as response:
                pin(client, "particuliers", 3)  # a change the banner would hear of
                marker = client.post(
                    "/sandbox/events/inject",
                    json={"agent": "alice", "event": "test.marker", "data": {}},
                )
                seen = []
                for frame in frames(response):
                    seen.append(frame["event"])
                    if frame["event"] == "test.marker":
                        break
            assert "agent.kpis" not in seen
            assert marker.status_code == 200
        finally:
            unpin(client)


def test_snapshot_first_then_coalesced_changes(sandbox: SandboxServer) -> None:
    with logged_in(sandbox, "alice") as client:
        try:
            pin(client, "particuliers", 1)  # no drift while the test compares figures
            pin(client, "cartes", 0)
            with client.stream("GET", "/v1/events?include=agent.kpis") as response:
                events = frames(response)
                first = next(events)
                assert first["event"] == "agent.kpis"
                assert "id" not in first  # unnumbered: the client's Last-Event-ID stays put
                envelope = json.loads(first["data"])
                assert envelope["id"] == 0 and envelope["type"] == "agent.kpis"
                assert [q["queue_id"] for q in envelope["data"]["queues"]] == [
                    "particuliers",
                    "cartes",
                ]
                # the same figures as the query an older client or a tool uses
                asked = client.get("/v1/agent/kpis").json()
                for key in ("handled", "average_handling_seconds"):
                    assert asked[key] == envelope["data"][key]
                assert [(q["waiting"], q["oldest_waiting_since"]) for q in asked["queues"]] == [
                    (q["waiting"], q["oldest_waiting_since"]) for q in envelope["data"]["queues"]
                ]
                for waiting in range(1, 6):  # five changes in a burst
                    pin(client, "cartes", waiting)
                received = []
                for frame in events:
                    data = json.loads(frame["data"])["data"]
                    received.append(data)
                    if data["queues"][1]["waiting"] == 5:
                        break
            # the last value always arrives; never two events less than a second apart
            ats = [datetime.fromisoformat(d["at"]) for d in [envelope["data"], *received]]
            gaps = [(b - a).total_seconds() for a, b in pairwise(ats)]
            assert all(gap >= 0.99 for gap in gaps), gaps
            assert len(received) <= 5
        finally:
            unpin(client)


def test_resuming_replays_first_then_sends_the_snapshot(sandbox: SandboxServer) -> None:
    with logged_in(sandbox, "alice") as client:
        before = client.get("/sandbox/state").json()["last_event_id"]
        injected = client.post(
            "/sandbox/events/inject", json={"agent": "alice", "event": "test.marker", "data": {}}
        ).json()["id"]
        headers = {"Last-Event-ID": str(before)}
        with client.stream("GET", "/v1/events?include=agent.kpis", headers=headers) as response:
            events = frames(response)
            replayed = next(events)
            snapshot = next(events)
        assert (replayed["event"], replayed["id"]) == ("test.marker", str(injected))
        assert snapshot["event"] == "agent.kpis"
