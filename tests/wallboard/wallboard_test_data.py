"""Queue figures for the wallboard's widget tests."""

from __future__ import annotations

from agent_desktop.domain.wallboard import QueueStats


def queue(i: int, waiting: int = 0, name: str | None = None) -> QueueStats:
    """Queue ``q00i``: ``waiting`` calls (the longest 20 s each), the rest calm."""
    return QueueStats(
        queue_id=f"q{i:03d}",
        name=name or f"Queue {i:03d}",
        waiting=waiting,
        longest_wait_seconds=waiting * 20,
        service_level=0.9,
        service_level_target_seconds=20,
        abandon_rate=0.01,
        agents_ready=2,
        agents_busy=5,
        agents_after_call_work=1,
        agents_not_ready=3,
        not_ready_by_reason={"lunch": 2, "training": 1},
    )
