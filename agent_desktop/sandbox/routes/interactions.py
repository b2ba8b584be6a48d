"""Interactions: the snapshot and every call-control command."""

from __future__ import annotations

import re

from agent_desktop.domain.interaction import Action
from agent_desktop.protocol.schemas import (
    BlindTransferRequest,
    DtmfRequest,
    InteractionsSnapshot,
    InteractionWire,
    WrapUpRequest,
)
from agent_desktop.sandbox.data.reference import QUEUES_BY_ID
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, User
from agent_desktop.sandbox.errors import ApiError
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/v1/interactions", tags=["interactions"], responses=AUTH_RESPONSES)

COMMAND_RESPONSES: dict[int | str, dict[str, object]] = {404: ERRORS, 409: ERRORS}
E164 = re.compile(r"^\+[1-9]\d{6,14}$")


@router.get(
    "",
    response_model=InteractionsSnapshot,
    summary="The agent's open interactions and the id of the last event they include",
)
async def snapshot(ctx: Ctx, user: User) -> InteractionsSnapshot:
    return ctx.center.snapshot(user)


def _command(action: Action, path: str, summary: str) -> None:
    async def handler(interaction_id: str, ctx: Ctx, user: User) -> InteractionWire:
        return ctx.center.act(user, interaction_id, action)

    handler.__name__ = f"interaction_{action.value}"
    router.post(
        f"/{{interaction_id}}/{path}",
        response_model=InteractionWire,
        responses=COMMAND_RESPONSES,
        summary=summary,
    )(handler)


_command(Action.ANSWER, "answer", "Answer an offered call")
_command(Action.REJECT, "reject", "Reject an offered call (the agent becomes ready)")
_command(Action.HOLD, "hold", "Put the customer on hold")
_command(Action.RETRIEVE, "retrieve", "Take the customer off hold")
_command(Action.MUTE, "mute", "Mute the agent's microphone")
_command(Action.UNMUTE, "unmute", "Unmute the agent's microphone")
_command(Action.HANGUP, "hangup", "Hang up (the agent goes to after-call work)")


@router.post(
    "/{interaction_id}/dtmf",
    response_model=InteractionWire,
    responses=COMMAND_RESPONSES,
    summary="Send DTMF tones to the far end",
)
async def dtmf(interaction_id: str, body: DtmfRequest, ctx: Ctx, user: User) -> InteractionWire:
    return ctx.center.act(user, interaction_id, Action.DTMF)


@router.post(
    "/{interaction_id}/blind-transfer",
    response_model=InteractionWire,
    responses=COMMAND_RESPONSES,
    summary="Transfer the customer to a queue or number without consulting",
)
async def blind_transfer(
    interaction_id: str, body: BlindTransferRequest, ctx: Ctx, user: User
) -> InteractionWire:
    if body.target not in QUEUES_BY_ID and not E164.match(body.target):
        raise ApiError(
            422,
            "invalid_request",
            "target must be a queue id or an E.164 number",
            {"queues": sorted(QUEUES_BY_ID)},
        )
    return ctx.center.act(user, interaction_id, Action.BLIND_TRANSFER, transfer_target=body.target)


@router.post(
    "/{interaction_id}/wrapup",
    response_model=InteractionWire,
    responses=COMMAND_RESPONSES,
    summary="Record the wrap-up: the interaction is closed, the agent leaves after-call work",
)
async def wrapup(interaction_id: str, body: WrapUpRequest, ctx: Ctx, user: User) -> InteractionWire:
    return ctx.center.act(user, interaction_id, Action.WRAPUP, wrap_up=body)
