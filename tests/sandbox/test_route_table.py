"""RouteTable declares its routes on the app itself, as include_router would have."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path
from typing import Any

import pytest
from fastapi import APIRouter, FastAPI
from fastapi.exceptions import FastAPIError
from fastapi.routing import APIRoute
from fastapi.testclient import TestClient
from pydantic import BaseModel
from starlette.routing import Route

from agent_desktop.demo_sandbox import DEMO_PASSWORD
from agent_desktop.sandbox.app import create_app
from agent_desktop.sandbox.config import SandboxConfig
from agent_desktop.sandbox.data.generate import ensure_database
from agent_desktop.sandbox.routes.table import RouteTable, skip_pydantic_v1_import

ERRORS: dict[str, Any] = {"description": "error"}


class Item(BaseModel):
    id: str
    size: int = 0


def declare(router: Any) -> None:
    @router.get("/{item_id}", response_model=Item, responses={404: ERRORS}, summary="One item")
    async def get_item(item_id: str) -> Item:
        return Item(id=item_id)

    @router.post("", status_code=201, response_model=Item, tags=["writes"])
    async def add_item(item: Item) -> Item:
        return item

    @router.delete("/{item_id}", status_code=204, include_in_schema=False)
    async def drop_item(item_id: str) -> None:
        return None


def test_same_openapi_and_answers_as_an_included_router() -> None:
    included, installed = FastAPI(), FastAPI()
    router = APIRouter(prefix="/v1/items", tags=["items"], responses={401: ERRORS})
    table = RouteTable(prefix="/v1/items", tags=["items"], responses={401: ERRORS})
    declare(router)
    declare(table)
    included.include_router(router)
    table.install(installed)

    assert installed.openapi() == included.openapi()
    for app in (included, installed):
        with TestClient(app) as client:
            assert client.get("/v1/items/a1").json() == {"id": "a1", "size": 0}
            assert client.post("/v1/items", json={"id": "b", "size": 2}).status_code == 201
            assert client.delete("/v1/items/b").status_code == 204


def test_a_table_out_of_the_schema_keeps_its_routes_out() -> None:
    app = FastAPI()
    table = RouteTable(prefix="/hidden", include_in_schema=False)
    declare(table)
    table.install(app)
    assert app.openapi()["paths"] == {}
    with TestClient(app) as client:
        assert client.get("/hidden/x").json()["id"] == "x"


def test_the_sandbox_routes_are_declared_on_the_app() -> None:
    """Built once, when the app is made: no included router left for the first requests
    to build again."""
    app = create_app(SandboxConfig())
    assert all(isinstance(r, (APIRoute, Route)) for r in app.router.routes)
    paths = {r.path for r in app.router.routes if isinstance(r, APIRoute)}
    assert {"/v1/sessions", "/v1/codes", "/v1/interactions", "/sandbox/calls"} <= paths


def test_starting_the_sandbox_imports_neither_pydantic_v1_nor_phonenumbers() -> None:
    """Start-up hygiene (docs/performance.md, cold start): phonenumbers is imported by the
    first phone lookup, pydantic.v1 never."""
    code = (
        "import sys\n"
        "import agent_desktop.sandbox.server\n"
        "from agent_desktop.sandbox.app import create_app\n"
        "from agent_desktop.sandbox.config import SandboxConfig\n"
        "create_app(SandboxConfig())\n"
        "print(sorted({'pydantic.v1', 'phonenumbers'} & set(sys.modules)))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


def test_pydantic_v1_models_are_still_refused() -> None:
    skip_pydantic_v1_import()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        from pydantic import v1

    class Old(v1.BaseModel):
        id: str

    table = RouteTable(prefix="/old")

    @table.get("", response_model=Old)
    async def get_old() -> Any:
        return {"id": "1"}

    with pytest.raises(FastAPIError, match=r"pydantic\.v1"):
        table.install(FastAPI())


def test_the_control_api_is_built_by_its_first_request(data_dir: Path) -> None:
    """The protocol's routes are there from the start; the control API (/sandbox/…) is
    declared by the first request outside /v1/, before it is routed."""
    app = create_app(SandboxConfig(), ensure_database(data_dir, 7))

    def paths() -> set[str]:
        return {r.path for r in app.router.routes if isinstance(r, APIRoute)}

    assert "/v1/sessions" in paths() and "/sandbox/calls" not in paths()
    with TestClient(app) as client:
        login = {"username": "alice", "password": DEMO_PASSWORD}
        assert client.post("/v1/sessions", json=login).status_code == 201
        assert "/sandbox/calls" not in paths()
        assert client.post("/sandbox/calls", json={}).status_code != 404
        assert "/sandbox/calls" in paths()
        document = client.get("/openapi.json").json()
    assert document == create_app(SandboxConfig()).openapi()
    assert len([r for r in app.router.routes if getattr(r, "path", "") == "/sandbox/calls"]) == 1
