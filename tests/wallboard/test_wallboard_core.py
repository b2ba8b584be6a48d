"""The wallboard's Qt-free core: thresholds, alerts, coalescing, pages, and the simulation."""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import count

import pytest

from agent_desktop.adapters.gateway.wallboard import queue_stats, roster_entry
from agent_desktop.domain.wallboard import QueueStats, WallboardSnapshot
from agent_desktop.sandbox.scale import ScaleSimulation
from agent_desktop.services.wallboard import (
    Coalescer,
    Level,
    Pager,
    Threshold,
    Thresholds,
    WallboardState,
)

AT = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)


def stats(queue_id: str = "cartes", **figures: float) -> QueueStats:
    base = {
        "waiting": 0,
        "longest_wait_seconds": 0,
        "service_level": 1.0,
        "abandon_rate": 0.0,
    }
    base.update(figures)
    return QueueStats(
        queue_id=queue_id,
        name=queue_id.title(),
        waiting=int(base["waiting"]),
        longest_wait_seconds=int(base["longest_wait_seconds"]),
        service_level=float(base["service_level"]),
        service_level_target_seconds=20,
        abandon_rate=float(base["abandon_rate"]),
        agents_ready=1,
        agents_busy=2,
        agents_after_call_work=0,
        agents_not_ready=3,
        not_ready_by_reason={"lunch": 2, "break": 1},
    )


def test_thresholds_know_which_way_is_worse() -> None:
    t = Thresholds()
    assert t.level("q", "waiting", 4) == Level.OK
    assert t.level("q", "waiting", 5) == Level.WARNING
    assert t.level("q", "waiting", 10) == Level.CRITICAL
    assert t.level("q", "service_level", 0.9) == Level.OK
    assert t.level("q", "service_level", 0.8) == Level.WARNING
    assert t.level("q", "service_level", 0.5) == Level.CRITICAL


def test_thresholds_per_queue_from_settings_and_bad_values_reported() -> None:
    t, problems = Thresholds.from_settings(
        {
            "thresholds/cartes/waiting/critical": "3",
            "thresholds/cartes/waiting/warning": "2",
            "thresholds/default/abandon_rate/warning": "0.02",
            "thresholds/cartes/longest_wait_seconds/warning": "soon",
            "thresholds/cartes/mood/warning": "1",
            "rotation_seconds": "10",
        }
    )
    assert t.get("cartes", "waiting") == Threshold(2, 3)
    assert t.get("particuliers", "waiting") == Threshold(5, 10)  # the default
    assert t.level("particuliers", "abandon_rate", 0.03) == Level.WARNING
    assert len(problems) == 2 and any("soon" in p for p in problems)


def test_crossings_become_alerts_once_and_coming_back_too() -> None:
    clock = iter([AT.replace(second=s) for s in range(60)])
    state = WallboardState(clock=lambda: next(clock))
    state.apply(WallboardSnapshot((stats(),), (), AT))
    assert not state.alerts
    state.apply(stats(waiting=6))
    state.apply(stats(waiting=7))  # still a warning: no new alert
    state.apply(stats(waiting=12, service_level=0.6))
    state.apply(stats(waiting=0, service_level=0.95))
    kinds = [(a.metric, a.previous, a.level) for a in state.alerts]
    assert kinds == [
        ("waiting", Level.OK, Level.WARNING),
        ("waiting", Level.WARNING, Level.CRITICAL),
        ("service_level", Level.OK, Level.CRITICAL),
        ("waiting", Level.CRITICAL, Level.OK),
        ("service_level", Level.CRITICAL, Level.OK),
    ]
    assert state.alerts[1].value == 12 and state.alerts[1].at == AT.replace(second=1)
    assert state.queue_level("cartes") == (Level.OK, [])
    state.apply(stats(waiting=6, abandon_rate=0.2))
    assert state.queue_level("cartes") == (Level.CRITICAL, ["abandon_rate"])


def test_coalescer_allows_one_flush_per_interval_whatever_the_rate() -> None:
    now = [0.0]
    c = Coalescer(0.1, clock=lambda: now[0])
    flushes = 0
    due: float | None = None
    for tick in count():  # 10 000 changes over 2 simulated seconds
        if tick == 10_000:
            break
        now[0] = tick * 0.0002
        delay = c.changed()
        if delay is not None:
            due = now[0] + delay
        if due is not None and now[0] >= due:
            c.flushed()
            flushes += 1
            due = None
    assert 15 <= flushes <= 21
    assert c.changed() is None  # a flush is pending: the change rides along
    c.flushed()
    assert c.changed() == pytest.approx(0.1)  # the next one waits for the interval
    now[0] += 1.0
    c.flushed()
    now[0] += 1.0
    assert c.changed() == 0.0  # after a quiet second: at once


def test_pager_rotates_steps_and_pauses() -> None:
    pager = Pager()
    pager.resize(count=20, per_page=8)
    assert pager.pages == 3 and list(pager.slice()) == list(range(8))
    pager.tick()
    pager.tick()
    assert list(pager.slice()) == list(range(16, 20))
    pager.tick()
    assert pager.page == 0
    pager.paused = True
    pager.tick()
    assert pager.page == 0
    pager.step(-1)
    assert pager.page == 2
    pager.resize(count=5, per_page=8)
    assert pager.page == 0 and pager.pages == 1


def test_the_simulation_stays_consistent() -> None:
    sim = ScaleSimulation(agents=2000, queues=200, seed=3)
    for _ in range(20):
        queues, agents = sim.step(2000, 5.0)
        assert queues and agents
    state = WallboardState()
    state.apply(
        WallboardSnapshot(
            tuple(queue_stats(sim.queue_wire(q)) for q in sim.queues),
            tuple(roster_entry(sim.agent_wire(a)) for a in sim.agents),
            AT,
        )
    )
    assert len(state.queues) == 200 and len(state.agents) == 2000
    for q in state.queues.values():
        members = len(sim.queues[q.queue_id].members)
        total = q.agents_ready + q.agents_busy + q.agents_after_call_work + q.agents_not_ready
        assert total == members
        assert sum(q.not_ready_by_reason.values()) == q.agents_not_ready
        assert 0 <= q.service_level <= 1 and 0 <= q.abandon_rate <= 1
    busy = [a for a in state.agents.values() if a.state == "busy"]
    assert busy and all(a.interaction_id and a.interaction_queue for a in busy)
    # a loaded centre: some queues over a threshold, some not
    levels = {state.queue_level(q)[0] for q in state.queues}
    assert Level.OK in levels and len(levels) > 1
    # the same seed, the same centre
    again = ScaleSimulation(agents=2000, queues=200, seed=3)
    for _ in range(20):
        again.step(2000, 5.0)
    assert again.queue_wire("q042") == sim.queue_wire("q042")
