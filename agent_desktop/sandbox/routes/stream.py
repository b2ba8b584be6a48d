"""``GET /v1/events``: the agent's Server-Sent Events stream, with resume by id."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator, Callable, Coroutine
from functools import partial
from typing import Annotated, Any

from fastapi import Header, Query
from fastapi.responses import StreamingResponse

from agent_desktop.protocol.schemas import UNNUMBERED_EVENT_TYPES, StreamReset
from agent_desktop.sandbox.agent_kpis import push_kpis
from agent_desktop.sandbox.deps import AUTH_RESPONSES, Ctx, Token, User
from agent_desktop.sandbox.errors import ApiError
from agent_desktop.sandbox.events import CLOSE, EventHub, Replay, Subscription
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/v1", tags=["events"])

RETRY_MS = 2000


def _parse_id(raw: str | None) -> int | str | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return int(raw.strip())
    except ValueError:
        return "invalid"


async def _frames(
    hub: EventHub,
    sub: Subscription,
    replay: Replay,
    keepalive: float,
    extra: Callable[[], Coroutine[Any, Any, None]] | None = None,
) -> AsyncIterator[str]:
    # ``extra`` queues optional events (agent.kpis) into the subscription while it is open
    task = asyncio.get_running_loop().create_task(extra()) if extra is not None else None
    try:
        yield f"retry: {RETRY_MS}\n\n"
        if replay.reset is not None:
            yield hub.reset_frame(replay.reset)
        for event in replay.events:
            yield event.frame
        while True:
            try:
                item = await asyncio.wait_for(sub.queue.get(), keepalive)
            except TimeoutError:
                yield ": keepalive\n\n"
                continue
            if item is CLOSE:
                return
            yield item.frame  # type: ignore[union-attr]
    finally:
        hub.unsubscribe(sub)
        if task is not None:
            task.cancel()


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={
        **AUTH_RESPONSES,
        200: {
            "description": "an endless `text/event-stream`; see docs/protocol.md",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        },
    },
    summary="The agent's event stream (SSE); resume with Last-Event-ID",
)
async def events(
    ctx: Ctx,
    user: User,
    token: Token,
    last_event_id_header: Annotated[str | None, Header(alias="Last-Event-ID")] = None,
    last_event_id: Annotated[
        str | None, Query(description="alternative to the Last-Event-ID header")
    ] = None,
    include: Annotated[
        str | None,
        Query(
            description="optional event types to receive too, comma-separated: `agent.kpis` "
            "(the advisor's banner figures, unnumbered)"
        ),
    ] = None,
) -> StreamingResponse:
    hub = ctx.hub
    if hub.closed:
        raise ApiError(503, "unavailable", "the server is stopping")
    parsed = _parse_id(last_event_id_header if last_event_id_header is not None else last_event_id)
    if parsed == "invalid":
        sub, _ = hub.subscribe(user, None, token or "")
        replay = Replay(StreamReset(reason="replay_unavailable", message="unreadable event id"), [])
    else:
        sub, replay = hub.subscribe(user, parsed if isinstance(parsed, int) else None, token or "")
    # unknown names are ignored: a newer client may ask an older server for more
    wanted = {part.strip() for part in (include or "").split(",")} & UNNUMBERED_EVENT_TYPES
    extra = None
    if "agent.kpis" in wanted:
        extra = partial(push_kpis, ctx.center, hub, sub, ctx.config.kpi_interval)
    return StreamingResponse(
        _frames(hub, sub, replay, ctx.config.keepalive_interval, extra),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
