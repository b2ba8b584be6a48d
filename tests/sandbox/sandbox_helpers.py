"""Helpers for the sandbox tests: a logged-in agent, polling, and a small SSE reader."""

from __future__ import annotations

import json
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import httpx

from agent_desktop.sandbox.users import DEMO_PASSWORD


@dataclass
class LoggedIn:
    username: str
    token: str
    client: httpx.Client
    login: dict[str, Any] = field(default_factory=dict)

    @property
    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.token}"}

    def get(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.get(path, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    def post(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.post(path, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    def put(self, path: str, **kw: Any) -> httpx.Response:
        return self.client.put(path, headers={**self.headers, **kw.pop("headers", {})}, **kw)

    def ready(self) -> dict[str, Any]:
        r = self.put("/v1/agent/state", json={"state": "ready"})
        assert r.status_code == 200, r.text
        return r.json()

    def state(self) -> dict[str, Any]:
        return self.get("/v1/agent").json()

    def offer(self, **body: Any) -> dict[str, Any]:
        r = self.client.post("/sandbox/calls", json={"agent": self.username, **body})
        assert r.status_code == 201, r.text
        return r.json()


def login(client: httpx.Client, username: str) -> LoggedIn:
    r = client.post("/v1/sessions", json={"username": username, "password": DEMO_PASSWORD})
    assert r.status_code == 201, r.text
    body = r.json()
    return LoggedIn(username, body["token"], client, body)


def wait_until(predicate: Callable[[], Any], timeout: float = 5.0, step: float = 0.02) -> Any:
    """Poll ``predicate`` until it returns something truthy (no fixed sleeps)."""
    deadline = time.monotonic() + timeout
    while True:
        value = predicate()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached in time")
        time.sleep(step)


@dataclass
class Frame:
    id: int | None = None
    event: str | None = None
    data: str = ""
    comments: list[str] = field(default_factory=list)
    retry: int | None = None

    def json(self) -> Any:
        return json.loads(self.data)


class SseStream:
    """A minimal blocking SSE reader over httpx, for tests."""

    def __init__(
        self,
        base_url: str,
        token: str,
        last_event_id: int | str | None = None,
        query_id: int | None = None,
        read_timeout: float = 5.0,
    ) -> None:
        headers = {"Authorization": f"Bearer {token}", "Accept": "text/event-stream"}
        if last_event_id is not None:
            headers["Last-Event-ID"] = str(last_event_id)
        params = {"last_event_id": str(query_id)} if query_id is not None else None
        self._client = httpx.Client(
            base_url=base_url, timeout=httpx.Timeout(10.0, read=read_timeout)
        )
        self._cm = self._client.stream("GET", "/v1/events", headers=headers, params=params)
        self.response = self._cm.__enter__()
        self._lines = self.response.iter_lines()
        first = self.next_frame()  # the retry hint: once read, the stream is subscribed
        assert first.retry is not None

    def next_frame(self) -> Frame:
        frame = Frame()
        seen = False
        for line in self._lines:
            if line == "":
                if seen:
                    return frame
                continue
            seen = True
            if line.startswith(":"):
                frame.comments.append(line[1:].strip())
                continue
            name, _, value = line.partition(":")
            value = value[1:] if value.startswith(" ") else value
            if name == "id":
                frame.id = int(value)
            elif name == "event":
                frame.event = value
            elif name == "data":
                frame.data = value if not frame.data else frame.data + "\n" + value
            elif name == "retry":
                frame.retry = int(value)
        raise EOFError("the stream ended")

    def next_event(self) -> Frame:
        while True:
            frame = self.next_frame()
            if frame.event is not None:
                return frame

    def events_until(self, predicate: Callable[[Frame], bool], limit: int = 50) -> list[Frame]:
        out = []
        for _ in range(limit):
            frame = self.next_event()
            out.append(frame)
            if predicate(frame):
                return out
        raise AssertionError(f"no matching event in {limit}: {[f.event for f in out]}")

    def close(self) -> None:
        self._cm.__exit__(None, None, None)
        self._client.close()

    def __enter__(self) -> SseStream:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
