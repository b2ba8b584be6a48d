"""Control API for reliability tests: what the server really applied, and the wrap-up
rules.

``GET /sandbox/deliveries`` lists every wrap-up the contact centre stored (one entry per
execution, so a duplicate would show twice; read from the state database, so it outlives
a restart of the process when that is a file), the interactions the ACW limit closed, and
how many responses the idempotency layer replayed instead of running a command again.
``PUT /sandbox/queues/{queue_id}/wrap-up-policy`` changes a queue's wrap-up rules for the
calls offered afterwards; ``POST /sandbox/calls/{interaction_id}/acw-expire`` makes the ACW
limit of a call in wrap-up pass now (what its timer does), so tests need not wait.
Not in the OpenAPI document: test aids.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Any

from fastapi import Request
from pydantic import BaseModel, ConfigDict, Field

from agent_desktop.protocol.schemas import InteractionWire
from agent_desktop.sandbox.deps import Ctx
from agent_desktop.sandbox.errors import not_found, wrong_state
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/sandbox", tags=["sandbox control"], include_in_schema=False)


class WrapUpPolicyRequest(BaseModel):
    model_config = ConfigDict(extra="forbid")

    wrap_up_code_required: bool | None = None
    acw_limit_seconds: int | None = Field(None, ge=0, le=86_400, description="0: no limit")
    wrap_up_blocks_routing: bool | None = None


@router.get("/deliveries")
async def deliveries(ctx: Ctx, request: Request) -> dict[str, Any]:
    memory = getattr(request.app.state, "idempotency", None)
    kept = getattr(request.app.state, "kept", None)
    return {
        "wrap_ups": ctx.center.deliveries,
        "acw_closed": [d["interaction_id"] for d in ctx.center.state_db.wrap_ups("acw_limit")],
        "idempotent_replays": memory.replays if memory is not None else 0,
        "restarts": kept.restarts if kept is not None else 0,
    }


@router.put("/queues/{queue_id}/wrap-up-policy")
async def wrap_up_policy(queue_id: str, body: WrapUpPolicyRequest, ctx: Ctx) -> dict[str, Any]:
    policy = ctx.center.policies.get(queue_id)
    if policy is None:
        raise not_found("queue")
    if body.wrap_up_code_required is not None:
        policy.wrap_up_code_required = body.wrap_up_code_required
    if body.acw_limit_seconds is not None:
        policy.acw_limit_seconds = body.acw_limit_seconds or None
    if body.wrap_up_blocks_routing is not None:
        policy.wrap_up_blocks_routing = body.wrap_up_blocks_routing
    return asdict(policy)


@router.post("/calls/{interaction_id}/acw-expire", response_model=InteractionWire)
async def acw_expire(interaction_id: str, ctx: Ctx) -> InteractionWire:
    call = ctx.center.calls.get(interaction_id)
    if call is None:
        raise not_found("interaction")
    if not ctx.center.acw_limit(interaction_id):
        raise wrong_state(
            f"the interaction is not in wrap-up ({call.state.value})", call.state.value
        )
    return call.wire()
