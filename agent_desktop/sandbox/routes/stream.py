"""``GET /v1/events``: the agent's Server-Sent Events stream, with resume by id."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import APIRouter, Header, Query
from fastapi.responses import StreamingResponse

from agent_desktop.protocol.schemas import StreamReset
from agent_desktop.sandbox.deps import AUTH_RESPONSES, Ctx, Token, User
from agent_desktop.sandbox.errors import ApiError
from agent_desktop.sandbox.events import CLOSE, EventHub, Replay, Subscription

router = APIRouter(prefix="/v1", tags=["events"])

RETRY_MS = 2000


def _parse_id(raw: str | None) -> int | str | None:
    if raw is None or raw.strip() == "":
        return None
    try:
        return int(raw.strip())
    except ValueError:
        return "invalid"


async def _frames(
    hub: EventHub, sub: Subscription, replay: Replay, keepalive: float
) -> AsyncIterator[str]:
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
    return StreamingResponse(
        _frames(hub, sub, replay, ctx.config.keepalive_interval),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )
