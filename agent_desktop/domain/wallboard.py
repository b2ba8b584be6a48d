"""What the supervisor's wallboard shows: queue statistics and the agent roster (pure data)."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import datetime


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
    queue_id: str
    name: str
    waiting: int
    longest_wait_seconds: int


@dataclass(frozen=True, slots=True)
class AgentKpis:
    """The advisor's banner: their queues now and their day."""

    queues: tuple[QueueKpi, ...]
    handled: int
    average_handling_seconds: int
