"""What the supervisor's wallboard shows: queue statistics and the agent roster (pure data)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime

from agent_desktop.domain.events import DomainEvent


@dataclass(frozen=True, slots=True)
class QueueStats:
    """One queue, live. ``service_level`` and ``abandon_rate`` are shares (0..1)."""

    queue_id: str
    name: str
    waiting: int
    longest_wait_seconds: int
    service_level: float
    service_level_target_seconds: int
    abandon_rate: float
    agents_ready: int
    agents_busy: int
    agents_after_call_work: int
    agents_not_ready: int
    not_ready_by_reason: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True, slots=True)
class RosterEntry:
    """One agent as the supervisor sees them."""

    id: str
    name: str
    state: str
    reason_code: str | None
    since: datetime
    queues: tuple[str, ...] = ()
    interaction_id: str | None = None
    interaction_queue: str | None = None


@dataclass(frozen=True, slots=True)
class WallboardSnapshot:
    """Everything at once: the first event of a (re)connected feed."""

    queues: tuple[QueueStats, ...]
    agents: tuple[RosterEntry, ...]
    at: datetime


WallboardEvent = WallboardSnapshot | QueueStats | RosterEntry


@dataclass(frozen=True, slots=True)
class QueueKpi:
    """One of the advisor's queues: calls waiting and, at ``AgentKpis.at``, the longest
    wait (``oldest_waiting_since`` is when that call arrived; None when none waits)."""

    queue_id: str
    name: str
    waiting: int
    longest_wait_seconds: int
    oldest_waiting_since: datetime | None = None


@dataclass(frozen=True, slots=True)
class AgentKpis:
    """The advisor's banner: their queues now and their day (as the server saw it ``at``)."""

    queues: tuple[QueueKpi, ...]
    handled: int
    average_handling_seconds: int
    at: datetime | None = None


@dataclass(frozen=True, slots=True)
class AgentKpisChanged(DomainEvent):
    """New banner figures arrived (pushed by the platform on the agent's stream).

    ``received`` is ``time.monotonic()`` on arrival: the longest wait counts on from it
    without waiting for another event.
    """

    kpis: AgentKpis
    received: float

    def longest_wait(self, queue: QueueKpi, now: float) -> int:
        """The queue's longest wait in whole seconds at monotonic time ``now``."""
        if not queue.waiting:
            return 0
        waited = float(queue.longest_wait_seconds)
        if queue.oldest_waiting_since is not None and self.kpis.at is not None:
            # exact, and free of any clock difference between the server and this machine
            waited = (self.kpis.at - queue.oldest_waiting_since).total_seconds()
        return max(0, int(waited + max(0.0, now - self.received)))
