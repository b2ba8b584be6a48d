"""The agent's own state, and the supervisor's roster: ``/v1/agent``, ``/v1/agents``."""

from __future__ import annotations

from agent_desktop.protocol.schemas import AgentList, AgentStateRequest, AgentWire
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, User
from agent_desktop.sandbox.errors import ApiError
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/v1", tags=["agent"], responses=AUTH_RESPONSES)


@router.get("/agent", response_model=AgentWire, summary="The logged-in agent")
async def get_agent(ctx: Ctx, user: User) -> AgentWire:
    return ctx.center.agent_wire(user)


@router.put(
    "/agent/state",
    response_model=AgentWire,
    responses={409: ERRORS},
    summary="Ask for ready / not_ready (queued as next_state while working)",
)
async def put_state(body: AgentStateRequest, ctx: Ctx, user: User) -> AgentWire:
    return ctx.center.request_state(user, body)


@router.get(
    "/agents",
    response_model=AgentList,
    responses={403: ERRORS},
    summary="Every agent and their state (needs the agents.read capability)",
)
async def list_agents(ctx: Ctx, user: User) -> AgentList:
    if "agents.read" not in ctx.center.agents[user].user.capabilities:
        raise ApiError(403, "forbidden", "this needs the agents.read capability")
    return AgentList(agents=[ctx.center.agent_wire(name) for name in sorted(ctx.center.agents)])
