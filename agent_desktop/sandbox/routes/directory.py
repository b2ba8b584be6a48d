"""Reference and live lists: experts and their presence, queue statistics, codes."""

from __future__ import annotations

from agent_desktop.protocol.schemas import CodeLists, ExpertList, QueueStatsList
from agent_desktop.sandbox.deps import AUTH_RESPONSES, Ctx, User
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/v1", tags=["directory"], responses=AUTH_RESPONSES)


@router.get("/experts", response_model=ExpertList, summary="Experts with their live presence")
async def experts(ctx: Ctx, user: User) -> ExpertList:
    return ExpertList(experts=[e.wire() for e in ctx.scenario.experts.values()])


@router.get(
    "/queues/stats", response_model=QueueStatsList, summary="Live statistics of every queue"
)
async def queue_stats(ctx: Ctx, user: User) -> QueueStatsList:
    return ctx.center.queue_stats()


@router.get("/codes", response_model=CodeLists, summary="Wrap-up codes and not-ready reasons")
async def codes(ctx: Ctx, user: User) -> CodeLists:
    return ctx.store.codes()
