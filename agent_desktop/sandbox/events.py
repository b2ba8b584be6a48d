"""The event hub: numbers every event, keeps a replay buffer and feeds each agent's streams.

Ids come from one counter per server run, starting at the run's start time in
milliseconds, so an id remembered from an earlier run is recognisably too old. Each agent
sees only its own events, so the ids one agent sees have gaps. Everything here runs on the
server's event loop thread.
"""

from __future__ import annotations

import asyncio
import json
import time
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from pydantic import BaseModel

from agent_desktop.protocol.schemas import EventEnvelope, StreamReset

DEFAULT_BUFFER_SIZE = 1000


@dataclass(frozen=True, slots=True)
class Event:
    id: int
    agent: str
    type: str
    frame: str  # the complete SSE frame, ready to write


class _Closed:
    """Queued to a subscriber to end its stream."""


CLOSE = _Closed()


@dataclass(eq=False)
class Subscription:
    agent: str
    token: str = ""
    queue: asyncio.Queue[Event | _Closed] = field(default_factory=asyncio.Queue)


def sse_frame(event_id: int | None, event_type: str, data_line: str) -> str:
    """One SSE frame; a multi-line data string becomes several ``data:`` lines."""
    head = f"id: {event_id}\n" if event_id is not None else ""
    data = "".join(f"data: {line}\n" for line in data_line.split("\n"))
    return f"{head}event: {event_type}\n{data}\n"


@dataclass(frozen=True, slots=True)
class Replay:
    """What a new subscriber gets first: a reset notice, or the events it missed."""

    reset: StreamReset | None
    events: list[Event]


class EventHub:
    def __init__(self, buffer_size: int = DEFAULT_BUFFER_SIZE) -> None:
        self.start_id = int(time.time() * 1000)
        self._last_id = self.start_id
        self._buffer: deque[Event] = deque()
        self._buffer_size = buffer_size
        self._evicted_up_to = self.start_id
        self._subscribers: set[Subscription] = set()
        self._watchers: set[Callable[[], None]] = set()
        self.closed = False

    @property
    def last_id(self) -> int:
        return self._last_id

    @property
    def subscriber_count(self) -> int:
        return len(self._subscribers)

    def _next_id(self) -> int:
        self._last_id += 1
        return self._last_id

    def _store(self, event: Event) -> None:
        self._buffer.append(event)
        while len(self._buffer) > self._buffer_size:
            self._evicted_up_to = self._buffer.popleft().id
        for sub in self._subscribers:
            if sub.agent == event.agent:
                sub.queue.put_nowait(event)
        self.touch()

    def watch(self, callback: Callable[[], None]) -> Callable[[], None]:
        """Call ``callback`` whenever the centre may have changed (every event published,
        and :meth:`touch`); returns the function that stops it."""
        self._watchers.add(callback)
        return lambda: self._watchers.discard(callback)

    def touch(self) -> None:
        """Something changed that figures depend on (e.g. a queue's background load)."""
        for callback in list(self._watchers):
            callback()

    def publish(self, agent: str, event_type: str, data: BaseModel) -> Event:
        """Number, buffer and deliver one event of ``agent``."""
        event_id = self._next_id()
        envelope = EventEnvelope(
            id=event_id,
            type=event_type,
            at=datetime.now(UTC),
            data=data.model_dump(mode="json"),
        )
        event = Event(
            event_id, agent, event_type, sse_frame(event_id, event_type, envelope.model_dump_json())
        )
        self._store(event)
        return event

    def inject(self, agent: str, event_type: str, data: Any) -> Event:
        """Deliver an arbitrary (possibly malformed) event: a string goes out verbatim."""
        event_id = self._next_id()
        if isinstance(data, str):
            line = data
        else:
            line = json.dumps(
                {
                    "id": event_id,
                    "type": event_type,
                    "at": datetime.now(UTC).isoformat(),
                    "data": data,
                },
                ensure_ascii=False,
            )
        event = Event(event_id, agent, event_type, sse_frame(event_id, event_type, line))
        self._store(event)
        return event

    def subscribe(
        self, agent: str, last_event_id: int | None, token: str = ""
    ) -> tuple[Subscription, Replay]:
        """Register a stream of ``agent`` and say what it must be sent first."""
        sub = Subscription(agent, token)
        self._subscribers.add(sub)
        if last_event_id is None:
            return sub, Replay(None, [])
        if last_event_id < self.start_id or last_event_id > self._last_id:
            reset = StreamReset(
                reason="server_restarted",
                message="the server restarted since this id: fetch snapshots",
            )
            return sub, Replay(reset, [])
        if last_event_id < self._evicted_up_to:
            reset = StreamReset(
                reason="replay_unavailable",
                message="events after this id are no longer buffered: fetch snapshots",
            )
            return sub, Replay(reset, [])
        missed = [e for e in self._buffer if e.agent == agent and e.id > last_event_id]
        return sub, Replay(None, missed)

    def reset_frame(self, reset: StreamReset) -> str:
        """A ``stream.reset`` frame for one stream only, with a fresh id to resume from."""
        event_id = self._next_id()
        envelope = EventEnvelope(
            id=event_id,
            type="stream.reset",
            at=datetime.now(UTC),
            data=reset.model_dump(mode="json"),
        )
        return sse_frame(event_id, "stream.reset", envelope.model_dump_json())

    def unsubscribe(self, sub: Subscription) -> None:
        self._subscribers.discard(sub)

    def drop_all(self) -> int:
        """End every open stream now (clients must reconnect); return how many were open."""
        subs = list(self._subscribers)
        for sub in subs:
            sub.queue.put_nowait(CLOSE)
        self._subscribers.clear()
        return len(subs)

    def drop_session(self, token: str) -> None:
        """End the streams opened with ``token`` (its session ended)."""
        for sub in [s for s in self._subscribers if s.token == token]:
            sub.queue.put_nowait(CLOSE)
            self._subscribers.discard(sub)

    def close(self) -> None:
        """End every stream and refuse new ones: the server is stopping."""
        self.closed = True
        self.drop_all()
