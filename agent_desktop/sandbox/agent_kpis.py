"""The advisor's banner figures, server side: their queues now and their day.

:func:`agent_kpis` computes them from the live centre (``GET /v1/agent/kpis`` answers it).
:func:`push_kpis` feeds them to one agent's event stream as ``agent.kpis`` events: the
current value when the stream opens, then a new one whenever it changes, at most once per
``min_interval`` (changes in between are coalesced into the next one). The longest wait
grows by itself between events, so it is not a change: the client counts it on from
``oldest_waiting_since``.
"""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

from agent_desktop.domain.interaction import InteractionState
from agent_desktop.protocol import schemas as w
from agent_desktop.sandbox.center import ContactCenter, wait_seconds
from agent_desktop.sandbox.data.reference import QUEUES_BY_ID
from agent_desktop.sandbox.events import Event, EventHub, Subscription, sse_frame

KPI_EVENT = "agent.kpis"


def agent_kpis(center: ContactCenter, username: str) -> w.AgentKpisWire:
    """The agent's own queues (waiting, oldest arrival) and their day (handled, AHT)."""
    queues = []
    for queue_id in center.agents[username].user.queues:
        waiting, oldest = center.queue_waiting(queue_id)
        queue = QUEUES_BY_ID[queue_id]
        queues.append(
            w.QueueKpiWire(
                queue_id=queue_id,
                name=queue.name,
                waiting=waiting,
                longest_wait_seconds=wait_seconds(oldest),
                oldest_waiting_since=oldest,
            )
        )
    today = datetime.now(UTC).date()
    # Handling time: from answer to the end of wrap-up (talk + hold + after-call work).
    seconds = [
        (call.state_since - call.answered_at).total_seconds()
        for call in center.calls.values()
        if call.agent == username
        and call.state == InteractionState.CLOSED
        and call.answered_at is not None
        and call.state_since.date() == today
    ]
    return w.AgentKpisWire(
        queues=queues,
        handled=len(seconds),
        average_handling_seconds=round(sum(seconds) / len(seconds)) if seconds else 0,
        at=datetime.now(UTC),
    )


def change_key(kpis: w.AgentKpisWire) -> tuple[object, ...]:
    """What makes a new event worth sending (not the time, not the growing longest wait)."""
    queues = tuple((q.queue_id, q.waiting, q.oldest_waiting_since) for q in kpis.queues)
    return queues, kpis.handled, kpis.average_handling_seconds


def kpi_event(kpis: w.AgentKpisWire, agent: str) -> Event:
    """An unnumbered ``agent.kpis`` event: no SSE id, envelope id 0, never buffered."""
    envelope = w.EventEnvelope(id=0, type=KPI_EVENT, at=kpis.at, data=kpis.model_dump(mode="json"))
    return Event(0, agent, KPI_EVENT, sse_frame(None, KPI_EVENT, envelope.model_dump_json()))


async def push_kpis(
    center: ContactCenter, hub: EventHub, sub: Subscription, min_interval: float
) -> None:
    """Queue ``agent.kpis`` events into one stream's subscription until cancelled."""
    changed = asyncio.Event()
    changed.set()  # the current value first, when the stream opens
    stop_watching = hub.watch(changed.set)
    last: tuple[object, ...] | None = None
    try:
        while True:
            await changed.wait()
            changed.clear()
            kpis = agent_kpis(center, sub.agent)
            key = change_key(kpis)
            if key == last:
                continue
            last = key
            sub.queue.put_nowait(kpi_event(kpis, sub.agent))
            await asyncio.sleep(min_interval)  # coalesce what changes meanwhile
    finally:
        stop_watching()
