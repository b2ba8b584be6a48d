"""Where the supervisor's live figures come from."""

from __future__ import annotations

from collections.abc import AsyncIterator
from typing import Protocol

from agent_desktop.domain.wallboard import WallboardEvent


class WallboardSource(Protocol):
    def wallboard_events(self) -> AsyncIterator[WallboardEvent]:
        """A snapshot first, then every change, until the link drops (GatewayError)."""
        ...
