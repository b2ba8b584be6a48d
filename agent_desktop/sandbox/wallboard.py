"""The supervisor's live feed: queue statistics and the agent roster as a stream of changes.

Two sources feed it: the real contact centre (the demo agents and queues, sampled every
``poll_interval`` seconds and sent only when something changed) and, when switched on, the
:mod:`scale <agent_desktop.sandbox.scale>` simulation, which publishes every change as it
makes it. Each subscriber keeps only the latest frame of each queue and agent not yet sent
(a :class:`Pending` map): a client slower than the changes gets the newest figures, never
a growing backlog — at most one frame per queue and per agent is ever waiting.
"""

from __future__ import annotations

import asyncio
import contextlib
from datetime import UTC, datetime

from agent_desktop.protocol import schemas as w
from agent_desktop.sandbox.center import OPEN_STATES, ContactCenter
from agent_desktop.sandbox.events import sse_frame
from agent_desktop.sandbox.scale import ScaleSimulation


class Pending:
    """One subscriber's frames not yet sent, the latest per (type, id), oldest first."""

    def __init__(self) -> None:
        self.frames: dict[tuple[str, str], str] = {}
        self.ready = asyncio.Event()
        self.closed = False
        self.replaced = 0  # frames superseded before they were sent

    def put(self, key: tuple[str, str], frame: str) -> None:
        if self.frames.pop(key, None) is not None:
            self.replaced += 1
        self.frames[key] = frame
        self.ready.set()

    def close(self) -> None:
        self.closed = True
        self.ready.set()

    def take(self) -> list[str]:
        frames = list(self.frames.values())
        self.frames.clear()
        self.ready.clear()
        return frames


class WallboardFeed:
    """Fan-out of wallboard changes to every open wallboard stream.

    Attributes:
        scale: the running simulation, if the scale option is on.
        published: how many change frames were published (to each subscriber).
    """

    def __init__(self, center: ContactCenter, poll_interval: float = 0.25) -> None:
        self.center = center
        self.poll_interval = poll_interval
        self.subscribers: set[Pending] = set()
        self.scale: ScaleSimulation | None = None
        self.scale_rate = 0.0
        self.published = 0
        self._queues: dict[str, w.QueueStatsWire] = {}
        self._agents: dict[str, w.RosterEntryWire] = {}
        self._poll: asyncio.Task[None] | None = None
        self._scale_task: asyncio.Task[None] | None = None

    # ------------------------------------------------------------ the real centre

    def _roster(self) -> dict[str, w.RosterEntryWire]:
        calls = {
            call.agent: call for call in self.center.calls.values() if call.state in OPEN_STATES
        }
        out = {}
        for name, runtime in sorted(self.center.agents.items()):
            if not runtime.user.takes_calls:
                continue
            a = runtime.agent
            call = calls.get(name)
            out[name] = w.RosterEntryWire.model_validate(
                {
                    "id": a.id,
                    "name": a.name,
                    "state": a.state.value,
                    "reason_code": a.reason_code,
                    "since": a.since,
                    "queues": list(runtime.user.queues),
                    "interaction_id": call.id if call else None,
                    "interaction_queue": call.attached.queue_id if call else None,
                }
            )
        return out

    def _sample(self) -> None:
        for q in self.center.queue_stats().queues:
            if self._queues.get(q.queue_id) != q:
                self._queues[q.queue_id] = q
                self._send("queue.stats", q.queue_id, q)
        for aid, entry in self._roster().items():
            if self._agents.get(aid) != entry:
                self._agents[aid] = entry
                self._send("roster.agent", aid, entry)

    async def _poll_loop(self) -> None:
        while True:
            await asyncio.sleep(self.poll_interval)
            if self.subscribers:
                self._sample()

    # ------------------------------------------------------------ subscribers

    def snapshot(self) -> w.WallboardSnapshot:
        """Every queue and agent now.

        The real centre is sampled first, through :meth:`_sample`: the figures it holds are
        those the open streams were sent, so a change made since the last poll goes to them
        now. Taking the snapshot's figures straight from the centre would record the change
        as sent, and the open streams would never hear of it.
        """
        self._sample()
        queues = list(self._queues.values())
        agents = list(self._agents.values())
        if self.scale is not None:
            queues += [self.scale.queue_wire(q) for q in self.scale.queues]
            agents += [self.scale.agent_wire(a) for a in self.scale.agents]
        return w.WallboardSnapshot(queues=queues, agents=agents, at=datetime.now(UTC))

    def subscribe(self) -> tuple[Pending, str]:
        """A new subscriber's pending frames and its first frame (the snapshot)."""
        frame = sse_frame(None, "wallboard.snapshot", self.snapshot().model_dump_json())
        queue = Pending()  # after the snapshot: the changes it sends are in the snapshot
        self.subscribers.add(queue)
        if self._poll is None:
            self._poll = asyncio.get_running_loop().create_task(self._poll_loop())
        return queue, frame

    def unsubscribe(self, queue: Pending) -> None:
        self.subscribers.discard(queue)

    def _send(self, event_type: str, key: str, model: w.Wire) -> None:
        if not self.subscribers:
            return
        frame = sse_frame(None, event_type, model.model_dump_json())
        self.published += 1
        for pending in self.subscribers:
            pending.put((event_type, key), frame)

    # ------------------------------------------------------------ the scale option

    def publish_scale(self, queues: set[str], agents: set[str]) -> None:
        assert self.scale is not None
        for qid in sorted(queues):
            self._send("queue.stats", qid, self.scale.queue_wire(qid))
        for aid in sorted(agents):
            self._send("roster.agent", aid, self.scale.agent_wire(aid))

    def start_scale(
        self, agents: int, queues: int, events_per_second: float, seed: int = 1
    ) -> None:
        """(Re)create the simulation; it runs while ``events_per_second`` > 0."""
        self.stop_scale()
        self.scale = ScaleSimulation(agents, queues, seed)
        self.set_rate(events_per_second)

    def set_rate(self, events_per_second: float) -> None:
        if self._scale_task is not None:
            self._scale_task.cancel()
            self._scale_task = None
        self.scale_rate = events_per_second
        if self.scale is not None and events_per_second > 0:
            self._scale_task = asyncio.get_running_loop().create_task(
                self.scale.run(self.publish_scale, events_per_second)
            )

    def step_scale(self, count: int, dt: float) -> None:
        """Advance the simulation by hand (tests) and publish what changed."""
        assert self.scale is not None
        self.publish_scale(*self.scale.step(count, dt))

    def stop_scale(self) -> None:
        self.set_rate(0)
        self.scale = None

    def close(self) -> None:
        self.stop_scale()
        if self._poll is not None:
            self._poll.cancel()
            self._poll = None
        for pending in self.subscribers:
            pending.close()
        with contextlib.suppress(Exception):
            self.subscribers.clear()
