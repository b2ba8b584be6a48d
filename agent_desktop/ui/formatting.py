"""Durations shown to the advisor: time in state, time waited (mm:ss, h:mm:ss past an hour)."""

from __future__ import annotations

from datetime import UTC, datetime


def seconds_since(since: datetime, now: datetime | None = None) -> int:
    """Whole seconds from ``since`` to now; never negative (clocks drift a little)."""
    current = now or datetime.now(UTC)
    if since.tzinfo is None:
        since = since.replace(tzinfo=UTC)
    return max(0, int((current - since).total_seconds()))


def clock(seconds: int) -> str:
    """``07:05`` or ``1:02:03``."""
    seconds = max(0, int(seconds))
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes:02d}:{secs:02d}"
