"""Keeps the platform's event stream flowing: reconnect, resume, resync.

httpx-sse parses the stream but does not reconnect; this loop does. It remembers the
last event id, reconnects with exponential back-off and full jitter, resumes with that
id, drops duplicates (id ≤ last seen), and when the server says it cannot replay
(``stream.reset``) it rebuilds the desktop from snapshots. It publishes the link's
health so the shell can say plainly when it is cut off.
"""

from __future__ import annotations

import asyncio
import logging
import random
from collections.abc import Awaitable, Callable

from agent_desktop.domain.events import ConnectionChanged, Link
from agent_desktop.ports.telephony import (
    STREAM_OPENED,
    UNNUMBERED,
    GatewayError,
    StreamEvent,
    Telephony,
)
from agent_desktop.services.event_bus import EventBus

log = logging.getLogger(__name__)

EventHandler = Callable[[StreamEvent], None]
Resync = Callable[[], Awaitable[int]]


class EventStream:
    """Runs ``telephony.events`` until stopped, feeding each new event to ``handle``.

    Attributes:
        last_event_id: the id of the last event applied (or of the last snapshot).
        link: the current health of the stream.
        duplicates: how many replayed events were dropped because already applied.
        applied: how many events were applied (each id at most once).
        resyncs: how many times the view was rebuilt from snapshots (``stream.reset``).
        reconnects: how many times the stream was opened again after a failure.
    """

    def __init__(
        self,
        telephony: Telephony,
        bus: EventBus,
        handle: EventHandler,
        resync: Resync,
        base_delay: float = 0.5,
        max_delay: float = 15.0,
        rng: random.Random | None = None,
    ) -> None:
        self._telephony = telephony
        self._bus = bus
        self._handle = handle
        self._resync = resync
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._rng = rng or random.Random()
        self.last_event_id: int | None = None
        self.link = Link.CONNECTING
        self.duplicates = 0
        self.applied = 0
        self.resyncs = 0
        self.reconnects = 0

    def _set_link(self, link: Link, detail: str = "") -> None:
        if link != self.link:
            self.link = link
            self._bus.publish(ConnectionChanged(link, detail))

    async def run(self) -> None:
        """Loop forever (until cancelled)."""
        failures = 0
        while True:
            try:
                async for event in self._telephony.events(self.last_event_id):
                    self._set_link(Link.ONLINE)
                    failures = 0
                    await self._dispatch(event)
                detail = "stream closed by the server"
            except GatewayError as exc:
                detail = exc.message
                if exc.code in ("unauthorized", "forbidden"):
                    # The session is over (token expired): the shell asks the advisor to
                    # log in again and ``Desktop.relogin`` starts a new stream.
                    self._set_link(Link.OFFLINE, exc.code)
                    return
            except Exception as exc:  # any other failure is transient: keep reconnecting
                log.exception("event stream failed")
                detail = type(exc).__name__
            failures += 1
            self.reconnects += 1
            self._set_link(Link.RECONNECTING, detail)
            await asyncio.sleep(self.backoff(failures))

    def backoff(self, failures: int) -> float:
        """Full-jitter exponential back-off (AWS architecture blog's recommendation)."""
        ceiling = min(self._max_delay, self._base_delay * 2 ** max(0, failures - 1))
        return self._rng.uniform(0, ceiling)

    async def _dispatch(self, event: StreamEvent) -> None:
        if event.type == STREAM_OPENED:
            return  # the link is up; nothing to apply
        if event.id == UNNUMBERED:
            self._apply(event)  # a whole current value: no id to track, nothing to replay
            return
        if event.type == "stream.reset":
            log.info("server cannot replay from %s: resyncing from snapshots", self.last_event_id)
            self.last_event_id = await self._resync()
            self.resyncs += 1
            return
        if self.last_event_id is not None and event.id <= self.last_event_id:
            self.duplicates += 1
            return
        self.last_event_id = event.id
        self.applied += 1
        self._apply(event)

    def _apply(self, event: StreamEvent) -> None:
        try:
            self._handle(event)
        except Exception:  # a bad event must not stop the stream
            log.exception("could not apply event %s (%s)", event.id, event.type)
