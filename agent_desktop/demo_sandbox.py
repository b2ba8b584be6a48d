"""The demo's sandbox contact centre in a child process (``agent-desktop sandbox``).

``agent-desktop --demo`` starts it before anything else is imported, so the sandbox's
own start-up (FastAPI, uvicorn, its data: ~0.7 s of CPU) runs on another core while
the desktop loads Qt and builds its window, instead of before the login (see
docs/performance.md). It is reached over loopback like any gateway, and the client
never imports it. On Linux the child is killed if the desktop dies without stopping it.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading

from agent_desktop.loopback import listening_socket, url_of

# The sandbox's demo users' password (agent_desktop/sandbox/users.py: the client cannot
# import the sandbox, so the demo and the bench name it here).
DEMO_PASSWORD = "Sandbox-Demo-2026"
START_TIMEOUT = 60.0


def _die_with_parent() -> None:  # pragma: no cover - runs in the child before exec
    import ctypes

    pr_set_pdeathsig = 1
    ctypes.CDLL(None, use_errno=True).prctl(pr_set_pdeathsig, signal.SIGTERM)


class SandboxProcess:
    """``agent-desktop sandbox`` in a child process, spawned at construction.

    The listening socket is made here and handed to the child (``--fd``), so
    ``base_url`` is known at once: requests sent before the child serves wait in the
    socket's queue and are answered when it does (``loopback.py``).
    ``start()`` waits until it serves (its first output line is its URL); ``stop()``
    ends it. Same interface as the in-process ``SandboxServer``.
    """

    def __init__(
        self, seed: int = 7, auto_calls: bool = True, env: dict[str, str] | None = None
    ) -> None:
        sock = listening_socket()
        self.base_url = url_of(sock)
        cmd = [sys.executable, "-m", "agent_desktop", "sandbox", "--fd", str(sock.fileno())]
        cmd += ["--seed", str(seed)]
        if not auto_calls:
            cmd.append("--no-auto-calls")
        self._serving = False
        try:
            self._child = subprocess.Popen(
                cmd,
                stdin=subprocess.DEVNULL,
                stdout=subprocess.PIPE,
                text=True,
                env=env,
                pass_fds=(sock.fileno(),),
                preexec_fn=_die_with_parent if sys.platform == "linux" else None,
            )
        finally:
            # The child holds it now: once it ends, the port is closed (requests get
            # "connection refused", not a wait in a queue nobody reads).
            sock.close()

    def start(self, timeout: float = START_TIMEOUT) -> None:
        """Block until the sandbox serves (or raise RuntimeError, the child stopped)."""
        if self._serving:
            return
        assert self._child.stdout is not None
        watchdog = threading.Timer(timeout, self._child.kill)
        watchdog.start()
        try:
            line = self._child.stdout.readline().strip()
        finally:
            watchdog.cancel()
        if line != self.base_url:
            self.stop()
            raise RuntimeError(f"the sandbox did not start (exit code {self._child.returncode})")
        self._serving = True

    def stop(self) -> None:
        if self._child.poll() is None:
            self._child.terminate()
            try:
                self._child.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self._child.kill()
                self._child.wait()
        if self._child.stdout is not None:
            self._child.stdout.close()
