"""Control API for reliability tests: what the server really applied.

``GET /sandbox/deliveries`` lists every wrap-up the contact centre applied (one entry per
execution, so a duplicate would show twice) and how many responses the idempotency layer
replayed instead of running a command again. Not in the OpenAPI document: a test aid.
"""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Request

from agent_desktop.sandbox.deps import Ctx

router = APIRouter(prefix="/sandbox", tags=["sandbox control"], include_in_schema=False)


@router.get("/deliveries")
def deliveries(ctx: Ctx, request: Request) -> dict[str, Any]:
    memory = getattr(request.app.state, "idempotency", None)
    kept = getattr(request.app.state, "kept", None)
    return {
        "wrap_ups": list(ctx.center.deliveries),
        "idempotent_replays": memory.replays if memory is not None else 0,
        "restarts": kept.restarts if kept is not None else 0,
    }
