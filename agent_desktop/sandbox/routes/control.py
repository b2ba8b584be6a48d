"""The sandbox control API (``/sandbox/...``): drive scenarios from tests and demos.

No authentication: it exists only on the sandbox, which listens on loopback.
"""

from __future__ import annotations

import asyncio
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

from agent_desktop.protocol.schemas import CustomerWire, InteractionWire
from agent_desktop.sandbox.data.generate import ensure_big_customer
from agent_desktop.sandbox.deps import ERRORS, Ctx
from agent_desktop.sandbox.errors import ApiError, not_found
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/sandbox", tags=["sandbox control"], responses={422: ERRORS})


class _Body(BaseModel):
    model_config = ConfigDict(extra="forbid")


class CallRequest(_Body):
    agent: str | None = Field(None, description="username; default: the first agent who is ready")
    phone: str | None = Field(None, description="caller number, sent as given")
    customer_id: str | None = None
    intent: str | None = None
    language: Literal["fr", "en"] | None = None
    vip: bool | None = None
    queue_id: str | None = None
    waited_seconds: int | None = Field(None, ge=0, le=86_400)
    identified_by_ivr: bool | None = None


class InjectRequest(_Body):
    agent: str
    event: str = Field(min_length=1, max_length=200)
    data: Any = Field(None, description="any JSON; a string is sent verbatim as the data line")


class InjectResponse(BaseModel):
    id: int


class DropResponse(BaseModel):
    dropped: int


class ScenarioRequest(_Body):
    auto_calls: bool | None = None
    transcript_interval: float | None = Field(None, ge=0, le=600)
    call_interval: float | None = Field(None, gt=0, le=3600)
    offer_timeout: float | None = Field(None, gt=0, le=3600)


class ScenarioSettings(BaseModel):
    auto_calls: bool
    transcript_interval: float
    call_interval: float
    offer_timeout: float


class BigCustomerRequest(_Body):
    items: int = Field(50_000, ge=1, le=200_000)


class BigCustomerResponse(BaseModel):
    customer_id: str
    items: int


class PresenceRequest(_Body):
    presence: Literal["available", "busy", "in_a_call", "away", "do_not_disturb", "offline"]


@router.post(
    "/calls",
    status_code=201,
    response_model=InteractionWire,
    responses={404: ERRORS, 409: ERRORS},
    summary="Offer a call now (fields not given are made up)",
)
async def offer_call(body: CallRequest, ctx: Ctx) -> InteractionWire:
    center = ctx.center
    username = body.agent
    if username is None:
        username = next((u for u in sorted(center.agents) if center.can_take_call(u)), None)
        if username is None:
            raise ApiError(409, "agent_unavailable", "no agent is ready to take a call")
    elif username not in center.agents:
        raise not_found("agent")
    call = ctx.scenario.offer_call(
        username,
        phone=body.phone,
        customer_id=body.customer_id,
        intent=body.intent,
        language=body.language,
        vip=body.vip,
        queue_id=body.queue_id,
        waited_seconds=body.waited_seconds,
        identified_by_ivr=body.identified_by_ivr,
    )
    return call.wire()


@router.post(
    "/calls/{interaction_id}/customer-hangup",
    response_model=InteractionWire,
    responses={404: ERRORS, 409: ERRORS},
    summary="The customer hangs up (abandons while offered)",
)
async def customer_hangup(interaction_id: str, ctx: Ctx) -> InteractionWire:
    return ctx.center.customer_hangup(interaction_id)


@router.post(
    "/events/drop", response_model=DropResponse, summary="Close every open event stream now"
)
async def drop_streams(ctx: Ctx) -> DropResponse:
    return DropResponse(dropped=ctx.hub.drop_all())


@router.post(
    "/events/inject",
    response_model=InjectResponse,
    responses={404: ERRORS},
    summary="Push an arbitrary, possibly malformed event into an agent's stream",
)
async def inject(body: InjectRequest, ctx: Ctx) -> InjectResponse:
    if body.agent not in ctx.center.agents:
        raise not_found("agent")
    if "\n" in body.event or "\r" in body.event:
        raise ApiError(422, "invalid_request", "an event type is one line")
    return InjectResponse(id=ctx.hub.inject(body.agent, body.event, body.data).id)


@router.post(
    "/scenario",
    response_model=ScenarioSettings,
    summary="Change the scenario: automatic calls, transcript pace, offer timeout",
)
async def scenario(body: ScenarioRequest, ctx: Ctx) -> ScenarioSettings:
    config = ctx.config
    if body.call_interval is not None:
        config.call_interval = body.call_interval
    if body.offer_timeout is not None:
        config.offer_timeout = body.offer_timeout
    ctx.scenario.set_options(body.auto_calls, body.transcript_interval)
    return ScenarioSettings(
        auto_calls=config.auto_calls,
        transcript_interval=config.transcript_interval,
        call_interval=config.call_interval,
        offer_timeout=config.offer_timeout,
    )


@router.post(
    "/customers/big",
    response_model=BigCustomerResponse,
    summary="Create (once) a customer with many history items, for scale tests",
)
async def big_customer(body: BigCustomerRequest, ctx: Ctx) -> BigCustomerResponse:
    customer_id = await asyncio.to_thread(
        ensure_big_customer, ctx.store.path, ctx.config.seed, body.items
    )
    return BigCustomerResponse(customer_id=customer_id, items=body.items)


@router.post(
    "/customers",
    status_code=201,
    response_model=CustomerWire,
    summary="Add a customer for this run only (not written to the generated data)",
)
async def add_customer(body: CustomerWire, ctx: Ctx) -> CustomerWire:
    ctx.store.add_customer(body)
    return body


@router.put(
    "/experts/{expert_id}/presence",
    response_model=dict[str, str],
    responses={404: ERRORS},
    summary="Set an expert's presence",
)
async def set_presence(expert_id: str, body: PresenceRequest, ctx: Ctx) -> dict[str, str]:
    expert = ctx.scenario.experts.get(expert_id)
    if expert is None:
        raise not_found("expert")
    ctx.scenario.consults.set_presence(expert, body.presence)
    return {"id": expert.id, "presence": expert.presence}


@router.get("/state", summary="Everything the sandbox holds in memory, for debugging")
async def state(ctx: Ctx) -> dict[str, Any]:
    center = ctx.center
    return {
        "seed": ctx.config.seed,
        "database": ctx.store.path.name,
        "last_event_id": ctx.hub.last_id,
        "first_event_id": ctx.hub.start_id + 1,
        "open_streams": ctx.hub.subscriber_count,
        "shared_numbers": ctx.scenario.shared_numbers,
        "unknown_numbers": ctx.scenario.unknown_numbers,
        "settings": {
            "auto_calls": ctx.config.auto_calls,
            "transcript_interval": ctx.config.transcript_interval,
            "call_interval": ctx.config.call_interval,
            "offer_timeout": ctx.config.offer_timeout,
        },
        "agents": {
            name: {**center.agent_wire(name).model_dump(mode="json"), "sessions": len(rt.sessions)}
            for name, rt in center.agents.items()
        },
        "interactions": [
            {
                **call.wire().model_dump(mode="json"),
                "agent": call.agent,
                "answered_at": call.answered_at.isoformat() if call.answered_at else None,
            }
            for call in center.calls.values()
        ],
    }
