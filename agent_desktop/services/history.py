"""The customer's unified history, for the history panel and the summary.

Qt-free: the panel's model asks for pages through :class:`HistoryService` and the
service measures each answer (first page, filter) so the figures in
``docs/performance.md`` come from the code the advisor runs.
"""

from __future__ import annotations

import asyncio
import logging
import time
from collections.abc import Sequence
from dataclasses import dataclass

from agent_desktop.ports.history import CHANNELS, History, HistoryItem, HistoryPage

log = logging.getLogger(__name__)

PAGE_SIZE = 50


@dataclass(frozen=True, slots=True)
class HistoryQuery:
    """What the panel shows: one customer, some channels (all when empty), a search."""

    customer_id: str
    channels: tuple[str, ...] = ()
    text: str = ""

    def __post_init__(self) -> None:
        unknown = set(self.channels) - set(CHANNELS)
        if unknown:
            raise ValueError(f"unknown channels: {sorted(unknown)}")


class HistoryUnavailable(Exception):
    """The platform connector offers no history."""


PageKey = tuple[HistoryQuery, str | None, int]


class HistoryService:
    """Reads history pages; ``last_ms`` is how long the last page took (wire + decode).

    A screen-pop makes the History, Summary and Knowledge docks ask for the same first
    page at once; identical requests in flight share one round trip (``requests`` counts
    the round trips actually made).
    """

    def __init__(self, source: History | None) -> None:
        self._source = source
        self.last_ms: float | None = None
        self.requests = 0
        self._in_flight: dict[PageKey, asyncio.Task[HistoryPage]] = {}

    @property
    def available(self) -> bool:
        return self._source is not None

    async def page(
        self, query: HistoryQuery, cursor: str | None = None, limit: int = PAGE_SIZE
    ) -> HistoryPage:
        """One page, newest first. Raises :class:`GatewayError` on failure."""
        if self._source is None:
            raise HistoryUnavailable
        key = (query, cursor, limit)
        task = self._in_flight.get(key)
        if task is None:
            task = asyncio.ensure_future(self._fetch(self._source, key))
            self._in_flight[key] = task
            task.add_done_callback(lambda done: self._settled(key, done))
        # A caller that gives up (another customer) does not cancel the others' answer.
        return await asyncio.shield(task)

    def _settled(self, key: PageKey, task: asyncio.Task[HistoryPage]) -> None:
        self._in_flight.pop(key, None)
        if not task.cancelled():
            task.exception()  # retrieved here too: every waiter may have given up

    async def cancel_pending(self) -> None:
        """Cancel the requests still in flight (at logout)."""
        tasks = list(self._in_flight.values())
        for task in tasks:
            task.cancel()
        if tasks:
            await asyncio.gather(*tasks, return_exceptions=True)

    async def _fetch(self, source: History, key: PageKey) -> HistoryPage:
        query, cursor, limit = key
        self.requests += 1
        started = time.perf_counter()
        page = await source.history_page(
            query.customer_id, cursor, limit, query.channels, query.text
        )
        self.last_ms = (time.perf_counter() - started) * 1000
        log.debug("history page of %d items in %.1f ms", len(page.items), self.last_ms)
        return page

    async def item(self, customer_id: str, item_id: str) -> HistoryItem | None:
        """One item with its whole body (``None`` when it no longer exists)."""
        if self._source is None:
            raise HistoryUnavailable
        return await self._source.history_item(customer_id, item_id)

    async def recent(
        self, customer_id: str, limit: int = 50, channels: Sequence[str] = ()
    ) -> list[HistoryItem]:
        """The newest items (for the summary and the KB context).

        Asks for at least a whole first page, the History dock's own request on a pop:
        both then share one round trip (:meth:`page`) instead of two."""
        query = HistoryQuery(customer_id, tuple(channels))
        page = await self.page(query, None, max(limit, PAGE_SIZE))
        return list(page.items[:limit])
