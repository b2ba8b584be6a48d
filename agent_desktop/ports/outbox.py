"""What the durable outbox needs: a store that survives a crash, and a way to send.

Every write that carries an advisor's work (wrap-ups, notes, knowledge-base submissions,
callback requests) is written to the store *before* it is sent, with an idempotency key
chosen once, so a retry — after a timeout, a lost response, a crash or a server restart —
can never apply it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Protocol


class ItemState(StrEnum):
    PENDING = "pending"
    SENT = "sent"
    FAILED = "failed"  # refused for good by the server (4xx other than 401/408/429)
    SUPERSEDED = "superseded"  # refused, then replaced by a corrected write to the same path


@dataclass(frozen=True, slots=True)
class OutboxItem:
    """One write waiting to reach the server (or already delivered).

    Attributes:
        id: local sequence number (delivery order).
        owner: the user the write belongs to (sent only with that user's session).
        kind: what it is (``wrap_up``, ``kb_submission``…), for the UI and the logs.
        method / path / body: the request to send.
        key: the ``Idempotency-Key``, generated once when the item was written.
        created_at: UNIX time it was written (the UI shows the oldest age).
        attempts: how many times it was tried.
        state: pending, sent or failed.
        last_error: the code of the last failure (never personal data).
    """

    id: int
    owner: str
    kind: str
    method: str
    path: str
    body: dict[str, Any]
    key: str
    created_at: float
    attempts: int = 0
    state: ItemState = ItemState.PENDING
    last_error: str | None = None


class OutboxStore(Protocol):
    """Durable storage of outbox items and of drafts (notes typed but not yet sent)."""

    def add(
        self, owner: str, kind: str, method: str, path: str, body: dict[str, Any], key: str
    ) -> OutboxItem:
        """Write one item; it is on disk when this returns."""
        ...

    def pending(self, owner: str) -> list[OutboxItem]:
        """The owner's pending items, oldest first."""
        ...

    def get(self, item_id: int) -> OutboxItem | None: ...

    def attempted(self, item_id: int, error: str | None) -> None:
        """Count one attempt (and its error code, if it failed)."""
        ...

    def mark(self, item_id: int, state: ItemState, error: str | None = None) -> None: ...

    def counts(self, owner: str) -> dict[ItemState, int]: ...

    def failed(self, owner: str) -> list[OutboxItem]:
        """The owner's items refused for good, oldest first."""
        ...

    def save_draft(self, owner: str, key: str, value: dict[str, Any]) -> None:
        """Keep a draft (e.g. the notes of a wrap-up as typed) until it is sent."""
        ...

    def draft(self, owner: str, key: str) -> dict[str, Any] | None: ...

    def drafts(self, owner: str) -> dict[str, dict[str, Any]]: ...

    def delete_draft(self, owner: str, key: str) -> None: ...

    def close(self) -> None: ...


class CommandSender(Protocol):
    """Sends one stored write; raises ``GatewayError`` when it was not applied."""

    async def send_command(
        self, method: str, path: str, body: dict[str, Any], idempotency_key: str
    ) -> dict[str, Any]: ...
