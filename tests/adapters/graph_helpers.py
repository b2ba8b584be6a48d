"""A loopback server that speaks Microsoft Graph's getPresencesByUserId wire format
(request ``{"ids": [...]}``, answer ``{"value": [{"id", "availability", "activity"}]}``,
400 over 650 ids, 401 without the right bearer token, 429 + Retry-After when told to throttle)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

import uvicorn
from fastapi import FastAPI, Request
from fastapi.responses import JSONResponse


@dataclass
class GraphState:
    presences: dict[str, tuple[str, str]] = field(default_factory=dict)
    throttle_next: int = 0
    batches: list[int] = field(default_factory=list)
    token: str = "test-token"


def graph_app(state: GraphState) -> FastAPI:
    app = FastAPI()

    @app.post("/v1.0/communications/getPresencesByUserId")
    async def presences(request: Request) -> JSONResponse:
        if request.headers.get("authorization", "") != f"Bearer {state.token}":
            return JSONResponse({"error": {"code": "InvalidAuthenticationToken"}}, 401)
        if state.throttle_next > 0:
            state.throttle_next -= 1
            return JSONResponse(
                {"error": {"code": "TooManyRequests"}}, 429, headers={"Retry-After": "0"}
            )
        ids = (await request.json()).get("ids", [])
        if len(ids) > 650:
            return JSONResponse({"error": {"code": "BadRequest"}}, 400)
        state.batches.append(len(ids))
        value = [
            {
                "@odata.type": "#microsoft.graph.presence",
                "id": i,
                "availability": state.presences.get(i, ("PresenceUnknown", ""))[0],
                "activity": state.presences.get(i, ("PresenceUnknown", "PresenceUnknown"))[1],
            }
            for i in ids
        ]
        return JSONResponse({"value": value})

    return app


@contextmanager
def graph_server(state: GraphState) -> Iterator[str]:
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    port = sock.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(graph_app(state), log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 10
    while not server.started:
        if time.monotonic() > deadline:
            raise RuntimeError("graph test server did not start")
        time.sleep(0.01)
    try:
        yield f"http://127.0.0.1:{port}/v1.0"
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()
