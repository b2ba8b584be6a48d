"""A loopback TCP proxy that loses, withholds or blocks the wrap-up on the wire.

It sits between the desktop and the sandbox and forwards bytes both ways. When a request
``POST …/wrapup`` passes through, the current ``mode`` decides its fate:

- ``pass``: forwarded normally;
- ``drop_response_once``: the request reaches the server, but the connection is cut as
  soon as the answer comes back, so the client never sees it (once, then ``pass``);
- ``hold_response``: the request reaches the server and the answer is swallowed;
- ``hold_request``: the request never reaches the server;
- ``cut_request``: the request never reaches the server and the connection is closed at
  once (the client sees a network error and retries later).

It runs on its own thread and asyncio loop, like the sandbox.
"""

from __future__ import annotations

import asyncio
import contextlib
import threading


class FaultProxy:
    def __init__(self, upstream_host: str, upstream_port: int) -> None:
        self.upstream = (upstream_host, upstream_port)
        self.mode = "pass"
        self.matched = 0
        self.port = 0
        self._loop: asyncio.AbstractEventLoop | None = None
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None
        self._ready = threading.Event()

    @property
    def base_url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    def start(self) -> None:
        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            self._server = loop.run_until_complete(
                asyncio.start_server(self._handle, "127.0.0.1", 0)
            )
            self.port = self._server.sockets[0].getsockname()[1]
            self._ready.set()
            loop.run_forever()
            self._server.close()
            loop.run_until_complete(self._server.wait_closed())
            for task in asyncio.all_tasks(loop):
                task.cancel()
            with contextlib.suppress(Exception):
                loop.run_until_complete(asyncio.sleep(0))
            loop.close()

        self._thread = threading.Thread(target=run, name="fault-proxy", daemon=True)
        self._thread.start()
        self._ready.wait(10)

    def stop(self) -> None:
        if self._loop is not None and self._thread is not None:
            self._loop.call_soon_threadsafe(self._loop.stop)
            self._thread.join(10)

    def __enter__(self) -> FaultProxy:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def _fault_for(self, data: bytes) -> str | None:
        head = data.split(b"\r\n", 1)[0]
        if not (head.startswith(b"POST ") and b"/wrapup " in head):
            return None
        self.matched += 1
        mode = self.mode
        if mode == "drop_response_once":
            self.mode = "pass"
            return "drop"
        if mode == "hold_response":
            return "hold"
        if mode == "hold_request":
            return "block"
        if mode == "cut_request":
            return "cut"
        return None

    async def _handle(self, client_r: asyncio.StreamReader, client_w: asyncio.StreamWriter) -> None:
        try:
            up_r, up_w = await asyncio.open_connection(*self.upstream)
        except OSError:
            client_w.close()
            return
        fault: dict[str, str | None] = {"now": None}

        async def client_to_upstream() -> None:
            with contextlib.suppress(OSError):
                while data := await client_r.read(65536):
                    fault["now"] = self._fault_for(data) or fault["now"]
                    if fault["now"] == "cut":
                        client_w.close()
                        break
                    if fault["now"] == "block":
                        continue  # the server never hears it
                    up_w.write(data)
                    await up_w.drain()
            up_w.close()

        async def upstream_to_client() -> None:
            with contextlib.suppress(OSError):
                while data := await up_r.read(65536):
                    if fault["now"] == "drop":
                        break  # the answer is lost on the wire
                    if fault["now"] == "hold":
                        continue
                    client_w.write(data)
                    await client_w.drain()
            client_w.close()
            up_w.close()

        await asyncio.gather(client_to_upstream(), upstream_to_client(), return_exceptions=True)
