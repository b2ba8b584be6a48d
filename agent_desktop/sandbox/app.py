"""Builds the sandbox's FastAPI application: routers, error mapping, middleware, lifespan.

``create_app(config, database)`` without a database gives an app good only for its
OpenAPI document (used by ``openapi.py`` and the drift test).
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import Response
from starlette.types import Scope

from agent_desktop.sandbox.config import SandboxConfig
from agent_desktop.sandbox.context import SandboxContext
from agent_desktop.sandbox.errors import STATUS_CODES, ApiError, error_response
from agent_desktop.sandbox.kept import KeptState
from agent_desktop.sandbox.middleware import BodyLimit, Idempotency, IdempotencyMemory
from agent_desktop.sandbox.routes import (
    agent,
    callbacks,
    consult,
    control,
    customers,
    directory,
    interactions,
    knowledge,
    reliability,
    sessions,
    stream,
    wallboard,
)
from agent_desktop.sandbox.routes.table import InstallOnFirstUse
from agent_desktop.sandbox.state_db import StateDb
from agent_desktop.sandbox.store import Store

log = logging.getLogger(__name__)

DESCRIPTION = (
    "Gateway protocol v1 as served by the Agent Desktop sandbox. "
    "See docs/protocol.md for the event stream, state machines and error codes."
)


def _validation_details(exc: RequestValidationError) -> dict[str, Any]:
    errors = [
        {
            "loc": [str(part) for part in e.get("loc", ())],
            "msg": str(e.get("msg", "")),
            "type": str(e.get("type", "")),
        }
        for e in exc.errors()
    ]
    return {"errors": errors}


def _install_error_handlers(app: FastAPI) -> None:
    async def api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return error_response(exc.status, exc.code, exc.message, exc.details, exc.headers)

    async def http_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = STATUS_CODES.get(exc.status_code, "error")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        headers = dict(exc.headers) if exc.headers else None
        return error_response(exc.status_code, code, message, headers=headers)

    async def validation_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        return error_response(
            422, "invalid_request", "the request is not valid", _validation_details(exc)
        )

    async def unexpected(request: Request, exc: Exception) -> Response:
        log.error("unexpected error on %s %s", request.method, request.url.path, exc_info=exc)
        return error_response(500, "internal_error", "unexpected server error")

    app.add_exception_handler(ApiError, api_error)
    app.add_exception_handler(StarletteHTTPException, http_error)
    app.add_exception_handler(RequestValidationError, validation_error)
    app.add_exception_handler(Exception, unexpected)


def create_app(
    config: SandboxConfig, database: Path | None = None, kept: KeptState | None = None
) -> FastAPI:
    """``kept`` carries the contact centre over a restart in the same process."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if database is None:
            yield
            return
        store = Store(database)
        ctx = SandboxContext.build(config, store)
        if kept is not None:
            kept.adopt(ctx)
        ctx.center.state_db = app.state.idempotency.db  # wrap-ups and answers: one file
        app.state.sandbox = ctx
        ctx.scenario.start()
        try:
            yield
        finally:
            ctx.shutdown()
            app.state.sandbox = None
            store.close()

    app = FastAPI(
        title="Agent Desktop gateway protocol (sandbox)",
        version="1",
        description=DESCRIPTION,
        lifespan=lifespan,
    )
    app.state.sandbox = None
    app.state.kept = kept
    _install_error_handlers(app)
    # Declared on the app itself, each route built once (routes/table.py). The gateway
    # protocol's routes now; the control API (/sandbox/…: tests, the bench, tools, never
    # a desktop's login) on the first request outside /v1/, so that building its 20
    # routes is not on the demo's start-up path (docs/performance.md, cold start).
    protocol = [m.router for m in (sessions, agent, interactions, customers, knowledge)]
    protocol += [directory.router, stream.router, consult.router, wallboard.router]
    protocol += [wallboard.agent_router, callbacks.router]
    controls = [reliability.router, control.router, consult.control, wallboard.control]
    for table in protocol if database is not None else [*protocol, *controls]:
        table.install(app)
    if database is not None:
        app.add_middleware(InstallOnFirstUse, target=app, tables=controls, built="/v1/")

    def user_for_token(scope: Scope, token: str) -> str | None:
        ctx: SandboxContext | None = app.state.sandbox
        return ctx.center.user_for_token(token) if ctx is not None else None

    # added last = outermost: the body limit runs before anything reads the body
    memory = (
        kept.idempotency if kept is not None else IdempotencyMemory(db=StateDb(config.state_path))
    )
    app.state.idempotency = memory
    app.add_middleware(Idempotency, user_for_token=user_for_token, memory=memory)
    app.add_middleware(BodyLimit, max_bytes=config.max_body_bytes)
    return app
