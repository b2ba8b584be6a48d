"""Advisors' contributions to the knowledge base: a new article or a fix of one.

A contribution goes through the durable outbox like every write that carries the
advisor's work: it is stored first, then sent with its own idempotency key, retried while
the server is unreachable, and never lost or filed twice. It shows as pending until the
server has it; then the server's review status (``pending_review``…) is shown.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from agent_desktop.ports.outbox import OutboxItem
from agent_desktop.services.event_bus import EventBus
from agent_desktop.services.outbox import Outbox, OutboxDelivered, OutboxFailed

KB_SUBMISSION = "kb_submission"
SUBMIT_PATH = "/v1/kb/articles"
MAX_TITLE = 300
MAX_BODY = 50_000


@dataclass(frozen=True, slots=True)
class Contribution:
    """One contribution as the advisor sees it.

    Attributes:
        state: ``waiting`` (not yet on the server), ``received`` (the server has it, see
            ``review``), or ``refused`` (the server refused it for good).
    """

    item_id: int
    title: str
    replaces: str | None
    state: str
    review: str | None = None
    server_id: str | None = None


class KbContributions:
    """Submits contributions through the outbox and remembers what became of them."""

    def __init__(self, outbox: Outbox, bus: EventBus) -> None:
        self._outbox = outbox
        self._outcomes: dict[int, Contribution] = {}
        bus.subscribe(OutboxDelivered, self._on_delivered)
        bus.subscribe(OutboxFailed, self._on_failed)

    def submit(
        self,
        language: str,
        title: str,
        body: str,
        questions: Sequence[str] = (),
        replaces: str | None = None,
    ) -> int:
        """Store the contribution (durably) and start sending it; returns its item id.

        Raises ``ValueError`` with a sentence the advisor can act on when it is incomplete.
        """
        title, body = title.strip(), body.strip()
        if not title:
            raise ValueError("the title is empty")
        if not body:
            raise ValueError("the article text is empty")
        if len(title) > MAX_TITLE or len(body) > MAX_BODY:
            raise ValueError("the title or the text is too long")
        if language not in ("fr", "en"):
            raise ValueError("the language must be fr or en")
        payload: dict[str, Any] = {
            "language": language,
            "title": title,
            "body": body,
            "questions": [q.strip() for q in questions if q.strip()][:50],
            "replaces": replaces,
        }
        item_id = self._outbox.submit(KB_SUBMISSION, "POST", SUBMIT_PATH, payload)
        self._outcomes[item_id] = Contribution(item_id, title, replaces, "waiting")
        return item_id

    async def send_now(self, item_id: int) -> bool | None:
        """One delivery attempt now (the outbox retries by itself otherwise)."""
        return await self._outbox.deliver(item_id)

    def contributions(self) -> list[Contribution]:
        """Waiting ones (from the outbox, so they survive a restart) and those sent since."""
        waiting = {i.id: _from_item(i) for i in self._outbox.pending(KB_SUBMISSION)}
        known = {k: v for k, v in self._outcomes.items() if v.state != "waiting"}
        return sorted({**known, **waiting}.values(), key=lambda c: c.item_id)

    def _on_delivered(self, event: OutboxDelivered) -> None:
        if event.item.kind != KB_SUBMISSION:
            return
        response = event.response
        self._outcomes[event.item.id] = Contribution(
            event.item.id,
            str(event.item.body.get("title", "")),
            event.item.body.get("replaces"),
            "received",
            str(response.get("status", "pending_review")),
            str(response.get("id")) if response.get("id") else None,
        )

    def _on_failed(self, event: OutboxFailed) -> None:
        if event.item.kind != KB_SUBMISSION:
            return
        self._outcomes[event.item.id] = Contribution(
            event.item.id,
            str(event.item.body.get("title", "")),
            event.item.body.get("replaces"),
            "refused",
            event.code,
        )


def _from_item(item: OutboxItem) -> Contribution:
    return Contribution(
        item.id, str(item.body.get("title", "")), item.body.get("replaces"), "waiting"
    )
