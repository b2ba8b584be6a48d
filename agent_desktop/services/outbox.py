"""The durable outbox: every write carrying an advisor's work reaches the server once.

``submit`` writes the request to the store with an idempotency key chosen once, and only
then is it sent. A sender loop retries what is pending with exponential back-off and full
jitter, oldest first; the server deduplicates by key, so a retry after a lost response, a
crash or a restart never applies the write twice. A write the server refuses for good
(a 4xx other than 401/408/429) is kept as ``failed`` and reported, never dropped silently.

The pending count and the age of the oldest item are published as
:class:`OutboxChanged` so the shell can show them.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import logging
import random
import time
import uuid
from dataclasses import dataclass, replace
from typing import Any

from agent_desktop.domain.events import DomainEvent, Notice
from agent_desktop.ports.outbox import CommandSender, ItemState, OutboxItem, OutboxStore
from agent_desktop.ports.telephony import GatewayError
from agent_desktop.services.event_bus import EventBus

log = logging.getLogger(__name__)

# Statuses that say "try again later" rather than "never".
RETRY_STATUSES = frozenset({401, 408, 425, 429})
# Adapter codes (no HTTP status) that are nonetheless final.
FINAL_CODES = frozenset({"invalid_id"})


@dataclass(frozen=True, slots=True)
class OutboxChanged(DomainEvent):
    """What is waiting: ``pending`` items, the oldest written at ``oldest_created_at``
    (UNIX time, ``None`` when nothing waits) and ``failed`` items refused for good."""

    pending: int
    oldest_created_at: float | None
    failed: int


@dataclass(frozen=True, slots=True)
class OutboxDelivered(DomainEvent):
    item: OutboxItem
    response: dict[str, Any]


@dataclass(frozen=True, slots=True)
class OutboxFailed(DomainEvent):
    item: OutboxItem
    code: str


def is_final(exc: GatewayError) -> bool:
    """True when retrying cannot help (the server understood and refused)."""
    if exc.code in FINAL_CODES:
        return True
    return exc.status is not None and 400 <= exc.status < 500 and exc.status not in RETRY_STATUSES


class Outbox:
    """Writes to the store, then delivers; see the module docstring.

    Attributes:
        owner: the logged-in user; only their items are sent (with their session).
        delivered / attempts: counters for the reliability figures.
    """

    def __init__(
        self,
        store: OutboxStore,
        sender: CommandSender,
        bus: EventBus,
        owner: str = "",
        base_delay: float = 0.5,
        max_delay: float = 30.0,
        rng: random.Random | None = None,
    ) -> None:
        self.store = store
        self._sender = sender
        self._bus = bus
        self.owner = owner
        self._base_delay = base_delay
        self._max_delay = max_delay
        self._rng = rng or random.Random()
        self._lock = asyncio.Lock()
        self._wake = asyncio.Event()
        self.delivered = 0
        self.attempts = 0

    # ------------------------------------------------------------ writing

    def submit(self, kind: str, method: str, path: str, body: dict[str, Any]) -> int:
        """Store one write (durably) and wake the sender; returns the item id.

        A write refused earlier for the same method and path (e.g. a wrap-up sent without
        the code its queue requires) is marked ``superseded``: the advisor corrected it, so
        it no longer counts as refused."""
        key = str(uuid.uuid4())
        item = self.store.add(self.owner, kind, method, path, body, key)
        log.info("outbox: %s #%s written", kind, item.id)
        for old in self.store.failed(self.owner):
            if (old.method, old.path) == (method, path):
                self.store.mark(old.id, ItemState.SUPERSEDED)
                log.info("outbox: %s #%s superseded by #%s", old.kind, old.id, item.id)
        self.publish_status()
        self._wake.set()
        return item.id

    def nudge(self) -> None:
        """Try again now (e.g. the link just came back)."""
        self._wake.set()

    # ------------------------------------------------------------ status

    def status(self) -> OutboxChanged:
        pending = self.store.pending(self.owner) if self.owner else []
        failed = self.store.counts(self.owner)[ItemState.FAILED] if self.owner else 0
        oldest = pending[0].created_at if pending else None
        return OutboxChanged(len(pending), oldest, failed)

    def publish_status(self) -> None:
        self._bus.publish(self.status())

    def pending(self, kind: str | None = None) -> list[OutboxItem]:
        items = self.store.pending(self.owner) if self.owner else []
        return [i for i in items if kind is None or i.kind == kind]

    # ------------------------------------------------------------ sending

    async def deliver(self, item_id: int) -> bool | None:
        """One attempt now. True: delivered (or already), False: refused for good,
        None: not delivered yet (it stays pending and the sender retries)."""
        async with self._lock:
            item = self.store.get(item_id)
            if item is None or item.state == ItemState.SENT:
                return True
            if item.state == ItemState.FAILED:
                return False
            return await self._attempt(item)

    async def _attempt(self, item: OutboxItem) -> bool | None:
        self.attempts += 1
        try:
            response = await self._sender.send_command(item.method, item.path, item.body, item.key)
        except GatewayError as exc:
            self.store.attempted(item.id, exc.code)
            if is_final(exc):
                self.store.mark(item.id, ItemState.FAILED, exc.code)
                log.warning("outbox: %s #%s refused for good: %s", item.kind, item.id, exc.code)
                failed = replace(item, state=ItemState.FAILED, last_error=exc.code)
                self._bus.publish(OutboxFailed(failed, exc.code))
                self._bus.publish(Notice(exc.message, "error", exc.code))
                self.publish_status()
                return False
            log.info("outbox: %s #%s not delivered yet: %s", item.kind, item.id, exc.code)
            return None
        self.store.attempted(item.id, None)
        self.store.mark(item.id, ItemState.SENT)
        self.delivered += 1
        log.info("outbox: %s #%s delivered", item.kind, item.id)
        self._bus.publish(OutboxDelivered(replace(item, state=ItemState.SENT), response))
        self.publish_status()
        return True

    def backoff(self, failures: int) -> float:
        """Full-jitter exponential back-off."""
        ceiling = min(self._max_delay, self._base_delay * 2 ** max(0, failures - 1))
        return self._rng.uniform(0, ceiling)

    async def run(self) -> None:
        """Deliver pending items until cancelled, oldest first, retrying with back-off."""
        failures = 0
        for _round in itertools.count():
            self._wake.clear()
            blocked = False
            for item in self.pending():
                if await self.deliver(item.id) is None:
                    blocked = True  # keep the order: later items wait for this one
                    break
            if not blocked:
                failures = 0
                await self._wake.wait()
                continue
            failures += 1
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._wake.wait(), self.backoff(failures))

    async def flush(self, within: float = 10.0) -> bool:
        """Wait (letting the sender work) until nothing is pending; False on time-out."""
        deadline = time.monotonic() + within
        while self.pending():
            if time.monotonic() > deadline:
                return False
            self.nudge()
            await asyncio.sleep(0.05)
        return True


class MemoryOutboxStore:
    """An :class:`OutboxStore` in memory, for headless uses that need no durability."""

    def __init__(self) -> None:
        self._items: dict[int, OutboxItem] = {}
        self._drafts: dict[tuple[str, str], dict[str, Any]] = {}
        self._ids = itertools.count(1)

    def add(
        self, owner: str, kind: str, method: str, path: str, body: dict[str, Any], key: str
    ) -> OutboxItem:
        item = OutboxItem(next(self._ids), owner, kind, method, path, body, key, time.time())
        self._items[item.id] = item
        return item

    def _in_state(self, owner: str, state: ItemState) -> list[OutboxItem]:
        return [i for i in self._items.values() if i.owner == owner and i.state == state]

    def pending(self, owner: str) -> list[OutboxItem]:
        return self._in_state(owner, ItemState.PENDING)

    def get(self, item_id: int) -> OutboxItem | None:
        return self._items.get(item_id)

    def failed(self, owner: str) -> list[OutboxItem]:
        return self._in_state(owner, ItemState.FAILED)

    def attempted(self, item_id: int, error: str | None) -> None:
        item = self._items[item_id]
        self._items[item_id] = replace(item, attempts=item.attempts + 1, last_error=error)

    def mark(self, item_id: int, state: ItemState, error: str | None = None) -> None:
        item = self._items[item_id]
        self._items[item_id] = replace(item, state=state, last_error=error or item.last_error)

    def counts(self, owner: str) -> dict[ItemState, int]:
        out = dict.fromkeys(ItemState, 0)
        for item in self._items.values():
            if item.owner == owner:
                out[item.state] += 1
        return out

    def save_draft(self, owner: str, key: str, value: dict[str, Any]) -> None:
        self._drafts[(owner, key)] = value

    def draft(self, owner: str, key: str) -> dict[str, Any] | None:
        return self._drafts.get((owner, key))

    def drafts(self, owner: str) -> dict[str, dict[str, Any]]:
        return {k: v for (o, k), v in self._drafts.items() if o == owner}

    def delete_draft(self, owner: str, key: str) -> None:
        self._drafts.pop((owner, key), None)

    def close(self) -> None:
        pass
