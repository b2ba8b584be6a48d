"""Runs the sandbox with uvicorn: on its own thread (``SandboxServer``) or in the
foreground until a signal (``serve_forever``, used by the CLI).

Open event streams would keep uvicorn waiting at shutdown, so every stop first ends them
(``SandboxContext.shutdown``) and then tells uvicorn to exit.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import threading
from collections.abc import Callable, Generator
from pathlib import Path
from types import FrameType

import uvicorn

from agent_desktop.loopback import listening_socket, url_for, url_of
from agent_desktop.sandbox.app import create_app
from agent_desktop.sandbox.config import SandboxConfig
from agent_desktop.sandbox.context import SandboxContext
from agent_desktop.sandbox.data.generate import ensure_database
from agent_desktop.sandbox.kept import KeptState

log = logging.getLogger(__name__)

STARTUP_TIMEOUT = 60.0


class _Server(uvicorn.Server):
    """A uvicorn server that ends the event streams before it exits, and that handles
    SIGINT/SIGTERM without re-raising them (so the CLI can return 0)."""

    before_exit: Callable[[], None] | None = None
    after_startup: Callable[[], None] | None = None

    async def startup(self, sockets: list[socket.socket] | None = None) -> None:
        await super().startup(sockets)
        if self.after_startup is not None:
            self.after_startup()

    def handle_exit(self, sig: int, frame: FrameType | None) -> None:
        if self.before_exit is not None:
            self.before_exit()
        super().handle_exit(sig, frame)

    @contextlib.contextmanager
    def capture_signals(self) -> Generator[None, None, None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        signals = (signal.SIGINT, signal.SIGTERM)
        original = {sig: signal.signal(sig, self.handle_exit) for sig in signals}
        try:
            yield
        finally:
            for sig, handler in original.items():
                signal.signal(sig, handler)


def _uvicorn_server(
    config: SandboxConfig, database: Path, host: str, port: int, kept: KeptState | None = None
) -> _Server:
    app = create_app(config, database, kept)
    uv_config = uvicorn.Config(
        app,
        host=host,
        port=port,
        loop="none",
        http="h11",
        ws="none",
        lifespan="on",
        log_level="warning",
        access_log=False,  # URLs carry phone numbers: no personal data in logs
        timeout_graceful_shutdown=3,
    )
    server = _Server(uv_config)

    def end_streams() -> None:
        ctx: SandboxContext | None = app.state.sandbox
        if ctx is not None:
            ctx.shutdown()

    server.before_exit = end_streams
    return server


class SandboxServer:
    """The sandbox on a background thread with its own asyncio loop.

    ``start()`` returns once the server accepts connections; ``stop()`` ends every
    stream, shuts uvicorn down and joins the thread. It can be started again afterwards,
    on the same port, with the contact centre's state kept (``kept``, see ``kept.py``).
    """

    def __init__(
        self,
        host: str = "127.0.0.1",
        port: int = 0,
        seed: int = 7,
        data_dir: Path | None = None,
        auto_calls: bool = False,
        call_interval: float = 20.0,
        *,
        offer_timeout: float = 30.0,
        transcript_interval: float = 3.0,
        event_buffer_size: int = 1000,
        keepalive_interval: float = 15.0,
        state_path: Path | None = None,
    ) -> None:
        self.host = host
        self.port = port
        self.config = SandboxConfig(
            seed=seed,
            data_dir=data_dir,
            auto_calls=auto_calls,
            call_interval=call_interval,
            offer_timeout=offer_timeout,
            transcript_interval=transcript_interval,
            event_buffer_size=event_buffer_size,
            keepalive_interval=keepalive_interval,
            state_path=state_path,
        )
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._loop: asyncio.AbstractEventLoop | None = None
        self._bound_port: int | None = None
        self._error: BaseException | None = None
        self.kept = KeptState.with_state_file(state_path)

    @property
    def base_url(self) -> str:
        if self._bound_port is None:
            raise RuntimeError("the sandbox is not started")
        return url_for(self.host, self._bound_port)

    @property
    def database(self) -> Path:
        return ensure_database(self.config.data_dir, self.config.seed)

    def start(self) -> None:
        if self._thread is not None:
            raise RuntimeError("the sandbox is already running")
        database = ensure_database(self.config.data_dir, self.config.seed)
        sock = listening_socket(self.host, self.port)
        self._bound_port = sock.getsockname()[1]
        self.port = self._bound_port  # a restart comes back on the same port
        server = _uvicorn_server(self.config, database, self.host, self._bound_port, self.kept)
        self._server = server
        self._error = None
        ready = threading.Event()
        server.after_startup = ready.set

        def run() -> None:
            loop = asyncio.new_event_loop()
            self._loop = loop
            try:
                loop.run_until_complete(server.serve(sockets=[sock]))
            except Exception as exc:  # reported to the thread that called start()
                log.exception("the sandbox server failed")
                self._error = exc
            finally:
                sock.close()
                loop.run_until_complete(loop.shutdown_asyncgens())
                loop.close()
                ready.set()

        thread = threading.Thread(target=run, name="sandbox-server", daemon=True)
        self._thread = thread
        thread.start()
        ready.wait(STARTUP_TIMEOUT)
        if not server.started:
            self.stop()
            raise RuntimeError("the sandbox did not start") from self._error

    def stop(self) -> None:
        server, thread, loop = self._server, self._thread, self._loop
        if server is None or thread is None:
            return
        if loop is not None and not loop.is_closed() and server.before_exit is not None:
            with contextlib.suppress(RuntimeError):  # the loop closed meanwhile
                loop.call_soon_threadsafe(server.before_exit)
        server.should_exit = True
        thread.join(timeout=15)
        self._server = self._thread = self._loop = None
        self._bound_port = None

    def __enter__(self) -> SandboxServer:
        self.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stop()


async def serve_forever(
    host: str = "127.0.0.1",
    port: int = 8765,
    config: SandboxConfig | None = None,
    on_ready: Callable[[str], None] | None = None,
    sock: socket.socket | None = None,
) -> None:
    """Serve on the current loop until SIGINT/SIGTERM; ``on_ready`` gets the base URL.

    ``sock``: an already listening socket to serve on (then ``host`` and ``port`` are not
    used), as the demo's desktop hands it over (``loopback.py``).
    """
    config = config or SandboxConfig()
    database = await asyncio.to_thread(ensure_database, config.data_dir, config.seed)
    if sock is None:
        sock = listening_socket(host, port)
    host, bound = sock.getsockname()[:2]
    server = _uvicorn_server(config, database, host, bound)
    if on_ready is not None:
        url = url_of(sock)
        server.after_startup = lambda: on_ready(url)
    try:
        await server.serve(sockets=[sock])
    finally:
        sock.close()
