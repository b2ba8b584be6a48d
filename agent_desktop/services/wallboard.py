"""The supervisor's wallboard, Qt-free: live figures, thresholds, alerts, coalescing, pages.

:class:`WallboardState` applies the feed's events (a snapshot, then one change at a time)
and keeps, per queue and metric, the threshold level; every crossing is an :class:`Alert`.
:class:`Coalescer` says when the screen may be repainted so that a feed of thousands of
events a second costs at most ``1 / min_interval`` repaints a second. :class:`Pager` is the
page rotation. The clock is injected everywhere, so tests never sleep.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections import deque
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import IntEnum

from agent_desktop.domain.wallboard import (
    QueueStats,
    RosterEntry,
    WallboardEvent,
    WallboardSnapshot,
)
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.ports.wallboard import WallboardSource

log = logging.getLogger(__name__)


class Level(IntEnum):
    OK = 0
    WARNING = 1
    CRITICAL = 2


# metric -> True when a higher value is worse
METRICS: dict[str, bool] = {
    "waiting": True,
    "longest_wait_seconds": True,
    "service_level": False,
    "abandon_rate": True,
}


@dataclass(frozen=True, slots=True)
class Threshold:
    warning: float
    critical: float

    def level(self, value: float, higher_is_worse: bool) -> Level:
        if higher_is_worse:
            if value >= self.critical:
                return Level.CRITICAL
            return Level.WARNING if value >= self.warning else Level.OK
        if value <= self.critical:
            return Level.CRITICAL
        return Level.WARNING if value <= self.warning else Level.OK


DEFAULT_THRESHOLDS: dict[str, Threshold] = {
    "waiting": Threshold(5, 10),
    "longest_wait_seconds": Threshold(60, 120),
    "service_level": Threshold(0.80, 0.70),
    "abandon_rate": Threshold(0.05, 0.10),
}


class Thresholds:
    """Warning and critical thresholds per metric, with per-queue overrides.

    Settings keys (``QSettings`` group ``wallboard``): ``thresholds/<queue|default>/
    <metric>/<warning|critical>``, e.g. ``thresholds/cartes/waiting/critical = 4``.
    """

    def __init__(
        self,
        defaults: Mapping[str, Threshold] | None = None,
        per_queue: Mapping[str, Mapping[str, Threshold]] | None = None,
    ) -> None:
        self.defaults = {**DEFAULT_THRESHOLDS, **(defaults or {})}
        self.per_queue = {q: dict(m) for q, m in (per_queue or {}).items()}

    def get(self, queue_id: str, metric: str) -> Threshold:
        return self.per_queue.get(queue_id, {}).get(metric) or self.defaults[metric]

    def level(self, queue_id: str, metric: str, value: float) -> Level:
        return self.get(queue_id, metric).level(value, METRICS[metric])

    @classmethod
    def from_settings(cls, values: Mapping[str, object]) -> tuple[Thresholds, list[str]]:
        """Parse ``thresholds/...`` keys; returns the thresholds and a list of problems."""
        raw: dict[tuple[str, str], dict[str, float]] = {}
        problems: list[str] = []
        for key, value in values.items():
            parts = key.split("/")
            if len(parts) != 4 or parts[0] != "thresholds":
                continue
            _, queue, metric, kind = parts
            if metric not in METRICS or kind not in ("warning", "critical"):
                problems.append(f"unknown threshold setting {key}")
                continue
            try:
                raw.setdefault((queue, metric), {})[kind] = float(str(value))
            except ValueError:
                problems.append(f"{key}: {value!r} is not a number")
        defaults: dict[str, Threshold] = {}
        per_queue: dict[str, dict[str, Threshold]] = {}
        for (queue, metric), kinds in raw.items():
            base = (defaults if queue == "default" else {}).get(metric) or DEFAULT_THRESHOLDS[
                metric
            ]
            threshold = Threshold(
                kinds.get("warning", base.warning), kinds.get("critical", base.critical)
            )
            if queue == "default":
                defaults[metric] = threshold
            else:
                per_queue.setdefault(queue, {})[metric] = threshold
        return cls(defaults, per_queue), problems


@dataclass(frozen=True, slots=True)
class Alert:
    """A queue's metric crossed a threshold (``level`` OK means it came back to normal)."""

    at: datetime
    queue_id: str
    queue_name: str
    metric: str
    level: Level
    previous: Level
    value: float


class WallboardState:
    """The wallboard's figures, levels and alerts, built from the feed's events.

    Attributes:
        queues: queue id -> latest statistics (in the order first seen).
        agents: agent id -> latest roster entry.
        levels: (queue id, metric) -> current level.
        alerts: the latest crossings, newest last.
        version / roster_version: bumped on every change of the queues / the roster.
        events: how many events were applied.
    """

    def __init__(
        self,
        thresholds: Thresholds | None = None,
        clock: Callable[[], datetime] = lambda: datetime.now(UTC),
        max_alerts: int = 200,
    ) -> None:
        self.thresholds = thresholds or Thresholds()
        self.clock = clock
        self.queues: dict[str, QueueStats] = {}
        self.agents: dict[str, RosterEntry] = {}
        self.levels: dict[tuple[str, str], Level] = {}
        self.alerts: deque[Alert] = deque(maxlen=max_alerts)
        self.version = 0
        self.roster_version = 0
        self.events = 0
        self.listeners: list[Callable[[], None]] = []

    def apply(self, event: WallboardEvent) -> None:
        self.events += 1
        if isinstance(event, WallboardSnapshot):
            self.queues = {}
            self.agents = {a.id: a for a in event.agents}
            for q in event.queues:
                self._set_queue(q)
            self.version += 1
            self.roster_version += 1
        elif isinstance(event, QueueStats):
            self._set_queue(event)
            self.version += 1
        else:
            self.agents[event.id] = event
            self.roster_version += 1
        for listener in self.listeners:
            listener()

    def apply_all(self, events: Iterable[WallboardEvent]) -> None:
        for event in events:
            self.apply(event)

    def _set_queue(self, q: QueueStats) -> None:
        self.queues[q.queue_id] = q
        for metric in METRICS:
            value = float(getattr(q, metric))
            level = self.thresholds.level(q.queue_id, metric, value)
            previous = self.levels.get((q.queue_id, metric), Level.OK)
            if level != previous:
                self.levels[(q.queue_id, metric)] = level
                self.alerts.append(
                    Alert(self.clock(), q.queue_id, q.name, metric, level, previous, value)
                )

    def queue_level(self, queue_id: str) -> tuple[Level, list[str]]:
        """The worst level of a queue and the metrics at that level."""
        worst = max((self.levels.get((queue_id, m), Level.OK) for m in METRICS), default=Level.OK)
        if worst == Level.OK:
            return worst, []
        return worst, [m for m in METRICS if self.levels.get((queue_id, m)) == worst]


class Coalescer:
    """Turns a burst of changes into at most one repaint per ``min_interval`` seconds.

    ``changed()`` returns the delay after which the caller should repaint (then call
    ``flushed()``), or None when a repaint is already scheduled.
    """

    def __init__(
        self, min_interval: float = 0.1, clock: Callable[[], float] = time.monotonic
    ) -> None:
        self.min_interval = min_interval
        self.clock = clock
        self.pending = False
        self.last_flush = float("-inf")
        self.flushes = 0

    def changed(self) -> float | None:
        if self.pending:
            return None
        self.pending = True
        return max(0.0, self.last_flush + self.min_interval - self.clock())

    def flushed(self) -> None:
        self.pending = False
        self.last_flush = self.clock()
        self.flushes += 1


class Pager:
    """Page rotation over ``count`` items shown ``per_page`` at a time."""

    def __init__(self, per_page: int = 1) -> None:
        self.per_page = max(1, per_page)
        self.count = 0
        self.page = 0
        self.paused = False

    @property
    def pages(self) -> int:
        return max(1, -(-self.count // self.per_page))

    def resize(self, count: int, per_page: int) -> None:
        self.count, self.per_page = count, max(1, per_page)
        self.page = min(self.page, self.pages - 1)

    def step(self, delta: int = 1) -> None:
        self.page = (self.page + delta) % self.pages

    def tick(self) -> None:
        """The rotation timer fired: next page unless paused."""
        if not self.paused:
            self.step(1)

    def slice(self) -> range:
        start = self.page * self.per_page
        return range(start, min(self.count, start + self.per_page))


class WallboardService:
    """Keeps a :class:`WallboardState` fed from a source, reconnecting when the link drops."""

    def __init__(
        self,
        source: WallboardSource,
        state: WallboardState | None = None,
        on_link: Callable[[bool, str], None] | None = None,
    ) -> None:
        self.source = source
        self.state = state or WallboardState()
        self.on_link = on_link or (lambda _up, _detail: None)
        self.connected = False

    async def run(self) -> None:
        failures = 0
        while True:
            try:
                async for event in self.source.wallboard_events():
                    if not self.connected:
                        self.connected, failures = True, 0
                        self.on_link(True, "")
                    self.state.apply(event)
                detail = "closed by the server"
            except GatewayError as exc:
                if exc.code == "forbidden" or exc.status in (401, 403):
                    self.on_link(False, exc.code)
                    raise
                detail = exc.code
            self.connected = False
            self.on_link(False, detail)
            failures += 1
            await asyncio.sleep(min(30.0, 0.5 * 2 ** min(failures, 6)))
