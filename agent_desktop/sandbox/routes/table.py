"""``RouteTable``: a group of routes declared like an ``APIRouter`` and built once, on the app.

FastAPI builds a route (its parameters' and response's pydantic adapters) when it is
declared on an ``APIRouter``, and again, lazily, for the app that includes the router
(FastAPI ≥ 0.160 builds each included route's effective state on the first request
that walks past it). The sandbox's 62 routes were thus built twice: ~0.2 s of CPU at
import and ~0.1 s more spread over the first requests, the demo's login among them
(docs/performance.md, cold start). A ``RouteTable`` only records its routes;
``install(app)`` declares them on the app itself, in order, with the table's prefix,
tags, responses and ``include_in_schema`` merged in as ``APIRouter.add_api_route`` and
``include_router`` would: the same routes, the same OpenAPI document, built once.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, TypeVar

from fastapi import FastAPI
from starlette.types import ASGIApp, Receive, Scope, Send

from agent_desktop.protocol.schemas import build_all_now

Endpoint = TypeVar("Endpoint", bound=Callable[..., Any])


@dataclass(frozen=True, slots=True)
class _Declared:
    path: str
    method: str
    endpoint: Callable[..., Any]
    options: dict[str, Any]


@dataclass(slots=True)
class RouteTable:
    prefix: str = ""
    tags: list[str] = field(default_factory=list)
    responses: dict[int | str, dict[str, Any]] = field(default_factory=dict)
    include_in_schema: bool = True
    _routes: list[_Declared] = field(default_factory=list)

    def _declare(
        self, method: str, path: str, options: dict[str, Any]
    ) -> Callable[[Endpoint], Endpoint]:
        def record(endpoint: Endpoint) -> Endpoint:
            self._routes.append(_Declared(path, method, endpoint, options))
            return endpoint

        return record

    def get(self, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
        return self._declare("GET", path, options)

    def post(self, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
        return self._declare("POST", path, options)

    def put(self, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
        return self._declare("PUT", path, options)

    def patch(self, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
        return self._declare("PATCH", path, options)

    def delete(self, path: str, **options: Any) -> Callable[[Endpoint], Endpoint]:
        return self._declare("DELETE", path, options)

    def install(self, app: FastAPI) -> None:
        """Declare every route on ``app`` (after those it already has, in order)."""
        skip_pydantic_v1_import()
        build_all_now()  # every model its routes name, before FastAPI looks at them
        for route in self._routes:
            options = dict(route.options)
            options["tags"] = [*self.tags, *options.get("tags", ())]
            options["responses"] = {**self.responses, **options.get("responses", {})}
            options["include_in_schema"] = (
                options.get("include_in_schema", True) and self.include_in_schema
            )
            app.add_api_route(
                self.prefix + route.path, route.endpoint, methods=[route.method], **options
            )


class InstallOnFirstUse:
    """ASGI middleware: installs ``tables`` on ``target`` just before the first request
    whose path does not start with ``built`` (whose routes are all installed already).

    Requests are routed on one event loop, so no request can see half of them."""

    def __init__(self, app: ASGIApp, target: FastAPI, tables: list[RouteTable], built: str) -> None:
        self.app = app
        self._target = target
        self._tables = tables  # emptied once installed, shared by any rebuilt stack
        self._built = built

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if (
            self._tables
            and scope["type"] != "lifespan"
            and not scope["path"].startswith(self._built)
        ):
            tables = list(self._tables)
            self._tables.clear()
            for table in tables:
                table.install(self._target)
        await self.app(scope, receive, send)


def skip_pydantic_v1_import() -> None:
    """Spare the sandbox's start-up the import of all of ``pydantic.v1`` (50-90 ms).

    FastAPI imports it when it builds its first route, only to refuse pydantic v1 models
    (``fastapi._compat.shared.is_pydantic_v1_model_class``). No such model can exist
    while ``pydantic.v1`` has not been imported, so the answer is the same without the
    import. Does nothing if the FastAPI in use has no such helper.
    """
    from fastapi._compat import shared

    check = getattr(shared, "is_pydantic_v1_model_class", None)
    if check is None or getattr(check, "skips_import", False):
        return

    def is_pydantic_v1_model_class(cls: Any) -> bool:
        return "pydantic.v1" in sys.modules and bool(check(cls))

    is_pydantic_v1_model_class.skips_import = True  # type: ignore[attr-defined]
    shared.is_pydantic_v1_model_class = is_pydantic_v1_model_class
