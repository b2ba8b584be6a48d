"""The gateway protocol v1 client (implements the Telephony and Customers ports).

Commands and queries are JSON over httpx with TLS verified by default; every mutating
command carries an ``Idempotency-Key`` so a retry never acts twice. Failures of any
kind come out as :class:`GatewayError` with a stable code the shell can translate.
"""

from __future__ import annotations

import logging
import ssl
import uuid
from collections.abc import AsyncIterator, Sequence
from datetime import datetime
from typing import Any, TypeVar
from urllib.parse import quote

import httpx
from httpx_sse import ServerSentEvent, SSEError, aconnect_sse
from pydantic import BaseModel, ValidationError

from agent_desktop.adapters.gateway import commands, mapping
from agent_desktop.adapters.gateway.events import BadEvent, decode
from agent_desktop.domain.agent import Agent, AgentState
from agent_desktop.domain.customer import Customer
from agent_desktop.domain.interaction import Action, Interaction
from agent_desktop.ports.history import HistoryItem, HistoryPage
from agent_desktop.ports.knowledge import Article, ArticleHit, ArticlePage
from agent_desktop.ports.telephony import (
    STREAM_OPENED,
    CodeCatalogue,
    GatewayError,
    SessionInfo,
    StreamEvent,
)
from agent_desktop.protocol import schemas as w

log = logging.getLogger(__name__)

M = TypeVar("M", bound=BaseModel)

# Path segment of each call-control action (the wire uses kebab-case in URLs).
ACTION_PATHS: dict[Action, str] = {a: a.value.replace("_", "-") for a in Action}


class GatewayClient:
    """Talks to one gateway (a real platform connector or the bundled sandbox).

    Attributes:
        base_url: e.g. ``https://gateway.example:8443`` or the sandbox's loopback URL.
        token: the session token once logged in (never logged).
    """

    def __init__(
        self,
        base_url: str,
        verify: bool | str | ssl.SSLContext = True,
        timeout: float = 10.0,
        transport: httpx.AsyncBaseTransport | None = None,
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.token: str | None = None
        self.max_response_bytes = commands.MAX_RESPONSE_BYTES
        self._verify = verify
        self._timeout = httpx.Timeout(timeout, connect=min(timeout, 5.0))
        self._http = httpx.AsyncClient(
            base_url=self.base_url, verify=verify, timeout=self._timeout, transport=transport
        )

    async def aclose(self) -> None:
        await self._http.aclose()

    # ------------------------------------------------------------- plumbing

    def _headers(self, idempotent: bool) -> dict[str, str]:
        headers = {"Accept": "application/json"}
        if self.token:
            headers["Authorization"] = f"Bearer {self.token}"
        if idempotent:
            headers["Idempotency-Key"] = str(uuid.uuid4())
        return headers

    async def _call(
        self,
        method: str,
        path: str,
        model: type[M],
        json: dict[str, Any] | None = None,
        params: dict[str, Any] | None = None,
        idempotent: bool = False,
    ) -> M:
        headers = self._headers(idempotent)
        try:
            # Streamed and capped: an oversized answer is refused, never read whole.
            async with self._http.stream(
                method, path, json=json, params=params, headers=headers
            ) as streamed:
                content = await commands.read_capped(streamed, self.max_response_bytes)
        except httpx.TimeoutException:
            raise GatewayError(
                "timeout", f"the gateway did not answer in time ({method})"
            ) from None
        except httpx.HTTPError as exc:
            raise _transport_error(exc, self.base_url) from None
        response = httpx.Response(streamed.status_code, content=content)
        if response.status_code >= 400:
            raise _error_from(response)
        try:
            return model.model_validate_json(response.content)
        except ValidationError:
            raise GatewayError(
                "bad_response", f"unexpected answer to {method} {path}", response.status_code
            ) from None

    # ------------------------------------------------------------- Telephony

    async def login(self, username: str, password: str) -> SessionInfo:
        body = w.LoginRequest(username=username, password=password).model_dump()
        answer = await self._call("POST", "/v1/sessions", w.LoginResponse, json=body)
        self.token = answer.token
        return SessionInfo(
            token=answer.token,
            role=answer.role,
            capabilities=tuple(answer.capabilities),
            agent=mapping.agent(answer.agent),
        )

    async def logout(self) -> None:
        if self.token:
            try:
                await self._http.delete("/v1/sessions/current", headers=self._headers(False))
            except httpx.HTTPError as exc:
                raise GatewayError("unreachable", str(exc)) from None
            finally:
                self.token = None

    async def get_agent(self) -> Agent:
        return mapping.agent(await self._call("GET", "/v1/agent", w.AgentWire))

    async def set_agent_state(self, state: AgentState, reason_code: str | None = None) -> Agent:
        body = {"state": state.value, "reason_code": reason_code}
        answer = await self._call("PUT", "/v1/agent/state", w.AgentWire, json=body, idempotent=True)
        return mapping.agent(answer)

    async def list_interactions(self) -> tuple[list[Interaction], int]:
        snap = await self._call("GET", "/v1/interactions", w.InteractionsSnapshot)
        return [mapping.interaction(i) for i in snap.interactions], snap.last_event_id

    async def act(
        self, interaction_id: str, action: Action, body: dict[str, Any] | None = None
    ) -> Interaction:
        path = f"/v1/interactions/{_segment(interaction_id)}/{ACTION_PATHS[action]}"
        answer = await self._call("POST", path, w.InteractionWire, json=body or {}, idempotent=True)
        return mapping.interaction(answer)

    async def send_command(
        self, method: str, path: str, body: dict[str, Any], idempotency_key: str
    ) -> dict[str, Any]:
        """Send one outbox item with its own idempotency key (see ``commands.py``)."""
        return await commands.send_command(self, self._http, method, path, body, idempotency_key)

    async def codes(self) -> CodeCatalogue:
        lists = await self._call("GET", "/v1/codes", w.CodeLists)
        return CodeCatalogue(
            wrap_up=[mapping.code(c) for c in lists.wrap_up],
            not_ready=[mapping.code(c) for c in lists.not_ready],
            contact_reasons=[mapping.code(c) for c in lists.contact_reasons],
        )

    async def events(self, last_event_id: int | None = None) -> AsyncIterator[StreamEvent]:
        """Yield decoded events until the server closes the stream or the link drops.

        A malformed or unknown event is logged (its type and the reason only) and
        skipped; transport failures end the iteration with :class:`GatewayError`.
        """
        # agent.kpis: the banner's figures, pushed when they change (unnumbered)
        async for sse in self.server_sent_events("/v1/events?include=agent.kpis", last_event_id):
            if sse is None:
                yield StreamEvent(0, STREAM_OPENED, None)
                continue
            try:
                yield decode(sse.event, sse.data, sse.id or None)
            except BadEvent as exc:
                log.warning("ignored an event: %s", exc)

    async def server_sent_events(
        self, path: str, last_event_id: int | None = None
    ) -> AsyncIterator[ServerSentEvent | None]:
        """The raw events of an SSE resource: ``None`` once the server has accepted the
        stream, then every event that carries data. Transport failures end it with
        :class:`GatewayError` (``stream_lost``); an HTTP error status with that error."""
        headers = self._headers(False)
        headers["Accept"] = "text/event-stream"
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        # No read timeout: the server sends a keep-alive comment every 15 s.
        timeout = httpx.Timeout(None, connect=self._timeout.connect)
        try:
            async with aconnect_sse(
                self._http, "GET", path, headers=headers, timeout=timeout
            ) as source:
                if source.response.status_code >= 400:
                    await source.response.aread()
                    raise _error_from(source.response)
                yield None
                async for sse in source.aiter_sse():
                    if sse.data:  # a bare `retry:` or `id:` block dispatches nothing (SSE spec)
                        yield sse
        except (httpx.HTTPError, SSEError) as exc:
            raise GatewayError(
                "stream_lost", f"{path} stream interrupted: {type(exc).__name__}"
            ) from None

    async def _find(self, path: str, model: type[M]) -> M | None:
        """GET one resource; ``None`` when the server says it does not exist (404)."""
        try:
            return await self._call("GET", path, model)
        except GatewayError as exc:
            if exc.status == 404:
                return None
            raise

    # ------------------------------------------------------------- Customers

    async def get(self, customer_id: str) -> Customer | None:
        answer = await self._find(f"/v1/customers/{_segment(customer_id)}", w.CustomerWire)
        return mapping.customer(answer) if answer else None

    async def lookup_phone(self, phone_e164: str) -> list[Customer]:
        answer = await self._call(
            "GET", "/v1/customers/lookup", w.CustomerMatches, params={"phone": phone_e164}
        )
        return [mapping.customer(c) for c in answer.matches]

    async def search(self, query: str) -> list[Customer]:
        answer = await self._call(
            "GET", "/v1/customers/search", w.CustomerMatches, params={"q": query[:200]}
        )
        return [mapping.customer(c) for c in answer.matches]

    # ------------------------------------------------------------- History

    async def history_page(
        self,
        customer_id: str,
        cursor: str | None = None,
        limit: int = 50,
        channels: Sequence[str] = (),
        query: str = "",
    ) -> HistoryPage:
        params: dict[str, Any] = {"limit": limit}
        if cursor:
            params["cursor"] = cursor
        if channels:
            params["channels"] = ",".join(channels)
        if query.strip():
            params["q"] = query.strip()[:200]
        page = await self._call(
            "GET", f"/v1/customers/{_segment(customer_id)}/history", w.HistoryPage, params=params
        )
        return HistoryPage(
            tuple(mapping.history_item(i) for i in page.items), page.next_cursor, page.total
        )

    async def history_item(self, customer_id: str, item_id: str) -> HistoryItem | None:
        path = f"/v1/customers/{_segment(customer_id)}/history/{_segment(item_id)}"
        found = await self._find(path, w.HistoryItemWire)
        return mapping.history_item(found) if found else None

    # ------------------------------------------------------------- Knowledge

    async def kb_search(
        self, query: str, lang: str | None = None, limit: int = 10
    ) -> list[ArticleHit]:
        params: dict[str, Any] = {"q": query[:2000], "limit": limit}
        if lang in ("fr", "en"):
            params["lang"] = lang
        found = await self._call("GET", "/v1/kb/search", w.KbSearchResult, params=params)
        return [mapping.article_hit(h) for h in found.hits]

    async def kb_articles(
        self, updated_since: datetime | None = None, cursor: str | None = None, limit: int = 200
    ) -> ArticlePage:
        params: dict[str, Any] = {"limit": limit}
        if updated_since is not None:
            params["updated_since"] = updated_since.isoformat()
        if cursor:
            params["cursor"] = cursor
        page = await self._call("GET", "/v1/kb/articles", w.ArticleList, params=params)
        return ArticlePage(tuple(mapping.article(a) for a in page.articles), page.next_cursor)

    async def kb_article(self, article_id: str) -> Article | None:
        found = await self._find(f"/v1/kb/articles/{_segment(article_id)}", w.ArticleWire)
        return mapping.article(found) if found else None

    async def kb_feedback(
        self, article_id: str, helpful: bool, context: str = ""
    ) -> tuple[int, int]:
        body = w.ArticleFeedbackRequest(helpful=helpful, context=context[:2000]).model_dump()
        ack = await self._call(
            "POST",
            f"/v1/kb/articles/{_segment(article_id)}/feedback",
            w.ArticleFeedbackAck,
            json=body,
            idempotent=True,
        )
        return ack.helpful, ack.not_helpful


def _segment(identifier: str) -> str:
    """An id made safe as one URL path segment (ids come from the network too)."""
    if identifier in ("", ".", ".."):
        raise GatewayError("invalid_id", "an empty or relative id cannot be requested")
    return quote(identifier, safe="")


def _transport_error(exc: httpx.HTTPError, base_url: str) -> GatewayError:
    """``tls_error`` when the certificate was refused (never silently retried without
    verification), ``unreachable`` for every other connection failure."""
    cause: BaseException | None = exc
    while cause is not None:
        if isinstance(cause, ssl.SSLError):
            return GatewayError("tls_error", f"TLS verification failed for {base_url}: {cause}")
        cause = cause.__cause__ or cause.__context__
    return GatewayError("unreachable", f"cannot reach {base_url}: {exc}")


def _error_from(response: httpx.Response) -> GatewayError:
    try:
        body = w.ErrorResponse.model_validate_json(response.content).error
        return GatewayError(body.code, body.message, response.status_code)
    except ValidationError:
        return GatewayError(
            "http_error", f"the gateway answered HTTP {response.status_code}", response.status_code
        )
