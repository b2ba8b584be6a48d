"""The customer's unified history, read page by page from the platform."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Protocol, runtime_checkable

CHANNELS = ("voice", "email", "chat", "sms", "social", "callback", "letter", "web")


@dataclass(frozen=True, slots=True)
class HistoryItem:
    """One past interaction of a customer, on any channel.

    Attributes:
        summary: a one-line extract; ``body`` is the whole text, only when read on its own.
    """

    id: str
    customer_id: str
    channel: str
    direction: str
    at: datetime
    queue: str | None = None
    agent: str | None = None
    reason: str | None = None
    outcome: str | None = None
    summary: str = ""
    body: str | None = None


@dataclass(frozen=True, slots=True)
class HistoryPage:
    """One page, newest first; ``next_cursor`` is opaque and ``None`` on the last page."""

    items: tuple[HistoryItem, ...]
    next_cursor: str | None
    total: int


@runtime_checkable
class History(Protocol):
    async def history_page(
        self,
        customer_id: str,
        cursor: str | None = None,
        limit: int = 50,
        channels: Sequence[str] = (),
        query: str = "",
    ) -> HistoryPage: ...

    async def history_item(self, customer_id: str, item_id: str) -> HistoryItem | None: ...
