"""The supervisor's wallboard feed over the gateway: ``GET /v1/wallboard/events`` (SSE).

Implements :class:`~agent_desktop.ports.wallboard.WallboardSource` on top of a logged-in
:class:`GatewayClient` (it reuses its connection pool and token).
"""

from __future__ import annotations

import json
import logging
from collections.abc import AsyncIterator

from pydantic import ValidationError

from agent_desktop.adapters.gateway.client import GatewayClient
from agent_desktop.adapters.gateway.events import MAX_EVENT_BYTES
from agent_desktop.domain.wallboard import (
    QueueStats,
    RosterEntry,
    WallboardEvent,
    WallboardSnapshot,
)
from agent_desktop.protocol import schemas as w

log = logging.getLogger(__name__)


def queue_stats(q: w.QueueStatsWire) -> QueueStats:
    return QueueStats(
        queue_id=q.queue_id,
        name=q.name,
        waiting=q.waiting,
        longest_wait_seconds=q.longest_wait_seconds,
        service_level=q.service_level,
        service_level_target_seconds=q.service_level_target_seconds,
        abandon_rate=q.abandon_rate,
        agents_ready=q.agents_ready,
        agents_busy=q.agents_busy,
        agents_after_call_work=q.agents_after_call_work,
        agents_not_ready=q.agents_not_ready,
        not_ready_by_reason=dict(q.not_ready_by_reason),
    )


def roster_entry(a: w.RosterEntryWire) -> RosterEntry:
    return RosterEntry(
        id=a.id,
        name=a.name,
        state=a.state,
        reason_code=a.reason_code,
        since=a.since,
        queues=tuple(a.queues),
        interaction_id=a.interaction_id,
        interaction_queue=a.interaction_queue,
    )


def decode(event_type: str, data: str) -> WallboardEvent | None:
    """One wallboard event, or None (logged) when it is unknown or malformed."""
    model = w.WALLBOARD_EVENT_TYPES.get(event_type)
    if model is None or len(data) > 50 * MAX_EVENT_BYTES:
        log.warning("ignored a wallboard event of type %r", event_type[:40])
        return None
    try:
        payload = model.model_validate(json.loads(data))
    except (ValueError, RecursionError, ValidationError) as exc:
        log.warning("ignored a malformed %s event (%s)", event_type[:40], type(exc).__name__)
        return None
    if isinstance(payload, w.QueueStatsWire):
        return queue_stats(payload)
    if isinstance(payload, w.RosterEntryWire):
        return roster_entry(payload)
    assert isinstance(payload, w.WallboardSnapshot)
    return WallboardSnapshot(
        queues=tuple(queue_stats(q) for q in payload.queues),
        agents=tuple(roster_entry(a) for a in payload.agents),
        at=payload.at,
    )


class GatewayWallboard:
    """The wallboard feed of one logged-in gateway session."""

    def __init__(self, gateway: GatewayClient) -> None:
        self.gateway = gateway

    async def wallboard_events(self) -> AsyncIterator[WallboardEvent]:
        async for sse in self.gateway.server_sent_events("/v1/wallboard/events"):
            if sse is None:
                continue  # accepted; the snapshot event follows
            event = decode(sse.event, sse.data)
            if event is not None:
                yield event
