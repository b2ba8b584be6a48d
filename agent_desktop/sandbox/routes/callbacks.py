"""Calls to return (``GET /v1/callbacks``) and click-to-call (``POST /v1/interactions``)."""

from __future__ import annotations

from agent_desktop.protocol.schemas import CallbackList, InteractionWire, OutboundRequest
from agent_desktop.sandbox.callbacks import CallbackBook
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx
from agent_desktop.sandbox.deps import User as UserName
from agent_desktop.sandbox.errors import ApiError
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/v1", tags=["callbacks"], responses={**AUTH_RESPONSES, 403: ERRORS})


def book(ctx: Ctx) -> CallbackBook:
    if ctx.callbacks is None:
        ctx.callbacks = CallbackBook(ctx.center, ctx.store)
    return ctx.callbacks


def _require(ctx: Ctx, user: str, capability: str) -> None:
    if capability not in ctx.center.agents[user].user.capabilities:
        raise ApiError(403, "forbidden", f"this needs the {capability} capability")


@router.get(
    "/callbacks",
    response_model=CallbackList,
    summary="Unanswered calls and callbacks to work through (needs the callbacks capability)",
)
async def callbacks(ctx: Ctx, user: UserName) -> CallbackList:
    _require(ctx, user, "callbacks")
    return CallbackList(callbacks=book(ctx).list(user))


@router.post(
    "/interactions",
    status_code=201,
    response_model=InteractionWire,
    responses={404: ERRORS, 409: ERRORS},
    summary="Call a customer now (click-to-call): an outbound interaction, connected",
)
async def call_out(body: OutboundRequest, ctx: Ctx, user: UserName) -> InteractionWire:
    _require(ctx, user, "calls")
    return book(ctx).call(user, body)
