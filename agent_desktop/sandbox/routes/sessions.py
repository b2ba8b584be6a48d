"""Login and logout: ``POST /v1/sessions``, ``DELETE /v1/sessions/current``."""

from __future__ import annotations

from fastapi import Response

from agent_desktop.protocol.schemas import LoginRequest, LoginResponse
from agent_desktop.sandbox.deps import AUTH_RESPONSES, ERRORS, Ctx, Token, User
from agent_desktop.sandbox.routes.table import RouteTable

router = RouteTable(prefix="/v1/sessions", tags=["sessions"])


@router.post(
    "",
    status_code=201,
    response_model=LoginResponse,
    responses={401: ERRORS, 422: ERRORS},
    summary="Log in: returns a bearer token, the role, capabilities and the agent",
)
async def login(body: LoginRequest, ctx: Ctx) -> LoginResponse:
    return ctx.center.login(body)


@router.delete(
    "/current",
    status_code=204,
    responses=AUTH_RESPONSES,
    summary="Log out: the token stops working; an idle agent becomes logged_out",
)
async def logout(ctx: Ctx, user: User, token: Token) -> Response:
    assert token is not None
    ctx.center.logout(token)
    return Response(status_code=204)
