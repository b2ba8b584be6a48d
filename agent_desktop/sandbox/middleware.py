"""ASGI middleware: the 1 MB body limit and ``Idempotency-Key`` replay.

Both work on raw ASGI messages so they apply to every route the same way, before FastAPI
parses anything.
"""

from __future__ import annotations

import asyncio
import time
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass, field

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from agent_desktop.sandbox.errors import error_response
from agent_desktop.sandbox.state_db import StateDb

MUTATING = frozenset({"POST", "PUT", "PATCH", "DELETE"})


class BodyLimit:
    """Refuse request bodies over ``max_bytes`` with 413 ``payload_too_large``.

    The body is read (and dropped) to the end before answering, so the client always gets
    the response instead of a connection reset.
    """

    def __init__(self, app: ASGIApp, max_bytes: int) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in MUTATING:
            await self.app(scope, receive, send)
            return
        chunks: list[bytes] = []
        size = 0
        too_large = False
        for name, value in scope["headers"]:
            if name == b"content-length" and value.isdigit() and int(value) > self.max_bytes:
                too_large = True
        more = True
        while more:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            body = message.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                too_large = True
            if not too_large:
                chunks.append(body)
            more = message.get("more_body", False)
        if too_large:
            response = error_response(
                413,
                "payload_too_large",
                f"request bodies are limited to {self.max_bytes} bytes",
                {"max_bytes": self.max_bytes},
            )
            await response(scope, receive, send)
            return
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": b"".join(chunks), "more_body": False}
            return await receive()

        await self.app(scope, replay, send)


@dataclass(slots=True)
class IdempotencyMemory:
    """The keys seen and the responses kept; outlives one app when the sandbox's HTTP
    server is restarted in the same process. Finished answers are also written to the
    sandbox's state database (``db``), so they outlive a restart of the process when that
    database is a file. ``replays`` counts answers replayed."""

    entries: OrderedDict[tuple[str, str], _Stored] = field(default_factory=OrderedDict)
    db: StateDb = field(default_factory=StateDb)

    @property
    def replays(self) -> int:
        return self.db.replays()


@dataclass(slots=True)
class _Stored:
    fingerprint: str
    created: float
    done: asyncio.Event = field(default_factory=asyncio.Event)
    messages: list[Message] = field(default_factory=list)
    status: int = 0


class Idempotency:
    """Replay the first response to a command sent again with the same ``Idempotency-Key``.

    Keys are per user (from the bearer token); the same key on another method or path is
    refused with 422 ``idempotency_key_reused``. Server errors (5xx) are not kept.
    """

    def __init__(
        self,
        app: ASGIApp,
        user_for_token: Callable[[Scope, str], str | None],
        max_entries: int = 10_000,
        ttl_seconds: float = 24 * 3600,
        memory: IdempotencyMemory | None = None,
    ) -> None:
        self.app = app
        self.user_for_token = user_for_token
        self.max_entries = max_entries
        self.ttl = ttl_seconds
        self.memory = memory if memory is not None else IdempotencyMemory()
        self._entries = self.memory.entries

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope["method"] not in MUTATING:
            await self.app(scope, receive, send)
            return
        headers = dict(scope["headers"])
        key = headers.get(b"idempotency-key", b"").decode("latin-1").strip()
        auth = headers.get(b"authorization", b"").decode("latin-1")
        token = auth[7:].strip() if auth.lower().startswith("bearer ") else ""
        user = self.user_for_token(scope, token) if key and token else None
        if not key or user is None:
            await self.app(scope, receive, send)
            return
        fingerprint = f"{scope['method']} {scope['path']}"
        self._expire()
        stored = self._entries.get((user, key))
        if stored is None:
            stored = self._from_db(user, key)
        if stored is not None:
            await stored.done.wait()
            if stored.fingerprint != fingerprint:
                response = error_response(
                    422,
                    "idempotency_key_reused",
                    "this Idempotency-Key was already used for another request",
                    {"first_request": stored.fingerprint},
                )
                await response(scope, receive, send)
                return
            if stored.messages:
                self.memory.db.count_replay()
                for message in stored.messages:
                    if message["type"] == "http.response.start":
                        replay_header = (b"idempotent-replayed", b"true")
                        message = {**message, "headers": [*message["headers"], replay_header]}
                    await send(message)
                return
            # the first attempt failed with a server error: run this one for real
        stored = _Stored(fingerprint, time.monotonic())
        self._entries[(user, key)] = stored

        async def capture(message: Message) -> None:
            if message["type"] == "http.response.start":
                stored.status = message["status"]
            stored.messages.append(message)
            await send(message)

        try:
            await self.app(scope, receive, capture)
        finally:
            if stored.status >= 500 or not stored.status:
                stored.messages.clear()
                self._entries.pop((user, key), None)
            else:
                self._to_db(user, key, stored)
            stored.done.set()
        while len(self._entries) > self.max_entries:
            self._entries.popitem(last=False)

    def _from_db(self, user: str, key: str) -> _Stored | None:
        """An answer given before this process started (the state database is a file)."""
        kept = self.memory.db.response(user, key)
        if kept is None:
            return None
        stored = _Stored(kept.fingerprint, time.monotonic())
        stored.status = kept.status
        stored.messages = [
            {"type": "http.response.start", "status": kept.status, "headers": kept.headers},
            {"type": "http.response.body", "body": kept.body, "more_body": False},
        ]
        stored.done.set()
        return stored

    def _to_db(self, user: str, key: str, stored: _Stored) -> None:
        headers: list[tuple[bytes, bytes]] = []
        body = b""
        for message in stored.messages:
            if message["type"] == "http.response.start":
                headers = [(bytes(n), bytes(v)) for n, v in message.get("headers", [])]
            elif message["type"] == "http.response.body":
                body += bytes(message.get("body", b""))
        self.memory.db.keep_response(user, key, stored.fingerprint, stored.status, headers, body)

    def _expire(self) -> None:
        limit = time.monotonic() - self.ttl
        while self._entries:
            first = next(iter(self._entries.values()))
            if first.created >= limit:
                break
            self._entries.popitem(last=False)
