"""Consult legs, supervised transfers and conferences; and the experts' side for tests."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

from agent_desktop.protocol.schemas import ConsultRequest, InteractionWire
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, User
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/v1/interactions", tags=["consult"], responses=AUTH_RESPONSES)
control = RouteTable(prefix="/sandbox", tags=["sandbox control"], responses={422: ERRORS})

RESPONSES: dict[int | str, dict[str, object]] = {404: ERRORS, 409: ERRORS}


@router.post(
    "/{interaction_id}/consult",
    response_model=InteractionWire,
    responses=RESPONSES,
    summary="Consult an expert: the customer is held and the context handed over",
)
async def consult(
    interaction_id: str, body: ConsultRequest, ctx: Ctx, user: User
) -> InteractionWire:
    return ctx.scenario.consults.start(user, interaction_id, body)


@router.post(
    "/{interaction_id}/consult/transfer",
    response_model=InteractionWire,
    responses=RESPONSES,
    summary="Complete the supervised transfer: the expert keeps the customer",
)
async def consult_transfer(interaction_id: str, ctx: Ctx, user: User) -> InteractionWire:
    return ctx.scenario.consults.transfer(user, interaction_id)


@router.post(
    "/{interaction_id}/consult/conference",
    response_model=InteractionWire,
    responses=RESPONSES,
    summary="Merge the consult into a three-way conference",
)
async def consult_conference(interaction_id: str, ctx: Ctx, user: User) -> InteractionWire:
    return ctx.scenario.consults.conference(user, interaction_id)


@router.post(
    "/{interaction_id}/consult/swap",
    response_model=InteractionWire,
    responses=RESPONSES,
    summary="Alternate between the expert and the customer (the other one is held)",
)
async def consult_swap(interaction_id: str, ctx: Ctx, user: User) -> InteractionWire:
    return ctx.scenario.consults.swap(user, interaction_id)


@router.delete(
    "/{interaction_id}/consult",
    response_model=InteractionWire,
    responses=RESPONSES,
    summary="Cancel the consult: the expert leg is dropped and the customer retrieved",
)
async def consult_cancel(interaction_id: str, ctx: Ctx, user: User) -> InteractionWire:
    return ctx.scenario.consults.cancel(user, interaction_id)


@router.delete(
    "/{interaction_id}/parties/{party_id}",
    response_model=InteractionWire,
    responses=RESPONSES,
    summary="Drop a conference party; dropping yourself leaves (the expert keeps the customer)",
)
async def drop_party(interaction_id: str, party_id: str, ctx: Ctx, user: User) -> InteractionWire:
    return ctx.scenario.consults.drop_party(user, interaction_id, party_id)


class ConsultSettings(BaseModel):
    model_config = ConfigDict(extra="forbid")
    answer_delay: float | None = Field(None, ge=0, le=600)
    timeout: float | None = Field(None, gt=0, le=3600)
    decline_rate: float | None = Field(None, ge=0, le=1)


@control.post(
    "/consult-settings",
    response_model=ConsultSettings,
    summary="How long experts take to answer and how long a consult rings",
)
async def consult_settings(body: ConsultSettings, ctx: Ctx) -> ConsultSettings:
    if body.answer_delay is not None:
        ctx.config.consult_answer_delay = body.answer_delay
    if body.timeout is not None:
        ctx.config.consult_timeout = body.timeout
    if body.decline_rate is not None:
        ctx.config.consult_decline_rate = body.decline_rate
    return ConsultSettings(
        answer_delay=ctx.config.consult_answer_delay,
        timeout=ctx.config.consult_timeout,
        decline_rate=ctx.config.consult_decline_rate,
    )


@control.post(
    "/calls/{interaction_id}/consult/{what}",
    response_model=InteractionWire,
    responses=RESPONSES,
    summary="The consulted expert declines (while ringing) or hangs up (once on the line)",
)
async def expert_acts(
    interaction_id: str, what: Literal["decline", "hangup"], ctx: Ctx
) -> InteractionWire:
    desk = ctx.scenario.consults
    if what == "decline":
        return desk.expert_declines(interaction_id)
    return desk.expert_hangs_up(interaction_id)


@control.get("/handovers", summary="The context handed over with every consult and transfer")
async def handovers(ctx: Ctx) -> list[dict[str, object]]:
    return list(ctx.scenario.consults.handovers)
