"""The supervisor's feed at the wire: a snapshot asked for by one client (a second wall
screen opening, a board reconnecting) must not swallow a change that the streams already
open have not been sent yet; they would show the old figure until the queue changed again."""

from __future__ import annotations

import json
import time

from e2e_helpers import frames, logged_in, pin

from agent_desktop.sandbox.server import SandboxServer


def test_a_snapshot_never_swallows_a_change_the_open_streams_await(
    sandbox: SandboxServer,
) -> None:
    with logged_in(sandbox, "sophie") as client:
        try:
            pin(client, "particuliers", 2)
            with client.stream("GET", "/v1/wallboard/events") as response:
                stream = frames(response)
                first = next(stream)
                assert first["event"] == "wallboard.snapshot"
                shown = {q["queue_id"]: q for q in json.loads(first["data"])["queues"]}
                assert shown["particuliers"]["waiting"] == 2
                # the change (to no caller waiting: no clock ticks the figure on later),
                # then at once, before the feed's next poll, another client's snapshot
                pin(client, "particuliers", 0)
                asked = client.get("/v1/wallboard/snapshot")
                assert asked.status_code == 200, asked.text
                now = {q["queue_id"]: q for q in asked.json()["queues"]}
                assert now["particuliers"]["waiting"] == 0
                deadline = time.monotonic() + 5
                for frame in stream:
                    if frame["event"] == "queue.stats":
                        stats = json.loads(frame["data"])
                        if stats["queue_id"] == "particuliers" and stats["waiting"] == 0:
                            break
                    assert time.monotonic() < deadline, "the open stream never heard of it"
        finally:
            client.delete("/sandbox/queues/particuliers/load")
