"""The supervisor's wallboard feed ``/v1/wallboard/*`` and the scale option ``/sandbox/scale``."""

from __future__ import annotations

import asyncio
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta

from fastapi.responses import StreamingResponse
from pydantic import Field

from agent_desktop.protocol.schemas import AgentKpisWire, WallboardSnapshot, Wire
from agent_desktop.sandbox.agent_kpis import agent_kpis
from agent_desktop.sandbox.center import QueueCounters
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, User
from agent_desktop.sandbox.errors import ApiError, not_found
from agent_desktop.sandbox.routes.table import RouteTable
from agent_desktop.sandbox.wallboard import Pending, WallboardFeed

router = RouteTable(
    prefix="/v1/wallboard", tags=["wallboard"], responses={**AUTH_RESPONSES, 403: ERRORS}
)
agent_router = RouteTable(prefix="/v1/agent", tags=["agent"], responses=AUTH_RESPONSES)
control = RouteTable(prefix="/sandbox", tags=["sandbox control"], responses={422: ERRORS})


def feed(ctx: Ctx) -> WallboardFeed:
    if ctx.wallboard is None:
        ctx.wallboard = WallboardFeed(ctx.center)
    return ctx.wallboard


def _require_wallboard(ctx: Ctx, user: str) -> None:
    if "wallboard" not in ctx.center.agents[user].user.capabilities:
        raise ApiError(403, "forbidden", "this needs the wallboard capability")


@router.get("/snapshot", response_model=WallboardSnapshot, summary="Every queue and agent now")
async def snapshot(ctx: Ctx, user: User) -> WallboardSnapshot:
    _require_wallboard(ctx, user)
    return feed(ctx).snapshot()


async def _frames(
    source: WallboardFeed, pending: Pending, first: str, keepalive: float
) -> AsyncIterator[str]:
    try:
        yield first
        while True:
            try:
                await asyncio.wait_for(pending.ready.wait(), keepalive)
            except TimeoutError:
                yield ": keepalive\n\n"
                continue
            if pending.closed:
                return
            # everything that changed since the last write, in one chunk
            yield "".join(pending.take())
    finally:
        source.unsubscribe(pending)


@router.get(
    "/events",
    response_class=StreamingResponse,
    responses={
        200: {
            "description": "an endless `text/event-stream`: `wallboard.snapshot` first, then "
            "`queue.stats` and `roster.agent` changes; see docs/protocol.md",
            "content": {"text/event-stream": {"schema": {"type": "string"}}},
        },
    },
    summary="Queue statistics and roster changes (SSE, needs the wallboard capability)",
)
async def events(ctx: Ctx, user: User) -> StreamingResponse:
    _require_wallboard(ctx, user)
    if ctx.hub.closed:
        raise ApiError(503, "unavailable", "the server is stopping")
    source = feed(ctx)
    queue, first = source.subscribe()
    return StreamingResponse(
        _frames(source, queue, first, ctx.config.keepalive_interval),
        media_type="text/event-stream",
        headers={"Cache-Control": "no-cache", "X-Accel-Buffering": "no"},
    )


@agent_router.get(
    "/kpis", response_model=AgentKpisWire, summary="The advisor's queues now and their day"
)
async def get_agent_kpis(ctx: Ctx, user: User) -> AgentKpisWire:
    return agent_kpis(ctx.center, user)


class ScaleRequest(Wire):
    agents: int = Field(default=2000, ge=0, le=20_000)
    queues: int = Field(default=200, ge=1, le=2_000)
    events_per_second: float = Field(
        default=300, ge=0, le=200_000, description="0 creates it paused"
    )
    seed: int = 1


class ScaleRateRequest(Wire):
    events_per_second: float = Field(default=0, ge=0, le=200_000)
    step: int = Field(default=0, ge=0, le=1_000_000, description="changes to apply at once")
    step_seconds: float = Field(default=1.0, ge=0, le=3600)


class ScaleStatus(Wire):
    agents: int
    queues: int
    events_per_second: float
    events: int
    published: int


def _status(source: WallboardFeed) -> ScaleStatus:
    sim = source.scale
    return ScaleStatus(
        agents=len(sim.agents) if sim else 0,
        queues=len(sim.queues) if sim else 0,
        events_per_second=source.scale_rate,
        events=sim.events if sim else 0,
        published=source.published,
    )


@control.post("/scale", response_model=ScaleStatus, summary="Start the scale simulation")
async def start_scale(body: ScaleRequest, ctx: Ctx) -> ScaleStatus:
    source = feed(ctx)
    source.start_scale(body.agents, body.queues, body.events_per_second, body.seed)
    return _status(source)


@control.post("/scale/rate", response_model=ScaleStatus, summary="Change the rate, or step by hand")
async def scale_rate(body: ScaleRateRequest, ctx: Ctx) -> ScaleStatus:
    source = feed(ctx)
    if source.scale is None:
        raise ApiError(409, "scale_off", "start the scale simulation first (POST /sandbox/scale)")
    source.set_rate(body.events_per_second)
    if body.step:
        source.step_scale(body.step, body.step_seconds)
    return _status(source)


@control.delete("/scale", response_model=ScaleStatus, summary="Stop the scale simulation")
async def stop_scale(ctx: Ctx) -> ScaleStatus:
    source = feed(ctx)
    source.stop_scale()
    return _status(source)


class QueueLoadRequest(Wire):
    waiting: int = Field(ge=0, le=10_000, description="calls waiting besides those ringing")
    longest_wait_seconds: int = Field(default=0, ge=0, le=86_400)


class QueueLoad(Wire):
    queue_id: str
    waiting: int
    oldest_waiting_since: datetime | None
    pinned: bool


def _counters(ctx: Ctx, queue_id: str) -> QueueCounters:
    counters = ctx.center.counters.get(queue_id)
    if counters is None:
        raise not_found("queue")
    return counters


def _load(queue_id: str, counters: QueueCounters) -> QueueLoad:
    return QueueLoad(
        queue_id=queue_id,
        waiting=counters.waiting,
        oldest_waiting_since=counters.oldest_waiting_at,
        pinned=counters.pinned,
    )


@control.put(
    "/queues/{queue_id}/load",
    response_model=QueueLoad,
    responses={404: ERRORS},
    summary="Set a queue's background load (calls waiting) and keep it until deleted",
)
async def pin_queue_load(queue_id: str, body: QueueLoadRequest, ctx: Ctx) -> QueueLoad:
    counters = _counters(ctx, queue_id)
    counters.waiting = body.waiting
    counters.oldest_waiting_at = (
        datetime.now(UTC) - timedelta(seconds=body.longest_wait_seconds) if body.waiting else None
    )
    counters.pinned = True
    ctx.hub.touch()
    return _load(queue_id, counters)


@control.delete(
    "/queues/{queue_id}/load",
    response_model=QueueLoad,
    responses={404: ERRORS},
    summary="Give a queue's background load back to the scenario's drift",
)
async def unpin_queue_load(queue_id: str, ctx: Ctx) -> QueueLoad:
    counters = _counters(ctx, queue_id)
    counters.pinned = False
    return _load(queue_id, counters)
