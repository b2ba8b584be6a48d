"""The advisor's banner figures from the wire (``AgentKpisWire``) to the domain."""

from __future__ import annotations

from agent_desktop.domain.wallboard import AgentKpis, QueueKpi
from agent_desktop.protocol import schemas as w


def agent_kpis(answer: w.AgentKpisWire) -> AgentKpis:
    return AgentKpis(
        queues=tuple(
            QueueKpi(q.queue_id, q.name, q.waiting, q.longest_wait_seconds, q.oldest_waiting_since)
            for q in answer.queues
        ),
        handled=answer.handled,
        average_handling_seconds=answer.average_handling_seconds,
        at=answer.at,
    )
