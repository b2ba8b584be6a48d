"""FastAPI dependencies: the running sandbox and the authenticated user."""

from __future__ import annotations

from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from agent_desktop.protocol.schemas import ErrorResponse
from agent_desktop.sandbox.context import SandboxContext
from agent_desktop.sandbox.errors import ApiError

_bearer = HTTPBearer(auto_error=False, description="the token returned by POST /v1/sessions")


def get_context(request: Request) -> SandboxContext:
    ctx: SandboxContext | None = getattr(request.app.state, "sandbox", None)
    if ctx is None:
        raise ApiError(503, "unavailable", "the sandbox is starting or stopping")
    return ctx


Ctx = Annotated[SandboxContext, Depends(get_context)]


def bearer_token(
    credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(_bearer)],
) -> str | None:
    return credentials.credentials if credentials else None


Token = Annotated[str | None, Depends(bearer_token)]


def current_user(ctx: Ctx, token: Token) -> str:
    return ctx.center.authenticate(token)


User = Annotated[str, Depends(current_user)]

ERRORS = {"model": ErrorResponse, "description": "an error (see the code table)"}
AUTH_RESPONSES: dict[int | str, dict[str, object]] = {401: ERRORS, 422: ERRORS}
