"""Availability windows of extended agents (back-office staff serving part-time), Qt-free.

Settings say when the agent serves the contact centre, e.g. ``mon-fri 11:00-12:00``. The
:class:`AvailabilityController` is ticked with an injected clock: a reminder shortly before
a window starts, ready when it starts, not ready when it ends — asked of the server, which
applies it only once the call in progress is wrapped up (``next_state``), so a window never
ends in the middle of a call — and never routable outside a window.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta
from typing import Protocol

from agent_desktop.domain.agent import Agent, AgentState

log = logging.getLogger(__name__)

DAYS = ("mon", "tue", "wed", "thu", "fri", "sat", "sun")
_WINDOW = re.compile(
    r"^\s*(?P<days>[a-z]{3}(?:\s*-\s*[a-z]{3})?(?:\s*,\s*[a-z]{3}(?:\s*-\s*[a-z]{3})?)*)"
    r"\s+(?P<start>\d{1,2}:\d{2})\s*-\s*(?P<end>\d{1,2}:\d{2})\s*$"
)
WORKING = (AgentState.RESERVED, AgentState.BUSY, AgentState.AFTER_CALL_WORK)


@dataclass(frozen=True, slots=True)
class Window:
    days: frozenset[int]  # 0 = Monday
    start: time
    end: time

    def contains(self, at: datetime) -> bool:
        return at.weekday() in self.days and self.start <= at.time() < self.end

    def start_on(self, day: date) -> datetime | None:
        return datetime.combine(day, self.start) if day.weekday() in self.days else None

    def label(self) -> str:
        days = ",".join(DAYS[d] for d in sorted(self.days))
        return f"{days} {self.start:%H:%M}-{self.end:%H:%M}"


def _day_set(text: str) -> frozenset[int]:
    days: set[int] = set()
    for part in text.split(","):
        ends = [p.strip() for p in part.split("-")]
        if any(e not in DAYS for e in ends):
            raise ValueError(f"unknown day in {part.strip()!r}")
        first, last = DAYS.index(ends[0]), DAYS.index(ends[-1])
        span = range(first, last + 1) if first <= last else [*range(first, 7), *range(last + 1)]
        days.update(span)
    return frozenset(days)


def parse_windows(text: str) -> tuple[list[Window], list[str]]:
    """``"mon-fri 11:00-12:00; sat 09:00-10:30"`` → windows, and a problem per bad part."""
    windows: list[Window] = []
    problems: list[str] = []
    for part in filter(None, (p.strip() for p in text.lower().split(";"))):
        match = _WINDOW.match(part)
        try:
            if match is None:
                raise ValueError("expected e.g. 'mon-fri 11:00-12:00'")
            start = time.fromisoformat(match["start"].zfill(5))
            end = time.fromisoformat(match["end"].zfill(5))
            if end <= start:
                raise ValueError("the window ends before it starts")
            windows.append(Window(_day_set(match["days"]), start, end))
        except ValueError as exc:
            problems.append(f"{part!r}: {exc}")
    return windows, problems


class AgentControl(Protocol):
    """What the controller needs of the desktop (``services.desktop.Desktop`` has it)."""

    agent: Agent | None

    async def set_state(self, state: AgentState, reason_code: str | None = None) -> bool: ...


@dataclass
class AvailabilityController:
    """Drives the agent's state from the windows; call :meth:`tick` regularly.

    Attributes:
        log: what it did, e.g. ``["reminder", "ready", "not_ready_after_call"]``.
    """

    windows: list[Window]
    desktop: AgentControl
    clock: Callable[[], datetime]
    remind_before: timedelta = timedelta(minutes=5)
    reason: str = "back_office"
    on_reminder: Callable[[Window, datetime], None] = lambda _w, _at: None
    on_change: Callable[[], None] = lambda: None
    actions: list[str] = field(default_factory=list)
    _reminded: set[datetime] = field(default_factory=set)
    _inside: bool | None = None

    def current(self, at: datetime | None = None) -> Window | None:
        at = at or self.clock()
        return next((w for w in self.windows if w.contains(at)), None)

    def next_start(self, at: datetime | None = None) -> tuple[datetime, Window] | None:
        at = at or self.clock()
        for offset in range(8):
            day = at.date() + timedelta(days=offset)
            starts = [(s, w) for w in self.windows if (s := w.start_on(day)) and s > at]
            if starts:
                return min(starts, key=lambda sw: sw[0])
        return None

    def current_end(self, at: datetime | None = None) -> datetime | None:
        at = at or self.clock()
        window = self.current(at)
        return datetime.combine(at.date(), window.end) if window else None

    async def tick(self) -> list[str]:
        """Do what the time asks for; returns the actions taken (also added to ``actions``)."""
        at = self.clock()
        done: list[str] = []
        upcoming = self.next_start(at)
        if upcoming is not None:
            start, window = upcoming
            if start - at <= self.remind_before and start not in self._reminded:
                self._reminded.add(start)
                self.on_reminder(window, start)
                done.append("reminder")
        inside = self.current(at) is not None
        agent = self.desktop.agent
        state = agent.state if agent else None
        queued = agent is not None and agent.next_state is not None
        if inside and self._inside is not True:
            if (state == AgentState.NOT_READY or queued) and await self.desktop.set_state(
                AgentState.READY
            ):
                done.append("ready")
        elif not inside:
            if state in WORKING and self._inside and not queued:
                # asked now, applied by the server once the call is wrapped up
                if await self.desktop.set_state(AgentState.NOT_READY, self.reason):
                    done.append("not_ready_after_call")
            elif state == AgentState.READY and await self.desktop.set_state(
                AgentState.NOT_READY, self.reason
            ):
                done.append("not_ready")
        self._inside = inside
        if done:
            self.actions.extend(done)
            self.on_change()
        return done
