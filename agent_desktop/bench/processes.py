"""Child processes the bench times from the outside: the sandbox on its own, a bare Qt
window (the floor of any start-up), and the desktop's own cold start in demo mode."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from agent_desktop.demo_sandbox import SandboxProcess

# The least any PySide6 program can do: import Qt, show a main window, paint it, quit.
BARE_WINDOW = """
import json, sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow
app = QApplication(sys.argv[:1])
window = QMainWindow()
window.resize(1280, 740)
window.show()
def ready():
    rss = None
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024
    print(json.dumps({"ready": {"rss_mb": rss}}), flush=True)
    app.quit()
QTimer.singleShot(0, ready)
app.exec()
"""


def child_env(home: Path) -> dict[str, str]:
    """Offscreen Qt and private config/state dirs; the sandbox data cache stays shared,
    so a cold start measures the desktop, not the one-off data generation."""
    env = dict(os.environ)
    env["QT_QPA_PLATFORM"] = "offscreen"
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_STATE_HOME"] = str(home / "state")
    env["XDG_DATA_HOME"] = str(home / "data")
    # Bytecode as an installed program has it (pip compiles it at install): with
    # PYTHONDONTWRITEBYTECODE set (as on the development VMs) every start compiled the
    # project's ~150 modules from source again (~0.25 s of CPU the bare window, all of
    # whose modules come compiled, never pays). Kept in the bench's own directory, and
    # written by the warm-up start.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPYCACHEPREFIX"] = str(home / "pycache")
    return env


def cpu_seconds(pid: int) -> float | None:
    """CPU time (user + system) process ``pid`` has used so far, from /proc (Linux):
    unlike the wall clock, it hardly depends on what else the machine is running."""
    try:
        with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def time_until_ready(
    cmd: list[str], env: dict[str, str], timeout: float = 120
) -> tuple[float, dict[str, Any]]:
    """Seconds from spawning ``cmd`` to its ``{"ready": {...}}`` line, and that object."""
    with tempfile.TemporaryFile("w+", encoding="utf-8", errors="replace") as errors:
        started = time.perf_counter()
        with subprocess.Popen(
            cmd, env=env, stdout=subprocess.PIPE, stderr=errors, text=True
        ) as child:
            assert child.stdout is not None
            with watchdog(child, timeout):
                for line in child.stdout:
                    if line.startswith('{"ready"'):
                        elapsed = time.perf_counter() - started
                        ready = json.loads(line)["ready"] | {"cpu_s": cpu_seconds(child.pid)}
                        child.wait()
                        return elapsed, ready
                child.wait()
        errors.seek(0)
        said = errors.read()[-2000:]
    raise RuntimeError(f"{cmd[:4]} ended with {child.returncode} before it was ready:\n{said}")


@contextmanager
def watchdog(child: subprocess.Popen[str], timeout: float) -> Iterator[None]:
    """Kill ``child`` if it is still running after ``timeout`` seconds (a hung child
    must fail the bench, not hang it)."""
    timer = threading.Timer(timeout, child.kill)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


def bare_window(env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    return time_until_ready([sys.executable, "-c", BARE_WINDOW], env)


def desktop_demo(env: dict[str, str]) -> tuple[float, dict[str, Any]]:
    cmd = [sys.executable, "-m", "agent_desktop", "--demo", "--lang", "fr", "--exit-when-ready"]
    return time_until_ready(cmd, env)


@contextmanager
def sandbox_process(env: dict[str, str], seed: int = 7) -> Iterator[str]:
    """``agent-desktop sandbox`` in its own process (so the bench's own memory figures
    hold the client only), without automatic calls; yields its base URL."""
    sandbox = SandboxProcess(seed, auto_calls=False, env=env)
    try:
        sandbox.start(timeout=120)
        yield sandbox.base_url
    finally:
        sandbox.stop()
